"""Read-only integrity probe of a workspace database (R4): which key opens it, and whether every page checks.

Used before opening (backups.open_checked), after a rekey (rekey._verify) and on a backup before restoring it.
"""

from __future__ import annotations

from pathlib import Path

from desktop.storage.database import check_file
from desktop.storage.errors import ErrorCode, WorkspaceError


def probe(path: Path, keys: tuple[bytes, ...]) -> bytes:
    """Check a database on a **read-only** connection; returns the key that opens it, else raises DAMAGED.

    Read-only matters: when the last read-write connection to a WAL database closes, SQLite copies the WAL
    into the database file and deletes the WAL, even if the connection only failed to read. A refused file
    would then no longer be the file that was refused (and a damaged WAL tail would be gone for salvage). A
    read-only connection never checkpoints; at most SQLite creates the -shm index beside the file. With a WAL
    left by a crash the check runs on a private copy whose WAL is checkpointed first (database.check_file):
    `cipher_integrity_check` reads the file, not the WAL, and a rekey killed before its checkpoint leaves the
    file under the old key and the WAL under the new one.
    The check covers every page (SQLCipher's HMAC) and the structure (quick_check), not only the pages the
    open sequence happens to read.
    """
    if not path.exists():
        raise WorkspaceError(ErrorCode.DAMAGED, "database missing")
    if path.stat().st_size == 0:
        raise WorkspaceError(ErrorCode.DAMAGED, "empty file")
    for key in keys:
        problems = check_file(path, key)
        if problems is None:
            continue  # wrong key for this file, or page 1 damaged
        if problems:
            raise WorkspaceError(ErrorCode.DAMAGED, problems[0][:200])
        return key
    raise WorkspaceError(ErrorCode.DAMAGED, "key does not open the file")
