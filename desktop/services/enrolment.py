"""This PC's enrolment with the central office and the trusted time (R8), read from the workspace's meta table.

Shared by the sync engine and the clearance gate; no network here.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from datetime import datetime

from desktop.storage.database import Connection
from desktop.storage.meta_store import get_meta, get_meta_many, set_meta
from desktop.storage.timefmt import from_db, to_db
from sync.core import clearance as clr

META_KEYS = ("server_url", "device_id", "device_secret", "org_id", "server_person_id", "pinned_keys")


def b64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass(frozen=True)
class Enrolment:
    server_url: str
    device_id: str
    device_secret: str
    org_id: str
    server_person_id: str
    pinned: dict[str, bytes]

    @classmethod
    def load(cls, conn: Connection) -> Enrolment | None:
        meta = get_meta_many(conn, META_KEYS)
        if set(meta) != set(META_KEYS):
            return None
        pinned = {kid: b64url(key) for kid, key in json.loads(meta["pinned_keys"]).items()}
        return cls(
            meta["server_url"],
            meta["device_id"],
            meta["device_secret"],
            meta["org_id"],
            meta["server_person_id"],
            pinned,
        )


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
