"""A rekey killed right after `PRAGMA rekey` committed, before the WAL was checkpointed (R6).

In WAL mode `PRAGMA rekey` commits every page, under the new key, into the WAL; the database file itself keeps
every page under the old key until the checkpoint that follows. A kill in between (CRASH_AT=6 of
tests/reliability/test_crash_rekey.py, seed 4238180795) leaves exactly that: database + WAL read as one are the
complete data under the new key. `PRAGMA cipher_integrity_check` reads the database file only, not the WAL, so a
probe that runs it without first bringing the WAL in saw "HMAC verification failed" on every page and refused
the workspace as damaged with both keys: everyone locked out of intact data.

The tests build that state without kill timing: the files are copied while the rekeying connection is still
open (what is on disk at a kill, since every commit is synced), then opened from the copy.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop.domain.models import Campaign, Contact, Role
from desktop.paths import WorkspacePaths
from desktop.storage import campaign_store, contact_store, rekey
from desktop.storage.backups import open_checked
from desktop.storage.database import open_encrypted
from desktop.storage.errors import ErrorCode, WorkspaceError
from desktop.storage.keyslots import KeySlotFile, new_database_key
from desktop.storage.probe import probe
from desktop.storage.workspace import Workspace, list_slots

LEAD_PASS = "richtig langes passwort"
CALLER_PASS = "jonas eigenes passwort"
CONTACTS = 300  # enough pages that the database file and the WAL differ in many of them


def _fill(ws: Workspace) -> None:
    campaign = Campaign(title="Einladung")
    contacts = [
        Contact(campaign_id=campaign.id, first_name=f"Erika {i}", phone="+493023125001")
        for i in range(CONTACTS)
    ]
    with ws.transaction() as conn:
        campaign_store.insert_campaign(conn, campaign, created_at=ws.person.created_at)
        contact_store.insert_contacts(conn, contacts)


def _snapshot(paths: WorkspacePaths, into: Path) -> WorkspacePaths:
    """The files as a kill would leave them (no -shm: the next opener rebuilds it from the WAL)."""
    shutil.copytree(paths.root, into, ignore=lambda _d, names: [n for n in names if n.endswith("-shm")])
    return WorkspacePaths(into)


def _killed_after_rekey_commit(tmp_path: Path) -> tuple[WorkspacePaths, str, str, bytes, bytes]:
    """A workspace (lead + caller, one backup) killed right after `PRAGMA rekey` committed, both for the live
    database and for the backup, before either WAL was checkpointed."""
    paths = WorkspacePaths(tmp_path / "ws")
    ws = Workspace.create(paths, org_name="KV Test", label="Erika B.", role=Role.LEAD, passphrase=LEAD_PASS)
    ws.add_person(label="Jonas K.", role=Role.CALLER, passphrase=CALLER_PASS)
    _fill(ws)
    ws.close()
    paths.backups.mkdir()
    shutil.copy2(paths.database, paths.backups / "pre-migration-v1.db")
    lead, caller = (s.slot_id for s in list_slots(paths))

    ws = Workspace.open(paths, lead, LEAD_PASS)
    old_key, new_key = ws._key, new_database_key()
    # (1) every slot wraps old + new key, as rekey_with_result writes it.
    slots = KeySlotFile.load(paths.keyslots)
    for slot_id, secret in ((lead, LEAD_PASS), (caller, CALLER_PASS)):
        slots.rewrap(slot_id, secret, (old_key, new_key))
    slots.save(paths.keyslots)
    # (2) the backup and (3) the live database: `PRAGMA rekey` commits into the WAL, no checkpoint yet.
    backup = open_encrypted(paths.backups / "pre-migration-v1.db", old_key)
    backup.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"")
    ws.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    ws.conn.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"")
    killed = _snapshot(paths, tmp_path / "killed")
    backup.close()
    ws.close()

    # The state really is the one a kill leaves: the file alone is still all under the old key, the WAL holds
    # the rekey; database + WAL open only with the new key.
    for name in (killed.database, killed.backups / "pre-migration-v1.db"):
        assert Path(str(name) + "-wal").stat().st_size > 0
    return killed, lead, caller, old_key, new_key


def test_a_rekey_killed_before_its_checkpoint_opens_and_finishes(tmp_path: Path) -> None:
    paths, lead, caller, old_key, new_key = _killed_after_rekey_commit(tmp_path)

    ws = Workspace.open(paths, lead, LEAD_PASS)  # was: WorkspaceError "damaged: integrity check failed"
    assert ws._key == new_key
    assert ws.integrity_problems() == []
    assert ws.conn.execute("SELECT count(*) FROM contacts").fetchone()[0] == CONTACTS
    ws.close()
    assert not rekey.pending(paths)  # the unlock finished the interrupted rekey
    caller_ws = Workspace.open(paths, caller, CALLER_PASS)  # nobody who stays is locked out
    assert caller_ws._key == new_key
    caller_ws.close()
    # The backup, killed at the same point, is under the new key too and the old key opens nothing.
    for target in (paths.database, paths.backups / "pre-migration-v1.db"):
        conn = open_encrypted(target, new_key)
        assert conn.execute("SELECT count(*) FROM contacts").fetchone()[0] == CONTACTS
        conn.close()
        with pytest.raises(WorkspaceError) as err:
            open_encrypted(target, old_key)
        assert err.value.code is ErrorCode.DAMAGED


def test_the_read_only_probe_accepts_a_rekey_killed_before_its_checkpoint(tmp_path: Path) -> None:
    paths, lead, _caller, old_key, new_key = _killed_after_rekey_commit(tmp_path)
    before = {p.name: p.read_bytes() for p in paths.root.iterdir() if p.is_file()}

    assert probe(paths.database, (old_key, new_key)) == new_key
    assert probe(paths.backups / "pre-migration-v1.db", (old_key, new_key)) == new_key
    after = {p.name: p.read_bytes() for p in paths.root.iterdir() if p.is_file() and p.name in before}
    assert after == before  # the probe leaves the files as they were (R4)

    ws = open_checked(paths, lead, LEAD_PASS)  # the recovery unlock path probes first
    assert ws._key == new_key and ws.integrity_problems() == []
    ws.close()


def test_a_damaged_page_under_a_pending_wal_is_still_refused(tmp_path: Path) -> None:
    """The fix must not make the probe blind: a flipped byte in a page the WAL does not cover is damage."""
    paths = WorkspacePaths(tmp_path / "ws")
    ws = Workspace.create(paths, org_name="KV Test", label="Erika B.", role=Role.LEAD, passphrase=LEAD_PASS)
    _fill(ws)
    ws.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with ws.transaction() as conn:  # one small commit that stays in the WAL (the meta table's page, early on)
        ws.set_meta(conn, "org_name", "KV Test 2")
    killed = _snapshot(paths, tmp_path / "killed")
    key = ws._key
    ws.close()
    size = killed.database.stat().st_size
    with killed.database.open("r+b") as f:  # the last page (contacts' tail), not touched by that commit
        f.seek(size - 2000)
        byte = f.read(1)
        f.seek(size - 2000)
        f.write(bytes([byte[0] ^ 0xFF]))
    with pytest.raises(WorkspaceError) as err:
        probe(killed.database, (key,))
    assert err.value.code is ErrorCode.DAMAGED
    with pytest.raises(WorkspaceError) as err:
        Workspace.open(killed, list_slots(killed)[0].slot_id, LEAD_PASS)
    assert err.value.code is ErrorCode.DAMAGED
