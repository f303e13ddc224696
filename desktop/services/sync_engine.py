"""The desktop side of the sync with the central office (design.md "Sync", R10–R12).

Push: outbox items in device-sequence order, in batches; an item counts as sent only after a result names it.
Pull: cursor pages, each page and its cursor applied in one transaction. Network I/O never runs inside a
database transaction. The engine works on its own connection to the workspace (opened with the workspace
key on the sync thread), so saving a report never waits for the network.
"""

from __future__ import annotations

import json
import platform
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from desktop.domain.models import CallReport, Campaign, Role
from desktop.paths import WorkspacePaths
from desktop.services import clearance_gate, retention, session
from desktop.services.enrolment import Enrolment, b64url, observe_time, trusted_now
from desktop.storage import audit
from desktop.storage.database import Connection
from desktop.storage.errors import ErrorCode, WorkspaceError
from desktop.storage.repo import delete_meta, get_meta, set_meta, transaction
from desktop.storage.timefmt import from_db, to_db, utcnow
from desktop.storage.workspace import Workspace, list_slots
from sync.client.transport import Refused, ResyncRequired, SyncClient, SyncError, Unreachable
from sync.core import clearance as clr
from sync.core import protocol as p
from sync.core.rules import ContactStatus, combine_statuses

PUSH_BATCH = 200


@dataclass
class SyncResult:
    pushed: int = 0
    duplicates: int = 0
    rejected: int = 0
    pages: int = 0
    contacts: int = 0
    resynced: bool = False
    missing: list[tuple[int, int]] = field(default_factory=list)  # gaps the server reports


# --------------------------------------------------------------------------------------------- enrolment


def enrol(
    paths: WorkspacePaths,
    *,
    server_url: str,
    code: str,
    label: str,
    passphrase: str,
    clock: Callable[[], datetime] = utcnow,
) -> Workspace:
    """Redeem a one-time code; create the workspace (or attach an existing one) with the person's key slot."""
    response = SyncClient.enrol(server_url, code, f"{label} · {platform.system() or 'PC'}")
    if paths.exists():
        slot = next((s.slot_id for s in list_slots(paths) if s.label == label), None)
        if slot is None:
            raise WorkspaceError(ErrorCode.EXISTS, "another person's workspace is on this PC")
        workspace = session.unlock(paths, slot, passphrase, clock)
    else:
        workspace = Workspace.create(
            paths, org_name=response.org_name, label=label, role=Role.LEAD, passphrase=passphrase, now=clock()
        )
    pinned = {k.kid: k.public_key for k in response.signing_keys}
    clr.pin_keys(*(b64url(v) for v in pinned.values()))  # refuses a key that is not Ed25519
    with workspace.transaction() as conn:
        for key, value in (
            ("server_url", server_url.rstrip("/")),
            ("device_id", response.device_id),
            ("device_secret", response.device_secret),
            ("org_id", response.org_id),
            ("server_person_id", response.person_id),
            ("pinned_keys", json.dumps(pinned)),
            ("org_name", response.org_name),
        ):
            set_meta(conn, key, value)
        audit.append(
            conn,
            audit.AuditKind.CLEARANCE_CHANGED,
            at=clock(),
            person_id=workspace.person.id,
            subject=response.device_id,
        )
    return workspace


# --------------------------------------------------------------------------------------------- push


def _report_payload(body: dict) -> p.ReportPayload:
    report = CallReport.model_validate(body)
    answers = {k: list(v) if isinstance(v, tuple | list) else v for k, v in report.answers.items()}
    return p.ReportPayload(
        report_id=report.id,
        campaign_id=report.campaign_id,
        contact_id=report.contact_id,
        outcome=report.outcome,
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


def _item(
    item_id: str, kind: str, device_seq: int, body: dict
) -> p.ReportItem | p.AuditEventItem | p.PledgeItem:
    key = uuid.UUID(hex=item_id)
    if kind == "report":
        return p.ReportItem(idempotency_key=key, seq=device_seq, payload=_report_payload(body))
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
    if kind == "pledge":
        return p.PledgeItem(idempotency_key=key, seq=device_seq, payload=p.PledgePayload.model_validate(body))
    raise ValueError(f"unknown outbox kind {kind}")


class SyncEngine:
    def __init__(
        self,
        conn: Connection,
        client: SyncClient,
        enrolment: Enrolment,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.conn = conn
        self.client = client
        self.enrolment = enrolment
        self.clock = clock

    def run(self) -> SyncResult:
        result = SyncResult()
        self.push(result)
        self.pull(result)
        with transaction(self.conn):
            set_meta(self.conn, "last_sync", to_db(self.clock()) or "")
        return result

    # ------------------------------------------------------------------ push

    def push(self, result: SyncResult) -> None:
        while True:
            rows = self.conn.execute(
                "SELECT item_id, kind, device_seq, payload FROM outbox WHERE state = 'pending' "
                "AND device_seq IS NOT NULL ORDER BY device_seq LIMIT ?",
                (PUSH_BATCH,),
            ).fetchall()
            if not rows:
                return
            items = []
            for item_id, kind, device_seq, payload in rows:
                try:
                    items.append(_item(item_id, kind, device_seq, json.loads(payload)))
                except ValueError as exc:  # an item we cannot even describe: needs attention, never dropped
                    with transaction(self.conn):
                        self.conn.execute(
                            "UPDATE outbox SET state = 'rejected', last_error = ? WHERE item_id = ?",
                            (f"unencodable: {type(exc).__name__}", item_id),
                        )
            if not items:
                continue
            response = self.client.push(items)  # no transaction is open here
            by_key = {str(r.idempotency_key): r for r in response.results}
            now = to_db(self.clock())
            answered = 0
            with transaction(self.conn):
                for item in items:
                    res = by_key.get(str(item.idempotency_key))
                    if res is None:
                        continue  # not named in the reply: stays pending, sent again next time
                    answered += 1
                    if res.status is p.ItemStatus.REJECTED:
                        result.rejected += 1
                        self.conn.execute(
                            "UPDATE outbox SET state = 'rejected', last_error = ?, tries = tries + 1 "
                            "WHERE item_id = ?",
                            (res.reason.value if res.reason else "rejected", item.idempotency_key.hex),
                        )
                    else:
                        if res.status is p.ItemStatus.DUPLICATE:
                            result.duplicates += 1
                        else:
                            result.pushed += 1
                        self.conn.execute(
                            "UPDATE outbox SET state = 'sent', acked_at = ?, tries = tries + 1 "
                            "WHERE item_id = ?",
                            (now, item.idempotency_key.hex),
                        )
            result.missing = [(g.first, g.last) for g in response.missing]
            if answered == 0:
                return  # the server answered none of them: try again at the next sync

    # ------------------------------------------------------------------ pull

    def pull(self, result: SyncResult) -> None:
        cursor = get_meta(self.conn, "pull_cursor")
        restarted = False
        while True:
            if not restarted and get_meta(self.conn, "withheld") == "1" and self._any_cleared():
                # Contacts were withheld while no clearance covered them; one has arrived: fetch the list again.
                restarted, cursor = True, None
                with transaction(self.conn):
                    delete_meta(self.conn, "withheld")
            try:
                page = self.client.pull(cursor)
            except ResyncRequired:
                self._wipe_server_owned()
                result.resynced = True
                cursor = None
                continue
            self.apply_page(page)
            result.pages += 1
            result.contacts += len(page.contacts)
            cursor = page.next_cursor
            if not page.has_more and (
                restarted or get_meta(self.conn, "withheld") != "1" or not self._any_cleared()
            ):
                return

    def _wipe_server_owned(self) -> None:
        """resync_required: drop what the server owns; the outbox and the reports stay (design.md)."""
        with transaction(self.conn):
            self.conn.execute("DELETE FROM campaigns WHERE origin = 'central'")
            self.conn.execute("DELETE FROM clearances")
            delete_meta(self.conn, "pull_cursor", "clearance_refusals")

    def apply_page(self, page: p.PullPage) -> None:
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
            if page.revocations is not None:
                self._store_revocations(page.revocations)
            self._upsert_contacts(self._covered(page.contacts))
            for update in page.statuses:
                _apply_status(conn, update.contact_id, ContactStatus(update.status.value))
            for decision in page.pledge_decisions:
                conn.execute(
                    "UPDATE pledges SET status = ?, decided_at = ? WHERE id = ?",
                    (decision.status, to_db(decision.decided_at), decision.pledge_id),
                )
            set_meta(conn, "pull_cursor", page.next_cursor)

    def _cleared_purposes(self) -> set[str]:
        purposes = {r[0] for r in self.conn.execute("SELECT DISTINCT purpose FROM campaigns")}
        return {x for x in purposes if clearance_gate.check(self.conn, x, self.clock()).valid}

    def _any_cleared(self) -> bool:
        return bool(self._cleared_purposes())

    def _covered(self, records: list[p.ContactRecord]) -> list[p.ContactRecord]:
        """No member data on the PC without a clearance for its purpose (DP-11): the rest is not stored."""
        if not records:
            return records
        cleared = self._cleared_purposes()
        purpose_of = dict(self.conn.execute("SELECT id, purpose FROM campaigns"))
        kept = [r for r in records if purpose_of.get(r.campaign_id) in cleared]
        if len(kept) < len(records):
            set_meta(self.conn, "withheld", "1")
        return kept

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

    def _upsert_contacts(self, records: list[p.ContactRecord]) -> None:
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
            _apply_status(self.conn, record.contact_id, ContactStatus(record.status.value))

    def _store_revocations(self, signed: clr.SignedRevocationList) -> None:
        previous = get_meta(self.conn, "revocations_version")
        now = trusted_now(self.conn, self.clock())
        try:
            rl = clr.verify_revocations(
                signed,
                pinned=self.enrolment.pinned,
                org_id=self.enrolment.org_id,
                now=now,
                previous_version=int(previous) if previous else None,
            )
        except clr.ClearanceInvalid:
            return  # a rolled-back or forged list is ignored; the stored one keeps failing closed when stale
        set_meta(self.conn, "revocations", signed.model_dump_json())
        set_meta(self.conn, "revocations_version", str(rl.version))
        observe_time(self.conn, rl.issued_at)


# --------------------------------------------------------------------------------------------- helpers


def _apply_status(conn: Connection, contact_id: str, server_status: ContactStatus) -> None:
    """The server decides (objection wins); a local status of higher precedence stays until it is pushed."""
    row = conn.execute("SELECT status FROM contacts WHERE id = ?", (contact_id,)).fetchone()
    if row is None:
        return
    local = ContactStatus(row[0])
    status = combine_statuses((local, server_status))  # the shared precedence (sync.core.rules)
    if status is not local:
        conn.execute("UPDATE contacts SET status = ? WHERE id = ?", (status.value, contact_id))


def sync_once(workspace_conn: Connection, clock: Callable[[], datetime] = utcnow) -> SyncResult:
    """One full sync on the given connection (the CLI and the background worker call this)."""
    enrolment = Enrolment.load(workspace_conn)
    if enrolment is None:
        raise SyncError("not enrolled")
    with SyncClient(enrolment.server_url, enrolment.device_id, enrolment.device_secret) as client:
        result = SyncEngine(workspace_conn, client, enrolment, clock).run()
    retention.enforce(workspace_conn, clock())
    return result


__all__ = [
    "Enrolment",
    "Refused",
    "SyncEngine",
    "SyncError",
    "SyncResult",
    "Unreachable",
    "enrol",
    "sync_once",
    "trusted_now",
]
