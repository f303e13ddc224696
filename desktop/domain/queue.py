"""Who is called next, why nobody is, and how a report changes a contact's state (design.md "Calling").

Pure code. Datetimes may be aware or naive; naive ones are Berlin wall-clock time (see calling_hours).

Order of the queue:

0. due call-backs (``callback_after <= now``), oldest due first;
1. never called (``attempts == 0``), by ``position`` then contact id;
2. retry-eligible (cooldown since ``last_attempt_at`` passed, ``attempts < max_attempts``), oldest last
   attempt first.

Ties in every bucket go by ``position``, then ``contact_id``. Never offered: a status other than OPEN, the
campaign goal met, a live reservation by someone else, a call-back that is not yet due, cooldown running,
attempt cap reached. A requested call-back is a promise to the person and is offered even when the attempt
cap is reached (the cap limits unanswered retries).

The same order in SQL (storage mirrors it; ``queue_sort_key`` is the reference)::

    ORDER BY CASE WHEN callback_after IS NOT NULL THEN 0 WHEN attempts = 0 THEN 1 ELSE 2 END,
             CASE WHEN callback_after IS NOT NULL THEN callback_after
                  WHEN attempts = 0 THEN NULL ELSE COALESCE(last_attempt_at, <epoch>) END,
             position, contact_id
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import IntEnum, StrEnum

from desktop.domain.calling_hours import as_instant
from desktop.domain.models import CallReport, CampaignRules, ContactState
from sync.core import callstate
from sync.core.rules import ContactStatus, combine_statuses, report_status

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class QueueBucket(IntEnum):
    CALLBACK_DUE = 0
    NEVER_CALLED = 1
    RETRY = 2


class Availability(StrEnum):
    """Why a contact is or is not offered right now (one per contact; first matching rule wins)."""

    CALLBACK_DUE = "callback_due"
    NEVER_CALLED = "never_called"
    RETRY = "retry"
    # not offered:
    DONE = "done"
    OBJECTION = "objection"
    WRONG_NUMBER = "wrong_number"
    NOT_IN_SERVICE = "not_in_service"
    ORGANIZER_ACTION = "organizer_action"
    RESERVED = "reserved"  # held by another caller or PC
    CALLBACK_PENDING = "callback_pending"  # call-back not yet due
    COOLDOWN = "cooldown"
    EXHAUSTED = "exhausted"  # attempt cap reached

    @property
    def offered(self) -> bool:
        return self in _BUCKET_OF


_BUCKET_OF = {
    Availability.CALLBACK_DUE: QueueBucket.CALLBACK_DUE,
    Availability.NEVER_CALLED: QueueBucket.NEVER_CALLED,
    Availability.RETRY: QueueBucket.RETRY,
}
_STATUS_AVAILABILITY = {
    ContactStatus.DONE: Availability.DONE,
    ContactStatus.OBJECTION: Availability.OBJECTION,
    ContactStatus.WRONG_NUMBER: Availability.WRONG_NUMBER,
    ContactStatus.NOT_IN_SERVICE: Availability.NOT_IN_SERVICE,
    ContactStatus.ORGANIZER_ACTION: Availability.ORGANIZER_ACTION,
}


Me = str | Collection[str]  # this caller's and/or this PC's reservation id(s)


def _mine(me: Me) -> frozenset[str]:
    return frozenset((me,)) if isinstance(me, str) else frozenset(me)


def is_reserved_by_other(state: ContactState, *, now: datetime, me: Me) -> bool:
    """A live reservation by someone else. Without an expiry there is no reservation (leases expire)."""
    if state.reserved_by is None or state.reserved_by in _mine(me) or state.reserved_until is None:
        return False
    return as_instant(state.reserved_until) > as_instant(now)


def retry_eligible_at(state: ContactState, rules: CampaignRules) -> datetime:
    """When the cooldown after the last attempt ends (aware UTC)."""
    last = EPOCH if state.last_attempt_at is None else as_instant(state.last_attempt_at)
    return last + timedelta(hours=rules.cooldown_hours)


def availability(state: ContactState, *, now: datetime, rules: CampaignRules, me: Me) -> Availability:
    """Classify one contact. The goal is a property of the campaign and is not looked at here."""
    if state.status is not ContactStatus.OPEN:
        return _STATUS_AVAILABILITY[state.status]
    if is_reserved_by_other(state, now=now, me=me):
        return Availability.RESERVED
    if state.callback_after is not None:
        if as_instant(state.callback_after) <= as_instant(now):
            return Availability.CALLBACK_DUE
        return Availability.CALLBACK_PENDING
    if state.attempts == 0:
        return Availability.NEVER_CALLED
    if state.attempts >= rules.max_attempts:
        return Availability.EXHAUSTED
    if retry_eligible_at(state, rules) > as_instant(now):
        return Availability.COOLDOWN
    return Availability.RETRY


def queue_bucket(state: ContactState) -> QueueBucket:
    """The bucket an offered contact falls into (meaningful only for contacts that are offered)."""
    if state.callback_after is not None:
        return QueueBucket.CALLBACK_DUE
    if state.attempts == 0:
        return QueueBucket.NEVER_CALLED
    return QueueBucket.RETRY


def queue_sort_key(state: ContactState) -> tuple[int, datetime, int, str]:
    """Sort key of offered contacts: (bucket, time, position, contact_id); smallest is called first.

    ``time`` is aware UTC: the call-back time, the epoch for never-called, the last attempt for retries.
    """
    bucket = queue_bucket(state)
    if bucket is QueueBucket.CALLBACK_DUE:
        assert state.callback_after is not None
        when = as_instant(state.callback_after)
    elif bucket is QueueBucket.NEVER_CALLED or state.last_attempt_at is None:
        when = EPOCH
    else:
        when = as_instant(state.last_attempt_at)
    return (int(bucket), when, state.position, state.contact_id)


def goal_met(rules: CampaignRules, reached_so_far: int) -> bool:
    return rules.goal_reached is not None and reached_so_far >= rules.goal_reached


def offered_in_order(
    states: Iterable[ContactState], *, now: datetime, rules: CampaignRules, me: Me, reached_so_far: int
) -> list[ContactState]:
    """Every contact that may be offered now, in queue order (empty when the goal is met)."""
    if goal_met(rules, reached_so_far):
        return []
    offered = [s for s in states if availability(s, now=now, rules=rules, me=me).offered]
    return sorted(offered, key=queue_sort_key)


# --------------------------------------------------------------------------------------------- empty queue


class EmptyReason(StrEnum):
    NOT_EMPTY = "not_empty"  # somebody can be called: no explanation needed
    GOAL_MET = "goal_met"
    NO_CONTACTS = "no_contacts"  # the call list is empty
    CALLBACKS_PENDING = "callbacks_pending"  # the next possibility is a call-back becoming due
    COOLDOWN = "cooldown"  # ... a cooldown ending
    RESERVED = "reserved"  # ... another caller's reservation ending
    WAITING_FOR_LEASES = "waiting_for_leases"  # this PC called what it holds; the next sync leases it more
    ALL_FINISHED = "all_finished"  # nobody will become callable by waiting


@dataclass(frozen=True)
class QueueSummary:
    """Counts per availability plus the next time each waiting group changes. Times are aware UTC."""

    total: int
    counts: dict[Availability, int]
    next_callback_at: datetime | None
    next_retry_at: datetime | None
    next_reservation_end: datetime | None

    def count(self, availability: Availability) -> int:
        return self.counts.get(availability, 0)

    @property
    def offered(self) -> int:
        return sum(self.count(a) for a in _BUCKET_OF)

    @property
    def callbacks_due(self) -> int:
        return self.count(Availability.CALLBACK_DUE)

    @property
    def callbacks_pending(self) -> int:
        return self.count(Availability.CALLBACK_PENDING)

    @property
    def cooling_down(self) -> int:
        return self.count(Availability.COOLDOWN)

    @property
    def exhausted(self) -> int:
        return self.count(Availability.EXHAUSTED)

    @property
    def reserved_by_others(self) -> int:
        return self.count(Availability.RESERVED)


@dataclass(frozen=True)
class EmptyQueueExplanation:
    reason: EmptyReason
    summary: QueueSummary
    goal_reached: int | None
    reached_so_far: int
    next_possible_at: datetime | None  # earliest moment somebody may become callable (aware UTC)
    not_leased_here: int = 0  # open contacts of the campaign this PC holds no lease on (issue 13.3)


def summarize_queue(
    states: Iterable[ContactState], *, now: datetime, rules: CampaignRules, me: Me
) -> QueueSummary:
    counts: dict[Availability, int] = {}
    next_callback: datetime | None = None
    next_retry: datetime | None = None
    next_release: datetime | None = None
    total = 0
    for state in states:
        total += 1
        kind = availability(state, now=now, rules=rules, me=me)
        counts[kind] = counts.get(kind, 0) + 1
        if kind is Availability.CALLBACK_PENDING:
            assert state.callback_after is not None
            next_callback = _earliest(next_callback, as_instant(state.callback_after))
        elif kind is Availability.COOLDOWN:
            next_retry = _earliest(next_retry, retry_eligible_at(state, rules))
        elif kind is Availability.RESERVED:
            assert state.reserved_until is not None
            next_release = _earliest(next_release, as_instant(state.reserved_until))
    return QueueSummary(total, counts, next_callback, next_retry, next_release)


def explain_empty(
    states: Iterable[ContactState],
    *,
    now: datetime,
    rules: CampaignRules,
    me: Me,
    reached_so_far: int,
    not_leased_here: int = 0,
) -> EmptyQueueExplanation:
    """Why ``next_contact`` has nobody, as data the GUI turns into a sentence. Never raises.

    The reason is the goal when it is met; otherwise, when this PC leases (``states`` are then the contacts it
    holds) and open contacts it holds no lease on remain, ``waiting_for_leases`` (a sync brings more: the one
    thing a caller can do); otherwise the waiting group that frees up first (call-backs, cooldowns,
    reservations; on equal times in that order); otherwise ``all_finished``. When somebody can be called the
    reason is ``not_empty``.
    """
    summary = summarize_queue(states, now=now, rules=rules, me=me)
    waits = [
        (at, reason)
        for at, reason in (
            (summary.next_callback_at, EmptyReason.CALLBACKS_PENDING),
            (summary.next_retry_at, EmptyReason.COOLDOWN),
            (summary.next_reservation_end, EmptyReason.RESERVED),
        )
        if at is not None
    ]
    next_possible = min((at for at, _ in waits), default=None)
    if goal_met(rules, reached_so_far):
        reason = EmptyReason.GOAL_MET
        next_possible = None
    elif summary.offered:
        reason = EmptyReason.NOT_EMPTY
    elif not_leased_here > 0:
        reason = EmptyReason.WAITING_FOR_LEASES
    elif summary.total == 0:
        reason = EmptyReason.NO_CONTACTS
    elif waits:
        reason = next(r for at, r in waits if at == next_possible)
    else:
        reason = EmptyReason.ALL_FINISHED
    return EmptyQueueExplanation(
        reason, summary, rules.goal_reached, reached_so_far, next_possible, not_leased_here
    )


# --------------------------------------------------------------------------------------------- next contact


@dataclass(frozen=True)
class QueueDecision:
    """The next contact to call, or (``state is None``) the explanation why there is none."""

    state: ContactState | None
    bucket: QueueBucket | None = None
    empty: EmptyQueueExplanation | None = None

    @property
    def contact_id(self) -> str | None:
        return None if self.state is None else self.state.contact_id


def next_contact(
    states: Iterable[ContactState], *, now: datetime, rules: CampaignRules, me: Me, reached_so_far: int
) -> QueueDecision:
    """The contact to call next, by the queue order above; ``me`` is this caller's or PC's reservation id."""
    states = list(states)
    best: ContactState | None = None
    if not goal_met(rules, reached_so_far):
        for state in states:
            if availability(state, now=now, rules=rules, me=me).offered and (
                best is None or queue_sort_key(state) < queue_sort_key(best)
            ):
                best = state
    if best is not None:
        return QueueDecision(best, queue_bucket(best))
    return QueueDecision(
        None, empty=explain_empty(states, now=now, rules=rules, me=me, reached_so_far=reached_so_far)
    )


# ------------------------------------------------------------------------------------- reports → state


def apply_report(state: ContactState, report: CallReport, rules: CampaignRules) -> ContactState:
    """The contact's state after one more report (``rules`` is accepted for future rules; unused today).

    Every report counts as an attempt at ``report.created_at``. The status is the shared rule
    (sync.core.rules): the report's own status combined with the current one by the fixed precedence the
    central office uses too, so an objection wins over everything and is never undone, no later call
    reopens a wrong or dead number (not in service outranks wrong number), and the result does not depend on
    the order reports arrive in:

    - objection / wrong number / not in service: final;
    - organizer action flagged: ORGANIZER_ACTION (waits for the lead);
    - reached without a call-back: DONE;
    - anything else: OPEN, with ``callback_after`` taken from the report (so a call-back is used up by the
      next call, whatever its outcome).

    Reservations are left alone: leases belong to storage.
    """
    del rules
    own = report_status(report.outcome, report.organizer_action, report.callback_after is not None)
    status = combine_statuses((state.status, own))
    after = callstate.after_call(  # the shared rule of what one call does (sync.core.callstate)
        callstate.CallState(state.attempts, state.last_attempt_at, state.callback_after),
        report.created_at,
        report.callback_after,
        status,
    )
    return state.model_copy(
        update={
            "attempts": after.attempts,
            "last_attempt_at": after.last_attempt_at,
            "status": status,
            "callback_after": after.callback_after,
        }
    )


def effective_reports(contact_id: str, reports: Iterable[CallReport]) -> list[CallReport]:
    """The reports that count for one contact, in the order they apply.

    Duplicates (same id) count once. A report named by another report's ``corrects`` is skipped (chains
    work: if B corrects A and C corrects B, only C counts) - except objections, which no correction undoes
    (DP-17). A correction takes the place and time of the call it corrects: its ``created_at`` is replaced by
    that of the first report of its chain, so cooldowns are measured from the call itself.
    """
    mine = (r for r in reports if r.contact_id == contact_id)
    return [
        r if r.corrects is None else r.model_copy(update={"created_at": at})
        for at, r in callstate.effective_calls(mine, instant=as_instant)
    ]


def fold_reports(
    contact_id: str, reports: Iterable[CallReport], rules: CampaignRules, *, position: int = 0
) -> ContactState:
    """A contact's state as the fold of ``apply_report`` over its effective reports, from a fresh state.

    Reports of other contacts are ignored. The result carries no reservation (leases belong to storage).
    """
    state = ContactState(contact_id=contact_id, position=position)
    for report in effective_reports(contact_id, reports):
        state = apply_report(state, report, rules)
    return state


def _earliest(current: datetime | None, candidate: datetime) -> datetime:
    return candidate if current is None or candidate < current else current


# --------------------------------------------------------------------------------------------- skipping


class SkipReason(StrEnum):
    """Why a caller skips a person without calling ("Person überspringen"). No free text is kept with it
    beyond the shift (the short text lives in the caller's own shift list in memory only)."""

    KNOWN_PERSONALLY = "known_personally"  # conflict: someone else should call
    LANGUAGE = "language"  # someone who speaks the person's language should call
    PHONE_TROUBLE = "phone_trouble"  # the phone or headset does not work right now
    OTHER = "other"


SKIP_TEXT_MAX = 80
_SKIPPED_FOR_THE_SHIFT = frozenset({SkipReason.KNOWN_PERSONALLY, SkipReason.LANGUAGE})


def skipped_out(skips: dict[str, SkipReason], *, others_left: bool) -> frozenset[str]:
    """The one rule for skipped people: which contact ids this caller must not be offered now.

    A skip is not a call: no report, no attempt, no cooldown, nothing synced; the person keeps their place
    for every other caller. For the caller who skipped: after "known personally" or "language" not again in
    this shift; after any other reason the person goes to the back of this caller's queue and returns when
    nobody else can be called (``others_left`` False).
    """
    if others_left:
        return frozenset(skips)
    return frozenset(c for c, reason in skips.items() if reason in _SKIPPED_FOR_THE_SHIFT)
