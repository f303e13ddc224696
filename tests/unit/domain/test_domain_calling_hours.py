"""Calling windows, German public holidays and Berlin time without a tz database."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.calling_hours import (
    CEST,
    CET,
    GERMAN_STATES,
    CallingTimeReason,
    as_instant,
    check_calling_time,
    easter_sunday,
    from_berlin,
    holiday_on,
    public_holidays,
    to_berlin,
)
from desktop.domain.models import CallingHours, DayWindow

FAST = settings(max_examples=200, deadline=None, database=None)


@pytest.mark.parametrize(
    ("year", "easter"),
    [
        (2008, date(2008, 3, 23)),
        (2011, date(2011, 4, 24)),
        (2019, date(2019, 4, 21)),
        (2024, date(2024, 3, 31)),
        (2025, date(2025, 4, 20)),
        (2026, date(2026, 4, 5)),
        (2027, date(2027, 3, 28)),
        (2028, date(2028, 4, 16)),
        (2038, date(2038, 4, 25)),  # latest possible
        (2285, date(2285, 3, 22)),  # earliest possible
    ],
)
def test_easter(year, easter):
    assert easter_sunday(year) == easter


def test_national_holidays_2026():
    assert {d: h.name for d, h in public_holidays(2026).items()} == {
        date(2026, 1, 1): "Neujahr",
        date(2026, 4, 3): "Karfreitag",
        date(2026, 4, 6): "Ostermontag",
        date(2026, 5, 1): "Tag der Arbeit",
        date(2026, 5, 14): "Christi Himmelfahrt",
        date(2026, 5, 25): "Pfingstmontag",
        date(2026, 10, 3): "Tag der Deutschen Einheit",
        date(2026, 12, 25): "1. Weihnachtstag",
        date(2026, 12, 26): "2. Weihnachtstag",
    }
    assert date(2027, 3, 26) in public_holidays(2027)  # Karfreitag 2027
    assert holiday_on(date(2027, 5, 17)).id == "pfingstmontag"


@pytest.mark.parametrize(
    ("day", "holiday_id", "states"),
    [
        (date(2026, 1, 6), "heilige_drei_koenige", {"BW", "BY", "ST"}),
        (date(2026, 3, 8), "frauentag", {"BE", "MV"}),
        (date(2022, 3, 8), "frauentag", {"BE"}),
        (date(2018, 3, 8), "frauentag", set()),
        (date(2026, 6, 4), "fronleichnam", {"BW", "BY", "HE", "NW", "RP", "SL"}),
        (date(2026, 8, 15), "mariae_himmelfahrt", {"SL"}),
        (date(2026, 9, 20), "weltkindertag", {"TH"}),
        (date(2026, 10, 31), "reformationstag", {"BB", "MV", "SN", "ST", "TH", "HB", "HH", "NI", "SH"}),
        (date(2016, 10, 31), "reformationstag", {"BB", "MV", "SN", "ST", "TH"}),
        (date(2017, 10, 31), "reformationstag", set(GERMAN_STATES)),  # 500 years: nationwide
        (date(2026, 11, 1), "allerheiligen", {"BW", "BY", "NW", "RP", "SL"}),
        (date(2023, 11, 22), "buss_und_bettag", {"SN"}),
        (date(2024, 11, 20), "buss_und_bettag", {"SN"}),
        (date(2025, 11, 19), "buss_und_bettag", {"SN"}),
        (date(2026, 11, 18), "buss_und_bettag", {"SN"}),
        (date(2027, 11, 17), "buss_und_bettag", {"SN"}),
        (date(2025, 5, 8), "tag_der_befreiung", {"BE"}),
        (date(2026, 4, 5), "ostersonntag", {"BB"}),
    ],
)
def test_regional_holidays(day, holiday_id, states):
    for state in GERMAN_STATES:
        holiday = holiday_on(day, state)
        if state in states:
            assert holiday is not None and holiday.id == holiday_id, state
        else:
            assert holiday is None, state
    if states != set(GERMAN_STATES):
        assert holiday_on(day) is None  # not national


def test_region_codes_are_forgiving():
    assert holiday_on(date(2026, 6, 4), "nw").id == "fronleichnam"
    assert holiday_on(date(2026, 6, 4), "DE-NW").id == "fronleichnam"
    assert holiday_on(date(2026, 6, 4), "XX") is None  # unknown: national holidays only
    assert holiday_on(date(2026, 12, 24), "BY") is None  # Heiligabend is no public holiday


HOURS = CallingHours()


def verdict(*args, hours=HOURS):
    return check_calling_time(datetime(*args), hours)


def test_default_windows():
    assert verdict(2026, 5, 6, 10, 0).allowed  # Wednesday
    v = verdict(2026, 5, 6, 19, 59)
    assert v.allowed and v.reason is CallingTimeReason.ALLOWED and v.allowed_until == datetime(2026, 5, 6, 20)
    v = verdict(2026, 5, 6, 20, 0)
    assert not v.allowed and v.reason is CallingTimeReason.OUTSIDE_WINDOW
    assert v.next_allowed == datetime(2026, 5, 7, 10)
    v = verdict(2026, 5, 6, 9, 59)
    assert v.reason is CallingTimeReason.OUTSIDE_WINDOW and v.next_allowed == datetime(2026, 5, 6, 10)
    assert verdict(2026, 5, 9, 15, 59).allowed  # Saturday until 16:00
    v = verdict(2026, 5, 9, 16, 0)
    assert not v.allowed and v.next_allowed == datetime(2026, 5, 11, 10)
    v = verdict(2026, 5, 10, 12, 0)  # Sunday
    assert v.reason is CallingTimeReason.NO_WINDOW_TODAY and v.next_allowed == datetime(2026, 5, 11, 10)
    assert v.holiday_name is None


def test_holidays_block_and_are_skipped_for_the_next_window():
    v = verdict(2026, 4, 3, 12, 0)  # Karfreitag
    assert not v.allowed and v.reason is CallingTimeReason.PUBLIC_HOLIDAY
    assert (v.holiday_id, v.holiday_name) == ("karfreitag", "Karfreitag")
    assert v.next_allowed == datetime(2026, 4, 4, 10)  # Saturday
    v = verdict(2026, 4, 4, 17, 0)  # Saturday evening: Easter Sunday, Ostermontag
    assert v.reason is CallingTimeReason.OUTSIDE_WINDOW and v.next_allowed == datetime(2026, 4, 7, 10)
    v = verdict(2026, 12, 24, 21, 0)
    assert v.next_allowed == datetime(2026, 12, 28, 10)  # 25./26. holidays, 27. Sunday
    hh = CallingHours(holiday_region="HH")
    v = verdict(2026, 10, 31, 12, 0, hours=hh)  # Reformationstag on a Saturday
    assert v.reason is CallingTimeReason.PUBLIC_HOLIDAY and v.holiday_name == "Reformationstag"
    assert verdict(2026, 10, 31, 12, 0, hours=CallingHours(holiday_region="BY")).allowed
    assert verdict(2026, 4, 3, 12, 0, hours=CallingHours(skip_public_holidays=False)).allowed


def test_custom_and_empty_windows():
    sunday_only = CallingHours(windows={6: DayWindow(start=time(14), end=time(18))})
    v = verdict(2026, 5, 6, 12, 0, hours=sunday_only)
    assert v.reason is CallingTimeReason.NO_WINDOW_TODAY and v.next_allowed == datetime(2026, 5, 10, 14)
    assert verdict(2026, 5, 10, 14, 0, hours=sunday_only).allowed
    # Pfingstsonntag in Brandenburg is a holiday even for a Sunday window
    brandenburg = sunday_only.model_copy(update={"holiday_region": "BB"})
    assert not verdict(2026, 5, 24, 15, 0, hours=brandenburg).allowed
    never = CallingHours(windows={})
    v = verdict(2026, 5, 6, 12, 0, hours=never)
    assert not v.allowed and v.next_allowed is None


def test_aware_times_are_read_in_berlin_time():
    summer = check_calling_time(datetime(2026, 7, 1, 8, 30, tzinfo=UTC), HOURS)  # 10:30 CEST
    assert summer.allowed and summer.allowed_until == datetime(2026, 7, 1, 18, 0, tzinfo=UTC)
    early = check_calling_time(datetime(2026, 1, 15, 8, 30, tzinfo=UTC), HOURS)  # 09:30 CET
    assert not early.allowed and early.next_allowed == datetime(2026, 1, 15, 9, 0, tzinfo=UTC)
    assert early.next_allowed.utcoffset() == timedelta(hours=1)
    assert check_calling_time(datetime(2026, 1, 15, 9, 30, tzinfo=UTC), HOURS).allowed


def test_summer_time_boundaries():
    assert to_berlin(datetime(2026, 3, 29, 0, 59, tzinfo=UTC)) == datetime(2026, 3, 29, 1, 59)
    assert to_berlin(datetime(2026, 3, 29, 1, 0, tzinfo=UTC)) == datetime(2026, 3, 29, 3, 0)
    assert to_berlin(datetime(2026, 10, 25, 0, 59, tzinfo=UTC)) == datetime(2026, 10, 25, 2, 59)
    assert to_berlin(datetime(2026, 10, 25, 1, 0, tzinfo=UTC)) == datetime(2026, 10, 25, 2, 0)
    assert from_berlin(datetime(2026, 10, 25, 2, 30)).tzinfo is CEST  # repeated hour: the first one
    assert from_berlin(datetime(2026, 3, 29, 2, 30)).tzinfo is CET  # skipped hour
    assert as_instant(datetime(2026, 5, 6, 12, 0)) == datetime(2026, 5, 6, 10, 0, tzinfo=UTC)


def _zoneinfo_berlin():
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo("Europe/Berlin")
    except Exception:  # noqa: BLE001 (no tz database on this machine
        return None


@pytest.mark.skipif(_zoneinfo_berlin() is None, reason="no tz database to compare with")
@FAST
@given(minutes=st.integers(0, 40 * 365 * 24 * 60))
def test_berlin_time_agrees_with_the_tz_database(minutes):
    instant = datetime(2000, 1, 1, tzinfo=UTC) + timedelta(minutes=minutes)
    reference = instant.astimezone(_zoneinfo_berlin())
    assert to_berlin(instant) == reference.replace(tzinfo=None)
    if not reference.fold:  # the repeated autumn hour has two readings; we pick the first
        assert as_instant(reference.replace(tzinfo=None)) == instant


@FAST
@given(
    minutes=st.integers(0, 3 * 365 * 24 * 60),
    region=st.none() | st.sampled_from(sorted(GERMAN_STATES)),
    aware=st.booleans(),
)
def test_next_allowed_is_allowed_and_nothing_earlier_is(minutes, region, aware):
    hours = CallingHours(holiday_region=region)
    now = datetime(2025, 1, 1) + timedelta(minutes=minutes)
    if aware:
        now = from_berlin(now)
    v = check_calling_time(now, hours)
    if v.allowed:
        assert v.next_allowed is None and as_instant(v.allowed_until) > as_instant(now)
        return
    nxt = v.next_allowed
    assert nxt is not None and as_instant(nxt) > as_instant(now)
    assert (nxt.tzinfo is None) == (not aware)
    assert check_calling_time(nxt, hours).allowed
    assert not check_calling_time(nxt - timedelta(minutes=1), hours).allowed
    # every full hour in between is blocked
    probe = now
    while as_instant(probe) < as_instant(nxt) - timedelta(minutes=1):
        assert not check_calling_time(probe, hours).allowed
        probe += timedelta(hours=1)
