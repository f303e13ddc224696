"""Unlocking and locking the workspace; owns the database task runner's workspace handle.

The Workspace object is created and used only on the database worker thread; the GUI thread keeps a
reference to pass it back into tasks, never to call it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.paths import WorkspacePaths
from desktop.services import session
from desktop.storage.errors import ErrorCode, WorkspaceError
from desktop.storage.workspace import SlotChoice, Workspace, list_slots

# What the unlock and damaged screens show comes from here, not from storage (views never import storage).
__all__ = ["ErrorCode", "SessionController", "SlotChoice", "Workspace"]
from desktop.tasks import TaskRunner


class SessionController(QObject):
    slots_loaded = Signal(list)  # list[SlotChoice]
    unlock_failed = Signal(str, float)  # ErrorCode value, seconds to wait before the next try
    unlocked = Signal(object)  # Workspace (handle only: use it through `db`)
    locked = Signal()
    passphrase_changed = Signal()
    passphrase_change_failed = Signal(str, float)  # ErrorCode value, seconds to wait

    def __init__(
        self,
        paths: WorkspacePaths,
        db: TaskRunner,
        *,
        demo: bool = False,
        prepare: Callable[[], Any] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.paths = paths
        self.db = db
        self.demo = demo
        self.workspace: Workspace | None = None
        self._prepare = prepare

    def load_slots(self) -> None:
        def work() -> list[SlotChoice]:
            if self._prepare is not None:
                self._prepare()
            return list_slots(self.paths)

        self.db.submit(work, self.slots_loaded.emit, self._fail)

    def unlock(self, slot_id: str, passphrase: str) -> None:
        self.db.submit(lambda: session.unlock(self.paths, slot_id, passphrase), self._opened, self._fail)

    def change_passphrase(self, slot_id: str, old: str, new: str) -> None:
        def failed(error: BaseException) -> None:
            if isinstance(error, session.ThrottledError):
                self.passphrase_change_failed.emit(error.code.value, error.wait.total_seconds())
            elif isinstance(error, WorkspaceError):
                self.passphrase_change_failed.emit(error.code.value, 0.0)
            else:
                self.passphrase_change_failed.emit("error", 0.0)
                raise error

        self.db.submit(
            lambda: session.change_passphrase(self.paths, slot_id, old, new),
            lambda _: self.passphrase_changed.emit(),
            failed,
        )

    def _opened(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.unlocked.emit(workspace)

    def _fail(self, error: BaseException) -> None:
        if isinstance(error, session.ThrottledError):
            self.unlock_failed.emit(error.code.value, error.wait.total_seconds())
        elif isinstance(error, WorkspaceError):
            self.unlock_failed.emit(error.code.value, 0.0)
        else:
            self.unlock_failed.emit(ErrorCode.DAMAGED.value, 0.0)
            raise error

    def lock(self) -> None:
        workspace, self.workspace = self.workspace, None
        if workspace is not None:
            self.db.submit(lambda: session.lock(workspace), lambda _: self.locked.emit())
        else:
            self.locked.emit()
