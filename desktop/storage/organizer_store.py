"""Owner of the ``organizer_inbox`` table (inbox v1, issue 14.2): the call lead's copy of the organisation's
"Rückmeldungen an die Orga" as the central office sends them, and how staff resolved them."""

from __future__ import annotations

from datetime import datetime

from desktop.storage.database import Connection
from desktop.storage.timefmt import to_db


def put_organizer_item(
    conn: Connection,
    *,
    report_id: str,
    campaign_id: str,
    contact_id: str,
    outcome: str,
    message: str,
    created_at: datetime,
    resolution: str | None,
    resolved_at: datetime | None,
) -> None:
    """Insert or update one organizer message as the central office sent it (inbox v1)."""
    conn.execute(
        "INSERT INTO organizer_inbox (report_id, campaign_id, contact_id, outcome, message, created_at, resolution, "
        "resolved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (report_id) DO UPDATE SET "
        "message = excluded.message, resolution = excluded.resolution, resolved_at = excluded.resolved_at",
        (
            report_id,
            campaign_id,
            contact_id,
            outcome,
            message,
            to_db(created_at),
            resolution,
            to_db(resolved_at),
        ),
    )


def organizer_items(conn: Connection, campaign_id: str | None = None) -> list[dict[str, object]]:
    """The organizer messages on this PC, newest first."""
    sql = (
        "SELECT report_id, campaign_id, contact_id, outcome, message, created_at, resolution, resolved_at "
        "FROM organizer_inbox"
    )
    params: tuple[str, ...] = ()
    if campaign_id:
        sql, params = sql + " WHERE campaign_id = ?", (campaign_id,)
    keys = (
        "report_id",
        "campaign_id",
        "contact_id",
        "outcome",
        "message",
        "created_at",
        "resolution",
        "resolved_at",
    )
    return [
        dict(zip(keys, row, strict=True)) for row in conn.execute(sql + " ORDER BY created_at DESC", params)
    ]


def organizer_open_count(conn: Connection, campaign_id: str) -> int:
    return int(
        conn.execute(
            "SELECT count(*) FROM organizer_inbox WHERE campaign_id = ? AND resolution IS NULL",
            (campaign_id,),
        ).fetchone()[0]
    )


def delete_organizer_items(conn: Connection, campaign_id: str) -> int:
    """With the campaign's contact data (DP-15)."""
    return conn.execute("DELETE FROM organizer_inbox WHERE campaign_id = ?", (campaign_id,)).rowcount
