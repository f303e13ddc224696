"""The workspace side of the sync (sync.client.engine.SyncStore): all SQL of a sync, in short transactions.

Owner of what the central office sends (campaigns of origin 'central', clearances, the revocation list, the
pull cursor) and of the outbox's sync states. The rules (what counts as sent, which status wins, which contacts
may be stored) are the engine's (sync.client.engine); this module only reads and writes.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime

from desktop.domain.models import CallReport, Campaign
from desktop.storage import objection_register
from desktop.storage.database import Connection
from desktop.storage.database import transaction
from desktop.storage.meta_store import delete_meta, get_meta, set_meta
from desktop.storage.timefmt import from_db, to_db
from desktop.storage.trusted_time import observe_time, trusted_now
from sync.client.engine import PushItem, Rules, Unencodable
from sync.core import clearance as clr
from sync.core import protocol as p

SERVER_OWNED_META = ("pull_cursor", "clearance_refusals")


def report_payload(body: dict) -> p.ReportPayload:
    report = CallReport.model_validate(body)
    answers = {k: list(v) if isinstance(v, tuple | list) else v for k, v in report.answers.items()}
    return p.ReportPayload(
        report_id=report.id,
        campaign_id=report.campaign_id,
        contact_id=report.contact_id,
        outcome=p.Outcome(report.outcome.value),
        zetkin=report.zetkin_code,
        created_at=report.created_at,
        callback_after=report.callback_after,
        wrong_numbers=list(report.wrong_numbers),
        organizer_action=report.organizer_action,
        organizer_message=report.organizer_message,
        note=report.note,
        answers=answers,
        corrects=report.corrects,
    )


def push_item(key_hex: str, kind: str, device_seq: int, body: dict) -> PushItem:
    key = uuid.UUID(hex=key_hex)
    if kind == "report":
        return p.ReportItem(idempotency_key=key, seq=device_seq, payload=report_payload(body))
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
        return p.ObjectionItem(idempotency_key=key, seq=device_seq, payload=p.ObjectionPayload.model_validate(body))
    if kind == "pledge":
        return p.PledgeItem(idempotency_key=key, seq=device_seq, payload=p.PledgePayload.model_validate(body))
    raise ValueError(f"unknown outbox kind {kind}")


class WorkspaceSyncStore:
    """SyncStore over one workspace connection. ``cleared_purposes(conn)`` says which purposes have a valid
    clearance now (the clearance gate of desktop.services; injected so that storage does not import services)."""

    def __init__(
        self,
        conn: Connection,
        *,
        cleared_purposes: Callable[[Connection], set[str]],
        clock: Callable[[], datetime],
    ) -> None:
        self.conn = conn
        self._cleared_purposes = cleared_purposes
        self.clock = clock

    # ------------------------------------------------------------------ outbox

    def pending(self, limit: int) -> list[PushItem | Unencodable]:
        rows = self.conn.execute(
            "SELECT coalesce(idem_key, item_id), kind, device_seq, payload FROM outbox "
            "WHERE state = 'pending' AND device_seq IS NOT NULL ORDER BY device_seq LIMIT ?",
            (limit,),
        ).fetchall()
        out: list[PushItem | Unencodable] = []
        for key, kind, device_seq, payload in rows:
            try:
                out.append(push_item(key, kind, device_seq, json.loads(payload)))
            except ValueError as exc:  # an item we cannot even describe (pydantic errors are ValueErrors too)
                out.append(Unencodable(key, f"unencodable: {type(exc).__name__}"))
        return out

    def record_push(self, sent: Sequence[str], rejected: Mapping[str, str], at: datetime) -> None:
        with transaction(self.conn):
            self.conn.executemany(
                "UPDATE outbox SET state = 'sent', acked_at = ?, tries = tries + 1 "
                "WHERE coalesce(idem_key, item_id) = ?",
                [(to_db(at), key) for key in sent],
            )
            self.conn.executemany(
                "UPDATE outbox SET state = 'rejected', last_error = ?, tries = tries + 1 "
                "WHERE coalesce(idem_key, item_id) = ?",
                [(reason, key) for key, reason in rejected.items()],
            )

    def renumber_pending(self, above: int) -> int:
        """Every unacknowledged item (and those refused as seq_reused) gets the next numbers above ``above``,
        in its old order, and a new idempotency key."""
        with transaction(self.conn):
            rows = self.conn.execute(
                "SELECT seq FROM outbox WHERE device_seq IS NOT NULL AND "
                "(state = 'pending' OR (state = 'rejected' AND last_error = ?)) ORDER BY device_seq",
                (p.RejectReason.SEQ_REUSED.value,),
            ).fetchall()
            if not rows:
                return 0
            # Out of the way first (device_seq is UNIQUE), then the numbers right above the server's highest
            # (or above anything this PC still holds, should that be higher), in the old order.
            self.conn.executemany(
                "UPDATE outbox SET device_seq = -device_seq WHERE seq = ?", [(r[0],) for r in rows]
            )
            held = self.conn.execute("SELECT coalesce(max(device_seq), 0) FROM outbox").fetchone()[0]
            start = max(above, held)
            self.conn.executemany(
                "UPDATE outbox SET device_seq = ?, idem_key = ?, state = 'pending', last_error = NULL "
                "WHERE seq = ?",
                [(start + i + 1, uuid.uuid4().hex, r[0]) for i, r in enumerate(rows)],
            )
        return len(rows)

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
            self.conn.execute("DELETE FROM campaigns WHERE origin = 'central'")
            self.conn.execute("DELETE FROM clearances")
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
            set_meta(self.conn, "leasing", "1")
            delete_meta(self.conn, "lease_give_back")

    def mark_synced(self, at: datetime) -> None:
        with transaction(self.conn):
            set_meta(self.conn, "last_sync", to_db(at) or "")

    # ------------------------------------------------------------------ one page

    def apply_page(
        self, page: p.PullPage, revocations: clr.VerifiedRevocationList | None, rules: Rules
    ) -> None:
        conn = self.conn
        with transaction(conn):
            observe_time(conn, page.server_time, authoritative=True)
            for info in page.campaigns:
                self._upsert_campaign(info)
            for grant in page.clearances:
                conn.execute(
                    "INSERT INTO clearances (resolution_id, purposes, signed, received_at) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT (resolution_id) DO UPDATE SET purposes = excluded.purposes, "
                    "signed = excluded.signed, received_at = excluded.received_at",
                    (
                        grant.resolution_id,
                        json.dumps(grant.purposes),
                        grant.clearance.model_dump_json(),
                        to_db(page.server_time),
                    ),
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
                purpose_of = dict(conn.execute("SELECT id, purpose FROM campaigns"))
                kept = rules.covered(page.contacts, purpose_of, self._cleared_purposes(conn))
                if len(kept) < len(page.contacts):
                    set_meta(conn, "withheld", "1")
                self._upsert_contacts(kept, rules)
            for update in page.statuses:
                self._apply_status(update.contact_id, update.status, rules)
            if page.objection_register is not None:
                objection_register.store(conn, page.objection_register)
            for decision in page.pledge_decisions:
                conn.execute(
                    "UPDATE pledges SET status = ?, decided_at = ? WHERE id = ?",
                    (decision.status, to_db(decision.decided_at), decision.pledge_id),
                )
            set_meta(conn, "pull_cursor", page.next_cursor)

    def _upsert_campaign(self, info: p.CampaignInfo) -> None:
        exists = self.conn.execute("SELECT 1 FROM campaigns WHERE id = ?", (info.campaign_id,)).fetchone()
        if exists:
            self.conn.execute(
                "UPDATE campaigns SET title = ?, resolution_id = ? WHERE id = ?",
                (info.title, info.resolution_id, info.campaign_id),
            )
            return
        campaign = Campaign(
            id=info.campaign_id,
            title=info.title,
            purpose=info.purpose,
            categories=tuple(info.categories) or ("member",),
            ends_on=info.ends_on,
        )
        self.conn.execute(
            "INSERT INTO campaigns (id, title, purpose, definition, status, origin, created_at, resolution_id) "
            "VALUES (?, ?, ?, ?, 'active', 'central', ?, ?)",
            (
                campaign.id,
                campaign.title,
                campaign.purpose,
                campaign.model_dump_json(),
                to_db(info.released_at),
                info.resolution_id,
            ),
        )

    def _upsert_contacts(self, records: Sequence[p.ContactRecord], rules: Rules) -> None:
        if not records:
            return
        position = self.conn.execute("SELECT coalesce(max(position) + 1, 0) FROM contacts").fetchone()[0]
        for record in records:
            values = (
                record.first_name or "",
                record.last_name or "",
                record.locality or "",
                record.district or "",
                record.postcode or "",
                record.phone or "",
                record.phone2 or "",
                record.category,
            )
            updated = self.conn.execute(
                "UPDATE contacts SET first_name = ?, last_name = ?, locality = ?, district = ?, postcode = ?, "
                "phone = ?, phone2 = ?, category = ? WHERE id = ?",
                (*values, record.contact_id),
            ).rowcount
            if not updated:
                self.conn.execute(
                    "INSERT INTO contacts (id, campaign_id, position, first_name, last_name, locality, district, "
                    "postcode, phone, phone2, category) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (record.contact_id, record.campaign_id, position, *values),
                )
                position += 1
            self._apply_status(record.contact_id, record.status, rules)

    def _apply_status(self, contact_id: str, server: p.ContactStatus, rules: Rules) -> None:
        row = self.conn.execute("SELECT status FROM contacts WHERE id = ?", (contact_id,)).fetchone()
        if row is None:
            return
        status = rules.status_to_store(p.ContactStatus(row[0]), server)
        if status.value != row[0]:
            self.conn.execute("UPDATE contacts SET status = ? WHERE id = ?", (status.value, contact_id))
