"""„Aktion beenden": first what has not reached the central office yet, then — after an explicit decision if
anything is unsynced, and a confirmation — the contact data is wiped (DP-15)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services.lead_end import CampaignEnded, EndPreview
from desktop.viewmodels.lead_progress import EndModel
from desktop.views.lead import texts
from desktop.views.style import heading_font


def _item(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


class EndView(QWidget):
    def __init__(self, model: EndModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("endView")
        self.model = model
        self.preview: EndPreview | None = None
        self.confirm: Callable[[str], bool] = self._ask
        root = QVBoxLayout(self)
        self.title = QLabel(self.tr("End the campaign"), self)
        self.title.setFont(heading_font(1.3))
        root.addWidget(self.title)
        self.info = QLabel("", self)
        self.info.setWordWrap(True)
        root.addWidget(self.info)
        self.unsynced_label = QLabel("", self)
        self.unsynced_label.setWordWrap(True)
        self.unsynced_label.setFont(heading_font(1.05))
        root.addWidget(self.unsynced_label)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("When"), self.tr("Outcome"), self.tr("Caller")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        root.addWidget(self.table, 1)
        self.accept_unsynced = QCheckBox("", self)
        root.addWidget(self.accept_unsynced)
        self.end_button = QPushButton(self.tr("End the campaign and delete the call list"), self)
        self.end_button.setObjectName("objection")
        root.addWidget(self.end_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.message = QLabel("", self)
        self.message.setWordWrap(True)
        root.addWidget(self.message)
        self.accept_unsynced.toggled.connect(self._update)
        self.end_button.clicked.connect(self.end)
        model.previewed.connect(self.show_preview)
        model.ended.connect(self._ended)
        model.failed.connect(lambda code: self.message.setText(texts.error_text(code)))

    def show_preview(self, p: EndPreview) -> None:
        self.preview = p
        locale = QLocale()
        self.title.setText(self.tr('End "%1"').replace("%1", p.title))
        if p.status == "ended":
            self.info.setText(self.tr("This campaign has ended. Its call list has been deleted."))
        else:
            due = locale.toString(p.wipe_due, QLocale.FormatType.ShortFormat) if p.wipe_due else "–"
            self.info.setText(
                self.tr(
                    "%1 people are on the call list. Ending deletes their names, numbers and "
                    "places from this PC at once; otherwise this happens on %2. Results stay "
                    "under their pseudonymous ids."
                )
                .replace("%1", str(p.contacts))
                .replace("%2", due)
            )
        n = len(p.unsynced)
        if n:
            self.unsynced_label.setText(
                self.tr("%1 results have not reached the central office yet:").replace("%1", str(n))
            )
            self.accept_unsynced.setText(
                self.tr(
                    "End anyway. These %1 results stay on this PC and are sent at the next synchronisation."
                ).replace("%1", str(n))
            )
        else:
            self.unsynced_label.setText(self.tr("Every result has reached the central office."))
        self.accept_unsynced.setVisible(n > 0)
        self.accept_unsynced.setChecked(False)
        self.table.setVisible(n > 0)
        self.table.setRowCount(n)
        for r, u in enumerate(p.unsynced):
            self.table.setItem(
                r, 0, _item(locale.toString(u.created_at.astimezone(), QLocale.FormatType.ShortFormat))
            )
            self.table.setItem(r, 1, _item(texts.outcome_label(u.outcome)))
            self.table.setItem(r, 2, _item(u.caller_label))
        self._update()

    def _update(self) -> None:
        p = self.preview
        ok = p is not None and p.status != "ended" and (not p.unsynced or self.accept_unsynced.isChecked())
        self.end_button.setEnabled(ok)

    def _ask(self, text: str) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("End the campaign"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def end(self) -> None:
        p = self.preview
        if p is None:
            return
        question = self.tr('Delete the call list of "%1" now? This cannot be undone.').replace("%1", p.title)
        if self.confirm(question):
            self.end_button.setEnabled(False)
            self.message.setText(self.tr("Deleting …"))
            self.model.end(accept_unsynced=self.accept_unsynced.isChecked())

    def _ended(self, ended: CampaignEnded) -> None:
        self.message.setText(
            self.tr("Campaign ended: %1 people deleted from this PC, %2 results kept for upload.")
            .replace("%1", str(ended.wiped_contacts))
            .replace("%2", str(ended.kept_unsynced))
        )
