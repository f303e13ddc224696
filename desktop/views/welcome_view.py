"""Willkommen (screens.md 6): a PC without a workspace. Set it up with the central office (the usual way),
prepare offline as a call lead, or try the demo. A real install never opens the demo by itself (#15.1)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.passphrase import Strength, strength
from desktop.views.style import heading_font


class _PassphrasePair:
    """Passphrase, repeat, and the strength hint under them."""

    def __init__(self, owner: QWidget, form: QFormLayout) -> None:
        self.first = QLineEdit(owner)
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.first.setAccessibleName(QCoreApplication.translate("WelcomeView", "Passphrase"))
        self.repeat = QLineEdit(owner)
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(QCoreApplication.translate("WelcomeView", "Repeat the passphrase"))
        self.hint = QLabel("", owner)
        self.hint.setAccessibleName(QCoreApplication.translate("WelcomeView", "Strength of the passphrase"))
        self.owner = owner
        form.addRow(QCoreApplication.translate("WelcomeView", "Passphrase"), self.first)
        form.addRow(QCoreApplication.translate("WelcomeView", "Repeat it"), self.repeat)
        form.addRow("", self.hint)
        self.first.textChanged.connect(self._rate)
        self._rate("")

    def _rate(self, text: str) -> None:
        words = {
            Strength.TOO_SHORT: QCoreApplication.translate(
                "WelcomeView", "Too short: at least 8 characters."
            ),
            Strength.WEAK: QCoreApplication.translate(
                "WelcomeView", "Weak: longer is better, e.g. three or four words."
            ),
            Strength.FAIR: QCoreApplication.translate(
                "WelcomeView", "Fair. A few more words make it strong."
            ),
            Strength.STRONG: QCoreApplication.translate("WelcomeView", "Strong."),
        }
        self.hint.setText(words[strength(text)])

    def clear(self) -> None:
        self.first.clear()
        self.repeat.clear()


class WelcomeView(QWidget):
    setup_requested = Signal(str, str, str, str, str, str)  # server, code, PC name, name, passphrase, repeat
    offline_requested = Signal(str, str, str, str)  # organisation, name, passphrase, repeat
    demo_requested = Signal()

    PAGE_CHOICE, PAGE_SETUP, PAGE_OFFLINE = range(3)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomeView")
        root = QVBoxLayout(self)
        self.stack = QStackedWidget(self)
        root.addWidget(self.stack)
        self.stack.addWidget(self._choice_page())
        self.stack.addWidget(self._setup_page())
        self.stack.addWidget(self._offline_page())

    # ------------------------------------------------------------------ pages

    def _choice_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        title = QLabel(self.tr("Welcome to Telefonaktion"), page)
        title.setFont(heading_font(1.6))
        intro = QLabel(self.tr("This PC has no workspace yet. How do you want to start?"), page)
        intro.setWordWrap(True)
        self.choose_setup = QRadioButton(
            self.tr("Set up this PC with the central office (the usual way; you need the one-time code)"),
            page,
        )
        self.choose_offline = QRadioButton(
            self.tr("Prepare offline as a call lead (script, questions, rules; members once cleared)"), page
        )
        self.choose_demo = QRadioButton(self.tr("Try the demo (invented people)"), page)
        group = QButtonGroup(page)
        for button in (self.choose_setup, self.choose_offline, self.choose_demo):
            group.addButton(button)
        self.choose_setup.setChecked(True)
        self.next_button = QPushButton(self.tr("Next"), page)
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self._next)
        for widget in (title, intro, self.choose_setup, self.choose_offline, self.choose_demo):
            layout.addWidget(widget)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.next_button)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    def _setup_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        title = QLabel(self.tr("Set up this PC with the central office"), page)
        title.setFont(heading_font(1.4))
        layout.addWidget(title)
        form = QFormLayout()
        self.server = QLineEdit(page)
        self.server.setPlaceholderText("https://zentrale.example.org")
        self.server.setAccessibleName(self.tr("Address of the central office"))
        self.code = QLineEdit(page)
        self.code.setAccessibleName(self.tr("One-time code"))
        self.pc_name = QLineEdit(page)
        self.pc_name.setPlaceholderText(self.tr("e.g. office PC 2"))
        self.pc_name.setAccessibleName(self.tr("Name of this PC"))
        self.setup_label = QLineEdit(page)
        self.setup_label.setPlaceholderText(self.tr("First name and initial, e.g. Erika B."))
        self.setup_label.setAccessibleName(self.tr("Your name on this PC"))
        form.addRow(self.tr("Address of the central office"), self.server)
        form.addRow(self.tr("One-time code"), self.code)
        form.addRow(self.tr("Name of this PC"), self.pc_name)
        form.addRow(self.tr("Your name"), self.setup_label)
        self.setup_pass = _PassphrasePair(self, form)
        layout.addLayout(form)
        self.setup_error = QLabel("", page)
        self.setup_error.setObjectName("errorLabel")
        self.setup_error.setWordWrap(True)
        self.setup_error.setAccessibleName(self.tr("Message"))
        self.progress_label = QLabel("", page)
        self.progress_bar = QProgressBar(page)
        self.progress_bar.setRange(0, 0)  # busy: the size of the list is known only at the end
        self.progress_bar.setAccessibleName(self.tr("Progress"))
        self.progress_bar.hide()
        layout.addWidget(self.setup_error)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress_bar)
        row = QHBoxLayout()
        self.setup_back = QPushButton(self.tr("Back"), page)
        self.setup_back.clicked.connect(lambda: self.stack.setCurrentIndex(self.PAGE_CHOICE))
        self.setup_button = QPushButton(self.tr("Set up"), page)
        self.setup_button.setDefault(True)
        self.setup_button.clicked.connect(self._set_up)
        row.addWidget(self.setup_back)
        row.addStretch(1)
        row.addWidget(self.setup_button)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    def _offline_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        title = QLabel(self.tr("Prepare offline as a call lead"), page)
        title.setFont(heading_font(1.4))
        about = QLabel(
            self.tr(
                "You can prepare the campaign, script, questions and rules now. Members can be imported once "
                "this PC is set up with the central office and cleared."
            ),
            page,
        )
        about.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(about)
        form = QFormLayout()
        self.org = QLineEdit(page)
        self.org.setPlaceholderText(self.tr("e.g. KV Musterstadt"))
        self.org.setAccessibleName(self.tr("Local unit"))
        self.offline_label = QLineEdit(page)
        self.offline_label.setPlaceholderText(self.tr("First name and initial, e.g. Erika B."))
        self.offline_label.setAccessibleName(self.tr("Your name on this PC"))
        form.addRow(self.tr("Local unit"), self.org)
        form.addRow(self.tr("Your name"), self.offline_label)
        self.offline_pass = _PassphrasePair(self, form)
        layout.addLayout(form)
        self.offline_error = QLabel("", page)
        self.offline_error.setObjectName("errorLabel")
        self.offline_error.setWordWrap(True)
        self.offline_error.setAccessibleName(self.tr("Message"))
        layout.addWidget(self.offline_error)
        row = QHBoxLayout()
        back = QPushButton(self.tr("Back"), page)
        back.clicked.connect(lambda: self.stack.setCurrentIndex(self.PAGE_CHOICE))
        self.offline_button = QPushButton(self.tr("Create workspace"), page)
        self.offline_button.setDefault(True)
        self.offline_button.clicked.connect(self._offline)
        row.addWidget(back)
        row.addStretch(1)
        row.addWidget(self.offline_button)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    # ------------------------------------------------------------------ actions

    def _next(self) -> None:
        if self.choose_demo.isChecked():
            self.demo_requested.emit()
        elif self.choose_offline.isChecked():
            self.stack.setCurrentIndex(self.PAGE_OFFLINE)
            self.org.setFocus()
        else:
            self.stack.setCurrentIndex(self.PAGE_SETUP)
            self.server.setFocus()

    def _set_up(self) -> None:
        self.setup_error.clear()
        self.setup_requested.emit(
            self.server.text(),
            self.code.text(),
            self.pc_name.text(),
            self.setup_label.text(),
            self.setup_pass.first.text(),
            self.setup_pass.repeat.text(),
        )

    def _offline(self) -> None:
        self.offline_error.clear()
        self.offline_requested.emit(
            self.org.text(),
            self.offline_label.text(),
            self.offline_pass.first.text(),
            self.offline_pass.repeat.text(),
        )

    def set_busy(self, busy: bool) -> None:
        for widget in (self.setup_button, self.setup_back, self.offline_button):
            widget.setEnabled(not busy)
        self.progress_bar.setVisible(busy and self.stack.currentIndex() == self.PAGE_SETUP)
        if not busy:
            self.progress_label.clear()

    def show_progress(self, phase: str, contacts: int) -> None:
        self.set_busy(True)
        if phase == "connecting":
            self.progress_label.setText(self.tr("Connecting to the central office …"))
        else:
            self.progress_label.setText(
                self.tr("Fetching campaign and clearance … %1 people").replace(
                    "%1", QLocale().toString(contacts)
                )
            )

    def show_error(self, code: str) -> None:
        self.set_busy(False)
        texts = {
            "code_invalid": self.tr(
                "The central office does not know this code, or it was used already. "
                "Please ask the central office for a new one."
            ),
            "code_expired": self.tr("The code has expired. Please ask the central office for a new one."),
            "unreachable": self.tr(
                "The central office cannot be reached. Check the address and the internet connection, "
                "then try again."
            ),
            "tls": self.tr(
                "The secure connection could not be verified (certificate). Check the address (https://…) "
                "and that this PC's date and time are right, or ask the central office."
            ),
            "insecure": self.tr(
                "This address cannot be used: the central office is reached only by https://."
            ),
            "exists": self.tr("There is a workspace on this PC already. Please restart Telefonaktion."),
            "fields_missing": self.tr("Please fill in every field."),
            "passphrase_short": self.tr("The passphrase needs at least 8 characters."),
            "passphrase_mismatch": self.tr("The two passphrases differ."),
        }
        text = texts.get(code) or (
            self.tr("The central office refused the set-up. Please ask them.")
            if code.startswith("refused:")
            else self.tr("That did not work. Nothing was changed.")
        )
        if self.stack.currentIndex() == self.PAGE_OFFLINE:
            self.offline_error.setText(text)
        else:
            self.setup_error.setText(text)

    def clear_secrets(self) -> None:
        self.setup_pass.clear()
        self.offline_pass.clear()
        self.code.clear()
