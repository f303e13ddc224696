"""The organizer inbox (issue 14.2, inbox v1 of the protocol).

Every "Rückmeldung an die Orga" (a report with the organizer-action flag, with or without a message) is listed
for central-office staff per organisation and campaign, newest first, and travels to the organisation's PCs
(``PullPage.organizer_items``) so the call lead sees it too. Staff resolve it: ``done`` closes the contact,
``reopen`` returns it to the queue — on the server and, with the next sync, on every PC
(``StatusUpdate.organizer_resolved``). Audit entries carry ids only, never the message.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Connection

from sync.core import protocol as p
from sync.core.rules import ContactStatus, Outcome
from sync.server import db
from sync.server.common import Device, ServiceError, audit, not_found
from sync.server.office import CentralOffice

RESOLUTIONS = ("done", "reopen")


@dataclass(frozen=True)
class InboxItem:
    report_id: str
    campaign_id: str
    campaign_title: str
    contact_id: str
    outcome: str
    message: str
    created_at: datetime
    resolution: str | None
    resolved_at: datetime | None

    def as_json(self) -> dict[str, Any]:
        return {
            "report_id": self.report_id,
            "campaign_id": self.campaign_id,
            "campaign_title": self.campaign_title,
            "contact_id": self.contact_id,
            "outcome": self.outcome,
            "message": self.message,
            "created_at": self.created_at.isoformat(),
            "resolution": self.resolution,
            "resolved_at": self.resolved_at.isoformat() if self.resolved_at else None,
        }


def _effective_organizer_reports(conn: Connection, where: Iterable[Any]) -> Sequence[Any]:
    r, c = db.reports, db.campaigns
    corrected = select(r.c.corrects).where(r.c.corrects.is_not(None)).scalar_subquery()
    return conn.execute(
        select(r, c.c.title.label("campaign_title"))
        .join(c, c.c.id == r.c.campaign_id)
        .where(r.c.organizer_action.is_(True), r.c.report_id.not_in(corrected), *where)
        .order_by(r.c.created_at.desc(), r.c.pk.desc())
    ).all()


def feed_rows(org_id: str, report_ids: list[str]) -> list[dict[str, Any]]:
    """The feed rows that bring new organizer messages to the organisation's PCs (the push inserts them)."""
    return [{"org_id": org_id, "kind": "inbox", "ref_id": rid} for rid in sorted(set(report_ids))]


def resolved_contacts(conn: Connection, contact_ids: list[str]) -> set[str]:
    if not contact_ids:
        return set()
    r = db.reports
    return set(
        conn.execute(
            select(r.c.contact_id)
            .where(r.c.contact_id.in_(set(contact_ids)), r.c.organizer_resolution.is_not(None))
            .distinct()
        ).scalars()
    )


def items_for_pull(
    conn: Connection, device: Device, report_ids: list[str], covered: set[str]
) -> list[p.OrganizerItem]:
    """The organizer messages named by the page's feed rows, of campaigns whose purpose ``covered`` includes:
    a message may say anything about the member, so it goes only where the contact may go (DP-11)."""
    if not report_ids or not covered:
        return []
    r, c = db.reports, db.campaigns
    return _pull_items(
        conn,
        [r.c.org_id == device.org_id, r.c.report_id.in_(set(report_ids)), c.c.purpose.in_(sorted(covered))],
    )


def items_of_campaign(conn: Connection, device: Device, campaign_id: str) -> list[p.OrganizerItem]:
    """Every organizer message of a campaign: for a device its contacts were withheld from until now."""
    r = db.reports
    return _pull_items(conn, [r.c.org_id == device.org_id, r.c.campaign_id == campaign_id])


def campaigns_of(report_ids: list[str]) -> Any:
    """The campaigns of these organizer messages, as a subquery (for sync.server.withholding.uncovered)."""
    r = db.reports
    return select(r.c.campaign_id).where(r.c.report_id.in_(set(report_ids)), r.c.organizer_action.is_(True))


def _pull_items(conn: Connection, where: list[Any]) -> list[p.OrganizerItem]:
    rows = _effective_organizer_reports(conn, where)
    seen, out = set(), []
    for row in rows:
        if row.report_id in seen:
            continue
        seen.add(row.report_id)
        out.append(
            p.OrganizerItem(
                report_id=row.report_id,
                campaign_id=row.campaign_id,
                contact_id=row.contact_id,
                outcome=Outcome(row.outcome),
                message=row.organizer_message,
                created_at=row.created_at,
                resolution=row.organizer_resolution,
                resolved_at=row.organizer_resolved_at,
            )
        )
    return out


def _item(row: Any) -> InboxItem:
    return InboxItem(
        row.report_id,
        row.campaign_id,
        row.campaign_title,
        row.contact_id,
        row.outcome,
        row.organizer_message,
        row.created_at,
        row.organizer_resolution,
        row.organizer_resolved_at,
    )


class OrganizerInbox:
    def __init__(self, office: CentralOffice) -> None:
        self.office = office

    def list(
        self, org_id: str, *, campaign_id: str | None = None, open_only: bool = False
    ) -> list[InboxItem]:
        """The org's organizer messages, newest first (effective reports only: a corrected one is gone)."""
        r = db.reports
        where = [r.c.org_id == org_id]
        if campaign_id:
            where.append(r.c.campaign_id == campaign_id)
        if open_only:
            where.append(r.c.organizer_resolution.is_(None))
        with self.office.engine.begin() as conn:
            if conn.execute(select(db.orgs.c.id).where(db.orgs.c.id == org_id)).first() is None:
                raise not_found("org", org_id)
            rows = _effective_organizer_reports(conn, where)
        seen: set[str] = set()
        items = []
        for row in rows:  # newest first: the first row of a report is its effective one
            if row.report_id not in seen:
                seen.add(row.report_id)
                items.append(_item(row))
        return items

    def open_counts(self, org_id: str) -> dict[str, int]:
        """Open organizer messages per campaign (for the progress pages)."""
        return _count(self.list(org_id, open_only=True))

    def resolve(self, report_id: str, outcome: str, *, org_id: str | None = None) -> ContactStatus:
        """Resolve a report's organizer action; returns the contact's new status (server-wide, all PCs)."""
        if outcome not in RESOLUTIONS:
            raise ServiceError("inbox_outcome", params={"outcome": outcome})
        from sync.server.device_sync import DeviceSync

        now = self.office.clock()
        r, cc = db.reports, db.campaign_contacts
        with self.office.engine.begin() as conn:
            where = [r.c.report_id == report_id, r.c.organizer_action.is_(True)]
            if org_id:
                where.append(r.c.org_id == org_id)
            row = conn.execute(select(r.c.org_id, r.c.contact_id).where(*where).limit(1)).first()
            if row is None:
                raise not_found("organizer message", report_id)
            contact = conn.execute(
                select(cc.c.id, cc.c.status).where(cc.c.id == row.contact_id).with_for_update()
            ).one()
            conn.execute(
                update(r)
                .where(r.c.report_id == report_id, r.c.org_id == row.org_id)
                .values(organizer_resolution=outcome, organizer_resolved_at=now)
            )
            status = DeviceSync._decide_statuses(conn, {contact.id})[contact.id]
            conn.execute(  # the resolution changes what the report means for the call state: fold it again
                update(cc)
                .where(cc.c.id == contact.id)
                .values(status=status.value, status_changed_at=now, **db.FOLD_AGAIN)
            )
            conn.execute(
                insert(db.feed),
                [
                    {"org_id": row.org_id, "kind": "status", "ref_id": contact.id},
                    {"org_id": row.org_id, "kind": "inbox", "ref_id": report_id},
                ],
            )
            audit(conn, now, "organizer.resolve", report_id, outcome, org_id=row.org_id)
        return status


def _count(items: list[InboxItem]) -> dict[str, int]:
    out: dict[str, int] = {}
    for item in items:
        out[item.campaign_id] = out.get(item.campaign_id, 0) + 1
    return out


__all__ = ["RESOLUTIONS", "InboxItem", "OrganizerInbox"]
