"""The process that gets killed: records reports, changes a passphrase or rekeys, printing what it finished.

Run by the reliability tests as `python tests/reliability/child.py MODE ARGS…`. Each line it prints is
written only after the step it names has returned (the "acknowledged" state the parent then holds the
workspace to).

CRASH_AT=N (environment) kills the process with SIGKILL just before its N-th file-system or database step
after START (os.fsync, os.replace, Connection.execute): a deterministic crash point on top of the parent's
random-time kills.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop.domain.models import CallReport
from desktop.paths import WorkspacePaths
from desktop.services.calling import CallingService
from desktop.storage import rekey
from desktop.storage.timefmt import utcnow
from desktop.storage.workspace import Workspace
from sync.core.rules import Outcome

OUTCOMES = (
    Outcome.NO_PICKUP,
    Outcome.BUSY,
    Outcome.VOICEMAIL,
    Outcome.NOT_AVAILABLE,
    Outcome.CALL_BACK,
    Outcome.REACHED,
    Outcome.OBJECTION,
)


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


class _Crash:
    def __init__(self, at: int) -> None:
        self.at = at
        self.count = 0
        self.armed = False
        self.trace = os.environ.get("STEP_TRACE") == "1"  # calibration: print when each step starts
        self.started = 0.0

    def step(self, label: str) -> None:
        if not self.armed:
            return
        self.count += 1
        if self.trace:
            say(f"STEP {self.count} {time.monotonic() - self.started:.6f} {label}")
        if self.count == self.at:
            os.kill(os.getpid(), signal.SIGKILL)


class _CountingConnection:
    def __init__(self, conn: object, crash: _Crash) -> None:
        self._conn = conn
        self._crash = crash

    def execute(self, *args: object, **kw: object) -> object:
        self._crash.step(str(args[0])[:24] if args else "execute")
        return self._conn.execute(*args, **kw)

    def __getattr__(self, name: str) -> object:
        return getattr(self._conn, name)


def install_crash(ws: Workspace | None) -> _Crash:
    crash = _Crash(int(os.environ.get("CRASH_AT", "0")))
    if crash.at:
        real_fsync, real_replace = os.fsync, os.replace

        def fsync(fd: int) -> None:
            crash.step("fsync")
            real_fsync(fd)

        def replace(src: object, dst: object) -> None:
            crash.step("replace")
            real_replace(src, dst)

        os.fsync, os.replace = fsync, replace
        if ws is not None:
            ws.conn = _CountingConnection(ws.conn, crash)  # type: ignore[assignment]
    return crash


def record(root: str, slot_id: str, passphrase: str, seed: str) -> None:
    rng = random.Random(int(seed))
    ws = Workspace.open(WorkspacePaths(Path(root)), slot_id, passphrase)
    service = CallingService(ws)
    campaign_id = service.campaigns()[0].id
    contacts = [r[0] for r in ws.conn.execute("SELECT id FROM contacts")]
    say("READY")
    for _ in range(1_000_000):
        report = CallReport(
            campaign_id=campaign_id,
            contact_id=rng.choice(contacts),
            caller_id=ws.person.id,
            outcome=rng.choice(OUTCOMES),
            created_at=utcnow(),
        )
        service.record(report)
        say(f"ACK {report.id}")


def passphrase(root: str, slot_id: str, old: str, new: str) -> None:
    crash = install_crash(None)
    say("START")
    crash.started = time.monotonic()
    crash.armed = True
    rekey.change_passphrase(WorkspacePaths(Path(root)), slot_id, old, new)
    crash.armed = False
    say(f"DONE {crash.count}")


def do_rekey(root: str, slot_id: str, passphrase: str, passphrases: str, remove: str) -> None:
    paths = WorkspacePaths(Path(root))
    ws = Workspace.open(paths, slot_id, passphrase)
    rekey.finish_pending(ws, passphrase)  # what the unlock flow does (see rekey.finish_pending)
    crash = install_crash(ws)
    say("START")
    crash.started = time.monotonic()
    crash.armed = True
    rekey.rekey(ws, json.loads(passphrases), remove=json.loads(remove))
    crash.armed = False
    say(f"DONE {crash.count}")
    ws.close()


if __name__ == "__main__":
    mode, *args = sys.argv[1:]
    {"record": record, "passphrase": passphrase, "rekey": do_rekey}[mode](*args)
