"""The workspace side of the sync (sync.client.engine.SyncStore): all SQL of a sync, in short transactions.

Owner of what the central office sends (campaigns of origin 'central', clearances, the revocation list, the
pull cursor) and of the outbox's sync states. The rules (what counts as sent, which status wins, which contacts
may be stored) are the engine's (sync.client.engine); this module only reads and writes.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Mapping, Sequence
from contextlib import AbstractContextManager
from datetime import datetime
from typing import Any

from desktop.domain.models import Campaign
from desktop.storage import (
    campaign_store,
    clearance_store,
    contact_store,
    objection_register,
    organizer_store,
    outbox_store,
    pledge_store,
)
from desktop.storage.database import Connection, transaction
from desktop.storage.meta_store import delete_meta, get_meta, set_meta
from desktop.storage.timefmt import from_db, to_db
from desktop.storage.trusted_time import observe_time, trusted_now
from sync.client.engine import PushItem, Rules, Unencodable
from sync.core import callstate
from sync.core import clearance as clr
from sync.core import protocol as p
from sync.core.content import ContentAdaptation
from sync.core.rules import ContactStatus

SERVER_OWNED_META = ("pull_cursor", "clearance_refusals")
# A pull page with at least this many contacts goes in on the bulk connection (``WorkspaceSyncStore``'s ``bulk``).
BULK_PAGE_CONTACTS = 100


def push_item(key_hex: str, kind: str, device_seq: int, body: dict[str, Any]) -> PushItem:
    key = uuid.UUID(hex=key_hex)
    if kind == "report":
        # Stored in the wire's own shape; only the versioned report goes, never the local-only part.
        report = outbox_store.StoredReport.model_validate(body).report
        return p.ReportItem(idempotency_key=key, seq=device_seq, payload=report)
    if kind == "audit_event":
        # The whole chain link, so the central office re-verifies the chain (DP-21, sync.core.audit_chain).
        return p.AuditEventItem(
            idempotency_key=key,
            seq=device_seq,
            payload=p.AuditEventPayload(
                event_id=body["id"],
                action=body["kind"],
                at=from_db(body["at"]),
                ref_ids=[body["subject"]] if body.get("subject") else [],
                chain_hash=body["hash"],
                chain_seq=body["seq"],
                prev_hash=body["prev_hash"],
                person_id=body.get("person_id"),
                subject=body.get("subject"),
            ),
        )
    if kind == "objection":  # from a lead's local campaign: the normalised numbers only (issue 13.1)
        return p.ObjectionItem(
            idempotency_key=key, seq=device_seq, payload=p.ObjectionPayload.model_validate(body)
        )
    if kind == "pledge":
        return p.PledgeItem(idempotency_key=key, seq=device_seq, payload=p.PledgePayload.model_validate(body))
    if kind == "content":  # content v1: a lead's adaptation of a central campaign's script and questions
        return p.ContentItem(
            idempotency_key=key, seq=device_seq, payload=ContentAdaptation.model_validate(body)
        )
    raise ValueError(f"unknown outbox kind {kind}")


class WorkspaceSyncStore:
    """SyncStore over one workspace connection. ``cleared_purposes(conn)`` says which purposes have a valid
    clearance now (the clearance gate of desktop.services; injected so that storage does not import services).

    ``bulk`` (``Workspace.bulk_transaction``): a page with many contacts is applied in one transaction on a
    short-lived connection of the same workspace, on the same thread, instead of on ``conn`` (issue 17.2: on the
    app's long-lived connection SQLite's lookaside memory is used up by its prepared statements, and every row
    then pays for SQLCipher's wiping allocator; docs/performance.md). Same statements, same transaction."""

    def __init__(
        self,
        conn: Connection,
        *,
        cleared_purposes: Callable[[Connection], set[str]],
        clock: Callable[[], datetime],
        bulk: Callable[[], AbstractContextManager[Connection]] | None = None,
        bulk_page: int = BULK_PAGE_CONTACTS,
    ) -> None:
        self.conn = conn
        self._cleared_purposes = cleared_purposes
        self.clock = clock
        self._bulk = bulk
        self._bulk_page = bulk_page

    # ------------------------------------------------------------------ outbox

    def pending(self, limit: int) -> list[PushItem | Unencodable]:
        rows = outbox_store.pending_for_push(self.conn, limit)
        out: list[PushItem | Unencodable] = []
        for key, kind, device_seq, payload in rows:
            try:
                out.append(push_item(key, kind, device_seq, json.loads(payload)))
            except ValueError as exc:  # an item we cannot even describe (pydantic errors are ValueErrors too)
                out.append(Unencodable(key, f"unencodable: {type(exc).__name__}"))
        return out

    def record_push(self, sent: Sequence[str], rejected: Mapping[str, str], at: datetime) -> None:
        with transaction(self.conn):
            outbox_store.mark_sent(self.conn, sent, at)
            outbox_store.mark_rejected(self.conn, rejected)

    def renumber_pending(self, above: int) -> int:
        """Every unacknowledged item (and those refused as seq_reused) gets the next numbers above ``above``,
        in its old order, and a new idempotency key."""
        with transaction(self.conn):
            return outbox_store.renumber(
                self.conn, above=above, also_rejected_as=p.RejectReason.SEQ_REUSED.value
            )

    # ------------------------------------------------------------------ check-in (issue 13.4)

    def history_token(self) -> str | None:
        return get_meta(self.conn, "history_token")

    def set_history_token(self, token: str) -> None:
        with transaction(self.conn):
            set_meta(self.conn, "history_token", token)

    # ------------------------------------------------------------------ pull state

    def pull_cursor(self) -> str | None:
        return get_meta(self.conn, "pull_cursor")

    def withheld(self) -> bool:
        return get_meta(self.conn, "withheld") == "1"

    def clear_withheld(self) -> None:
        with transaction(self.conn):
            delete_meta(self.conn, "withheld")

    def any_cleared(self) -> bool:
        return bool(self._cleared_purposes(self.conn))

    def revocation_state(self) -> tuple[int | None, datetime]:
        previous = get_meta(self.conn, "revocations_version")
        return (int(previous) if previous else None), trusted_now(self.conn, self.clock())

    def wipe_server_owned(self) -> None:
        with transaction(self.conn):
            campaign_store.delete_central_campaigns(self.conn)
            clearance_store.delete_clearances(self.conn)
            delete_meta(self.conn, *SERVER_OWNED_META)

    # ------------------------------------------------------------------ leases (issue 13.3)

    def lease_wish(self) -> p.LeaseRequest:
        """What to ask for: the lead's size and hours; everything back after 'give back' (end of the evening)."""
        size = int(get_meta(self.conn, "lease_size") or p.DEFAULT_LEASE_SIZE)
        hours = float(get_meta(self.conn, "lease_hours") or p.DEFAULT_LEASE_HOURS)
        if get_meta(self.conn, "lease_give_back") == "all":
            held = [r[0] for r in self.conn.execute("SELECT contact_id FROM leases ORDER BY contact_id")]
            return p.LeaseRequest(size=0, hours=hours, give_back=held[: p.MAX_LEASE])
        return p.LeaseRequest(size=size, hours=hours)

    def store_leases(self, answer: p.LeaseResponse) -> None:
        """The answer replaces what this PC held (one transaction)."""
        with transaction(self.conn):
            self.conn.execute("DELETE FROM leases")
            self.conn.executemany(
                "INSERT INTO leases (contact_id, campaign_id, expires_at) VALUES (?, ?, ?)",
                [(x.contact_id, x.campaign_id, to_db(x.expires_at)) for x in answer.leases],
            )
            contact_store.mark_leased(self.conn, [(x.contact_id, x.expires_at) for x in answer.leases])
            set_meta(self.conn, "leasing", "1")
            delete_meta(self.conn, "lease_give_back")

    def mark_synced(self, at: datetime) -> None:
        with transaction(self.conn):
            set_meta(self.conn, "last_sync", to_db(at) or "")

    # ------------------------------------------------------------------ one page

    def apply_page(
        self, page: p.PullPage, revocations: clr.VerifiedRevocationList | None, rules: Rules
    ) -> None:
        if self._bulk is not None and len(page.contacts) >= self._bulk_page:
            with self._bulk() as conn:
                self._apply(conn, page, revocations, rules)
        else:
            with transaction(self.conn):
                self._apply(self.conn, page, revocations, rules)

    def _apply(
        self,
        conn: Connection,
        page: p.PullPage,
        revocations: clr.VerifiedRevocationList | None,
        rules: Rules,
    ) -> None:
        """Everything in the page and its cursor, inside the transaction the caller holds on ``conn``."""
        observe_time(conn, page.server_time, authoritative=True)
        for info in page.campaigns:
            self._upsert_campaign(conn, info)
        for content in page.contents:  # content v1 (issue 14.1)
            campaign_store.apply_campaign_content(conn, content)
        for grant in page.clearances:
            clearance_store.put_clearance(
                conn,
                resolution_id=grant.resolution_id,
                purposes=list(grant.purposes),
                signed=grant.clearance.model_dump_json(),
                received_at=page.server_time,
            )
        if page.clearance_refusals or page.clearances:
            set_meta(
                conn,
                "clearance_refusals",
                json.dumps([r.model_dump(mode="json") for r in page.clearance_refusals]),
            )
        if revocations is not None and page.revocations is not None:
            set_meta(conn, "revocations", page.revocations.model_dump_json())
            set_meta(conn, "revocations_version", str(revocations.version))
            observe_time(conn, revocations.issued_at)
        if page.contacts:
            purpose_of = campaign_store.purpose_by_campaign(conn)
            kept = rules.covered(page.contacts, purpose_of, self._cleared_purposes(conn))
            if len(kept) < len(page.contacts):
                set_meta(conn, "withheld", "1")
            self._upsert_contacts(conn, kept, rules)
        self._apply_statuses(
            conn, [(u.contact_id, u.status, u.organizer_resolved) for u in page.statuses], rules
        )
        self._apply_call_states(conn, page.call_states, rules)  # issue 13.3, merged by the engine's rule
        for item in page.organizer_items:  # inbox v1: the lead's copy of the organizer messages
            if campaign_store.campaign_row(conn, item.campaign_id) is not None:
                organizer_store.put_organizer_item(
                    conn,
                    report_id=item.report_id,
                    campaign_id=item.campaign_id,
                    contact_id=item.contact_id,
                    outcome=item.outcome.value,
                    message=item.message,
                    created_at=item.created_at,
                    resolution=item.resolution,
                    resolved_at=item.resolved_at,
                )
        if page.objection_register is not None:
            objection_register.store(conn, page.objection_register)
        for decision in page.pledge_decisions:
            pledge_store.record_decision(conn, decision.pledge_id, decision.status, decision.decided_at)
        for info in page.campaigns:  # campaign end v1: retention wipes its contacts right after this sync
            if info.ended_at is not None and campaign_store.campaign_row(conn, info.campaign_id) is not None:
                campaign_store.set_campaign_status(conn, info.campaign_id, "ended")
                extra = campaign_store.get_campaign_lead(conn, info.campaign_id) or {}
                campaign_store.put_campaign_lead(  # ended_reason stays empty: neither the lead nor the end date
                    conn, info.campaign_id, ended_at=extra.get("ended_at") or to_db(info.ended_at)
                )
        set_meta(conn, "pull_cursor", page.next_cursor)

    def _upsert_campaign(self, conn: Connection, info: p.CampaignInfo) -> None:
        self._insert_or_update_campaign(conn, info)
        if info.record is not None:  # record v1: the resolution and deletion rules for the Art. 30 record
            r = info.record
            campaign_store.put_campaign_lead(
                conn,
                info.campaign_id,
                resolution_ref=r.document_ref,
                resolution_body=r.resolution_body,
                resolution_date=r.resolution_date.isoformat(),
                responsible=json.dumps(r.responsible[:3]),
                central_free_text_days=r.free_text_days,
                central_contact_days=r.contact_days,
            )

    def _insert_or_update_campaign(self, conn: Connection, info: p.CampaignInfo) -> None:
        campaign = Campaign(
            id=info.campaign_id,
            title=info.title,
            purpose=info.purpose,
            categories=tuple(info.categories) or ("member",),
            ends_on=info.ends_on,
        )
        campaign_store.put_central_campaign(
            conn, campaign, released_at=info.released_at, resolution_id=info.resolution_id
        )

    def _upsert_contacts(self, conn: Connection, records: Sequence[p.ContactRecord], rules: Rules) -> None:
        """The page's contacts with a handful of statements (contact_store.put_central_contacts), then their
        statuses by the engine's rule, as one at a time would."""
        if not records:
            return
        contact_store.put_central_contacts(
            conn,
            [
                (
                    record.contact_id,
                    record.campaign_id,
                    (
                        record.first_name or "",
                        record.last_name or "",
                        record.locality or "",
                        record.district or "",
                        record.postcode or "",
                        record.phone or "",
                        record.phone2 or "",
                        record.category,
                    ),
                )
                for record in records
            ],
            position=contact_store.next_position_overall(conn),
        )
        self._apply_statuses(conn, [(r.contact_id, r.status, False) for r in records], rules)

    def _apply_call_states(
        self, conn: Connection, updates: Sequence[p.CallStateUpdate], rules: Rules
    ) -> None:
        if not updates:
            return
        stored = contact_store.get_call_states(conn, [u.contact_id for u in updates])
        changed: list[tuple[str, int, datetime | None, datetime | None]] = []
        for update in updates:
            if update.contact_id not in stored:
                continue
            local = callstate.CallState(*stored[update.contact_id])
            merged = rules.call_state_to_store(
                local, callstate.CallState(update.attempts, update.last_attempt_at, update.callback_after)
            )
            if merged != local:
                stored[update.contact_id] = (merged.attempts, merged.last_attempt_at, merged.callback_after)
                changed.append(
                    (update.contact_id, merged.attempts, merged.last_attempt_at, merged.callback_after)
                )
        contact_store.set_call_states(conn, changed)

    def _apply_statuses(
        self, conn: Connection, updates: Sequence[tuple[str, ContactStatus, bool]], rules: Rules
    ) -> None:
        """``(contact id, the server's status, organizer_resolved)`` each: the status the engine's rule keeps,
        written where it changed (contacts the PC does not have are skipped). One read, one write."""
        if not updates:
            return
        stored = contact_store.get_statuses(conn, [u[0] for u in updates])
        changed: dict[str, str] = {}
        for contact_id, server, resolved in updates:
            local = stored.get(contact_id)
            if local is None:
                continue
            status = rules.status_to_store(ContactStatus(local), server, resolved=resolved).value
            if status != local:  # (the same contact twice: the second sees the first's result)
                stored[contact_id] = changed[contact_id] = status
        contact_store.set_statuses(conn, list(changed.items()))
