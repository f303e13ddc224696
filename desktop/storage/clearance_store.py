"""Reads of the ``clearances`` table: the signed clearances the central office sent (DP-11).

The sync engine writes this table (it moves into its own module behind a store interface; its clearance SQL
belongs here once it does). Nothing here trusts a row: the gate verifies every signature.
"""

from __future__ import annotations

from desktop.storage.database import Connection

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
