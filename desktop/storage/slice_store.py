"""Owner of the ``slices`` table (DP-16): parts of a campaign's list given to one caller or group until a deadline.

A slice's contacts carry its id and reservation (``contacts.slice_id``, ``reserved_by``, ``reserved_until``),
written by their owner :mod:`desktop.storage.contact_store` on this module's behalf. Callers own the transaction; nothing here commits.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from desktop.storage import contact_store
from desktop.storage.database import Connection
from desktop.storage.timefmt import to_db


def insert_slice(
    conn: Connection,
    *,
    slice_id: str,
    campaign_id: str,
    number: int,
    holder: str | None,
    holder_kind: str,
    label: str,
    created_at: datetime,
    reserved_until: datetime | None,
) -> None:
    conn.execute(
        "INSERT INTO slices (id, campaign_id, number, holder, holder_kind, label, created_at, reserved_until) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (slice_id, campaign_id, number, holder, holder_kind, label, to_db(created_at), to_db(reserved_until)),
    )


def assign_to_slice(
    conn: Connection,
    slice_id: str,
    contact_ids: Sequence[str],
    *,
    holder: str | None,
    reserved_until: datetime | None,
) -> int:
    """Put contacts into a slice (and record its size); returns how many."""
    n = contact_store.put_in_slice(conn, slice_id, contact_ids, holder=holder, reserved_until=reserved_until)
    conn.execute("UPDATE slices SET size = ? WHERE id = ?", (len(contact_ids), slice_id))
    return n


_SLICE_COLUMNS = (
    "id",
    "campaign_id",
    "number",
    "holder",
    "holder_kind",
    "label",
    "size",
    "created_at",
    "reserved_until",
    "released_at",
)


def list_slices(conn: Connection, campaign_id: str) -> list[dict[str, Any]]:
    return [
        dict(zip(_SLICE_COLUMNS, r, strict=True))
        for r in conn.execute(
            f"SELECT {', '.join(_SLICE_COLUMNS)} FROM slices WHERE campaign_id = ? ORDER BY created_at, number",
            (campaign_id,),
        )
    ]


def get_slice(conn: Connection, slice_id: str) -> dict[str, object] | None:
    row = conn.execute(f"SELECT {', '.join(_SLICE_COLUMNS)} FROM slices WHERE id = ?", (slice_id,)).fetchone()
    return dict(zip(_SLICE_COLUMNS, row, strict=True)) if row else None


def reserve_slice(
    conn: Connection, slice_id: str, *, holder: str, holder_kind: str, label: str, reserved_until: datetime
) -> int:
    """Give a slice's open contacts to a holder until a deadline; returns how many were reserved."""
    conn.execute(
        "UPDATE slices SET holder = ?, holder_kind = ?, label = ?, reserved_until = ?, released_at = NULL "
        "WHERE id = ?",
        (holder, holder_kind, label, to_db(reserved_until), slice_id),
    )
    return contact_store.reserve_slice_contacts(conn, slice_id, holder=holder, reserved_until=reserved_until)


def release_slice(conn: Connection, slice_id: str, *, at: datetime) -> int:
    """Return a slice's contacts to the pool; returns how many reservations were dropped."""
    conn.execute(
        "UPDATE slices SET holder = NULL, reserved_until = NULL, released_at = ? WHERE id = ?",
        (to_db(at), slice_id),
    )
    return contact_store.release_slice_contacts(conn, slice_id)


def expired_slice_ids(conn: Connection, now: datetime) -> list[str]:
    return [
        r[0]
        for r in conn.execute(
            "SELECT id FROM slices WHERE released_at IS NULL AND reserved_until IS NOT NULL AND reserved_until <= ?",
            (to_db(now),),
        )
    ]


def delete_slices(conn: Connection, campaign_id: str) -> int:
    return conn.execute("DELETE FROM slices WHERE campaign_id = ?", (campaign_id,)).rowcount
