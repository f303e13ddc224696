"""Ways out of a damaged workspace (R4) for the damaged screen: list the encrypted backups and restore one.

The work runs on the database runner (disk work, Argon2id); results come back on the GUI thread by signal.
Errors become stable codes (never contents). Restoring obeys the same growing delay after wrong passphrases as
unlocking (DP-13): the restore form must not be a way around it.

Restoring ends in a PC that syncs (issue 13.4): the reports recorded after the backup are salvaged from the damaged
file (moved aside into `damaged-<time>/`) and taken back into the restored workspace's outbox
(desktop.services.take_back); the next sync renumbers the restored outbox above the server's `highest_seq` and
delivers them. The central office counts a report id once per organisation, so nothing counts twice. The damaged
files stay in `damaged-<time>/`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QObject, Signal

from desktop.paths import WorkspacePaths
from desktop.services import session, take_back
from desktop.storage import recovery
from desktop.storage.errors import WorkspaceError
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
) -> int:
    """Restore `backup` (recovery.restore_backup), counting a wrong passphrase like a failed unlock; then take
    back the reports of the damaged file the backup lacks. Returns how many were taken back (sent at the next
    sync)."""
    with session.passphrase_check(paths, clock()):
        restored = recovery.restore_backup(paths, backup, slot_id, passphrase)
    try:
        taken: list[str] = []
        if restored.damaged_dir is not None:
            damaged = restored.damaged_dir / paths.database.name
            found = recovery.salvage(paths, slot_id, passphrase, database=damaged)
            taken = take_back.take_back(restored.workspace.conn, found.reports)
    finally:
        restored.workspace.close()  # the app unlocks it again the normal way (audit entry, retention)
    return len(taken)


class RecoveryModel(QObject):
    backups_loaded = Signal(list)  # list[BackupChoice], newest format first
    restored = Signal(str, str)  # slot id, passphrase: the app unlocks normally next
    taken_back = Signal(int)  # reports of the damaged file put back into the outbox (before `restored`)
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
            lambda taken: self._done(slot_id, passphrase, taken),
            self._error,
        )

    def _done(self, slot_id: str, passphrase: str, taken: int) -> None:
        self._set_busy(False)
        self.taken_back.emit(taken)
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
