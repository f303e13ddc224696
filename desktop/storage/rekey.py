"""Changing a passphrase and rekeying the database, without ever locking anyone out (R6).

Changing a passphrase only rewraps one key slot: unwrap the slot's key(s) with the old passphrase, wrap them
with the new one, write the key-slot file atomically (temp file + fsync + rename). A kill at any moment leaves
either the old file (old passphrase works) or the new one (new passphrase works).

Rekeying replaces the random database key. The slot format is fixed: every slot wraps the database key
directly with a KEK derived from that person's passphrase, and there is no intermediate master key. So whoever
rekeys must be able to wrap the new key for every slot that stays, which needs each remaining person's
passphrase. The design chosen here:

* `rekey(workspace, passphrases, remove=...)` takes the passphrase of **every slot that remains** (in practice
  the lead removes a volunteer, and the remaining people type their passphrase at the office PC), or those
  slots are removed in the same step and the people are enrolled again afterwards. Each passphrase is checked
  against the current key before anything is written. A missing or wrong passphrase raises before any change,
  so a rekey can never silently lock out a remaining person.
* Order (design.md, "Local store"): (1) write the slot file with every remaining slot wrapping **old and new**
  key (the removed slots are gone from this file on); (2) rekey the encrypted pre-migration backups; (3)
  `PRAGMA rekey` on the live database, its checkpoint and a check of every page; (4) write the slot file
  again with only the new key. Opening tries every key a slot holds, so after a kill at any moment the
  workspace opens with the same passphrase (old key before step 3 commits, new key after; between the commit
  and the checkpoint the WAL holds the new key and the file the old one, see `_rekey_live`). A slot holding
  more than one wrapped key means a rekey was interrupted; `finish_pending` completes it (the newest key is
  always the last one in a slot).
* Rejected alternative: a "key chain" entry (new key wrapped under the old database key) would let the old
  slots keep working without their passphrases, but anyone who still knows the old key (a removed volunteer
  with a copy of the old key-slot file) could follow the chain, so removing a person would mean nothing.

What a completed rekey protects against: a removed person who kept their passphrase and a copy of the old key-
slot file (or noted the raw key) can no longer open the current database, its WAL, or the backups in
`backups/`. What it does not protect against: copies of the database file taken before the rekey (they stay
readable with the old key and hold the data of that time); anything read while the person was unlocked; old
ciphertext the file system or SSD keeps in freed blocks; files moved aside by recovery into `damaged-*`
folders (they stay under the key they had; delete them once salvaged). Until step (4) completes, the old key
still opens the database.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from desktop.domain.models import Person
from desktop.paths import WorkspacePaths
from desktop.storage import audit
from desktop.storage.database import Connection, open_encrypted
from desktop.storage.errors import ErrorCode, WorkspaceError
from desktop.storage.keyslots import KeySlot, KeySlotFile, new_database_key
from desktop.storage.probe import probe
from desktop.storage.timefmt import utcnow


class Workspace(Protocol):
    """What a rekey needs of an open workspace (storage.workspace.Workspace is one). A protocol, not an import:
    the workspace finishes an interrupted rekey when it opens, so importing it here would make a circle."""

    paths: WorkspacePaths
    conn: Connection
    slots: KeySlotFile
    person: Person
    _key: bytes

    def transaction(self) -> AbstractContextManager[Connection]: ...


class MissingPassphrases(ValueError):
    """A rekey needs the passphrase of every slot that stays (or the slot is removed in the same step)."""

    def __init__(self, slot_ids: list[str]) -> None:
        super().__init__(f"passphrase needed for {len(slot_ids)} remaining key slot(s)")
        self.slot_ids = slot_ids


# --------------------------------------------------------------------------------------------- passphrase


def change_passphrase(paths: WorkspacePaths, slot_id: str, old: str, new: str) -> None:
    """Rewrap one slot under a new passphrase. The key-slot file is replaced atomically."""
    if not new:
        raise ValueError("the new passphrase is empty")
    slots = KeySlotFile.load(paths.keyslots)
    keys = slots.unwrap(slot_id, old)  # WRONG_PASSPHRASE when `old` does not open the slot
    slots.rewrap(slot_id, new, keys)  # keeps every key and their order (a rekey may be under way)
    if slots.unwrap(slot_id, new) != keys:  # check in memory before the file is replaced
        raise RuntimeError("rewrapped slot does not give back its keys")
    slots.save(paths.keyslots)


def own_slot_id(workspace: Workspace) -> str:
    for meta in workspace.slots.labels():
        if meta.person_id == workspace.person.id:
            return meta.slot_id
    raise WorkspaceError(ErrorCode.DAMAGED, "no key slot for the signed-in person")


def change_own_passphrase(workspace: Workspace, old: str, new: str) -> None:
    """Change the signed-in person's passphrase and refresh the workspace's copy of the slot file.

    The refresh matters: Workspace.add_person saves its in-memory slot file and would otherwise write the old
    wrapping back.
    """
    change_passphrase(workspace.paths, own_slot_id(workspace), old, new)
    workspace.slots = KeySlotFile.load(workspace.paths.keyslots)


# --------------------------------------------------------------------------------------------- rekey


@dataclass(frozen=True)
class RekeyResult:
    key: bytes
    removed: tuple[str, ...]
    backups_rekeyed: tuple[Path, ...]
    backups_skipped: tuple[Path, ...]  # neither key opens them (damaged): left untouched, under their key


def pending(paths: WorkspacePaths) -> bool:
    """True while a rekey is under way or was interrupted (some slot holds more than one key)."""
    return any(len(s.wrapped) > 1 for s in KeySlotFile.load(paths.keyslots).slots)


def rekey(workspace: Workspace, passphrases: Mapping[str, str], *, remove: Collection[str] = ()) -> bytes:
    """Replace the database key; returns the new key. See `rekey_with_result` for the details."""
    return rekey_with_result(workspace, passphrases, remove=remove).key


def rekey_with_result(
    workspace: Workspace, passphrases: Mapping[str, str], *, remove: Collection[str] = ()
) -> RekeyResult:
    """Remove the slots in `remove` and move the database to a new random key.

    `passphrases` maps slot id → passphrase for every slot that stays, the signed-in person's included.
    Raises before any change when a passphrase is missing or wrong, when a slot id is unknown, or when the
    signed-in person would remove their own slot.
    """
    paths = workspace.paths
    slots = KeySlotFile.load(paths.keyslots)
    if slots.workspace_id != workspace.slots.workspace_id:
        raise WorkspaceError(ErrorCode.DAMAGED, "key slots belong to another workspace")
    ids = {s.meta.slot_id for s in slots.slots}
    removed = tuple(dict.fromkeys(remove))
    if unknown := [i for i in removed if i not in ids]:
        raise ValueError(f"unknown key slot(s): {unknown}")
    own = own_slot_id(workspace)
    if own in removed:
        raise ValueError("the person who rekeys cannot remove their own key slot")
    remaining = [s for s in slots.slots if s.meta.slot_id not in removed]
    if missing := [s.meta.slot_id for s in remaining if s.meta.slot_id not in passphrases]:
        raise MissingPassphrases(missing)
    old_key = workspace._key
    for slot in remaining:  # every passphrase must open its slot and give the key in use (Argon2 per slot)
        try:
            keys = slots.unwrap(slot.meta.slot_id, passphrases[slot.meta.slot_id])
        except WorkspaceError as exc:
            raise WorkspaceError(exc.code, slot.meta.slot_id) from None
        if old_key not in keys:
            raise WorkspaceError(ErrorCode.DAMAGED, f"slot {slot.meta.slot_id} does not hold the key in use")

    new_key = new_database_key()
    # (1) every remaining slot wraps old + new key; the removed slots are gone from here on.
    both = KeySlotFile(workspace_id=slots.workspace_id, slots=list(remaining))
    for slot in remaining:
        both.rewrap(slot.meta.slot_id, passphrases[slot.meta.slot_id], (old_key, new_key))
    both.save(paths.keyslots)
    workspace.slots = both
    # (2) the backups, (3) the live database, (4) drop the old key from every slot.
    done, skipped = _rekey_backups(paths, old_key, new_key)
    _rekey_live(workspace, new_key)
    now = utcnow()
    gone = [s.meta.person_id for s in slots.slots if s.meta.slot_id in removed]
    with workspace.transaction() as conn:
        for person_id in gone:
            audit.append(
                conn, audit.AuditKind.PERSON_REMOVED, at=now, person_id=workspace.person.id, subject=person_id
            )
        audit.append(
            conn, audit.AuditKind.REKEY, at=now, person_id=workspace.person.id, subject=str(len(removed))
        )
    workspace.slots = _keep_newest(paths)
    return RekeyResult(new_key, removed, done, skipped)


def finish_pending(workspace: Workspace, passphrase: str) -> bool:
    """Complete an interrupted rekey right after unlocking; returns whether there was one to finish.

    The signed-in person's slot gives both keys (old first, new last). No other passphrase is needed: every
    remaining slot already wraps the new key (step 1), only the old entry is dropped from each.
    """
    if not pending(workspace.paths):
        return False  # the usual case costs no key derivation
    return finish_pending_keys(workspace, workspace.slots.unwrap(own_slot_id(workspace), passphrase))


def finish_pending_keys(workspace: Workspace, keys: tuple[bytes, ...]) -> bool:
    """As `finish_pending`, with the keys unwrapped from the signed-in person's slot (in stored order)."""
    slots = KeySlotFile.load(workspace.paths.keyslots)
    if not any(len(s.wrapped) > 1 for s in slots.slots):
        return False
    if len(keys) < 2 or any(len(s.wrapped) < 2 for s in slots.slots):
        # A slot with one key while others hold two was added during the interrupted rekey, wrapping whichever
        # key the database had then; nobody can tell which without that person's passphrase. Finishing could
        # lock them out, so it stays pending: a new `rekey` with everyone's passphrase settles it.
        return False
    new_key = keys[-1]
    _rekey_backups(workspace.paths, keys[0], new_key)
    _rekey_live(workspace, new_key)  # also when the database already opens with the new key: see there
    with workspace.transaction() as conn:
        audit.append(
            conn, audit.AuditKind.REKEY, at=utcnow(), person_id=workspace.person.id, subject="resumed"
        )
    workspace.slots = _keep_newest(workspace.paths)
    return True


def _rekey_live(workspace: Workspace, new_key: bytes) -> None:
    """Step (3): `PRAGMA rekey`, then bring the WAL into the file, then check every page under the new key.

    In WAL mode `PRAGMA rekey` commits every page, under the new key, into the WAL; the file keeps them under the
    old key until the checkpoint. A kill between the two leaves a database that opens with the new key only and
    whose file is still under the old one (`PRAGMA cipher_integrity_check`, which reads the file and not the WAL,
    reports every page). Finishing such a rekey skips `PRAGMA rekey` but still checkpoints and verifies.
    """
    conn = workspace.conn
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # finishing: what the killed rekey committed to the WAL
    if workspace._key != new_key:
        conn.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"")  # one transaction: old or new key, never half
        workspace._key = new_key
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # no page under the old key stays in the WAL
    _verify(workspace.paths.database, new_key)


def _keep_newest(paths: WorkspacePaths) -> KeySlotFile:
    slots = KeySlotFile.load(paths.keyslots)
    slots.slots = [KeySlot(meta=s.meta, salt=s.salt, wrapped=s.wrapped[-1:]) for s in slots.slots]
    slots.save(paths.keyslots)
    return slots


def _rekey_backups(
    paths: WorkspacePaths, old_key: bytes, new_key: bytes
) -> tuple[tuple[Path, ...], tuple[Path, ...]]:
    done: list[Path] = []
    skipped: list[Path] = []
    if not paths.backups.is_dir():
        return (), ()
    for path in sorted(paths.backups.glob("*.db")):
        try:
            conn = open_encrypted(path, old_key)
        except WorkspaceError:
            if not _opens_with(path, new_key):
                skipped.append(path)  # damaged or foreign: left untouched
            continue
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"")
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
        _verify(path, new_key)
        done.append(path)
    return tuple(done), tuple(skipped)


def _opens_with(path: Path, key: bytes) -> bool:
    try:
        open_encrypted(path, key).close()
    except WorkspaceError:
        return False
    return True


def _verify(path: Path, key: bytes) -> None:
    """Before the old key is dropped: a separate read-only connection must read every page with the new key.

    Dropping the old key after a `PRAGMA rekey` that silently did not happen would lock everyone out.
    """
    try:
        probe(path, (key,))
    except WorkspaceError as exc:
        raise WorkspaceError(ErrorCode.DAMAGED, f"rekey could not be verified: {exc.detail}") from None
