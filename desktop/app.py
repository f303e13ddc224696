"""Builds and wires the desktop app. Nothing else constructs the world."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from desktop import i18n, os_events, paths
from desktop.services.demo import DEMO_PASSPHRASE, create_demo_workspace
from desktop.storage.workspace import Workspace
from desktop.tasks import TaskRunner
from desktop.viewmodels.lock_guard import LockGuard
from desktop.viewmodels.session import SessionController
from desktop.viewmodels.shift import ShiftViewModel
from desktop.views.caller_view import CallerView
from desktop.views.main_window import MainWindow
from desktop.views.unlock_view import UnlockView


@dataclass
class AppOptions:
    demo: bool = False
    lang: str | None = None
    data_dir: str | None = None


class App(QObject):
    """The running app: window, session and the current shift. Kept thin; screens own their behaviour."""

    def __init__(self, *, window: MainWindow, session: SessionController, db: TaskRunner, unlock_view: UnlockView,
                 demo: bool, throwaway_dir: Path | None = None) -> None:
        super().__init__()
        self.window = window
        self.session = session
        self.db = db
        self.unlock_view = unlock_view
        self.demo = demo
        self.throwaway_dir = throwaway_dir
        self.shift: ShiftViewModel | None = None
        self.caller_view: CallerView | None = None
        self.guard = LockGuard(parent=self)
        self.guard.lock_requested.connect(self.lock)
        QApplication.instance().installEventFilter(self.guard)  # any input anywhere counts as activity
        session.slots_loaded.connect(unlock_view.set_slots)
        session.unlock_failed.connect(unlock_view.show_error)
        session.unlocked.connect(self._unlocked)
        session.locked.connect(self._locked)
        unlock_view.unlock_requested.connect(session.unlock)

    def start(self) -> None:
        self.window.show_screen(self.unlock_view)
        self.session.load_slots()

    def _unlocked(self, workspace: Workspace) -> None:
        self.unlock_view.reset()
        shift = ShiftViewModel(self.db, workspace)
        view = CallerView(shift)
        self.shift, self.caller_view = shift, view
        view.pause_requested.connect(lambda: self.lock("pause"))
        view.end_shift_requested.connect(lambda: self.lock("end_shift"))
        self.window.show_screen(view)
        self.guard.arm()
        shift.start()

    def lock(self, reason: str = "pause") -> None:
        """Lock at once: the screen and the clipboard are cleared before the workspace closes."""
        self.guard.disarm()
        summary = self.shift.service.shift if self.shift is not None else None
        if self.caller_view is not None:
            self.caller_view.clear_for_lock()
            self.window.drop_screen(self.caller_view)
            self.caller_view = None
        self.shift = None
        self.unlock_view.set_notice(reason, summary)
        self.window.show_screen(self.unlock_view)
        self.session.lock()

    def _locked(self) -> None:
        self.session.load_slots()

    def shutdown(self) -> None:
        """Close the workspace on its own thread and wait for it: the process may exit right after."""
        QApplication.instance().removeEventFilter(self.guard)
        self.guard.disarm()
        workspace, self.session.workspace = self.session.workspace, None
        if workspace is not None:
            self.db.run_sync(workspace.close)
        self.db.close()
        if self.throwaway_dir is not None:
            shutil.rmtree(self.throwaway_dir, ignore_errors=True)


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

    def prepare() -> None:
        if demo and not workspace_paths.exists():
            create_demo_workspace(workspace_paths).close()

    db = TaskRunner("db")
    window = MainWindow()
    unlock = UnlockView(demo_passphrase=DEMO_PASSPHRASE if demo else None)
    session = SessionController(workspace_paths, db, demo=demo, prepare=prepare)
    return App(window=window, session=session, db=db, unlock_view=unlock, demo=demo, throwaway_dir=throwaway)


def run(options: AppOptions) -> int:
    app = QApplication.instance() or QApplication([])
    app.setApplicationName("Telefonaktion")
    translators = i18n.install(app, i18n.choose_language(options.lang))
    built = build(options)
    os_adapter = os_events.install(app, built.guard.os_event)
    built.window.show()
    built.start()
    try:
        return app.exec()
    finally:
        built.shutdown()
        del translators, os_adapter
