"""The unlock screen: who are you, passphrase, unlock. Nothing personal before unlocking."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.calling import ShiftCounts
from desktop.viewmodels.session import SlotChoice
from desktop.views.countdown import DelayTimer
from desktop.views.messages import wait_text, workspace_error
from desktop.views.passphrase_dialog import ChangePassphraseDialog
from desktop.views.style import heading_font


class UnlockView(QWidget):
    unlock_requested = Signal(str, str)  # slot id, passphrase
    change_passphrase_requested = Signal(str, str, str)  # slot id, old, new

    def __init__(
        self,
        org_name: str = "",
        demo_passphrase: str | None = None,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self._error_text = ""
        self.countdown = DelayTimer(self, clock)
        self.countdown.tick.connect(self._show_wait)
        self.countdown.over.connect(self._ready_again)
        self.setObjectName("unlockView")
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        panel = QFrame(self)
        panel.setObjectName("unlockPanel")
        panel.setMinimumWidth(480)
        panel.setMaximumWidth(640)
        outer.addWidget(panel, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)

        layout = QVBoxLayout(panel)
        self.title = QLabel(self.tr("Telefonaktion"), panel)
        self.title.setFont(heading_font(1.6))
        self.org = QLabel(org_name, panel)
        layout.addWidget(self.title)
        layout.addWidget(self.org)

        form = QFormLayout()
        self.person = QComboBox(panel)
        self.person.setAccessibleName(self.tr("Who are you?"))
        self.passphrase = QLineEdit(panel)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.passphrase.returnPressed.connect(self._submit)
        form.addRow(self.tr("Who are you?"), self.person)
        form.addRow(self.tr("Passphrase"), self.passphrase)
        layout.addLayout(form)

        self.button = QPushButton(self.tr("Unlock"), panel)
        self.button.setAccessibleName(self.tr("Unlock"))
        self.button.setDefault(True)
        self.button.clicked.connect(self._submit)
        layout.addWidget(self.button)

        self.error = QLabel("", panel)
        self.error.setObjectName("errorLabel")
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("Message"))
        layout.addWidget(self.error)

        self.notice = QLabel("", panel)
        self.notice.setWordWrap(True)
        self.notice.setAccessibleName(self.tr("Notice"))
        layout.addWidget(self.notice)

        self.change_button = QPushButton(self.tr("Change passphrase …"), panel)
        self.change_button.setAccessibleName(self.tr("Change your own passphrase"))
        self.change_button.clicked.connect(self.open_change_passphrase)
        layout.addWidget(self.change_button)
        self.change_dialog: ChangePassphraseDialog | None = None

        self.newcomer = QLabel(self.tr("New here? Your call lead admits you on this PC."), panel)
        self.newcomer.setWordWrap(True)
        layout.addWidget(self.newcomer)

        self.demo_hint = QLabel("", panel)
        self.demo_hint.setObjectName("demoHint")
        self.demo_hint.setWordWrap(True)
        self.demo_hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if demo_passphrase:
            self.demo_hint.setText(
                self.tr("Demo workspace with invented people. Passphrase: %1").replace("%1", demo_passphrase)
            )
        self.demo_hint.setVisible(bool(demo_passphrase))
        layout.addWidget(self.demo_hint)

    def open_change_passphrase(self) -> ChangePassphraseDialog | None:
        slot_id = self.person.currentData()
        if not slot_id:
            return None
        dialog = ChangePassphraseDialog(self.person.currentText(), self)
        dialog.change_requested.connect(
            lambda old, new: self.change_passphrase_requested.emit(slot_id, old, new)
        )
        dialog.finished.connect(lambda _result: setattr(self, "change_dialog", None))
        self.change_dialog = dialog
        dialog.open()
        return dialog

    def passphrase_changed(self) -> None:
        if self.change_dialog is not None:
            self.change_dialog.done_ok()
        self.notice.setText(self.tr("Your passphrase has been changed."))

    def passphrase_change_failed(self, code: str, wait_seconds: float) -> None:
        if self.change_dialog is not None:
            self.change_dialog.show_error(code, wait_seconds)

    def set_demo_passphrase(self, passphrase: str) -> None:
        self.demo_hint.setText(
            self.tr("Demo workspace with invented people. Passphrase: %1").replace("%1", passphrase)
        )
        self.demo_hint.setVisible(True)

    def set_slots(self, slots: list[SlotChoice]) -> None:
        self.person.clear()
        for slot in slots:
            self.person.addItem(slot.label, slot.slot_id)
        self.passphrase.setFocus()

    def set_org(self, name: str) -> None:
        self.org.setText(name)

    def _submit(self) -> None:
        slot_id = self.person.currentData()
        if not slot_id or not self.passphrase.text():
            return
        self.button.setEnabled(False)
        self.error.setText(self.tr("Unlocking …"))
        self.unlock_requested.emit(slot_id, self.passphrase.text())

    def show_error(self, code: str, wait_seconds: float = 0.0) -> None:
        """The refusal; with a delay the field stays disabled, counting down, until the delay is really over."""
        self.passphrase.clear()
        self._error_text = workspace_error(code)
        self.error.setText(self._error_text)
        if wait_seconds > 0:
            self.button.setEnabled(False)
            self.passphrase.setEnabled(False)
            self.countdown.start_delay(wait_seconds)
        else:
            self._ready_again()

    def _show_wait(self, seconds: int) -> None:
        self.error.setText(self._error_text + " " + wait_text(seconds))

    def _ready_again(self) -> None:
        self.error.setText(self._error_text)
        self.button.setEnabled(True)
        self.passphrase.setEnabled(True)
        self.passphrase.setFocus()

    def set_notice(self, reason: str, shift: ShiftCounts | None = None) -> None:
        """Why the screen is locked; after "end shift" the shift's own counts (no personal data)."""
        texts = {
            "pause": self.tr("Break. Unlock to carry on."),
            "idle": self.tr("Locked after a while without input."),
            "os_lock": self.tr("Locked because the computer was locked."),
            "sleep": self.tr("Locked because the computer went to sleep."),
            "user_switch": self.tr("Locked because the user was switched."),
        }
        if reason == "end_shift":
            calls, reached = (shift.calls, shift.reached) if shift else (0, 0)
            counts = self.tr("%n calls", "", calls) + ", " + self.tr("%n reached", "", reached)
            text = self.tr("Shift ended: %1. Thank you!").replace("%1", counts)
        else:
            text = texts.get(reason, "")
        self.notice.setText(text)

    def reset(self) -> None:
        self.countdown.stop()
        self.passphrase.setEnabled(True)
        self.passphrase.clear()
        self._error_text = ""
        self.error.clear()
        self.notice.clear()
        self.button.setEnabled(True)
