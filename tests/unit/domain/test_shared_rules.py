"""The shared calling rules (sync.core.rules): Zetkin codes, the status one report gives, the precedence by
which reports combine, and which reports still count after corrections. The PC's fold and the central
office both call these, so a change here is seen by both."""

from __future__ import annotations

import itertools
import random

import pytest

from sync.core.rules import (
    ContactStatus,
    Outcome,
    combine_statuses,
    report_status,
    still_counts,
)

S = ContactStatus

# design.md "Calling": the Zetkin state codes of the export, and the two outcomes Zetkin has no code for.
ZETKIN = {
    Outcome.REACHED: 1,
    Outcome.NO_PICKUP: 11,
    Outcome.BUSY: 12,
    Outcome.CALL_BACK: 13,
    Outcome.NOT_AVAILABLE: 14,
    Outcome.VOICEMAIL: 15,
    Outcome.WRONG_NUMBER: 21,
    Outcome.OBJECTION: None,
    Outcome.NOT_IN_SERVICE: None,
}


@pytest.mark.parametrize("outcome", list(Outcome))
def test_each_outcome_exports_its_zetkin_code(outcome: Outcome) -> None:
    assert outcome.zetkin_code == ZETKIN[outcome]


def test_final_and_reached_outcomes() -> None:
    final = {o for o in Outcome if o.is_final_for_contact}
    assert final == {Outcome.OBJECTION, Outcome.WRONG_NUMBER, Outcome.NOT_IN_SERVICE}
    assert {o for o in Outcome if o.reached} == {Outcome.REACHED, Outcome.CALL_BACK}


def reference_status(outcome: Outcome, organizer_action: bool, callback: bool) -> ContactStatus:
    """design.md written out by hand: finals first, then the organizer flag, then reached-and-finished."""
    finals = {
        Outcome.OBJECTION: S.OBJECTION,
        Outcome.NOT_IN_SERVICE: S.NOT_IN_SERVICE,
        Outcome.WRONG_NUMBER: S.WRONG_NUMBER,
    }
    if outcome in finals:
        return finals[outcome]
    if organizer_action:
        return S.ORGANIZER_ACTION
    return S.DONE if outcome is Outcome.REACHED and not callback else S.OPEN


@pytest.mark.parametrize(
    ("outcome", "organizer_action", "callback"),
    list(itertools.product(list(Outcome), (False, True), (False, True))),
)
def test_status_of_one_report(outcome: Outcome, organizer_action: bool, callback: bool) -> None:
    assert report_status(outcome, organizer_action, callback) is reference_status(
        outcome, organizer_action, callback
    )


def test_status_defaults_are_no_flag_and_no_callback() -> None:
    assert report_status(Outcome.REACHED) is S.DONE
    assert report_status(Outcome.REACHED, True) is S.ORGANIZER_ACTION
    assert report_status(Outcome.REACHED, False, True) is S.OPEN


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        ((), S.OPEN),
        ((S.OPEN,), S.OPEN),
        ((S.DONE, S.OPEN), S.DONE),  # a later unanswered call does not reopen a finished contact
        ((S.OPEN, S.DONE), S.DONE),
        ((S.DONE, S.ORGANIZER_ACTION), S.ORGANIZER_ACTION),
        ((S.ORGANIZER_ACTION, S.WRONG_NUMBER), S.WRONG_NUMBER),
        ((S.WRONG_NUMBER, S.NOT_IN_SERVICE), S.NOT_IN_SERVICE),
        ((S.NOT_IN_SERVICE, S.WRONG_NUMBER), S.NOT_IN_SERVICE),
        ((S.NOT_IN_SERVICE, S.OBJECTION, S.DONE), S.OBJECTION),
    ],
)
def test_combine_examples(statuses: tuple[ContactStatus, ...], expected: ContactStatus) -> None:
    assert combine_statuses(statuses) is expected
    assert combine_statuses(iter(statuses)) is expected  # a generator works (the server passes one)


def test_objection_wins_every_combination_in_any_order() -> None:
    seed = random.randrange(2**32)
    print(f"seed={seed}")
    rng = random.Random(seed)
    statuses = list(S)
    for _ in range(300):
        picked = [rng.choice(statuses) for _ in range(rng.randint(1, 6))]
        shuffled = picked[:]
        rng.shuffle(shuffled)
        result = combine_statuses(picked)
        assert result is combine_statuses(shuffled)  # the arrival order never matters
        assert result in picked
        if S.OBJECTION in picked:
            assert result is S.OBJECTION
        # adding a report never lowers the status: the combination is the upper bound of its parts
        for status in picked:
            assert combine_statuses((result, status)) is result


def test_the_order_of_statuses() -> None:
    """Every pair of distinct statuses: the more serious one wins, in both orders."""
    order = [S.OPEN, S.DONE, S.ORGANIZER_ACTION, S.WRONG_NUMBER, S.NOT_IN_SERVICE, S.OBJECTION]
    assert set(order) == set(S)
    for low, high in itertools.combinations(order, 2):
        assert combine_statuses((low, high)) is high
        assert combine_statuses((high, low)) is high


@pytest.mark.parametrize("outcome", list(Outcome))
def test_a_correction_takes_back_a_report_except_an_objection(outcome: Outcome) -> None:
    assert still_counts(outcome, corrected=False)
    assert still_counts(outcome, corrected=True) is (outcome is Outcome.OBJECTION)
