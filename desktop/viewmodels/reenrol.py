"""The guided way out for a PC found to be a copy of another (issue 13.4): one action, three steps.

desktop.services.reenrol does the work: the new one-time code is redeemed on the network runner, the new
identity is adopted and the outbox renumbered on the database runner (one transaction), and then the sync
controller syncs, which re-sends everything. Errors become stable codes, never contents.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop.services import reenrol
from desktop.services.enrolment import Enrolment
from desktop.storage.workspace import Workspace
from desktop.tasks import TaskRunner
from desktop.viewmodels.sync_status import SyncController
from sync.client.transport import Refused, Unreachable

CLONED = "refused:device_cloned"  # the sync state that opens the dialog


class ReenrolModel(QObject):
    busy_changed = Signal(bool)
    adopted = Signal(int)  # items to be sent again under the new identity; the sync runs next
    finished = Signal(int)  # the sync after re-enrolling went through: items sent
    failed = Signal(str)  # "code_invalid", "code_expired", "other_org", "offline", "cloned", "error"

    def __init__(
        self,
        workspace: Workspace,
        net: TaskRunner,
        db: TaskRunner,
        sync: SyncController,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace, self.net, self.db, self.sync = workspace, net, db, sync
        self.busy = False
        self._waiting_for_sync = False
        sync.sync_finished.connect(self._synced)

    def start(self, code: str, device_name: str) -> None:
        """Salvage -> re-enrol -> re-send. Ignored while running or without a code."""
        if self.busy or not code.strip():
            return
        conn = self.workspace.conn
        self._set_busy(True)

        def work() -> int:
            enrolment = self.db.call(lambda: Enrolment.load(conn))
            if enrolment is None:
                raise reenrol.OtherOrganisation("not enrolled")
            response = reenrol.identity(enrolment, code, device_name)
            return self.db.call(lambda: reenrol.adopt(conn, enrolment, response))

        self.net.submit(work, self._adopted, self._error)

    def _adopted(self, count: int) -> None:
        self.adopted.emit(count)
        self._waiting_for_sync = True
        if not self.sync.sync_now():  # a sync is running: sync again when it is through
            self._again = True

    _again = False

    def _synced(self, result: object, state: str) -> None:
        if not self._waiting_for_sync:
            return
        if self._again:
            self._again = False
            self.sync.sync_now()
            return
        self._waiting_for_sync = False
        self._set_busy(False)
        if state == "online":
            self.finished.emit(getattr(result, "pushed", 0) + getattr(result, "duplicates", 0))
        else:
            self.failed.emit("cloned" if state == CLONED else "offline")

    def _error(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, reenrol.OtherOrganisation):
            self.failed.emit("other_org")
        elif isinstance(error, Refused) and error.code in ("code_invalid", "code_expired"):
            self.failed.emit(error.code)
        elif isinstance(error, Unreachable | Refused):
            self.failed.emit("offline")
        else:
            self.failed.emit("error")
            raise error

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.busy_changed.emit(busy)
