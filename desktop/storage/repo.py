"""Repositories: the SQL of the workspace, as plain functions over a connection.

Callers own the transaction (Workspace.transaction); these functions never commit on their own.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime, timedelta

from desktop.domain.models import CallReport, Campaign, Contact, ContactState, ContactStatus
from desktop.storage.database import Connection
from desktop.storage.timefmt import from_db, to_db

# --------------------------------------------------------------------------------------------- transactions, meta


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


def get_meta(conn: Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def set_meta(conn: Connection, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def delete_meta(conn: Connection, *keys: str) -> None:
    conn.executemany("DELETE FROM meta WHERE key = ?", [(k,) for k in keys])


# --------------------------------------------------------------------------------------------- campaigns


def insert_campaign(
    conn: Connection,
    campaign: Campaign,
    *,
    created_at: datetime,
    origin: str = "local",
    status: str = "active",
) -> None:
    conn.execute(
        "INSERT INTO campaigns (id, title, purpose, definition, status, origin, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            campaign.id,
            campaign.title,
            campaign.purpose,
            campaign.model_dump_json(),
            status,
            origin,
            to_db(created_at),
        ),
    )


def campaign_origin(conn: Connection, campaign_id: str) -> str | None:
    """'local' (a lead's own list) or 'central' (released by the central office)."""
    row = conn.execute("SELECT origin FROM campaigns WHERE id = ?", (campaign_id,)).fetchone()
    return row[0] if row else None


def get_campaign(conn: Connection, campaign_id: str) -> Campaign | None:
    row = conn.execute("SELECT definition FROM campaigns WHERE id = ?", (campaign_id,)).fetchone()
    return Campaign.model_validate_json(row[0]) if row else None


def list_campaigns(conn: Connection, *, include_ended: bool = False) -> list[Campaign]:
    sql = "SELECT definition FROM campaigns"
    if not include_ended:
        sql += " WHERE status != 'ended'"
    return [Campaign.model_validate_json(r[0]) for r in conn.execute(sql + " ORDER BY created_at, id")]


# --------------------------------------------------------------------------------------------- contacts

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


def next_position(conn: Connection, campaign_id: str) -> int:
    row = conn.execute(
        "SELECT coalesce(max(position) + 1, 0) FROM contacts WHERE campaign_id = ?", (campaign_id,)
    ).fetchone()
    return row[0]


def get_contact(conn: Connection, contact_id: str) -> Contact | None:
    row = conn.execute(
        f"SELECT {', '.join(_CONTACT_COLUMNS)} FROM contacts WHERE id = ?", (contact_id,)
    ).fetchone()
    return Contact(**dict(zip(_CONTACT_COLUMNS, row, strict=True))) if row else None


def _state(contact_id: str, row: Sequence[object]) -> ContactState:
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


def _leased_here() -> str:
    """Issue 13.3: once this PC takes part in leasing, a central campaign's contact only while leased to it."""
    return (
        "(NOT EXISTS (SELECT 1 FROM meta WHERE key = 'leasing') "
        "OR EXISTS (SELECT 1 FROM campaigns WHERE campaigns.id = :c AND campaigns.origin = 'local') "
        "OR id IN (SELECT contact_id FROM leases WHERE expires_at > :now))"
    )


def next_contact_id(
    conn: Connection, campaign_id: str, *, now: datetime, me: str, max_attempts: int, cooldown: timedelta
) -> str | None:
    """The SQL mirror of desktop.domain.queue ordering: three indexed look-ups, first hit wins.

    1. due call-backs, oldest due first; 2. never called, in list order; 3. retry-eligible, oldest attempt first.
    """
    params = {
        "c": campaign_id,
        "now": to_db(now),
        "me": me,
        "max": max_attempts,
        "cool": to_db(now - cooldown),
    }
    free = f"{_not_reserved_by_others()} AND {_leased_here()}"
    queries = (
        "SELECT id FROM contacts WHERE campaign_id = :c AND status = 'open' AND callback_after IS NOT NULL "
        f"AND callback_after <= :now AND {free} ORDER BY callback_after, position LIMIT 1",
        "SELECT id FROM contacts WHERE campaign_id = :c AND status = 'open' AND attempts = 0 "
        f"AND callback_after IS NULL AND {free} ORDER BY position LIMIT 1",
        "SELECT id FROM contacts WHERE campaign_id = :c AND status = 'open' AND attempts > 0 "
        f"AND callback_after IS NULL AND attempts < :max AND last_attempt_at <= :cool AND {free} "
        "ORDER BY last_attempt_at, position LIMIT 1",
    )
    for sql in queries:
        row = conn.execute(sql, params).fetchone()
        if row:
            return row[0]
    return None


def count_status(conn: Connection, campaign_id: str, status: ContactStatus) -> int:
    return conn.execute(
        "SELECT count(*) FROM contacts WHERE campaign_id = ? AND status = ?", (campaign_id, status.value)
    ).fetchone()[0]


def status_counts(conn: Connection, campaign_id: str) -> dict[str, int]:
    cur = conn.execute(
        "SELECT status, count(*) FROM contacts WHERE campaign_id = ? GROUP BY status", (campaign_id,)
    )
    return {status: n for status, n in cur}


# --------------------------------------------------------------------------------------------- reports


def insert_report(conn: Connection, report: CallReport) -> None:
    conn.execute(
        "INSERT INTO reports (id, campaign_id, contact_id, caller_id, outcome, zetkin_code, created_at, body, corrects) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            report.id,
            report.campaign_id,
            report.contact_id,
            report.caller_id,
            report.outcome.value,
            report.zetkin_code,
            to_db(report.created_at),
            report.model_dump_json(),
            report.corrects,
        ),
    )


def reports_for_contact(conn: Connection, contact_id: str) -> list[CallReport]:
    cur = conn.execute(
        "SELECT body FROM reports WHERE contact_id = ? ORDER BY created_at, rowid", (contact_id,)
    )
    return [CallReport.model_validate_json(r[0]) for r in cur]


def reports_by_caller(conn: Connection, caller_id: str, *, since: datetime) -> list[CallReport]:
    cur = conn.execute(
        "SELECT body FROM reports WHERE caller_id = ? AND created_at >= ? ORDER BY created_at, rowid",
        (caller_id, to_db(since)),
    )
    return [CallReport.model_validate_json(r[0]) for r in cur]


def all_reports(conn: Connection) -> list[CallReport]:
    return [
        CallReport.model_validate_json(r[0]) for r in conn.execute("SELECT body FROM reports ORDER BY rowid")
    ]


# --------------------------------------------------------------------------------------------- outbox


def enqueue(
    conn: Connection,
    *,
    item_id: str,
    kind: str,
    payload: dict[str, object],
    created_at: datetime,
    local: bool = False,
) -> int:
    """Add a fact to the outbox inside the caller's transaction.

    Items for the central office get the next per-device sequence number (gap-free: assigned in the same
    transaction, so a rollback takes it back). `local` items (reports of a lead's own campaign) never leave
    the PC: they are kept with state 'local' and no sequence number.
    """
    body = json.dumps(payload, separators=(",", ":"), sort_keys=True)
    if local:
        cur = conn.execute(
            "INSERT INTO outbox (item_id, kind, payload, created_at, state) VALUES (?, ?, ?, ?, 'local')",
            (item_id, kind, body, to_db(created_at)),
        )
    else:
        cur = conn.execute(
            "INSERT INTO outbox (item_id, kind, payload, created_at, device_seq) "
            "VALUES (?, ?, ?, ?, (SELECT coalesce(max(device_seq), 0) + 1 FROM outbox))",
            (item_id, kind, body, to_db(created_at)),
        )
    return int(cur.lastrowid)


def pending_count(conn: Connection, kind: str | None = "report") -> int:
    """Outbox items not yet acknowledged by the central office (reports only, unless kind=None)."""
    if kind is None:
        return conn.execute("SELECT count(*) FROM outbox WHERE state = 'pending'").fetchone()[0]
    return conn.execute(
        "SELECT count(*) FROM outbox WHERE state = 'pending' AND kind = ?", (kind,)
    ).fetchone()[0]


def outbox_rows(conn: Connection) -> list[tuple[int, str, str, str]]:
    """(seq, item_id, kind, state) of every outbox row, in order."""
    return list(conn.execute("SELECT seq, item_id, kind, state FROM outbox ORDER BY seq"))


# --------------------------------------------------------------------------------------------- lead (issue 6)
# Appended for the call lead's screens (desktop/services/lead*.py). Schema: migrations/0003_lead.sql.


def campaign_row(conn: Connection, campaign_id: str) -> tuple[str, str, str] | None:
    """(status, origin, created_at) of a campaign, or None."""
    row = conn.execute(
        "SELECT status, origin, created_at FROM campaigns WHERE id = ?", (campaign_id,)
    ).fetchone()
    return (row[0], row[1], row[2]) if row else None


def update_campaign_definition(conn: Connection, campaign: Campaign) -> None:
    conn.execute(
        "UPDATE campaigns SET title = ?, purpose = ?, definition = ? WHERE id = ?",
        (campaign.title, campaign.purpose, campaign.model_dump_json(), campaign.id),
    )


def set_campaign_status(conn: Connection, campaign_id: str, status: str) -> None:
    conn.execute("UPDATE campaigns SET status = ? WHERE id = ?", (status, campaign_id))


_LEAD_COLUMNS = (
    "resolution_ref",
    "resolution_body",
    "resolution_date",
    "responsible",
    "grace_days",
    "ended_at",
    "ended_reason",
    "wiped_at",
    "wiped_contacts",
)


def get_campaign_lead(conn: Connection, campaign_id: str) -> dict[str, object] | None:
    row = conn.execute(
        f"SELECT {', '.join(_LEAD_COLUMNS)} FROM campaign_lead WHERE campaign_id = ?", (campaign_id,)
    ).fetchone()
    return dict(zip(_LEAD_COLUMNS, row, strict=True)) if row else None


def put_campaign_lead(conn: Connection, campaign_id: str, **values: object) -> None:
    """Insert or update the lead's extras of a campaign (only the given columns change)."""
    unknown = set(values) - set(_LEAD_COLUMNS)
    if unknown:
        raise ValueError(f"unknown columns {sorted(unknown)}")
    conn.execute(
        "INSERT INTO campaign_lead (campaign_id) VALUES (?) ON CONFLICT (campaign_id) DO NOTHING",
        (campaign_id,),
    )
    if values:
        assignments = ", ".join(f"{k} = ?" for k in values)
        conn.execute(
            f"UPDATE campaign_lead SET {assignments} WHERE campaign_id = ?", (*values.values(), campaign_id)
        )


def campaign_phones(conn: Connection, campaign_id: str) -> set[str]:
    """Every number already on a campaign's list (to skip people imported twice)."""
    phones: set[str] = set()
    for a, b in conn.execute("SELECT phone, phone2 FROM contacts WHERE campaign_id = ?", (campaign_id,)):
        phones.update(p for p in (a, b) if p)
    return phones


def contact_count(conn: Connection, campaign_id: str) -> int:
    return conn.execute("SELECT count(*) FROM contacts WHERE campaign_id = ?", (campaign_id,)).fetchone()[0]


def delete_campaign_contacts(conn: Connection, campaign_id: str) -> int:
    """Delete a campaign's contacts and slices (secure_delete overwrites the freed space)."""
    n = conn.execute("DELETE FROM contacts WHERE campaign_id = ?", (campaign_id,)).rowcount
    conn.execute("DELETE FROM slices WHERE campaign_id = ?", (campaign_id,))
    return n


def pending_reports(conn: Connection, campaign_id: str) -> list[tuple[str, str, str, str]]:
    """(report id, created_at, outcome, caller_id) of a campaign's reports still waiting in the outbox."""
    return list(
        conn.execute(
            "SELECT r.id, r.created_at, r.outcome, r.caller_id FROM outbox o JOIN reports r ON r.id = o.item_id "
            "WHERE o.kind = 'report' AND o.state = 'pending' AND r.campaign_id = ? ORDER BY o.seq",
            (campaign_id,),
        )
    )


def effective_reports(conn: Connection, campaign_id: str) -> list[tuple[str, str, str, str, str]]:
    """(id, contact_id, caller_id, outcome, created_at) of a campaign's reports that no later report corrects."""
    return list(
        conn.execute(
            "SELECT id, contact_id, caller_id, outcome, created_at FROM reports r WHERE campaign_id = ? "
            "AND NOT EXISTS (SELECT 1 FROM reports c WHERE c.corrects = r.id) ORDER BY created_at, rowid",
            (campaign_id,),
        )
    )


def report_bodies(conn: Connection, campaign_id: str) -> list[str]:
    """JSON bodies of a campaign's uncorrected reports, oldest first."""
    return [
        r[0]
        for r in conn.execute(
            "SELECT body FROM reports r WHERE campaign_id = ? AND NOT EXISTS "
            "(SELECT 1 FROM reports c WHERE c.corrects = r.id) ORDER BY created_at, rowid",
            (campaign_id,),
        )
    ]


def people(conn: Connection) -> list[tuple[str, str, str, bool]]:
    """(id, label, role, ranking_opt_in) of everybody who may unlock this workspace."""
    return [
        (r[0], r[1], r[2], bool(r[3]))
        for r in conn.execute("SELECT id, label, role, ranking_opt_in FROM people ORDER BY created_at, id")
    ]


# slices (DP-16)


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
) -> None:
    conn.executemany(
        "UPDATE contacts SET slice_id = ?, reserved_by = ?, reserved_until = ? WHERE id = ?",
        [(slice_id, holder, to_db(reserved_until), cid) for cid in contact_ids],
    )
    conn.execute("UPDATE slices SET size = ? WHERE id = ?", (len(contact_ids), slice_id))


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


def list_slices(conn: Connection, campaign_id: str) -> list[dict[str, object]]:
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


def slice_counts(conn: Connection, slice_id: str) -> tuple[int, int]:
    """(contacts still open, contacts of the slice) — how far a slice has been worked."""
    row = conn.execute(
        "SELECT count(*) FILTER (WHERE status = 'open'), count(*) FROM contacts WHERE slice_id = ?",
        (slice_id,),
    ).fetchone()
    return row[0], row[1]


def reserve_slice(
    conn: Connection, slice_id: str, *, holder: str, holder_kind: str, label: str, reserved_until: datetime
) -> int:
    """Give a slice's open contacts to a holder until a deadline; returns how many were reserved."""
    conn.execute(
        "UPDATE slices SET holder = ?, holder_kind = ?, label = ?, reserved_until = ?, released_at = NULL "
        "WHERE id = ?",
        (holder, holder_kind, label, to_db(reserved_until), slice_id),
    )
    return conn.execute(
        "UPDATE contacts SET reserved_by = ?, reserved_until = ? WHERE slice_id = ? AND status = 'open'",
        (holder, to_db(reserved_until), slice_id),
    ).rowcount


def release_slice(conn: Connection, slice_id: str, *, at: datetime) -> int:
    """Return a slice's contacts to the pool; returns how many reservations were dropped."""
    conn.execute(
        "UPDATE slices SET holder = NULL, reserved_until = NULL, released_at = ? WHERE id = ?",
        (to_db(at), slice_id),
    )
    return conn.execute(
        "UPDATE contacts SET reserved_by = NULL, reserved_until = NULL, slice_id = NULL "
        "WHERE slice_id = ? AND status = 'open'",
        (slice_id,),
    ).rowcount


def expired_slice_ids(conn: Connection, now: datetime) -> list[str]:
    return [
        r[0]
        for r in conn.execute(
            "SELECT id FROM slices WHERE released_at IS NULL AND reserved_until IS NOT NULL AND reserved_until <= ?",
            (to_db(now),),
        )
    ]


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


def insert_contact_rows(
    conn: Connection, campaign_id: str, rows: Iterable[tuple[int, tuple[str, ...]]]
) -> int:
    """Bulk insert of (position, row in CONTACT_ROW order): an import inserts in id order but keeps the
    file's order as the list position."""
    return conn.executemany(
        _INSERT_CONTACT, ((row[0], campaign_id, pos, *row[1:]) for pos, row in rows)
    ).rowcount


def drop_contact_indexes(conn: Connection) -> list[str]:
    """Drop the contacts table's secondary indexes inside the caller's transaction; returns the statements that
    build them again (for bulk inserts: one sort per index instead of one update per row)."""
    rows = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'contacts' "
        "AND sql IS NOT NULL"
    ).fetchall()
    for name, _sql in rows:
        conn.execute(f'DROP INDEX "{name}"')
    return [sql for _name, sql in rows]
