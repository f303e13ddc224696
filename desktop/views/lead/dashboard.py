"""„Fortschritt": big numbers, a bar per status, calls per hour, outcomes per day, team counts; individual names only
for volunteers who opted in (DP-26). Refreshes on a timer while shown; queries run on the database runner."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QColor, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.calling_hours import to_berlin
from desktop.services.lead_export import Exported
from desktop.services.lead_progress import Progress
from desktop.viewmodels.lead_progress import DashboardModel
from desktop.views.lead import texts
from desktop.views.lead.charts import AMBER, BLUE, GREEN, GREY, RED, BarList, ColumnChart
from desktop.views.style import heading_font
from desktop.views.widgets import allow_rich_text
from sync.core.rules import ContactStatus, Outcome

OUTCOME_COLOURS = {
    "reached": GREEN,
    "call_back": QColor("#81c784"),
    "no_pickup": BLUE,
    "busy": QColor("#64b5f6"),
    "voicemail": QColor("#00838f"),
    "not_available": QColor("#6a1b9a"),
    "wrong_number": GREY,
    "not_in_service": QColor("#616161"),
    "objection": RED,
}
STATUS_COLOURS = {
    "open": BLUE,
    "done": GREEN,
    "objection": RED,
    "wrong_number": GREY,
    "not_in_service": GREY,
    "organizer_action": AMBER,
}


class BigNumber(QFrame):
    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        v = QVBoxLayout(self)
        self.value = QLabel("–", self)
        self.value.setFont(heading_font(2.6))
        self.value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption = QLabel(caption, self)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        v.addWidget(self.value)
        v.addWidget(self.caption)
        self.setAccessibleName(caption)

    def set_value(self, value: int) -> None:
        self.value.setText(QLocale().toString(value))


class Dashboard(QWidget):
    def __init__(self, model: DashboardModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self.model = model
        self.progress: Progress | None = None
        self.choose_export_path: Callable[[], str] = lambda: QFileDialog.getSaveFileName(
            self, self.tr("Export results"), "ergebnisse.csv", self.tr("CSV (*.csv)")
        )[0]
        self.choose_record_path: Callable[[], str] = lambda: QFileDialog.getSaveFileName(
            self, self.tr("Record of processing"), "verarbeitungsverzeichnis.html", self.tr("HTML (*.html)")
        )[0]
        root = QVBoxLayout(self)
        head = QHBoxLayout()
        self.title = QLabel("", self)
        self.title.setFont(heading_font(1.3))
        self.updated_label = QLabel("", self)
        self.updated_label.setObjectName("demoHint")
        self.export_button = QPushButton(self.tr("Export results …"), self)
        self.export_button.setToolTip(
            self.tr("For the central office: pseudonymous id, outcome and answers; no names, no numbers.")
        )
        self.record_button = QPushButton(self.tr("Record of processing …"), self)
        self.record_button.setToolTip(
            self.tr("The Art. 30 GDPR entry of this campaign for the data-protection officer")
        )
        head.addWidget(self.title, 1)
        head.addWidget(self.updated_label)
        head.addWidget(self.export_button)
        head.addWidget(self.record_button)
        root.addLayout(head)

        numbers = QHBoxLayout()
        self.reached = BigNumber(self.tr("reached"), self)
        self.open = BigNumber(self.tr("open"), self)
        self.callbacks = BigNumber(self.tr("call-backs"), self)
        self.objections = BigNumber(self.tr("objections"), self)
        for w in (self.reached, self.open, self.callbacks, self.objections):
            numbers.addWidget(w)
        root.addLayout(numbers)
        self.goal_label = QLabel("", self)
        root.addWidget(self.goal_label)

        grid = QGridLayout()
        status_box = QGroupBox(self.tr("People by status"), self)
        sv = QVBoxLayout(status_box)
        self.status_bars = BarList(status_box)
        sv.addWidget(self.status_bars)
        sv.addStretch(1)
        hour_box = QGroupBox(self.tr("Calls per hour (green: reached)"), self)
        hv = QVBoxLayout(hour_box)
        self.hour_chart = ColumnChart(hour_box)
        hv.addWidget(self.hour_chart)
        day_box = QGroupBox(self.tr("Outcomes per day"), self)
        dv = QVBoxLayout(day_box)
        self.day_chart = ColumnChart(day_box)
        self.day_legend = QLabel("", day_box)
        self.day_legend.setWordWrap(True)
        allow_rich_text(self.day_legend)  # our own legend markup, outcome names only
        dv.addWidget(self.day_chart)
        dv.addWidget(self.day_legend)
        team_box = QGroupBox(self.tr("Team"), self)
        tv = QVBoxLayout(team_box)
        self.team_label = QLabel("", team_box)
        self.team_label.setWordWrap(True)
        self.volunteers_label = QLabel("", team_box)
        self.volunteers_label.setWordWrap(True)
        tv.addWidget(self.team_label)
        tv.addWidget(self.volunteers_label)
        tv.addStretch(1)
        grid.addWidget(status_box, 0, 0)
        grid.addWidget(hour_box, 0, 1)
        grid.addWidget(team_box, 1, 0)
        grid.addWidget(day_box, 1, 1)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        root.addLayout(grid, 1)
        self.message = QLabel("", self)
        self.message.setObjectName("savedLabel")
        self.message.setWordWrap(True)
        root.addWidget(self.message)

        self.export_button.clicked.connect(self.export)
        self.record_button.clicked.connect(self.write_record)
        model.updated.connect(self.show_progress)
        model.exported.connect(self._exported)
        model.record_written.connect(
            lambda _p: self.message.setText(self.tr("Record of processing written."))
        )
        model.failed.connect(lambda code: self.message.setText(texts.error_text(code)))

    # ------------------------------------------------------------------ timer follows visibility

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.model.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self.model.stop()
        super().hideEvent(event)

    # ------------------------------------------------------------------ showing

    def show_progress(self, p: Progress) -> None:
        self.progress = p
        self.title.setText(p.title)
        self.updated_label.setText(
            self.tr("as of %1").replace(
                "%1", QLocale().toString(to_berlin(p.at).time(), QLocale.FormatType.ShortFormat)
            )
        )
        self.reached.set_value(p.reached)
        self.open.set_value(p.open)
        self.callbacks.set_value(p.callbacks)
        self.objections.set_value(p.objections)
        if p.goal:
            self.goal_label.setText(
                self.tr("Goal: %1 of %2 people reached.")
                .replace("%1", str(p.reached))
                .replace("%2", str(p.goal))
            )
        else:
            self.goal_label.setText(
                self.tr("%1 people on the list, %2 calls so far.")
                .replace("%1", str(p.total))
                .replace("%2", str(p.calls))
            )
        if p.wiped:
            self.goal_label.setText(self.goal_label.text() + " " + self.tr("The call list has been deleted."))
        self.status_bars.set_rows(
            [
                (texts.status_label(s.value), p.by_status.get(s.value, 0), STATUS_COLOURS[s.value])
                for s in ContactStatus
            ]
        )
        self.hour_chart.set_columns(
            [
                (
                    QLocale().toString(to_berlin(b.start).time(), "HH:mm"),
                    [(b.reached, GREEN), (b.calls - b.reached, BLUE)],
                )
                for b in p.per_hour
            ],
            self.tr("No calls in the last hours."),
        )
        colours = OUTCOME_COLOURS
        self.day_chart.set_columns(
            [
                (
                    QLocale().toString(d.day, "dd.MM."),
                    [(n, colours[o]) for o, n in sorted(d.outcomes.items())],
                )
                for d in p.per_day
            ],
            self.tr("No calls yet."),
        )
        self.day_legend.setText(
            " ".join(
                f"<span style='color:{colours[o.value].name()}'>■</span> {texts.outcome_label(o.value)}"
                for o in Outcome
            )
        )
        self.team_label.setText(
            self.tr(
                "Today: %1 callers, %2 calls. Altogether: %3 callers, %4 calls. %5 results wait for upload."
            )
            .replace("%1", str(p.callers_today))
            .replace("%2", str(p.calls_today))
            .replace("%3", str(p.callers))
            .replace("%4", str(p.calls))
            .replace("%5", str(p.pending_uploads))
        )
        if p.volunteers:
            lines = [
                self.tr("%1: %2 calls, %3 reached")
                .replace("%1", v.label)
                .replace("%2", str(v.calls))
                .replace("%3", str(v.reached))
                for v in p.volunteers
            ]
            self.volunteers_label.setText(self.tr("Who wants to be named:") + "\n" + "\n".join(lines))
        else:
            self.volunteers_label.setText(self.tr("Names appear only for volunteers who chose so."))

    # ------------------------------------------------------------------ actions

    def export(self) -> None:
        path = self.choose_export_path()
        if path:
            self.model.export(path)

    def write_record(self) -> None:
        path = self.choose_record_path()
        if path:
            self.model.write_record(path)

    def _exported(self, done: Exported) -> None:
        self.message.setText(
            self.tr("%1 results exported (no names, no numbers).").replace("%1", str(done.rows))
        )
