"""The rules of the central office (design.md "The process from the letter", DP-11, DP-20).

The command line and a later web page are thin layers over :class:`CentralOffice`. Every method runs in one
transaction and raises :class:`ServiceError` (stable ``code`` + HTTP ``status``) for anything a user can fix.
Logs and the audit log carry ids only, never names, numbers or contents.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import json
import logging
import secrets
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from enum import StrEnum
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import Engine, func, insert, or_, select, update
from sqlalchemy.engine import Connection, Row

from sync.core import clearance as clr
from sync.core import protocol as p
from sync.core.memberfile import MemberRecord
from sync.core.purposes import CATEGORIES, Field, UnknownPurpose, get_purpose
from sync.server import db, registers

log = logging.getLogger("telefonaktion.zentrale")

ENROLMENT_CODE_VALIDITY = timedelta(hours=24)
CLEARANCE_LIFETIME = timedelta(days=7)
REVOCATION_LIST_LIFETIME = timedelta(days=3)
DEFAULT_RESOLUTION_VALIDITY = timedelta(days=365)
MAX_RESPONSIBLE = 3
_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud over the phone

try:
    LOCAL_TZ: Any = ZoneInfo("Europe/Berlin")  # resolution dates are German calendar days
except ZoneInfoNotFoundError:  # pragma: no cover - a system without tz database
    LOCAL_TZ = UTC


def utcnow() -> datetime:
    return datetime.now(UTC)


class ServiceError(Exception):
    """Something a user (admin or device) can fix; ``code`` is stable, ``status`` the HTTP status."""

    def __init__(self, code: str, message: str, status: int = 422) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status


def not_found(what: str, ident: str) -> ServiceError:
    return ServiceError("not_found", f"{what} {ident} not found", 404)


def invalid(message: str) -> ServiceError:
    return ServiceError("invalid", message, 422)


@dataclass(frozen=True)
class Device:
    id: str
    org_id: str
    person_id: str


def sha256_hex(data: str | bytes) -> str:
    return hashlib.sha256(data.encode() if isinstance(data, str) else data).hexdigest()


def normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


_ACTOR: ContextVar[str | None] = ContextVar("telefonaktion_zentrale_actor", default=None)


@contextmanager
def acting_as(staff_id: str) -> Iterator[None]:
    """Admin actions inside this block are audited with the staff member's id (the web interface)."""
    token = _ACTOR.set(staff_id)
    try:
        yield
    finally:
        _ACTOR.reset(token)


def audit(
    conn: Connection,
    now: datetime,
    action: str,
    *ref_ids: str,
    org_id: str | None = None,
    device_id: str | None = None,
    source: str = "admin",
) -> None:
    conn.execute(
        insert(db.audit_log).values(
            at=now,
            source=source,
            org_id=org_id,
            device_id=device_id,
            action=action,
            ref_ids=list(ref_ids),
            actor_id=_ACTOR.get() if source == "admin" else None,
        )
    )
    log.info("%s %s", action, " ".join(ref_ids))


def bump_revocations(conn: Connection, org_id: str, now: datetime) -> None:
    """Every revocation raises the org's revocation-list version (monotonic, R9)."""
    updated = conn.execute(
        update(db.revocation_versions)
        .where(db.revocation_versions.c.org_id == org_id)
        .values(version=db.revocation_versions.c.version + 1, updated_at=now)
    ).rowcount
    if not updated:
        conn.execute(insert(db.revocation_versions).values(org_id=org_id, version=1, updated_at=now))


# --------------------------------------------------------------------------------------------------- overviews
# Read-only views for the web interface. They decide nothing that the rules above and below do not decide.

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


class CentralOffice:
    def __init__(self, engine: Engine, *, clock: Callable[[], datetime] = utcnow) -> None:
        self.engine = engine
        self.clock = clock
        self._key: clr.SigningKey | None = None

    def today(self) -> date:
        return self.clock().astimezone(LOCAL_TZ).date()

    # ----------------------------------------------------------------------------------------------- lookups

    def _one(self, conn: Connection, table: Any, ident: str, what: str) -> Row[Any]:
        row = conn.execute(select(table).where(table.c.id == ident)).first()
        if row is None:
            raise not_found(what, ident)
        return row

    def _person_of_org(self, conn: Connection, person_id: str, org_id: str) -> Row[Any]:
        person = self._one(conn, db.persons, person_id, "person")
        if person.org_id != org_id:
            raise invalid(f"person {person_id} does not belong to org {org_id}")
        return person

    # ----------------------------------------------------------------------------------------------- registry

    def add_org(self, name: str) -> str:
        name = name.strip()
        if not name:
            raise invalid("the org name is empty")
        with self.engine.begin() as conn:
            if conn.execute(select(db.orgs.c.id).where(db.orgs.c.name == name)).first():
                raise ServiceError("conflict", "an org with this name exists already", 409)
            org_id = db.new_id()
            conn.execute(insert(db.orgs).values(id=org_id, name=name, created_at=self.clock()))
            audit(conn, self.clock(), "org.add", org_id, org_id=org_id)
        return org_id

    def add_person(self, org_id: str, name: str) -> str:
        if not name.strip():
            raise invalid("the name is empty")
        with self.engine.begin() as conn:
            self._one(conn, db.orgs, org_id, "org")
            person_id = db.new_id()
            conn.execute(
                insert(db.persons).values(
                    id=person_id, org_id=org_id, name=name.strip(), created_at=self.clock()
                )
            )
            audit(conn, self.clock(), "person.add", person_id, org_id=org_id)
        return person_id

    def import_members(self, org_id: str, records: Iterable[MemberRecord]) -> tuple[int, int]:
        """Adds the records, or updates the org's member with the same phone number. Returns (added, updated)."""
        now, added, updated = self.clock(), 0, 0
        m = db.members
        with self.engine.begin() as conn:
            self._one(conn, db.orgs, org_id, "org")
            by_phone = dict(conn.execute(select(m.c.phone, m.c.id).where(m.c.org_id == org_id)).all())
            new_rows = []
            for rec in records:
                values = {f.value: getattr(rec, f.value) or "" for f in Field}
                values.update(
                    category=rec.category,
                    updated_at=now,
                    consent_date=date.fromisoformat(rec.consent_date) if rec.consent_date else None,
                )
                if rec.phone in by_phone:
                    conn.execute(update(m).where(m.c.id == by_phone[rec.phone]).values(**values))
                    updated += 1
                else:
                    by_phone[rec.phone] = member_id = db.new_id()
                    new_rows.append({"id": member_id, "org_id": org_id, **values})
            if new_rows:
                conn.execute(insert(m), new_rows)
            added = len(new_rows)
            audit(conn, now, "members.import", org_id, org_id=org_id)
        return added, updated

    def add_resolution(
        self,
        org_id: str,
        decided_on: date,
        body: str,
        purposes: Iterable[str],
        responsible: Iterable[str],
        valid_until: date | None = None,
        document_ref: str = "",
    ) -> str:
        purposes, responsible = sorted(set(purposes)), list(dict.fromkeys(responsible))
        if not purposes:
            raise invalid("a resolution needs at least one purpose")
        for purpose in purposes:
            try:
                get_purpose(purpose)
            except UnknownPurpose:
                raise invalid(f"unknown purpose {purpose!r}") from None
        if not 1 <= len(responsible) <= MAX_RESPONSIBLE:
            raise invalid(
                f"a resolution names 1 to {MAX_RESPONSIBLE} responsible persons, not {len(responsible)}"
            )
        if not body.strip():
            raise invalid("the deciding body is empty")
        valid_until = valid_until or decided_on + DEFAULT_RESOLUTION_VALIDITY
        if valid_until < decided_on:
            raise invalid("valid-until lies before the date of the resolution")
        with self.engine.begin() as conn:
            self._one(conn, db.orgs, org_id, "org")
            for person_id in responsible:
                self._person_of_org(conn, person_id, org_id)
            resolution_id = db.new_id()
            conn.execute(
                insert(db.resolutions).values(
                    id=resolution_id,
                    org_id=org_id,
                    decided_on=decided_on,
                    body=body.strip(),
                    purposes=purposes,
                    valid_until=valid_until,
                    document_ref=document_ref,
                    created_at=self.clock(),
                )
            )
            conn.execute(
                insert(db.resolution_persons),
                [{"resolution_id": resolution_id, "person_id": pid} for pid in responsible],
            )
            audit(conn, self.clock(), "resolution.add", resolution_id, *responsible, org_id=org_id)
        return resolution_id

    def record_training(self, person_id: str, completed_on: date) -> str:
        return self._record(db.trainings, "training.record", person_id, completed_on=completed_on)

    def record_declaration(
        self, person_id: str, signed_on: date, text_version: str = "", document_ref: str = ""
    ) -> str:
        return self._record(
            db.declarations,
            "declaration.record",
            person_id,
            signed_on=signed_on,
            text_version=text_version,
            document_ref=document_ref,
        )

    def _record(self, table: Any, action: str, person_id: str, **values: Any) -> str:
        on = next(v for v in values.values() if isinstance(v, date))
        if on > self.today():
            raise invalid("the date lies in the future")
        with self.engine.begin() as conn:
            person = self._one(conn, db.persons, person_id, "person")
            record_id = db.new_id()
            conn.execute(
                insert(table).values(id=record_id, person_id=person_id, created_at=self.clock(), **values)
            )
            audit(conn, self.clock(), action, record_id, person_id, org_id=person.org_id)
        return record_id

    def release_campaign(
        self,
        org_id: str,
        title: str,
        purpose: str,
        resolution_id: str,
        categories: Iterable[str] = ("member",),
        ends_on: date | None = None,
    ) -> tuple[str, int]:
        """Releases the org's members (of the given categories, with a phone number) under new pseudonymous ids."""
        categories = sorted(set(categories))
        if not title.strip() or len(title) > 120:
            raise invalid("the title must have 1 to 120 characters")
        try:
            get_purpose(purpose)
        except UnknownPurpose:
            raise invalid(f"unknown purpose {purpose!r}") from None
        if not categories or set(categories) - set(CATEGORIES):
            raise invalid(f"categories must be among {', '.join(CATEGORIES)}")
        today, now = self.today(), self.clock()
        if ends_on is not None and ends_on < today:
            raise invalid("the campaign would end in the past")
        with self.engine.begin() as conn:
            self._one(conn, db.orgs, org_id, "org")
            resolution = self._one(conn, db.resolutions, resolution_id, "resolution")
            if resolution.org_id != org_id:
                raise invalid("the resolution belongs to another org")
            if not resolution.decided_on <= today <= resolution.valid_until:
                raise invalid(
                    f"the resolution is not valid today (valid {resolution.decided_on} to "
                    f"{resolution.valid_until})"
                )
            if purpose not in resolution.purposes:
                raise invalid(f"the resolution does not cover the purpose {purpose!r}")
            member_ids = (
                conn.execute(
                    select(db.members.c.id)
                    .where(
                        db.members.c.org_id == org_id,
                        db.members.c.category.in_(categories),
                        or_(db.members.c.phone != "", db.members.c.phone2 != ""),
                        registers.not_objected(org_id),  # the objection register holds for every release
                    )
                    .order_by(db.members.c.id)
                )
                .scalars()
                .all()
            )
            if not member_ids:
                raise invalid("the org has no members with a phone number in these categories")
            campaign_id = db.new_id()
            conn.execute(
                insert(db.campaigns).values(
                    id=campaign_id,
                    org_id=org_id,
                    title=title.strip(),
                    purpose=purpose,
                    categories=categories,
                    resolution_id=resolution_id,
                    released_at=now,
                    ends_on=ends_on,
                )
            )
            contacts = [
                {
                    "id": db.new_id(),
                    "campaign_id": campaign_id,
                    "member_id": mid,
                    "status": "open",
                    "status_changed_at": now,
                }
                for mid in member_ids
            ]
            conn.execute(insert(db.campaign_contacts), contacts)
            conn.execute(
                insert(db.feed),
                [{"org_id": org_id, "kind": "campaign", "ref_id": campaign_id}]
                + [{"org_id": org_id, "kind": "contact", "ref_id": c["id"]} for c in contacts],
            )
            audit(conn, now, "campaign.release", campaign_id, resolution_id, org_id=org_id)
        return campaign_id, len(contacts)

    # ----------------------------------------------------------------------------------------------- devices

    def create_enrolment_code(self, org_id: str, person_id: str) -> tuple[str, datetime]:
        code = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(16))  # 80 bits
        now = self.clock()
        expires_at = now + ENROLMENT_CODE_VALIDITY
        with self.engine.begin() as conn:
            self._one(conn, db.orgs, org_id, "org")
            self._person_of_org(conn, person_id, org_id)
            conn.execute(
                insert(db.enrolment_codes).values(
                    code_hash=sha256_hex(code),
                    org_id=org_id,
                    person_id=person_id,
                    created_at=now,
                    expires_at=expires_at,
                )
            )
            audit(conn, now, "enrolment.code", person_id, org_id=org_id)
        return "-".join(code[i : i + 4] for i in range(0, 16, 4)), expires_at

    def revoke_device(self, device_id: str) -> None:
        now = self.clock()
        with self.engine.begin() as conn:
            device = self._one(conn, db.devices, device_id, "device")
            if device.revoked_at is None:
                conn.execute(update(db.devices).where(db.devices.c.id == device_id).values(revoked_at=now))
                conn.execute(
                    update(db.clearances)
                    .where(db.clearances.c.device_id == device_id, db.clearances.c.revoked_at.is_(None))
                    .values(revoked_at=now)
                )
                bump_revocations(conn, device.org_id, now)
            audit(conn, now, "device.revoke", device_id, org_id=device.org_id)

    def revoke_clearance(self, person_id: str) -> None:
        now = self.clock()
        with self.engine.begin() as conn:
            person = self._one(conn, db.persons, person_id, "person")
            if person.clearance_revoked_at is None:
                conn.execute(
                    update(db.persons).where(db.persons.c.id == person_id).values(clearance_revoked_at=now)
                )
                conn.execute(
                    update(db.clearances)
                    .where(db.clearances.c.person_id == person_id, db.clearances.c.revoked_at.is_(None))
                    .values(revoked_at=now)
                )
                bump_revocations(conn, person.org_id, now)
            audit(conn, now, "clearance.revoke", person_id, org_id=person.org_id)

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

    def decide_pledge(self, pledge_id: str, confirm: bool) -> None:
        now, status = self.clock(), "confirmed" if confirm else "rejected"
        with self.engine.begin() as conn:
            pledge = self._one(conn, db.pledges, pledge_id, "pledge")
            if pledge.status != "pending":
                raise ServiceError("conflict", f"pledge {pledge_id} is already {pledge.status}", 409)
            conn.execute(
                update(db.pledges).where(db.pledges.c.id == pledge_id).values(status=status, decided_at=now)
            )
            conn.execute(insert(db.feed).values(org_id=pledge.org_id, kind="pledge", ref_id=pledge_id))
            audit(
                conn, now, "pledge.confirm" if confirm else "pledge.reject", pledge_id, org_id=pledge.org_id
            )

    # ----------------------------------------------------------------------------------------------- results

    EXPORT_COLUMNS = (
        "contact_id",
        "campaign_id",
        "report_id",
        "outcome",
        "zetkin_code",
        "created_at",
        "callback_after",
        "organizer_action",
        "corrects",
        "answers",
    )

    def export_results(self, org_id: str, out: Path) -> int:
        """CSV, one row per outcome: pseudonymous ids and codes only (no names, numbers, notes or messages)."""
        r = db.reports
        with self.engine.begin() as conn:
            self._one(conn, db.orgs, org_id, "org")
            rows = conn.execute(select(r).where(r.c.org_id == org_id).order_by(r.c.created_at, r.c.pk)).all()
            audit(conn, self.clock(), "results.export", org_id, org_id=org_id)
        tmp = out.with_name(out.name + ".tmp")
        with tmp.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow(self.EXPORT_COLUMNS)
            for row in rows:
                writer.writerow(
                    [
                        row.contact_id,
                        row.campaign_id,
                        row.report_id,
                        row.outcome,
                        "" if row.zetkin is None else row.zetkin,
                        row.created_at.isoformat(),
                        row.callback_after.isoformat() if row.callback_after else "",
                        int(row.organizer_action),
                        row.corrects or "",
                        json.dumps(row.answers, ensure_ascii=False, sort_keys=True),
                    ]
                )
        tmp.replace(out)
        return len(rows)

    # ----------------------------------------------------------------------------------------------- overviews

    def list_orgs(self) -> list[OrgSummary]:
        o, pe, d, pl = db.orgs, db.persons, db.devices, db.pledges
        with self.engine.begin() as conn:
            persons = dict(conn.execute(select(pe.c.org_id, func.count()).group_by(pe.c.org_id)).all())
            devices = dict(
                conn.execute(
                    select(d.c.org_id, func.count()).where(d.c.revoked_at.is_(None)).group_by(d.c.org_id)
                ).all()
            )
            pending = dict(
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
        declared: dict[str, Row[Any]] = {}
        for row in conn.execute(
            select(de.c.person_id, de.c.signed_on, de.c.text_version)
            .where(de.c.person_id.in_(ids), de.c.signed_on <= today)
            .order_by(de.c.signed_on, de.c.created_at)
        ):
            declared[row.person_id] = row  # the newest wins
        named = dict(
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
            by_status = {s.value: counts.get(row.id, {}).get(s.value, 0) for s in p.ContactStatus}
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

    # ----------------------------------------------------------------------------------------------- keys

    def signing_key(self) -> clr.SigningKey:
        """The active Ed25519 signing key, generated on first use. The private key is never logged."""
        if self._key is None:
            with self.engine.begin() as conn:
                row = conn.execute(
                    select(db.signing_keys.c.private_key)
                    .where(db.signing_keys.c.active)
                    .order_by(db.signing_keys.c.created_at, db.signing_keys.c.kid)
                ).first()
                if row is None:
                    key = clr.generate_signing_key()
                    conn.execute(
                        insert(db.signing_keys).values(
                            kid=key.kid,
                            private_key=key.private_bytes(),
                            public_key=key.public_bytes(),
                            created_at=self.clock(),
                            active=True,
                        )
                    )
                    audit(conn, self.clock(), "key.generate", key.kid, source="server")
                else:
                    key = clr.load_signing_key(row.private_key)
            self._key = key
        return self._key

    def pinned_keys(self) -> list[p.PinnedKey]:
        self.signing_key()
        with self.engine.begin() as conn:
            rows = conn.execute(
                select(db.signing_keys.c.kid, db.signing_keys.c.public_key)
                .where(db.signing_keys.c.active)
                .order_by(db.signing_keys.c.kid)
            ).all()
        return [
            p.PinnedKey(
                kid=row.kid, public_key=base64.urlsafe_b64encode(row.public_key).rstrip(b"=").decode()
            )
            for row in rows
        ]

    # ----------------------------------------------------------------------------------------------- clearances

    def clearances_for(
        self, conn: Connection, device: Device, now: datetime
    ) -> tuple[list[p.ClearanceGrant], list[p.ClearanceRefusal]]:
        """Issue (or reuse) clearances for the device's person, or say why not (DP-11)."""
        today = now.astimezone(LOCAL_TZ).date()
        person = conn.execute(select(db.persons).where(db.persons.c.id == device.person_id)).one()
        trained = conn.execute(
            select(db.trainings.c.id).where(
                db.trainings.c.person_id == person.id, db.trainings.c.completed_on <= today
            )
        ).first()
        declared = conn.execute(
            select(db.declarations.c.id).where(
                db.declarations.c.person_id == person.id, db.declarations.c.signed_on <= today
            )
        ).first()
        resolutions = conn.execute(
            select(db.resolutions).where(db.resolutions.c.org_id == device.org_id)
        ).all()
        mine = set(
            conn.execute(
                select(db.resolution_persons.c.resolution_id).where(
                    db.resolution_persons.c.person_id == person.id
                )
            ).scalars()
        )
        valid = [r for r in resolutions if r.decided_on <= today <= r.valid_until]
        purposes = set(
            conn.execute(
                select(db.campaigns.c.purpose).where(
                    db.campaigns.c.org_id == device.org_id,
                    or_(db.campaigns.c.ends_on.is_(None), db.campaigns.c.ends_on >= today),
                )
            ).scalars()
        )
        purposes |= {pp for r in valid if r.id in mine for pp in r.purposes}

        chosen: dict[str, Row[Any]] = {}
        refusals = []
        for purpose in sorted(purposes) or [None]:
            reasons = []
            if person.clearance_revoked_at is not None:
                reasons.append(p.ClearanceReason.REVOKED)
            covering = [r for r in resolutions if purpose is None or purpose in r.purposes]
            usable = [r for r in valid if r in covering and r.id in mine]
            if not covering:
                reasons.append(p.ClearanceReason.NO_RESOLUTION)
            elif not any(r in covering for r in valid):
                reasons.append(p.ClearanceReason.RESOLUTION_EXPIRED)
            elif not usable:
                reasons.append(p.ClearanceReason.NOT_RESPONSIBLE)
            if trained is None:
                reasons.append(p.ClearanceReason.NO_TRAINING)
            if declared is None:
                reasons.append(p.ClearanceReason.NO_DECLARATION)
            if reasons:
                refusals.append(p.ClearanceRefusal(purpose=purpose, reasons=reasons))
            else:
                best = max(usable, key=lambda r: (r.valid_until, r.id))
                chosen[best.id] = best
        grants = [self._grant(conn, device, r, now) for r in chosen.values()]
        return grants, refusals

    def _grant(
        self, conn: Connection, device: Device, resolution: Row[Any], now: datetime
    ) -> p.ClearanceGrant:
        c = db.clearances
        purposes = sorted(resolution.purposes)
        reusable = conn.execute(
            select(c.c.signed)
            .where(
                c.c.device_id == device.id,
                c.c.person_id == device.person_id,
                c.c.resolution_id == resolution.id,
                c.c.revoked_at.is_(None),
                c.c.expires_at > now + CLEARANCE_LIFETIME / 2,
            )
            .order_by(c.c.expires_at.desc())
        ).first()
        if reusable is not None:
            signed = clr.SignedClearance.model_validate(reusable.signed)
        else:
            end_of_validity = datetime.combine(resolution.valid_until + timedelta(days=1), time(), LOCAL_TZ)
            key, clearance_id = self.signing_key(), db.new_id()
            claims = clr.ClearanceClaims(
                clearance_id=clearance_id,
                kid=key.kid,
                person_id=device.person_id,
                device_id=device.id,
                org_id=device.org_id,
                purposes=tuple(purposes),
                resolution_id=resolution.id,
                role="lead",
                issued_at=now,
                not_before=now,
                expires_at=min(now + CLEARANCE_LIFETIME, end_of_validity),
            )
            signed = key.sign_clearance(claims)
            conn.execute(
                insert(c).values(
                    id=clearance_id,
                    org_id=device.org_id,
                    person_id=device.person_id,
                    device_id=device.id,
                    resolution_id=resolution.id,
                    purposes=purposes,
                    issued_at=claims.issued_at,
                    expires_at=claims.expires_at,
                    signed=signed.model_dump(mode="json"),
                )
            )
            audit(
                conn,
                now,
                "clearance.issue",
                clearance_id,
                device.person_id,
                resolution.id,
                org_id=device.org_id,
                device_id=device.id,
                source="server",
            )
        return p.ClearanceGrant(resolution_id=resolution.id, purposes=purposes, clearance=signed)

    def revocation_list(self, conn: Connection, org_id: str, now: datetime) -> clr.SignedRevocationList:
        version = (
            conn.execute(
                select(db.revocation_versions.c.version).where(db.revocation_versions.c.org_id == org_id)
            ).scalar()
            or 0
        )
        c = db.clearances
        revoked_clearances = (
            conn.execute(
                select(c.c.id).where(c.c.org_id == org_id, c.c.revoked_at.is_not(None), c.c.expires_at > now)
            )
            .scalars()
            .all()
        )
        revoked_persons = (
            conn.execute(
                select(db.persons.c.id).where(
                    db.persons.c.org_id == org_id, db.persons.c.clearance_revoked_at.is_not(None)
                )
            )
            .scalars()
            .all()
        )
        revoked_devices = (
            conn.execute(
                select(db.devices.c.id).where(
                    db.devices.c.org_id == org_id, db.devices.c.revoked_at.is_not(None)
                )
            )
            .scalars()
            .all()
        )
        return self.signing_key().sign_revocations(
            clr.RevocationList(
                version=version,
                org_id=org_id,
                issued_at=now,
                expires_at=now + REVOCATION_LIST_LIFETIME,
                revoked_clearance_ids=tuple(revoked_clearances),
                revoked_person_ids=tuple(revoked_persons),
                revoked_device_ids=tuple(revoked_devices),
            )
        )


# --------------------------------------------------------------------------------------------------- sequence gaps

MAX_REPORTED_GAPS = 100


def sync_health(conn: Connection, device_id: str) -> p.SyncHealth:
    """Which per-device sequence numbers never arrived (R12): gaps below the highest one received."""
    s = db.device_seqs
    count, highest, lowest = conn.execute(
        select(func.count(), func.max(s.c.seq), func.min(s.c.seq)).where(s.c.device_id == device_id)
    ).one()
    gaps = []
    if lowest is not None and lowest > 1:
        gaps.append(p.SeqGap(first=1, last=lowest - 1))
    nxt = func.lead(s.c.seq).over(order_by=s.c.seq).label("nxt")
    sub = select(s.c.seq, nxt).where(s.c.device_id == device_id).subquery()
    for first, last in conn.execute(
        select(sub.c.seq + 1, sub.c.nxt - 1)
        .where(sub.c.nxt > sub.c.seq + 1)
        .order_by(sub.c.seq)
        .limit(MAX_REPORTED_GAPS)
    ):
        gaps.append(p.SeqGap(first=first, last=last))
    return p.SyncHealth(device_id=device_id, received=count, highest_seq=highest or 0, missing=gaps)


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
