"""Contacts withheld from a device without a clearance (DP-11): owner of the ``withheld_campaigns`` table.

A pull sends a campaign's contacts (and its organizer messages) only to a device whose person holds a clearance
for the campaign's purpose (``Signing.covered_purposes``). What it leaves out, it remembers here: one row per
(device, campaign). Once a clearance covers the purpose, the device's next pulls re-send the campaign's contacts
in chunks, before the feed continues (``DeviceSync.pull``); ``resent_after`` is the member id of the last contact
sent (the chunks go in member order, as a release feeds them). A pull from the start (cursor None: a new PC, a
resync, or a PC that restarts on its own) makes the rows moot: the feed from the start brings everything the
device may have. Ids only, nothing personal.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from sync.server import db
from sync.server.common import Device


@dataclass(frozen=True)
class Due:
    """A campaign whose contacts are to be re-sent to the device, from after member ``after`` (None: all)."""

    campaign_id: str
    after: str | None


def uncovered(conn: Connection, device: Device, campaign_ids: Any, covered: set[str]) -> list[str]:
    """The campaigns among ``campaign_ids`` (a subquery of campaign ids) that run in the device's organisation
    and whose purpose ``covered`` does not include: what a pull leaves out (the one rule for contacts and
    organizer messages alike)."""
    c = db.campaigns
    return list(
        conn.execute(
            select(c.c.id)
            .where(
                c.c.id.in_(campaign_ids),
                c.c.org_id == device.org_id,
                c.c.ended_at.is_(None),
                c.c.purpose.not_in(sorted(covered)),
            )
            .order_by(c.c.id)
        ).scalars()
    )


def record(conn: Connection, device: Device, campaign_ids: Iterable[str], now: datetime) -> None:
    """The pull left out contacts (or organizer messages) of these campaigns: re-send all of them once covered
    (a re-send under way starts over: the chunks already sent may miss what was left out now)."""
    ids = sorted(set(campaign_ids))
    if not ids:
        return
    wc = db.withheld_campaigns
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    stmt = dialect.insert(wc).values(
        [
            {"device_id": device.id, "campaign_id": cid, "resent_after": None, "withheld_at": now}
            for cid in ids
        ]
    )
    conn.execute(
        stmt.on_conflict_do_update(
            index_elements=[wc.c.device_id, wc.c.campaign_id],
            set_={"resent_after": None, "withheld_at": stmt.excluded.withheld_at},
        )
    )


def forget(conn: Connection, device: Device) -> None:
    """The device pulls from the start: the feed brings what it may have; what it may not is recorded again."""
    wc = db.withheld_campaigns
    conn.execute(delete(wc).where(wc.c.device_id == device.id))


def due(conn: Connection, device: Device, covered: set[str]) -> Due | None:
    """The first withheld campaign (by id) that is still running and whose purpose ``covered`` now includes.
    Rows of campaigns that ended meanwhile go (the PC wipes an ended campaign's contacts anyway)."""
    wc, c = db.withheld_campaigns, db.campaigns
    rows = conn.execute(
        select(wc.c.campaign_id, wc.c.resent_after, c.c.purpose, c.c.ended_at)
        .join(c, c.c.id == wc.c.campaign_id)
        .where(wc.c.device_id == device.id, c.c.org_id == device.org_id)
        .order_by(wc.c.campaign_id)
    ).all()
    ended = [row.campaign_id for row in rows if row.ended_at is not None]
    if ended:
        conn.execute(delete(wc).where(wc.c.device_id == device.id, wc.c.campaign_id.in_(ended)))
    for row in rows:
        if row.ended_at is None and row.purpose in covered:
            return Due(row.campaign_id, row.resent_after)
    return None


def resent(conn: Connection, device: Device, campaign_id: str, last_member: str | None) -> None:
    """A chunk of the campaign went out up to ``last_member``; None: everything did, the row goes."""
    wc = db.withheld_campaigns
    mine = (wc.c.device_id == device.id) & (wc.c.campaign_id == campaign_id)
    if last_member is None:
        conn.execute(delete(wc).where(mine))
    else:
        conn.execute(update(wc).where(mine).values(resent_after=last_member))


def withheld(conn: Connection, device_id: str) -> list[str]:
    """The campaigns whose contacts are withheld from the device now (for tests and the central office)."""
    wc = db.withheld_campaigns
    return list(
        conn.execute(
            select(wc.c.campaign_id).where(wc.c.device_id == device_id).order_by(wc.c.campaign_id)
        ).scalars()
    )
