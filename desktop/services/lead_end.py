"""The end of a campaign (screens.md §4 "Aktion beenden") and expiry (DP-15).

* ``end_preview`` lists what is still waiting for the central office (unsynced reports) before anything goes.
* ``end_campaign`` refuses while reports of the campaign are unsynced, unless the lead explicitly decides to end
  anyway (``accept_unsynced=True``: a checkbox plus a confirmation in the view). Then it wipes the contact data.
* ``expire_campaigns(now)`` wipes every campaign whose end date + grace days have passed (or that is marked
  ended but still holds contacts), also while offline. The app calls it at unlock.

What a wipe does: DELETE the campaign's contacts and slices (``secure_delete`` is on, so freed space is
overwritten), clear the free text (note, message to the organizer) of reports the central office has already
acknowledged (DP-6 "purged after sync") and of a local campaign's reports (outbox state 'local': they never
leave the PC), mark the campaign 'ended', audit WIPE (campaign id + count) and
CAMPAIGN_ENDED, commit — then VACUUM outside the transaction and checkpoint the WAL to zero length, and remove
the encrypted pre-migration copies in ``backups/`` (they hold the wiped names too).

What a wipe never does: delete a report or an outbox row. Unsynced outcomes therefore always survive (DP-15,
DP-17: an objection is never lost); they carry only pseudonymous ids and are uploaded at the next sync. The
explicit decision the lead makes is to end *before* the central office has them.
"""

from __future__ import annotations

import contextlib
import json
import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from desktop.domain.calling_hours import to_berlin
from desktop.services.lead import LeadError, campaign_info, require_lead
from desktop.storage import (
    audit,
    campaign_store,
    contact_store,
    database,
    organizer_store,
    outbox_store,
    people_store,
    report_store,
    slice_store,
)
from desktop.storage.database import Connection
from desktop.storage.timefmt import from_db, to_db, utcnow
from desktop.storage.workspace import Workspace

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class UnsyncedReport:
    report_id: str
    created_at: datetime
    outcome: str
    caller_label: str


@dataclass(frozen=True)
class EndPreview:
    campaign_id: str
    title: str
    status: str
    contacts: int
    unsynced: tuple[UnsyncedReport, ...]
    ends_on: date | None
    wipe_due: date | None


class UnsyncedReports(LeadError):
    def __init__(self, count: int) -> None:
        super().__init__("unsynced_reports", str(count))
        self.count = count


@dataclass(frozen=True)
class CampaignEnded:
    """What ending (or expiring) a campaign changed."""

    campaign_id: str
    reason: str  # "lead" or "expired"
    wiped_contacts: int
    kept_unsynced: int  # reports still waiting for the central office (they stay)
    backups_removed: int


def end_preview(ws: Workspace, campaign_id: str) -> EndPreview:
    info = campaign_info(ws, campaign_id)
    labels = {pid: label for pid, label, _r, _o in people_store.people(ws.conn)}
    unsynced = tuple(
        UnsyncedReport(rid, from_db(at), outcome, labels.get(caller, "?"))  # type: ignore[arg-type]
        for rid, at, outcome, caller in outbox_store.pending_reports(ws.conn, campaign_id)
    )
    return EndPreview(
        campaign_id,
        info.campaign.title,
        info.status,
        info.contacts,
        unsynced,
        info.campaign.ends_on,
        info.wipe_due,
    )


def end_campaign(
    ws: Workspace, campaign_id: str, *, accept_unsynced: bool = False, now: datetime | None = None
) -> CampaignEnded:
    """The lead ends a campaign: refuse while reports are unsynced (unless accepted), then wipe."""
    require_lead(ws)
    now = now or utcnow()
    info = campaign_info(ws, campaign_id)
    if info.status == "ended" and info.contacts == 0:
        raise LeadError("campaign_ended")
    pending = len(outbox_store.pending_reports(ws.conn, campaign_id))
    if pending and not accept_unsynced:
        raise UnsyncedReports(pending)
    return _wipe(ws, campaign_id, now=now, reason="lead")


def expire_campaigns(ws: Workspace, now: datetime | None = None) -> list[CampaignEnded]:
    """Wipe the contact data of every campaign past its end date + grace days, or ended but not wiped.

    Works offline and for any role (the app calls it at unlock). Unsynced reports are kept (never wiped here).
    """
    now = now or utcnow()
    today = to_berlin(now).date()
    out = []
    for cid, status in campaign_store.campaign_statuses(ws.conn):
        info = campaign_info(ws, cid)
        due = info.wipe_due
        overdue = due is not None and today > due
        if (overdue or status == "ended") and (info.contacts or status != "ended"):
            out.append(_wipe(ws, cid, now=now, reason="expired"))
    return out


def _scrub_synced_free_text(conn: Connection, campaign_id: str) -> None:
    """DP-6: notes and messages to the organizer go once the central office has the report ('sent'), or at the
    wipe of a lead's local campaign, whose reports never leave the PC ('local'). Unsynced ones are kept."""
    for rid, body, seq, payload in report_store.with_outbox_item(conn, campaign_id, ("sent", "local")):
        scrubbed = _without_free_text(body)
        if scrubbed is not None:
            report_store.set_body(conn, rid, scrubbed)
        scrubbed = outbox_store.report_without_free_text(payload)
        if scrubbed is not None:
            outbox_store.set_payload(conn, seq, scrubbed)


def _without_free_text(body: str) -> str | None:
    """A report body (the PC's report record) without note and message to the organizer, or None when it has
    neither."""
    doc = json.loads(body)
    if not (doc.get("note") or doc.get("organizer_message")):
        return None
    doc["note"] = ""
    doc["organizer_message"] = ""
    return json.dumps(doc, separators=(",", ":"))


def _wipe(ws: Workspace, campaign_id: str, *, now: datetime, reason: str) -> CampaignEnded:
    with ws.transaction() as conn:
        wiped = contact_store.delete_contacts(conn, campaign_id)
        slice_store.delete_slices(conn, campaign_id)
        organizer_store.delete_organizer_items(conn, campaign_id)
        _scrub_synced_free_text(conn, campaign_id)
        campaign_store.set_campaign_status(conn, campaign_id, "ended")
        extra = campaign_store.get_campaign_lead(conn, campaign_id) or {}
        campaign_store.put_campaign_lead(
            conn,
            campaign_id,
            ended_at=extra.get("ended_at") or to_db(now),
            ended_reason=extra.get("ended_reason") or reason,
            wiped_at=to_db(now),
            wiped_contacts=int(extra.get("wiped_contacts") or 0) + wiped,
        )
        audit.append(
            conn, audit.AuditKind.WIPE, at=now, person_id=ws.person.id, subject=f"{campaign_id}:{wiped}"
        )
        audit.append(
            conn, audit.AuditKind.CAMPAIGN_ENDED, at=now, person_id=ws.person.id, subject=campaign_id
        )
        kept = len(outbox_store.pending_reports(conn, campaign_id))
    compact(ws)
    removed = remove_stale_backups(ws)
    log.info("campaign wiped (%s): %d contacts, %d unsynced reports kept", reason, wiped, kept)
    return CampaignEnded(campaign_id, reason, wiped, kept, removed)


def compact(ws: Workspace) -> None:
    """VACUUM (outside any transaction) and truncate the WAL, so no freed page keeps old content."""
    if not database.compact(ws.conn):
        log.warning("WAL checkpoint after wipe was blocked")


def remove_stale_backups(ws: Workspace) -> int:
    """Delete the encrypted pre-migration copies: they still hold contact data that was just wiped."""
    removed = 0
    if ws.paths.backups.is_dir():
        for path in ws.paths.backups.glob("*.db*"):
            with contextlib.suppress(OSError):
                path.unlink()
                removed += 1
    return removed


def wipe_due(ends_on: date | None, grace_days: int) -> date | None:
    return ends_on + timedelta(days=grace_days) if ends_on else None
