"""The encrypted workspace store: create, unlock, and every refusal with its clear code (R2, R3, R4)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from desktop.domain.models import Campaign, Contact, Role
from desktop.paths import WorkspacePaths
from desktop.storage import campaign_store, contact_store, keyslots
from desktop.storage.errors import ErrorCode, WorkspaceError
from desktop.storage.migrate import LATEST, current_version
from desktop.storage.workspace import Workspace, list_slots
from tests.conftest import files_containing

PASS = "richtig langes passwort"
MARKER = "Quastenflosser-Wigbertine"


def make(paths: WorkspacePaths, **kw: object) -> Workspace:
    return Workspace.create(
        paths, org_name="KV Test", label="Erika B.", role=Role.LEAD, passphrase=PASS, **kw
    )


def slot(paths: WorkspacePaths) -> str:
    return list_slots(paths)[0].slot_id


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_create_then_unlock_round_trips_data(workspace_paths: WorkspacePaths) -> None:
    ws = make(workspace_paths)
    campaign = Campaign(title="Einladung")
    with ws.transaction() as conn:
        campaign_store.insert_campaign(conn, campaign, created_at=ws.person.created_at)
        contact_store.insert_contacts(
            conn, [Contact(campaign_id=campaign.id, first_name=MARKER, phone="+493023125001")]
        )
    ws.close()

    ws = Workspace.open(workspace_paths, slot(workspace_paths), PASS)
    assert ws.person.label == "Erika B."
    assert ws.org_name == "KV Test"
    assert [c.title for c in campaign_store.list_campaigns(ws.conn)] == ["Einladung"]
    assert ws.conn.execute("SELECT first_name FROM contacts").fetchall() == [(MARKER,)]
    assert current_version(ws.conn) == LATEST
    assert ws.integrity_problems() == []
    ws.close()
    assert files_containing(workspace_paths.root, [MARKER, "KV Test", "+493023125001"]) == []


def test_pragmas_of_the_open_sequence(workspace_paths: WorkspacePaths) -> None:
    ws = make(workspace_paths)
    conn = ws.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
    assert conn.execute("PRAGMA temp_store").fetchone()[0] == 2  # MEMORY, never FILE
    assert conn.execute("PRAGMA cipher_memory_security").fetchone()[0] == "1"
    ws.close()


def test_wrong_passphrase_is_refused_without_hint(workspace_paths: WorkspacePaths) -> None:
    make(workspace_paths).close()
    with pytest.raises(WorkspaceError) as err:
        Workspace.open(workspace_paths, slot(workspace_paths), PASS + "x")
    assert err.value.code is ErrorCode.WRONG_PASSPHRASE
    with pytest.raises(WorkspaceError) as err:
        Workspace.open(workspace_paths, "no-such-slot", PASS)
    assert err.value.code is ErrorCode.WRONG_PASSPHRASE  # same answer: no hint which part was wrong


def test_plaintext_database_is_refused_and_left_untouched(workspace_paths: WorkspacePaths) -> None:
    make(workspace_paths).close()
    workspace_paths.database.unlink()
    for suffix in ("-wal", "-shm"):
        Path(str(workspace_paths.database) + suffix).unlink(missing_ok=True)
    plain = sqlite3.connect(workspace_paths.database)
    plain.execute("CREATE TABLE contacts (first_name TEXT)")
    plain.execute("INSERT INTO contacts VALUES ('Klartext')")
    plain.commit()
    plain.close()
    before = digest(workspace_paths.database)
    with pytest.raises(WorkspaceError) as err:
        Workspace.open(workspace_paths, slot(workspace_paths), PASS)
    assert err.value.code is ErrorCode.PLAINTEXT_DATABASE
    assert digest(workspace_paths.database) == before


@pytest.mark.parametrize("damage", ["flip", "truncate", "empty"])
def test_damaged_database_is_reported_not_rebuilt(workspace_paths: WorkspacePaths, damage: str) -> None:
    ws = make(workspace_paths)
    ws.close()
    data = bytearray(workspace_paths.database.read_bytes())
    if damage == "flip":
        data[100] ^= 0xFF  # inside the first page: its HMAC no longer matches
    elif damage == "truncate":
        data = data[: len(data) // 3]
    else:
        data = bytearray()
    workspace_paths.database.write_bytes(bytes(data))
    before = digest(workspace_paths.database)
    with pytest.raises(WorkspaceError) as err:
        Workspace.open(workspace_paths, slot(workspace_paths), PASS)
    assert err.value.code is ErrorCode.DAMAGED
    assert digest(workspace_paths.database) == before


def test_newer_schema_is_refused(workspace_paths: WorkspacePaths) -> None:
    ws = make(workspace_paths)
    ws.conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    ws.close()
    with pytest.raises(WorkspaceError) as err:
        Workspace.open(workspace_paths, slot(workspace_paths), PASS)
    assert err.value.code is ErrorCode.NEWER_SCHEMA


def test_keyslot_parameters_meet_the_floor(workspace_paths: WorkspacePaths) -> None:
    make(workspace_paths).close()
    doc = json.loads(workspace_paths.keyslots.read_text())
    meta = doc["slots"][0]["meta"]
    assert meta["kdf"] == "argon2id"
    assert meta["memory_kib"] >= 64 * 1024
    assert meta["time_cost"] >= 3
    assert len(keyslots.new_database_key()) == 32


def test_lowered_kdf_parameters_are_refused(workspace_paths: WorkspacePaths) -> None:
    make(workspace_paths).close()
    doc = json.loads(workspace_paths.keyslots.read_text())
    doc["slots"][0]["meta"]["time_cost"] = 1
    workspace_paths.keyslots.write_text(json.dumps(doc))
    with pytest.raises(WorkspaceError) as err:
        Workspace.open(workspace_paths, slot(workspace_paths), PASS)
    assert err.value.code is ErrorCode.WEAK_KDF


def test_edited_slot_metadata_does_not_open(workspace_paths: WorkspacePaths) -> None:
    """Turning a caller into a lead by editing the file breaks the slot's associated data."""
    ws = make(workspace_paths)
    ws.add_person(label="Jonas K.", role=Role.CALLER, passphrase="anderes passwort")
    ws.close()
    doc = json.loads(workspace_paths.keyslots.read_text())
    doc["slots"][1]["meta"]["role"] = "lead"
    workspace_paths.keyslots.write_text(json.dumps(doc))
    with pytest.raises(WorkspaceError) as err:
        Workspace.open(workspace_paths, doc["slots"][1]["meta"]["slot_id"], "anderes passwort")
    assert err.value.code is ErrorCode.WRONG_PASSPHRASE


@pytest.mark.parametrize("offset", [0, 10, 200, -40, -5])
def test_flipped_bytes_in_the_keyslot_file_are_refused(workspace_paths: WorkspacePaths, offset: int) -> None:
    make(workspace_paths).close()
    slot_id = slot(workspace_paths)
    data = bytearray(workspace_paths.keyslots.read_bytes())
    data[offset] ^= 0x01
    workspace_paths.keyslots.write_bytes(bytes(data))
    with pytest.raises(WorkspaceError) as err:
        Workspace.open(workspace_paths, slot_id, PASS)
    assert err.value.code in (ErrorCode.KEYSLOTS_DAMAGED, ErrorCode.WRONG_PASSPHRASE, ErrorCode.WEAK_KDF)


def test_each_person_unlocks_with_their_own_passphrase(workspace_paths: WorkspacePaths) -> None:
    ws = make(workspace_paths)
    caller = ws.add_person(label="Jonas K.", role=Role.CALLER, passphrase="jonas eigenes passwort")
    ws.close()
    slots = {s.label: s.slot_id for s in list_slots(workspace_paths)}
    assert set(slots) == {"Erika B.", "Jonas K."}
    ws = Workspace.open(workspace_paths, slots["Jonas K."], "jonas eigenes passwort")
    assert ws.person.id == caller.id and ws.person.role is Role.CALLER
    ws.close()
    with pytest.raises(WorkspaceError):
        Workspace.open(workspace_paths, slots["Jonas K."], PASS)


def test_creating_over_an_existing_workspace_is_refused(workspace_paths: WorkspacePaths) -> None:
    make(workspace_paths).close()
    with pytest.raises(WorkspaceError) as err:
        make(workspace_paths)
    assert err.value.code is ErrorCode.EXISTS


def test_missing_workspace_says_so(workspace_paths: WorkspacePaths) -> None:
    with pytest.raises(WorkspaceError) as err:
        list_slots(workspace_paths)
    assert err.value.code is ErrorCode.NO_WORKSPACE
