"""Shared plumbing of the lead's view models: every service call goes through the database runner; results come
back on the GUI thread by signal. Errors are reduced to stable codes (never contents) for the views to translate."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal, SignalInstance

from desktop.services.lead import LeadError, list_campaign_infos
from desktop.storage.errors import WorkspaceError
from desktop.storage.workspace import Workspace as Workspace  # the lead views pass this handle on
from desktop.tasks import TaskRunner
from sync.core import memberfile

log = logging.getLogger(__name__)


def error_code(error: BaseException) -> str:
    """A stable code for an error: 'lead:<code>', 'file:<code>', 'workspace:<code>' or 'bug'."""
    if isinstance(error, LeadError):
        return f"lead:{error.code}"
    if isinstance(error, memberfile.MemberFileError):
        return f"file:{error.code.value}"
    if isinstance(error, WorkspaceError):
        return f"workspace:{error.code.value}"
    if isinstance(error, OSError):
        return "os:write"
    return "bug"


class LeadModel(QObject):
    """Base: ``run(work, on_done)`` on the DB runner; ``busy`` while something runs; ``failed(code)``."""

    failed = Signal(str)
    busy_changed = Signal(bool)

    def __init__(self, db: TaskRunner, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.ws = workspace
        self._running = 0

    @property
    def busy(self) -> bool:
        return self._running > 0

    def run(
        self,
        work: Callable[[Workspace], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        ws = self.ws
        self._running += 1
        if self._running == 1:
            self.busy_changed.emit(True)

        def done(result: Any) -> None:
            if not shiboken6.isValid(self):
                return  # the screen went away (locked) while the task ran
            self._finish()
            if on_done is not None:
                on_done(result)

        def error(exc: BaseException) -> None:
            if not shiboken6.isValid(self):
                return
            self._finish()
            code = error_code(exc)
            if code == "bug":
                log.error("lead task failed: %s", type(exc).__name__)
            if on_error is not None:
                on_error(exc)
            else:
                self.failed.emit(code)

        self.db.submit(lambda: work(ws), done, error)

    def _finish(self) -> None:
        self._running -= 1
        if self._running == 0:
            self.busy_changed.emit(False)


def safe_emitter(signal: SignalInstance) -> Callable[..., None]:
    """A progress callback for a worker thread: emits while the receiver exists; a screen closed mid-way
    (the workspace was locked) must not abort the work itself."""

    def emit(*args: Any) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:
            pass

    return emit


class CampaignListModel(LeadModel):
    """The campaigns of the workspace (for the lead's campaign chooser)."""

    loaded = Signal(list)  # list[CampaignInfo]

    def refresh(self) -> None:
        self.run(list_campaign_infos, self.loaded.emit)
