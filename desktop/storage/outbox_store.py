"""Owner of the ``outbox`` table: facts waiting for the central office, in per-device sequence order.

Every item for the central office gets a gap-free per-device sequence number in the writer's transaction;
'local' items (a lead's own campaign) never leave the PC. Callers own the transaction; nothing here commits.
The sync engine acknowledges items (it moves into its own module behind a store interface; its outbox SQL
belongs here).

A report is stored as :class:`StoredReport`: the versioned wire shape (``sync.core.protocol.ReportPayload``)
exactly as it is pushed and as the central office stores it, beside a local-only part that is never sent
(the caller's local id, which page salvage needs to rebuild the PC's own report record).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict

from desktop.domain.models import CallReport
from desktop.storage.database import Connection
from desktop.storage.timefmt import to_db
from sync.core import protocol as p


class LocalOnly(BaseModel):
    """What the PC keeps beside a report and never sends."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    caller_id: str  # the caller's local person id


class StoredReport(BaseModel):
    """A report as the outbox stores it: ``report`` goes to the central office unchanged, ``local`` never."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    report: p.ReportPayload
    local: LocalOnly

    @classmethod
    def of(cls, report: CallReport) -> StoredReport:
        """The stored form of one of the PC's reports (ValueError when the wire cannot carry it)."""
        return cls(
            report=p.ReportPayload(
                report_id=report.id,
                campaign_id=report.campaign_id,
                contact_id=report.contact_id,
                outcome=report.outcome,
                zetkin=report.outcome.zetkin_code,
                created_at=report.created_at,
                callback_after=report.callback_after,
                wrong_numbers=list(report.wrong_numbers),
                organizer_action=report.organizer_action,
                organizer_message=report.organizer_message,
                note=report.note,
                answers={k: list(v) if isinstance(v, tuple) else v for k, v in report.answers.items()},
                corrects=report.corrects,
            ),
            local=LocalOnly(caller_id=report.caller_id),
        )

    def call_report(self) -> CallReport:
        """The PC's own report record again (page salvage rebuilds reports from outbox payloads)."""
        r = self.report
        return CallReport(
            id=r.report_id,
            campaign_id=r.campaign_id,
            contact_id=r.contact_id,
            caller_id=self.local.caller_id,
            outcome=r.outcome,
            created_at=r.created_at,
            callback_after=r.callback_after,
            wrong_numbers=tuple(r.wrong_numbers),
            organizer_action=r.organizer_action,
            organizer_message=r.organizer_message,
            note=r.note,
            answers={k: tuple(v) if isinstance(v, list) else v for k, v in r.answers.items()},
            corrects=r.corrects,
        )


def enqueue_report(conn: Connection, report: CallReport, *, local: bool = False) -> int:
    """Add a report to the outbox in its stored form (see :func:`enqueue`); returns the outbox row's seq."""
    return enqueue(
        conn,
        item_id=report.id,
        kind="report",
        payload=StoredReport.of(report).model_dump(mode="json"),
        created_at=report.created_at,
        local=local,
    )


def report_without_free_text(payload: str) -> str | None:
    """DP-6: a stored report's payload without note and message to the organizer, or None when it has neither.
    Works on the JSON as stored, so that also a payload the wire would refuse can be scrubbed."""
    doc = json.loads(payload)
    report = doc.get("report") if isinstance(doc, dict) else None
    if not isinstance(report, dict) or not (report.get("note") or report.get("organizer_message")):
        return None
    report["note"] = ""
    report["organizer_message"] = ""
    return _dumps(doc)


def _dumps(payload: Mapping[str, Any]) -> str:
    return json.dumps(payload, separators=(",", ":"), sort_keys=True)


def enqueue(
    conn: Connection,
    *,
    item_id: str,
    kind: str,
    payload: Mapping[str, Any],
    created_at: datetime,
    local: bool = False,
) -> int:
    """Add a fact to the outbox inside the caller's transaction.

    Items for the central office get the next per-device sequence number (gap-free: assigned in the same
    transaction, so a rollback takes it back). `local` items (reports of a lead's own campaign) never leave
    the PC: they are kept with state 'local' and no sequence number.
    """
    body = _dumps(payload)
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
    seq = cur.lastrowid
    assert seq is not None  # set by every INSERT
    return seq


def pending_count(conn: Connection, kind: str | None = "report") -> int:
    """Outbox items not yet acknowledged by the central office (reports only, unless kind=None).

    Read from ``outbox_pending_counts``, which triggers keep in step with the rows (migration 0013): the same
    cost at 2,000 waiting reports as at one. :func:`pending_count_of_rows` counts the rows themselves."""
    if kind is None:
        return int(conn.execute("SELECT coalesce(sum(n), 0) FROM outbox_pending_counts").fetchone()[0])
    row = conn.execute("SELECT n FROM outbox_pending_counts WHERE kind = ?", (kind,)).fetchone()
    return int(row[0]) if row else 0


def pending_count_of_rows(conn: Connection, kind: str | None = "report") -> int:
    """:func:`pending_count` by counting the pending rows: the definition the stored counts are checked against."""
    if kind is None:
        return int(conn.execute("SELECT count(*) FROM outbox WHERE state = 'pending'").fetchone()[0])
    return int(
        conn.execute("SELECT count(*) FROM outbox WHERE state = 'pending' AND kind = ?", (kind,)).fetchone()[
            0
        ]
    )


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


def restart_numbering(conn: Connection, *, also_rejected_as: str) -> int:
    """A new device identity (re-enrolment after a clone, issue 13.4): the numbers of acknowledged items belonged
    to the old identity and are dropped; every unacknowledged item (and those rejected with
    ``also_rejected_as``) gets the numbers 1, 2, … of the new one, in its old order, with a new idempotency
    key. Returns how many items will be sent again."""
    conn.execute("UPDATE outbox SET device_seq = NULL WHERE state = 'sent' OR (state = 'rejected' AND "
                 "coalesce(last_error, '') != ?)", (also_rejected_as,))  # fmt: skip
    return renumber(conn, above=0, also_rejected_as=also_rejected_as)
