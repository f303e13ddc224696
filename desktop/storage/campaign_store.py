"""Owner of the ``campaigns`` table and the call lead's extras of a campaign (``campaign_lead``).

A campaign is 'local' (a lead's own list) or 'central' (released by the central office, written by the sync).
Callers own the transaction; nothing here commits.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from desktop.domain.models import Campaign
from desktop.storage.database import Connection
from desktop.storage.timefmt import to_db
from sync.core.content import CampaignContent


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


def parse_definition(definition: str) -> Campaign:
    """A campaign from its stored definition JSON (the one place that reads it)."""
    return Campaign.model_validate_json(definition)


def get_campaign(conn: Connection, campaign_id: str) -> Campaign | None:
    row = conn.execute("SELECT definition FROM campaigns WHERE id = ?", (campaign_id,)).fetchone()
    return parse_definition(row[0]) if row else None


def calling_view(conn: Connection, campaign_id: str) -> tuple[str, int | None, str | None, str] | None:
    """(definition JSON, content version, content author, origin) in one read: what the calling path needs for
    each card and report. The caller may keep the parsed definition while the JSON text is unchanged."""
    row = conn.execute(
        "SELECT definition, content_version, content_author, origin FROM campaigns WHERE id = ?",
        (campaign_id,),
    ).fetchone()
    return (row[0], row[1], row[2], row[3]) if row else None


def list_campaigns(conn: Connection, *, include_ended: bool = False) -> list[Campaign]:
    sql = "SELECT definition FROM campaigns"
    if not include_ended:
        sql += " WHERE status != 'ended'"
    return [parse_definition(r[0]) for r in conn.execute(sql + " ORDER BY created_at, id")]


def campaign_row(conn: Connection, campaign_id: str) -> tuple[str, str, str] | None:
    """(status, origin, created_at) of a campaign, or None."""
    row = conn.execute(
        "SELECT status, origin, created_at FROM campaigns WHERE id = ?", (campaign_id,)
    ).fetchone()
    return (row[0], row[1], row[2]) if row else None


def campaign_ids(conn: Connection, *, include_ended: bool = False) -> list[str]:
    """Ids of the campaigns, oldest first."""
    sql = "SELECT id FROM campaigns" + ("" if include_ended else " WHERE status != 'ended'")
    return [r[0] for r in conn.execute(sql + " ORDER BY created_at, id")]


def campaign_statuses(conn: Connection) -> list[tuple[str, str]]:
    """(id, status) of every campaign, oldest first."""
    return [(r[0], r[1]) for r in conn.execute("SELECT id, status FROM campaigns ORDER BY created_at, id")]


def purposes(conn: Connection) -> set[str]:
    """The purposes of all stored campaigns."""
    return {r[0] for r in conn.execute("SELECT DISTINCT purpose FROM campaigns")}


def central_purposes(conn: Connection) -> list[str]:
    """The purposes of the central office's campaigns that have not ended."""
    return [
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT purpose FROM campaigns WHERE origin = 'central' AND status != 'ended'"
        )
    ]


def central_campaign_ids(conn: Connection, purpose: str) -> list[str]:
    """The central office's campaigns of one purpose that have not ended."""
    return [
        r[0]
        for r in conn.execute(
            "SELECT id FROM campaigns WHERE origin = 'central' AND purpose = ? AND status != 'ended'",
            (purpose,),
        )
    ]


def ended_central_campaign_ids(conn: Connection) -> list[str]:
    """The central office's campaigns marked ended (it ended them: their contact data goes at this sync)."""
    return [
        r[0] for r in conn.execute("SELECT id FROM campaigns WHERE origin = 'central' AND status = 'ended'")
    ]


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
    "central_free_text_days",
    "central_contact_days",
)


def get_campaign_lead(conn: Connection, campaign_id: str) -> dict[str, Any] | None:
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


def set_campaign_content(conn: Connection, campaign: Campaign, version: int | None, author: str) -> None:
    """A central campaign's definition with new content, and the content version it came with (issue 14.1)."""
    conn.execute(
        "UPDATE campaigns SET definition = ?, content_version = coalesce(?, content_version), content_author = ? "
        "WHERE id = ?",
        (campaign.model_dump_json(), version, author, campaign.id),
    )


def campaign_content_version(conn: Connection, campaign_id: str) -> tuple[int | None, str | None]:
    """(content version, author) of a campaign; (None, None) for a local one or before any content arrived."""
    row = conn.execute(
        "SELECT content_version, content_author FROM campaigns WHERE id = ?", (campaign_id,)
    ).fetchone()
    return (row[0], row[1]) if row else (None, None)


def apply_campaign_content(conn: Connection, content: CampaignContent) -> bool:
    """Store a newer content version of a central campaign (inside the pull's transaction); False: ignored."""
    campaign = get_campaign(conn, content.campaign_id)
    if campaign is None or campaign_origin(conn, content.campaign_id) != "central":
        return False
    version, _ = campaign_content_version(conn, content.campaign_id)
    if version is not None and content.version <= version:
        return False
    updated = Campaign.model_validate(
        {
            **campaign.model_dump(),
            "script": content.script,
            "transparency": content.transparency,
            "questions": content.questions,
            "rules": content.rules,
            "ends_on": content.ends_on or campaign.ends_on,
        }
    )
    set_campaign_content(conn, updated, content.version, content.author)
    return True


# ------------------------------------------------------------------------------ the central office's campaigns


def purpose_by_campaign(conn: Connection) -> dict[str, str]:
    return dict(conn.execute("SELECT id, purpose FROM campaigns"))


def put_central_campaign(
    conn: Connection, campaign: Campaign, *, released_at: datetime, resolution_id: str
) -> int:
    """Insert a campaign the central office released, or update its title and resolution; returns rows changed."""
    updated = conn.execute(
        "UPDATE campaigns SET title = ?, resolution_id = ? WHERE id = ?",
        (campaign.title, resolution_id, campaign.id),
    ).rowcount
    if updated:
        return updated
    return conn.execute(
        "INSERT INTO campaigns (id, title, purpose, definition, status, origin, created_at, resolution_id) "
        "VALUES (?, ?, ?, ?, 'active', 'central', ?, ?)",
        (
            campaign.id,
            campaign.title,
            campaign.purpose,
            campaign.model_dump_json(),
            to_db(released_at),
            resolution_id,
        ),
    ).rowcount


def delete_central_campaigns(conn: Connection) -> int:
    """Drop what the central office owns (a resync); their contacts go with them (ON DELETE CASCADE)."""
    return conn.execute("DELETE FROM campaigns WHERE origin = 'central'").rowcount
