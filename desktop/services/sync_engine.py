"""The desktop's use of the sync with the central office: enrolment, and one sync over the workspace.

The engine (the rules of push and pull) is sync.client.engine; the SQL is desktop.storage.sync_store. This
module wires them: the clearance gate decides which purposes are cleared, retention runs after a sync.
In the app every store call runs on the database thread (desktop.viewmodels.sync_status).
"""

from __future__ import annotations

import json
import platform
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import datetime

from desktop.domain.models import Role
from desktop.paths import WorkspacePaths
from desktop.services import clearance_gate, retention, session
from desktop.services.enrolment import Enrolment, b64url, trusted_now
from desktop.storage import audit, campaign_store
from desktop.storage.database import Connection, transaction
from desktop.storage.errors import ErrorCode, WorkspaceError
from desktop.storage.meta_store import set_meta
from desktop.storage.sync_store import WorkspaceSyncStore
from desktop.storage.timefmt import utcnow
from desktop.storage.workspace import Workspace, list_slots
from sync.client.engine import PUSH_BATCH, SyncEngine, SyncResult, SyncStore
from sync.client.transport import Refused, SyncClient, SyncError, Unreachable
from sync.core import clearance as clr
from sync.core import protocol as p

# --------------------------------------------------------------------------------------------- enrolment


def enrol(
    paths: WorkspacePaths,
    *,
    server_url: str,
    code: str,
    label: str,
    passphrase: str,
    clock: Callable[[], datetime] = utcnow,
    device_name: str | None = None,
) -> Workspace:
    """Redeem a one-time code; create the workspace (or attach an existing one) with the person's key slot.
    ``device_name``: how the central office lists this PC (default: the person's name and the system)."""
    name = (device_name or "").strip() or f"{label} · {platform.system() or 'PC'}"
    response = SyncClient.enrol(server_url, code, name)
    if paths.exists():
        slot = next((s.slot_id for s in list_slots(paths) if s.label == label), None)
        if slot is None:
            raise WorkspaceError(ErrorCode.EXISTS, "another person's workspace is on this PC")
        workspace = session.unlock(paths, slot, passphrase, clock)
    else:
        workspace = Workspace.create(
            paths, org_name=response.org_name, label=label, role=Role.LEAD, passphrase=passphrase, now=clock()
        )
    pinned = {k.kid: k.public_key for k in response.signing_keys}
    clr.pin_keys(*(b64url(v) for v in pinned.values()))  # refuses a key that is not Ed25519
    with workspace.transaction() as conn:
        for key, value in (
            ("server_url", server_url.rstrip("/")),
            ("device_id", response.device_id),
            ("device_secret", response.device_secret),
            ("org_id", response.org_id),
            ("server_person_id", response.person_id),
            ("pinned_keys", json.dumps(pinned)),
            ("org_name", response.org_name),
        ):
            set_meta(conn, key, value)
        audit.append(
            conn,
            audit.AuditKind.CLEARANCE_CHANGED,
            at=clock(),
            person_id=workspace.person.id,
            subject=response.device_id,
        )
    return workspace


# --------------------------------------------------------------------------------------------- sync


def cleared_purposes(clock: Callable[[], datetime]) -> Callable[[Connection], set[str]]:
    """The purposes of the stored campaigns that have a valid clearance now (the gate decides, DP-11)."""

    def cleared(conn: Connection) -> set[str]:
        purposes = campaign_store.purposes(conn)
        return {x for x in purposes if clearance_gate.check(conn, x, clock()).valid}

    return cleared


def store_for(
    conn: Connection,
    clock: Callable[[], datetime] = utcnow,
    *,
    bulk: Callable[[], AbstractContextManager[Connection]] | None = None,
) -> WorkspaceSyncStore:
    """``bulk``: the workspace's ``bulk_transaction``, for pull pages with many contacts (WorkspaceSyncStore)."""
    return WorkspaceSyncStore(conn, cleared_purposes=cleared_purposes(clock), clock=clock, bulk=bulk)


def size_leases(conn: Connection, *, size: int | None = None, hours: float | None = None) -> None:
    """The lead sizes the evening: how many open contacts per campaign this PC holds, and for how long."""
    with transaction(conn):
        if size is not None:
            if not 0 <= size <= p.MAX_LEASE:
                raise ValueError(f"the lease size must be 0 to {p.MAX_LEASE}")
            set_meta(conn, "lease_size", str(size))
        if hours is not None:
            if not 0 < hours <= 72:
                raise ValueError("the lease must last more than 0 and at most 72 hours")
            set_meta(conn, "lease_hours", str(hours))


def give_back(conn: Connection) -> None:
    """End of the evening: the next sync gives every unworked contact back to the pool."""
    with transaction(conn):
        set_meta(conn, "lease_give_back", "all")


class _CountingStore:
    """Passes everything to the store and reports the contacts received so far (the first pull's progress)."""

    def __init__(self, store: WorkspaceSyncStore, progress: Callable[[int], object]) -> None:
        self._store = store
        self._progress = progress
        self._contacts = 0

    def __getattr__(self, name: str) -> object:
        return getattr(self._store, name)

    def apply_page(self, page, *args, **kwargs):  # type: ignore[no-untyped-def]
        self._store.apply_page(page, *args, **kwargs)
        self._contacts += len(page.contacts)
        self._progress(self._contacts)


def with_progress(store: SyncStore, progress: Callable[[int], object]) -> SyncStore:
    """``store``, reporting the number of contacts received so far after each page it applies."""
    return _CountingStore(store, progress)  # type: ignore[arg-type,return-value]


def sync_once(
    workspace_conn: Connection,
    clock: Callable[[], datetime] = utcnow,
    *,
    progress: Callable[[int], object] | None = None,
    bulk: Callable[[], AbstractContextManager[Connection]] | None = None,
) -> SyncResult:
    """One full sync on the given connection (the CLI and the first run call this). ``progress`` gets the
    number of contacts received so far after each page; ``bulk``: the workspace's ``bulk_transaction``, on which
    large pull pages are applied (WorkspaceSyncStore)."""
    enrolment = Enrolment.load(workspace_conn)
    if enrolment is None:
        raise SyncError("not enrolled")
    store = store_for(workspace_conn, clock, bulk=bulk)
    return sync_with(
        store if progress is None else _CountingStore(store, progress),  # type: ignore[arg-type]
        enrolment,
        clock,
        after=lambda: retention.enforce(workspace_conn, clock()),
    )


def sync_with(
    store: SyncStore,
    enrolment: Enrolment,
    clock: Callable[[], datetime] = utcnow,
    *,
    after: Callable[[], object] | None = None,
    client: SyncClient | None = None,
    batch: int = PUSH_BATCH,
) -> SyncResult:
    """One full sync over ``store`` (whose methods may run on another thread: the desktop's database thread).
    ``after`` runs once the sync is through (retention). ``client``: another transport (tests: a fault proxy)."""
    own = client is None
    client = client or SyncClient(enrolment.server_url, enrolment.device_id, enrolment.device_secret)
    try:
        engine = SyncEngine(
            store, client, pinned=enrolment.pinned, org_id=enrolment.org_id, clock=clock, batch=batch
        )
        result = engine.run()
    finally:
        if own:
            client.close()
    if after is not None:
        after()
    return result


__all__ = [
    "Enrolment",
    "Refused",
    "SyncEngine",
    "SyncError",
    "SyncResult",
    "SyncStore",
    "Unreachable",
    "enrol",
    "give_back",
    "size_leases",
    "store_for",
    "sync_once",
    "sync_with",
    "trusted_now",
]
