"""The damaged-workspace screen (R4): what happened, in plain words, and the ways out. Never a traceback.

1. Restore the encrypted backup taken before the last update of the file format (the damaged files are moved
   aside, nothing is deleted); the reports recorded after the backup are taken over from the damaged file and
   sent with the next sync (viewmodels/recovery.py).
2. Enrol this PC again and pull the campaigns from the central office: shown as steps with the command, because
   reports that never reached the central office must not be re-sent from a new enrolment automatically (they
   could count twice); the damaged files are kept for that.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.viewmodels.recovery import BackupChoice, RecoveryModel
from desktop.views.countdown import DelayTimer
from desktop.views.messages import wait_text, workspace_error
from desktop.views.style import heading_font


class DamagedView(QWidget):
    restored = Signal(str, str)  # slot id, passphrase: the app unlocks the restored workspace
    back_requested = Signal()

    def __init__(
        self, model: RecoveryModel, data_dir: str, workspace_dir: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("damagedView")
        self.model = model
        self._delay_text = ""
        self._delay = DelayTimer(self)
        self._delay.tick.connect(self._show_wait)
        self._delay.over.connect(self._delay_over)
        outer = QVBoxLayout(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll)
        panel = QFrame()
        panel.setObjectName("unlockPanel")
        panel.setMaximumWidth(760)
        scroll.setWidget(panel)
        layout = QVBoxLayout(panel)

        self.title = QLabel(self.tr("The workspace is damaged"), panel)
        self.title.setFont(heading_font(1.4))
        layout.addWidget(self.title)
        self.explanation = QLabel(
            self.tr(
                "The workspace file failed its integrity check, so it was not opened. Nothing was changed, deleted or "
                "rebuilt. Reports that were already sent are safe at the central office. There are two ways out."
            ),
            panel,
        )
        self.explanation.setWordWrap(True)
        layout.addWidget(self.explanation)

        # 1. Restore a backup -------------------------------------------------------------------------------
        restore = QGroupBox(self.tr("1. Restore the backup"), panel)
        rl = QVBoxLayout(restore)
        about = QLabel(
            self.tr(
                "Telefonaktion keeps an encrypted backup from before each update of the file format. Restoring it moves "
                "the damaged files into a separate folder (nothing is deleted). Reports recorded after the backup are "
                "taken over from the damaged file as far as it can still be read, and sent with the next sync."
            ),
            restore,
        )
        about.setWordWrap(True)
        rl.addWidget(about)
        form = QFormLayout()
        self.backup = QComboBox(restore)
        self.backup.setAccessibleName(self.tr("Backup"))
        self.person = QComboBox(restore)
        self.person.setAccessibleName(self.tr("Who are you?"))
        self.passphrase = QLineEdit(restore)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.passphrase.returnPressed.connect(self._restore)
        form.addRow(self.tr("Backup"), self.backup)
        form.addRow(self.tr("Who are you?"), self.person)
        form.addRow(self.tr("Passphrase"), self.passphrase)
        rl.addLayout(form)
        self.no_backup = QLabel(
            self.tr("There is no backup on this PC. Please take the second way."), restore
        )
        self.no_backup.setWordWrap(True)
        self.no_backup.setVisible(False)
        rl.addWidget(self.no_backup)
        self.restore_button = QPushButton(self.tr("Restore backup"), restore)
        self.restore_button.setAccessibleName(self.tr("Restore backup"))
        self.restore_button.clicked.connect(self._restore)
        self.restore_button.setEnabled(False)
        rl.addWidget(self.restore_button)
        layout.addWidget(restore)

        # 2. Enrol again -------------------------------------------------------------------------------------
        again = QGroupBox(self.tr("2. Enrol again and pull the list from the central office"), panel)
        al = QVBoxLayout(again)
        steps = QLabel(
            self.tr(
                "1. Close Telefonaktion.\n"
                '2. Rename the workspace folder (shown below), for example by adding "-damaged". Do not delete it: '
                "reports that had not reached the central office are still in it, and the central office can help to "
                "read them.\n"
                "3. Ask the central office for a new enrolment code and enrol this PC again with the command below.\n"
                "4. Synchronise: campaigns, clearances and objections come back from the central office."
            ),
            again,
        )
        steps.setWordWrap(True)
        al.addWidget(steps)
        self.commands = QPlainTextEdit(again)
        self.commands.setReadOnly(True)
        self.commands.setAccessibleName(self.tr("Commands"))
        self.commands.setPlainText(
            self.tr("Workspace folder: %1").replace("%1", workspace_dir)
            + "\n\n"
            + 'telefonaktion --data-dir "'
            + data_dir
            + '" enrol --server URL '
            '--code CODE --name "'
            + self.tr("First name + initial")
            + '"\n'
            + 'telefonaktion --data-dir "'
            + data_dir
            + '" sync'
        )
        self.commands.setMaximumHeight(110)
        al.addWidget(self.commands)
        layout.addWidget(again)

        self.message = QLabel("", panel)
        self.message.setObjectName("errorLabel")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))
        layout.addWidget(self.message)
        self.back = QPushButton(self.tr("Back to unlocking"), panel)
        self.back.clicked.connect(self.back_requested)
        layout.addWidget(self.back, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

        model.backups_loaded.connect(self.set_backups)
        model.failed.connect(self.show_error)
        model.restored.connect(self._restored)
        model.taken_back.connect(self._taken_back)
        self._taken = 0
        model.busy_changed.connect(self._busy)

    # ------------------------------------------------------------------ filling in

    def open_for(self, people: list[tuple[str, str]], slot_id: str | None) -> None:
        """`people`: (label, slot id) as on the unlock screen; `slot_id`: the one chosen there."""
        self.person.clear()
        for label, slot in people:
            self.person.addItem(label, slot)
        index = self.person.findData(slot_id) if slot_id else -1
        if index >= 0:
            self.person.setCurrentIndex(index)
        self.passphrase.clear()
        self.message.clear()
        self.model.load()

    def set_backups(self, backups: list[BackupChoice]) -> None:
        self.backup.clear()
        for b in backups:
            text = (
                self.tr("Backup of %1 (file format %2)")
                .replace("%1", b.modified.strftime("%d.%m.%Y %H:%M"))
                .replace("%2", str(b.schema_version))
            )
            self.backup.addItem(text)
        self.no_backup.setVisible(not backups)
        for widget in (self.backup, self.passphrase, self.restore_button):
            widget.setEnabled(bool(backups))
        if backups:
            self.passphrase.setFocus()

    # ------------------------------------------------------------------ actions

    def _restore(self) -> None:
        if not self.restore_button.isEnabled() or not self.passphrase.text():
            return
        self.message.setText(self.tr("Restoring …"))
        self.model.restore(
            self.backup.currentIndex(), self.person.currentData() or "", self.passphrase.text()
        )

    def _busy(self, busy: bool) -> None:
        self.restore_button.setEnabled(not busy and self.backup.count() > 0)

    def _taken_back(self, count: int) -> None:
        self._taken = count

    def _restored(self, slot_id: str, passphrase: str) -> None:
        self.passphrase.clear()
        text = self.tr("The backup was restored. Opening …")
        if self._taken:
            text = self.tr(
                "The backup was restored. %n report(s) recorded after it were taken over from the damaged file and "
                "go to the central office with the next sync. Opening …",
                "",
                self._taken,
            )
        self.message.setText(text)
        self.restored.emit(slot_id, passphrase)

    def _show_wait(self, seconds: int) -> None:
        self.message.setText(self._delay_text + " " + wait_text(seconds))

    def _delay_over(self) -> None:
        self.message.setText(self._delay_text)
        self._busy(False)

    def show_error(self, code: str, wait_seconds: float = 0.0) -> None:
        self._delay.stop()
        self.passphrase.clear()
        text = workspace_error(code)
        if code == "damaged":
            text = self.tr("This backup cannot be used either: it failed its check. Nothing was changed.")
        self.message.setText(text)
        if wait_seconds > 0:
            self.restore_button.setEnabled(False)
            self._delay_text = text
            self._delay.start_delay(wait_seconds)
