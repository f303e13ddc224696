"""Owner of the ``reports`` table: every call outcome as a fact (corrections are new reports).

Callers own the transaction; nothing here commits. The outbox (``desktop.storage.outbox``) carries the reports
to the central office.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from desktop.domain.models import CallReport
from desktop.storage.database import Connection
from desktop.storage.timefmt import to_db


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


def has_report(conn: Connection, report_id: str) -> bool:
    return conn.execute("SELECT 1 FROM reports WHERE id = ?", (report_id,)).fetchone() is not None


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


def with_outbox_item(
    conn: Connection, campaign_id: str, states: Sequence[str]
) -> list[tuple[str, str, int, str]]:
    """(report id, body, outbox seq, outbox payload) of a campaign's reports whose outbox item is in ``states``."""
    placeholders = ",".join("?" * len(states))
    return list(
        conn.execute(
            "SELECT r.id, r.body, o.seq, o.payload FROM reports r "
            "JOIN outbox o ON o.item_id = r.id AND o.kind = 'report' "
            f"WHERE r.campaign_id = ? AND o.state IN ({placeholders})",
            (campaign_id, *states),
        )
    )


def set_body(conn: Connection, report_id: str, body: str) -> int:
    """Replace a report's stored body (DP-6 scrubbing of free text); returns the rows changed."""
    return conn.execute("UPDATE reports SET body = ? WHERE id = ?", (body, report_id)).rowcount
