"""The status line at the bottom (screens.md 5): online/offline · last sync · waiting · clearance · lock timer.
Clicking it opens the sync details with the "needs attention" list."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.status import WorkspaceStatus


def _when(moment: datetime | None) -> str:
    if moment is None:
        return ""
    # PySide6 takes a Python datetime for a QDateTime; its stubs do not say so.
    return str(QLocale().toString(moment.astimezone(), QLocale.FormatType.ShortFormat))  # type: ignore[call-overload]


class StatusButton(QPushButton):
    sync_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFlat(True)
        self.setAccessibleName(self.tr("Sync status: opens the details"))
        self.status: WorkspaceStatus | None = None
        self.state = "unknown"
        self.idle_seconds: int | None = None
        self.pending: int | None = None
        self.receiving: int | None = None
        self.clicked.connect(self.show_details)
        self._render()

    def set_state(self, state: str) -> None:
        self.state = state
        self._render()

    def set_status(self, status: WorkspaceStatus) -> None:
        self.status = status
        self.pending = status.pending_uploads
        self._render()

    def set_pending(self, pending: int) -> None:
        """Right after a report is saved: the one "waiting to upload" count, fresh (#15.4)."""
        self.pending = pending
        if self.status is not None:
            self.status = replace(self.status, pending_uploads=pending)
        self._render()

    def set_receiving(self, contacts: int | None) -> None:
        """While a sync pulls contacts: how many have arrived so far (None: no pull running)."""
        self.receiving = contacts
        self._render()

    def set_idle_seconds(self, seconds: int) -> None:
        self.idle_seconds = seconds
        self._render()

    def _render(self) -> None:
        parts = [
            self.tr("● online")
            if self.state == "online"
            else self.tr("○ offline")
            if self.state in ("offline", "unknown", "error")
            else self.tr("⚠ refused by the central office")
        ]
        if self.receiving is not None:
            parts.append(
                self.tr("receiving contacts: %1 so far").replace("%1", QLocale().toString(self.receiving))
            )
        s = self.status
        if self.pending is not None:
            parts.append(self.tr("%n waiting to upload", "", self.pending))
        if s is not None:
            parts.append(
                self.tr("last sync %1").replace("%1", _when(s.last_sync))
                if s.last_sync
                else self.tr("never synchronised")
            )
            if s.needs_attention:
                parts.append(self.tr("%n need attention", "", len(s.needs_attention)))
            c = s.clearance
            parts.append(
                self.tr("clearance valid until %1").replace("%1", _when(c.offline_deadline))
                if c.valid
                else self.tr("no valid clearance")
            )
        if self.idle_seconds is not None:
            parts.append(self.tr("locks in %1 min").replace("%1", str(max(1, round(self.idle_seconds / 60)))))
        self.setText(" · ".join(parts))

    def show_details(self) -> None:
        dialog = SyncDetails(self.status, self.state, self)
        dialog.sync_requested.connect(self.sync_requested)
        dialog.open()


class SyncDetails(QDialog):
    sync_requested = Signal()

    def __init__(self, status: WorkspaceStatus | None, state: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Synchronisation"))
        layout = QVBoxLayout(self)
        lines = [self.tr("Connection: %1").replace("%1", state)]
        if status is not None:
            lines.append(self.tr("Waiting to upload: %1").replace("%1", str(status.pending_uploads)))
            lines.append(self.tr("Last sync: %1").replace("%1", _when(status.last_sync) or "–"))
        layout.addWidget(QLabel("\n".join(lines), self))
        layout.addWidget(
            QLabel(self.tr("Needs attention (refused by the central office, never dropped):"), self)
        )
        self.attention = QListWidget(self)
        self.attention.setAccessibleName(self.tr("Needs attention"))
        for item in status.needs_attention if status else ():
            self.attention.addItem(
                f"{item.created_at[:16].replace('T', ' ')} · {item.kind} · {item.reason} · {item.item_id[:8]}"
            )
        layout.addWidget(self.attention)
        now = QPushButton(self.tr("Synchronise now"), self)
        now.clicked.connect(self.sync_requested)
        layout.addWidget(now)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
