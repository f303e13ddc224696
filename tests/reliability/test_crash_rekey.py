"""R6: changing a passphrase or rekeying can never lock anyone out.

A child process changes a passphrase, or rekeys the workspace (sometimes removing a person at the same time),
and is killed with SIGKILL either at a random moment or just before its N-th file-system / database step
(CRASH_AT, see child.py). After each kill every person must still open the workspace, with the old or the new
passphrase, the data must be intact, and an interrupted rekey must be finishable. Once a rekey that removed a
person has completed, the key that person could still unwrap from an old copy of the key-slot file must no
longer open the database or the backups.

Default 5 + 4 kills; RELIABILITY_SCALE multiplies them.
"""

from __future__ import annotations

import json
import random
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop.domain.models import CallReport, Role
from desktop.paths import WorkspacePaths
from desktop.services.calling import CallingService
from desktop.services.demo import DEMO_PASSPHRASE
from desktop.storage import rekey
from desktop.storage.database import open_encrypted
from desktop.storage.errors import ErrorCode, WorkspaceError
from desktop.storage.keyslots import KeySlotFile
from desktop.storage.timefmt import utcnow
from desktop.storage.workspace import Workspace, list_slots
from sync.core.rules import Outcome
from tests.reliability.helpers import Child, demo_workspace, scaled, seeded_rng

CALLER_PASS = "jonas eigenes passwort"
GONE_PASS = "wird entfernt"
REPORTS = 12
CONTACTS = 1500  # about 1 MB, so that `PRAGMA rekey` takes long enough to be hit by a kill


def opens(paths: WorkspacePaths, slot_id: str, passphrase: str) -> Workspace | None:
    try:
        return Workspace.open(paths, slot_id, passphrase)
    except WorkspaceError as exc:
        assert exc.code is ErrorCode.WRONG_PASSPHRASE, exc
        return None


def assert_intact(ws: Workspace) -> None:
    assert ws.integrity_problems() == []
    assert ws.conn.execute("SELECT count(*) FROM reports").fetchone()[0] == REPORTS
    assert ws.conn.execute("SELECT count(*) FROM outbox WHERE kind = 'report'").fetchone()[0] == REPORTS
    assert ws.conn.execute("SELECT count(*) FROM contacts").fetchone()[0] == CONTACTS


@pytest.fixture
def team(tmp_path: Path) -> tuple[WorkspacePaths, str, str]:
    """A demo workspace with some reports, a second person (caller) and an encrypted backup."""
    paths, lead = demo_workspace(tmp_path / "ws", count=CONTACTS)
    ws = Workspace.open(paths, lead, DEMO_PASSPHRASE)
    caller = ws.add_person(label="Jonas K.", role=Role.CALLER, passphrase=CALLER_PASS)
    service = CallingService(ws)
    campaign = service.campaigns()[0].id
    contacts = [r[0] for r in ws.conn.execute("SELECT id FROM contacts ORDER BY position")]
    for i in range(REPORTS):
        service.record(
            CallReport(
                campaign_id=campaign,
                contact_id=contacts[i],
                caller_id=ws.person.id,
                outcome=Outcome.NO_PICKUP,
                created_at=utcnow(),
            )
        )
    ws.close()
    paths.backups.mkdir()
    shutil.copy2(paths.database, paths.backups / "pre-migration-v1.db")  # stands in for migrate.py's copy
    caller_slot = next(s.slot_id for s in list_slots(paths) if s.label == "Jonas K.")
    del caller
    return paths, lead, caller_slot


@dataclass(frozen=True)
class Timing:
    duration: float  # START → DONE of an uninterrupted run
    steps: int  # file-system / database steps after START
    hot: tuple[float, float]  # when the `PRAGMA rekey` step runs, relative to START (0, 0 if none)


def kill_during(child: Child, rng: random.Random, timing: Timing) -> str:
    """Kill the child at a random time after START (or let CRASH_AT do it); returns how it ended.

    Half the random kills land anywhere in the operation, half inside the `PRAGMA rekey` step (which is short
    next to the Argon2 work, so plain uniform kills would rarely hit it).
    """
    start = child.wait_for("START")
    assert start is not None, child.stderr()
    if "CRASH_AT" not in child.env:
        lo, hi = timing.hot if timing.hot[1] > 0 and rng.random() < 0.5 else (0.0, timing.duration * 1.2)
        time.sleep(max(0.0, start + rng.uniform(lo, hi) - time.monotonic()))
        child.kill()
    else:
        child.finish()
    done = child.values("DONE ")
    assert child.proc.returncode in (-9, 0), child.stderr()
    if done:
        return "completed"
    assert child.proc.returncode == -9, "the child ended without finishing and without being killed"
    return "killed"


def calibrate(args: list[str]) -> Timing:
    child = Child(args, env={"CRASH_AT": str(10**9), "STEP_TRACE": "1"})
    start = child.wait_for("START")
    end = child.wait_for("DONE")
    child.finish()
    assert start is not None and end is not None, child.stderr()
    steps = [line.split(" ", 2) for line in child.values("STEP ")]  # number, seconds after START, label
    hot = (0.0, 0.0)
    for i, (_, at, label) in enumerate(steps):
        if label.startswith("PRAGMA rekey"):
            hot = (float(at), float(steps[i + 1][1]) if i + 1 < len(steps) else end - start)
    return Timing(end - start, int(child.values("DONE ")[0]), hot)


def plan(rng: random.Random, steps: int, run: int) -> dict[str, str]:
    """Half the runs die at a random moment, half just before a chosen step (never after the last); the
    first run always dies at a step, so every test kills at least one run mid-way."""
    return {"CRASH_AT": str(rng.randint(1, steps))} if run == 0 or rng.random() < 0.5 else {}


def check_kill(env: dict[str, str], ended: str) -> None:
    """A run told to die before one of its steps must have died there (the crash point was hit)."""
    if "CRASH_AT" in env:
        assert ended == "killed", f"CRASH_AT={env['CRASH_AT']} never reached: the run completed"


def test_passphrase_change_never_locks_out(team: tuple[WorkspacePaths, str, str]) -> None:
    paths, _lead, slot_id = team
    rng = seeded_rng("R6 passphrase")
    current, runs = CALLER_PASS, scaled(5)
    timing = calibrate(["passphrase", str(paths.root), slot_id, current, "kalibriert"])
    current = "kalibriert"
    outcomes = []
    for run in range(runs):
        new = f"neues passwort {run}"
        env = plan(rng, timing.steps, run)
        child = Child(["passphrase", str(paths.root), slot_id, current, new], env=env)
        outcomes.append(kill_during(child, rng, timing))
        check_kill(env, outcomes[-1])
        ws = opens(paths, slot_id, current)  # the old passphrase, or else the new one, must open it
        if ws is None:
            ws = opens(paths, slot_id, new)
            assert ws is not None, "neither the old nor the new passphrase opens the slot"
            current = new
        assert_intact(ws)
        ws.close()
    assert "killed" in outcomes
    print(
        f"R6 passphrase: {runs} runs ({outcomes.count('killed')} killed mid-way), {timing.steps} steps, "
        f"{timing.duration:.2f} s each"
    )


def test_rekey_never_locks_out_and_removal_holds(team: tuple[WorkspacePaths, str, str]) -> None:
    paths, lead, caller = team
    rng = seeded_rng("R6 rekey")
    passphrases = json.dumps({lead: DEMO_PASSPHRASE, caller: CALLER_PASS})
    timing = calibrate(["rekey", str(paths.root), lead, DEMO_PASSPHRASE, passphrases, "[]"])
    assert timing.hot[1] > timing.hot[0] > 0
    runs = scaled(4)
    outcomes, removals_checked = [], 0
    gone_keys: dict[str, bytes] = {}
    states: dict[str, int] = {}
    for run in range(runs):
        present = {m.slot_id for m in KeySlotFile.load(paths.keyslots).labels()}
        remove = [s for s in gone_keys if s in present]  # a killed run may not have removed its person yet
        if run % 2 == 0:  # enrol someone, remember the key they can unwrap, then rekey them out
            ws = Workspace.open(paths, lead, DEMO_PASSPHRASE)
            gone = ws.add_person(label=f"Weg {run}.", role=Role.CALLER, passphrase=GONE_PASS)
            gone_key = ws._key  # what their slot wraps, and what an old copy of the slot file gives them
            ws.close()
            gone_slot = next(
                m.slot_id for m in KeySlotFile.load(paths.keyslots).labels() if m.person_id == gone.id
            )
            gone_keys[gone_slot] = gone_key
            remove.append(gone_slot)
        env = plan(rng, timing.steps, run)
        child = Child(
            ["rekey", str(paths.root), lead, DEMO_PASSPHRASE, passphrases, json.dumps(remove)], env=env
        )
        outcomes.append(kill_during(child, rng, timing))
        check_kill(env, outcomes[-1])

        # Right after the kill: everyone who stays opens with their passphrase, data intact.
        ws = Workspace.open(paths, lead, DEMO_PASSPHRASE)
        assert_intact(ws)
        caller_keys = KeySlotFile.load(paths.keyslots).unwrap(caller, CALLER_PASS)
        assert ws._key in caller_keys, "the caller's slot no longer holds the key that opens the database"
        # The next unlock finishes an interrupted rekey (rekey.finish_pending, with the lead's keys).
        lead_keys = KeySlotFile.load(paths.keyslots).unwrap(lead, DEMO_PASSPHRASE)
        state = (
            "one key"
            if len(lead_keys) == 1
            else "two keys, database on the old"
            if ws._key == lead_keys[0]
            else "two keys, database on the new"
        )
        states[state] = states.get(state, 0) + 1
        finished = rekey.finish_pending_keys(ws, lead_keys)
        assert finished == (len(lead_keys) > 1)
        assert_intact(ws)
        key = ws._key
        ws.close()
        assert not rekey.pending(paths)
        slots = KeySlotFile.load(paths.keyslots)
        assert slots.unwrap(caller, CALLER_PASS) == (key,)  # the lead's slot is checked by the next run
        for target in (paths.database, paths.backups / "pre-migration-v1.db"):
            conn = open_encrypted(target, key)
            assert conn.execute("SELECT count(*) FROM reports").fetchone()[0] == REPORTS
            conn.close()
        present = {m.slot_id for m in KeySlotFile.load(paths.keyslots).labels()}
        for slot_id in [s for s in remove if s not in present]:  # removed, and the rekey is complete
            assert gone_keys[slot_id] != key
            for target in (paths.database, paths.backups / "pre-migration-v1.db"):
                with pytest.raises(WorkspaceError) as err:
                    open_encrypted(target, gone_keys[slot_id])
                assert err.value.code is ErrorCode.DAMAGED
            removals_checked += 1
    assert "killed" in outcomes
    ws = Workspace.open(paths, lead, DEMO_PASSPHRASE)
    assert ws.slots.unwrap(lead, DEMO_PASSPHRASE) == (ws._key,)
    assert_intact(ws)
    ws.close()
    print(
        f"R6 rekey: {runs} runs ({outcomes.count('killed')} killed mid-way), {timing.steps} steps, "
        f"{timing.duration:.2f} s each, PRAGMA rekey {1000 * (timing.hot[1] - timing.hot[0]):.0f} ms, "
        f"{removals_checked} removals verified; states found after the kills: {states}"
    )


def test_rekey_refuses_without_every_remaining_passphrase(team: tuple[WorkspacePaths, str, str]) -> None:
    """Never a silent lock-out: a missing or wrong passphrase stops the rekey before anything is written."""
    paths, lead, caller = team
    ws = Workspace.open(paths, lead, DEMO_PASSPHRASE)
    before = (paths.keyslots.read_bytes(), ws._key)
    with pytest.raises(rekey.MissingPassphrases) as missing:
        rekey.rekey(ws, {lead: DEMO_PASSPHRASE})
    assert missing.value.slot_ids == [caller]
    with pytest.raises(WorkspaceError) as err:
        rekey.rekey(ws, {lead: DEMO_PASSPHRASE, caller: "falsch"})
    assert err.value.code is ErrorCode.WRONG_PASSPHRASE and err.value.detail == caller
    with pytest.raises(ValueError):
        rekey.rekey(ws, {caller: CALLER_PASS}, remove=[lead])  # nobody removes their own slot
    assert (paths.keyslots.read_bytes(), ws._key) == before
    # Removing the caller needs only the lead's passphrase; afterwards the caller's old key opens nothing.
    (old,) = KeySlotFile.load(paths.keyslots).unwrap(caller, CALLER_PASS)
    result = rekey.rekey_with_result(ws, {lead: DEMO_PASSPHRASE}, remove=[caller])
    assert result.backups_rekeyed == (paths.backups / "pre-migration-v1.db",)
    kinds = [r[0] for r in ws.conn.execute("SELECT kind FROM audit_log ORDER BY seq")]
    assert kinds[-2:] == ["person_removed", "rekey"]
    ws.close()
    assert [s.slot_id for s in list_slots(paths)] == [lead]
    for target in (paths.database, paths.backups / "pre-migration-v1.db"):
        with pytest.raises(WorkspaceError):
            open_encrypted(target, old)
    Workspace.open(paths, lead, DEMO_PASSPHRASE).close()


def test_a_slot_added_during_an_interrupted_rekey_is_not_locked_out(
    team: tuple[WorkspacePaths, str, str],
) -> None:
    paths, lead, caller = team
    ws = Workspace.open(paths, lead, DEMO_PASSPHRASE)
    slots = KeySlotFile.load(paths.keyslots)
    new_key = b"\x01" * 32
    for slot_id, secret in ((lead, DEMO_PASSPHRASE), (caller, CALLER_PASS)):
        slots.rewrap(slot_id, secret, (ws._key, new_key))  # after step (1), killed before PRAGMA rekey
    slots.save(paths.keyslots)
    ws.slots = slots
    late = ws.add_person(label="Spät K.", role=Role.CALLER, passphrase="spät dazu")  # old key only
    assert rekey.finish_pending(ws, DEMO_PASSPHRASE) is False  # stays pending rather than lock anyone out
    ws.close()
    late_slot = next(m.slot_id for m in KeySlotFile.load(paths.keyslots).labels() if m.person_id == late.id)
    Workspace.open(paths, late_slot, "spät dazu").close()
