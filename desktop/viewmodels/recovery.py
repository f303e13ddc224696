"""Ways out of a damaged workspace (R4) for the damaged screen: list the encrypted backups and restore one.

The work runs on the database runner (disk work, Argon2id); results come back on the GUI thread by signal.
Errors become stable codes (never contents). Restoring obeys the same growing delay after wrong passphrases as
unlocking (DP-13): the restore form must not be a way around it.

Re-enrolling is explained on the screen, not automated: the central office recognises a re-sent report only per
device (its idempotency keys are per device), so re-sending salvaged reports from a newly enrolled PC could
count an outcome twice (R10). The damaged files stay where they are (or in `damaged-<time>/`) for that step.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QObject, Signal

from desktop.paths import WorkspacePaths
from desktop.services import session
from desktop.storage import recovery
from desktop.storage.errors import ErrorCode, WorkspaceError
from desktop.storage.timefmt import utcnow
from desktop.tasks import TaskRunner


@dataclass(frozen=True)
class BackupChoice:
    """What the screen shows of a backup: no contents, only its format version, size and time."""

    schema_version: int
    size: int
    modified: datetime


def restore_with_throttle(
    paths: WorkspacePaths,
    backup: recovery.Backup,
    slot_id: str,
    passphrase: str,
    clock: Callable[[], datetime] = utcnow,
) -> None:
    """Restore `backup` (recovery.restore_backup), counting a wrong passphrase like a failed unlock."""
    now = clock()
    throttle = session.refuse_during_delay(paths, now)
    try:
        restored = recovery.restore_backup(paths, backup, slot_id, passphrase)
    except WorkspaceError as exc:
        if exc.code is ErrorCode.WRONG_PASSPHRASE:
            raise session.count_failure(paths, throttle, now) from None
        raise
    restored.workspace.close()  # the app unlocks it again the normal way (audit entry, retention)


class RecoveryModel(QObject):
    backups_loaded = Signal(list)  # list[BackupChoice], newest format first
    restored = Signal(str, str)  # slot id, passphrase: the app unlocks normally next
    failed = Signal(str, float)  # error code, seconds to wait before the next try
    busy_changed = Signal(bool)

    def __init__(self, paths: WorkspacePaths, db: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.db = db
        self._backups: list[recovery.Backup] = []
        self.busy = False

    def load(self) -> None:
        self.db.submit(lambda: recovery.list_backups(self.paths), self._loaded, lambda _e: self._loaded([]))

    def _loaded(self, backups: list[recovery.Backup]) -> None:
        self._backups = list(backups)
        self.backups_loaded.emit([BackupChoice(b.schema_version, b.size, b.modified) for b in self._backups])

    def restore(self, index: int, slot_id: str, passphrase: str) -> None:
        if self.busy or not 0 <= index < len(self._backups) or not slot_id or not passphrase:
            return
        backup = self._backups[index]
        self._set_busy(True)
        self.db.submit(
            lambda: restore_with_throttle(self.paths, backup, slot_id, passphrase),
            lambda _: self._done(slot_id, passphrase),
            self._error,
        )

    def _done(self, slot_id: str, passphrase: str) -> None:
        self._set_busy(False)
        self.restored.emit(slot_id, passphrase)

    def _error(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, session.ThrottledError):
            self.failed.emit(error.code.value, error.wait.total_seconds())
        elif isinstance(error, WorkspaceError):
            self.failed.emit(error.code.value, 0.0)
        elif isinstance(error, OSError):
            self.failed.emit("os", 0.0)
        else:
            self.failed.emit("bug", 0.0)
            raise error

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.busy_changed.emit(busy)
