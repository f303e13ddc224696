"""DP-24: which pseudonymous records (and campaigns) were on a device, and until when they stay readable there.

Upper bound, from what the central office knows: every contact of the organisation's campaigns released before
the device's last sync whose purpose a clearance
issued to the device covered (revoked ones count: the data may have arrived before), since a PC stores contacts only under a clearance of their purpose (DP-11); and the contacts it held
leased (ids only). A device that never synced, or never held a clearance, had nothing: no records, no date.
The device can open them offline until the revocation list of its last sync runs out (REVOCATION_LIST_LIFETIME
plus the clock skew): after that the clearance gate refuses, whatever happens offline (R9). Ids only: the
central office maps them back to members when it has to inform them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from sync.core.clearance import DEFAULT_SKEW
from sync.server import db
from sync.server.common import not_found
from sync.server.leases import holdings
from sync.server.signing import REVOCATION_LIST_LIFETIME


def device_exposure(conn: Connection, device_id: str) -> dict[str, Any]:
    device = conn.execute(select(db.devices).where(db.devices.c.id == device_id)).first()
    if device is None:
        raise not_found("device", device_id)
    last: datetime | None = device.last_seen_at
    leased: dict[str, list[dict[str, str]]] = {}
    for campaign_id, contact_id, expires_at in holdings(conn, device_id):
        leased.setdefault(campaign_id, []).append(
            {"contact_id": contact_id, "lease_expires_at": expires_at.isoformat()}
        )
    campaigns = []
    cl = db.clearances
    cleared: set[str] = set()
    if last is not None:  # clearances are issued in pulls: any issued to it reached it
        for purposes in conn.execute(select(cl.c.purposes).where(cl.c.device_id == device_id)).scalars():
            cleared.update(purposes)
    if last is not None and cleared:
        c, cc = db.campaigns, db.campaign_contacts
        for row in conn.execute(
            select(c.c.id, c.c.title, c.c.released_at)
            .where(
                c.c.org_id == device.org_id,
                c.c.released_at <= last,
                c.c.purpose.in_(sorted(cleared)),
            )
            .order_by(c.c.released_at, c.c.id)
        ):
            ids = sorted(conn.execute(select(cc.c.id).where(cc.c.campaign_id == row.id)).scalars())
            campaigns.append(
                {
                    "campaign_id": row.id,
                    "title": row.title,
                    "released_at": row.released_at.isoformat(),
                    "contact_ids": ids,
                    "leased": leased.get(row.id, []),
                }
            )
    readable_until = (
        last + REVOCATION_LIST_LIFETIME + DEFAULT_SKEW if last is not None and campaigns else None
    )
    return {
        "device_id": device.id,
        "org_id": device.org_id,
        "name": device.name,
        "revoked_at": device.revoked_at.isoformat() if device.revoked_at else None,
        "last_sync": last.isoformat() if last else None,
        "readable_until": readable_until.isoformat() if readable_until else None,
        "campaigns": campaigns,
        "records": sum(len(x["contact_ids"]) for x in campaigns),
    }
