"""„Aktion vorbereiten": purpose first (it decides the fields), then title, period, script with a live preview,
the transparency answer, questions, rules, calling hours, notes, goal and the resolution."""

from __future__ import annotations

import html
from datetime import date, time, timedelta

from PySide6.QtCore import QDate, QLocale, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTextBrowser,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.calling_hours import GERMAN_STATES
from desktop.domain.models import QuestionKind, new_id
from desktop.services import lead
from desktop.viewmodels.lead_campaign import CampaignEditorModel
from desktop.views.lead import texts
from desktop.views.style import heading_font
from sync.core.purposes import CATEGORIES, PURPOSES

PLACEHOLDER_BUTTONS = ("first_name", "last_name", "locality", "caller_name", "campaign_title")


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class QuestionEditor(QGroupBox):
    """Survey questions: add, remove, reorder; kind, text and options (one per line) of the selected one."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Questions of the campaign"))
        self._questions: list[dict[str, object]] = []
        self._loading = False
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Questions"))
        self.list.currentRowChanged.connect(self._select)
        left.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.up_button = QPushButton(self.tr("Up"), self)
        self.down_button = QPushButton(self.tr("Down"), self)
        for b in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(b)
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        left.addLayout(buttons)
        layout.addLayout(left, 1)

        form = QFormLayout()
        self.kind = QComboBox(self)
        for kind, label in (
            (QuestionKind.YES_NO, self.tr("Yes / no")),
            (QuestionKind.SINGLE, self.tr("One choice")),
            (QuestionKind.MULTI, self.tr("Several choices")),
            (QuestionKind.TEXT, self.tr("Short text")),
        ):
            self.kind.addItem(label, kind.value)
        self.prompt = QLineEdit(self)
        self.prompt.setMaxLength(300)
        self.options = QPlainTextEdit(self)
        self.options.setPlaceholderText(self.tr("One option per line (2 to 9)"))
        self.options.setMaximumHeight(90)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Question"), self.prompt)
        form.addRow(self.tr("Options"), self.options)
        layout.addLayout(form, 2)
        self.kind.currentIndexChanged.connect(self._edited)
        self.prompt.textChanged.connect(self._edited)
        self.options.textChanged.connect(self._edited)
        self._enable()

    def set_questions(self, questions: list[dict[str, object]]) -> None:
        self._questions = [dict(q) for q in questions]
        self._rebuild(0 if questions else -1)

    def questions(self) -> list[dict[str, object]]:
        out = []
        for q in self._questions:
            kind = q["kind"]
            options = (
                [o for o in q.get("options", ()) if str(o).strip()] if kind in ("single", "multi") else []
            )  # type: ignore[union-attr]
            out.append({"id": q["id"], "kind": kind, "prompt": q["prompt"], "options": tuple(options)})
        return out

    def add(self) -> None:
        self._questions.append(
            {"id": new_id()[:8], "kind": QuestionKind.YES_NO.value, "prompt": "", "options": ()}
        )
        self._rebuild(len(self._questions) - 1)
        self.prompt.setFocus()
        self.changed.emit()

    def remove(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._questions):
            del self._questions[row]
            self._rebuild(min(row, len(self._questions) - 1))
            self.changed.emit()

    def move(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if 0 <= row < len(self._questions) and 0 <= target < len(self._questions):
            qs = self._questions
            qs[row], qs[target] = qs[target], qs[row]
            self._rebuild(target)
            self.changed.emit()

    def _rebuild(self, select: int) -> None:
        self._loading = True
        self.list.clear()
        untitled = self.tr("(new question)")
        for i, q in enumerate(self._questions):
            self.list.addItem(QListWidgetItem(f"{i + 1}. {q['prompt'] or untitled}"))
        self._loading = False
        self.list.setCurrentRow(select)
        self._select(select)

    def _select(self, row: int) -> None:
        if self._loading:
            return
        self._loading = True
        if 0 <= row < len(self._questions):
            q = self._questions[row]
            self.kind.setCurrentIndex(max(0, self.kind.findData(q["kind"])))
            self.prompt.setText(str(q["prompt"]))
            self.options.setPlainText("\n".join(str(o) for o in q.get("options", ())))  # type: ignore[union-attr]
        else:
            self.prompt.clear()
            self.options.clear()
        self._loading = False
        self._enable()

    def _edited(self) -> None:
        self._enable()
        if self._loading:
            return
        row = self.list.currentRow()
        if not 0 <= row < len(self._questions):
            return
        q = self._questions[row]
        q["kind"] = self.kind.currentData()
        q["prompt"] = self.prompt.text().strip()
        q["options"] = tuple(line.strip() for line in self.options.toPlainText().splitlines() if line.strip())
        item = self.list.item(row)
        if item is not None:
            untitled = self.tr("(new question)")
            item.setText(f"{row + 1}. {q['prompt'] or untitled}")
        self.changed.emit()

    def _enable(self) -> None:
        has = 0 <= self.list.currentRow() < len(self._questions)
        for w in (self.kind, self.prompt, self.remove_button, self.up_button, self.down_button):
            w.setEnabled(has)
        self.options.setEnabled(has and self.kind.currentData() in ("single", "multi"))


class CallingHoursEditor(QGroupBox):
    """Per weekday a window (or none), public holidays and the state for regional holidays (DP-19)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Calling hours"))
        grid = QGridLayout(self)
        self.days: list[tuple[QCheckBox, QTimeEdit, QTimeEdit]] = []
        locale = QLocale()
        for day in range(7):
            check = QCheckBox(locale.dayName(day + 1, QLocale.FormatType.LongFormat), self)
            start, end = QTimeEdit(self), QTimeEdit(self)
            for t in (start, end):
                t.setDisplayFormat("HH:mm")
            start.setAccessibleName(self.tr("From"))
            end.setAccessibleName(self.tr("Until"))
            check.toggled.connect(start.setEnabled)
            check.toggled.connect(end.setEnabled)
            grid.addWidget(check, day, 0)
            grid.addWidget(start, day, 1)
            grid.addWidget(QLabel("–", self), day, 2)
            grid.addWidget(end, day, 3)
            self.days.append((check, start, end))
        self.skip_holidays = QCheckBox(self.tr("No calls on public holidays"), self)
        self.region = QComboBox(self)
        self.region.addItem(self.tr("Nationwide holidays only"), None)
        for code, name in GERMAN_STATES.items():
            self.region.addItem(name, code)
        self.skip_holidays.toggled.connect(self.region.setEnabled)
        grid.addWidget(self.skip_holidays, 7, 0, 1, 2)
        grid.addWidget(self.region, 7, 2, 1, 2)

    def set_hours(self, hours: dict[str, object]) -> None:
        windows = hours.get("windows", {})
        for day, (check, start, end) in enumerate(self.days):
            w = windows.get(day) or windows.get(str(day))  # type: ignore[union-attr]
            check.setChecked(w is not None)
            s, e = (w["start"], w["end"]) if w else (time(10), time(20))
            s, e = (
                (time.fromisoformat(s) if isinstance(s, str) else s),
                (time.fromisoformat(e) if isinstance(e, str) else e),
            )
            start.setTime(QTime(s.hour, s.minute))
            end.setTime(QTime(e.hour, e.minute))
            start.setEnabled(w is not None)
            end.setEnabled(w is not None)
        self.skip_holidays.setChecked(bool(hours.get("skip_public_holidays", True)))
        self.region.setCurrentIndex(max(0, self.region.findData(hours.get("holiday_region"))))
        self.region.setEnabled(self.skip_holidays.isChecked())

    def hours(self) -> dict[str, object]:
        windows = {}
        for day, (check, start, end) in enumerate(self.days):
            if check.isChecked():
                windows[day] = {
                    "start": time(start.time().hour(), start.time().minute()),
                    "end": time(end.time().hour(), end.time().minute()),
                }
        return {
            "windows": windows,
            "skip_public_holidays": self.skip_holidays.isChecked(),
            "holiday_region": self.region.currentData() if self.skip_holidays.isChecked() else None,
        }


class CampaignEditor(QWidget):
    """The form. ``save_requested`` carries (values, is_new, resolution, grace_days) to the presenter."""

    save_requested = Signal(dict, bool, object, int)

    def __init__(self, caller_name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("campaignEditor")
        self.caller_name = caller_name
        self.campaign_id: str | None = None
        self.is_new = True
        self._extra: dict[str, object] = {}

        root = QVBoxLayout(self)
        self.heading = QLabel(self.tr("New campaign"), self)
        self.heading.setFont(heading_font(1.3))
        root.addWidget(self.heading)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        scroll = QScrollArea(split)
        scroll.setWidgetResizable(True)
        form_host = QWidget(scroll)
        form = QVBoxLayout(form_host)
        scroll.setWidget(form_host)

        # purpose first: it decides the fields (DP-1, DP-4)
        purpose_box = QGroupBox(self.tr("1. Purpose"), form_host)
        pl = QFormLayout(purpose_box)
        self.purpose = QComboBox(purpose_box)
        for pid in PURPOSES:
            self.purpose.addItem(texts.purpose_label(pid), pid)
        self.fields_label = QLabel("", purpose_box)
        self.fields_label.setWordWrap(True)
        self.fields_label.setObjectName("fieldsLabel")
        pl.addRow(self.tr("Purpose"), self.purpose)
        pl.addRow(self.tr("On the PCs"), self.fields_label)
        self.categories: dict[str, QCheckBox] = {}
        cats = QHBoxLayout()
        for cat in CATEGORIES:
            box = QCheckBox(texts.category_label(cat), purpose_box)
            self.categories[cat] = box
            cats.addWidget(box)
        pl.addRow(self.tr("Who may be on the list"), cats)
        form.addWidget(purpose_box)

        basics = QGroupBox(self.tr("2. Title and period"), form_host)
        bl = QFormLayout(basics)
        self.title = QLineEdit(basics)
        self.title.setMaxLength(120)
        self.starts_on = QDateEdit(basics)
        self.ends_on = QDateEdit(basics)
        for d in (self.starts_on, self.ends_on):
            d.setCalendarPopup(True)
            d.setDisplayFormat("dd.MM.yyyy")
        period = QHBoxLayout()
        period.addWidget(self.starts_on)
        period.addWidget(QLabel("–", basics))
        period.addWidget(self.ends_on)
        self.grace = QSpinBox(basics)
        self.grace.setRange(0, 30)
        self.grace.setSuffix(self.tr(" days"))
        self.goal = QSpinBox(basics)
        self.goal.setRange(0, 1_000_000)
        self.goal.setSpecialValueText(self.tr("no goal"))
        bl.addRow(self.tr("Title"), self.title)
        bl.addRow(self.tr("Period"), period)
        bl.addRow(self.tr("Delete the list after the end +"), self.grace)
        bl.addRow(self.tr("Goal (people reached)"), self.goal)
        form.addWidget(basics)

        script_box = QGroupBox(self.tr("3. Script"), form_host)
        sl = QVBoxLayout(script_box)
        chips = QHBoxLayout()
        chips.addWidget(QLabel(self.tr("Insert:"), script_box))
        for name in PLACEHOLDER_BUTTONS:
            b = QPushButton("{" + name + "}", script_box)
            b.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            b.clicked.connect(lambda _=False, n=name: self.script.insertPlainText("{" + n + "}"))
            chips.addWidget(b)
        chips.addStretch(1)
        sl.addLayout(chips)
        self.script = QPlainTextEdit(script_box)
        self.script.setAccessibleName(self.tr("Script"))
        self.script.setMinimumHeight(140)
        sl.addWidget(self.script)
        sl.addWidget(QLabel(self.tr('Answer to "Where do you have my number from?"'), script_box))
        self.transparency = QPlainTextEdit(script_box)
        self.transparency.setAccessibleName(self.tr("Where do you have my number from?"))
        self.transparency.setMaximumHeight(110)
        sl.addWidget(self.transparency)
        form.addWidget(script_box)

        self.questions = QuestionEditor(form_host)
        form.addWidget(self.questions)

        rules = QGroupBox(self.tr("Rules"), form_host)
        rl = QFormLayout(rules)
        self.cooldown = QSpinBox(rules)
        self.cooldown.setRange(0, 24 * 30)
        self.cooldown.setSuffix(self.tr(" hours"))
        self.attempts = QSpinBox(rules)
        self.attempts.setRange(1, 10)
        self.notes = QCheckBox(self.tr("Callers may write a short note"), rules)
        self.note_length = QSpinBox(rules)
        self.note_length.setRange(20, 500)
        self.note_length.setSuffix(self.tr(" characters"))
        self.notes_warning = QLabel(
            self.tr(
                "Notes are off by default. If you turn them on, callers see a warning: "
                "no health, opinions or other people in notes."
            ),
            rules,
        )
        self.notes_warning.setWordWrap(True)
        self.notes.toggled.connect(self.note_length.setEnabled)
        rl.addRow(self.tr("Pause between attempts"), self.cooldown)
        rl.addRow(self.tr("Attempts per person"), self.attempts)
        rl.addRow(self.notes, self.note_length)
        rl.addRow(self.notes_warning)
        form.addWidget(rules)
        self.hours = CallingHoursEditor(form_host)
        form.addWidget(self.hours)

        res = QGroupBox(self.tr("Resolution (optional)"), form_host)
        rf = QFormLayout(res)
        self.res_body = QLineEdit(res)
        self.res_body.setPlaceholderText(self.tr("e.g. district board"))
        self.res_has_date = QCheckBox(self.tr("decided on"), res)
        self.res_date = QDateEdit(res)
        self.res_date.setCalendarPopup(True)
        self.res_date.setDisplayFormat("dd.MM.yyyy")
        self.res_has_date.toggled.connect(self.res_date.setEnabled)
        self.res_ref = QLineEdit(res)
        self.res_people = QLineEdit(res)
        self.res_people.setPlaceholderText(self.tr("1 to 3 names, separated by commas"))
        rf.addRow(self.tr("Body"), self.res_body)
        rf.addRow(self.res_has_date, self.res_date)
        rf.addRow(self.tr("Reference"), self.res_ref)
        rf.addRow(self.tr("Responsible persons"), self.res_people)
        form.addWidget(res)
        form.addStretch(1)

        right = QWidget(split)
        rv = QVBoxLayout(right)
        title = QLabel(self.tr("Preview for an invented person"), right)
        title.setFont(heading_font(1.1))
        rv.addWidget(title)
        self.preview = QTextBrowser(right)
        self.preview.setObjectName("scriptPreview")
        self.preview.setAccessibleName(self.tr("Preview"))
        rv.addWidget(self.preview, 1)
        split.addWidget(scroll)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        root.addWidget(split, 1)

        bottom = QHBoxLayout()
        self.problems = QLabel("", self)
        self.problems.setObjectName("errorLabel")
        self.problems.setWordWrap(True)
        self.status = QLabel("", self)
        self.status.setObjectName("savedLabel")
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        bottom.addWidget(self.problems, 1)
        bottom.addWidget(self.status)
        bottom.addWidget(self.save_button)
        root.addLayout(bottom)

        self.purpose.currentIndexChanged.connect(self._purpose_changed)
        for w in (self.script, self.transparency):
            w.textChanged.connect(self.update_preview)
        self.title.textChanged.connect(self.update_preview)
        self.start_new()

    # ------------------------------------------------------------------ loading

    def start_new(self) -> None:
        self.load(None)

    def load(self, info: lead.CampaignInfo | None) -> None:
        same = info is not None and info.campaign.id == self.campaign_id
        if info is None:
            draft = lead.new_campaign("x", "invitation").model_dump(mode="python")
            draft["title"] = ""
            draft["id"] = new_id()
            self.campaign_id, self.is_new = draft["id"], True
            self.heading.setText(self.tr("New campaign"))
            resolution, grace = lead.Resolution(), lead.DEFAULT_GRACE_DAYS
        else:
            campaign = info.campaign
            draft = campaign.model_dump(mode="python")
            self.campaign_id, self.is_new = campaign.id, False
            self.heading.setText(self.tr('Campaign "%1"').replace("%1", campaign.title))
            resolution, grace = info.resolution, info.grace_days
        self._extra = {"id": draft["id"]}
        self.purpose.setCurrentIndex(max(0, self.purpose.findData(draft["purpose"])))
        self.purpose.setEnabled(info is None or info.contacts == 0)
        for cat, box in self.categories.items():
            box.setChecked(cat in draft["categories"])
            box.setEnabled(info is None or info.contacts == 0)
        self.title.setText(draft["title"])
        start = draft["starts_on"] or date.today()
        self.starts_on.setDate(_qdate(start))
        self.ends_on.setDate(_qdate(draft["ends_on"] or start + timedelta(days=lead.DEFAULT_PERIOD_DAYS)))
        self.script.setPlainText(draft["script"])
        self.transparency.setPlainText(draft["transparency"])
        self.questions.set_questions(
            [
                dict(q, kind=str(q["kind"].value if hasattr(q["kind"], "value") else q["kind"]))
                for q in draft["questions"]
            ]
        )
        rules = draft["rules"]
        self.cooldown.setValue(rules["cooldown_hours"])
        self.attempts.setValue(rules["max_attempts"])
        self.notes.setChecked(rules["notes_enabled"])
        self.note_length.setValue(rules["note_max_length"])
        self.note_length.setEnabled(rules["notes_enabled"])
        self.goal.setValue(rules["goal_reached"] or 0)
        self.hours.set_hours(rules["calling_hours"])
        self.grace.setValue(grace)
        self.res_body.setText(resolution.body)
        self.res_ref.setText(resolution.reference)
        self.res_has_date.setChecked(resolution.decided_on is not None)
        self.res_date.setDate(_qdate(resolution.decided_on or date.today()))
        self.res_date.setEnabled(resolution.decided_on is not None)
        self.res_people.setText(", ".join(resolution.responsible))
        self.problems.clear()
        if not same:
            self.status.clear()
        self._purpose_changed()

    # ------------------------------------------------------------------ values

    def values(self) -> dict[str, object]:
        return {
            "id": self._extra.get("id") or new_id(),
            "title": self.title.text().strip(),
            "purpose": self.purpose.currentData(),
            "categories": tuple(c for c, box in self.categories.items() if box.isChecked()),
            "script": self.script.toPlainText(),
            "transparency": self.transparency.toPlainText().strip(),
            "questions": self.questions.questions(),
            "starts_on": _pydate(self.starts_on.date()),
            "ends_on": _pydate(self.ends_on.date()),
            "rules": {
                "cooldown_hours": self.cooldown.value(),
                "max_attempts": self.attempts.value(),
                "calling_hours": self.hours.hours(),
                "notes_enabled": self.notes.isChecked(),
                "note_max_length": self.note_length.value(),
                "goal_reached": self.goal.value() or None,
            },
        }

    def resolution(self) -> lead.Resolution:
        people = tuple(p.strip() for p in self.res_people.text().split(",") if p.strip())
        return lead.Resolution(
            reference=self.res_ref.text().strip(),
            body=self.res_body.text().strip(),
            decided_on=_pydate(self.res_date.date()) if self.res_has_date.isChecked() else None,
            responsible=people,
        )

    # ------------------------------------------------------------------ behaviour

    def _purpose_changed(self) -> None:
        pid = self.purpose.currentData()
        fields = ", ".join(texts.field_label(f) for f in lead.purpose_fields(pid))
        self.fields_label.setText(self.tr("%1. Nothing else is imported or stored.").replace("%1", fields))
        self.update_preview()

    def update_preview(self) -> None:
        values = self.values()
        body = CampaignEditorModel.preview_html(values, self.caller_name or self.tr("you"))
        answer = self.transparency.toPlainText().strip()
        extra = (
            (
                "<hr><p><b>"
                + html.escape(self.tr("Where do you have my number from?"))
                + "</b><br>"
                + html.escape(answer)
                + "</p>"
            )
            if answer
            else ""
        )
        self.preview.setHtml(body + extra)

    def save(self) -> None:
        self.problems.clear()
        self.status.setText(self.tr("Saving …"))
        self.save_requested.emit(self.values(), self.is_new, self.resolution(), self.grace.value())

    def show_problems(self, problems: list[lead.Problem]) -> None:
        self.status.clear()
        self.problems.setText("\n".join(texts.problem_text(p) for p in problems))

    def show_error(self, message: str) -> None:
        self.status.clear()
        self.problems.setText(message)

    def show_saved(self, changed: lead.CampaignChanged) -> None:
        self.problems.clear()
        self.is_new = False
        self.campaign_id = changed.campaign.id
        self.heading.setText(self.tr('Campaign "%1"').replace("%1", changed.campaign.title))
        if changed.created:
            self.status.setText(self.tr("Campaign created."))
        elif changed.changed:
            self.status.setText(self.tr("Saved."))
        else:
            self.status.setText(self.tr("Nothing changed."))
