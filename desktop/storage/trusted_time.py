"""The high-water mark of trusted time (R8): owner of the meta keys ``trusted_time`` and ``clock_unconfirmed``."""

from __future__ import annotations

from datetime import datetime, timedelta

from desktop.storage.database import Connection
from desktop.storage.repo import delete_meta, get_meta, set_meta
from desktop.storage.timefmt import from_db, to_db
from sync.core import clearance as clr


def observe_time(conn: Connection, observed: datetime, *, authoritative: bool = False) -> None:
    """Raise the high-water mark of trusted time with an observation (the PC's clock at unlock, a signed
    list's issue time). The central office's time from an authenticated sync is `authoritative`: it may also
    lower the mark, so a PC clock that once ran far ahead does not lock everyone out for good."""
    current = from_db(get_meta(conn, "trusted_time"))
    value = observed if authoritative else clr.advance(current, observed)
    set_meta(conn, "trusted_time", to_db(value) or "")
    if authoritative:
        delete_meta(conn, CLOCK_UNCONFIRMED)  # the central office's time settles a doubtful PC clock


def trusted_now(conn: Connection, system_now: datetime) -> datetime:
    """Never earlier than the high-water mark of trusted time (R8)."""
    return clr.effective_now(system_now, from_db(get_meta(conn, "trusted_time")))


CLOCK_JUMP = timedelta(days=14)
"""A PC clock reading this far beyond the trusted-time mark is not believed on its own (#15.7): it may be a
wrong clock (a dead CMOS battery, a manual change), and destroying data on it could not be undone."""
CLOCK_UNCONFIRMED = "clock_unconfirmed"


def observe_pc_clock(conn: Connection, now: datetime) -> bool:
    """The PC's own clock at unlock. Within CLOCK_JUMP of the mark it raises the mark (R8) and is trusted;
    beyond it, the reading is remembered as unconfirmed and moves nothing until the central office's time
    (a sync) or a call lead confirms it, or the clock comes back. Returns whether the reading is trusted."""
    mark = from_db(get_meta(conn, "trusted_time"))
    if mark is not None and now > mark + CLOCK_JUMP:
        set_meta(conn, CLOCK_UNCONFIRMED, to_db(now) or "")
        return False
    delete_meta(conn, CLOCK_UNCONFIRMED)
    observe_time(conn, now)
    return True


def confirm_pc_clock(conn: Connection, now: datetime) -> None:
    """A call lead confirms that the PC's clock is right: its reading becomes the mark."""
    delete_meta(conn, CLOCK_UNCONFIRMED)
    observe_time(conn, now)


def clock_unconfirmed(conn: Connection) -> datetime | None:
    """The doubtful PC clock reading, while the jump waits for confirmation (None when all is well)."""
    return from_db(get_meta(conn, CLOCK_UNCONFIRMED))


def destructive_now(conn: Connection, system_now: datetime) -> datetime:
    """The time a wipe or an expiry may act on (#15.7): the trusted time while the PC clock is believed;
    after a jump, the mark itself, so that nothing is destroyed on the PC clock alone."""
    mark = from_db(get_meta(conn, "trusted_time"))
    if clock_unconfirmed(conn) is None:
        return clr.effective_now(system_now, mark)
    return min(system_now, mark) if mark is not None else system_now
