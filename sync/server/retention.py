"""Retention at the central office (issue 14.6, DP-6, DP-15; design.md "Retention": server retention mirrors the
PC's).

- Organizer messages are blanked ``FREE_TEXT_GRACE`` after staff resolved them, or after their campaign ended.
- Notes are blanked ``FREE_TEXT_GRACE`` after their campaign ended.
- An ended campaign's contact rows lose their link to the member (the pseudonym can no longer be mapped back,
  and the contact no longer travels in any pull) once its results were exported, or ``CONTACT_GRACE`` after the
  end at the latest. The outcomes stay with what the exports need (pseudonymous ids and codes).

A campaign has ended when staff ended it ("end campaign") or when its end date has passed. ``run`` is
idempotent: `telefonaktion-zentrale retention run`, and `serve` runs it on a timer (``INTERVAL``).
Audit entries carry ids and counts only.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from sqlalchemy import and_, or_, select, update
from sqlalchemy.engine import Connection

from sync.core import protocol as p
from sync.server import db
from sync.server.common import LOCAL_TZ, audit
from sync.server.office import CentralOffice

log = logging.getLogger("telefonaktion.zentrale.retention")

FREE_TEXT_GRACE = timedelta(days=14)
CONTACT_GRACE = timedelta(days=30)
INTERVAL = timedelta(days=1)


@dataclass(frozen=True)
class RetentionReport:
    messages_blanked: int = 0
    notes_blanked: int = 0
    campaigns_wiped: int = 0
    contacts_unlinked: int = 0


def campaign_record(conn: Connection, resolution_id: str) -> p.CampaignRecord | None:
    """Record v1 for the PCs' Art. 30 record: the resolution, its responsible persons, these deletion rules."""
    res = conn.execute(select(db.resolutions).where(db.resolutions.c.id == resolution_id)).first()
    if res is None:
        return None
    rp, pe = db.resolution_persons, db.persons
    names = conn.execute(
        select(pe.c.name)
        .join(rp, rp.c.person_id == pe.c.id)
        .where(rp.c.resolution_id == resolution_id)
        .order_by(pe.c.name)
    ).scalars()
    return p.CampaignRecord(
        resolution_body=res.body,
        resolution_date=res.decided_on,
        resolution_valid_until=res.valid_until,
        document_ref=res.document_ref,
        responsible=list(names),
        free_text_days=FREE_TEXT_GRACE.days,
        contact_days=CONTACT_GRACE.days,
    )


def ended_at(row: object) -> datetime | None:
    """When a campaign ended: staff ended it, or the day after its end date began (German calendar day)."""
    explicit = getattr(row, "ended_at", None)
    ends_on = getattr(row, "ends_on", None)
    by_date = (
        datetime.combine(ends_on + timedelta(days=1), time(0), LOCAL_TZ).astimezone(UTC) if ends_on else None
    )
    candidates = [t for t in (explicit, by_date) if t is not None]
    return min(candidates) if candidates else None


def run(office: CentralOffice) -> RetentionReport:
    now = office.clock()
    c, r, cc = db.campaigns, db.reports, db.campaign_contacts
    messages = notes = wiped = unlinked = 0
    with office.engine.begin() as conn:
        campaigns = conn.execute(
            select(
                c.c.id, c.c.org_id, c.c.ends_on, c.c.ended_at, c.c.results_exported_at, c.c.contacts_wiped_at
            )
        ).all()
        text_due = [
            row.id for row in campaigns if (e := ended_at(row)) is not None and e + FREE_TEXT_GRACE <= now
        ]
        messages += conn.execute(
            update(r)
            .where(
                r.c.organizer_message != "",
                or_(
                    and_(
                        r.c.organizer_resolved_at.is_not(None),
                        r.c.organizer_resolved_at <= now - FREE_TEXT_GRACE,
                    ),
                    r.c.campaign_id.in_(text_due),
                ),
            )
            .values(organizer_message="")
        ).rowcount
        if text_due:
            notes += conn.execute(
                update(r).where(r.c.note != "", r.c.campaign_id.in_(text_due)).values(note="")
            ).rowcount
        for row in campaigns:
            end = ended_at(row)
            if row.contacts_wiped_at is not None or end is None or end > now:
                continue
            if row.results_exported_at is None and end + CONTACT_GRACE > now:
                continue
            n = conn.execute(
                update(cc)
                .where(cc.c.campaign_id == row.id, cc.c.member_id.is_not(None))
                .values(member_id=None)
            ).rowcount
            conn.execute(update(c).where(c.c.id == row.id).values(contacts_wiped_at=now))
            audit(conn, now, "retention.wipe", row.id, str(n), org_id=row.org_id, source="server")
            wiped, unlinked = wiped + 1, unlinked + n
        if messages or notes:
            audit(conn, now, "retention.free_text", str(messages), str(notes), source="server")
    report = RetentionReport(messages, notes, wiped, unlinked)
    log.info("retention: %d messages, %d notes blanked; %d campaigns wiped", messages, notes, wiped)
    return report


async def timer(office: CentralOffice, interval: timedelta = INTERVAL) -> None:
    """Runs :func:`run` now and then every ``interval`` (in a worker thread); never raises."""
    while True:
        try:
            await asyncio.to_thread(run, office)
        except Exception:
            log.exception("retention run failed")
        await asyncio.sleep(interval.total_seconds())


__all__ = ["CONTACT_GRACE", "FREE_TEXT_GRACE", "INTERVAL", "RetentionReport", "ended_at", "run", "timer"]
