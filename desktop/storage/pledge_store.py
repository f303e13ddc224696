"""Owner of the ``pledges`` table: the written pledge of a volunteer admitted on the spot (DP-11).

The sync engine records the central office's decision (confirmed / rejected) on the same rows.
Callers own the transaction; nothing here commits.
"""

from __future__ import annotations

from datetime import datetime

from desktop.storage.database import Connection
from desktop.storage.timefmt import from_db, to_db


def insert_pledge(
    conn: Connection,
    *,
    pledge_id: str,
    person_id: str,
    admitted_by: str,
    text_version: str,
    typed_name: str,
    signed_at: datetime,
) -> int:
    return conn.execute(
        "INSERT INTO pledges (id, person_id, admitted_by, text_version, typed_name, signed_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (pledge_id, person_id, admitted_by, text_version, typed_name, to_db(signed_at)),
    ).rowcount


def latest_pledge(conn: Connection, person_id: str) -> tuple[str, datetime] | None:
    """(status, signed_at) of the person's newest pledge, or None."""
    row = conn.execute(
        "SELECT status, signed_at FROM pledges WHERE person_id = ? ORDER BY signed_at DESC LIMIT 1",
        (person_id,),
    ).fetchone()
    if row is None:
        return None
    signed_at = from_db(row[1])
    assert signed_at is not None
    return row[0], signed_at


def record_decision(conn: Connection, pledge_id: str, status: str, decided_at: datetime) -> int:
    """The central office's decision on a pledge (confirmed / rejected)."""
    return conn.execute(
        "UPDATE pledges SET status = ?, decided_at = ? WHERE id = ?", (status, to_db(decided_at), pledge_id)
    ).rowcount
