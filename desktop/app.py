"""Builds and wires the desktop app. Nothing else constructs the world."""

from __future__ import annotations

import shutil
import signal
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QPushButton

from desktop import crash, i18n, os_events, paths
from desktop.services import demo_office
from desktop.services.calling import ShiftCounts
from desktop.services.demo import DEMO_PASSPHRASE
from desktop.services.demo_office import DemoOffice
from desktop.storage.errors import ErrorCode
from desktop.storage.workspace import Workspace
from desktop.tasks import TaskRunner
from desktop.viewmodels.first_run import FirstRunModel
from desktop.viewmodels.lock_guard import LockGuard
from desktop.viewmodels.people import PeopleModel
from desktop.viewmodels.recovery import RecoveryModel
from desktop.viewmodels.reenrol import CLONED, ReenrolModel
from desktop.viewmodels.session import SessionController
from desktop.viewmodels.shift import ShiftViewModel
from desktop.viewmodels.sync_status import SyncController
from desktop.views.caller_view import CallerView
from desktop.views.clone_dialog import CloneDialog
from desktop.views.damaged_view import DamagedView
from desktop.views.lead.area import LeadArea
from desktop.views.lead.people_view import AddPersonDialog
from desktop.views.main_window import MainWindow
from desktop.views.passphrase_dialog import ChangePassphraseDialog
from desktop.views.status_bar import StatusButton
from desktop.views.unlock_view import UnlockView
from desktop.views.welcome_view import WelcomeView


@dataclass
class AppOptions:
    demo: bool = False
    lang: str | None = None
    data_dir: str | None = None


class App(QObject):
    """The running app: window, session and the current shift. Kept thin; screens own their behaviour."""

    def __init__(
        self,
        *,
        window: MainWindow,
        session: SessionController,
        db: TaskRunner,
        unlock_view: UnlockView,
        demo: bool,
        throwaway_dir: Path | None = None,
        office: DemoOffice | None = None,
        data_dir_option: str | None = None,
    ) -> None:
        super().__init__()
        self.data_dir_option = data_dir_option
        self.window = window
        self.session = session
        self.db = db
        self.net = TaskRunner("net")
        self.office = office
        self.sync: SyncController | None = None
        self.clone_dialog: CloneDialog | None = None
        self.status_button = StatusButton(window)
        window.statusBar().addPermanentWidget(self.status_button, 1)
        # anyone changes their own passphrase while unlocked, on every screen (#15.2)
        self.passphrase_button = QPushButton(self.tr("Change passphrase …"), window)
        self.passphrase_button.setAccessibleName(self.tr("Change your own passphrase"))
        self.passphrase_button.setVisible(False)
        self.passphrase_button.clicked.connect(self.change_own_passphrase)
        window.statusBar().addPermanentWidget(self.passphrase_button)
        self.passphrase_dialog: ChangePassphraseDialog | None = None
        self.unlock_view = unlock_view
        self.demo = demo
        self.throwaway_dir = throwaway_dir
        self.shift: ShiftViewModel | None = None
        # A break does not end the shift: its counts wait here (per person; no personal data) until
        # "Schicht beenden" or the app closes.
        self.shift_counts: dict[str, ShiftCounts] = {}
        self.caller_view: CallerView | None = None
        self.lead_area: LeadArea | None = None
        self.damaged_view: DamagedView | None = None
        self.guard = LockGuard(parent=self)
        self.guard.lock_requested.connect(self.lock)
        self.guard.remaining_changed.connect(self.status_button.set_idle_seconds)
        QApplication.instance().installEventFilter(self.guard)  # any input anywhere counts as activity
        # Ctrl+L locks from every screen (calling, the lead's tabs); one shortcut for the whole window
        self.lock_shortcut = QShortcut(QKeySequence("Ctrl+L"), window)
        self.lock_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.lock_shortcut.activated.connect(self._lock_by_hand)
        self.welcome: WelcomeView | None = None
        self.first_run: FirstRunModel | None = None
        self._after_unlock: str | None = (
            None  # "lead": open the lead's screens (a workspace prepared offline)
        )
        self._attach(session)
        # Through the *current* session: choosing the demo on the welcome screen replaces it (switch_to_demo).
        unlock_view.unlock_requested.connect(self._unlock_requested)
        unlock_view.change_passphrase_requested.connect(self._change_passphrase_requested)

    def _attach(self, session: SessionController) -> None:
        self.session = session
        session.slots_loaded.connect(self.unlock_view.set_slots)
        session.unlock_failed.connect(self.unlock_view.show_error)
        session.unlock_failed.connect(self._unlock_failed)
        session.unlocked.connect(self._unlocked)
        session.locked.connect(self._locked)
        session.passphrase_changed.connect(self.unlock_view.passphrase_changed)
        session.passphrase_change_failed.connect(self.unlock_view.passphrase_change_failed)

    def _unlock_requested(self, slot_id: str, passphrase: str) -> None:
        self.session.unlock(slot_id, passphrase)

    def _change_passphrase_requested(self, slot_id: str, old: str, new: str) -> None:
        self.session.change_passphrase(slot_id, old, new)

    # ------------------------------------------------------------------ first run (#15.1)

    def show_welcome(self) -> WelcomeView:
        """No workspace on this PC: set up with the central office, prepare offline, or the demo."""
        if self.welcome is None:
            view = WelcomeView()
            model = FirstRunModel(self.session.paths, self.net, self)
            view.setup_requested.connect(model.set_up)
            view.offline_requested.connect(model.prepare_offline)
            view.demo_requested.connect(self.switch_to_demo)
            model.progress.connect(view.show_progress)
            model.failed.connect(view.show_error)
            model.finished.connect(self._first_run_done)
            self.welcome, self.first_run = view, model
        self.window.show_screen(self.welcome)
        return self.welcome

    def _first_run_done(self, how: str, slot_id: str, passphrase: str) -> None:
        """The workspace exists now: unlock it the normal way (audit entry, retention) and go on."""
        self._after_unlock = "lead" if how == "offline" else None
        self._drop_welcome()
        self.window.show_screen(self.unlock_view)
        self.session.load_slots()
        self.session.unlock(slot_id, passphrase)

    def _drop_welcome(self) -> None:
        if self.welcome is not None:
            self.welcome.clear_secrets()
            self.window.drop_screen(self.welcome)
            self.welcome = None
        if self.first_run is not None:
            self.first_run.deleteLater()
            self.first_run = None

    def switch_to_demo(self) -> None:
        """Chosen on the welcome screen: a throwaway demo workspace with its own embedded central office."""
        try:
            demo_paths, throwaway, office, prepare = demo_setup(self.data_dir_option)
        except DemoUnavailable:
            if self.welcome is not None:
                self.welcome.show_error("demo_unavailable")
            return
        self._drop_welcome()
        old = self.session
        for qt_signal in (
            old.slots_loaded,
            old.unlock_failed,
            old.unlocked,
            old.locked,
            old.passphrase_changed,
            old.passphrase_change_failed,
        ):
            qt_signal.disconnect()
        self.demo, self.throwaway_dir, self.office = True, throwaway, office
        self._attach(SessionController(demo_paths, self.db, demo=True, prepare=prepare))
        self.unlock_view.set_demo_passphrase(DEMO_PASSPHRASE)
        self.window.show_screen(self.unlock_view)
        self.session.load_slots()

    def _lock_by_hand(self) -> None:
        if self.shift is not None:  # only an unlocked workspace can be locked
            self.lock("pause")

    def start(self) -> None:
        if not self.demo and not self.session.paths.exists():
            self.show_welcome()
            return
        self.window.show_screen(self.unlock_view)
        self.session.load_slots()

    def _unlock_failed(self, code: str, _wait: float) -> None:
        if code == ErrorCode.DAMAGED.value:
            self.show_damaged()

    def show_damaged(self) -> DamagedView:
        """The ways out of a damaged workspace (R4); a restored backup is then unlocked the normal way."""
        if self.damaged_view is None:
            view = DamagedView(
                RecoveryModel(self.session.paths, self.db),
                str(paths.data_dir()),
                str(self.session.paths.root),
            )
            view.restored.connect(self.session.unlock)
            view.back_requested.connect(lambda: self.window.show_screen(self.unlock_view))
            self.damaged_view = view
        people = self.unlock_view.person
        self.damaged_view.open_for(
            [(people.itemText(i), people.itemData(i)) for i in range(people.count())], people.currentData()
        )
        self.window.show_screen(self.damaged_view)
        return self.damaged_view

    def _unlocked(self, workspace: Workspace) -> None:
        if self.damaged_view is not None:
            self.window.drop_screen(self.damaged_view)
            self.damaged_view = None
        self.unlock_view.reset()
        shift = ShiftViewModel(self.db, workspace, counts=self.shift_counts.get(workspace.person.id))
        view = CallerView(shift)
        view.show_counts(shift.service.shift, shift.clock())
        shift.saved.connect(lambda saved: self.status_button.set_pending(saved.pending_uploads))
        self.shift, self.caller_view = shift, view
        view.pause_requested.connect(lambda: self.lock("pause"))
        view.end_shift_requested.connect(lambda: self.lock("end_shift"))
        view.admit_requested.connect(self.admit_volunteer)
        view.prepare_requested.connect(self.show_lead_area)
        self.window.show_screen(view)
        self.passphrase_button.setVisible(True)
        self.guard.arm()
        self._start_sync(workspace)
        shift.start()
        if self._after_unlock == "lead":
            self._after_unlock = None
            self.show_lead_area()

    def _start_sync(self, workspace: Workspace) -> None:
        if self.shift is None:  # locked again meanwhile
            return
        sync = SyncController(workspace, self.net, self.db)
        self.sync = sync
        sync.status_changed.connect(self.status_button.set_status)
        sync.sync_finished.connect(lambda _result, state: self.status_button.set_state(state))
        sync.pull_progress.connect(self.status_button.set_receiving)
        sync.sync_finished.connect(lambda _result, _state: self.status_button.set_receiving(None))
        sync.sync_finished.connect(lambda _result, _state: self.shift.after_sync() if self.shift else None)
        self.status_button.sync_requested.connect(sync.sync_now)
        sync.sync_finished.connect(lambda _result, state: self._maybe_clone(workspace, sync, state))
        sync.start()

    def _maybe_clone(self, workspace: Workspace, sync: SyncController, state: str) -> None:
        """Issue 13.4: a copy of this workspace syncs on another PC too: guide through re-enrolment, once."""
        if state != CLONED or self.clone_dialog is not None or self.sync is not sync:
            return
        dialog = CloneDialog(ReenrolModel(workspace, self.net, self.db, sync), self.window)
        self.clone_dialog = dialog
        dialog.finished.connect(lambda _code: setattr(self, "clone_dialog", None))
        dialog.open()

    def show_lead_area(self) -> LeadArea | None:
        """The call lead's screens (callers never reach them: the services refuse other roles as well)."""
        shift = self.shift
        if shift is None or not shift.is_lead:
            return None
        if self.lead_area is None:
            area = LeadArea(self.db, shift.service.ws, lang=i18n.current_language())
            area.start_calling_requested.connect(self._start_calling)
            area.pause_requested.connect(lambda: self.lock("pause"))
            area.campaigns_changed.connect(shift.start)
            self.lead_area = area
        self.window.show_screen(self.lead_area)
        return self.lead_area

    def _start_calling(self, campaign_id: str) -> None:
        if self.shift is None or self.caller_view is None:
            return
        self.window.show_screen(self.caller_view)
        self.shift.select_campaign(campaign_id)

    def admit_volunteer(self) -> AddPersonDialog | None:
        """„Person hinzufügen“ from the calling screen: the lead's „Personen“ tab with its dialog open (leads
        only; the service checks the role and the clearance again)."""
        area = self.show_people()
        return area.people.open_add() if area is not None else None

    def show_people(self) -> LeadArea | None:
        """The lead's „Personen auf diesem PC“."""
        area = self.show_lead_area()
        if area is not None:
            area.tabs.setCurrentIndex(LeadArea.TAB_PEOPLE)
        return area

    def change_own_passphrase(self) -> ChangePassphraseDialog | None:
        """„Passwort ändern“ while unlocked, from the status bar (calling screen and the lead's screens)."""
        shift = self.shift
        if shift is None:
            return None
        dialog = ChangePassphraseDialog(shift.caller_label, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        model = PeopleModel(self.db, shift.service.ws, dialog)  # goes with the dialog
        dialog.change_requested.connect(model.change_own_passphrase)
        model.passphrase_changed.connect(dialog.done_ok)
        model.passphrase_refused.connect(dialog.show_error)
        dialog.finished.connect(lambda _r: setattr(self, "passphrase_dialog", None))
        self.passphrase_dialog = dialog
        dialog.open()
        return dialog

    def lock(self, reason: str = "pause") -> None:
        """Lock at once: the screen and the clipboard are cleared before the workspace closes."""
        self.guard.disarm()
        self._stop_sync(wait=False)
        summary = self.shift.service.shift if self.shift is not None else None
        if self.shift is not None:
            person = self.shift.service.caller_id
            if reason == "end_shift":
                self.shift_counts.pop(person, None)
            elif summary is not None:
                self.shift_counts[person] = summary
            self.shift.close()
        if self.caller_view is not None:
            self.caller_view.clear_for_lock()
            self.window.drop_screen(self.caller_view)
            self.caller_view = None
        if self.lead_area is not None:
            self.window.drop_screen(self.lead_area)
            self.lead_area = None
        self.shift = None
        self.passphrase_button.setVisible(False)
        for dialog in self.window.findChildren(ChangePassphraseDialog):
            dialog.reject()  # nothing typed stays on screen while locked
        self.unlock_view.set_notice(reason, summary)
        self.window.show_screen(self.unlock_view)
        self.session.lock()

    def _stop_sync(self, *, wait: bool) -> None:
        sync, self.sync = self.sync, None
        if sync is None:
            return
        try:
            self.status_button.sync_requested.disconnect(sync.sync_now)
        except (RuntimeError, TypeError):
            pass
        sync.stop(wait=wait)

    def _locked(self) -> None:
        self.session.load_slots()

    def shutdown(self) -> None:
        """Close the workspace on its own thread and wait for it: the process may exit right after."""
        QApplication.instance().removeEventFilter(self.guard)
        self.guard.disarm()
        self._stop_sync(wait=True)
        self.net.close()
        workspace, self.session.workspace = self.session.workspace, None
        if workspace is not None:
            self.db.run_sync(workspace.close)
        self.db.close()
        if self.office is not None:
            self.office.stop()
        if self.throwaway_dir is not None:
            shutil.rmtree(self.throwaway_dir, ignore_errors=True)


DEMO_UNAVAILABLE = (
    "telefonaktion: the demo runs its own central office (sync.server), which the desktop bundle does not "
    "ship; start the demo from source (bash scripts/start.sh). To set up a workspace: telefonaktion init, "
    "or telefonaktion enrol with a code from the central office."
)


class DemoUnavailable(RuntimeError):
    """The demo was asked for where the central office cannot run."""


def demo_setup(
    data_dir: str | None,
) -> tuple[paths.WorkspacePaths, Path | None, DemoOffice, Callable[[], None]]:
    """Where the demo lives (a throwaway folder unless --data-dir), its own central-office process, and the
    step that starts it and creates the enrolled demo workspace (run on the database thread)."""
    if not demo_office.available():
        raise DemoUnavailable(DEMO_UNAVAILABLE)
    throwaway: Path | None = None
    if data_dir:
        workspace_paths = paths.WorkspacePaths(paths.demo_root())
    else:
        throwaway = Path(tempfile.mkdtemp(prefix="telefonaktion-demo-"))
        workspace_paths = paths.WorkspacePaths(throwaway / "demo")
    office = DemoOffice()

    def prepare() -> None:
        demo_office.prepare_demo(workspace_paths, office)

    return workspace_paths, throwaway, office, prepare


def build(options: AppOptions) -> App:
    """Create the window and controllers. A QApplication must exist; translators are installed by the caller.
    Without a workspace and without --demo the welcome screen comes first: a real install never opens the
    demo by itself (#15.1)."""
    paths.configure(options.data_dir)
    throwaway: Path | None = None
    workspace_paths = paths.workspace()
    demo = options.demo
    office: DemoOffice | None = None
    prepare: Callable[[], None] | None = None
    if demo:
        workspace_paths, throwaway, office, prepare = demo_setup(options.data_dir)

    db = TaskRunner("db")
    window = MainWindow()
    unlock = UnlockView(demo_passphrase=DEMO_PASSPHRASE if demo else None)
    session = SessionController(workspace_paths, db, demo=demo, prepare=prepare)
    return App(
        window=window,
        session=session,
        db=db,
        unlock_view=unlock,
        demo=demo,
        throwaway_dir=throwaway,
        office=office,
        data_dir_option=options.data_dir,
    )


def run(options: AppOptions) -> int:
    paths.configure(options.data_dir)
    # Only the demo needs the central office's code; a PC without a workspace gets the welcome screen (set up
    # with the central office, prepare offline), in the bundle too — where choosing the demo explains itself.
    if options.demo and not demo_office.available():
        print(DEMO_UNAVAILABLE, file=sys.stderr)
        return 2
    app = QApplication.instance() or QApplication([])
    app.setApplicationName("Telefonaktion")
    translators = i18n.install(app, i18n.choose_language(options.lang))
    paths.configure(options.data_dir)
    crash_handler = crash.install(crash.app_version())  # reports hold no personal data (R1, style habit 10)
    built = build(options)
    built.window.show()
    os_adapter = os_events.install(app, built.guard.os_event, built.window)
    built.start()
    # SIGTERM / Ctrl+C end the app cleanly (workspace closed, demo folder removed). Python handles signals
    # only when it runs, so a slow timer lets it look now and then.
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: app.quit())
    heartbeat = QTimer()
    heartbeat.start(300)
    heartbeat.timeout.connect(lambda: None)
    try:
        return app.exec()
    finally:
        heartbeat.stop()
        built.shutdown()
        crash_handler.uninstall()
        del translators, os_adapter
