"""Calling hours and German public holidays (DP-19). Pure code: no Qt, no I/O, no tz database.

Time convention of the whole domain package: an *aware* datetime is an instant; a *naive* datetime is
wall-clock time in Europe/Berlin. Germany's offset follows the EU rule (CET +01:00, CEST +02:00 from
the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC), computed here so that the
app needs no tz database (Windows has none unless the ``tzdata`` package is installed).

Holidays are computed in code (Easter by the anonymous Gregorian algorithm) rather than with the
``holidays`` package: no extra dependency, works offline, and the list is short enough to audit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone
from enum import StrEnum
from functools import lru_cache

from desktop.domain.models import CallingHours

# --------------------------------------------------------------------------------------------- Berlin time

CET = timezone(timedelta(hours=1), "CET")
CEST = timezone(timedelta(hours=2), "CEST")


def _last_sunday(year: int, month: int) -> date:
    last = date(year, month, 31)  # March and October both have 31 days
    return last - timedelta(days=(last.weekday() + 1) % 7)


@lru_cache(maxsize=8)
def _summer_time_utc(year: int) -> tuple[datetime, datetime]:
    """The UTC instants at which summer time starts and ends in ``year``."""
    start = datetime.combine(_last_sunday(year, 3), time(1), tzinfo=UTC)
    end = datetime.combine(_last_sunday(year, 10), time(1), tzinfo=UTC)
    return start, end


def berlin_offset(instant: datetime) -> timezone:
    """CET or CEST for an aware instant."""
    utc = instant.astimezone(UTC)
    start, end = _summer_time_utc(utc.year)
    return CEST if start <= utc < end else CET


def to_berlin(dt: datetime) -> datetime:
    """Naive Berlin wall-clock time for ``dt`` (naive input is already Berlin time and returned as is)."""
    if dt.tzinfo is None or dt.utcoffset() is None:
        return dt
    return dt.astimezone(berlin_offset(dt)).replace(tzinfo=None)


def from_berlin(local: datetime) -> datetime:
    """The aware instant (with a fixed CET/CEST offset) for a naive Berlin wall-clock time.

    In the skipped spring hour the CET reading is used; in the repeated autumn hour the first (CEST) one.
    Aware input is returned unchanged.
    """
    if local.tzinfo is not None and local.utcoffset() is not None:
        return local
    for tz in (CEST, CET):
        candidate = local.replace(tzinfo=tz)
        if berlin_offset(candidate) is tz:
            return candidate
    return local.replace(tzinfo=CET)  # the non-existent spring hour


def as_instant(dt: datetime) -> datetime:
    """An aware UTC datetime, reading naive input as Berlin wall-clock time. Use it before comparing."""
    return from_berlin(dt).astimezone(UTC)


def like(reference: datetime, local: datetime) -> datetime:
    """The naive Berlin time ``local`` in the same form as ``reference``: naive if it is naive, else aware."""
    if reference.tzinfo is None or reference.utcoffset() is None:
        return local
    return from_berlin(local)


# --------------------------------------------------------------------------------------------- holidays

GERMAN_STATES: dict[str, str] = {
    "BW": "Baden-Württemberg",
    "BY": "Bayern",
    "BE": "Berlin",
    "BB": "Brandenburg",
    "HB": "Bremen",
    "HH": "Hamburg",
    "HE": "Hessen",
    "MV": "Mecklenburg-Vorpommern",
    "NI": "Niedersachsen",
    "NW": "Nordrhein-Westfalen",
    "RP": "Rheinland-Pfalz",
    "SL": "Saarland",
    "SN": "Sachsen",
    "ST": "Sachsen-Anhalt",
    "SH": "Schleswig-Holstein",
    "TH": "Thüringen",
}


@dataclass(frozen=True)
class Holiday:
    id: str  # stable id, e.g. "karfreitag"
    name: str  # German name, e.g. "Karfreitag" (German holidays keep their German names in the GUI)


def easter_sunday(year: int) -> date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm, a.k.a. Meeus/Jones/Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 - the algorithm's own name
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _buss_und_bettag(year: int) -> date:
    """The Wednesday before 23 November (i.e. between 16 and 22 November)."""
    nov22 = date(year, 11, 22)
    return nov22 - timedelta(days=(nov22.weekday() - 2) % 7)


def _normalise_region(region: str | None) -> str | None:
    if not region:
        return None
    code = region.strip().upper().removeprefix("DE-")
    return code if code in GERMAN_STATES else None


@lru_cache(maxsize=256)
def public_holidays(year: int, region: str | None = None) -> dict[date, Holiday]:
    """The public holidays of ``year``: nationwide ones plus those of ``region`` (state code like "NW").

    An unknown region counts as none (national holidays only). Holidays that only some municipalities keep
    (Fronleichnam in parts of SN/TH, Mariä Himmelfahrt in Catholic parts of BY, Augsburger Friedensfest)
    are not included.
    """
    state = _normalise_region(region)
    easter = easter_sunday(year)
    days: dict[date, Holiday] = {}

    def add(day: date, hid: str, name: str, *states: str) -> None:
        if not states or state in states:
            days.setdefault(day, Holiday(hid, name))

    add(date(year, 1, 1), "neujahr", "Neujahr")
    add(easter - timedelta(days=2), "karfreitag", "Karfreitag")
    add(easter + timedelta(days=1), "ostermontag", "Ostermontag")
    add(date(year, 5, 1), "tag_der_arbeit", "Tag der Arbeit")
    add(easter + timedelta(days=39), "christi_himmelfahrt", "Christi Himmelfahrt")
    add(easter + timedelta(days=50), "pfingstmontag", "Pfingstmontag")
    add(date(year, 10, 3), "tag_der_deutschen_einheit", "Tag der Deutschen Einheit")
    add(date(year, 12, 25), "erster_weihnachtstag", "1. Weihnachtstag")
    add(date(year, 12, 26), "zweiter_weihnachtstag", "2. Weihnachtstag")
    if year == 2017:
        add(date(year, 10, 31), "reformationstag", "Reformationstag")  # 500 years, nationwide once

    add(date(year, 1, 6), "heilige_drei_koenige", "Heilige Drei Könige", "BW", "BY", "ST")
    if year >= 2019:
        frauentag = ("BE", "MV") if year >= 2023 else ("BE",)
        add(date(year, 3, 8), "frauentag", "Internationaler Frauentag", *frauentag)
    add(easter, "ostersonntag", "Ostersonntag", "BB")
    if year in (2020, 2025):
        add(date(year, 5, 8), "tag_der_befreiung", "Tag der Befreiung", "BE")
    add(easter + timedelta(days=49), "pfingstsonntag", "Pfingstsonntag", "BB")
    add(easter + timedelta(days=60), "fronleichnam", "Fronleichnam", "BW", "BY", "HE", "NW", "RP", "SL")
    add(date(year, 8, 15), "mariae_himmelfahrt", "Mariä Himmelfahrt", "SL")
    if year >= 2019:
        add(date(year, 9, 20), "weltkindertag", "Weltkindertag", "TH")
    reformation = ("BB", "MV", "SN", "ST", "TH") + (("HB", "HH", "NI", "SH") if year >= 2018 else ())
    add(date(year, 10, 31), "reformationstag", "Reformationstag", *reformation)
    add(date(year, 11, 1), "allerheiligen", "Allerheiligen", "BW", "BY", "NW", "RP", "SL")
    add(_buss_und_bettag(year), "buss_und_bettag", "Buß- und Bettag", "SN")
    return dict(sorted(days.items()))


def holiday_on(day: date, region: str | None = None) -> Holiday | None:
    return public_holidays(day.year, region).get(day)


# --------------------------------------------------------------------------------------------- verdict


class CallingTimeReason(StrEnum):
    ALLOWED = "allowed"
    OUTSIDE_WINDOW = "outside_window"  # today has a window, but not now
    NO_WINDOW_TODAY = "no_window_today"  # e.g. Sunday
    PUBLIC_HOLIDAY = "public_holiday"


@dataclass(frozen=True)
class CallingTimeVerdict:
    allowed: bool
    reason: CallingTimeReason
    next_allowed: datetime | None  # start of the next window (None when allowed now or never again)
    allowed_until: datetime | None = None  # end of the current window when allowed
    holiday_id: str | None = None
    holiday_name: str | None = None  # German name of today's holiday when reason is public_holiday


_SEARCH_DAYS = 400  # a year plus slack: enough to find a window if any weekday has one


def _callable_day(day: date, hours: CallingHours) -> bool:
    if day.weekday() not in hours.windows:
        return False
    return not (hours.skip_public_holidays and holiday_on(day, hours.holiday_region))


def next_window_start(after: datetime, hours: CallingHours) -> datetime | None:
    """The start of the first window starting after ``after`` (same naive/aware form), or None if none."""
    local = to_berlin(after)
    for offset in range(_SEARCH_DAYS):
        day = local.date() + timedelta(days=offset)
        if not _callable_day(day, hours):
            continue
        start = datetime.combine(day, hours.windows[day.weekday()].start)
        if start > local:
            return like(after, start)
    return None


def check_calling_time(now: datetime, hours: CallingHours) -> CallingTimeVerdict:
    """May a volunteer call at ``now``? Windows are half-open: start <= now < end (Berlin wall-clock)."""
    local = to_berlin(now)
    today = local.date()
    if hours.skip_public_holidays and (holiday := holiday_on(today, hours.holiday_region)):
        return CallingTimeVerdict(
            allowed=False,
            reason=CallingTimeReason.PUBLIC_HOLIDAY,
            next_allowed=next_window_start(now, hours),
            holiday_id=holiday.id,
            holiday_name=holiday.name,
        )
    window = hours.windows.get(today.weekday())
    if window is None:
        return CallingTimeVerdict(False, CallingTimeReason.NO_WINDOW_TODAY, next_window_start(now, hours))
    if window.start <= local.time() < window.end:
        until = like(now, datetime.combine(today, window.end))
        return CallingTimeVerdict(True, CallingTimeReason.ALLOWED, None, allowed_until=until)
    return CallingTimeVerdict(False, CallingTimeReason.OUTSIDE_WINDOW, next_window_start(now, hours))


def callback_moment(wanted: datetime, hours: CallingHours) -> datetime:
    """When a call-back asked for at ``wanted`` can really happen (same naive/aware form): ``wanted`` itself
    inside the campaign's calling hours, else the start of the next window (``wanted`` when there is none).
    The one rule for call-back presets, picked times and what the caller is shown before confirming."""
    verdict = check_calling_time(wanted, hours)
    if verdict.allowed or verdict.next_allowed is None:
        return wanted
    return verdict.next_allowed
