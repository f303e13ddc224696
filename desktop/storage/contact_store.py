"""Owner of the ``contacts`` table: the call list, each contact's queue state and the SQL queue order.

Callers own the transaction; nothing here commits. Slices (``desktop.storage.slices``) hand out contacts.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any

from desktop.domain.models import Contact, ContactState
from desktop.storage.database import Connection
from desktop.storage.timefmt import from_db, to_db
from sync.core.rules import ContactStatus

_CONTACT_COLUMNS = (
    "id",
    "campaign_id",
    "first_name",
    "last_name",
    "locality",
    "district",
    "postcode",
    "phone",
    "phone2",
    "category",
)


_STATE_COLUMNS = (
    "status",
    "attempts",
    "last_attempt_at",
    "callback_after",
    "reserved_by",
    "reserved_until",
    "position",
)


CONTACT_ROW = (
    "id",
    "first_name",
    "last_name",
    "locality",
    "district",
    "postcode",
    "phone",
    "phone2",
    "category",
)

_INSERT_CONTACT = (
    "INSERT INTO contacts (id, campaign_id, position, first_name, last_name, locality, district, postcode, "
    "phone, phone2, category) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def insert_contacts(conn: Connection, contacts: Iterable[Contact], *, start_position: int = 0) -> int:
    rows = (
        (
            c.id,
            c.campaign_id,
            start_position + i,
            c.first_name,
            c.last_name,
            c.locality,
            c.district,
            c.postcode,
            c.phone,
            c.phone2,
            c.category,
        )
        for i, c in enumerate(contacts)
    )
    return conn.executemany(_INSERT_CONTACT, rows).rowcount


def insert_contact_rows(conn: Connection, fields: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Bulk insert of rows ``(id, campaign_id, position, *fields, category)``: ``fields`` are contact fields of
    :data:`CONTACT_ROW` (those the campaign's purpose allows; the others keep their default ''), a ``None`` field
    is stored as ''. An import inserts in id order and keeps the file's order as the list position."""
    unknown = set(fields) - set(CONTACT_ROW[1:-1])
    if unknown:
        raise ValueError(f"not a contact field: {sorted(unknown)}")
    names = ", ".join(("id", "campaign_id", "position", *fields, "category"))
    values = ", ".join(("?", "?", "?", *("coalesce(?, '')" for _ in fields), "?"))
    return conn.executemany(f"INSERT INTO contacts ({names}) VALUES ({values})", rows).rowcount


def next_position(conn: Connection, campaign_id: str) -> int:
    row = conn.execute(
        "SELECT coalesce(max(position) + 1, 0) FROM contacts WHERE campaign_id = ?", (campaign_id,)
    ).fetchone()
    return int(row[0])


def get_contact(conn: Connection, contact_id: str) -> Contact | None:
    row = conn.execute(
        f"SELECT {', '.join(_CONTACT_COLUMNS)} FROM contacts WHERE id = ?", (contact_id,)
    ).fetchone()
    return Contact(**dict(zip(_CONTACT_COLUMNS, row, strict=True))) if row else None


def _state(contact_id: str, row: Sequence[Any]) -> ContactState:
    status, attempts, last, callback, reserved_by, reserved_until, position = row
    return ContactState(
        contact_id=contact_id,
        status=ContactStatus(status),
        attempts=attempts,
        last_attempt_at=from_db(last),
        callback_after=from_db(callback),
        reserved_by=reserved_by,
        reserved_until=from_db(reserved_until),
        position=position,
    )


def get_state(conn: Connection, contact_id: str) -> ContactState | None:
    row = conn.execute(
        f"SELECT {', '.join(_STATE_COLUMNS)} FROM contacts WHERE id = ?", (contact_id,)
    ).fetchone()
    return _state(contact_id, row) if row else None


def all_states(conn: Connection, campaign_id: str) -> list[ContactState]:
    cur = conn.execute(
        f"SELECT id, {', '.join(_STATE_COLUMNS)} FROM contacts WHERE campaign_id = ? ORDER BY position",
        (campaign_id,),
    )
    return [_state(r[0], r[1:]) for r in cur]


# A contact leased to this PC now (issue 13.3): the lease the central office's last answer gave it, mirrored onto
# its row by mark_leased (migration 0012), not yet run out. The one definition for the queue, the states this PC
# holds and the count of those it does not; ``:now`` is the moment.
_LEASED_HERE = "leased_until IS NOT NULL AND leased_until > :now"


def mark_leased(conn: Connection, leases: Sequence[tuple[str, datetime]]) -> None:
    """Mirror the central office's lease answer onto the contact rows, ``(contact id, expires at)`` each: every
    earlier lease is cleared (the answer replaces what this PC held). Called by the owner of the leases table
    (desktop.storage.sync_store.store_leases) inside its transaction."""
    conn.execute("UPDATE contacts SET leased_until = NULL WHERE leased_until IS NOT NULL")
    conn.executemany(
        "UPDATE contacts SET leased_until = ? WHERE id = ?", [(to_db(at), cid) for cid, at in leases]
    )


def held_states(conn: Connection, campaign_id: str, now: datetime) -> list[ContactState]:
    """The states this PC may call: all of the campaign, or with leases (issue 13.3) the leased ones."""
    if not lease_driven(conn, campaign_id):
        return all_states(conn, campaign_id)
    cur = conn.execute(
        f"SELECT id, {', '.join(_STATE_COLUMNS)} FROM contacts WHERE campaign_id = :c AND {_LEASED_HERE} "
        "ORDER BY position",
        {"c": campaign_id, "now": to_db(now)},
    )
    return [_state(r[0], r[1:]) for r in cur]


def open_not_leased(conn: Connection, campaign_id: str, now: datetime, max_attempts: int) -> int:
    """Open contacts of a leased campaign that this PC holds no live lease on and that the central office
    could lease (below the attempt cap, or with a call-back); 0 without leases."""
    if not lease_driven(conn, campaign_id):
        return 0
    return int(
        conn.execute(
            "SELECT count(*) FROM contacts WHERE campaign_id = :c AND status = 'open' "
            f"AND (attempts < :max OR callback_after IS NOT NULL) AND NOT ({_LEASED_HERE})",
            {"c": campaign_id, "max": max_attempts, "now": to_db(now)},
        ).fetchone()[0]
    )


def save_state(conn: Connection, state: ContactState) -> None:
    conn.execute(
        "UPDATE contacts SET status = ?, attempts = ?, last_attempt_at = ?, callback_after = ?, reserved_by = ?, "
        "reserved_until = ? WHERE id = ?",
        (
            state.status.value,
            state.attempts,
            to_db(state.last_attempt_at),
            to_db(state.callback_after),
            state.reserved_by,
            to_db(state.reserved_until),
            state.contact_id,
        ),
    )


def _not_reserved_by_others() -> str:
    return "(reserved_by IS NULL OR reserved_by = :me OR reserved_until <= :now)"


def lease_driven(conn: Connection, campaign_id: str) -> bool:
    """Issue 13.3: once this PC takes part in leasing (meta 'leasing'), a central campaign's contact is offered
    only while leased to this PC (leases: desktop.storage.sync_store); a lead's local campaign is not leased."""
    row = conn.execute(
        "SELECT EXISTS (SELECT 1 FROM meta WHERE key = 'leasing'), "
        "(SELECT origin FROM campaigns WHERE id = ?)",
        (campaign_id,),
    ).fetchone()
    return bool(row[0]) and row[1] != "local"


# The three steps of the queue, each as (condition, order): three indexed look-ups, first hit wins; each step
# orders by its key, then list position. With leases each step reads the index of the same shape over the
# leased rows only (migration 0012): the central office leases contacts in id order, so they are spread over
# the whole list, and walking the list in queue order with a lease check per row visited (campaign size ÷
# leases) rows per card (148 ms at 100k contacts); one pass over the leases cost about 5 µs per lease held
# (2.4 ms for 500; docs/performance.md).
_STEPS: tuple[tuple[str, str | None], ...] = (
    ("status = 'open' AND callback_after IS NOT NULL AND callback_after <= :now", "callback_after"),
    ("status = 'open' AND attempts = 0 AND callback_after IS NULL", None),
    (
        "status = 'open' AND attempts > 0 AND callback_after IS NULL AND attempts < :max "
        "AND last_attempt_at <= :cool",
        "last_attempt_at",
    ),
)
# Per step, its index over the leased rows (the planner could take the whole list's index of the same shape:
# INDEXED BY holds it to the small one, and fails loudly should a step's condition stop matching it).
_LEASED_INDEXES = ("contacts_leased_callbacks", "contacts_leased_fresh", "contacts_leased_retry")


def next_contact_id(
    conn: Connection,
    campaign_id: str,
    *,
    now: datetime,
    me: str,
    max_attempts: int,
    cooldown: timedelta,
    exclude: Collection[str] = (),
) -> str | None:
    """The SQL mirror of desktop.domain.queue ordering (the steps above).

    1. due call-backs, oldest due first; 2. never called, in list order; 3. retry-eligible, oldest attempt first.
    ``exclude``: contact ids not to offer (the caller's skips, desktop.domain.queue.skipped_out).
    """
    params: dict[str, object] = {
        "c": campaign_id,
        "now": to_db(now),
        "me": me,
        "max": max_attempts,
        "cool": to_db(now - cooldown),
    }
    free = _not_reserved_by_others()
    if exclude:
        names = [f"x{i}" for i in range(len(exclude))]
        params.update(zip(names, exclude, strict=True))
        free += " AND contacts.id NOT IN (" + ", ".join(f":{n}" for n in names) + ")"
    leased = lease_driven(conn, campaign_id)
    if leased:  # only this PC's live leases (issue 13.3), through the leased rows' own indexes (0012)
        free += f" AND {_LEASED_HERE}"
    for (condition, first_key), leased_index in zip(_STEPS, _LEASED_INDEXES, strict=True):
        order = f"{first_key}, position" if first_key else "position"
        table = f"contacts INDEXED BY {leased_index}" if leased else "contacts"
        sql = (
            f"SELECT contacts.id FROM {table} WHERE contacts.campaign_id = :c AND {condition} AND {free} "
            f"ORDER BY {order} LIMIT 1"
        )
        row = conn.execute(sql, params).fetchone()
        if row:
            return str(row[0])
    return None


def count_status(conn: Connection, campaign_id: str, status: ContactStatus) -> int:
    return int(
        conn.execute(
            "SELECT count(*) FROM contacts WHERE campaign_id = ? AND status = ?", (campaign_id, status.value)
        ).fetchone()[0]
    )


def status_counts(conn: Connection, campaign_id: str) -> dict[str, int]:
    cur = conn.execute(
        "SELECT status, count(*) FROM contacts WHERE campaign_id = ? GROUP BY status", (campaign_id,)
    )
    return dict(cur)


def open_callbacks(conn: Connection, campaign_id: str) -> int:
    """Open contacts of a campaign with an agreed call-back time."""
    return int(
        conn.execute(
            "SELECT count(*) FROM contacts WHERE campaign_id = ? AND status = 'open' AND callback_after IS NOT NULL",
            (campaign_id,),
        ).fetchone()[0]
    )


def campaign_phones(conn: Connection, campaign_id: str) -> set[str]:
    """Every number already on a campaign's list (to skip people imported twice)."""
    phones: set[str] = set()
    for a, b in conn.execute("SELECT phone, phone2 FROM contacts WHERE campaign_id = ?", (campaign_id,)):
        phones.update(p for p in (a, b) if p)
    return phones


def contact_count(conn: Connection, campaign_id: str) -> int:
    return int(
        conn.execute("SELECT count(*) FROM contacts WHERE campaign_id = ?", (campaign_id,)).fetchone()[0]
    )


def free_open_contact_ids(conn: Connection, campaign_id: str, now: datetime) -> list[str]:
    """Open contacts in list order that nobody holds (no reservation, or an expired one)."""
    return [
        r[0]
        for r in conn.execute(
            "SELECT id FROM contacts WHERE campaign_id = ? AND status = 'open' "
            "AND (reserved_by IS NULL OR reserved_until IS NULL OR reserved_until <= ?) ORDER BY position",
            (campaign_id, to_db(now)),
        )
    ]


def first_names(conn: Connection) -> list[str]:
    """Every contact's first name (the self-test reads back what it wrote)."""
    return [r[0] for r in conn.execute("SELECT first_name FROM contacts")]


def delete_contacts(conn: Connection, campaign_id: str) -> int:
    """Delete a campaign's contacts (secure_delete overwrites the freed space); returns how many."""
    return conn.execute("DELETE FROM contacts WHERE campaign_id = ?", (campaign_id,)).rowcount


# slices (DP-16) hand out contacts; the slice rows themselves belong to desktop.storage.slice_store


def put_in_slice(
    conn: Connection,
    slice_id: str,
    contact_ids: Sequence[str],
    *,
    holder: str | None,
    reserved_until: datetime | None,
) -> int:
    """Put contacts into a slice, reserved for its holder; returns how many."""
    return conn.executemany(
        "UPDATE contacts SET slice_id = ?, reserved_by = ?, reserved_until = ? WHERE id = ?",
        [(slice_id, holder, to_db(reserved_until), cid) for cid in contact_ids],
    ).rowcount


def slice_counts(conn: Connection, slice_id: str) -> tuple[int, int]:
    """(contacts still open, contacts of the slice)."""
    row = conn.execute(
        "SELECT count(*) FILTER (WHERE status = 'open'), count(*) FROM contacts WHERE slice_id = ?",
        (slice_id,),
    ).fetchone()
    return row[0], row[1]


def reserve_slice_contacts(conn: Connection, slice_id: str, *, holder: str, reserved_until: datetime) -> int:
    """Reserve a slice's open contacts for its holder; returns how many."""
    return conn.execute(
        "UPDATE contacts SET reserved_by = ?, reserved_until = ? WHERE slice_id = ? AND status = 'open'",
        (holder, to_db(reserved_until), slice_id),
    ).rowcount


def release_slice_contacts(conn: Connection, slice_id: str) -> int:
    """Return a slice's open contacts to the pool; returns how many reservations were dropped."""
    return conn.execute(
        "UPDATE contacts SET reserved_by = NULL, reserved_until = NULL, slice_id = NULL "
        "WHERE slice_id = ? AND status = 'open'",
        (slice_id,),
    ).rowcount


# the central office's contacts (the sync store)

_CENTRAL_FIELDS = (
    "first_name",
    "last_name",
    "locality",
    "district",
    "postcode",
    "phone",
    "phone2",
    "category",
)


_SET_CENTRAL = (
    "UPDATE contacts SET first_name = ?, last_name = ?, locality = ?, district = ?, postcode = ?, "
    "phone = ?, phone2 = ?, category = ? WHERE id = ?"
)
_ADD_CENTRAL = (  # a contact whose lease came before it takes the lease over (migration 0012)
    "INSERT INTO contacts (id, campaign_id, position, first_name, last_name, locality, district, "
    "postcode, phone, phone2, category, leased_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
    "(SELECT expires_at FROM leases WHERE contact_id = ?))"
)
# A list of ids as one parameter (a JSON array): one statement text whatever the length, so SQLite prepares it
# once per connection (issue 17.2: every further prepared statement costs the connection's lookaside memory).
_IDS = "(SELECT value FROM json_each(?))"


def put_central_contacts(
    conn: Connection, contacts: Sequence[tuple[str, str, Sequence[str]]], *, position: int
) -> int:
    """Store the contacts of a pull page, ``(contact id, campaign id, values in _CENTRAL_FIELDS order)`` each:
    a contact this PC has already is updated, a new one is inserted at ``position``, ``position + 1``, … in
    the given order. One look-up and at most two ``executemany`` for the page (issue 17.2; per contact an
    UPDATE and an INSERT were most of a pull's time). Returns how many were inserted."""
    known = {
        row[0]
        for row in conn.execute(
            f"SELECT id FROM contacts WHERE id IN {_IDS}", (json.dumps([c[0] for c in contacts]),)
        )
    }
    updates: list[tuple[str, ...]] = []
    inserts: list[tuple[Any, ...]] = []
    for contact_id, campaign_id, values in contacts:
        if contact_id in known:
            updates.append((*values, contact_id))
        else:  # (the same id twice in one list: inserted once, then updated, as one at a time would)
            known.add(contact_id)
            inserts.append((contact_id, campaign_id, position + len(inserts), *values, contact_id))
    if inserts:
        conn.executemany(_ADD_CENTRAL, inserts)
    if updates:
        conn.executemany(_SET_CENTRAL, updates)
    return len(inserts)


def next_position_overall(conn: Connection) -> int:
    return int(conn.execute("SELECT coalesce(max(position) + 1, 0) FROM contacts").fetchone()[0])


def get_status(conn: Connection, contact_id: str) -> str | None:
    row = conn.execute("SELECT status FROM contacts WHERE id = ?", (contact_id,)).fetchone()
    return row[0] if row else None


def get_statuses(conn: Connection, contact_ids: Sequence[str]) -> dict[str, str]:
    """The status of each of these contacts the PC has (the others are left out): one query."""
    return dict(
        conn.execute(f"SELECT id, status FROM contacts WHERE id IN {_IDS}", (json.dumps(list(contact_ids)),))
    )


def set_statuses(conn: Connection, statuses: Sequence[tuple[str, str]]) -> int:
    """``(contact id, status)`` each, one ``executemany``. Returns how many contacts changed."""
    if not statuses:
        return 0
    cur = conn.executemany("UPDATE contacts SET status = ? WHERE id = ?", [(st, cid) for cid, st in statuses])
    return int(cur.rowcount)


# issue 13.3: the shared call state the central office sends (merged by the sync engine's rule)


def get_call_states(
    conn: Connection, contact_ids: Sequence[str]
) -> dict[str, tuple[int, datetime | None, datetime | None]]:
    """(attempts, last attempt, call-back) of each of these contacts the PC has: one query."""
    return {
        row[0]: (row[1], from_db(row[2]), from_db(row[3]))
        for row in conn.execute(
            f"SELECT id, attempts, last_attempt_at, callback_after FROM contacts WHERE id IN {_IDS}",
            (json.dumps(list(contact_ids)),),
        )
    }


def set_call_states(
    conn: Connection, states: Sequence[tuple[str, int, datetime | None, datetime | None]]
) -> int:
    """``(contact id, attempts, last attempt, call-back)`` each, one ``executemany``."""
    if not states:
        return 0
    cur = conn.executemany(
        "UPDATE contacts SET attempts = ?, last_attempt_at = ?, callback_after = ? WHERE id = ?",
        [(attempts, to_db(last), to_db(callback), cid) for cid, attempts, last, callback in states],
    )
    return int(cur.rowcount)
