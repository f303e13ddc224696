"""The organisation-wide objection register on this PC (issue 13.1): owner of ``objection_register`` and the meta
keys ``register_key`` / ``register_key_id``. Keyed hashes only (sync.core.protocol.register_hash)."""

from __future__ import annotations

import base64
from collections.abc import Callable

from desktop.storage.database import Connection
from desktop.storage.meta_store import get_meta, set_meta
from sync.core import protocol as p


def store(conn: Connection, part: p.RegisterPart) -> None:
    """Inside the caller's transaction: the key and the new hashes (entries are never removed by a pull)."""
    set_meta(conn, "register_key", part.key)
    set_meta(conn, "register_key_id", part.key_id)
    conn.executemany(
        "INSERT INTO objection_register (hash) VALUES (?) ON CONFLICT DO NOTHING",
        [(h,) for h in part.objection_hashes],
    )


def NO_REGISTER(_number: str) -> bool:
    """The matcher while this PC has no register key or an empty register: nobody is on it."""
    return False


def matcher(conn: Connection) -> Callable[[str], bool]:
    """A test 'is this number on the register?' (always False before the first sync brought the key)."""
    key = get_meta(conn, "register_key")
    if not key:
        return NO_REGISTER
    raw = base64.urlsafe_b64decode(key + "=" * (-len(key) % 4))
    hashes = {row[0] for row in conn.execute("SELECT hash FROM objection_register")}
    if not hashes:
        return NO_REGISTER
    return lambda number: bool(number) and p.register_hash(raw, number) in hashes


def size(conn: Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM objection_register").fetchone()[0])
