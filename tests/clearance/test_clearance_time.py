"""R8: setting the PC clock back never extends access (high-water mark of trusted time), and the offline
deadline shown to the lead is exactly when verify_clearance starts refusing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sync.core import clearance as c
from sync.core.clearance import Reason, TrustedClock, advance, effective_now, offline_grace_deadline
from tests.clearance.clearance_support import (
    KEY,
    MICRO,
    SETTINGS,
    SKEW,
    T0,
    check,
    claims,
    reason,
    revocations,
    verified,
)

EXPIRES = T0 + timedelta(days=2)
SIGNED = KEY.sign_clearance(claims(expires_at=EXPIRES))
RL = verified(revocations(expires_at=T0 + timedelta(days=5)))


def test_effective_now_is_the_later_of_system_time_and_high_water():
    later = T0 + timedelta(hours=1)
    assert effective_now(T0, None) == T0
    assert effective_now(T0, later) == later
    assert effective_now(later, T0) == later


def test_advance_never_goes_backwards():
    later = T0 + timedelta(hours=1)
    assert advance(None, T0) == T0
    assert advance(T0, later) == later
    assert advance(later, T0) == later


def test_naive_times_are_refused():
    naive = T0.replace(tzinfo=None)
    with pytest.raises(ValueError):
        effective_now(naive, T0)
    with pytest.raises(ValueError):
        advance(T0, naive)
    with pytest.raises(ValueError):
        advance(None, naive)
    with pytest.raises(ValueError):
        effective_now(naive, None)


def test_clock_set_back_after_expiry_does_not_restore_access():
    clock = TrustedClock()
    clock = clock.observe(T0)  # sync: server time
    check(SIGNED, now=clock.now(T0 + timedelta(days=1)), revocations=RL)
    clock = clock.observe(EXPIRES + timedelta(hours=1))  # the app saw this time itself
    now = clock.now(EXPIRES + timedelta(hours=1))
    assert reason(check, SIGNED, now=now, revocations=RL) == Reason.EXPIRED
    # Someone sets the PC clock back to a day when the clearance was valid:
    set_back = T0 + timedelta(days=1)
    assert clock.now(set_back) == EXPIRES + timedelta(hours=1)
    assert reason(check, SIGNED, now=clock.now(set_back), revocations=RL) == Reason.EXPIRED


def test_signed_issue_time_of_the_list_is_a_floor_even_without_a_high_water_mark():
    """A fresh list issued after expiry proves the clearance is over, whatever the PC clock says."""
    late_rl = verified(revocations(issued_at=EXPIRES + SKEW, expires_at=EXPIRES + timedelta(days=1)))
    assert reason(check, SIGNED, now=T0, revocations=late_rl) == Reason.EXPIRED
    just_before = verified(
        revocations(issued_at=EXPIRES + SKEW - timedelta(seconds=1), expires_at=EXPIRES + timedelta(days=1))
    )
    check(SIGNED, now=T0, revocations=just_before)


@SETTINGS
@given(st.lists(st.timedeltas(-timedelta(days=10), timedelta(days=10)), min_size=1, max_size=25))
def test_no_sequence_of_clock_readings_extends_access(offsets):
    """Whatever the PC clock does (jumps back and forth), the effective time never decreases, and once the
    clearance is refused as expired it stays refused."""
    clock, last, expired = TrustedClock(), None, False
    for offset in offsets:
        reading = T0 + offset
        now = clock.now(reading)
        clock = clock.observe(reading)
        assert last is None or now >= last
        assert clock.high_water >= now
        last = now
        try:
            check(SIGNED, now=now, revocations=verified(revocations(issued_at=T0 - timedelta(days=10))))
            assert not expired, "access came back after expiry"
        except c.ClearanceInvalid as exc:
            if exc.reason == Reason.EXPIRED:
                expired = True


@pytest.mark.parametrize(
    "clearance_days, list_days", [(2, 5), (5, 2), (3, 3)], ids=["clearance-first", "list-first", "same"]
)
def test_offline_deadline_is_exactly_when_access_ends(clearance_days, list_days):
    cl = claims(expires_at=T0 + timedelta(days=clearance_days))
    rl = verified(revocations(expires_at=T0 + timedelta(days=list_days)))
    deadline = offline_grace_deadline(cl, rl)
    assert deadline == T0 + timedelta(days=min(clearance_days, list_days)) + SKEW
    signed = KEY.sign_clearance(cl)
    check(signed, now=deadline - MICRO, revocations=rl)
    refused = reason(check, signed, now=deadline, revocations=rl)
    assert refused in {Reason.EXPIRED, Reason.REVOCATION_LIST_STALE}
    assert offline_grace_deadline(cl, rl, timedelta(0)) == deadline - SKEW


@SETTINGS
@given(
    st.timedeltas(timedelta(seconds=1), timedelta(days=14)),
    st.timedeltas(timedelta(seconds=1), timedelta(days=7)),
)
def test_offline_deadline_property(clearance_life, list_life):
    cl = claims(expires_at=T0 + clearance_life)
    rl = verified(revocations(expires_at=T0 + list_life))
    deadline = offline_grace_deadline(cl, rl)
    signed = KEY.sign_clearance(cl)
    check(signed, now=deadline - MICRO, revocations=rl)
    with pytest.raises(c.ClearanceInvalid):
        check(signed, now=deadline, revocations=rl)
