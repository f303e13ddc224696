"""Ending a campaign at the central office (issue 14.5): every PC of the organisation wipes the campaign's
contact data at its next sync (``CampaignInfo.ended_at``); the server's own contact rows follow once the results
were exported or the grace period passed (sync.server.retention)."""

from __future__ import annotations

from sqlalchemy import func, insert, select, update

from sync.server import db
from sync.server.common import audit, not_found
from sync.server.office import CentralOffice


def end_campaign(office: CentralOffice, campaign_id: str) -> int:
    """Marks the campaign ended (once) and tells the PCs; returns how many contacts it had."""
    now = office.clock()
    c, cc = db.campaigns, db.campaign_contacts
    with office.engine.begin() as conn:
        campaign = conn.execute(select(c).where(c.c.id == campaign_id).with_for_update()).first()
        if campaign is None:
            raise not_found("campaign", campaign_id)
        contacts = conn.execute(select(func.count()).where(cc.c.campaign_id == campaign_id)).scalar_one()
        if campaign.ended_at is None:
            conn.execute(update(c).where(c.c.id == campaign_id).values(ended_at=now))
            conn.execute(insert(db.feed).values(org_id=campaign.org_id, kind="campaign", ref_id=campaign_id))
            audit(conn, now, "campaign.end", campaign_id, org_id=campaign.org_id)
    return contacts
