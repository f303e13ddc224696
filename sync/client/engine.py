"""The PC's sync client: push the outbox, pull the central office's feed (design.md "Sync", R10-R12).

Qt-free and desktop-free. All storage goes through a :class:`SyncStore` (the desktop workspace implements it
in ``desktop.storage.sync_store``; all SQL lives there); the rules live here:

- Push: outbox items in device-sequence order, in batches. An item counts as sent only when a result names it
  as accepted or duplicate; a rejection goes to "needs attention", never to "sent"; an item the reply does not
  name stays pending and is sent again, with the same key and number.
- Rollback / clone (issue 13.4): a ``seq_reused`` rejection means the server holds numbers this PC has
  forgotten (a workspace restored from a backup or an older copy). The engine then learns the server's
  ``highest_seq`` and renumbers every unacknowledged item above it with a new idempotency key; the server counts
  a report id once per organisation, so nothing is counted twice.
- Check-in (issue 13.4), first in every sync: the PC presents the history token of its last check-in and keeps
  the new one. The server accepts an older token once (a restored backup: the push renumbers, see above) and
  refuses the token such a restore made stale if it comes back (``device_cloned``: a copy of the workspace is
  used as a second PC). The refusal ends the sync before anything is sent; the app then guides the PC through
  salvage -> re-enrol -> re-send (desktop.services.reenrol).
- Pull: cursor pages; each page and its cursor are applied in one transaction by the store. A revocation list
  is only stored if it verifies against the pinned keys and is not older than the stored one. Contacts of a
  purpose without a valid clearance are never stored (DP-11). The server's status of a contact replaces the
  local one only if it ranks at least as high (a local objection not yet pushed is never overwritten).
- Shared call state (issue 13.3): the central office's attempts, last call and call-back of a contact are merged
  with the PC's own by sync.core.callstate.merge (attempts summed over PCs, the newer call decides the cooldown
  and the call-back), so the next PC continues a contact where the last one left it.
- ``resync_required`` wipes what the server owns (campaigns from the server, clearances, the cursor) and pulls
  from the start; the outbox is never touched.

Network I/O never runs inside a database transaction: the store's methods are short transactions, and the
desktop runs each of them on its database thread.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Protocol

from sync.client.transport import ResyncRequired, SyncClient
from sync.core import callstate
from sync.core import clearance as clr
from sync.core import protocol as p
from sync.core.rules import ContactStatus, combine_statuses

PUSH_BATCH = 200
MAX_RENUMBER_ROUNDS = 3  # a renumbering that is refused again is left for the next sync (needs attention)

PushItem = p.ReportItem | p.PledgeItem | p.AuditEventItem | p.ObjectionItem | p.ContentItem


@dataclass
class SyncResult:
    pushed: int = 0
    duplicates: int = 0
    rejected: int = 0
    renumbered: int = 0  # items given new numbers and keys after a rollback / copy (issue 13.4)
    pages: int = 0
    contacts: int = 0
    resynced: bool = False
    leased: int = 0  # contacts this PC may offer until its leases expire (issue 13.3)
    highest_seq: int = 0  # the server's highest sequence number of this device after the push
    rolled_back: bool = False  # the check-in found an older history of this workspace (a restore, issue 13.4)
    missing: list[tuple[int, int]] = field(default_factory=list)  # gaps the server reports


@dataclass(frozen=True)
class Unencodable:
    """An outbox row the store cannot turn into a protocol item: goes to "needs attention", never dropped."""

    key: str
    error: str


@dataclass(frozen=True)
class Rules:
    """What the store asks the engine while it applies a page inside its transaction."""

    covered: Callable[[Sequence[p.ContactRecord], Mapping[str, str], set[str]], list[p.ContactRecord]]
    status_to_store: Callable[..., ContactStatus]  # (local, server, *, resolved=False) -> status
    # Issue 13.3: (local, server) -> the call state to store (sync.core.callstate.merge).
    call_state_to_store: Callable[[callstate.CallState, callstate.CallState], callstate.CallState] = (
        callstate.merge
    )


class SyncStore(Protocol):
    """The PC side of the sync. Every method is one short transaction (or a read); never network."""

    def pending(self, limit: int) -> list[PushItem | Unencodable]:
        """Unacknowledged outbox items in device-sequence order."""
        ...

    def record_push(self, sent: Sequence[str], rejected: Mapping[str, str], at: datetime) -> None:
        """Mark items (by idempotency key hex) as sent / rejected with a reason, in one transaction."""
        ...

    def renumber_pending(self, above: int) -> int:
        """Give every pending item new sequence numbers above ``above`` (in order) and new idempotency keys;
        items rejected as ``seq_reused`` become pending again. Returns how many items were renumbered."""
        ...

    def history_token(self) -> str | None:
        """Issue 13.4: the token of this workspace's last check-in (None before the first)."""
        ...

    def set_history_token(self, token: str) -> None: ...

    def pull_cursor(self) -> str | None: ...

    def withheld(self) -> bool:
        """Contacts were left out of a page because no clearance covered them."""
        ...

    def clear_withheld(self) -> None: ...

    def any_cleared(self) -> bool:
        """Some purpose of a stored campaign has a valid clearance now."""
        ...

    def revocation_state(self) -> tuple[int | None, datetime]:
        """(version of the stored revocation list or None, trusted now)."""
        ...

    def apply_page(
        self, page: p.PullPage, revocations: clr.VerifiedRevocationList | None, rules: Rules
    ) -> None:
        """Everything in the page and ``page.next_cursor`` in one transaction; ``revocations`` is the page's
        list if it verified (store it), else None (keep the stored one)."""
        ...

    def wipe_server_owned(self) -> None:
        """resync_required: drop campaigns from the server, clearances, the cursor. Never the outbox."""
        ...

    def lease_wish(self) -> p.LeaseRequest:
        """Issue 13.3: the lease request (size and hours set by the lead; everything back after 'give back')."""
        ...

    def store_leases(self, answer: p.LeaseResponse) -> None:
        """Replace what the PC holds with the answer."""
        ...

    def mark_synced(self, at: datetime) -> None: ...


def covered(
    records: Sequence[p.ContactRecord], purpose_of: Mapping[str, str], cleared: set[str]
) -> list[p.ContactRecord]:
    """No member data on the PC without a clearance for its purpose (DP-11): the rest is not stored."""
    return [r for r in records if purpose_of.get(r.campaign_id) in cleared]


def status_to_store(local: ContactStatus, server: ContactStatus, *, resolved: bool = False) -> ContactStatus:
    """The server decides (objection wins); a local status of higher precedence stays until it is pushed —
    except a local organizer action the central office has resolved (inbox v1: ``StatusUpdate.organizer_resolved``,
    done or back to the queue) or a number problem it reopened after a corrected number. The shared precedence (sync.core.rules), as on the central office and in the PC's
    fold."""
    if resolved and local in (
        ContactStatus.ORGANIZER_ACTION,
        ContactStatus.WRONG_NUMBER,  # reopened at the central office once a corrected number arrived
        ContactStatus.NOT_IN_SERVICE,
    ):
        return server
    return combine_statuses((local, server))


RULES = Rules(covered=covered, status_to_store=status_to_store, call_state_to_store=callstate.merge)


def _utcnow() -> datetime:
    return datetime.now(UTC)


class SyncEngine:
    def __init__(
        self,
        store: SyncStore,
        client: SyncClient,
        *,
        pinned: Mapping[str, bytes],
        org_id: str,
        clock: Callable[[], datetime] = _utcnow,
        batch: int = PUSH_BATCH,
    ) -> None:
        self.store = store
        self.batch = batch
        self.client = client
        self.pinned = dict(pinned)
        self.org_id = org_id
        self.clock = clock

    def run(self) -> SyncResult:
        result = SyncResult()
        self.checkin(result)
        self.push(result)
        self.pull(result)
        self.lease(result)
        self.store.mark_synced(self.clock())
        return result

    # ------------------------------------------------------------------ check-in

    def checkin(self, result: SyncResult) -> None:
        """Refused(device_cloned) propagates: nothing is pushed, pulled or leased by a second copy."""
        answer = self.client.checkin(p.CheckinRequest(history_token=self.store.history_token()))
        self.store.set_history_token(answer.history_token)
        result.rolled_back = answer.rolled_back

    # ------------------------------------------------------------------ push

    def push(self, result: SyncResult) -> None:
        renumber_rounds = 0
        while True:
            rows = self.store.pending(self.batch)
            if not rows:
                return
            broken = {row.key: row.error for row in rows if isinstance(row, Unencodable)}
            if broken:
                self.store.record_push([], broken, self.clock())
            items = [row for row in rows if not isinstance(row, Unencodable)]
            if not items:
                continue
            response = self.client.push(items)  # no transaction is open here
            by_key = {r.idempotency_key: r for r in response.results}
            sent, rejected, seq_reused = [], {}, False
            for item in items:
                res = by_key.get(item.idempotency_key)
                if res is None:
                    continue  # not named in the reply: stays pending, sent again next time
                if res.status is p.ItemStatus.REJECTED:
                    reason = res.reason.value if res.reason else "rejected"
                    rejected[item.idempotency_key.hex] = reason
                    seq_reused = seq_reused or res.reason is p.RejectReason.SEQ_REUSED
                else:
                    sent.append(item.idempotency_key.hex)
                    if res.status is p.ItemStatus.DUPLICATE:
                        result.duplicates += 1
                    else:
                        result.pushed += 1
            self.store.record_push(sent, rejected, self.clock())
            result.rejected += len(rejected)
            result.highest_seq = response.highest_seq
            result.missing = [(g.first, g.last) for g in response.missing]
            if seq_reused and renumber_rounds < MAX_RENUMBER_ROUNDS:
                # Restored or copied workspace: the server has numbers we do not know about. Continue above them.
                renumber_rounds += 1
                renumbered = self.store.renumber_pending(response.highest_seq)
                result.renumbered += renumbered
                result.rejected -= sum(1 for r in rejected.values() if r == p.RejectReason.SEQ_REUSED.value)
                continue
            if not sent and not rejected:
                return  # the server answered none of them: try again at the next sync

    # ------------------------------------------------------------------ pull

    def pull(self, result: SyncResult) -> None:
        cursor = self.store.pull_cursor()
        restarted = False
        while True:
            if not restarted and self.store.withheld() and self.store.any_cleared():
                # Contacts were withheld while no clearance covered them; one has arrived: fetch the list again.
                restarted, cursor = True, None
                self.store.clear_withheld()
            try:
                page = self.client.pull(cursor)
            except ResyncRequired:
                self.store.wipe_server_owned()
                result.resynced = True
                cursor = None
                continue
            self.store.apply_page(page, self._revocations(page), RULES)
            result.pages += 1
            result.contacts += len(page.contacts)
            cursor = page.next_cursor
            if not page.has_more and (restarted or not self.store.withheld() or not self.store.any_cleared()):
                return

    # ------------------------------------------------------------------ leases

    def lease(self, result: SyncResult) -> None:
        """After the push (worked contacts are no longer open) and the pull: renew, top up, give back."""
        answer = self.client.lease(self.store.lease_wish())
        self.store.store_leases(answer)
        result.leased = len(answer.leases)

    def _revocations(self, page: p.PullPage) -> clr.VerifiedRevocationList | None:
        """The page's revocation list if it is genuine and not older than the stored one; else None."""
        if page.revocations is None:
            return None
        previous, now = self.store.revocation_state()
        try:
            return clr.verify_revocations(
                page.revocations, pinned=self.pinned, org_id=self.org_id, now=now, previous_version=previous
            )
        except clr.ClearanceInvalid:
            return None  # a rolled-back or forged list is ignored; the stored one keeps failing closed when stale


__all__ = [
    "PUSH_BATCH",
    "RULES",
    "Rules",
    "SyncEngine",
    "SyncResult",
    "SyncStore",
    "Unencodable",
    "covered",
    "status_to_store",
]
