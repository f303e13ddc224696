"""„Mitstreiter*in zulassen“: the volunteer types their name, chooses their passphrase, reads and signs the
confidentiality pledge – done in under a minute (screens.md 4)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)


def refusal_text(code: str) -> str:
    texts = {
        "not_a_lead": QCoreApplication.translate(
            "AdmitDialog", "Only a responsible person can admit volunteers."
        ),
        "not_cleared": QCoreApplication.translate(
            "AdmitDialog", "There is no valid clearance on this PC, so nobody can be admitted right now."
        ),
        "passphrase_too_short": QCoreApplication.translate(
            "AdmitDialog", "The passphrase needs at least 8 characters."
        ),
        "label_taken": QCoreApplication.translate(
            "AdmitDialog", "This name is already used on this PC. Add an initial, e.g. “Jonas K.”."
        ),
        "signature": QCoreApplication.translate(
            "AdmitDialog", "Please sign with your full name, starting with the first name above."
        ),
        "not_confirmed": QCoreApplication.translate(
            "AdmitDialog", "Please confirm that you have read the pledge."
        ),
        "mismatch": QCoreApplication.translate("AdmitDialog", "The two passphrases differ."),
    }
    return texts.get(
        code, QCoreApplication.translate("AdmitDialog", "That did not work. Nothing was changed.")
    )


class AdmitDialog(QDialog):
    admit_requested = Signal(str, str, str, bool)  # label, passphrase, typed name, confirmed

    def __init__(self, pledge: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Admit a volunteer"))
        self.resize(720, 640)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Hand the keyboard to the new volunteer. They choose their own passphrase and sign "
                "the confidentiality pledge."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.label = QLineEdit(self)
        self.label.setPlaceholderText(self.tr("First name and initial, e.g. Jonas K."))
        self.label.setAccessibleName(self.tr("Name shown on this PC"))
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Your passphrase"))
        self.repeat = QLineEdit(self)
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("Repeat the passphrase"))
        form.addRow(self.tr("Name on this PC"), self.label)
        form.addRow(self.tr("Your passphrase"), self.passphrase)
        form.addRow(self.tr("Repeat it"), self.repeat)
        layout.addLayout(form)
        self.pledge = QTextBrowser(self)
        self.pledge.setPlainText(pledge)
        self.pledge.setAccessibleName(self.tr("Confidentiality pledge"))
        layout.addWidget(self.pledge, 1)
        self.confirm = QCheckBox(self.tr("I have read the pledge and will keep it."), self)
        layout.addWidget(self.confirm)
        sign = QFormLayout()
        self.signature = QLineEdit(self)
        self.signature.setAccessibleName(self.tr("Signature: your full name"))
        sign.addRow(self.tr("Signature (full name)"), self.signature)
        layout.addLayout(sign)
        self.message = QLabel("", self)
        self.message.setObjectName("errorLabel")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(self)
        self.ok = self.buttons.addButton(self.tr("Admit"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _submit(self) -> None:
        if self.passphrase.text() != self.repeat.text():
            self.show_refusal("mismatch")
            return
        self.ok.setEnabled(False)
        self.message.setText(self.tr("Saving …"))
        self.admit_requested.emit(
            self.label.text(), self.passphrase.text(), self.signature.text(), self.confirm.isChecked()
        )

    def show_refusal(self, code: str) -> None:
        self.ok.setEnabled(True)
        self.message.setText(refusal_text(code))

    def done_ok(self) -> None:
        self.passphrase.clear()
        self.repeat.clear()
        self.accept()
