"""Owner of the ``outbox`` table: facts waiting for the central office, in per-device sequence order.

Every item for the central office gets a gap-free per-device sequence number in the writer's transaction;
'local' items (a lead's own campaign) never leave the PC. Callers own the transaction; nothing here commits.
The sync engine acknowledges items (it moves into its own module behind a store interface; its outbox SQL
belongs here).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from datetime import datetime

from desktop.storage.database import Connection
from desktop.storage.timefmt import to_db


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


def pending_reports(conn: Connection, campaign_id: str) -> list[tuple[str, str, str, str]]:
    """(report id, created_at, outcome, caller_id) of a campaign's reports still waiting in the outbox."""
    return list(
        conn.execute(
            "SELECT r.id, r.created_at, r.outcome, r.caller_id FROM outbox o JOIN reports r ON r.id = o.item_id "
            "WHERE o.kind = 'report' AND o.state = 'pending' AND r.campaign_id = ? ORDER BY o.seq",
            (campaign_id,),
        )
    )


def rejected_items(conn: Connection) -> list[tuple[str, str, str, str]]:
    """(item id, kind, created_at, last error) of the items the central office refused, in order."""
    return [
        (r[0], r[1], r[2], r[3])
        for r in conn.execute(
            "SELECT item_id, kind, created_at, coalesce(last_error, '') FROM outbox "
            "WHERE state = 'rejected' ORDER BY seq"
        )
    ]


def set_payload(conn: Connection, seq: int, payload: str) -> int:
    """Replace an item's payload (DP-6 scrubbing of free text after it was sent); returns the rows changed."""
    return conn.execute("UPDATE outbox SET payload = ? WHERE seq = ?", (payload, seq)).rowcount


# ------------------------------------------------------------------------------ the sync's side (sync_store)


def pending_for_push(conn: Connection, limit: int) -> list[tuple[str, str, int, str]]:
    """(idempotency key, kind, device_seq, payload) of the next items for the central office, in order."""
    return conn.execute(
        "SELECT coalesce(idem_key, item_id), kind, device_seq, payload FROM outbox "
        "WHERE state = 'pending' AND device_seq IS NOT NULL ORDER BY device_seq LIMIT ?",
        (limit,),
    ).fetchall()


def mark_sent(conn: Connection, keys: Sequence[str], at: datetime) -> int:
    return conn.executemany(
        "UPDATE outbox SET state = 'sent', acked_at = ?, tries = tries + 1 WHERE coalesce(idem_key, item_id) = ?",
        [(to_db(at), key) for key in keys],
    ).rowcount


def mark_rejected(conn: Connection, reasons: Mapping[str, str]) -> int:
    return conn.executemany(
        "UPDATE outbox SET state = 'rejected', last_error = ?, tries = tries + 1 "
        "WHERE coalesce(idem_key, item_id) = ?",
        [(reason, key) for key, reason in reasons.items()],
    ).rowcount


def renumber(conn: Connection, *, above: int, also_rejected_as: str) -> int:
    """Every unacknowledged item (and those rejected with ``also_rejected_as``) gets the next numbers above
    ``above`` (or above anything this PC still holds), in its old order, and a new idempotency key."""
    rows = conn.execute(
        "SELECT seq FROM outbox WHERE device_seq IS NOT NULL AND "
        "(state = 'pending' OR (state = 'rejected' AND last_error = ?)) ORDER BY device_seq",
        (also_rejected_as,),
    ).fetchall()
    if not rows:
        return 0
    # Out of the way first (device_seq is UNIQUE), then the numbers right above the highest, in the old order.
    conn.executemany("UPDATE outbox SET device_seq = -device_seq WHERE seq = ?", [(r[0],) for r in rows])
    held = conn.execute("SELECT coalesce(max(device_seq), 0) FROM outbox").fetchone()[0]
    start = max(above, held)
    conn.executemany(
        "UPDATE outbox SET device_seq = ?, idem_key = ?, state = 'pending', last_error = NULL WHERE seq = ?",
        [(start + i + 1, uuid.uuid4().hex, r[0]) for i, r in enumerate(rows)],
    )
    return len(rows)
