"""A contact's shared call state (issue 13.3): attempts, last call, call-back promise — one definition of each rule.

- What one call does (:func:`after_call`): it is one more attempt, at its time; a call-back stays promised only
  while the contact is open (a promise is used up by the next call, whatever its outcome).
- Which reports count and in which order (:func:`effective_calls`): a duplicate counts once, a corrected report
  no longer counts (except an objection, sync.core.rules.still_counts), a correction takes the time of the call
  it corrects; ordered by time, then id.
- The central office's state of a contact (:func:`fold`): the fold of :func:`after_call` over the effective
  reports of every PC of the organisation — so attempts are summed across PCs and the attempt cap applies to
  the sum; the cooldown runs from the last call, whichever PC made it. The central office keeps where the fold
  stands (:class:`Folded`) and continues it with new reports when that equals folding again
  (:func:`fold_on`, issue 17.3); the full fold stays the rule.
- What a PC keeps when the central office's state arrives (:func:`merge`): the larger attempt count, and the
  last call and call-back of the newer side. A contact is leased to one PC at a time (DP-16), so the PC's own
  count either already contains the server's (it started from it) or the server's contains the PC's (pushed).

The PC's queue (desktop.domain.queue) folds its own reports with :func:`after_call` and :func:`effective_calls`.
Pure code: no Qt, no I/O, no desktop or server imports.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol, TypeVar

from sync.core.rules import ContactStatus, Outcome, combine_statuses, report_status, still_counts


@dataclass(frozen=True)
class CallState:
    attempts: int = 0
    last_attempt_at: datetime | None = None
    callback_after: datetime | None = None


class CallLike(Protocol):
    """What :func:`effective_calls` reads of a report (the PC's CallReport and the server's rows both have it)."""

    @property
    def id(self) -> str: ...
    @property
    def corrects(self) -> str | None: ...
    @property
    def outcome(self) -> Outcome: ...
    @property
    def created_at(self) -> datetime: ...


C = TypeVar("C", bound=CallLike)


def after_call(
    state: CallState, at: datetime, callback_after: datetime | None, status: ContactStatus
) -> CallState:
    """The call state after one more call at ``at``; ``status`` is the contact's status after it."""
    return CallState(
        attempts=state.attempts + 1,
        last_attempt_at=at,
        callback_after=callback_after if status is ContactStatus.OPEN else None,
    )


def effective_calls(
    calls: Iterable[C], instant: Callable[[datetime], datetime] = lambda d: d
) -> list[tuple[datetime, C]]:
    """(time of the call, report) of the reports that count, in the order they apply. ``instant`` turns a time
    into a comparable instant (the PC's domain allows naive Berlin wall-clock times)."""
    by_id: dict[str, C] = {}
    for call in calls:
        by_id.setdefault(call.id, call)
    corrected = {c.corrects for c in by_id.values() if c.corrects is not None}

    def call_time(call: C) -> datetime:
        seen = {call.id}
        while call.corrects is not None and call.corrects in by_id and call.corrects not in seen:
            call = by_id[call.corrects]
            seen.add(call.id)
        return call.created_at

    kept = [
        (call_time(c) if c.corrects is not None else c.created_at, c)
        for c in by_id.values()
        if still_counts(c.outcome, c.id in corrected)
    ]
    return sorted(kept, key=lambda tc: (instant(tc[0]), tc[1].id))


@dataclass(frozen=True)
class Call:
    """One report as the central office folds it."""

    id: str
    outcome: Outcome
    created_at: datetime
    callback_after: datetime | None = None
    corrects: str | None = None
    organizer_action: bool = False
    organizer_resolution: str | None = None


@dataclass(frozen=True)
class Folded:
    """Where the fold of a contact's effective reports stands: the call state, the status those reports give
    the contact so far (it decides whether a call-back stays promised), and the sort key (time of the call,
    report id; the order of :func:`effective_calls`) of the last report folded, None before the first."""

    state: CallState = CallState()
    status: ContactStatus = ContactStatus.OPEN
    through: tuple[datetime, str] | None = None


def _step(folded: Folded, at: datetime, call: Call) -> Folded:
    own = report_status(
        call.outcome, call.organizer_action, call.callback_after is not None, call.organizer_resolution
    )
    status = combine_statuses((folded.status, own))
    return Folded(after_call(folded.state, at, call.callback_after, status), status, (at, call.id))


def fold_all(calls: Iterable[Call]) -> Folded:
    """The fold over all of a contact's reports (every PC's): attempts summed, the newest call last."""
    folded = Folded()
    for at, call in effective_calls(calls):
        folded = _step(folded, at, call)
    return folded


def fold(calls: Iterable[Call]) -> CallState:
    """The call state of a contact from all its reports (every PC's): attempts summed, the newest call last."""
    return fold_all(calls).state


def fold_on(folded: Folded, new: Iterable[Call]) -> Folded | None:
    """``fold_all(old + new)`` from ``folded == fold_all(old)``, folding only ``new``; None when that cannot be
    done and the caller must fold all reports again.

    Continuing is exact when the new reports only add to the end of :func:`effective_calls`: none of them
    corrects a report (a correction removes the report it corrects and takes its time), their ids are new and
    distinct (a duplicate counts once) and no report of ``old`` refers to them, and each sorts after the last
    report folded. This function checks the first two and the order; "no report of ``old`` corrects a new
    one" it leaves to the order: a correction is made after the call it corrects, on the same PC, and is
    pushed after it (sequence order), so a report it corrects that arrives later sorts before the mark and
    the caller folds again. The caller promises that ``old`` is what ``folded`` was folded from (nothing
    rewrote it since: an organizer resolution changes the status a report gives, so it must drop the stored
    fold)."""
    calls = sorted(new, key=lambda c: (c.created_at, c.id))
    if any(c.corrects is not None for c in calls) or len({c.id for c in calls}) != len(calls):
        return None
    if calls and folded.through is not None and (calls[0].created_at, calls[0].id) <= folded.through:
        return None  # arrived out of order: it belongs before a report already folded
    for call in calls:
        folded = _step(folded, call.created_at, call)
    return folded


def _later(a: datetime | None, b: datetime | None) -> bool:
    return a is not None and (b is None or a > b)


def merge(local: CallState, server: CallState) -> CallState:
    """What a PC stores when the central office's state of a contact arrives (see the module docstring)."""
    newer = server if _later(server.last_attempt_at, local.last_attempt_at) else local
    return CallState(max(local.attempts, server.attempts), newer.last_attempt_at, newer.callback_after)
