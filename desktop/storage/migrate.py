"""Schema migrations tracked in `PRAGMA user_version` (Electrum wallet_db: step by step, refuse newer).

Each migration runs in one transaction together with the version bump. Before an existing workspace is
migrated, an encrypted copy of it is kept in `backups/` (same key: it is the same SQLCipher file).
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from desktop.storage.database import Connection
from desktop.storage.errors import ErrorCode, WorkspaceError
from desktop.storage.private import make_private, private_dir

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def available() -> list[Migration]:
    found = []
    for entry in resources.files("desktop.storage.migrations").iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), entry.name, entry.read_text("utf-8")))
    found.sort(key=lambda m: m.version)
    for expected, migration in enumerate(found, start=1):
        if migration.version != expected:
            raise RuntimeError(f"migration numbers must be consecutive: {migration.name}")
    return found


LATEST = len(available())


def current_version(conn: Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(
    conn: Connection,
    db_path: Path | None = None,
    backup_dir: Path | None = None,
    *,
    target: int | None = None,
    migrations: list[Migration] | None = None,
) -> list[int]:
    """Bring the schema up to `target` (default: the latest). Returns the versions applied."""
    migrations = available() if migrations is None else migrations
    latest = len(migrations)
    version = current_version(conn)
    if version > latest:
        raise WorkspaceError(ErrorCode.NEWER_SCHEMA, f"{version} > {latest}")
    pending = [m for m in migrations if version < m.version <= (target or latest)]
    if pending and version > 0 and db_path is not None and backup_dir is not None:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        private_dir(backup_dir)
        target_path = backup_dir / f"pre-migration-v{version}.db"
        shutil.copy2(db_path, target_path)
        make_private(target_path)
    applied = []
    for migration in pending:
        script = f"BEGIN IMMEDIATE;\n{migration.sql}\n;PRAGMA user_version = {migration.version};\nCOMMIT;"
        try:
            conn.executescript(script)
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        applied.append(migration.version)
    return applied
