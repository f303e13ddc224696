"""First run without a terminal (#15.1): set this PC up with the central office, or prepare offline as a call
lead. Enrolment and the first pull run on the network runner, creating the workspace on the lead's own
passphrase; the app then unlocks it the normal way. Errors come back as short codes the view words in German.
"""

from __future__ import annotations

from pydantic import ValidationError
from PySide6.QtCore import QObject, Signal

from desktop.domain.passphrase import MIN_LENGTH
from desktop.paths import WorkspacePaths
from desktop.services import lead, session, sync_engine
from desktop.storage.errors import ErrorCode, WorkspaceError
from desktop.storage.workspace import list_slots
from desktop.tasks import TaskRunner
from sync.client.transport import InsecureTransport, Refused, SyncError, Unreachable


def error_code(error: BaseException) -> str:
    """code_invalid | code_expired | refused:<code> | tls | unreachable | insecure | exists | error"""
    if isinstance(error, ValidationError):  # refused before it left the PC (e.g. a code too short)
        fields = {str(e["loc"][0]) for e in error.errors() if e.get("loc")}
        return "code_invalid" if "code" in fields else "fields_missing"
    if isinstance(error, Refused):
        return error.code if error.code in ("code_invalid", "code_expired") else f"refused:{error.code}"
    if isinstance(error, InsecureTransport):
        return "insecure"
    if isinstance(error, Unreachable):
        text = str(error).upper()
        return "tls" if "SSL" in text or "CERTIFICATE" in text or "TLS" in text else "unreachable"
    if isinstance(error, SyncError):
        return "unreachable"
    if isinstance(error, WorkspaceError) and error.code is ErrorCode.EXISTS:
        return "exists"
    if isinstance(error, lead.LeadError):
        return error.code
    return "error"


class FirstRunModel(QObject):
    progress = Signal(str, int)  # phase ("connecting" | "pulling"), contacts received so far
    finished = Signal(str, str, str)  # how ("central" | "offline"), slot id, passphrase: the app unlocks
    failed = Signal(
        str
    )  # error_code() or a form problem: fields_missing, passphrase_short, passphrase_mismatch

    def __init__(self, paths: WorkspacePaths, net: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.net = net
        self.busy = False

    @staticmethod
    def _form_problem(passphrase: str, repeat: str, *fields: str) -> str | None:
        if not all(f.strip() for f in fields):
            return "fields_missing"
        if len(passphrase) < MIN_LENGTH:
            return "passphrase_short"
        if passphrase != repeat:
            return "passphrase_mismatch"
        return None

    def set_up(self, server: str, code: str, pc_name: str, label: str, passphrase: str, repeat: str) -> bool:
        """Enrol with the one-time code, then pull campaigns, clearance and the list (progress)."""
        problem = self._form_problem(passphrase, repeat, server, code, label)
        if problem or self.busy:
            if problem:
                self.failed.emit(problem)
            return False
        self.busy = True
        self.progress.emit("connecting", 0)
        paths, server, code, label = self.paths, server.strip(), code.strip(), label.strip()

        def work() -> str:
            workspace = sync_engine.enrol(
                paths, server_url=server, code=code, label=label, passphrase=passphrase, device_name=pc_name
            )
            try:
                self.progress.emit("pulling", 0)
                try:
                    sync_engine.sync_once(
                        workspace.conn,
                        progress=lambda n: self.progress.emit("pulling", n),
                        bulk=workspace.bulk_transaction,
                    )
                except SyncError:
                    pass  # enrolled all the same: the background sync fetches the rest when it can
                return next(s.slot_id for s in list_slots(paths) if s.label == label)
            finally:
                session.lock(workspace)

        self.net.submit(work, lambda slot: self._done("central", slot, passphrase), self._failed)
        return True

    def prepare_offline(self, org: str, label: str, passphrase: str, repeat: str) -> bool:
        """A lead's workspace without the central office: script, questions and rules now, members later."""
        problem = self._form_problem(passphrase, repeat, org, label)
        if problem or self.busy:
            if problem:
                self.failed.emit(problem)
            return False
        self.busy = True
        paths = self.paths

        def work() -> str:
            lead.init_workspace(paths, org_name=org, label=label, passphrase=passphrase).close()
            return next(s.slot_id for s in list_slots(paths) if s.label == label.strip())

        self.net.submit(work, lambda slot: self._done("offline", slot, passphrase), self._failed)
        return True

    def _done(self, how: str, slot: str, passphrase: str) -> None:
        self.busy = False
        self.finished.emit(how, slot, passphrase)

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        code = error_code(error)
        self.failed.emit(code)
        if code == "error":
            raise error
