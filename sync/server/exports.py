"""Results back to the membership system (issue 14.4): one export service, three formats.

``csv``     one row per report, pseudonymous ids and codes only (the shape the central office always had).
``mgl``     one row per member who was called: member number, last outcome, its date, objection, number problem
            — for loading back into the membership administration (MGL).
``zetkin``  one row per member for Zetkin's person import: the member number as the ``ext_id`` column, the
            outcomes as tag columns (Zetkin's importer maps each distinct value of a tag column to tags).

The member number exists at the central office only. No export ever carries a name, a phone number, a note or
an organizer message. Every export is recorded in the audit log (action ``results.export``, org id + format).
Column-by-column description: docs/exports.md.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.engine import Connection

from sync.core.rules import Outcome
from sync.server import db
from sync.server.common import LOCAL_TZ, ServiceError, audit, not_found
from sync.server.office import CentralOffice

FORMATS = ("mgl", "zetkin", "csv")

OUTCOME_DE: dict[str, str] = {
    "reached": "erreicht",
    "no_pickup": "nicht abgenommen",
    "busy": "besetzt",
    "call_back": "Rückruf gewünscht",
    "not_available": "nicht da",
    "voicemail": "Mailbox",
    "wrong_number": "falsche Nummer",
    "objection": "Widerspruch",
    "not_in_service": "kein Anschluss",
}
NUMBER_PROBLEM_DE = {"wrong_number": "falsche Nummer", "not_in_service": "kein Anschluss"}

MGL_COLUMNS = ("mitgliedsnummer", "ergebnis", "ergebnis_code", "datum", "widerspruch", "nummernproblem")
ZETKIN_COLUMNS = ("ext_id", "Telefonaktion", "Telefonaktion Widerspruch", "Telefonaktion Nummer")
ZETKIN_TAG_PREFIX = "Telefonaktion: "


@dataclass(frozen=True)
class MemberResult:
    """What the calls came to for one member (over all campaigns of the org)."""

    member_number: str
    outcome: str  # the last effective report's outcome
    at: datetime
    objection: bool
    number_problem: str  # "", "wrong_number" or "not_in_service"


@dataclass(frozen=True)
class ExportSummary:
    format: str
    rows: int
    without_member_number: int = (
        0  # members with results but no member number (not exported: nothing joins them)
    )


def effective(reports: Iterable[Any]) -> list[Any]:
    """The reports no later report corrects (an objection counts always: it is never undone)."""
    rows = list(reports)
    corrected = {r.corrects for r in rows if r.corrects}
    return [r for r in rows if r.report_id not in corrected or r.outcome == Outcome.OBJECTION.value]


def member_results(conn: Connection, org_id: str) -> tuple[list[MemberResult], int]:
    """Per member with at least one report: the result; and how many such members lack a member number."""
    m, cc, r = db.members, db.campaign_contacts, db.reports
    rows = conn.execute(
        select(
            m.c.id.label("member_id"),
            m.c.member_number,
            cc.c.status,
            r.c.report_id,
            r.c.outcome,
            r.c.corrects,
            r.c.created_at,
            r.c.pk,
        )
        .join(cc, cc.c.member_id == m.c.id)
        .join(r, r.c.contact_id == cc.c.id)
        .where(m.c.org_id == org_id, r.c.org_id == org_id)
        .order_by(m.c.id, r.c.created_at, r.c.pk)
    ).all()
    by_member: dict[str, list[Any]] = {}
    for row in rows:
        by_member.setdefault(row.member_id, []).append(row)
    out, missing = [], 0
    for member_rows in by_member.values():
        number = member_rows[0].member_number
        if not number:
            missing += 1
            continue
        kept = effective(member_rows)
        if not kept:
            continue
        last = kept[-1]
        statuses = {row.status for row in member_rows}
        problem = next((s for s in ("not_in_service", "wrong_number") if s in statuses), "")
        out.append(
            MemberResult(
                member_number=number,
                outcome=last.outcome,
                at=last.created_at,
                objection=any(row.outcome == Outcome.OBJECTION.value for row in member_rows),
                number_problem=problem,
            )
        )
    out.sort(key=lambda res: res.member_number)
    return out, missing


def _write(out: Path, header: Iterable[str], rows: Iterable[Iterable[object]], delimiter: str) -> None:
    tmp = out.with_name(out.name + ".tmp")
    with tmp.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(rows)
    tmp.replace(out)


def export(office: CentralOffice, org_id: str, out: Path, fmt: str) -> ExportSummary:
    """Write the org's results in ``fmt`` (mgl | zetkin | csv) to ``out``; audited; returns what was written."""
    if fmt not in FORMATS:
        raise ServiceError("export_format", params={"format": fmt})
    if fmt == "csv":
        count = office.commands.export_results(org_id, out)  # audited there (results.export)
        return ExportSummary("csv", count)
    now = office.clock()
    with office.engine.begin() as conn:
        if conn.execute(select(db.orgs.c.id).where(db.orgs.c.id == org_id)).first() is None:
            raise not_found("org", org_id)
        results, missing = member_results(conn, org_id)
        audit(conn, now, "results.export", org_id, fmt, org_id=org_id)
        c = db.campaigns
        conn.execute(  # an ended campaign's contact rows may be wiped once its results left (retention)
            update(c)
            .where(c.c.org_id == org_id, c.c.ended_at.is_not(None), c.c.results_exported_at.is_(None))
            .values(results_exported_at=now)
        )
    if fmt == "mgl":
        _write(
            out,
            MGL_COLUMNS,
            (
                (
                    res.member_number,
                    OUTCOME_DE[res.outcome],
                    res.outcome,
                    res.at.astimezone(LOCAL_TZ).date().isoformat(),
                    "ja" if res.objection else "nein",
                    NUMBER_PROBLEM_DE.get(res.number_problem, ""),
                )
                for res in results
            ),
            ";",
        )
    else:
        _write(
            out,
            ZETKIN_COLUMNS,
            (
                (
                    res.member_number,
                    ZETKIN_TAG_PREFIX + OUTCOME_DE[res.outcome],
                    ZETKIN_TAG_PREFIX + "nicht mehr anrufen" if res.objection else "",
                    ZETKIN_TAG_PREFIX + NUMBER_PROBLEM_DE[res.number_problem] if res.number_problem else "",
                )
                for res in results
            ),
            ",",
        )
    return ExportSummary(fmt, len(results), missing)
