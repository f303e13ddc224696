"""Leases (issue 13.3, DP-16): owner of the ``leases`` table.

A contact of a released campaign is leased to at most one device at a time. A device's lease request renews what
it holds (while the contact is still open), gives back what it names, and tops its holding up to ``size`` open
contacts per running campaign of its organisation. The claim is one INSERT ... ON CONFLICT DO UPDATE ... WHERE
the old lease has expired: atomic in the database, so two devices (or two server processes) never get the same
contact, and a lease that ran out returns the contact to the pool by itself.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from sync.core import protocol as p
from sync.core.content import CampaignRules
from sync.core.rules import ContactStatus
from sync.server import content, db
from sync.server.common import Device

CANDIDATE_FACTOR = 2  # look at a few more free contacts than needed: some may be claimed concurrently


def lease(
    conn: Connection, device: Device, req: p.LeaseRequest, now: datetime, covered: set[str]
) -> list[p.Lease]:
    """``covered``: the purposes the device's person holds a clearance for now (Signing.covered_purposes). A
    device gets no leases on a campaign of another purpose, and gives back what it held there (DP-11: it has
    not got those contacts, so leasing them would only keep them from the PCs that may call them)."""
    ls, cc, c = db.leases, db.campaign_contacts, db.campaigns
    until = now + timedelta(hours=req.hours)
    mine = (ls.c.device_id == device.id) & (ls.c.org_id == device.org_id)
    if req.give_back:
        conn.execute(delete(ls).where(mine, ls.c.contact_id.in_(sorted(set(req.give_back)))))
    uncovered = select(c.c.id).where(c.c.org_id == device.org_id, c.c.purpose.not_in(sorted(covered)))
    conn.execute(delete(ls).where(mine, ls.c.campaign_id.in_(uncovered)))
    # What is no longer open (reported, objected, wrong number, ...) is not held any more.
    closed = select(cc.c.id).where(cc.c.status != ContactStatus.OPEN.value)
    conn.execute(delete(ls).where(mine, ls.c.contact_id.in_(closed)))
    conn.execute(update(ls).where(mine, ls.c.expires_at > now).values(expires_at=until))
    conn.execute(delete(ls).where(mine, ls.c.expires_at <= now))
    today = now.date()
    campaigns = conn.execute(
        select(c.c.id)
        .where(
            c.c.org_id == device.org_id,
            (c.c.ends_on.is_(None)) | (c.c.ends_on >= today),
            c.c.purpose.in_(sorted(covered)),
        )
        .order_by(c.c.id)
    ).scalars()
    for campaign_id in list(campaigns):
        held = conn.execute(
            select(func.count()).select_from(ls).where(mine, ls.c.campaign_id == campaign_id)
        ).scalar_one()
        need = req.size - held
        if need < 0:  # the lead made the evening smaller: the excess goes back to the pool
            excess = conn.execute(
                select(ls.c.contact_id)
                .where(mine, ls.c.campaign_id == campaign_id)
                .order_by(ls.c.contact_id.desc())
                .limit(-need)
            ).scalars()
            conn.execute(delete(ls).where(mine, ls.c.contact_id.in_(list(excess))))
        if need <= 0:
            continue
        taken = select(ls.c.contact_id).where(ls.c.expires_at > now)
        current = content.current(conn, campaign_id)
        cap = (current.rules if current else CampaignRules()).max_attempts
        candidates = (
            conn.execute(
                select(cc.c.id)
                .where(
                    cc.c.campaign_id == campaign_id,
                    cc.c.status == ContactStatus.OPEN.value,
                    cc.c.id.not_in(taken),
                    # issue 13.3: attempts of every PC reached the cap (a promised call-back still counts)
                    or_(cc.c.attempts < cap, cc.c.callback_after.is_not(None)),
                )
                .order_by(cc.c.id)
                .limit(need * CANDIDATE_FACTOR)
            )
            .scalars()
            .all()
        )
        _claim(conn, device, campaign_id, list(candidates), need, until, now)
    rows = conn.execute(
        select(ls.c.campaign_id, ls.c.contact_id, ls.c.expires_at).where(mine).order_by(ls.c.contact_id)
    )
    return [
        p.Lease(campaign_id=r.campaign_id, contact_id=r.contact_id, expires_at=r.expires_at) for r in rows
    ]


def _claim(
    conn: Connection,
    device: Device,
    campaign_id: str,
    candidates: list[str],
    need: int,
    until: datetime,
    now: datetime,
) -> int:
    """Claims up to ``need`` of the candidates (sorted: one lock order); a lease still running elsewhere wins."""
    ls, got, i = db.leases, 0, 0
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    while got < need and i < len(candidates):
        chunk = sorted(candidates[i : i + need - got])
        i += len(chunk)
        stmt = dialect.insert(ls).values(
            [
                {
                    "contact_id": cid,
                    "device_id": device.id,
                    "org_id": device.org_id,
                    "campaign_id": campaign_id,
                    "expires_at": until,
                    "taken_at": now,
                }
                for cid in chunk
            ]
        )
        stmt = stmt.on_conflict_do_update(
            index_elements=[ls.c.contact_id],
            set_={
                "device_id": stmt.excluded.device_id,
                "expires_at": stmt.excluded.expires_at,
                "taken_at": stmt.excluded.taken_at,
            },
            where=ls.c.expires_at <= now,
        ).returning(ls.c.contact_id)
        got += len(conn.execute(stmt).scalars().all())
    return got


def holdings(conn: Connection, device_id: str) -> list[tuple[str, str, datetime]]:
    """(campaign, contact, expires_at) held by a device (the central office's view, DP-24)."""
    ls = db.leases
    return [
        (r.campaign_id, r.contact_id, r.expires_at)
        for r in conn.execute(
            select(ls.c.campaign_id, ls.c.contact_id, ls.c.expires_at)
            .where(ls.c.device_id == device_id)
            .order_by(ls.c.contact_id)
        )
    ]
