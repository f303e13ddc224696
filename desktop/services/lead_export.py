"""Export of a campaign's results as CSV, for the central office to load back (DP-3, DP-5).

One row per effective report (a corrected report is replaced by its correction), columns:

``campaign_id, contact_id, report_id, outcome, zetkin_code, called_at, callback_after, organizer_action,
wrong_numbers, q:<question id> …``

Decisions (documented in the module and the final report):

* No contact data beyond the pseudonymous contact id: no name, number, locality, postcode — the central
  office maps the id back to the membership record (DP-5).
* The organizer action is exported as a flag only. The message to the organizer is free text that may name
  third parties or sensitive circumstances; it reaches the central office through the sync (the report itself),
  never through a file. Free-text notes are not exported either (DP-6).
* Survey answers are exported (that is the campaign's purpose): yes/no as ``yes``/``no``, several choices
  joined by ``|``. Cells that a spreadsheet would run as a formula (starting with = + - @) get a leading ``'``.
* Times are UTC ISO 8601. The file is written atomically; the export is audit-logged (EXPORT, campaign id + rows).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop.domain.models import CallReport
from desktop.services.lead import LeadError, require_lead
from desktop.storage import audit, campaign_store, report_store
from desktop.storage.atomic import write_atomic
from desktop.storage.timefmt import utcnow
from desktop.storage.workspace import Workspace

BASE_COLUMNS = (
    "campaign_id",
    "contact_id",
    "report_id",
    "outcome",
    "zetkin_code",
    "called_at",
    "callback_after",
    "organizer_action",
    "wrong_numbers",
)


@dataclass(frozen=True)
class Exported:
    campaign_id: str
    path: Path
    rows: int
    columns: tuple[str, ...]


def _iso(moment: datetime | None) -> str:
    return moment.isoformat().replace("+00:00", "Z") if moment else ""


def _cell(value: str) -> str:
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _answer(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (list, tuple)):
        return "|".join(_cell(str(v)) for v in value)
    return _cell(str(value))


def results_csv(ws: Workspace, campaign_id: str) -> tuple[str, int, tuple[str, ...]]:
    """The CSV text, its row count and its columns (no I/O besides the database)."""
    campaign = campaign_store.get_campaign(ws.conn, campaign_id)
    if campaign is None:
        raise LeadError("unknown_campaign")
    question_ids = [q.id for q in campaign.questions]
    columns = (*BASE_COLUMNS, *(f"q:{qid}" for qid in question_ids))
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(columns)
    rows = 0
    for body in report_store.report_bodies(ws.conn, campaign_id):
        r = CallReport.model_validate_json(body)
        writer.writerow(
            [
                r.campaign_id,
                r.contact_id,
                r.id,
                r.outcome.value,
                "" if r.zetkin_code is None else str(r.zetkin_code),
                _iso(r.created_at),
                _iso(r.callback_after),
                "1" if r.organizer_action else "0",
                "|".join(r.wrong_numbers),
                *(_answer(r.answers[qid]) if qid in r.answers else "" for qid in question_ids),
            ]
        )
        rows += 1
    return buf.getvalue(), rows, columns


def export_results(ws: Workspace, campaign_id: str, path: Path, *, now: datetime | None = None) -> Exported:
    """Write the results CSV (UTF-8 with BOM for spreadsheets) atomically; audit EXPORT (campaign id + rows)."""
    require_lead(ws)
    text, rows, columns = results_csv(ws, campaign_id)
    write_atomic(Path(path), text.encode("utf-8-sig"))
    with ws.transaction() as conn:
        audit.append(
            conn,
            audit.AuditKind.EXPORT,
            at=now or utcnow(),
            person_id=ws.person.id,
            subject=f"{campaign_id}:{rows}",
        )
    return Exported(campaign_id, Path(path), rows, columns)
