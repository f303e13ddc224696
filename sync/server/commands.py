"""The central office's commands: every state change an administrator makes (CLI and web pages).

Each command runs in one transaction, writes one audit entry and returns what changed (the new id, the counts,
the new state). Reads for pages live in :mod:`sync.server.queries`; clearance signing in :mod:`sync.server.signing`.
"""

from __future__ import annotations

import csv
import json
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import String, Text, cast, func, insert, literal, select, text, update
from sqlalchemy.engine import Connection

from sync.core import ids
from sync.core.memberfile import MemberRecord
from sync.core.purposes import CATEGORIES, Field, UnknownPurpose, get_purpose
from sync.core.rules import ContactStatus
from sync.server import db, numbers, registers
from sync.server.common import OfficePart, ServiceError, audit, invalid, sha256_hex

ENROLMENT_CODE_VALIDITY = timedelta(hours=24)
DEFAULT_RESOLUTION_VALIDITY = timedelta(days=365)
MAX_RESPONSIBLE = 3
_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud over the phone


@dataclass(frozen=True)
class Revoked:
    """What a revocation changed: the clearances it ended and the org's revocation-list version after it.

    ``changed`` is False when the device or person was revoked already (nothing changed, nothing re-signed).
    """

    changed: bool
    clearances: int
    revocation_version: int


def bump_revocations(conn: Connection, org_id: str, now: datetime) -> int:
    """Every revocation raises the org's revocation-list version (monotonic, R9). Returns the new version."""
    updated = conn.execute(
        update(db.revocation_versions)
        .where(db.revocation_versions.c.org_id == org_id)
        .values(version=db.revocation_versions.c.version + 1, updated_at=now)
    ).rowcount
    if not updated:
        conn.execute(insert(db.revocation_versions).values(org_id=org_id, version=1, updated_at=now))
    return revocation_version(conn, org_id)


def revocation_version(conn: Connection, org_id: str) -> int:
    return (
        conn.execute(
            select(db.revocation_versions.c.version).where(db.revocation_versions.c.org_id == org_id)
        ).scalar()
        or 0
    )


def _new_id_sql(conn: Connection) -> Any:
    """A new random id made by the database, in the shape of ``db.new_id()`` (32 lowercase hex digits):
    PostgreSQL's ``gen_random_uuid()`` (122 random bits from its strong random source) without the dashes;
    SQLite's ``randomblob(16)``."""
    if conn.dialect.name == "postgresql":
        return func.replace(cast(func.gen_random_uuid(), Text), "-", "")
    return func.lower(func.hex(func.randomblob(16)))


def _bulk_release_settings(conn: Connection) -> None:
    """PostgreSQL: the feed rows' sort of a whole organisation's contacts stays in memory, not on disk
    (``SET LOCAL``: it ends with the release's transaction)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SET LOCAL work_mem = '64MB'"))


def _release_members(
    conn: Connection, org_id: str, campaign_id: str, categories: list[str], now: datetime
) -> int:
    """The org's callable members of the categories become open contacts of the campaign under new ids: one
    ``INSERT … SELECT`` in the database (issue 17.2; the rows never pass through Python). Returns how many."""
    m, cc = db.members, db.campaign_contacts
    chosen = select(
        _new_id_sql(conn),
        literal(campaign_id, String()),
        m.c.id,
        literal(ContactStatus.OPEN.value, String()),
        literal(now, cc.c.status_changed_at.type),
        *(literal(value, cc.c[name].type) for name, value in db.NOTHING_FOLDED.items()),  # nothing folded yet
    ).where(
        m.c.org_id == org_id,
        m.c.category.in_(categories),
        numbers.callable_member(org_id),  # a number not on the problem list (issue 13.2)
        registers.not_objected(org_id),  # the objection register holds for every release
    )  # (in no particular order: the feed rows below give the contacts their order)
    cols = ["id", "campaign_id", "member_id", "status", "status_changed_at", *db.NOTHING_FOLDED]
    conn.execute(insert(cc).from_select(cols, chosen))  # (rowcount of INSERT … SELECT: -1 through psycopg)
    return int(conn.execute(select(func.count()).where(cc.c.campaign_id == campaign_id)).scalar_one())


def _feed_contacts(conn: Connection, org_id: str, campaign_id: str) -> None:
    """One feed row per contact of the campaign, in the order of the member ids (so the order in which a PC
    receives and queues them, as when the contacts went in one by one in that order): one ``INSERT … SELECT``.

    Each row names ``org_id``, the organisation the release wrote the campaign with in the same transaction:
    ``feed.org_id`` has no foreign key of its own (migration 0011), the campaign's and the contact's keys
    check it."""
    cc, f = db.campaign_contacts, db.feed
    rows = (
        select(literal(org_id, String()), literal("contact", String()), cc.c.id)
        .where(cc.c.campaign_id == campaign_id)
        .order_by(cc.c.member_id)
    )
    conn.execute(insert(f).from_select(["org_id", "kind", "ref_id"], rows))


class Commands(OfficePart):
    # ----------------------------------------------------------------------------------------------- registry

    def add_org(self, name: str) -> str:
        name = name.strip()
        if not name:
            raise invalid("org_name_empty")
        with self.engine.begin() as conn:
            if conn.execute(select(db.orgs.c.id).where(db.orgs.c.name == name)).first():
                raise ServiceError("org_exists", status=409)
            org_id = db.new_id()
            conn.execute(insert(db.orgs).values(id=org_id, name=name, created_at=self.clock()))
            audit(conn, self.clock(), "org.add", org_id, org_id=org_id)
        return org_id

    def add_person(self, org_id: str, name: str) -> str:
        if not name.strip():
            raise invalid("name_empty")
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

    def import_members(
        self,
        org_id: str,
        records: Iterable[MemberRecord],
        member_numbers: Mapping[int, str] | None = None,
    ) -> tuple[int, int]:
        """Adds the records, or updates the org's member with the same member number (when the file has them)
        or else the same phone number. Returns (added, updated).

        ``member_numbers`` (row -> Mitgliedsnummer, sync.core.memberfile.member_numbers) are kept here only: the
        external id of the results exports, never in a pull (issue 14.4). A member whose number was on the
        number-problem list and who arrives with a different number is released into the running campaigns
        (issue 13.2, sync.server.numbers)."""
        now, added, updated = self.clock(), 0, 0
        m = db.members
        with self.engine.begin() as conn:
            self._one(conn, db.orgs, org_id, "org")
            known = {
                row.id: row
                for row in conn.execute(
                    select(m.c.id, m.c.phone, m.c.phone2, m.c.member_number).where(m.c.org_id == org_id)
                )
            }
            by_phone = {row.phone: mid for mid, row in known.items()}
            by_number = {row.member_number: mid for mid, row in known.items() if row.member_number}
            bad = numbers.bad_numbers(conn, org_id, [n for r in known.values() for n in (r.phone, r.phone2)])
            corrected: list[str] = []
            new_rows = []
            for rec in records:
                values = {f.value: getattr(rec, f.value) or "" for f in Field}
                values.update(
                    category=rec.category,
                    updated_at=now,
                    consent_date=date.fromisoformat(rec.consent_date) if rec.consent_date else None,
                )
                if member_numbers and rec.row in member_numbers:
                    values["member_number"] = member_numbers[rec.row]
                existing = by_number.get(values.get("member_number")) or by_phone.get(rec.phone)
                if existing is not None:
                    conn.execute(update(m).where(m.c.id == existing).values(**values))
                    updated += 1
                    old = known.get(existing)
                    if (
                        old is not None
                        and {old.phone, old.phone2} & bad
                        and ({values["phone"], values["phone2"]} != {old.phone, old.phone2})
                    ):
                        corrected.append(existing)
                else:
                    by_phone[rec.phone] = member_id = db.new_id()
                    new_rows.append({"member_number": None, "id": member_id, "org_id": org_id, **values})
            if new_rows:
                from sync.server.device_sync import insert_rows  # (device_sync imports the office)

                insert_rows(conn, m, new_rows)  # one statement on PostgreSQL (a whole list at once)
            added = len(new_rows)
            numbers.release_into_running(conn, org_id, corrected, now)
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
            raise invalid("resolution_no_purpose")
        for purpose in purposes:
            try:
                get_purpose(purpose)
            except UnknownPurpose:
                raise invalid("unknown_purpose", purpose=purpose) from None
        if not 1 <= len(responsible) <= MAX_RESPONSIBLE:
            raise invalid("resolution_responsible_count", max=MAX_RESPONSIBLE, count=len(responsible))
        if not body.strip():
            raise invalid("resolution_body_empty")
        valid_until = valid_until or decided_on + DEFAULT_RESOLUTION_VALIDITY
        if valid_until < decided_on:
            raise invalid("resolution_valid_until_before")
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
            raise invalid("date_in_future")
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
        *,
        content: dict[str, Any] | None = None,
    ) -> tuple[str, int]:
        """Releases the org's members (of the given categories, with a phone number) under new pseudonymous ids.

        ``content`` is version 1 of the campaign's content (sync.server.content: script, transparency, questions,
        rules); without a script and a transparency answer nothing is released (issue 14.1)."""
        from sync.server import content as campaign_content

        content = {**(content or {}), "ends_on": ends_on}
        campaign_content.check_release(content)
        categories = sorted(set(categories))
        if not title.strip() or len(title) > 120:
            raise invalid("campaign_title_length", max=120)
        try:
            get_purpose(purpose)
        except UnknownPurpose:
            raise invalid("unknown_purpose", purpose=purpose) from None
        if not categories or set(categories) - set(CATEGORIES):
            raise invalid("campaign_categories", categories=", ".join(CATEGORIES))
        today, now = self.today(), self.clock()
        if ends_on is not None and ends_on < today:
            raise invalid("campaign_ends_in_past")
        with self.engine.begin() as conn:
            self._one(conn, db.orgs, org_id, "org")
            resolution = self._one(conn, db.resolutions, resolution_id, "resolution")
            if resolution.org_id != org_id:
                raise invalid("resolution_other_org")
            if not resolution.decided_on <= today <= resolution.valid_until:
                raise invalid(
                    "resolution_not_valid_today",
                    valid_from=resolution.decided_on.isoformat(),
                    valid_until=resolution.valid_until.isoformat(),
                )
            if purpose not in resolution.purposes:
                raise invalid("resolution_purpose_not_covered", purpose=purpose)
            _bulk_release_settings(conn)
            campaign_id = ids.new_id()  # time first: its contacts go to the end of the campaign indexes
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
            released = _release_members(conn, org_id, campaign_id, categories, now)
            if not released:
                raise invalid("campaign_no_members")  # (rolls the campaign back)
            conn.execute(insert(db.feed).values(org_id=org_id, kind="campaign", ref_id=campaign_id))
            campaign_content.initial_content(conn, campaign_id, org_id, content, now)
            _feed_contacts(conn, org_id, campaign_id)
            audit(conn, now, "campaign.release", campaign_id, resolution_id, org_id=org_id)
        return campaign_id, released

    # ----------------------------------------------------------------------------------------------- numbers

    def correct_number(self, org_id: str, member_id: str, number: str) -> numbers.Corrected:
        """Staff enter a person's corrected number (issue 14.3): normalised, audited (ids only), and the person
        is released into the running campaigns at the next pull (sync.server.numbers.correct)."""
        now = self.clock()
        with self.engine.begin() as conn:
            self._one(conn, db.orgs, org_id, "org")
            done = numbers.correct(conn, org_id, member_id, number, now)
            audit(conn, now, "numbers.correct", member_id, org_id=org_id)
        return done

    def number_problems(self, org_id: str) -> list[numbers.Entry]:
        with self.engine.begin() as conn:
            self._one(conn, db.orgs, org_id, "org")
            return numbers.entries(conn, org_id)

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

    def revoke_device(self, device_id: str) -> Revoked:
        now = self.clock()
        with self.engine.begin() as conn:
            device = self._one(conn, db.devices, device_id, "device")
            changed, clearances = device.revoked_at is None, 0
            if changed:
                conn.execute(update(db.devices).where(db.devices.c.id == device_id).values(revoked_at=now))
                clearances = conn.execute(
                    update(db.clearances)
                    .where(db.clearances.c.device_id == device_id, db.clearances.c.revoked_at.is_(None))
                    .values(revoked_at=now)
                ).rowcount
                version = bump_revocations(conn, device.org_id, now)
            else:
                version = revocation_version(conn, device.org_id)
            audit(conn, now, "device.revoke", device_id, org_id=device.org_id)
        return Revoked(changed, clearances, version)

    def revoke_clearance(self, person_id: str) -> Revoked:
        now = self.clock()
        with self.engine.begin() as conn:
            person = self._one(conn, db.persons, person_id, "person")
            changed, clearances = person.clearance_revoked_at is None, 0
            if changed:
                conn.execute(
                    update(db.persons).where(db.persons.c.id == person_id).values(clearance_revoked_at=now)
                )
                clearances = conn.execute(
                    update(db.clearances)
                    .where(db.clearances.c.person_id == person_id, db.clearances.c.revoked_at.is_(None))
                    .values(revoked_at=now)
                ).rowcount
                version = bump_revocations(conn, person.org_id, now)
            else:
                version = revocation_version(conn, person.org_id)
            audit(conn, now, "clearance.revoke", person_id, org_id=person.org_id)
        return Revoked(changed, clearances, version)

    def decide_pledge(self, pledge_id: str, confirm: bool) -> str:
        """Confirms or rejects a pending pledge; returns its new status."""
        now, status = self.clock(), "confirmed" if confirm else "rejected"
        with self.engine.begin() as conn:
            pledge = self._one(conn, db.pledges, pledge_id, "pledge")
            if pledge.status != "pending":
                raise ServiceError(
                    "pledge_decided", status=409, params={"pledge": pledge_id, "status": pledge.status}
                )
            conn.execute(
                update(db.pledges).where(db.pledges.c.id == pledge_id).values(status=status, decided_at=now)
            )
            conn.execute(insert(db.feed).values(org_id=pledge.org_id, kind="pledge", ref_id=pledge_id))
            audit(
                conn, now, "pledge.confirm" if confirm else "pledge.reject", pledge_id, org_id=pledge.org_id
            )
        return status

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
            audit(conn, self.clock(), "results.export", org_id, "csv", org_id=org_id)
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
