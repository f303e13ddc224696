"""Central progress of one campaign (issue 14.5): persons by status, calls per day, why people are blocked,
open organizer messages, content version, and whether the campaign has ended. Read-only; counts only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select

from sync.core.content import CampaignRules
from sync.core.rules import ContactStatus, Outcome
from sync.server import content, db, retention
from sync.server.common import LOCAL_TZ, not_found
from sync.server.exports import effective
from sync.server.inbox import OrganizerInbox
from sync.server.office import CentralOffice

DAYS = 14
BLOCK_REASONS = (
    "callback",
    "cooldown",
    "attempts",
    "objection",
    "number_problem",
    "organizer_action",
    "reserved",
)
"""Why an open or closed contact is not offered now. Each contact counts once: the first reason that applies in
this order (a contact held by a PC's lease counts as "reserved" only when nothing else blocks it)."""


@dataclass(frozen=True)
class CentralProgress:
    campaign: Any
    org_name: str
    total: int
    by_status: dict[str, int]
    blocked: dict[str, int]  # reason -> persons (BLOCK_REASONS)
    reserved_devices: int  # PCs holding a live lease on a contact of this campaign
    per_day: list[tuple[date, int, int]]  # (day, calls, reached), the last DAYS days
    organizer_open: int
    content_version: int | None
    ended_at: datetime | None
    wiped: bool


def campaign_progress(office: CentralOffice, campaign_id: str) -> CentralProgress:
    now = office.clock()
    c, cc, r = db.campaigns, db.campaign_contacts, db.reports
    with office.engine.begin() as conn:
        campaign = conn.execute(select(c).where(c.c.id == campaign_id)).first()
        if campaign is None:
            raise not_found("campaign", campaign_id)
        org_name = conn.execute(select(db.orgs.c.name).where(db.orgs.c.id == campaign.org_id)).scalar_one()
        by_status = {s.value: 0 for s in ContactStatus}
        for status, count in conn.execute(
            select(cc.c.status, func.count()).where(cc.c.campaign_id == campaign_id).group_by(cc.c.status)
        ):
            by_status[status] = count
        current = content.current(conn, campaign_id)
        rules = current.rules if current else CampaignRules()
        reports = conn.execute(
            select(
                r.c.contact_id,
                r.c.report_id,
                r.c.outcome,
                r.c.corrects,
                r.c.created_at,
                r.c.callback_after,
                r.c.pk,
            )
            .where(r.c.campaign_id == campaign_id)
            .order_by(r.c.created_at, r.c.pk)
        ).all()
        open_ids = set(
            conn.execute(
                select(cc.c.id).where(cc.c.campaign_id == campaign_id, cc.c.status == "open")
            ).scalars()
        )
        ls = db.leases
        leased = conn.execute(
            select(ls.c.contact_id, ls.c.device_id).where(
                ls.c.campaign_id == campaign_id, ls.c.expires_at > now
            )
        ).all()
    by_contact: dict[str, list[Any]] = {}
    for row in reports:
        by_contact.setdefault(row.contact_id, []).append(row)
    blocked = dict.fromkeys(BLOCK_REASONS, 0)
    blocked["objection"] = by_status["objection"]
    blocked["number_problem"] = by_status["wrong_number"] + by_status["not_in_service"]
    blocked["organizer_action"] = by_status["organizer_action"]
    held = {row.contact_id for row in leased} & open_ids
    for contact_id in open_ids:
        kept = effective(by_contact.get(contact_id, []))
        last = kept[-1] if kept else None
        if last is not None and last.callback_after is not None and last.callback_after > now:
            blocked["callback"] += 1
        elif len(kept) >= rules.max_attempts:
            blocked["attempts"] += 1
        elif last is not None and last.created_at + timedelta(hours=rules.cooldown_hours) > now:
            blocked["cooldown"] += 1
        elif contact_id in held:
            blocked["reserved"] += 1
    today = now.astimezone(LOCAL_TZ).date()
    days = {today - timedelta(days=i): [0, 0] for i in range(DAYS)}
    for row in reports:
        day = row.created_at.astimezone(LOCAL_TZ).date()
        if day in days:
            days[day][0] += 1
            days[day][1] += int(row.outcome in (Outcome.REACHED.value, Outcome.CALL_BACK.value))
    return CentralProgress(
        campaign=campaign,
        org_name=org_name,
        total=sum(by_status.values()),
        by_status=by_status,
        blocked=blocked,
        reserved_devices=len({row.device_id for row in leased if row.contact_id in held}),
        per_day=[(d, *days[d]) for d in sorted(days)],  # type: ignore[misc]
        organizer_open=OrganizerInbox(office).open_counts(campaign.org_id).get(campaign_id, 0),
        content_version=current.version if current else None,
        ended_at=end if (end := retention.ended_at(campaign)) is not None and end <= now else None,
        wiped=campaign.contacts_wiped_at is not None,
    )
