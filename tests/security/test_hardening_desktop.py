"""Issue 16 on the desktop: what attack probes against real workspaces found, each a regression test.

Key-slot KDF parameters are bounded before any expensive work, the wrong-passphrase delay says "wait N s"
(never "wrong passphrase" for a passphrase it did not check) and survives deleting state.json, the unlock
field stays disabled until the delay is really over, and every file of a workspace is private to the user.
"""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop.domain.models import Role
from desktop.paths import WorkspacePaths
from desktop.services import session
from desktop.storage import keyslots, meta_store, migrate
from desktop.storage.errors import ErrorCode, WorkspaceError
from desktop.storage.workspace import Workspace, list_slots
from sync.server.devtools import REPO_ROOT

PASS = "richtig langes passwort"
T0 = datetime(2026, 11, 25, 18, 0, tzinfo=UTC)


def make(paths: WorkspacePaths) -> str:
    Workspace.create(paths, org_name="KV Test", label="Erika B.", role=Role.LEAD, passphrase=PASS).close()
    return list_slots(paths)[0].slot_id


def edit_meta(paths: WorkspacePaths, **changes: object) -> None:
    doc = json.loads(paths.keyslots.read_text())
    doc["slots"][0]["meta"].update(changes)
    paths.keyslots.write_text(json.dumps(doc))


# ----------------------------------------------------------------------------------------------- point 3


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"memory_kib": 2**40}, ErrorCode.KEYSLOTS_DAMAGED),  # was: OverflowError traceback
        ({"memory_kib": 4_194_304}, ErrorCode.KEYSLOTS_DAMAGED),  # was: 23.6 s and 4.2 GB, then refused
        ({"time_cost": 10**6}, ErrorCode.KEYSLOTS_DAMAGED),
        ({"parallelism": 0}, ErrorCode.KEYSLOTS_DAMAGED),  # was: argon2 traceback
        ({"parallelism": 2**20}, ErrorCode.KEYSLOTS_DAMAGED),
        ({"parallelism": -1}, ErrorCode.KEYSLOTS_DAMAGED),
        ({"memory_kib": "65536"}, ErrorCode.KEYSLOTS_DAMAGED),
        ({"time_cost": True}, ErrorCode.KEYSLOTS_DAMAGED),
        ({"time_cost": 1}, ErrorCode.WEAK_KDF),
        ({"memory_kib": 1024}, ErrorCode.WEAK_KDF),
    ],
)
def test_kdf_parameters_out_of_bounds_are_refused_before_any_work(
    workspace_paths: WorkspacePaths, monkeypatch: pytest.MonkeyPatch, changes: dict, code: ErrorCode
) -> None:
    slot_id = make(workspace_paths)
    edit_meta(workspace_paths, **changes)

    def no_kdf(*args: object, **kwargs: object) -> bytes:
        raise AssertionError("the KDF ran with parameters outside the bounds")

    monkeypatch.setattr(keyslots, "hash_secret_raw", no_kdf)
    with pytest.raises(WorkspaceError) as err:
        session.unlock(workspace_paths, slot_id, PASS, clock=lambda: T0)
    assert err.value.code is code
    assert session.read_throttle(workspace_paths).failures == 0  # a damaged file is no wrong passphrase


def test_a_salt_of_the_wrong_length_is_refused(workspace_paths: WorkspacePaths) -> None:
    slot_id = make(workspace_paths)
    doc = json.loads(workspace_paths.keyslots.read_text())
    doc["slots"][0]["salt"] = "QQ=="  # one byte
    workspace_paths.keyslots.write_text(json.dumps(doc))
    with pytest.raises(WorkspaceError) as err:
        Workspace.open(workspace_paths, slot_id, PASS)
    assert err.value.code is ErrorCode.KEYSLOTS_DAMAGED


# ----------------------------------------------------------------------------------------------- points 5, 8


def fail_until_delay(paths: WorkspacePaths, slot_id: str, now: datetime) -> timedelta:
    """Three wrong passphrases: the third starts a delay (2 s); returns it."""
    for _ in range(3):
        with pytest.raises(session.ThrottledError) as err:
            session.unlock(paths, slot_id, "falsch", clock=lambda: now)
        assert err.value.code is ErrorCode.WRONG_PASSPHRASE  # this one was checked, and wrong
    assert err.value.wait > timedelta(0)
    return err.value.wait


def test_during_the_delay_the_right_passphrase_hears_wait_not_wrong(workspace_paths: WorkspacePaths) -> None:
    slot_id = make(workspace_paths)
    delay = fail_until_delay(workspace_paths, slot_id, T0)
    during = T0 + delay - timedelta(milliseconds=2)
    with pytest.raises(session.ThrottledError) as err:
        session.unlock(workspace_paths, slot_id, PASS, clock=lambda: during)
    assert err.value.code is ErrorCode.THROTTLED  # not "wrong_passphrase": it was not checked
    assert err.value.wait == timedelta(milliseconds=2)
    assert session.read_throttle(workspace_paths).failures == 3  # a refused try does not count
    ws = session.unlock(workspace_paths, slot_id, PASS, clock=lambda: T0 + delay)  # the delay is over
    assert ws.person.label == "Erika B."
    ws.close()
    assert session.read_throttle(workspace_paths).failures == 0


def test_deleting_state_json_does_not_reset_the_delay(workspace_paths: WorkspacePaths) -> None:
    slot_id = make(workspace_paths)
    delay = fail_until_delay(workspace_paths, slot_id, T0)
    workspace_paths.state.unlink(missing_ok=True)
    with pytest.raises(session.ThrottledError) as err:
        session.unlock(workspace_paths, slot_id, PASS, clock=lambda: T0 + delay / 2)
    assert err.value.code is ErrorCode.THROTTLED
    # The delay lives in the key-slot file: deleting that one leaves nothing to unlock at all.
    doc = json.loads(workspace_paths.keyslots.read_text())
    assert doc["unlock"]["failures"] == 3
    # Adding a person (which rewrites the key-slot file) keeps the delay state; a success clears it.
    ws = session.unlock(workspace_paths, slot_id, PASS, clock=lambda: T0 + delay)
    ws.add_person(label="Jonas K.", role=Role.CALLER, passphrase="jonas eigenes passwort")
    ws.close()
    assert "unlock" not in json.loads(workspace_paths.keyslots.read_text())


def test_a_delay_written_by_an_older_version_still_holds(workspace_paths: WorkspacePaths) -> None:
    slot_id = make(workspace_paths)
    workspace_paths.state.write_text(
        json.dumps({"unlock": {"failures": 5, "not_before": "2026-11-25T18:00:08.000000Z"}})
    )
    with pytest.raises(session.ThrottledError) as err:
        session.unlock(workspace_paths, slot_id, PASS, clock=lambda: T0)
    assert err.value.code is ErrorCode.THROTTLED and err.value.wait == timedelta(seconds=8)


def test_the_cli_says_wait(tmp_path: Path) -> None:
    data = tmp_path / "pc"
    paths = WorkspacePaths(data / "workspace")
    slot_id = make(paths)
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}

    def cli(passphrase: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "desktop.cli", "--data-dir", str(data), "status"],
            capture_output=True,
            text=True,
            env={**env, "TELEFONAKTION_PASSPHRASE": passphrase},
            cwd=REPO_ROOT,
            timeout=120,
            check=False,
        )

    for _ in range(3):
        wrong = cli("falsch")
    assert wrong.returncode == 1 and "wrong_passphrase" in wrong.stderr
    assert "wait 2 s before the next try" in wrong.stderr
    # Three more wrong tries, each after its delay (clock moved on in-process): the delay is 16 s from "later".
    later = datetime.now(UTC) + timedelta(seconds=2)
    for _ in range(3):
        with pytest.raises(session.ThrottledError) as err:
            session.unlock(paths, slot_id, "falsch", clock=lambda at=later: at)
        later += err.value.wait
    right = cli(PASS)  # the real clock is well before ``later``
    assert right.returncode == 1, right.stdout
    assert "wrong_passphrase" not in right.stderr and "throttled" in right.stderr
    assert re.search(r"wait \d+ s", right.stderr) and "the passphrase was not checked" in right.stderr


def test_the_unlock_field_stays_disabled_until_the_delay_is_over(qtbot) -> None:
    from desktop.views.messages import workspace_error
    from desktop.views.unlock_view import UnlockView

    now = [1000.0]
    view = UnlockView(clock=lambda: now[0])
    qtbot.addWidget(view)
    view.show_error(ErrorCode.THROTTLED.value, 8.0)
    assert not view.passphrase.isEnabled() and not view.button.isEnabled()
    assert "8 second" in view.error.text() and "not checked" in view.error.text()
    assert workspace_error(ErrorCode.WRONG_PASSPHRASE.value) not in view.error.text()
    now[0] += 7.0
    view.countdown.timeout.emit()  # the timer fired (Qt timers may fire early: the clock decides)
    assert not view.passphrase.isEnabled() and "1 second" in view.error.text()
    now[0] += 0.998
    view.countdown.timeout.emit()
    assert not view.passphrase.isEnabled()  # 2 ms before the end: still waiting
    now[0] += 0.002
    view.countdown.timeout.emit()
    assert view.passphrase.isEnabled() and view.button.isEnabled()
    assert not view.countdown.isActive()


# ----------------------------------------------------------------------------------------------- point 6


def modes(root: Path) -> dict[str, int]:
    return {str(p.relative_to(root)): stat.S_IMODE(p.stat().st_mode) for p in [root, *root.rglob("*")]}


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes (Windows: ACLs, docs/security.md)")
def test_every_workspace_file_is_private_to_the_user(workspace_paths: WorkspacePaths) -> None:
    old = os.umask(0o022)  # a usual umask: files would be created 0644
    try:
        slot_id = make(workspace_paths)
        with pytest.raises(WorkspaceError):
            session.unlock(workspace_paths, slot_id, "falsch", clock=lambda: T0)
        ws = session.unlock(workspace_paths, slot_id, PASS, clock=lambda: T0)
        with ws.transaction() as conn:  # something in the WAL
            meta_store.set_meta(conn, "probe", "1")
        # A migration backup (as an update writes it), with one extra migration.
        extra = [*migrate.available(), migrate.Migration(migrate.LATEST + 1, "x", "SELECT 1;")]
        migrate.migrate(ws.conn, workspace_paths.database, workspace_paths.backups, migrations=extra)
        found = modes(workspace_paths.root)
        ws.close()
    finally:
        os.umask(old)
    names = set(found)
    assert {"workspace.db", "keyslots.json", "workspace.db-wal", "workspace.db-shm", "backups"} <= names
    assert any(n.startswith("backups/") for n in names)
    loose = {
        n: oct(m) for n, m in found.items() if m != (0o700 if (workspace_paths.root / n).is_dir() else 0o600)
    }
    assert loose == {}


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_an_older_workspace_with_open_modes_is_made_private_on_unlock(
    workspace_paths: WorkspacePaths,
) -> None:
    slot_id = make(workspace_paths)
    workspace_paths.root.chmod(0o755)
    for path in workspace_paths.root.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    session.unlock(workspace_paths, slot_id, PASS, clock=lambda: T0).close()
    found = modes(workspace_paths.root)
    assert found["."] == 0o700 and found["workspace.db"] == 0o600 and found["keyslots.json"] == 0o600
