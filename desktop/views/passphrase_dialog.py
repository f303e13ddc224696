"""„Passwort ändern“ (#15.2): anyone changes their own passphrase, no terminal needed — from the unlock screen,
and while unlocked from the status bar (calling screen and the lead's screens alike)."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.passphrase import MIN_LENGTH, Strength, strength
from desktop.views.countdown import DelayTimer
from desktop.views.messages import wait_text, workspace_error


def strength_hint(text: str) -> str:
    """The hint under a new passphrase (shared by every screen where one is chosen)."""
    return {
        Strength.TOO_SHORT: QCoreApplication.translate(
            "ChangePassphraseDialog", "Too short: at least 8 characters."
        ),
        Strength.WEAK: QCoreApplication.translate(
            "ChangePassphraseDialog", "Weak: longer is better, e.g. three or four words."
        ),
        Strength.FAIR: QCoreApplication.translate(
            "ChangePassphraseDialog", "Fair. A few more words make it strong."
        ),
        Strength.STRONG: QCoreApplication.translate("ChangePassphraseDialog", "Strong."),
    }[strength(text)]


class ChangePassphraseDialog(QDialog):
    change_requested = Signal(str, str)  # old, new

    def __init__(
        self,
        person_label: str,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self._error_text = ""
        self.countdown = DelayTimer(self, clock)  # the delay after wrong passphrases, as on the unlock screen
        self.countdown.tick.connect(self._show_wait)
        self.countdown.over.connect(self._ready_again)
        self.setWindowTitle(self.tr("Change passphrase"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        self.who = QLabel(self.tr("Passphrase of %1").replace("%1", person_label), self)
        layout.addWidget(self.who)
        form = QFormLayout()
        self.old = self._field(self.tr("Current passphrase"))
        self.new = self._field(self.tr("New passphrase"))
        self.repeat = self._field(self.tr("Repeat the new passphrase"))
        self.hint = QLabel("", self)
        form.addRow(self.tr("Current passphrase"), self.old)
        form.addRow(self.tr("New passphrase"), self.new)
        form.addRow(self.tr("Repeat it"), self.repeat)
        form.addRow("", self.hint)
        layout.addLayout(form)
        self.message = QLabel("", self)
        self.message.setObjectName("errorLabel")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.new.textChanged.connect(self._rate)
        self._rate("")

    def _field(self, name: str) -> QLineEdit:
        field = QLineEdit(self)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setAccessibleName(name)
        return field

    def _rate(self, text: str) -> None:
        self.hint.setText(strength_hint(text))

    def _submit(self) -> None:
        if len(self.new.text()) < MIN_LENGTH:
            self.message.setText(self.tr("The new passphrase needs at least 8 characters."))
        elif self.new.text() != self.repeat.text():
            self.message.setText(self.tr("The two new passphrases differ."))
        else:
            self.message.setText(self.tr("Saving …"))
            self.buttons.setEnabled(False)
            self.change_requested.emit(self.old.text(), self.new.text())

    def done_ok(self) -> None:
        for field in (self.old, self.new, self.repeat):
            field.clear()
        self.accept()

    def show_error(self, code: str, wait_seconds: float = 0.0) -> None:
        """``code``: an ErrorCode value (also as ``workspace:<value>``). With a delay after wrong passphrases the
        dialog says how long to wait and takes no new try until it is over (by the clock)."""
        self.old.clear()
        self.buttons.setEnabled(True)
        self._error_text = workspace_error(code.removeprefix("workspace:"))
        self.message.setText(self._error_text)
        if wait_seconds > 0:
            self.ok_button.setEnabled(False)
            self.countdown.start_delay(wait_seconds)
        else:
            self.countdown.stop()
            self._ready_again()

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _show_wait(self, seconds: int) -> None:
        self.message.setText(self._error_text + " " + wait_text(seconds))

    def _ready_again(self) -> None:
        self.message.setText(self._error_text)
        self.ok_button.setEnabled(True)
