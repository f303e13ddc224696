"""The high-water mark of trusted time (R8): owner of the meta key ``trusted_time``."""

from __future__ import annotations

from datetime import datetime

from desktop.storage.database import Connection
from desktop.storage.meta_store import get_meta, set_meta
from desktop.storage.timefmt import from_db, to_db
from sync.core import clearance as clr


def observe_time(conn: Connection, observed: datetime, *, authoritative: bool = False) -> None:
    """Raise the high-water mark of trusted time with an observation (the PC's clock at unlock, a signed
    list's issue time). The central office's time from an authenticated sync is `authoritative`: it may also
    lower the mark, so a PC clock that once ran far ahead does not lock everyone out for good."""
    current = from_db(get_meta(conn, "trusted_time"))
    value = observed if authoritative else clr.advance(current, observed)
    set_meta(conn, "trusted_time", to_db(value) or "")


def trusted_now(conn: Connection, system_now: datetime) -> datetime:
    """Never earlier than the high-water mark of trusted time (R8)."""
    return clr.effective_now(system_now, from_db(get_meta(conn, "trusted_time")))
