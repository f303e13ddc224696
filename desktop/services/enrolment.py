"""This PC's enrolment with the central office and the trusted time (R8), read from the workspace's meta table.

Shared by the sync engine and the clearance gate; no network here.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass

from desktop.storage.database import Connection
from desktop.storage.meta_store import get_meta_many
from desktop.storage.trusted_time import observe_time, trusted_now

__all__ = ["Enrolment", "b64url", "observe_time", "trusted_now"]

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
