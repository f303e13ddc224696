"""A copy of a workspace used as a second PC (issue 13.4): salvage -> re-enrol -> re-send, as one action.

The central office refuses a sync's check-in as ``device_cloned`` when two copies of one workspace sync under
one device identity (sync.client.engine, sync.server.device_sync.checkin). This PC then needs an identity of its
own, and nothing it holds may be lost:

1. **Salvage**: every item the central office has not acknowledged stays in the outbox (pending, or refused only
   because its number was used by the other copy); nothing is dropped.
2. **Re-enrol**: a new one-time code (from the lead or the central office) gives a new device identity; the
   signing keys are pinned again; the clearances, the pull cursor and the history token are dropped and pulled
   again from the start (campaigns, contacts and reports stay; the next lease answer replaces the leases).
3. **Re-send**: the unacknowledged items get the numbers 1, 2, … of the new identity with new idempotency keys;
   the next sync sends them. The central office counts a report id once per organisation, so a report the
   other copy had already delivered is answered ``duplicate`` and counted once.

``identity`` is the network step (no database), ``adopt`` the database step (one transaction): the app runs
them on its network and database threads.
"""

from __future__ import annotations

import json
import platform

from desktop.services.enrolment import Enrolment, b64url
from desktop.storage import clearance_store, outbox_store
from desktop.storage.database import Connection, transaction
from desktop.storage.meta_store import delete_meta, set_meta
from sync.client.transport import SyncClient
from sync.core import clearance as clr
from sync.core import protocol as p

SERVER_OWNED = ("pull_cursor", "clearance_refusals", "history_token", "withheld", "leasing")


class OtherOrganisation(ValueError):
    """The code belongs to another organisation: this workspace cannot take it (nothing was changed)."""


def identity(enrolment: Enrolment, code: str, device_name: str) -> p.EnrolResponse:
    """Redeem the new one-time code (network only)."""
    name = device_name.strip() or platform.system() or "PC"
    return SyncClient.enrol(enrolment.server_url, code.strip(), name)


def adopt(conn: Connection, enrolment: Enrolment, response: p.EnrolResponse) -> int:
    """Take the new identity and renumber what is to be re-sent, in one transaction; returns that number."""
    if response.org_id != enrolment.org_id:
        raise OtherOrganisation("the code belongs to another organisation")
    pinned = {k.kid: k.public_key for k in response.signing_keys}
    clr.pin_keys(*(b64url(v) for v in pinned.values()))  # refuses a key that is not Ed25519
    with transaction(conn):
        for key, value in (
            ("device_id", response.device_id),
            ("device_secret", response.device_secret),
            ("server_person_id", response.person_id),
            ("pinned_keys", json.dumps(pinned)),
        ):
            set_meta(conn, key, value)
        delete_meta(conn, *SERVER_OWNED)  # pulled again from the start (campaigns and reports stay)
        clearance_store.delete_clearances(conn)  # the new identity's clearances come with that pull
        return outbox_store.restart_numbering(conn, also_rejected_as=p.RejectReason.SEQ_REUSED.value)


__all__ = ["OtherOrganisation", "adopt", "identity"]
