"""Two small dialogs of the calling screen: "Person überspringen" (F4) and "Meine Anrufe" (F3, screens.md 7).

Both are keyboard first: digits pick a skip reason, Enter confirms, Escape cancels; in the shift list the
arrow keys choose a call and Enter opens it for correction (a new report supersedes the old one).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.queue import SKIP_TEXT_MAX, SkipReason
from desktop.services.calling import ShiftLine
from desktop.views.labels import outcome_label, skip_reason_label
from desktop.views.style import heading_font

REASONS = (SkipReason.KNOWN_PERSONALLY, SkipReason.LANGUAGE, SkipReason.PHONE_TROUBLE, SkipReason.OTHER)


class SkipDialog(QDialog):
    """Why the caller skips this person: one of a few fixed reasons and an optional short text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Skip this person"))
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Why do you skip this person?"), self)
        title.setFont(heading_font(1.15))
        explain = QLabel(
            self.tr(
                "Skipping is not a call attempt and is not sent anywhere. The person stays on the list: for "
                "reasons 1 and 2 someone else calls them, otherwise they come back to you when nobody else "
                "is left."
            ),
            self,
        )
        explain.setWordWrap(True)
        self.reasons = QListWidget(self)
        self.reasons.setAccessibleName(self.tr("Reason (keys 1 to 4)"))
        for key, reason in enumerate(REASONS, 1):
            item = QListWidgetItem(f"[{key}] {skip_reason_label(reason)}", self.reasons)
            item.setData(Qt.ItemDataRole.UserRole, reason.value)
        self.reasons.setCurrentRow(0)
        self.reasons.installEventFilter(self)
        rows = self.reasons.sizeHintForRow(0) * len(REASONS) + 2 * self.reasons.frameWidth() + 4
        self.reasons.setFixedHeight(rows)
        self.reasons.setMinimumWidth(self.reasons.sizeHintForColumn(0) + 2 * self.reasons.frameWidth() + 8)
        self.reasons.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.text = QLineEdit(self)
        self.text.setMaxLength(SKIP_TEXT_MAX)
        self.text.setPlaceholderText(self.tr("Short text (optional, no personal details)"))
        self.text.setAccessibleName(self.tr("Short text (optional)"))
        buttons = QDialogButtonBox(self)
        self.confirm = buttons.addButton(self.tr("Skip (Enter)"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.confirm.setDefault(True)
        buttons.addButton(self.tr("Cancel (Esc)"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        for widget in (title, explain, self.reasons, self.text, buttons):
            layout.addWidget(widget)
        self.reasons.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.reasons and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            text = event.text()
            if len(text) == 1 and text.isdigit() and 1 <= int(text) <= len(REASONS):
                self.reasons.setCurrentRow(int(text) - 1)
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.accept()
                return True
        return False

    def reason(self) -> SkipReason:
        return SkipReason(self.reasons.currentItem().data(Qt.ItemDataRole.UserRole))

    def short_text(self) -> str:
        return self.text.text().strip()


class ShiftLogDialog(QDialog):
    """This shift's calls, newest first; Enter on a call opens it for correction (``chosen_report``)."""

    def __init__(self, lines: list[ShiftLine], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("My calls"))
        self.chosen_report: str | None = None
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("My calls in this shift"), self)
        title.setFont(heading_font(1.15))
        explain = QLabel(
            self.tr(
                "Enter opens a call to correct it: the new answers are saved as a new report that replaces "
                "the old one (which is kept). Nothing in this list is kept after “End shift”."
            ),
            self,
        )
        explain.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Calls of this shift, newest first"))
        for line in lines:
            item = QListWidgetItem(self._text(line), self.list)
            report = line.entry.report
            item.setData(Qt.ItemDataRole.UserRole, report.id if report is not None else None)
        if not lines:
            QListWidgetItem(self.tr("No calls yet in this shift"), self.list)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self.choose())
        self.hint = QLabel("", self)
        self.hint.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.correct = buttons.addButton(self.tr("Correct (Enter)"), QDialogButtonBox.ButtonRole.ActionRole)
        self.correct.clicked.connect(self.choose)
        buttons.addButton(self.tr("Close (Esc)"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        for widget in (title, explain, self.list, self.hint, buttons):
            layout.addWidget(widget)
        self.resize(560, 420)
        self.list.setFocus()

    def _text(self, line: ShiftLine) -> str:
        entry = line.entry
        time = entry.at.astimezone().strftime("%H:%M")
        name = line.name or self.tr("(no name)")
        if entry.report is None:
            assert entry.skip_reason is not None
            result = self.tr("Skipped: %1").replace("%1", skip_reason_label(entry.skip_reason))
            if entry.skip_text:
                result += f" – {entry.skip_text}"
        else:
            result = outcome_label(entry.report.outcome)
            if entry.report.corrects is not None:
                result += " " + self.tr("(corrected)")
        return f"{time} · {name} · {result}"

    def texts(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def choose(self) -> None:
        if not self.isVisible():  # Enter activates the line and then reaches the dialog: choose once
            return
        item = self.list.currentItem()
        report_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if report_id is None:
            self.hint.setText(self.tr("A skipped person was not called: there is nothing to correct."))
            return
        self.chosen_report = report_id
        self.accept()
