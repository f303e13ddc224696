"""The audit log is append-only and hash-chained; a break is found (DP-21)."""

from __future__ import annotations

from dataclasses import asdict
from datetime import UTC, datetime, timedelta

import pytest

from desktop.domain.models import Role
from desktop.paths import WorkspacePaths
from desktop.services import session
from desktop.storage import audit
from desktop.storage.database import DatabaseError
from desktop.storage.errors import ErrorCode, WorkspaceError
from desktop.storage.workspace import Workspace, list_slots
from sync.core.audit_chain import first_break

T0 = datetime(2026, 11, 25, 18, 0, tzinfo=UTC)


def fresh(paths: WorkspacePaths) -> Workspace:
    return Workspace.create(
        paths, org_name="KV Test", label="Erika B.", role=Role.LEAD, passphrase="lang genug 123"
    )


def test_entries_chain_and_go_to_the_outbox(workspace_paths: WorkspacePaths) -> None:
    ws = fresh(workspace_paths)
    with ws.transaction() as conn:
        for i, kind in enumerate((audit.AuditKind.UNLOCK, audit.AuditKind.IMPORT, audit.AuditKind.LOCK)):
            audit.append(conn, kind, at=T0 + timedelta(minutes=i), person_id=ws.person.id, subject="c1")
    chain = audit.entries(ws.conn)
    assert [e.kind for e in chain] == ["unlock", "import", "lock"]
    assert chain[1].prev_hash == chain[0].hash
    assert audit.chain_break(ws.conn) is None
    outbox = ws.conn.execute("SELECT item_id, kind FROM outbox ORDER BY seq").fetchall()
    assert outbox == [(e.id, "audit_event") for e in chain]
    ws.close()


def test_the_log_refuses_updates_and_deletes(workspace_paths: WorkspacePaths) -> None:
    ws = fresh(workspace_paths)
    with ws.transaction() as conn:
        audit.append(conn, audit.AuditKind.UNLOCK, at=T0)
    with pytest.raises(DatabaseError, match="append-only"):
        ws.conn.execute("UPDATE audit_log SET kind = 'lock'")
    with pytest.raises(DatabaseError, match="append-only"):
        ws.conn.execute("DELETE FROM audit_log")
    ws.close()


@pytest.mark.parametrize("tamper", ["edit", "drop", "swap"])
def test_a_tampered_chain_is_detected(workspace_paths: WorkspacePaths, tamper: str) -> None:
    ws = fresh(workspace_paths)
    with ws.transaction() as conn:
        for i in range(5):
            audit.append(conn, audit.AuditKind.UNLOCK, at=T0 + timedelta(minutes=i), subject=f"s{i}")
    chain = [asdict(e) for e in audit.entries(ws.conn)]
    if tamper == "edit":
        chain[2]["subject"] = "other"
    elif tamper == "drop":
        del chain[2]
    else:
        chain[1], chain[2] = chain[2], chain[1]
    assert first_break(chain) in (2, 3)
    ws.close()


def test_unlock_and_lock_are_logged_with_ids_only(workspace_paths: WorkspacePaths) -> None:
    fresh(workspace_paths).close()
    slot_id = list_slots(workspace_paths)[0].slot_id
    ws = session.unlock(workspace_paths, slot_id, "lang genug 123", clock=lambda: T0)
    person = ws.person.id
    session.lock(ws, clock=lambda: T0 + timedelta(minutes=5))
    ws = Workspace.open(workspace_paths, slot_id, "lang genug 123")
    assert [(e.kind, e.person_id) for e in audit.entries(ws.conn)] == [("unlock", person), ("lock", person)]
    ws.close()


def test_wrong_passphrases_slow_down_and_survive_a_restart(workspace_paths: WorkspacePaths) -> None:
    fresh(workspace_paths).close()
    slot_id = list_slots(workspace_paths)[0].slot_id
    now = [T0]
    waits = []
    for _ in range(4):
        with pytest.raises(session.ThrottledError) as err:
            session.unlock(workspace_paths, slot_id, "falsch", clock=lambda: now[0])
        assert err.value.code is ErrorCode.WRONG_PASSPHRASE
        waits.append(err.value.wait.total_seconds())
        # A try during the delay is refused without even checking the passphrase, and does not count.
        if err.value.wait:
            with pytest.raises(session.ThrottledError):
                session.unlock(workspace_paths, slot_id, "falsch", clock=lambda: now[0])
        now[0] += err.value.wait
    assert waits == [0, 0, 2, 4]
    # Even the right passphrase is refused until the delay has passed, and a restart does not reset it.
    assert session.read_throttle(workspace_paths).failures == 4
    with pytest.raises(session.ThrottledError):
        session.unlock(
            workspace_paths, slot_id, "lang genug 123", clock=lambda: now[0] - timedelta(seconds=1)
        )
    ws = session.unlock(workspace_paths, slot_id, "lang genug 123", clock=lambda: now[0])
    assert session.read_throttle(workspace_paths).failures == 0
    assert audit.entries(ws.conn)[-1].subject == "4"  # the unlock records how many failures preceded it
    ws.close()


def test_the_delay_is_bounded() -> None:
    assert session.failure_delay(1) == timedelta(0)
    assert session.failure_delay(50) == session.MAX_DELAY


def test_state_file_holds_nothing_personal(workspace_paths: WorkspacePaths) -> None:
    fresh(workspace_paths).close()
    with pytest.raises(WorkspaceError):
        session.unlock(workspace_paths, list_slots(workspace_paths)[0].slot_id, "falsch", clock=lambda: T0)
    doc = __import__("json").loads(workspace_paths.keyslots.read_text())
    assert doc["unlock"] == {"failures": 1, "not_before": "2026-11-25T18:00:00.000000Z"}  # counts, no text
    assert not workspace_paths.state.exists()  # the delay lives beside the slots now (issue 16)
