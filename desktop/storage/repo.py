"""Repositories: the SQL of the workspace, as plain functions over a connection.

Callers own the transaction (Workspace.transaction); these functions never commit on their own.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

from desktop.domain.models import CallReport, Campaign, Contact, ContactState, ContactStatus
from desktop.storage.database import Connection
from desktop.storage.timefmt import from_db, to_db

# --------------------------------------------------------------------------------------------- campaigns


def insert_campaign(conn: Connection, campaign: Campaign, *, created_at: datetime, origin: str = "local",
                    status: str = "active") -> None:
    conn.execute(
        "INSERT INTO campaigns (id, title, purpose, definition, status, origin, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (campaign.id, campaign.title, campaign.purpose, campaign.model_dump_json(), status, origin, to_db(created_at)),
    )


def get_campaign(conn: Connection, campaign_id: str) -> Campaign | None:
    row = conn.execute("SELECT definition FROM campaigns WHERE id = ?", (campaign_id,)).fetchone()
    return Campaign.model_validate_json(row[0]) if row else None


def list_campaigns(conn: Connection, *, include_ended: bool = False) -> list[Campaign]:
    sql = "SELECT definition FROM campaigns"
    if not include_ended:
        sql += " WHERE status != 'ended'"
    return [Campaign.model_validate_json(r[0]) for r in conn.execute(sql + " ORDER BY created_at, id")]


# --------------------------------------------------------------------------------------------- contacts

_CONTACT_COLUMNS = ("id", "campaign_id", "first_name", "last_name", "locality", "district", "postcode",
                    "phone", "phone2", "category")
_STATE_COLUMNS = ("status", "attempts", "last_attempt_at", "callback_after", "reserved_by", "reserved_until")


def insert_contacts(conn: Connection, contacts: Iterable[Contact], *, start_position: int = 0) -> int:
    rows = (
        (c.id, c.campaign_id, start_position + i, c.first_name, c.last_name, c.locality, c.district, c.postcode,
         c.phone, c.phone2, c.category)
        for i, c in enumerate(contacts)
    )
    cur = conn.executemany(
        "INSERT INTO contacts (id, campaign_id, position, first_name, last_name, locality, district, postcode, "
        "phone, phone2, category) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    return cur.rowcount


def next_position(conn: Connection, campaign_id: str) -> int:
    row = conn.execute("SELECT coalesce(max(position) + 1, 0) FROM contacts WHERE campaign_id = ?",
                       (campaign_id,)).fetchone()
    return row[0]


def get_contact(conn: Connection, contact_id: str) -> Contact | None:
    row = conn.execute(f"SELECT {', '.join(_CONTACT_COLUMNS)} FROM contacts WHERE id = ?", (contact_id,)).fetchone()
    return Contact(**dict(zip(_CONTACT_COLUMNS, row, strict=True))) if row else None


def _state(contact_id: str, row: Sequence[object]) -> ContactState:
    status, attempts, last, callback, reserved_by, reserved_until = row
    return ContactState(
        contact_id=contact_id, status=ContactStatus(status), attempts=attempts, last_attempt_at=from_db(last),
        callback_after=from_db(callback), reserved_by=reserved_by, reserved_until=from_db(reserved_until),
    )


def get_state(conn: Connection, contact_id: str) -> ContactState | None:
    row = conn.execute(f"SELECT {', '.join(_STATE_COLUMNS)} FROM contacts WHERE id = ?", (contact_id,)).fetchone()
    return _state(contact_id, row) if row else None


def all_states(conn: Connection, campaign_id: str) -> list[ContactState]:
    cur = conn.execute(f"SELECT id, {', '.join(_STATE_COLUMNS)} FROM contacts WHERE campaign_id = ? ORDER BY position",
                       (campaign_id,))
    return [_state(r[0], r[1:]) for r in cur]


def save_state(conn: Connection, state: ContactState) -> None:
    conn.execute(
        "UPDATE contacts SET status = ?, attempts = ?, last_attempt_at = ?, callback_after = ?, reserved_by = ?, "
        "reserved_until = ? WHERE id = ?",
        (state.status.value, state.attempts, to_db(state.last_attempt_at), to_db(state.callback_after),
         state.reserved_by, to_db(state.reserved_until), state.contact_id),
    )


def _not_reserved_by_others() -> str:
    return "(reserved_by IS NULL OR reserved_by = :me OR reserved_until <= :now)"


def next_contact_id(conn: Connection, campaign_id: str, *, now: datetime, me: str, max_attempts: int,
                    cooldown: timedelta) -> str | None:
    """The SQL mirror of desktop.domain.queue ordering: three indexed look-ups, first hit wins.

    1. due call-backs, oldest due first; 2. never called, in list order; 3. retry-eligible, oldest attempt first.
    """
    params = {"c": campaign_id, "now": to_db(now), "me": me, "max": max_attempts, "cool": to_db(now - cooldown)}
    free = _not_reserved_by_others()
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


def status_counts(conn: Connection, campaign_id: str) -> dict[str, int]:
    cur = conn.execute("SELECT status, count(*) FROM contacts WHERE campaign_id = ? GROUP BY status", (campaign_id,))
    return {status: n for status, n in cur}


# --------------------------------------------------------------------------------------------- reports


def insert_report(conn: Connection, report: CallReport) -> None:
    conn.execute(
        "INSERT INTO reports (id, campaign_id, contact_id, caller_id, outcome, zetkin_code, created_at, body, corrects) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (report.id, report.campaign_id, report.contact_id, report.caller_id, report.outcome.value,
         report.zetkin_code, to_db(report.created_at), report.model_dump_json(), report.corrects),
    )


def reports_for_contact(conn: Connection, contact_id: str) -> list[CallReport]:
    cur = conn.execute("SELECT body FROM reports WHERE contact_id = ? ORDER BY created_at, rowid", (contact_id,))
    return [CallReport.model_validate_json(r[0]) for r in cur]


def reports_by_caller(conn: Connection, caller_id: str, *, since: datetime) -> list[CallReport]:
    cur = conn.execute("SELECT body FROM reports WHERE caller_id = ? AND created_at >= ? ORDER BY created_at, rowid",
                       (caller_id, to_db(since)))
    return [CallReport.model_validate_json(r[0]) for r in cur]


def all_reports(conn: Connection) -> list[CallReport]:
    return [CallReport.model_validate_json(r[0]) for r in conn.execute("SELECT body FROM reports ORDER BY rowid")]


# --------------------------------------------------------------------------------------------- outbox


def enqueue(conn: Connection, *, item_id: str, kind: str, payload: dict[str, object], created_at: datetime) -> int:
    cur = conn.execute("INSERT INTO outbox (item_id, kind, payload, created_at) VALUES (?, ?, ?, ?)",
                       (item_id, kind, json.dumps(payload, separators=(",", ":"), sort_keys=True), to_db(created_at)))
    return int(cur.lastrowid)


def pending_count(conn: Connection, kind: str | None = "report") -> int:
    """Outbox items not yet acknowledged by the central office (reports only, unless kind=None)."""
    if kind is None:
        return conn.execute("SELECT count(*) FROM outbox WHERE state = 'pending'").fetchone()[0]
    return conn.execute("SELECT count(*) FROM outbox WHERE state = 'pending' AND kind = ?", (kind,)).fetchone()[0]


def outbox_rows(conn: Connection) -> list[tuple[int, str, str, str]]:
    """(seq, item_id, kind, state) of every outbox row, in order."""
    return list(conn.execute("SELECT seq, item_id, kind, state FROM outbox ORDER BY seq"))
