"""Use cases of a calling shift: the next card, saving a report durably, correcting the last one, the
caller's own counts.

Runs on the database task thread. Every mutation returns what changed, so the views refresh from it (Anki
operations). The rules themselves live in desktop.domain (queue, calling hours); storage mirrors the queue
order in SQL for speed, and a property test keeps both in step.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from desktop.domain import queue
from desktop.domain.calling_hours import CallingTimeVerdict, check_calling_time
from desktop.domain.models import CallReport, Campaign, Contact, ContactState
from desktop.services import clearance_gate, volunteers
from desktop.storage import audit, campaign_store, clearance_store, contact_store, outbox_store, report_store
from desktop.storage.database import Connection
from desktop.storage.timefmt import utcnow
from desktop.storage.workspace import Workspace
from sync.core.content import content_problems
from sync.core.rules import ContactStatus, Outcome

Clock = Callable[[], datetime]
GATE_CACHE = timedelta(minutes=1)


@dataclass(frozen=True)
class Attempt:
    outcome: Outcome
    at: datetime
    mine: bool
    note: str = ""


@dataclass(frozen=True)
class Card:
    """Everything the call card shows, already restricted to the campaign's allowed fields (DP-7)."""

    campaign: Campaign
    contact: Contact
    attempts: tuple[Attempt, ...]
    content_version: int | None = None  # the central office's content version (None: a local campaign)
    content_author: str | None = None  # "central" or "lead" (the call lead adapted script / questions)


@dataclass(frozen=True)
class EmptyQueue:
    """Nobody to call now, and why (never an error)."""

    campaign: Campaign
    explanation: queue.EmptyQueueExplanation


@dataclass(frozen=True)
class OutsideHours:
    campaign: Campaign
    verdict: CallingTimeVerdict


@dataclass(frozen=True)
class NoCampaign:
    pass


@dataclass(frozen=True)
class NotCleared:
    """No valid clearance covers this campaign's purpose: no numbers, no calling (DP-11)."""

    campaign: Campaign
    gate: clearance_gate.GateStatus


@dataclass(frozen=True)
class NoScript:
    """The campaign lacks its script or transparency answer (DP-23): nobody is called with it (issue 14.1)."""

    campaign: Campaign
    problems: tuple[str, ...]  # "field:code", e.g. "transparency:missing"


NextCard = Card | EmptyQueue | OutsideHours | NoCampaign | NotCleared | NoScript


@dataclass(frozen=True)
class ShiftCounts:
    calls: int = 0
    reached: int = 0
    started_at: datetime | None = None

    def per_hour(self, now: datetime) -> float:
        if not self.started_at or self.calls == 0:
            return 0.0
        hours = max((now - self.started_at).total_seconds() / 3600, 1 / 60)
        return self.calls / hours


@dataclass(frozen=True)
class ReportSaved:
    """What changed when a report was saved: the views refresh from this, nothing else."""

    report: CallReport
    contact_state: ContactState
    outbox_seq: int
    pending_uploads: int
    shift: ShiftCounts
    next: NextCard | None = None


def _register_local_objection(conn: Connection, report: CallReport) -> None:
    """A local campaign's objection goes to the organisation-wide register with the contact's normalised numbers
    and nothing else (issue 13.1; the report itself stays on the PC, DP-3)."""
    contact = contact_store.get_contact(conn, report.contact_id)
    numbers = [n for n in (contact.phone, contact.phone2) if n] if contact is not None else []
    if numbers:
        outbox_store.enqueue(
            conn,
            item_id=uuid.uuid4().hex,
            kind="objection",
            payload={"objection_id": report.id, "numbers": numbers, "at": report.created_at.isoformat()},
            created_at=report.created_at,
        )


class CallingService:
    def __init__(self, workspace: Workspace, clock: Clock = utcnow, shift: ShiftCounts | None = None) -> None:
        """``shift``: the counts of a shift that goes on after a break (a new shift starts without)."""
        self.ws = workspace
        self.clock = clock
        self._shift = shift if shift is not None else ShiftCounts(started_at=clock())
        self._last_report: CallReport | None = None
        self._gate_cache: dict[tuple[object, ...], tuple[clearance_gate.GateStatus, datetime, datetime]] = {}

    @property
    def caller_id(self) -> str:
        return self.ws.person.id

    @property
    def shift(self) -> ShiftCounts:
        return self._shift

    @property
    def last_report(self) -> CallReport | None:
        return self._last_report

    def campaigns(self) -> list[Campaign]:
        return campaign_store.list_campaigns(self.ws.conn)

    # ------------------------------------------------------------------ the next person

    def next_card(self, campaign_id: str) -> NextCard:
        conn = self.ws.conn
        campaign = campaign_store.get_campaign(conn, campaign_id)
        if campaign is None:
            return NoCampaign()
        problems = content_problems(campaign.script, campaign.transparency, campaign.questions)
        if problems:
            return NoScript(campaign, tuple(f"{p.field}:{p.code}" for p in problems))
        now = self.clock()
        gate = self._gate(campaign, now)
        if not gate.valid:
            return NotCleared(campaign, gate)
        verdict = check_calling_time(now, campaign.rules.calling_hours)
        if not verdict.allowed:
            return OutsideHours(campaign, verdict)
        reached = (
            contact_store.count_status(conn, campaign_id, ContactStatus.DONE)
            if campaign.rules.goal_reached
            else 0
        )
        contact_id = None
        if not queue.goal_met(campaign.rules, reached):
            contact_id = contact_store.next_contact_id(
                conn,
                campaign_id,
                now=now,
                me=self.caller_id,
                max_attempts=campaign.rules.max_attempts,
                cooldown=timedelta(hours=campaign.rules.cooldown_hours),
            )
        if contact_id is None:
            reached = contact_store.count_status(conn, campaign_id, ContactStatus.DONE)
            explanation = queue.explain_empty(
                contact_store.all_states(conn, campaign_id),
                now=now,
                rules=campaign.rules,
                me=self.caller_id,
                reached_so_far=reached,
            )
            return EmptyQueue(campaign, explanation)
        return self._card(campaign, contact_id)

    def _card(self, campaign: Campaign, contact_id: str) -> Card:
        contact = contact_store.get_contact(self.ws.conn, contact_id)
        assert contact is not None
        history = tuple(
            Attempt(
                r.outcome,
                r.created_at,
                r.caller_id == self.caller_id,
                r.note if campaign.rules.notes_enabled else "",
            )
            for r in queue.effective_reports(
                contact_id, report_store.reports_for_contact(self.ws.conn, contact_id)
            )
        )
        version, author = campaign_store.campaign_content_version(self.ws.conn, campaign.id)
        return Card(campaign, contact.restricted_to(campaign.allowed_fields), history, version, author)

    def card_for(self, campaign_id: str, contact_id: str) -> Card | NotCleared:
        """The card of a given contact (to correct the last report, or to re-check it after a sync)."""
        campaign = campaign_store.get_campaign(self.ws.conn, campaign_id)
        assert campaign is not None
        gate = self._gate(campaign, self.clock())
        if not gate.valid:
            return NotCleared(campaign, gate)
        return self._card(campaign, contact_id)

    def _gate(self, campaign: Campaign, now: datetime) -> clearance_gate.GateStatus:
        """The device's signed clearance for the purpose, and for volunteers their pledge (DP-11).

        Verifying signatures for every card would cost more than choosing the card, so a verdict is reused
        while what it rests on is unchanged (clearances, revocation list version, trusted time, pledge
        decisions, and `PRAGMA data_version`, which moves when the sync connection commits) and for at most a
        minute, never past the clearance's own deadline.
        """
        key = (campaign.purpose, *clearance_store.gate_fingerprint(self.ws.conn))
        cached = self._gate_cache.get(key)
        if cached is not None and cached[1] > now and now >= cached[2]:
            return cached[0]
        gate = self._check_gate(campaign, now)
        until = now + GATE_CACHE
        if gate.valid and gate.offline_deadline is not None:
            until = min(until, gate.offline_deadline)
        self._gate_cache = {key: (gate, until, now)}
        return gate

    def _check_gate(self, campaign: Campaign, now: datetime) -> clearance_gate.GateStatus:
        gate = clearance_gate.check(self.ws.conn, campaign.purpose, now)
        if not gate.valid:
            return gate
        pledge = volunteers.status_of(self.ws.conn, self.caller_id, self.ws.person.role, now)
        if not pledge.allowed:
            return clearance_gate.GateStatus(False, f"pledge_{pledge.state}")
        return gate

    # ------------------------------------------------------------------ reports

    def record(self, report: CallReport, *, then_next: bool = False) -> ReportSaved:
        """Save a report durably: report row, contact state and outbox row in one transaction.

        The contact's state is the fold of all its reports, so a correction (a new report naming the one it
        corrects) replaces the corrected report's effect without editing anything.
        """
        if report.caller_id != self.caller_id:
            raise PermissionError("a report is always the signed-in person's own")
        with self.ws.transaction() as conn:
            state = contact_store.get_state(conn, report.contact_id)
            campaign = campaign_store.get_campaign(conn, report.campaign_id)
            if state is None or campaign is None:
                raise KeyError("unknown contact or campaign")
            if report.corrects is None:
                new_state = queue.apply_report(state, report, campaign.rules)
            else:
                earlier = report_store.reports_for_contact(conn, report.contact_id)
                new_state = queue.fold_reports(
                    report.contact_id, [*earlier, report], campaign.rules, position=state.position
                )
            report_store.insert_report(conn, report)
            contact_store.save_state(conn, new_state)
            local = campaign_store.campaign_origin(conn, report.campaign_id) == "local"
            seq = outbox_store.enqueue_report(conn, report, local=local)
            if report.outcome is Outcome.OBJECTION and local:
                _register_local_objection(conn, report)
            if report.outcome is Outcome.OBJECTION:
                audit.append(
                    conn,
                    audit.AuditKind.OBJECTION,
                    at=report.created_at,
                    person_id=self.caller_id,
                    subject=report.contact_id,
                )
            pending = outbox_store.pending_count(conn)
        corrected = report.corrects is not None
        self._shift = ShiftCounts(
            calls=self._shift.calls + (0 if corrected else 1),
            reached=self._shift.reached
            + (
                report.outcome.reached
                - (self._last_report.outcome.reached if corrected and self._last_report else 0)
            ),
            started_at=self._shift.started_at,
        )
        self._last_report = report
        following = self.next_card(report.campaign_id) if then_next else None
        return ReportSaved(report, new_state, seq, pending, self._shift, following)
