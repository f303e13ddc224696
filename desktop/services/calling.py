"""Use cases of a calling shift: the next card, saving a report durably, correcting the last one, the
caller's own counts.

Runs on the database task thread. Every mutation returns what changed, so the views refresh from it (Anki
operations). The rules themselves live in desktop.domain (queue, calling hours); storage mirrors the queue
order in SQL for speed, and a property test keeps both in step.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import NamedTuple

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
    skipped: int = 0  # people this caller skipped for the rest of the shift (queue.skipped_out)


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
class ShiftEntry:
    """One line of the caller's own shift list ("Meine Anrufe"): a saved call or a skip. Kept in memory
    only, for the shift (a break keeps it, "Schicht beenden" ends it); names are read when the list opens."""

    at: datetime  # the call's time (a correction keeps the time of the call it corrects)
    campaign_id: str
    contact_id: str
    report: CallReport | None = None  # the report that counts now (the newest correction); None: skipped
    skip_reason: queue.SkipReason | None = None
    skip_text: str = ""


@dataclass(frozen=True)
class ShiftLine:
    """A shift-list line as the dialog shows it: the entry plus the person's first name and initial."""

    entry: ShiftEntry
    name: str


@dataclass(frozen=True)
class ShiftCounts:
    calls: int = 0
    reached: int = 0
    started_at: datetime | None = None
    log: tuple[ShiftEntry, ...] = ()  # this shift's calls and skips, oldest first
    # Who this caller skipped and has not called since: the walk over ``log`` (a skip adds the person, a call
    # takes them out), kept up to date by ``appended`` instead of walked again for every card (a walk per card
    # made the next card slower with every report of a long shift). Never changed in place.
    skipped: Mapping[str, queue.SkipReason] = field(default_factory=dict)

    @property
    def skips(self) -> dict[str, queue.SkipReason]:
        """Who this caller skipped and has not called since."""
        return dict(self.skipped)

    def appended(
        self, entry: ShiftEntry, *, calls: int | None = None, reached: int | None = None
    ) -> ShiftCounts:
        """The shift with ``entry`` (a call or a skip) at the end of its list, and the counts given set."""
        skipped = self.skipped
        if entry.skip_reason is not None:
            skipped = {**skipped, entry.contact_id: entry.skip_reason}
        elif entry.contact_id in skipped:
            skipped = {k: v for k, v in skipped.items() if k != entry.contact_id}
        return replace(
            self,
            calls=self.calls if calls is None else calls,
            reached=self.reached if reached is None else reached,
            log=(*self.log, entry),
            skipped=skipped,
        )

    def entry_of(self, report_id: str) -> ShiftEntry | None:
        return next((e for e in self.log if e.report is not None and e.report.id == report_id), None)

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


def store_report(
    conn: Connection, report: CallReport, state: ContactState, campaign: Campaign
) -> ContactState:
    """Writes a report and its contact's new state; returns that state. The one way a report enters the workspace
    (a call here, a report taken back after a restore in ``take_back``). The state is the fold of all the
    contact's reports, so a correction (a new report naming the one it corrects) replaces the corrected report's
    effect without editing anything."""
    if report.corrects is None:
        new_state = queue.apply_report(state, report, campaign.rules)
    else:
        earlier = report_store.reports_for_contact(conn, report.contact_id)
        new_state = queue.fold_reports(
            report.contact_id, [*earlier, report], campaign.rules, position=state.position
        )
    report_store.insert_report(conn, report)
    contact_store.save_state(conn, new_state)
    return new_state


def register_local_objection(conn: Connection, report: CallReport) -> None:
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


class _CampaignView(NamedTuple):
    definition: str
    campaign: Campaign
    problems: tuple[str, ...]
    version: int | None
    author: str | None
    origin: str  # 'local' (a lead's own list) or 'central'


class CallingService:
    def __init__(self, workspace: Workspace, clock: Clock = utcnow, shift: ShiftCounts | None = None) -> None:
        """``shift``: the counts of a shift that goes on after a break (a new shift starts without)."""
        self.ws = workspace
        self.clock = clock
        self._shift = shift if shift is not None else ShiftCounts(started_at=clock())
        self._last_report: CallReport | None = None
        self._gate_cache: dict[tuple[object, ...], tuple[clearance_gate.GateStatus, datetime, datetime]] = {}
        self._campaign_cache: dict[str, _CampaignView] = {}

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

    def _campaign(self, campaign_id: str) -> _CampaignView | None:
        """The campaign as the calling path needs it, read in one statement. The parsed definition and its
        content check are kept while the stored definition text is unchanged (parsing it for every card cost
        more than choosing the card); the content version is read fresh each time."""
        view = campaign_store.calling_view(self.ws.conn, campaign_id)
        if view is None:
            return None
        definition, version, author, origin = view
        cached = self._campaign_cache.get(campaign_id)
        if cached is None or cached.definition != definition:
            campaign = campaign_store.parse_definition(definition)
            problems = content_problems(campaign.script, campaign.transparency, campaign.questions)
            cached = _CampaignView(
                definition, campaign, tuple(f"{p.field}:{p.code}" for p in problems), None, None, origin
            )
            self._campaign_cache[campaign_id] = cached
        return cached._replace(version=version, author=author, origin=origin)

    def next_card(self, campaign_id: str) -> NextCard:
        conn = self.ws.conn
        view = self._campaign(campaign_id)
        if view is None:
            return NoCampaign()
        campaign = view.campaign
        if view.problems:
            return NoScript(campaign, view.problems)
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
        skips = self._shift.skips
        if not queue.goal_met(campaign.rules, reached):

            def first(exclude: frozenset[str]) -> str | None:
                return contact_store.next_contact_id(
                    conn,
                    campaign_id,
                    now=now,
                    me=self.caller_id,
                    max_attempts=campaign.rules.max_attempts,
                    cooldown=timedelta(hours=campaign.rules.cooldown_hours),
                    exclude=exclude,
                )

            contact_id = first(queue.skipped_out(skips, others_left=True))
            if contact_id is None and skips:  # nobody else: the skipped return, by the rule
                contact_id = first(queue.skipped_out(skips, others_left=False))
        if contact_id is None:
            reached = contact_store.count_status(conn, campaign_id, ContactStatus.DONE)
            explanation = queue.explain_empty(
                contact_store.held_states(conn, campaign_id, now),
                now=now,
                rules=campaign.rules,
                me=self.caller_id,
                reached_so_far=reached,
                not_leased_here=contact_store.open_not_leased(
                    conn, campaign_id, now, campaign.rules.max_attempts
                ),
            )
            return EmptyQueue(campaign, explanation, len(queue.skipped_out(skips, others_left=False)))
        return self._card(view, contact_id)

    def _card(self, view: _CampaignView, contact_id: str) -> Card:
        campaign = view.campaign
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
        return Card(
            campaign, contact.restricted_to(campaign.allowed_fields), history, view.version, view.author
        )

    def card_for(self, campaign_id: str, contact_id: str) -> Card | NotCleared:
        """The card of a given contact (to correct the last report, or to re-check it after a sync)."""
        view = self._campaign(campaign_id)
        assert view is not None
        gate = self._gate(view.campaign, self.clock())
        if not gate.valid:
            return NotCleared(view.campaign, gate)
        return self._card(view, contact_id)

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
            view = self._campaign(report.campaign_id)  # read inside this transaction (one connection)
            if state is None or view is None:
                raise KeyError("unknown contact or campaign")
            new_state = store_report(conn, report, state, view.campaign)
            local = view.origin == "local"
            seq = outbox_store.enqueue_report(conn, report, local=local)
            if report.outcome is Outcome.OBJECTION and local:
                register_local_objection(conn, report)
            if report.outcome is Outcome.OBJECTION:
                audit.append(
                    conn,
                    audit.AuditKind.OBJECTION,
                    at=report.created_at,
                    person_id=self.caller_id,
                    subject=report.contact_id,
                )
            pending = outbox_store.pending_count(conn)
        self._shift = self._counted(report)
        self._last_report = report
        following = self.next_card(report.campaign_id) if then_next else None
        return ReportSaved(report, new_state, seq, pending, self._shift, following)

    def _counted(self, report: CallReport) -> ShiftCounts:
        """The shift after a saved report: a new call counts and joins the list; a correction takes the place
        of the call it corrects in the list and in the counts (it is not another call)."""
        shift = self._shift
        if report.corrects is None:
            entry = ShiftEntry(report.created_at, report.campaign_id, report.contact_id, report)
            return shift.appended(
                entry, calls=shift.calls + 1, reached=shift.reached + report.outcome.reached
            )
        old = shift.entry_of(report.corrects)
        before = old.report if old is not None else self._last_report
        reached = shift.reached + report.outcome.reached - (before.outcome.reached if before else 0)
        log = tuple(replace(e, report=report) if e is old else e for e in shift.log)
        return replace(shift, reached=reached, log=log)

    # ------------------------------------------------------------------ skipping and the shift list

    def skip(self, campaign_id: str, contact_id: str, reason: queue.SkipReason, text: str = "") -> NextCard:
        """Skip a person without calling (not an attempt, nothing stored or synced: queue.skipped_out) and
        return the next card. The short text stays in this shift's list in memory only."""
        entry = ShiftEntry(
            self.clock(),
            campaign_id,
            contact_id,
            skip_reason=reason,
            skip_text=text.strip()[: queue.SKIP_TEXT_MAX],
        )
        self._shift = self._shift.appended(entry)
        return self.next_card(campaign_id)

    def shift_lines(self) -> list[ShiftLine]:
        """This shift's list, newest first, with first name and initial (read now, never kept)."""
        lines = []
        for entry in reversed(self._shift.log):
            contact = contact_store.get_contact(self.ws.conn, entry.contact_id)
            name = ""
            if contact is not None:
                initial = f" {contact.last_name[:1]}." if contact.last_name else ""
                name = contact.first_name + initial
            lines.append(ShiftLine(entry, name.strip()))
        return lines
