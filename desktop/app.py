"""Builds and wires the desktop app. Nothing else constructs the world."""

from __future__ import annotations

import shutil
import signal
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from desktop import crash, i18n, os_events, paths
from desktop.services import demo_office, volunteers
from desktop.services.demo import DEMO_PASSPHRASE
from desktop.services.demo_office import DemoOffice
from desktop.storage.errors import ErrorCode
from desktop.storage.workspace import Workspace
from desktop.tasks import TaskRunner
from desktop.viewmodels.lock_guard import LockGuard
from desktop.viewmodels.recovery import RecoveryModel
from desktop.viewmodels.session import SessionController
from desktop.viewmodels.shift import ShiftViewModel
from desktop.viewmodels.sync_status import SyncController
from desktop.views.admit_dialog import AdmitDialog
from desktop.views.caller_view import CallerView
from desktop.views.damaged_view import DamagedView
from desktop.views.lead.area import LeadArea
from desktop.views.main_window import MainWindow
from desktop.views.status_bar import StatusButton
from desktop.views.unlock_view import UnlockView


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
    ) -> None:
        super().__init__()
        self.window = window
        self.session = session
        self.db = db
        self.net = TaskRunner("net")
        self.office = office
        self.sync: SyncController | None = None
        self.status_button = StatusButton(window)
        window.statusBar().addPermanentWidget(self.status_button, 1)
        self.unlock_view = unlock_view
        self.demo = demo
        self.throwaway_dir = throwaway_dir
        self.shift: ShiftViewModel | None = None
        self.caller_view: CallerView | None = None
        self.lead_area: LeadArea | None = None
        self.damaged_view: DamagedView | None = None
        self.guard = LockGuard(parent=self)
        self.guard.lock_requested.connect(self.lock)
        self.guard.remaining_changed.connect(self.status_button.set_idle_seconds)
        QApplication.instance().installEventFilter(self.guard)  # any input anywhere counts as activity
        session.slots_loaded.connect(unlock_view.set_slots)
        session.unlock_failed.connect(unlock_view.show_error)
        session.unlock_failed.connect(self._unlock_failed)
        session.unlocked.connect(self._unlocked)
        session.locked.connect(self._locked)
        unlock_view.unlock_requested.connect(session.unlock)

    def start(self) -> None:
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
        shift = ShiftViewModel(self.db, workspace)
        view = CallerView(shift)
        self.shift, self.caller_view = shift, view
        view.pause_requested.connect(lambda: self.lock("pause"))
        view.end_shift_requested.connect(lambda: self.lock("end_shift"))
        view.admit_requested.connect(self.admit_volunteer)
        view.prepare_requested.connect(self.show_lead_area)
        self.window.show_screen(view)
        self.guard.arm()
        self._start_sync(workspace)
        shift.start()

    def _start_sync(self, workspace: Workspace) -> None:
        if self.shift is None:  # locked again meanwhile
            return
        sync = SyncController(workspace, self.net, self.db)
        self.sync = sync
        sync.status_changed.connect(self.status_button.set_status)
        sync.sync_finished.connect(lambda _result, state: self.status_button.set_state(state))
        sync.sync_finished.connect(lambda _result, _state: self.shift.after_sync() if self.shift else None)
        self.status_button.sync_requested.connect(sync.sync_now)
        sync.start()

    def show_lead_area(self) -> LeadArea | None:
        """The call lead's screens (callers never reach them: the services refuse other roles as well)."""
        shift = self.shift
        if shift is None or not shift.is_lead:
            return None
        if self.lead_area is None:
            area = LeadArea(self.db, shift.service.ws)
            area.start_calling_requested.connect(self._start_calling)
            area.campaigns_changed.connect(shift.start)
            self.lead_area = area
        self.window.show_screen(self.lead_area)
        return self.lead_area

    def _start_calling(self, campaign_id: str) -> None:
        if self.shift is None or self.caller_view is None:
            return
        self.window.show_screen(self.caller_view)
        self.shift.select_campaign(campaign_id)

    def admit_volunteer(self) -> AdmitDialog | None:
        """Open „Mitstreiter*in zulassen“ (leads only; the service checks the role and the clearance again)."""
        shift = self.shift
        if shift is None or not shift.is_lead:
            return None
        dialog = AdmitDialog(volunteers.pledge_text(i18n.current_language()), self.window)
        dialog.admit_requested.connect(
            lambda label, passphrase, signature, confirmed: shift.admit(
                label, passphrase, signature, confirmed, lambda _person: dialog.done_ok(), dialog.show_refusal
            )
        )
        dialog.open()
        return dialog

    def lock(self, reason: str = "pause") -> None:
        """Lock at once: the screen and the clipboard are cleared before the workspace closes."""
        self.guard.disarm()
        self._stop_sync(wait=False)
        summary = self.shift.service.shift if self.shift is not None else None
        if self.shift is not None:
            self.shift.close()
        if self.caller_view is not None:
            self.caller_view.clear_for_lock()
            self.window.drop_screen(self.caller_view)
            self.caller_view = None
        if self.lead_area is not None:
            self.window.drop_screen(self.lead_area)
            self.lead_area = None
        self.shift = None
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
    """The demo was asked for (or there is no workspace yet) where the central office cannot run."""


def build(options: AppOptions) -> App:
    """Create the window and controllers. A QApplication must exist; translators are installed by the caller."""
    paths.configure(options.data_dir)
    throwaway: Path | None = None
    workspace_paths = paths.workspace()
    demo = options.demo or not workspace_paths.exists()
    if demo:
        if options.data_dir:
            workspace_paths = paths.WorkspacePaths(paths.demo_root())
        else:
            throwaway = Path(tempfile.mkdtemp(prefix="telefonaktion-demo-"))
            workspace_paths = paths.WorkspacePaths(throwaway / "demo")

    if demo and not demo_office.available():
        raise DemoUnavailable(DEMO_UNAVAILABLE)
    office = DemoOffice() if demo else None

    def prepare() -> None:
        if office is not None:
            demo_office.prepare_demo(workspace_paths, office)

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
    )


def run(options: AppOptions) -> int:
    paths.configure(options.data_dir)
    if (options.demo or not paths.workspace().exists()) and not demo_office.available():
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
