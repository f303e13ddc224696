"""„Liste aufteilen" (DP-16): share a campaign's free open contacts among callers on this PC or other PCs, each
share reserved until a deadline; release a share or extend its deadline. A share not worked in time returns to
the list by itself."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDateTime, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.clock import utcnow
from desktop.domain.models import new_id
from desktop.services.lead_slices import Holder, SliceInfo, SlicesChanged
from desktop.viewmodels.lead_progress import SlicesModel
from desktop.views.lead import texts
from desktop.views.style import heading_font


def _item(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


class SlicesView(QWidget):
    def __init__(self, model: SlicesModel, clock=utcnow, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.setObjectName("slicesView")
        self.model = model
        self.clock = clock
        self.slices: list[SliceInfo] = []
        root = QVBoxLayout(self)
        title = QLabel(self.tr("Share out the list"), self)
        title.setFont(heading_font(1.3))
        root.addWidget(title)
        root.addWidget(
            QLabel(
                self.tr(
                    "Several PCs or callers never get the same person: each share is reserved "
                    "until its deadline and then returns to the list."
                ),
                self,
            )
        )
        box = QGroupBox(self.tr("New shares of the free people on the list"), self)
        form = QFormLayout(box)
        self.people = QListWidget(box)
        self.people.setMaximumHeight(120)
        self.people.setAccessibleName(self.tr("Callers on this PC"))
        self.extra_pcs = QSpinBox(box)
        self.extra_pcs.setRange(0, 20)
        self.until = QDateTimeEdit(box)
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat("dd.MM.yyyy HH:mm")
        self.split_button = QPushButton(self.tr("Share out"), box)
        form.addRow(self.tr("Callers on this PC"), self.people)
        form.addRow(self.tr("Other PCs"), self.extra_pcs)
        form.addRow(self.tr("Reserved until"), self.until)
        form.addRow(self.split_button)
        root.addWidget(box)
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Share"),
                self.tr("For"),
                self.tr("People"),
                self.tr("Still open"),
                self.tr("Reserved until"),
            ]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        root.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.release_button = QPushButton(self.tr("Return to the list"), self)
        self.extend_button = QPushButton(self.tr("Extend to the deadline above"), self)
        self.message = QLabel("", self)
        self.message.setWordWrap(True)
        row.addWidget(self.release_button)
        row.addWidget(self.extend_button)
        row.addWidget(self.message, 1)
        root.addLayout(row)

        self.split_button.clicked.connect(self.split)
        self.release_button.clicked.connect(self.release)
        self.extend_button.clicked.connect(self.extend)
        model.people.connect(self.set_people)
        model.loaded.connect(self.set_slices)
        model.changed.connect(self._changed)
        model.failed.connect(lambda code: self.message.setText(texts.error_text(code)))
        self.reset_deadline()

    def reset_deadline(self) -> None:
        self.until.setDateTime(
            QDateTime.fromSecsSinceEpoch(int((self.clock() + timedelta(hours=4)).timestamp()))
        )

    def set_people(self, people: list[tuple[str, str, str]]) -> None:
        self.people.clear()
        for pid, label, role in people:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, pid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if role == "caller" else Qt.CheckState.Unchecked)
            self.people.addItem(item)

    def set_slices(self, slices: list[SliceInfo]) -> None:
        self.slices = slices
        now = self.clock()
        self.table.setRowCount(len(slices))
        for r, s in enumerate(slices):
            if s.released_at is not None:
                until = self.tr("returned to the list")
            elif s.reserved_until is None:
                until = "–"
            else:
                until = QLocale().toString(s.reserved_until.astimezone(), QLocale.FormatType.ShortFormat)
                if s.expired(now):
                    until += " " + self.tr("(expired)")
            label = s.label if s.holder_kind == "person" else self.tr("PC: %1").replace("%1", s.label)
            for c, text in enumerate((str(s.number), label, str(s.size), str(s.open), until)):
                self.table.setItem(r, c, _item(text))

    def holders(self) -> list[Holder]:
        out = []
        for i in range(self.people.count()):
            item = self.people.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(Holder(item.data(Qt.ItemDataRole.UserRole), item.text(), "person"))
        for n in range(self.extra_pcs.value()):
            out.append(Holder("pc-" + new_id()[:12], self.tr("PC %1").replace("%1", str(n + 2)), "device"))
        return out

    def _deadline(self) -> datetime:
        return datetime.fromtimestamp(self.until.dateTime().toSecsSinceEpoch(), UTC)

    def split(self) -> None:
        self.message.clear()
        self.model.split(self.holders(), self._deadline())

    def _selected(self) -> SliceInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.slices[rows[0].row()] if rows else None

    def release(self) -> None:
        s = self._selected()
        if s is not None:
            self.model.release(s.id)

    def extend(self) -> None:
        s = self._selected()
        if s is not None:
            self.model.extend(s, self._deadline())

    def _changed(self, changed: SlicesChanged) -> None:
        self.message.setText(
            self.tr("%1 people changed hands.").replace("%1", str(changed.affected_contacts))
        )
