"""Owner of the ``clearances`` table: the signed clearances the central office sent (DP-11).

The sync store writes them as they arrive; nothing here trusts a row: the gate verifies every signature.
"""

from __future__ import annotations

import json
from datetime import datetime

from desktop.storage.database import Connection
from desktop.storage.timefmt import to_db

_GATE_FINGERPRINT = (
    "SELECT (SELECT data_version FROM pragma_data_version), (SELECT max(received_at) FROM clearances), "
    "(SELECT group_concat(value, '|') FROM meta WHERE key IN ('revocations_version', 'trusted_time', "
    "'clearance_refusals', 'device_id')), (SELECT max(coalesce(decided_at, signed_at)) FROM pledges)"
)


def signed_clearances(conn: Connection) -> list[tuple[str, str]]:
    """(resolution id, signed clearance JSON), newest first."""
    return [
        (r[0], r[1])
        for r in conn.execute("SELECT resolution_id, signed FROM clearances ORDER BY received_at DESC")
    ]


def gate_fingerprint(conn: Connection) -> tuple[object, ...]:
    """Changes whenever anything the clearance verdict depends on may have changed: a write by another
    connection (data_version), a new clearance, the revocation list, trusted time, refusals, enrolment, or a
    pledge decision. A read over clearances, meta and pledges; it lives with the clearances it guards."""
    return tuple(conn.execute(_GATE_FINGERPRINT).fetchone())


def put_clearance(
    conn: Connection, *, resolution_id: str, purposes: list[str], signed: str, received_at: datetime
) -> int:
    return conn.execute(
        "INSERT INTO clearances (resolution_id, purposes, signed, received_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (resolution_id) DO UPDATE SET purposes = excluded.purposes, "
        "signed = excluded.signed, received_at = excluded.received_at",
        (resolution_id, json.dumps(purposes), signed, to_db(received_at)),
    ).rowcount


def delete_clearances(conn: Connection) -> int:
    return conn.execute("DELETE FROM clearances").rowcount
