"""The encrypted workspace: key slots + SQLCipher database of one organisation on one PC.

`Workspace` is the single owner of the database connection. It is created and used on the task thread
(desktop/tasks.py); the GUI thread never calls into it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from desktop.domain.models import Person, Role, new_id
from desktop.paths import WorkspacePaths
from desktop.storage import meta_store, people_store, rekey
from desktop.storage import migrate as migrations
from desktop.storage.database import (
    Connection,
    DatabaseError,
    integrity_problems,
    open_encrypted,
    transaction,
)
from desktop.storage.errors import ErrorCode, WorkspaceError
from desktop.storage.keyslots import KeySlotFile, new_database_key
from desktop.storage.private import private_dir, restrict_tree
from desktop.storage.timefmt import to_db, utcnow


@dataclass(frozen=True)
class SlotChoice:
    """What the unlock screen shows: a slot id and its label (first name + initial), nothing else."""

    slot_id: str
    label: str
    role: Role


def list_slots(paths: WorkspacePaths) -> list[SlotChoice]:
    slots = KeySlotFile.load(paths.keyslots)
    return [SlotChoice(m.slot_id, m.label, m.role) for m in slots.labels()]


class Workspace:
    def __init__(
        self, paths: WorkspacePaths, conn: Connection, slots: KeySlotFile, person: Person, key: bytes
    ) -> None:
        self.paths = paths
        self.conn = conn
        self.slots = slots
        self.person = person
        self._key = key

    # ------------------------------------------------------------------ lifecycle

    @classmethod
    def create(
        cls,
        paths: WorkspacePaths,
        *,
        org_name: str,
        label: str,
        role: Role,
        passphrase: str,
        now: datetime | None = None,
    ) -> Workspace:
        if paths.exists():
            raise WorkspaceError(ErrorCode.EXISTS)
        private_dir(paths.root)
        now = now or utcnow()
        key = new_database_key()
        workspace_id = new_id()
        person = Person(label=label, role=role, created_at=now)
        slots = KeySlotFile(workspace_id=workspace_id)
        slots.add_slot(person_id=person.id, label=label, role=role, passphrase=passphrase, keys=(key,))
        conn = open_encrypted(paths.database, key, create=True)
        try:
            migrations.migrate(conn)
            with transaction(conn):
                for name, value in (
                    ("workspace_id", workspace_id),
                    ("org_name", org_name),
                    ("created_at", to_db(now)),
                ):
                    meta_store.set_meta(conn, name, value)
                people_store.insert_person(conn, person)
        except BaseException:
            conn.close()
            paths.database.unlink(missing_ok=True)
            raise
        slots.save(paths.keyslots)
        restrict_tree(paths.root)
        return cls(paths, conn, slots, person, key)

    @classmethod
    def open(cls, paths: WorkspacePaths, slot_id: str, passphrase: str) -> Workspace:
        slots = KeySlotFile.load(paths.keyslots)
        if not paths.database.exists():
            raise WorkspaceError(ErrorCode.DAMAGED, "database missing")
        keys = slots.unwrap(slot_id, passphrase)
        conn = None
        last_error: WorkspaceError | None = None
        for key in keys:  # two keys only while a rekey was interrupted (R6)
            try:
                conn = open_encrypted(paths.database, key)
                break
            except WorkspaceError as exc:
                if exc.code is not ErrorCode.DAMAGED:
                    raise
                last_error = exc
        if conn is None:
            assert last_error is not None
            raise last_error
        try:
            if meta_store.get_meta(conn, "workspace_id") != slots.workspace_id:
                raise WorkspaceError(ErrorCode.DAMAGED, "key slots belong to another workspace")
            migrations.migrate(conn, paths.database, paths.backups)
            meta = slots.find(slot_id).meta
            person = people_store.get_person(conn, meta.person_id)
            if person is None:
                raise WorkspaceError(ErrorCode.DAMAGED, "person of the key slot is missing")
        except WorkspaceError:
            conn.close()
            raise
        except DatabaseError:
            conn.close()
            raise WorkspaceError(ErrorCode.DAMAGED, "read failed") from None
        restrict_tree(paths.root)  # also what an older version or a copy left readable for others
        workspace = cls(paths, conn, slots, person, key)
        if len(keys) > 1:  # an interrupted rekey (R6): finish it while this person holds both keys
            try:
                rekey.finish_pending_keys(workspace, keys)
            except (WorkspaceError, OSError, DatabaseError):
                pass  # stays pending; tried again at the next unlock
        return workspace

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.conn.close()
        self._key = b""

    # ------------------------------------------------------------------ helpers

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Connection]:
        with transaction(self.conn):
            yield self.conn

    @contextlib.contextmanager
    def bulk_transaction(self) -> Iterator[Connection]:
        """One write transaction for a bulk operation (an import of a whole list), on a short-lived connection.

        Same thread, same file, same settings, one transaction (all or nothing), and the long-lived connection is
        idle meanwhile — still one writer. Why not ``self.conn``: on a connection that has prepared many
        statements (the app's, after a few screens) SQLite's per-connection lookaside pool is used up, so every
        allocation of a bulk insert goes through SQLCipher's locking, wiping allocator (``cipher_memory_security``,
        which design.md requires): measured 8× the CPU of the same rows with memory security off or on a fresh
        connection (docs/performance.md, "The real cause of the slow SQLCipher bulk writes").

        The bulk connection keeps no statement prepared after its use (``cached_statements=0``): each cached
        statement holds lookaside slots too, and the dozen statements of opening the connection and checking the
        import were enough to use the pool up again (100k rows: 9 s → 2.3 s CPU for the same inserts)."""
        conn = open_encrypted(self.paths.database, self._key, probe=False, cached_statements=0)
        try:
            with transaction(conn):
                yield conn
        finally:
            conn.close()

    def meta(self, key: str) -> str | None:
        return meta_store.get_meta(self.conn, key)

    def set_meta(self, conn: Connection, key: str, value: str) -> None:
        meta_store.set_meta(conn, key, value)

    @property
    def org_name(self) -> str:
        return self.meta("org_name") or ""

    def integrity_problems(self) -> list[str]:
        return integrity_problems(self.conn)

    def add_person(self, *, label: str, role: Role, passphrase: str, now: datetime | None = None) -> Person:
        """Add a person and their key slot (the slot file is written before the row commits)."""
        person = Person(label=label, role=role, created_at=now or utcnow())
        self.slots = KeySlotFile.load(self.paths.keyslots)  # a passphrase may have changed meanwhile
        self.slots.add_slot(
            person_id=person.id, label=label, role=role, passphrase=passphrase, keys=(self._key,)
        )
        self.slots.save(self.paths.keyslots)
        with self.transaction() as conn:
            people_store.insert_person(conn, person)
        return person
