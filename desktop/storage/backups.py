"""Backup restore (R4): list the pre-migration backups, restore one, and the checked open that refuses a
damaged file before anything can write it.

Nothing here deletes or rewrites a damaged file: restoring moves the damaged files aside into a
`damaged-<timestamp>` folder.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop.paths import WorkspacePaths
from desktop.storage.atomic import fsync_dir
from desktop.storage.database import DatabaseError, check, is_plaintext_sqlite, open_encrypted
from desktop.storage.errors import ErrorCode, WorkspaceError
from desktop.storage.keyslots import KeySlotFile
from desktop.storage.private import make_private
from desktop.storage.probe import probe
from desktop.storage.timefmt import utcnow
from desktop.storage.workspace import Workspace

_BACKUP_NAME = re.compile(r"^pre-migration-v(\d+)\.db$")
_SIDE_FILES = ("-wal", "-shm", "-journal")


def open_checked(paths: WorkspacePaths, slot_id: str, passphrase: str) -> Workspace:
    """Workspace.open preceded by a read-only `probe`: a damaged file is refused before anything can write it.

    Until database.open_encrypted probes read-only itself (proposed change), the unlock flow should call this
    instead of Workspace.open. It costs a second key derivation.
    """
    if paths.keyslots.exists() and paths.database.exists() and not is_plaintext_sqlite(paths.database):
        probe(paths.database, KeySlotFile.load(paths.keyslots).unwrap(slot_id, passphrase))
    return Workspace.open(paths, slot_id, passphrase)


# --------------------------------------------------------------------------------------------- backups


@dataclass(frozen=True)
class Backup:
    path: Path
    schema_version: int
    size: int
    modified: datetime


def list_backups(paths: WorkspacePaths) -> list[Backup]:
    """The encrypted pre-migration backups (migrate.py), newest schema first."""
    if not paths.backups.is_dir():
        return []
    found = []
    for path in paths.backups.iterdir():
        match = _BACKUP_NAME.match(path.name)
        if match and path.is_file():
            st = path.stat()
            found.append(
                Backup(
                    path, int(match.group(1)), st.st_size, datetime.fromtimestamp(st.st_mtime).astimezone()
                )
            )
    found.sort(key=lambda b: (b.schema_version, b.modified), reverse=True)
    return found


@dataclass
class Restored:
    workspace: Workspace
    damaged_dir: Path | None  # where the damaged files now are (None when there was no database file)


def restore_backup(paths: WorkspacePaths, backup: Backup, slot_id: str, passphrase: str) -> Restored:
    """Put a backup in place of the damaged database and open it.

    1. The backup is copied to a staging file beside the database and checked there (key, HMAC of every page,
       structure, same workspace id). A backup that fails leaves everything as it was.
    2. The damaged database and its -wal/-shm/-journal are moved (never deleted) into `damaged-<timestamp>/`.
       A stale WAL must never stay beside another database file: SQLite would replay it onto it.
    3. The staging file is renamed into place and the workspace is opened normally (older schemas migrate).

    A kill between 2 and 3 leaves no database file: opening says "damaged", and restoring again works.
    """
    slots = KeySlotFile.load(paths.keyslots)
    keys = slots.unwrap(slot_id, passphrase)
    stamp = utcnow().strftime("%Y%m%dT%H%M%S%fZ")
    staging = paths.root / f".restore-{stamp}.db"
    shutil.copy2(backup.path, staging)
    make_private(staging)
    try:
        _check_staging(staging, keys, slots.workspace_id)
    except BaseException:
        _unlink_with_side_files(staging)
        raise
    damaged_dir = None
    present = [Path(str(paths.database) + s) for s in ("", *_SIDE_FILES)]
    present = [p for p in present if p.exists()]
    if present:
        damaged_dir = paths.root / f"damaged-{stamp}"
        damaged_dir.mkdir(mode=0o700)
        for p in present:
            os.replace(p, damaged_dir / p.name)
        fsync_dir(damaged_dir)
        fsync_dir(paths.root)
    os.replace(staging, paths.database)
    fsync_dir(paths.root)
    return Restored(Workspace.open(paths, slot_id, passphrase), damaged_dir)


def _check_staging(path: Path, keys: tuple[bytes, ...], workspace_id: str) -> None:
    last: WorkspaceError = WorkspaceError(ErrorCode.DAMAGED, "backup does not open")
    for key in keys:
        try:
            conn = open_encrypted(path, key)
        except WorkspaceError as exc:
            last = exc
            continue
        try:
            problems = check(conn)
            if problems:
                raise WorkspaceError(ErrorCode.DAMAGED, "backup fails its integrity check")
            try:
                row = conn.execute("SELECT value FROM meta WHERE key = 'workspace_id'").fetchone()
            except DatabaseError:
                row = None
            if row is None or row[0] != workspace_id:
                raise WorkspaceError(ErrorCode.DAMAGED, "backup belongs to another workspace")
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
        return
    raise last


def _unlink_with_side_files(path: Path) -> None:
    for suffix in ("", *_SIDE_FILES):
        Path(str(path) + suffix).unlink(missing_ok=True)
