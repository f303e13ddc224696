"""Page salvage (R4): the call reports still readable from a damaged workspace, for re-sending.

Salvage reads in two ways and joins the results by report id:

1. Row by row through SQLCipher (reports.body and the outbox payloads of kind "report", stored as
   ``outbox_store.StoredReport``), stepping over rows whose pages fail their check.
2. Page by page, without the B-tree: every page of the database file and every frame of its WAL is checked
   against its SQLCipher HMAC with the workspace key; only pages that pass are decrypted and searched for
   report JSON. This still finds reports when page 1 or an interior page is damaged. A page whose HMAC fails
   is never used, so damage cannot turn into invented reports; a page that passes is one the app wrote
   (perhaps an older version of it; reports are append-only, so an older page holds real reports).

Every salvaged report is one that was recorded on this PC. They can be re-sent after re-enrolment: the central
office counts a report id once per organisation, also when a newly enrolled device sends it again under new
idempotency keys (sync/server/device_sync.py, tested in tests/server/test_sync_api.py), so a report that had
already arrived counts once.

Salvage works on a temporary copy and never writes the damaged file.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import re
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from pydantic import ValidationError

from desktop.domain.models import CallReport
from desktop.paths import WorkspacePaths
from desktop.storage.database import Connection, DatabaseError
from desktop.storage.keyslots import KeySlotFile
from desktop.storage.outbox_store import StoredReport

# SQLCipher 4 defaults (asserted by cipher_settings in the tests): 4096-byte pages, reserve = 16-byte IV +
# 64-byte HMAC-SHA512, HMAC key = PBKDF2-HMAC-SHA512(key, salt XOR 0x3a, 2 iterations), page number
# little-endian.
PAGE_SIZE = 4096
IV_SIZE = 16
HMAC_SIZE = 64
RESERVE = IV_SIZE + HMAC_SIZE
SALT_SIZE = 16
WAL_HEADER = 32
WAL_FRAME_HEADER = 24


@dataclass
class Salvage:
    reports: list[dict[str, object]]  # CallReport JSON, by created_at then id
    from_rows: int  # found through SQL (reports table or outbox)
    from_pages: int  # found only by the page scan
    unreadable_rows: int  # row look-ups that failed their page check
    bad_pages: int  # pages / WAL frames whose HMAC failed (ignored)


def salvage_outcomes(paths: WorkspacePaths, slot_id: str, passphrase: str) -> list[dict[str, object]]:
    """Every call report that can still be read from a (damaged) workspace, as JSON, for re-sending."""
    return salvage(paths, slot_id, passphrase).reports


def salvage(paths: WorkspacePaths, slot_id: str, passphrase: str, *, database: Path | None = None) -> Salvage:
    """``database``: another file of this workspace (the damaged one a restore moved aside), else its own."""
    keys = KeySlotFile.load(paths.keyslots).unwrap(slot_id, passphrase)
    database = database or paths.database
    found: dict[str, CallReport] = {}
    unreadable = 0
    with tempfile.TemporaryDirectory(prefix=".salvage-", dir=paths.root) as tmp:
        copy = Path(tmp) / "copy.db"
        if database.exists():
            shutil.copyfile(database, copy)
        wal = Path(str(database) + "-wal")
        if wal.exists():
            shutil.copyfile(wal, Path(str(copy) + "-wal"))
        if copy.exists():
            for key in keys:
                rows, unreadable = _salvage_rows(copy, key)
                if rows is not None:
                    found.update(rows)
                    break
    from_rows = len(found)
    bad = 0
    for key in keys:
        pages, bad = _salvage_pages(database, key)
        for report in pages.values():
            found.setdefault(report.id, report)
        if pages:
            break
    reports = sorted(found.values(), key=lambda r: (r.created_at, r.id))
    return Salvage(
        [r.model_dump(mode="json") for r in reports], from_rows, len(found) - from_rows, unreadable, bad
    )


def _parse_report(text: str) -> CallReport | None:
    """A report body (the PC's report record) or a stored outbox report, as the PC's report record."""
    try:
        return CallReport.model_validate_json(text)
    except ValidationError:
        pass
    try:
        return StoredReport.model_validate_json(text).call_report()
    except ValidationError:
        return None


def _salvage_rows(path: Path, key: bytes) -> tuple[dict[str, CallReport] | None, int]:
    """Row-by-row read through SQLCipher; (None, 0) when the key or page 1 does not open the file."""
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute("PRAGMA temp_store = MEMORY")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except DatabaseError:
            return None, 0
        found: dict[str, CallReport] = {}
        unreadable = 0
        bound = _row_bound(conn)
        for table, column, where in (("reports", "body", ""), ("outbox", "payload", " AND kind = 'report'")):
            for text in _walk_rows(conn, table, column, where, bound):
                if text is None:
                    unreadable += 1
                    continue
                report = _parse_report(text) if isinstance(text, str) else None
                if report is not None:
                    found.setdefault(report.id, report)
        return found, unreadable
    finally:
        conn.close()


def _row_bound(conn: Connection) -> int:
    bound = 0
    for sql in (
        "SELECT max(rowid) FROM reports",
        "SELECT max(seq) FROM outbox",
        "SELECT max(seq) FROM sqlite_sequence",
    ):
        with contextlib.suppress(DatabaseError):
            value = conn.execute(sql).fetchone()[0]
            bound = max(bound, int(value or 0))
    return bound + 1000 if bound else 100_000


def _walk_rows(conn: Connection, table: str, column: str, where: str, bound: int) -> Iterator[object]:
    """Yield the column of every readable row in rowid order, and None for each rowid that fails to read.

    Walks forward with a range scan; where the scan hits a page that fails its check, probes rowids one by one
    until a look-up succeeds again, then walks on from there.
    """
    walk = f"SELECT rowid, {column} FROM {table} WHERE rowid > ?{where} ORDER BY rowid"
    point = f"SELECT {column} FROM {table} WHERE rowid = ?{where}"
    cursor = 0
    while True:
        try:
            for rowid, value in conn.execute(walk, (cursor,)):
                cursor = rowid
                yield value
            return
        except DatabaseError:
            pass
        while True:
            cursor += 1
            if cursor > bound:
                return
            try:
                row = conn.execute(point, (cursor,)).fetchone()
            except DatabaseError:
                yield None
                continue
            if row is not None:
                yield row[0]
            break


def _hmac_key(key: bytes, salt: bytes) -> bytes:
    return hashlib.pbkdf2_hmac("sha512", key, bytes(b ^ 0x3A for b in salt), 2, 32)


def _open_page(page: bytes, pgno: int, key: bytes, hmac_key: bytes) -> bytes | None:
    """The plaintext of one encrypted page, or None when its HMAC does not match (damaged or foreign)."""
    if len(page) != PAGE_SIZE or pgno < 1:
        return None
    start = SALT_SIZE if pgno == 1 else 0
    body_end = PAGE_SIZE - RESERVE
    expected = hmac.new(
        hmac_key, page[start : PAGE_SIZE - HMAC_SIZE] + pgno.to_bytes(4, "little"), hashlib.sha512
    ).digest()
    if not hmac.compare_digest(expected, page[PAGE_SIZE - HMAC_SIZE :]):
        return None
    decryptor = Cipher(algorithms.AES(key), modes.CBC(page[body_end : body_end + IV_SIZE])).decryptor()
    return decryptor.update(page[start:body_end]) + decryptor.finalize()


def _pages(db: Path) -> tuple[list[bytes], list[tuple[int, bytes]]]:
    """(candidate salts, [(pgno, raw page)]) from the database file and every frame of its WAL.

    The salt is the plaintext start of page 1; a WAL frame of page 1 carries it too, which helps when the
    file's first page is the damaged one.
    """
    pages: list[tuple[int, bytes]] = []
    salts: list[bytes] = []
    if db.exists():
        data = db.read_bytes()
        if len(data) >= SALT_SIZE:
            salts.append(data[:SALT_SIZE])
        for i in range(len(data) // PAGE_SIZE):
            pages.append((i + 1, data[i * PAGE_SIZE : (i + 1) * PAGE_SIZE]))
    wal = Path(str(db) + "-wal")
    if wal.exists():
        data = wal.read_bytes()
        offset = WAL_HEADER
        while offset + WAL_FRAME_HEADER + PAGE_SIZE <= len(data):
            pgno = int.from_bytes(data[offset : offset + 4], "big")
            page = data[offset + WAL_FRAME_HEADER : offset + WAL_FRAME_HEADER + PAGE_SIZE]
            pages.append((pgno, page))
            if pgno == 1 and page[:SALT_SIZE] not in salts:
                salts.append(page[:SALT_SIZE])
            offset += WAL_FRAME_HEADER + PAGE_SIZE
    return salts, pages


_JSON_START = re.compile(rb'\{"')


def _reports_in(plain: bytes) -> list[CallReport]:
    found = []
    decoder = json.JSONDecoder()
    end = 0
    for match in _JSON_START.finditer(plain):
        start = match.start()
        if start < end:
            continue  # inside an object already read (answers of a report)
        text = plain[start:].decode("utf-8", errors="replace")
        try:
            obj, length = decoder.raw_decode(text)
        except ValueError:
            continue
        raw = text[:length].encode("utf-8")
        if not isinstance(obj, dict) or plain[start : start + len(raw)] != raw:
            continue  # the bytes were not clean UTF-8 JSON
        report = _parse_report(text[:length])
        if report is not None:
            found.append(report)
            end = start + len(raw)
    return found


def _salvage_pages(db: Path, key: bytes) -> tuple[dict[str, CallReport], int]:
    """Reports in every page that passes its HMAC under `key`; also the number of pages that did not."""
    salts, pages = _pages(db)
    best: tuple[dict[str, CallReport], int] = ({}, len(pages))
    for salt in salts:
        hkey = _hmac_key(key, salt)
        found: dict[str, CallReport] = {}
        bad = 0
        for pgno, page in pages:
            plain = _open_page(page, pgno, key, hkey)
            if plain is None:
                bad += 1
                continue
            for report in _reports_in(plain):
                found.setdefault(report.id, report)
        if bad < best[1] or (found and not best[0]):
            best = (found, bad)
        if bad == 0:
            break
    return best
