"""„Personen auf diesem PC“ (#15.2): the call lead sees who may unlock this workspace (name and role, nothing
else), adds a person (their own passphrase, the confidentiality pledge signed), removes one for real (the
workspace gets a new key; the removed passphrase opens nothing any more), and changes their own passphrase.

    PeopleView(model: PeopleModel, lang: str, purpose: Callable[[], str], parent=None)

``purpose()`` gives the purpose of the campaign chosen on top (the clearance for it is checked when adding).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.passphrase import MIN_LENGTH
from desktop.viewmodels.people import PeopleModel, PersonOnPc, Removed, Role
from desktop.views.countdown import DelayTimer
from desktop.views.messages import wait_text
from desktop.views.passphrase_dialog import ChangePassphraseDialog, strength_hint
from desktop.views.style import heading_font


def role_label(role: Role) -> str:
    if role is Role.LEAD:
        return QCoreApplication.translate("PeopleView", "Responsible person")
    return QCoreApplication.translate("PeopleView", "Caller")


def add_refusal_text(code: str) -> str:
    texts = {
        "not_a_lead": QCoreApplication.translate("PeopleView", "Only a responsible person can add people."),
        "not_cleared": QCoreApplication.translate(
            "PeopleView",
            "There is no valid clearance on this PC, so nobody can be added right now. "
            "Synchronise with the central office first.",
        ),
        "passphrase_too_short": QCoreApplication.translate(
            "PeopleView", "The passphrase needs at least 8 characters."
        ),
        "label_taken": QCoreApplication.translate(
            "PeopleView", "This name is already used on this PC. Add an initial, e.g. “Jonas K.”."
        ),
        "label_too_long": QCoreApplication.translate(
            "PeopleView", "The name is too long: first name and initial are enough."
        ),
        "signature": QCoreApplication.translate(
            "PeopleView", "Please sign with your full name, starting with the first name above."
        ),
        "not_confirmed": QCoreApplication.translate(
            "PeopleView", "Please confirm that you have read the pledge."
        ),
        "mismatch": QCoreApplication.translate("PeopleView", "The two passphrases differ."),
    }
    return texts.get(
        code, QCoreApplication.translate("PeopleView", "That did not work. Nothing was changed.")
    )


class AddPersonDialog(QDialog):
    """„Person hinzufügen“: the new person types their name, chooses their passphrase and signs the pledge."""

    add_requested = Signal(str, object, str, str, bool)  # label, Role, passphrase, typed name, confirmed

    def __init__(self, pledge: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a person"))
        self.resize(720, 640)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Hand the keyboard to the new person. They choose their own passphrase (nobody else needs "
                "to know it) and sign the confidentiality pledge."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.label = QLineEdit(self)
        self.label.setMaxLength(40)
        self.label.setPlaceholderText(self.tr("First name and initial, e.g. Jonas K."))
        self.label.setAccessibleName(self.tr("Name shown on this PC"))
        self.role = QComboBox(self)
        self.role.addItem(role_label(Role.CALLER), Role.CALLER)
        self.role.addItem(role_label(Role.LEAD), Role.LEAD)
        self.role.setAccessibleName(self.tr("Role"))
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Your passphrase"))
        self.repeat = QLineEdit(self)
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("Repeat the passphrase"))
        self.hint = QLabel("", self)
        self.hint.setAccessibleName(self.tr("Strength of the passphrase"))
        form.addRow(self.tr("Name on this PC"), self.label)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Your passphrase"), self.passphrase)
        form.addRow(self.tr("Repeat it"), self.repeat)
        form.addRow("", self.hint)
        layout.addLayout(form)
        self.role_note = QLabel(
            self.tr(
                "A responsible person may also prepare campaigns, import lists, add and remove people on "
                "this PC."
            ),
            self,
        )
        self.role_note.setWordWrap(True)
        layout.addWidget(self.role_note)
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
        self.message.setAccessibleName(self.tr("Message"))
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(self)
        self.ok = self.buttons.addButton(self.tr("Add person"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.passphrase.textChanged.connect(lambda text: self.hint.setText(strength_hint(text)))
        self.role.currentIndexChanged.connect(self._role_chosen)
        self.hint.setText(strength_hint(""))
        self._role_chosen()

    @property
    def chosen_role(self) -> Role:
        return Role(self.role.currentData())  # the combo box hands the enum back as its plain value

    def _role_chosen(self, *_args: object) -> None:
        self.role_note.setVisible(self.chosen_role is Role.LEAD)

    def _submit(self) -> None:
        if len(self.passphrase.text()) < MIN_LENGTH:
            self.show_refusal("passphrase_too_short")
            return
        if self.passphrase.text() != self.repeat.text():
            self.show_refusal("mismatch")
            return
        self.ok.setEnabled(False)
        self.message.setText(self.tr("Saving …"))
        self.add_requested.emit(
            self.label.text(),
            self.chosen_role,
            self.passphrase.text(),
            self.signature.text(),
            self.confirm.isChecked(),
        )

    def show_refusal(self, code: str) -> None:
        self.ok.setEnabled(True)
        self.message.setText(add_refusal_text(code))

    def done_ok(self) -> None:
        self.passphrase.clear()
        self.repeat.clear()
        self.accept()


class RemovePersonDialog(QDialog):
    """„Person entfernen“: says what happens, asks everyone who stays for their passphrase, shows progress."""

    remove_requested = Signal(list, dict)  # slot ids to remove, {slot id: passphrase} of those who stay

    def __init__(
        self,
        person: PersonOnPc,
        everyone: list[PersonOnPc],
        parent: QWidget | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self._refusal_text = ""
        self.countdown = DelayTimer(self, clock)  # the delay after wrong passphrases, as on the unlock screen
        self.countdown.tick.connect(self._show_wait)
        self.countdown.over.connect(self._ready_again)
        self.setWindowTitle(self.tr("Remove a person"))
        self.resize(680, 520)
        self.person = person
        self.labels = {p.slot_id: p.label for p in everyone}
        layout = QVBoxLayout(self)
        what = QLabel(
            self.tr(
                "%1 will be removed from this PC. The workspace gets a new key: afterwards the passphrase "
                "of %1 no longer opens it, not even with a copy of the old key file. Their reports stay."
            ).replace("%1", person.label),
            self,
        )
        what.setWordWrap(True)
        layout.addWidget(what)
        how = QLabel(
            self.tr(
                "Everyone who stays types their passphrase here, so that the new key can be locked with it. "
                "Whoever is not here is removed as well and added again later."
            ),
            self,
        )
        how.setWordWrap(True)
        layout.addWidget(how)
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        self.absent: dict[str, QCheckBox] = {}
        for other in everyone:
            if other.slot_id == person.slot_id:
                continue
            field = QLineEdit(self)
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setAccessibleName(self.tr("Passphrase of %1").replace("%1", other.label))
            row = QHBoxLayout()
            row.addWidget(field, 1)
            if not other.is_me:
                away = QCheckBox(self.tr("not here: remove as well"), self)
                away.setAccessibleName(self.tr("%1 is not here: remove as well").replace("%1", other.label))
                away.toggled.connect(lambda on, f=field: f.setEnabled(not on))
                row.addWidget(away)
                self.absent[other.slot_id] = away
            self.fields[other.slot_id] = field
            name = self.tr("%1 (you)").replace("%1", other.label) if other.is_me else other.label
            form.addRow(name, row)
        layout.addLayout(form)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)  # busy: a new key is written for the database and every backup
        self.progress.setVisible(False)
        self.progress.setAccessibleName(self.tr("Progress"))
        layout.addWidget(self.progress)
        self.message = QLabel("", self)
        self.message.setObjectName("errorLabel")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.buttons = QDialogButtonBox(self)
        self.ok = self.buttons.addButton(
            self.tr("Remove %1 now").replace("%1", person.label), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _submit(self) -> None:
        remove = [self.person.slot_id] + [s for s, box in self.absent.items() if box.isChecked()]
        passphrases = {s: f.text() for s, f in self.fields.items() if s not in remove}
        if any(not text for text in passphrases.values()):
            self.message.setText(
                self.tr("Please fill in every passphrase, or tick “not here” for whoever is missing.")
            )
            return
        self.set_busy(True)
        self.message.setText(self.tr("A new key is being written. Please do not switch off the PC …"))
        self.remove_requested.emit(remove, passphrases)

    def set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.ok.setEnabled(not busy)
        self.cancel.setEnabled(not busy)

    def show_refusal(self, code: str, wait_seconds: float = 0.0) -> None:
        """The refusal; after wrong passphrases the dialog says how long to wait and takes no new try until the
        delay is over (by the clock), as the unlock screen does."""
        self.set_busy(False)
        for field in self.fields.values():
            field.clear()
        if code.startswith("wrong_passphrase:"):
            label = self.labels.get(code.split(":", 1)[1], "?")
            text = self.tr("The passphrase of %1 is not right. Nothing was changed.").replace("%1", label)
        elif code == "throttled":
            text = self.tr(
                "Too many wrong tries on this PC. The passphrases were not checked this time. Nothing was changed."
            )
        elif code == "own_slot":
            text = self.tr("You cannot remove yourself. Another responsible person can.")
        else:
            text = self.tr("That did not work. Nothing was changed.")
        self._refusal_text = text
        self.message.setText(text)
        if wait_seconds > 0:
            self.ok.setEnabled(False)
            self.countdown.start_delay(wait_seconds)
        else:
            self.countdown.stop()

    def _show_wait(self, seconds: int) -> None:
        self.message.setText(self._refusal_text + " " + wait_text(seconds))

    def _ready_again(self) -> None:
        self.message.setText(self._refusal_text)
        self.ok.setEnabled(True)

    def done_ok(self) -> None:
        for field in self.fields.values():
            field.clear()
        self.accept()


class PeopleView(QWidget):
    """The tab in the lead's area."""

    def __init__(
        self, model: PeopleModel, lang: str, purpose: Callable[[], str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.pledge = ""
        self.purpose = purpose
        self.people: list[PersonOnPc] = []
        self.add_dialog: AddPersonDialog | None = None
        self.remove_dialog: RemovePersonDialog | None = None
        self.passphrase_dialog: ChangePassphraseDialog | None = None

        root = QVBoxLayout(self)
        title = QLabel(self.tr("People on this PC"), self)
        title.setFont(heading_font(1.3))
        root.addWidget(title)
        intro = QLabel(
            self.tr(
                "Everyone listed here unlocks this workspace with their own passphrase. Nobody else can open "
                "it. Removing a person gives the workspace a new key."
            ),
            self,
        )
        intro.setWordWrap(True)
        root.addWidget(intro)
        body = QHBoxLayout()
        self.list = QListWidget(self)
        self.list.setObjectName("peopleList")
        self.list.setAccessibleName(self.tr("People on this PC"))
        body.addWidget(self.list, 1)
        buttons = QVBoxLayout()
        self.add_button = QPushButton(self.tr("Add a person …"), self)
        self.remove_button = QPushButton(self.tr("Remove person …"), self)
        self.own_button = QPushButton(self.tr("Change my passphrase …"), self)
        for button in (self.add_button, self.remove_button, self.own_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        body.addLayout(buttons)
        root.addLayout(body, 1)
        self.message = QLabel("", self)
        self.message.setObjectName("savedLabel")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))
        root.addWidget(self.message)

        self.add_button.clicked.connect(self.open_add)
        self.remove_button.clicked.connect(self.open_remove)
        self.own_button.clicked.connect(self.open_change_passphrase)
        self.list.currentRowChanged.connect(self._selected)
        model.loaded.connect(self.show_people)
        model.pledge_loaded.connect(self._pledge)
        model.added.connect(self._added)
        model.add_refused.connect(self._add_refused)
        model.removed.connect(self._removed)
        model.remove_refused.connect(self._remove_refused)
        model.passphrase_changed.connect(self._passphrase_changed)
        model.passphrase_refused.connect(self._passphrase_refused)
        self.add_button.setEnabled(False)  # until the pledge text is there
        model.load_pledge(lang)
        model.refresh()

    def _pledge(self, text: str) -> None:
        self.pledge = text
        self.add_button.setEnabled(True)
        if self.add_dialog is not None:
            self.add_dialog.pledge.setPlainText(text)

    # ------------------------------------------------------------------ list

    def show_people(self, people: list[PersonOnPc]) -> None:
        keep = self.selected.slot_id if self.selected else None
        self.people = people
        self.list.clear()
        for person in people:
            text = self.tr("%1 · %2").replace("%1", person.label).replace("%2", role_label(person.role))
            if person.is_me:
                text = self.tr("%1 (you)").replace("%1", text)
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, person.slot_id)
        rows = [i for i, p in enumerate(people) if p.slot_id == keep]
        self.list.setCurrentRow(rows[0] if rows else -1)
        self._selected()

    @property
    def selected(self) -> PersonOnPc | None:
        row = self.list.currentRow()
        return self.people[row] if 0 <= row < len(self.people) else None

    def select(self, label: str) -> None:
        rows = [i for i, p in enumerate(self.people) if p.label == label]
        if rows:
            self.list.setCurrentRow(rows[0])

    def _selected(self, *_args: object) -> None:
        person = self.selected
        self.remove_button.setEnabled(person is not None and not person.is_me)

    # ------------------------------------------------------------------ add

    def open_add(self) -> AddPersonDialog:
        dialog = AddPersonDialog(self.pledge, self)
        dialog.add_requested.connect(
            lambda label, role, passphrase, signature, confirmed: self.model.add(
                label, role, passphrase, signature, confirmed, self.purpose()
            )
        )
        dialog.finished.connect(lambda _r: setattr(self, "add_dialog", None))
        self.add_dialog = dialog
        self.message.clear()
        dialog.open()
        return dialog

    def _added(self, label: str) -> None:
        if self.add_dialog is not None:
            self.add_dialog.done_ok()
        self.message.setText(
            self.tr("%1 was added and can now unlock this PC with their own passphrase.").replace("%1", label)
        )

    def _add_refused(self, code: str) -> None:
        if self.add_dialog is not None:
            self.add_dialog.show_refusal(code)

    # ------------------------------------------------------------------ remove

    def open_remove(self) -> RemovePersonDialog | None:
        person = self.selected
        if person is None or person.is_me:
            return None
        dialog = RemovePersonDialog(person, self.people, self)
        dialog.remove_requested.connect(self.model.remove)
        dialog.finished.connect(lambda _r: setattr(self, "remove_dialog", None))
        self.remove_dialog = dialog
        self.message.clear()
        dialog.open()
        return dialog

    def _removed(self, removed: Removed) -> None:
        if self.remove_dialog is not None:
            self.remove_dialog.done_ok()
        self.message.setText(
            self.tr(
                "Removed: %1. The workspace has a new key; the removed passphrases no longer open it."
            ).replace("%1", ", ".join(removed.labels))
        )

    def _remove_refused(self, code: str, wait_seconds: float) -> None:
        if self.remove_dialog is not None:
            self.remove_dialog.show_refusal(code, wait_seconds)

    # ------------------------------------------------------------------ own passphrase

    def open_change_passphrase(self) -> ChangePassphraseDialog:
        me = next((p.label for p in self.people if p.is_me), "")
        dialog = ChangePassphraseDialog(me, self)
        dialog.change_requested.connect(self.model.change_own_passphrase)
        dialog.finished.connect(lambda _r: setattr(self, "passphrase_dialog", None))
        self.passphrase_dialog = dialog
        dialog.open()
        return dialog

    def _passphrase_changed(self) -> None:
        if self.passphrase_dialog is not None:
            self.passphrase_dialog.done_ok()
            self.message.setText(self.tr("Your passphrase has been changed."))

    def _passphrase_refused(self, code: str, wait_seconds: float) -> None:
        if self.passphrase_dialog is not None:
            self.passphrase_dialog.show_error(code, wait_seconds)
