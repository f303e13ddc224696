"""The central office's read models for the web pages and the command line. They change nothing and decide
nothing that the commands (:mod:`sync.server.commands`) and the clearance rule (:mod:`sync.server.signing`) do not.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import bindparam, func, or_, select
from sqlalchemy.engine import Connection, Row

from sync.core import protocol as p
from sync.core.rules import ContactStatus
from sync.server import db
from sync.server.common import OfficePart, not_found

RENEWAL_PERIOD = timedelta(days=365)  # training and declaration are renewed yearly (DP-20 renewal reminders)
RENEWAL_WARNING = timedelta(days=30)


class Standing(StrEnum):
    """Where a person's training or declaration stands, as a renewal reminder (DP-20).

    The clearance rule (CentralOffice.clearances_for) asks only that one exists; ``renewal_overdue`` is a
    reminder, not a refusal.
    """

    MISSING = "missing"
    VALID = "valid"
    EXPIRING = "expiring"  # renewal due within RENEWAL_WARNING
    RENEWAL_OVERDUE = "renewal_overdue"


def standing(on: date | None, today: date) -> tuple[Standing, date | None]:
    """The standing of a training / declaration dated ``on`` and the date its renewal is due."""
    if on is None or on > today:
        return Standing.MISSING, None
    due = on + RENEWAL_PERIOD
    if due < today:
        return Standing.RENEWAL_OVERDUE, due
    if due - RENEWAL_WARNING <= today:
        return Standing.EXPIRING, due
    return Standing.VALID, due


@dataclass(frozen=True)
class OrgSummary:
    id: str
    name: str
    created_at: datetime
    persons: int
    devices: int
    pending_pledges: int


@dataclass(frozen=True)
class PersonStatus:
    id: str
    org_id: str
    name: str
    training_on: date | None
    training: Standing
    training_due: date | None
    declaration_on: date | None
    declaration_text_version: str
    declaration: Standing
    declaration_due: date | None
    clearance_revoked_at: datetime | None
    resolutions: int  # valid resolutions naming the person


@dataclass(frozen=True)
class ResolutionInfo:
    id: str
    org_id: str
    decided_on: date
    body: str
    purposes: list[str]
    valid_until: date
    document_ref: str
    responsible: list[tuple[str, str]]  # (person id, name)
    state: str  # valid | expired | not_yet


@dataclass(frozen=True)
class DeviceInfo:
    id: str
    org_id: str
    name: str
    person_id: str
    person_name: str
    created_at: datetime
    last_seen_at: datetime | None
    revoked_at: datetime | None


@dataclass(frozen=True)
class CampaignProgress:
    id: str
    title: str
    purpose: str
    resolution_id: str
    released_at: datetime
    ends_on: date | None
    total: int
    by_status: dict[str, int]  # every ContactStatus value, 0 included


@dataclass(frozen=True)
class ChainBreak:
    expected_seq: int
    got_seq: int
    reason: str  # missing_entries | wrong_prev_hash | wrong_hash | seq_repeated
    event_id: str
    detected_at: datetime


@dataclass(frozen=True)
class ChainStatus:
    """The device's audit hash chain as the central office verified it on ingest (DP-21)."""

    verified_seq: int  # the last entry checked (0: none with chain fields yet)
    breaks: list[ChainBreak] = field(default_factory=list)

    @property
    def intact(self) -> bool:
        return not self.breaks


@dataclass(frozen=True)
class DeviceHealthView:
    device: DeviceInfo
    org_name: str
    sync: p.SyncHealth
    rejected: dict[str, int]  # reject reason -> count
    chain: ChainStatus


class Queries(OfficePart):
    def device_exposure(self, device_id: str) -> dict[str, Any]:
        """DP-24: the pseudonymous records and campaigns that were on the device (sync.server.exposure)."""
        from sync.server.exposure import device_exposure

        with self.engine.begin() as conn:
            return device_exposure(conn, device_id)

    def device_health(self, device_id: str) -> p.SyncHealth:
        with self.engine.begin() as conn:
            self._one(conn, db.devices, device_id, "device")
            return sync_health(conn, device_id)

    # ----------------------------------------------------------------------------------------------- pledges

    def list_pledges(self, org_id: str) -> list[Row[Any]]:
        with self.engine.begin() as conn:
            self._one(conn, db.orgs, org_id, "org")
            return list(
                conn.execute(
                    select(db.pledges)
                    .where(db.pledges.c.org_id == org_id)
                    .order_by(db.pledges.c.signed_at, db.pledges.c.id)
                )
            )

    # ----------------------------------------------------------------------------------------------- overviews

    def list_orgs(self) -> list[OrgSummary]:
        o, pe, d, pl = db.orgs, db.persons, db.devices, db.pledges
        with self.engine.begin() as conn:
            persons: dict[str, int] = dict(
                conn.execute(select(pe.c.org_id, func.count()).group_by(pe.c.org_id)).all()
            )
            devices: dict[str, int] = dict(
                conn.execute(
                    select(d.c.org_id, func.count()).where(d.c.revoked_at.is_(None)).group_by(d.c.org_id)
                ).all()
            )
            pending: dict[str, int] = dict(
                conn.execute(
                    select(pl.c.org_id, func.count()).where(pl.c.status == "pending").group_by(pl.c.org_id)
                ).all()
            )
            return [
                OrgSummary(
                    row.id,
                    row.name,
                    row.created_at,
                    persons.get(row.id, 0),
                    devices.get(row.id, 0),
                    pending.get(row.id, 0),
                )
                for row in conn.execute(select(o).order_by(o.c.name))
            ]

    def get_org(self, org_id: str) -> Row[Any]:
        with self.engine.begin() as conn:
            return self._one(conn, db.orgs, org_id, "org")

    def list_persons(self, org_id: str) -> list[PersonStatus]:
        with self.engine.begin() as conn:
            self._one(conn, db.orgs, org_id, "org")
            return self._person_status(conn, db.persons.c.org_id == org_id)

    def person_status(self, person_id: str) -> PersonStatus:
        with self.engine.begin() as conn:
            self._one(conn, db.persons, person_id, "person")
            return self._person_status(conn, db.persons.c.id == person_id)[0]

    def _person_status(self, conn: Connection, where: Any) -> list[PersonStatus]:
        today = self.today()
        pe, tr, de, r, rp = db.persons, db.trainings, db.declarations, db.resolutions, db.resolution_persons
        persons = conn.execute(select(pe).where(where).order_by(pe.c.name, pe.c.id)).all()
        ids = [row.id for row in persons]
        trained = dict(
            conn.execute(
                select(tr.c.person_id, func.max(tr.c.completed_on))
                .where(tr.c.person_id.in_(ids), tr.c.completed_on <= today)
                .group_by(tr.c.person_id)
            ).all()
        )
        declared: dict[str, Any] = {}
        for row in conn.execute(
            select(de.c.person_id, de.c.signed_on, de.c.text_version)
            .where(de.c.person_id.in_(ids), de.c.signed_on <= today)
            .order_by(de.c.signed_on, de.c.created_at)
        ):
            declared[row.person_id] = row  # the newest wins
        named: dict[str, int] = dict(
            conn.execute(
                select(rp.c.person_id, func.count())
                .join(r, r.c.id == rp.c.resolution_id)
                .where(rp.c.person_id.in_(ids), r.c.decided_on <= today, r.c.valid_until >= today)
                .group_by(rp.c.person_id)
            ).all()
        )
        out = []
        for row in persons:
            t_state, t_due = standing(trained.get(row.id), today)
            decl = declared.get(row.id)
            d_state, d_due = standing(decl.signed_on if decl else None, today)
            out.append(
                PersonStatus(
                    id=row.id,
                    org_id=row.org_id,
                    name=row.name,
                    training_on=trained.get(row.id),
                    training=t_state,
                    training_due=t_due,
                    declaration_on=decl.signed_on if decl else None,
                    declaration_text_version=decl.text_version if decl else "",
                    declaration=d_state,
                    declaration_due=d_due,
                    clearance_revoked_at=row.clearance_revoked_at,
                    resolutions=named.get(row.id, 0),
                )
            )
        return out

    def list_resolutions(self, org_id: str) -> list[ResolutionInfo]:
        today, r, rp, pe = self.today(), db.resolutions, db.resolution_persons, db.persons
        with self.engine.begin() as conn:
            self._one(conn, db.orgs, org_id, "org")
            rows = conn.execute(
                select(r).where(r.c.org_id == org_id).order_by(r.c.decided_on.desc(), r.c.created_at.desc())
            ).all()
            responsible: dict[str, list[tuple[str, str]]] = {}
            for link in conn.execute(
                select(rp.c.resolution_id, pe.c.id, pe.c.name)
                .join(pe, pe.c.id == rp.c.person_id)
                .where(rp.c.resolution_id.in_([row.id for row in rows]))
                .order_by(pe.c.name)
            ):
                responsible.setdefault(link.resolution_id, []).append((link.id, link.name))
        return [
            ResolutionInfo(
                id=row.id,
                org_id=row.org_id,
                decided_on=row.decided_on,
                body=row.body,
                purposes=list(row.purposes),
                valid_until=row.valid_until,
                document_ref=row.document_ref,
                responsible=responsible.get(row.id, []),
                state="not_yet"
                if today < row.decided_on
                else "expired"
                if today > row.valid_until
                else "valid",
            )
            for row in rows
        ]

    def list_devices(self, org_id: str | None = None) -> list[DeviceInfo]:
        d, pe = db.devices, db.persons
        with self.engine.begin() as conn:
            query = select(d, pe.c.name.label("person_name")).join(pe, pe.c.id == d.c.person_id)
            if org_id is not None:
                self._one(conn, db.orgs, org_id, "org")
                query = query.where(d.c.org_id == org_id)
            rows = conn.execute(query.order_by(d.c.revoked_at.is_not(None), d.c.created_at, d.c.id)).all()
        return [
            DeviceInfo(
                row.id,
                row.org_id,
                row.name,
                row.person_id,
                row.person_name,
                row.created_at,
                row.last_seen_at,
                row.revoked_at,
            )
            for row in rows
        ]

    def campaign_progress(self, org_id: str) -> list[CampaignProgress]:
        c, cc = db.campaigns, db.campaign_contacts
        with self.engine.begin() as conn:
            self._one(conn, db.orgs, org_id, "org")
            campaigns = conn.execute(
                select(c).where(c.c.org_id == org_id).order_by(c.c.released_at.desc())
            ).all()
            counts: dict[str, dict[str, int]] = {}
            for row in conn.execute(
                select(cc.c.campaign_id, cc.c.status, func.count())
                .where(cc.c.campaign_id.in_([row.id for row in campaigns]))
                .group_by(cc.c.campaign_id, cc.c.status)
            ):
                counts.setdefault(row[0], {})[row[1]] = row[2]
        out = []
        for row in campaigns:
            by_status = {s.value: counts.get(row.id, {}).get(s.value, 0) for s in ContactStatus}
            out.append(
                CampaignProgress(
                    row.id,
                    row.title,
                    row.purpose,
                    row.resolution_id,
                    row.released_at,
                    row.ends_on,
                    sum(by_status.values()),
                    by_status,
                )
            )
        return out

    def pending_pledges(self) -> list[Row[Any]]:
        """Pledges waiting for a decision, over all orgs, oldest first (with the org's and the lead's name)."""
        pl, o, pe = db.pledges, db.orgs, db.persons
        with self.engine.begin() as conn:
            return list(
                conn.execute(
                    select(pl, o.c.name.label("org_name"), pe.c.name.label("lead_name"))
                    .join(o, o.c.id == pl.c.org_id)
                    .join(pe, pe.c.id == pl.c.lead_person_id)
                    .where(pl.c.status == "pending")
                    .order_by(pl.c.signed_at, pl.c.id)
                )
            )

    def device_info(self, device_id: str) -> DeviceInfo:
        d, pe = db.devices, db.persons
        with self.engine.begin() as conn:
            row = conn.execute(
                select(d, pe.c.name.label("person_name"))
                .join(pe, pe.c.id == d.c.person_id)
                .where(d.c.id == device_id)
            ).first()
        if row is None:
            raise not_found("device", device_id)
        return DeviceInfo(
            row.id,
            row.org_id,
            row.name,
            row.person_id,
            row.person_name,
            row.created_at,
            row.last_seen_at,
            row.revoked_at,
        )

    def audit_chain(self, device_id: str) -> ChainStatus:
        with self.engine.begin() as conn:
            self._one(conn, db.devices, device_id, "device")
            return audit_chain_status(conn, device_id)

    def sync_overview(self, org_id: str | None = None) -> list[DeviceHealthView]:
        """Per device: sequence gaps, rejected items by reason, the audit chain (R12, DP-21)."""
        devices = self.list_devices(org_id)
        ik = db.idempotency_keys
        with self.engine.begin() as conn:
            names = dict(conn.execute(select(db.orgs.c.id, db.orgs.c.name)).all())
            rejected: dict[str, dict[str, int]] = {}
            for row in conn.execute(
                select(ik.c.device_id, ik.c.reason, func.count())
                .where(
                    ik.c.status == p.ItemStatus.REJECTED.value, ik.c.device_id.in_([d.id for d in devices])
                )
                .group_by(ik.c.device_id, ik.c.reason)
            ):
                rejected.setdefault(row[0], {})[row[1] or "?"] = row[2]
            return [
                DeviceHealthView(
                    d,
                    names.get(d.org_id, ""),
                    sync_health(conn, d.id),
                    rejected.get(d.id, {}),
                    audit_chain_status(conn, d.id),
                )
                for d in devices
            ]

    def rejected_items(self, device_id: str, limit: int = 100) -> list[Row[Any]]:
        """The device's rejected push items, newest first: sequence number, kind, reason (never the body)."""
        ik = db.idempotency_keys
        with self.engine.begin() as conn:
            self._one(conn, db.devices, device_id, "device")
            return list(
                conn.execute(
                    select(ik.c.seq, ik.c.kind, ik.c.reason, ik.c.created_at)
                    .where(ik.c.device_id == device_id, ik.c.status == p.ItemStatus.REJECTED.value)
                    .order_by(ik.c.seq.desc())
                    .limit(limit)
                )
            )


# --------------------------------------------------------------------------------------------------- sequence gaps

MAX_REPORTED_GAPS = 100


def _runs_above_mark() -> Any:
    """One pass over the device's numbers above the mark: each number beside the next one, the count and the
    lowest; kept are the highest number (no next one) and the numbers followed by a gap. Built once (every push
    answers with it: building and keying the statement cost more than PostgreSQL's part)."""
    s = db.device_seqs
    sub = (
        select(
            s.c.seq,
            func.lead(s.c.seq).over(order_by=s.c.seq).label("nxt"),
            func.count().over().label("n"),
            func.min(s.c.seq).over().label("lo"),
        )
        .where(s.c.device_id == bindparam("device_id"), s.c.seq > bindparam("mark"))
        .subquery()
    )
    return (
        select(sub.c.seq, sub.c.nxt, sub.c.n, sub.c.lo)
        .where(or_(sub.c.nxt.is_(None), sub.c.nxt > sub.c.seq + 1))
        .order_by(sub.c.nxt.is_not(None), sub.c.seq)  # the highest first, then the gaps in order
        .limit(MAX_REPORTED_GAPS + 1)
    )


_MARK = select(db.device_seq_marks.c.contiguous_to).where(
    db.device_seq_marks.c.device_id == bindparam("device_id")
)
_RUNS_ABOVE_MARK = _runs_above_mark()


def sync_health(conn: Connection, device_id: str) -> p.SyncHealth:
    """Which per-device sequence numbers never arrived (R12): gaps below the highest one received."""
    return sync_health_and_mark(conn, device_id)[0]


def sync_health_and_mark(conn: Connection, device_id: str) -> tuple[p.SyncHealth, int, int]:
    """:func:`sync_health`, the device's stored mark (every number from 1 to it arrived; db.device_seq_marks) and
    how far the numbers read show that run to go now (the mark to store, never less than the stored one).

    One pass over the device's numbers above the mark (every push answers with it; issue 17.3 bounds it by the
    mark): each number beside the next one, the count and the lowest; kept are the highest number (no next one)
    and the numbers followed by a gap. The answer is the same as over all numbers: those up to the mark are all
    there, so the gaps lie above it and the count is the mark plus the numbers above."""
    mark = conn.execute(_MARK, {"device_id": device_id}).scalar() or 0
    rows = conn.execute(_RUNS_ABOVE_MARK, {"device_id": device_id, "mark": mark}).all()
    if not rows:
        return p.SyncHealth(device_id=device_id, received=mark, highest_seq=mark, missing=[]), mark, mark
    top = rows[0]
    below = [p.SeqGap(first=mark + 1, last=top.lo - 1)] if top.lo > mark + 1 else []
    gaps = [p.SeqGap(first=row.seq + 1, last=row.nxt - 1) for row in rows[1:]]
    # The gap below the lowest number is reported beside the first MAX_REPORTED_GAPS others (the numbers of a
    # device that begins late); one above received numbers is one of them.
    missing = below + gaps[:MAX_REPORTED_GAPS] if mark == 0 else (below + gaps)[:MAX_REPORTED_GAPS]
    run_to = mark if below else rows[1].seq if len(rows) > 1 else top.seq
    health = p.SyncHealth(device_id=device_id, received=mark + top.n, highest_seq=top.seq, missing=missing)
    return health, mark, run_to


def audit_chain_status(conn: Connection, device_id: str) -> ChainStatus:
    """How far the device's audit chain is verified, and every break found on ingest (device_sync)."""
    ac, br = db.audit_chains, db.audit_chain_breaks
    verified = conn.execute(select(ac.c.last_seq).where(ac.c.device_id == device_id)).scalar() or 0
    breaks = [
        ChainBreak(row.expected_seq, row.got_seq, row.reason, row.event_id, row.detected_at)
        for row in conn.execute(
            select(br).where(br.c.device_id == device_id).order_by(br.c.id).limit(MAX_REPORTED_GAPS)
        )
    ]
    return ChainStatus(verified, breaks)
