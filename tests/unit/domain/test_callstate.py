"""The shared call state's rules (sync.core.callstate, issue 13.3): what the central office folds from every PC's
reports and what a PC keeps when that state arrives."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sync.core.callstate import Call, CallState, fold, merge
from sync.core.rules import Outcome

T0 = datetime(2026, 5, 4, 17, 0, tzinfo=UTC)
H = timedelta(hours=1)


def test_attempts_of_every_pc_are_summed_and_the_newest_call_decides() -> None:
    calls = [
        Call("b", Outcome.NO_PICKUP, T0 + 5 * H),  # PC 1, second attempt
        Call("a", Outcome.NO_PICKUP, T0),  # PC 1, first attempt
        Call("c", Outcome.CALL_BACK, T0 + 9 * H, callback_after=T0 + 30 * H),  # PC 2
    ]
    assert fold(calls) == CallState(3, T0 + 9 * H, T0 + 30 * H)
    # A later call uses the promise up, whatever its outcome; a duplicate counts once.
    later = [*calls, Call("d", Outcome.BUSY, T0 + 31 * H), Call("d", Outcome.BUSY, T0 + 31 * H)]
    assert fold(later) == CallState(4, T0 + 31 * H, None)


def test_a_correction_replaces_its_call_and_a_final_outcome_drops_the_promise() -> None:
    calls = [
        Call("a", Outcome.CALL_BACK, T0, callback_after=T0 + 2 * H),
        Call("b", Outcome.REACHED, T0 + H, corrects="a"),  # the caller corrected the first report
    ]
    assert fold(calls) == CallState(1, T0, None)  # one call, at the time of the call it corrects
    assert fold([Call("a", Outcome.WRONG_NUMBER, T0)]).callback_after is None


def test_a_pc_keeps_the_larger_count_and_the_newer_sides_call() -> None:
    server = CallState(2, T0 + 5 * H, None)
    assert merge(CallState(0, None, None), server) == server  # the next PC continues, not from zero
    mine = CallState(3, T0 + 10 * H, T0 + 20 * H)  # an attempt not pushed yet
    assert merge(mine, server) == mine
    promised = CallState(2, T0 + 6 * H, T0 + 8 * H)  # another PC's newer call with a promise
    assert merge(CallState(1, T0, None), promised) == promised
