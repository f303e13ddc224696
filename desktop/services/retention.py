"""Contact data lives on a PC only while a clearance covers it (DP-11, DP-15, R16).

- Contacts that arrive for a purpose no valid clearance covers are not stored; once a clearance arrives, the
  next sync pulls the list again from the start.
- When the clearance of a purpose is gone (expired, revoked, stale revocation list), the numbers are hidden at
  once (the gate), and after a grace period beyond the last moment access was valid the contact data is wiped,
  also while the PC stays offline. Reports and the outbox are never touched here: unsynced outcomes stay.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from desktop.services import clearance_gate
from desktop.storage import audit, campaign_store, contact_store, database, meta_store
from desktop.storage.database import Connection
from desktop.storage.timefmt import from_db, to_db
from desktop.storage.trusted_time import destructive_now

WIPE_GRACE = timedelta(days=3)


def _access_until(conn: Connection) -> dict[str, str | None]:
    value = meta_store.get_meta(conn, "access_until")
    return json.loads(value) if value else {}


def enforce(conn: Connection, system_now: datetime) -> list[str]:
    """Remember how long each purpose is covered; wipe central campaigns' contacts past deadline + grace.

    Returns the ids of the campaigns whose contact data was wiped. Runs its own transaction, then VACUUM.
    """
    # numbers are hidden on the trusted time (the gate); destroying them waits while the PC clock is doubtful
    now = destructive_now(conn, system_now)
    purposes = campaign_store.central_purposes(conn)
    until = _access_until(conn)
    wiped: list[str] = []
    with database.transaction(conn):
        for purpose in purposes:
            gate = clearance_gate.check(conn, purpose, system_now)
            if gate.valid and gate.offline_deadline is not None:
                previous = from_db(until.get(purpose))
                until[purpose] = to_db(
                    max(gate.offline_deadline, previous) if previous else gate.offline_deadline
                )
                continue
            deadline = from_db(until.get(purpose))
            if gate.reason == "not_enrolled" or (deadline is not None and now < deadline + WIPE_GRACE):
                continue
            for campaign_id in campaign_store.central_campaign_ids(conn, purpose):
                if contact_store.delete_contacts(conn, campaign_id):
                    wiped.append(campaign_id)
                    audit.append(conn, audit.AuditKind.WIPE, at=system_now, subject=campaign_id)
            meta_store.set_meta(conn, "withheld", "1")
        meta_store.set_meta(conn, "access_until", json.dumps(until))
    if wiped:
        database.compact(conn)  # secure_delete is on; VACUUM also rewrites the file without the freed pages
    return wiped
