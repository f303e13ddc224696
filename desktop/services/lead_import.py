"""Bring a membership export into a campaign's call list ("Liste einlesen", screens.md §4).

Three steps, so that the lead sees everything before anything is stored:

1. ``plan_import``  — header only: detected column mapping, the columns that will not be taken over (DP-4).
2. ``check_import`` — the whole file in memory (``sync.core.memberfile.read``): problems by row, duplicates, the
   records that would be imported. Nothing is written.
3. ``commit_import`` — the checked records go in, all or nothing: ONE transaction for every row plus the audit
   entry. Any failure (also one raised by the progress callback, or a cancel) rolls everything back.

The campaign's purpose must be covered by a valid clearance on this PC (DP-11, also for leads): a workspace
prepared offline holds script, questions and rules, and takes members once it is enrolled and cleared.
Every record gets a new random pseudonymous id (DP-5) and keeps only the fields the campaign's purpose allows
(DP-4); the campaign's categories are the category guard (DP-2). The audit entry names the campaign id and the
count, never a person. Pure Python, no Qt: runs on the database task thread (desktop/tasks.py).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from itertools import repeat
from operator import itemgetter
from pathlib import Path
from typing import Any

from desktop.domain.models import Campaign
from desktop.services import clearance_gate
from desktop.services.lead import LeadError, require_lead
from desktop.storage import audit, campaign_store, contact_store, database, objection_register
from desktop.storage.timefmt import utcnow
from desktop.storage.workspace import Workspace
from sync.core import memberfile
from sync.core.ids import new_ids

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

INSERT_CHUNK = 5000
"""Rows per executemany inside the one import transaction (progress is reported after each chunk)."""
IMPORT_CACHE_KIB = -65536
"""Page cache during an import (negative: KiB), so a large list is not spilled page by page before the commit."""
BULK_ROWS = 1_000
"""From this many rows on, an import runs on the bulk connection (``Workspace.bulk_transaction``): 10k rows on the
app's long-lived connection took 1.7 s CPU for the commit, on the bulk connection 0.35 s (docs/performance.md)."""
_CONTACT_FIELDS = contact_store.CONTACT_ROW[1:-1]  # first_name … phone2: the contact fields of a row
_RECORD_INDEX = {name: i for i, name in enumerate(memberfile.MemberRecord._fields)}
_PHONE, _PHONE2 = itemgetter(_RECORD_INDEX["phone"]), itemgetter(_RECORD_INDEX["phone2"])


@dataclass(frozen=True)
class ImportDone:
    """What an import changed."""

    campaign_id: str
    imported: int
    already_listed: int  # people whose number was already on this campaign's list (skipped)
    total_contacts: int  # contacts of the campaign afterwards
    objected: int = 0  # people on the organisation's objection register (not imported; DP-17, issue 13.1)


def _open_campaign(ws: Workspace, campaign_id: str) -> Campaign:
    require_lead(ws)
    campaign = campaign_store.get_campaign(ws.conn, campaign_id)
    row = campaign_store.campaign_row(ws.conn, campaign_id)
    if campaign is None or row is None:
        raise LeadError("unknown_campaign")
    if row[0] == "ended":
        raise LeadError("campaign_ended")
    if row[1] != "local":
        raise LeadError(
            "campaign_from_central_office"
        )  # its list comes from the central office, minimised there
    # DP-11 for leads too: no member data on this PC without a valid clearance for the campaign's purpose.
    # Checked at the present moment (trusted time), whatever timestamp the caller gives the import.
    if not clearance_gate.check(ws.conn, campaign.purpose, utcnow()).valid:
        raise LeadError("no_clearance")
    return campaign


def plan_import(
    ws: Workspace,
    campaign_id: str,
    source: Any,
    *,
    filename: str | None = None,
    mapping: Mapping[str | int, Any] | None = None,
    assume_category: str | None = None,
) -> memberfile.ImportPlan:
    """Header, mapping and dropped columns for the campaign's purpose. Raises memberfile.MemberFileError."""
    campaign = _open_campaign(ws, campaign_id)
    return memberfile.plan(
        source, purpose=campaign.purpose, mapping=mapping, assume_category=assume_category, filename=filename
    )


def check_import(
    ws: Workspace,
    campaign_id: str,
    source: Any,
    *,
    filename: str | None = None,
    mapping: Mapping[str | int, Any] | None = None,
    assume_category: str | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> memberfile.ImportResult:
    """Read and check the whole file for this campaign; writes nothing. Raises memberfile.MemberFileError."""
    campaign = _open_campaign(ws, campaign_id)
    return memberfile.read(
        source,
        purpose=campaign.purpose,
        mapping=mapping,
        allowed_categories=campaign.categories,
        assume_category=assume_category,
        filename=filename,
        progress=progress,
        cancelled=cancelled,
    )


def commit_import(
    ws: Workspace,
    campaign_id: str,
    result: memberfile.ImportResult,
    *,
    now: datetime | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ImportDone:
    """Insert checked records in one transaction; audit IMPORT (campaign id + count). All or nothing."""
    campaign = _open_campaign(ws, campaign_id)
    if result.plan.purpose != campaign.purpose:
        raise LeadError("stale_check", "the campaign's purpose changed after the file was checked")
    allowed_categories = set(campaign.categories)
    records = result.records
    if not {rec.category for rec in records} <= allowed_categories:  # DP-2, checked again at the door
        raise LeadError("category_not_allowed")
    allowed = {f.value for f in campaign.allowed_fields}
    # Only the fields the purpose allows go in (memberfile has set the others to None already).
    fields = tuple(f for f in _CONTACT_FIELDS if f in allowed)
    values = itemgetter(*(_RECORD_INDEX[f] for f in fields), _RECORD_INDEX["category"])
    now = now or utcnow()
    total = len(records)
    # A large list goes in on a short-lived connection (Workspace.bulk_transaction: same thread, one transaction).
    with ws.bulk_transaction() if total >= BULK_ROWS else ws.transaction() as conn:
        if progress is not None:
            progress(0, total)
        listed = contact_store.campaign_phones(conn, campaign_id)
        on_register = objection_register.matcher(conn)
        kept: list[memberfile.MemberRecord] | tuple[memberfile.MemberRecord, ...]
        skipped = objected = 0
        numbers = (
            [*map(_PHONE, records), *filter(None, map(_PHONE2, records))]
            if on_register is objection_register.NO_REGISTER
            else None  # with a register the loop below checks each record anyway
        )
        if numbers is not None and listed.isdisjoint(numbers) and len(set(numbers)) == len(numbers):
            # The usual case (no register, or an empty one): no number is listed or met twice, nobody is skipped.
            kept = records
        else:
            kept = []
            keep = kept.append
            for rec in records:
                phone, phone2 = rec.phone, rec.phone2
                if on_register(phone) or on_register(phone2 or ""):
                    objected += 1
                    continue
                if phone in listed or (phone2 and phone2 in listed):
                    skipped += 1
                    continue
                listed.add(phone)
                if phone2:
                    listed.add(phone2)
                keep(rec)
        del listed, numbers
        count = len(kept)
        start = contact_store.next_position(conn, campaign_id)
        done = 0
        # In list order (positions follow the file), a chunk at a time, each contact under a new random id (DP-5):
        # the list-order indexes grow at their end and only the primary key takes random places. Measured
        # against inserting in id order with the secondary indexes dropped and rebuilt (the earlier way): the
        # same CPU at 100k and 300k rows, less at 1M, no id list of the whole file in memory, progress up to the
        # end, and no rebuild over the other campaigns' contacts (docs/performance.md).
        with database.page_cache(conn, IMPORT_CACHE_KIB):
            for i in range(0, count, INSERT_CHUNK):
                if cancelled is not None and cancelled():
                    raise memberfile.ImportCancelled()
                chunk = kept[i : i + INSERT_CHUNK]
                heads = zip(
                    new_ids(len(chunk)), repeat(campaign_id), range(start + i, start + i + len(chunk))
                )
                # (id, campaign, position) + the record's allowed fields and category, one C call per row
                rows = list(map(tuple.__add__, heads, map(values, chunk)))
                contact_store.insert_contact_rows(conn, fields, rows)
                done += len(chunk)
                if progress is not None:
                    progress(done + skipped + objected, total)
        audit.append(
            conn,
            audit.AuditKind.IMPORT,
            at=now,
            person_id=ws.person.id,
            subject=f"{campaign_id}:{count}",
        )
        after = contact_store.contact_count(conn, campaign_id)
    return ImportDone(campaign_id, count, skipped, after, objected)


@dataclass(frozen=True)
class ImportReport:
    """The whole import as the command line reports it (no personal data: counts, rows, headers, codes)."""

    result: memberfile.ImportResult
    done: ImportDone

    def to_json(self) -> dict[str, Any]:
        out = self.result.to_json()
        out["checked"] = out.pop("imported")
        out.update(
            imported=self.done.imported,
            already_listed=self.done.already_listed,
            objected=self.done.objected,
            campaign=self.done.campaign_id,
            total_contacts=self.done.total_contacts,
        )
        return out


def import_members(
    ws: Workspace,
    campaign_id: str,
    source: str | Path | bytes,
    *,
    filename: str | None = None,
    mapping: Mapping[str | int, Any] | None = None,
    assume_category: str | None = None,
    now: datetime | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Check and import in one go (the command line). Raises memberfile.MemberFileError / LeadError."""
    result = check_import(
        ws,
        campaign_id,
        source,
        filename=filename,
        mapping=mapping,
        assume_category=assume_category,
        progress=progress,
    )
    return ImportReport(result, commit_import(ws, campaign_id, result, now=now))
