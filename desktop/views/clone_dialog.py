"""„Diese Arbeitsmappe ist eine Kopie“ (issue 13.4): a copy of the workspace was used as a second PC.

Shown when the central office refuses the sync as ``device_cloned``. One action: the reports and other items not
yet at the central office are kept, the PC is enrolled again with a new one-time code, and everything is sent
again (desktop.viewmodels.reenrol). Nothing is lost and nothing counts twice.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.viewmodels.reenrol import ReenrolModel


class CloneDialog(QDialog):
    def __init__(self, model: ReenrolModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.setObjectName("cloneDialog")
        self.setWindowTitle(self.tr("This PC uses a copy of another PC's workspace"))
        layout = QVBoxLayout(self)
        self.explanation = QLabel(
            self.tr(
                "The central office has seen two PCs syncing with the same workspace: this folder was copied, or "
                "restored on a second PC while the first one goes on working. To keep the two apart, this PC needs "
                "an enrolment of its own. Nothing is lost: the reports not yet at the central office are kept and "
                "sent again, and none counts twice."
            ),
            self,
        )
        self.explanation.setWordWrap(True)
        layout.addWidget(self.explanation)
        self.steps = QLabel(
            self.tr(
                "1. Ask your lead or the central office for a new one-time code.\n"
                "2. Enter it below and press the button: this PC keeps what is not yet sent, enrols again and "
                "sends everything."
            ),
            self,
        )
        self.steps.setWordWrap(True)
        layout.addWidget(self.steps)
        form = QFormLayout()
        self.code = QLineEdit(self)
        self.code.setAccessibleName(self.tr("One-time code"))
        self.name = QLineEdit(self)
        self.name.setAccessibleName(self.tr("Name of this PC"))
        self.name.setPlaceholderText(self.tr("for example: Laptop in the office"))
        form.addRow(self.tr("One-time code"), self.code)
        form.addRow(self.tr("Name of this PC"), self.name)
        layout.addLayout(form)
        self.message = QLabel("", self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.go = QPushButton(self.tr("Keep, enrol again and send"), self)
        self.go.setDefault(True)
        self.go.clicked.connect(self._start)
        self.later = QPushButton(self.tr("Later"), self)
        self.later.clicked.connect(self.reject)
        buttons.addWidget(self.go)
        buttons.addWidget(self.later)
        layout.addLayout(buttons)
        self.code.returnPressed.connect(self._start)
        model.busy_changed.connect(self._busy)
        model.adopted.connect(self._adopted)
        model.finished.connect(self._finished)
        model.failed.connect(self._failed)

    def _start(self) -> None:
        if not self.code.text().strip():
            self.message.setText(self.tr("Please enter the one-time code."))
            return
        self.message.setText(self.tr("Enrolling again …"))
        self.model.start(self.code.text(), self.name.text())

    def _busy(self, busy: bool) -> None:
        for widget in (self.go, self.code, self.name, self.later):
            widget.setEnabled(not busy)

    def _adopted(self, count: int) -> None:
        self.code.clear()
        self.message.setText(
            self.tr("Enrolled again. Sending %n item(s) not yet at the central office …", "", count)
        )

    def _finished(self, sent: int) -> None:
        self.message.setText(self.tr("Done: this PC has its own enrolment, and everything was sent."))
        self.accept()

    def _failed(self, code: str) -> None:
        texts = {
            "code_invalid": self.tr(
                "This one-time code is unknown or was used already. Please ask for a new one."
            ),
            "code_expired": self.tr("This one-time code has expired. Please ask for a new one."),
            "other_org": self.tr("This code belongs to another organisation. Nothing was changed."),
            "offline": self.tr(
                "The central office cannot be reached. What is not yet sent is kept; please try again later."
            ),
            "cloned": self.tr(
                "The central office still sees a copy. Please ask the central office for help."
            ),
        }
        self.message.setText(texts.get(code, self.tr("Something went wrong. Nothing was lost.")))
