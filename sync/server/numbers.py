"""Number problems (issue 13.2, DP-18): owner of ``number_problems``; staff number corrections (issue 14.3).

- A report "wrong number" or "not in service" puts the number(s) it names (``wrong_numbers``: the fields as the
  PC showed them) on the organisation's list, with the member it was reported for.
- A number on the list is never released again: a member is released (and kept in running campaigns) with the
  numbers that are not on the list; with none left the member is not released, and open contacts of the member in
  running campaigns get the number problem as their status.
- A corrected number makes the member callable again: staff enter it (``correct``: normalised with phonenumbers,
  audited), or a membership import brings a different number (``commands.import_members``). The member is then
  released into every running campaign that does not hold them yet, and the PCs receive the new number at their
  next pull. Staff entering the very number that is on the list confirm it: it leaves the list.
- Staff see the list with masked numbers only (``entries``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import phonenumbers
from sqlalchemy import and_, insert, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from sync.core import protocol as p
from sync.core.rules import STATUS_PRECEDENCE, ContactStatus, Outcome
from sync.server import db, registers
from sync.server.common import ServiceError, invalid

PROBLEM_OUTCOMES = {Outcome.WRONG_NUMBER: "wrong_number", Outcome.NOT_IN_SERVICE: "not_in_service"}


def mask(number: str) -> str:
    """A number as staff lists show it: country and area prefix and the last two digits (``+4930…07``)."""
    return number[:5] + "…" + number[-2:] if len(number) > 8 else "…"


def normalise(text: str) -> str:
    """E.164 of a number a person typed (German numbers without a prefix); raises a ServiceError otherwise."""
    try:
        num = phonenumbers.parse(text.strip(), "DE")
    except phonenumbers.NumberParseException:
        raise invalid("number_unreadable") from None
    if not phonenumbers.is_valid_number(num):
        raise invalid("number_invalid")
    if phonenumbers.number_type(num) == phonenumbers.PhoneNumberType.PREMIUM_RATE:
        raise invalid("number_premium_rate")
    return phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)


def active(org_id: str) -> Any:
    """The numbers on the organisation's list (a subquery)."""
    np = db.number_problems
    return select(np.c.number).where(np.c.org_id == org_id, np.c.resolved_at.is_(None))


def callable_member(org_id: str) -> Any:
    """A condition on ``members``: the member has a number that is not on the list."""
    m, bad = db.members, active(org_id)
    return or_(and_(m.c.phone != "", m.c.phone.not_in(bad)), and_(m.c.phone2 != "", m.c.phone2.not_in(bad)))


def bad_numbers(conn: Connection, org_id: str, numbers: Iterable[str]) -> set[str]:
    wanted = sorted({n for n in numbers if n})
    if not wanted:
        return set()
    np = db.number_problems
    return set(
        conn.execute(
            select(np.c.number).where(
                np.c.org_id == org_id, np.c.resolved_at.is_(None), np.c.number.in_(wanted)
            )
        ).scalars()
    )


def shown(phone: str | None, phone2: str | None, bad: set[str]) -> tuple[str | None, str | None]:
    """The numbers a PC gets of a member: those not on the list, the first one as ``phone``."""
    good = [n for n in (phone, phone2) if n and n not in bad]
    return (good[0] if good else None), (good[1] if len(good) > 1 else None)


def record_report_problems(
    conn: Connection, org_id: str, reports: Sequence[p.ReportPayload], now: datetime
) -> int:
    """The numbers stored reports named as wrong or dead join the list (``wrong_numbers`` names the fields as the
    PC showed them; none named: the first). Returns how many numbers are newly on the list."""
    problems = [r for r in reports if r.outcome in PROBLEM_OUTCOMES and r.corrects is None]
    if not problems:
        return 0
    m, cc = db.members, db.campaign_contacts
    rows = {
        row.id: row
        for row in conn.execute(
            select(cc.c.id, cc.c.campaign_id, cc.c.member_id, m.c.phone, m.c.phone2)
            .join(m, m.c.id == cc.c.member_id)
            .where(cc.c.id.in_(sorted({r.contact_id for r in problems})), m.c.org_id == org_id)
        )
    }
    bad = bad_numbers(conn, org_id, [n for row in rows.values() for n in (row.phone, row.phone2)])
    entries: dict[str, dict[str, Any]] = {}
    for r in problems:
        row = rows.get(r.contact_id)
        if row is None:
            continue
        as_shown = dict(zip(("phone", "phone2"), shown(row.phone, row.phone2, bad), strict=True))
        for field in r.wrong_numbers or ["phone"]:
            number = as_shown.get(field)
            if number:
                entries.setdefault(
                    number,
                    {
                        "id": db.new_id(),
                        "org_id": org_id,
                        "number": number,
                        "member_id": row.member_id,
                        "kind": PROBLEM_OUTCOMES[r.outcome],
                        "campaign_id": row.campaign_id,
                        "recorded_at": now,
                    },
                )
    if not entries:
        return 0
    np = db.number_problems
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    new = set(
        conn.execute(
            dialect.insert(np)
            .values([entries[n] for n in sorted(entries)])
            .on_conflict_do_nothing()
            .returning(np.c.number)
        ).scalars()
    )
    conn.execute(  # reported again after staff had confirmed it: on the list again
        update(np)
        .where(np.c.org_id == org_id, np.c.number.in_(sorted(entries)), np.c.resolved_at.is_not(None))
        .values(resolved_at=None, recorded_at=now)
    )
    _apply_to_running(conn, org_id, sorted(entries), {r.contact_id for r in problems}, now)
    return len(new)


def _running_campaigns(conn: Connection, org_id: str, today: Any) -> list[Any]:
    c = db.campaigns
    return list(
        conn.execute(
            select(c.c.id, c.c.categories)
            .where(
                c.c.org_id == org_id,
                c.c.ended_at.is_(None),
                or_(c.c.ends_on.is_(None), c.c.ends_on >= today),
            )
            .order_by(c.c.id)
        )
    )


def _apply_to_running(
    conn: Connection, org_id: str, numbers: Sequence[str], reported: set[str], now: datetime
) -> None:
    """Open contacts of members with these numbers in running campaigns: sent again without the number (another
    one is left), or closed with the number problem (none is left)."""
    m, cc = db.members, db.campaign_contacts
    campaigns = [row.id for row in _running_campaigns(conn, org_id, now.date())]
    if not campaigns:
        return
    rows = conn.execute(
        select(cc.c.id, cc.c.status, m.c.phone, m.c.phone2)
        .join(m, m.c.id == cc.c.member_id)
        .where(
            cc.c.campaign_id.in_(campaigns),
            m.c.org_id == org_id,
            or_(m.c.phone.in_(numbers), m.c.phone2.in_(numbers)),
            cc.c.status == ContactStatus.OPEN.value,
        )
        .order_by(cc.c.id)
    ).all()
    bad = bad_numbers(conn, org_id, [n for row in rows for n in (row.phone, row.phone2)])
    resend: list[str] = []
    close: list[str] = []
    for row in rows:
        if row.id in reported:
            continue  # the report gave it its own status already
        (resend if shown(row.phone, row.phone2, bad)[0] else close).append(row.id)
    if close:
        kinds = dict(
            conn.execute(
                select(db.number_problems.c.number, db.number_problems.c.kind).where(
                    db.number_problems.c.org_id == org_id, db.number_problems.c.number.in_(numbers)
                )
            ).all()
        )
        status = max(
            (ContactStatus(k) for k in kinds.values()), key=STATUS_PRECEDENCE.__getitem__
        )  # not in service outranks wrong number (sync.core.rules)
        conn.execute(update(cc).where(cc.c.id.in_(close)).values(status=status.value, status_changed_at=now))
    _feed(conn, org_id, "status", close)
    _feed(conn, org_id, "contact", resend)


def _feed(conn: Connection, org_id: str, kind: str, refs: Sequence[str]) -> None:
    if refs:
        conn.execute(insert(db.feed), [{"org_id": org_id, "kind": kind, "ref_id": ref} for ref in refs])


def _reopen_number_problems(conn: Connection, org_id: str, member_ids: Sequence[str], now: datetime) -> None:
    """The callable members' contacts that a wrong or dead number closed in a running campaign go back to the
    queue: their number reports are resolved "reopen" (sync.core.rules.report_status), the status is decided
    again by the shared precedence (an objection stays), and every PC hears of it (status + inbox feed rows)."""
    from sync.server.device_sync import DeviceSync  # device_sync imports this module

    cc, r = db.campaign_contacts, db.reports
    running = [campaign.id for campaign in _running_campaigns(conn, org_id, now.date())]
    if not member_ids or not running:
        return
    closed = list(
        conn.execute(
            select(cc.c.id).where(
                cc.c.member_id.in_(sorted(set(member_ids))),
                cc.c.campaign_id.in_(running),
                cc.c.status.in_([ContactStatus.WRONG_NUMBER.value, ContactStatus.NOT_IN_SERVICE.value]),
            )
        ).scalars()
    )
    if not closed:
        return
    number_reports = [
        r.c.contact_id.in_(closed),
        r.c.outcome.in_([Outcome.WRONG_NUMBER.value, Outcome.NOT_IN_SERVICE.value]),
        r.c.organizer_resolution.is_(None),
    ]
    reports = list(conn.execute(select(r.c.report_id).where(*number_reports)).scalars())
    conn.execute(
        update(r).where(*number_reports).values(organizer_resolution="reopen", organizer_resolved_at=now)
    )
    for contact_id, status in DeviceSync._decide_statuses(conn, set(closed)).items():
        conn.execute(  # "reopen" changes what the reports mean for the call state: fold them again
            update(cc)
            .where(cc.c.id == contact_id)
            .values(status=status.value, status_changed_at=now, **db.FOLD_AGAIN)
        )
    _feed(conn, org_id, "status", sorted(closed))
    _feed(conn, org_id, "inbox", sorted(reports))


def release_into_running(conn: Connection, org_id: str, member_ids: Sequence[str], now: datetime) -> int:
    """A corrected number arrived for these members: release each callable one (not objected, a number not on
    the list) into every running campaign of their category that does not hold them yet, reopen the contacts a
    wrong or dead number closed there, and send open contacts that do hold them again (with the new number).
    Returns how many contacts were added."""
    if not member_ids:
        return 0
    m, cc = db.members, db.campaign_contacts
    members = conn.execute(
        select(m.c.id, m.c.category)
        .where(
            m.c.org_id == org_id,
            m.c.id.in_(sorted(set(member_ids))),
            callable_member(org_id),
            registers.not_objected(org_id),
        )
        .order_by(m.c.id)
    ).all()
    _reopen_number_problems(conn, org_id, [row.id for row in members], now)
    added: list[dict[str, Any]] = []
    resend: list[str] = []
    for campaign in _running_campaigns(conn, org_id, now.date()):
        wanted = [row.id for row in members if row.category in campaign.categories]
        if not wanted:
            continue
        held = dict(
            conn.execute(
                select(cc.c.member_id, cc.c.id).where(
                    cc.c.campaign_id == campaign.id,
                    cc.c.member_id.in_(wanted),
                    cc.c.status == ContactStatus.OPEN.value,
                )
            ).all()
        )
        any_contact = set(
            conn.execute(
                select(cc.c.member_id).where(cc.c.campaign_id == campaign.id, cc.c.member_id.in_(wanted))
            ).scalars()
        )
        resend += [held[mid] for mid in wanted if mid in held]
        added += [
            {
                "id": db.new_id(),
                "campaign_id": campaign.id,
                "member_id": mid,
                "status": ContactStatus.OPEN.value,
                "status_changed_at": now,
                **db.NOTHING_FOLDED,  # a new contact's fold: nothing folded yet
            }
            for mid in wanted
            if mid not in any_contact
        ]
    if added:
        conn.execute(insert(cc), added)
    _feed(conn, org_id, "contact", sorted(resend) + [row["id"] for row in added])
    return len(added)


@dataclass(frozen=True)
class Corrected:
    """What a staff correction changed: the member, the masked number, where it went, how many contacts
    were released into running campaigns."""

    member_id: str
    number: str  # masked
    field: str  # phone | phone2
    confirmed: bool  # the number was on the list and staff confirmed it
    released: int


def correct(conn: Connection, org_id: str, member_id: str, number: str, now: datetime) -> Corrected:
    """Staff enter a member's corrected number (``number`` is normalised here). It replaces the number on the list
    (the first one; the main number when none is); the same number as on the list confirms it."""
    e164 = normalise(number)
    m, np = db.members, db.number_problems
    member = conn.execute(select(m).where(m.c.id == member_id, m.c.org_id == org_id)).first()
    if member is None:
        raise ServiceError("member_not_in_org", status=404)
    confirmed = e164 in (member.phone, member.phone2)
    if confirmed:
        field = "phone" if member.phone == e164 else "phone2"
        changed = conn.execute(
            update(np)
            .where(np.c.org_id == org_id, np.c.number == e164, np.c.resolved_at.is_(None))
            .values(resolved_at=now)
        ).rowcount
        if not changed:
            raise ServiceError("number_already_confirmed", status=409)
    else:
        bad = bad_numbers(conn, org_id, [member.phone, member.phone2])
        field = "phone2" if member.phone2 and member.phone2 in bad and member.phone not in bad else "phone"
        conn.execute(update(m).where(m.c.id == member_id).values({field: e164, "updated_at": now}))
    released = release_into_running(conn, org_id, [member_id], now)
    return Corrected(member_id, mask(e164), field, confirmed, released)


@dataclass(frozen=True)
class Entry:
    member_id: str | None
    number: str  # masked
    kind: str
    campaign_id: str | None
    recorded_at: datetime
    callable: bool  # the member has another (or a corrected) number that is not on the list

    def as_json(self) -> dict[str, Any]:
        return {
            "person_id": self.member_id,
            "number": self.number,
            "kind": self.kind,
            "campaign_id": self.campaign_id,
            "recorded_at": self.recorded_at.isoformat(),
            "callable": self.callable,
        }


def entries(conn: Connection, org_id: str) -> list[Entry]:
    """The organisation's list, newest first, numbers masked."""
    np, m = db.number_problems, db.members
    rows = conn.execute(
        select(np, m.c.phone, m.c.phone2)
        .outerjoin(m, m.c.id == np.c.member_id)
        .where(np.c.org_id == org_id, np.c.resolved_at.is_(None))
        .order_by(np.c.recorded_at.desc(), np.c.number)
    ).all()
    bad = bad_numbers(conn, org_id, [n for r in rows for n in (r.phone, r.phone2) if n])
    return [
        Entry(
            r.member_id,
            mask(r.number),
            r.kind,
            r.campaign_id,
            r.recorded_at,
            shown(r.phone, r.phone2, bad)[0] is not None,
        )
        for r in rows
    ]
