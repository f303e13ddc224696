"""The organisation-wide objection register (issue 13.1, DP-17): the owner of ``objections`` and ``register_keys``.

- Every objection reaches it: from a central campaign's report (the member's numbers, with the member id), from
  a lead's local campaign (the normalised numbers the PC sends, ``ObjectionItem``), or from the membership system
  (``objections import``). One row per organisation and number; a later report never undoes it.
- It is applied at every release (a member with an objected number, or objected as a member, is not released)
  and, once recorded, to every contact of that member in the organisation's running campaigns (status
  ``objection``, which then reaches every PC like any status).
- PCs receive it only as keyed hashes (sync.core.protocol.register_hash) with the organisation's key, enough to
  refuse an import row, never a readable list (``pull_part``).
"""

from __future__ import annotations

import base64
import csv
import io
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from sync.core import protocol as p
from sync.core.rules import ContactStatus, Outcome
from sync.server import db

SOURCES = ("report", "local", "import")


@dataclass(frozen=True)
class Entry:
    number: str
    source: str
    recorded_at: datetime
    member_id: str | None = None
    campaign_id: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "source": self.source,
            "recorded_at": self.recorded_at.isoformat(),
            "member_id": self.member_id,
            "campaign_id": self.campaign_id,
        }


def _insert_ignore(conn: Connection, table: Any, rows: list[dict[str, Any]], returning: Any) -> set[Any]:
    if not rows:
        return set()
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    stmt = dialect.insert(table).values(rows).on_conflict_do_nothing().returning(returning)
    return set(conn.execute(stmt).scalars())


def register_key(conn: Connection, org_id: str, now: datetime) -> tuple[str, str]:
    """(key id, base64url key) of the organisation, created on first use (race-free: insert or nothing)."""
    rk = db.register_keys
    key = base64.urlsafe_b64encode(secrets.token_bytes(32)).decode().rstrip("=")
    _insert_ignore(
        conn, rk, [{"org_id": org_id, "key_id": db.new_id(), "key": key, "created_at": now}], rk.c.org_id
    )
    row = conn.execute(select(rk.c.key_id, rk.c.key).where(rk.c.org_id == org_id)).one()
    return row.key_id, row.key


def record(
    conn: Connection,
    org_id: str,
    entries: Iterable[tuple[str, str | None, str | None]],
    source: str,
    now: datetime,
) -> int:
    """Adds (number, member id, campaign id) entries; numbers already registered stay as they are. Marks every
    contact of the affected members in the organisation's campaigns as objected. Returns how many were new."""
    assert source in SOURCES
    by_number: dict[str, tuple[str | None, str | None]] = {}
    for number, member_id, campaign_id in entries:
        if number:
            by_number.setdefault(number, (member_id, campaign_id))
    if not by_number:
        return 0
    o = db.objections
    rows = [
        {
            "id": db.new_id(),
            "org_id": org_id,
            "number": number,
            "member_id": member_id,
            "source": source,
            "campaign_id": campaign_id,
            "recorded_at": now,
        }
        for number, (member_id, campaign_id) in sorted(by_number.items())
    ]
    new = _insert_ignore(conn, o, rows, o.c.id)
    if new:
        conn.execute(
            db.feed.insert(), [{"org_id": org_id, "kind": "objection", "ref_id": ref} for ref in sorted(new)]
        )
    members = {m for m, _ in by_number.values() if m}
    _object_contacts(conn, org_id, sorted(by_number), sorted(members), now)
    return len(new)


def _object_contacts(
    conn: Connection, org_id: str, numbers: Sequence[str], member_ids: Sequence[str], now: datetime
) -> None:
    m, cc, c = db.members, db.campaign_contacts, db.campaigns
    who = select(m.c.id).where(
        m.c.org_id == org_id, or_(m.c.phone.in_(numbers), m.c.phone2.in_(numbers), m.c.id.in_(member_ids))
    )
    contacts = sorted(
        conn.execute(
            select(cc.c.id)
            .join(c, c.c.id == cc.c.campaign_id)
            .where(
                c.c.org_id == org_id, cc.c.member_id.in_(who), cc.c.status != ContactStatus.OBJECTION.value
            )
        ).scalars()
    )
    if not contacts:
        return
    conn.execute(
        update(cc)
        .where(cc.c.id.in_(contacts))
        .values(status=ContactStatus.OBJECTION.value, status_changed_at=now)
    )
    conn.execute(db.feed.insert(), [{"org_id": org_id, "kind": "status", "ref_id": cid} for cid in contacts])


def record_report_objections(
    conn: Connection, org_id: str, reports: Sequence[p.ReportPayload], now: datetime
) -> int:
    """The register entries of objections said in central campaigns: the member's numbers and id."""
    contact_ids = sorted({r.contact_id for r in reports if r.outcome is Outcome.OBJECTION})
    if not contact_ids:
        return 0
    m, cc = db.members, db.campaign_contacts
    rows = conn.execute(
        select(cc.c.campaign_id, m.c.id, m.c.phone, m.c.phone2)
        .join(m, m.c.id == cc.c.member_id)
        .where(cc.c.id.in_(contact_ids), m.c.org_id == org_id)
    ).all()
    entries = [(n, row.id, row.campaign_id) for row in rows for n in (row.phone, row.phone2) if n]
    return record(conn, org_id, entries, "report", now)


def not_objected(org_id: str) -> Any:
    """A condition on ``members``: the member has no objection in the register (by number or as a member)."""
    o, m = db.objections, db.members
    active = and_(o.c.org_id == org_id, o.c.withdrawn_at.is_(None))
    numbers = select(o.c.number).where(active)
    members = select(o.c.member_id).where(active, o.c.member_id.is_not(None))
    return and_(m.c.phone.not_in(numbers), m.c.phone2.not_in(numbers), m.c.id.not_in(members))


def pull_part(conn: Connection, org_id: str, ids: Sequence[str], now: datetime) -> p.RegisterPart:
    """The key and the hashes of the register entries named by the page's feed rows."""
    key_id, key = register_key(conn, org_id, now)
    hashes: list[str] = []
    if ids:
        raw = base64.urlsafe_b64decode(key + "=")
        o = db.objections
        numbers = conn.execute(
            select(o.c.number).where(
                o.c.id.in_(sorted(set(ids))), o.c.org_id == org_id, o.c.withdrawn_at.is_(None)
            )
        ).scalars()
        hashes = sorted(p.register_hash(raw, n) for n in numbers)
    return p.RegisterPart(key_id=key_id, key=key, objection_hashes=hashes)


def entries(conn: Connection, org_id: str) -> list[Entry]:
    o = db.objections
    rows = conn.execute(
        select(o)
        .where(o.c.org_id == org_id, o.c.withdrawn_at.is_(None))
        .order_by(o.c.recorded_at, o.c.number)
    )
    return [Entry(r.number, r.source, r.recorded_at, r.member_id, r.campaign_id) for r in rows]


EXPORT_COLUMNS = ("number", "source", "recorded_at")


def export_csv(rows: Sequence[Entry]) -> str:
    """The register for the membership system: normalised number, where it came from, when."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(EXPORT_COLUMNS)
    for e in rows:
        writer.writerow((e.number, e.source, e.recorded_at.isoformat()))
    return out.getvalue()


def parse_import(text: str) -> list[str]:
    """Numbers from a CSV with a ``number`` column (E.164, as ``objections export`` writes them). Raises
    ValueError naming the first bad line (never its content)."""
    reader = csv.DictReader(io.StringIO(text))
    if reader.fieldnames is None or "number" not in reader.fieldnames:
        raise ValueError("the file needs a column 'number'")
    numbers = []
    for line, row in enumerate(reader, start=2):
        number = (row.get("number") or "").strip()
        try:
            p.ObjectionPayload(objection_id="x", numbers=[number], at=datetime.now().astimezone())
        except ValueError:
            raise ValueError(f"line {line}: not a number in E.164 form (+49…)") from None
        numbers.append(number)
    return numbers
