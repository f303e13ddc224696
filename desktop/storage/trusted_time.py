"""Trusted time (R8) and confirmed time (#15.7): owner of the meta keys ``trusted_time``, ``confirmed_time`` and
``clock_unconfirmed``.

- The high-water mark (``trusted_time``) is what the clearance gate checks against: every PC clock reading
  raises it, so a clock set back never extends access, and a clock that ran ahead fails closed (numbers hidden)
  until the central office's time lowers it again.
- The confirmed time is what destructive steps (wipes, expiries) may act on: the central office's time, or a
  PC clock reading that moved on plausibly (at most CLOCK_JUMP) from the last confirmed one. A reading beyond
  that is remembered as unconfirmed; nothing is destroyed on it until a sync, the clock coming back, or a
  call lead confirms it. Hiding is cheap to undo, deleting is not.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from desktop.storage.database import Connection
from desktop.storage.meta_store import delete_meta, get_meta, set_meta
from desktop.storage.timefmt import from_db, to_db
from sync.core import clearance as clr


def observe_time(conn: Connection, observed: datetime, *, authoritative: bool = False) -> None:
    """Raise the high-water mark of trusted time with an observation (the PC's clock at unlock, a signed
    list's issue time). The central office's time from an authenticated sync is `authoritative`: it may also
    lower the mark, so a PC clock that once ran far ahead does not lock everyone out for good."""
    current = from_db(get_meta(conn, "trusted_time"))
    value = observed if authoritative else clr.advance(current, observed)
    set_meta(conn, "trusted_time", to_db(value) or "")
    if authoritative:  # the central office's time settles a doubtful PC clock
        set_meta(conn, CONFIRMED_TIME, to_db(observed) or "")
        delete_meta(conn, CLOCK_UNCONFIRMED)


def trusted_now(conn: Connection, system_now: datetime) -> datetime:
    """Never earlier than the high-water mark of trusted time (R8)."""
    return clr.effective_now(system_now, from_db(get_meta(conn, "trusted_time")))


CLOCK_JUMP = timedelta(days=14)
"""A PC clock reading this far beyond the last confirmed time is not believed for destructive steps (#15.7): it
may be a wrong clock (a dead CMOS battery, a manual change), and a wipe on it could not be undone."""
CONFIRMED_TIME = "confirmed_time"
CLOCK_UNCONFIRMED = "clock_unconfirmed"


def observe_pc_clock(conn: Connection, now: datetime) -> bool:
    """The PC's own clock at unlock: raises the high-water mark (R8) in any case; confirms the reading only
    when it moved on by at most CLOCK_JUMP from the last confirmed time. Returns whether it was confirmed."""
    observe_time(conn, now)
    confirmed = from_db(get_meta(conn, CONFIRMED_TIME))
    if confirmed is not None and now > confirmed + CLOCK_JUMP:
        set_meta(conn, CLOCK_UNCONFIRMED, to_db(now) or "")
        return False
    set_meta(conn, CONFIRMED_TIME, to_db(max(now, confirmed) if confirmed else now) or "")
    delete_meta(conn, CLOCK_UNCONFIRMED)
    return True


def confirm_pc_clock(conn: Connection, now: datetime) -> None:
    """A call lead confirms that the PC's clock is right: its reading becomes the confirmed time."""
    observe_time(conn, now)
    set_meta(conn, CONFIRMED_TIME, to_db(now) or "")
    delete_meta(conn, CLOCK_UNCONFIRMED)


def clock_unconfirmed(conn: Connection) -> datetime | None:
    """The doubtful PC clock reading while a jump waits for confirmation (None when all is well)."""
    return from_db(get_meta(conn, CLOCK_UNCONFIRMED))


def destructive_now(conn: Connection, system_now: datetime) -> datetime:
    """The time a wipe or an expiry may act on (#15.7): the trusted time, but not beyond the PC's clock or the
    confirmed time, whichever is later, and while a jump waits for confirmation not beyond the confirmed
    time: nothing is destroyed on an unconfirmed reading, nor on a high-water mark that such a reading left
    behind (workspaces from before keep the old rule until their first confirmed reading)."""
    now = trusted_now(conn, system_now)
    confirmed = from_db(get_meta(conn, CONFIRMED_TIME))
    if confirmed is None:
        return now
    bound = confirmed if clock_unconfirmed(conn) is not None else max(confirmed, system_now)
    return min(now, bound)
