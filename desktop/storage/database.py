"""Opening the SQLCipher database: the one place that knows the open sequence and PRAGMAs (design.md).

1. Refuse a plaintext SQLite file before touching it (R2).
2. `PRAGMA key` with the raw 256-bit key, then assert `cipher_version` is non-empty: plain SQLite would
   silently ignore the key and write plaintext.
3. A first read tells a wrong key or a damaged file ("file is not a database").
4. WAL, synchronous=FULL, foreign_keys, secure_delete, cipher_memory_security; temp files stay in memory.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import sqlcipher3
from sqlcipher3 import dbapi2

from desktop.storage.errors import ErrorCode, WorkspaceError
from desktop.storage.private import create_private_file

SQLITE_MAGIC = b"SQLite format 3\x00"
MIN_CIPHER_VERSION = (4, 6)

if TYPE_CHECKING:
    # sqlcipher3 ships no type information; its DB-API is the standard library's sqlite3 one.
    from sqlite3 import Connection as Connection
    from sqlite3 import DatabaseError as DatabaseError
else:
    Connection = dbapi2.Connection
    DatabaseError = dbapi2.DatabaseError


def cipher_version() -> str:
    """The SQLCipher version linked into sqlcipher3 (empty when it is plain SQLite)."""
    conn = sqlcipher3.connect(":memory:")
    try:
        row = conn.execute("PRAGMA cipher_version").fetchone()
        return row[0] if row else ""
    finally:
        conn.close()


def parse_version(text: str) -> tuple[int, ...]:
    digits = text.split()[0] if text else ""
    try:
        return tuple(int(x) for x in digits.split(".")[:2])
    except ValueError:
        return ()


def is_plaintext_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(16) == SQLITE_MAGIC
    except FileNotFoundError:
        return False


def open_encrypted(
    path: Path, key: bytes, *, create: bool = False, probe: bool = True, cached_statements: int | None = None
) -> Connection:
    """Open (or create) an encrypted database with `key`. Raises WorkspaceError, never a raw sqlite error.

    ``probe=False`` skips the read-only integrity probe: only for a further connection to a database this process
    already holds open and has checked (``Workspace.bulk_transaction``). ``cached_statements=0`` keeps no
    statement prepared after use (a bulk connection: see ``Workspace.bulk_transaction``)."""
    if len(key) != 32:
        raise ValueError("the database key is 32 raw bytes")
    exists = path.exists()
    if not exists and not create:
        raise WorkspaceError(ErrorCode.NO_WORKSPACE)
    if exists and create:
        raise WorkspaceError(ErrorCode.EXISTS)
    if exists and is_plaintext_sqlite(path):
        raise WorkspaceError(ErrorCode.PLAINTEXT_DATABASE)
    if exists and path.stat().st_size == 0:
        raise WorkspaceError(ErrorCode.DAMAGED, "empty file")
    if not exists:  # 0600 before SQLite sees it: its -wal and -shm files take the database file's mode
        create_private_file(path)
    elif probe:
        _probe_read_only(path, key)
    cache = {} if cached_statements is None else {"cached_statements": cached_statements}
    conn: Connection = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False, **cache)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        row = conn.execute("PRAGMA cipher_version").fetchone()
        if not row or parse_version(row[0]) < MIN_CIPHER_VERSION:
            raise WorkspaceError(ErrorCode.NO_SQLCIPHER)
        conn.execute("PRAGMA cipher_memory_security = ON")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except DatabaseError:
            raise WorkspaceError(ErrorCode.DAMAGED, "key does not open the file") from None
        conn.execute("PRAGMA temp_store = MEMORY")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":
            raise WorkspaceError(ErrorCode.DAMAGED, "journal mode")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA busy_timeout = 5000")
        return conn
    except WorkspaceError:
        conn.close()
        raise
    except DatabaseError as exc:
        conn.close()
        raise WorkspaceError(ErrorCode.DAMAGED, type(exc).__name__) from None


def _probe_read_only(path: Path, key: bytes) -> None:
    """Key + integrity check before the real open, without changing the file (R4)."""
    problems = check_file(path, key)
    if problems is None:
        raise WorkspaceError(ErrorCode.DAMAGED, "key does not open the file")
    if problems:
        raise WorkspaceError(ErrorCode.DAMAGED, "integrity check failed")


def check_file(path: Path, key: bytes) -> list[str] | None:
    """The integrity problems of the database at `path` under `key` (empty: sound), None when the key does not
    open it. Never changes the file (R4).

    Closing a failed read-write connection would checkpoint the WAL into the refused file and delete the WAL,
    so without a WAL the check runs on a read-only connection. With a WAL (left by a crash) it runs on a private
    copy of database and WAL instead, and the copy's WAL is checkpointed before the check: `PRAGMA
    cipher_integrity_check` reads the pages of the database file only, never the WAL, so it must see the file
    as the real open will leave it. This matters after a rekey killed between its commit and its checkpoint
    (R6): the WAL holds every page under the new key while the file still holds them under the old one. Checked
    without the checkpoint, every page "failed its HMAC" and intact data was refused under both keys.
    """
    wal = Path(str(path) + "-wal")
    with contextlib.ExitStack() as stack:
        copied = wal.exists() and wal.stat().st_size > 0
        if copied:
            tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix=".probe-", dir=path.parent)))
            copy = tmp / path.name
            shutil.copyfile(path, copy)
            shutil.copyfile(wal, Path(str(copy) + "-wal"))
            conn = sqlcipher3.connect(str(copy), isolation_level=None, check_same_thread=False)
        else:
            conn = sqlcipher3.connect(
                f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None, check_same_thread=False
            )
        stack.callback(conn.close)  # before the copy's folder goes
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        row = conn.execute("PRAGMA cipher_version").fetchone()
        if not row or parse_version(row[0]) < MIN_CIPHER_VERSION:
            raise WorkspaceError(ErrorCode.NO_SQLCIPHER)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except DatabaseError:
            return None  # wrong key for this file, or page 1 damaged
        if copied:
            try:
                busy, frames, moved = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            except DatabaseError as exc:
                return [f"{type(exc).__name__}: {exc}"]
            if busy or frames != moved:
                return ["the WAL could not be checkpointed"]
        return check(conn)
    raise AssertionError("unreachable")  # pragma: no cover (mypy: ExitStack may swallow exceptions)


def check(conn: Connection) -> list[str]:
    """The integrity problems of an open database; a read error is itself a problem, never an exception."""
    try:
        return integrity_problems(conn)
    except DatabaseError as exc:
        return [f"{type(exc).__name__}: {exc}"]


def integrity_problems(conn: Connection) -> list[str]:
    """SQLCipher's page HMAC check plus SQLite's structural check; empty when the file is sound."""
    problems = [r[0] for r in conn.execute("PRAGMA cipher_integrity_check").fetchall()]
    rows = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()]
    problems.extend(r for r in rows if r != "ok")
    return problems


# ------------------------------------------------------------------------------- transactions and upkeep


@contextlib.contextmanager
def transaction(conn: Connection) -> Iterator[Connection]:
    """One write transaction (BEGIN IMMEDIATE … COMMIT, ROLLBACK on any error)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def compact(conn: Connection) -> bool:
    """VACUUM (outside any transaction: it rewrites the file without the freed pages; secure_delete is on) and
    truncate the WAL. Returns False when another connection blocked the checkpoint."""
    conn.execute("VACUUM")
    row = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    return row is None or row[0] == 0


@contextlib.contextmanager
def page_cache(conn: Connection, kib: int) -> Iterator[Connection]:
    """A larger page cache for one bulk operation (an import), the previous size restored afterwards."""
    previous = int(conn.execute("PRAGMA cache_size").fetchone()[0])
    conn.execute(f"PRAGMA cache_size = {int(kib)}")
    try:
        yield conn
    finally:
        conn.execute(f"PRAGMA cache_size = {previous}")
