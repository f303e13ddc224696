"""Helpers of the reliability tests: run counts, the child process that gets killed, workspace checks."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from desktop.paths import WorkspacePaths
from desktop.services.demo import create_demo_workspace
from desktop.storage.workspace import list_slots
from tests.conftest import ROOT

CHILD = Path(__file__).resolve().parent / "child.py"


def scaled(default: int) -> int:
    """Run count: the fast default times RELIABILITY_SCALE (e.g. 50 in a nightly job)."""
    return max(1, round(default * float(os.environ.get("RELIABILITY_SCALE", "1"))))


def seeded_rng(test: str) -> random.Random:
    """A random generator whose seed is printed first (pytest shows it with a failure); RELIABILITY_SEED
    replays a run."""
    seed = int(os.environ.get("RELIABILITY_SEED") or random.randrange(2**32))
    print(f"{test}: seed {seed} (replay with RELIABILITY_SEED={seed})")
    return random.Random(seed)


def digest(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None


def demo_workspace(root: Path, count: int = 30) -> tuple[WorkspacePaths, str]:
    paths = WorkspacePaths(root)
    create_demo_workspace(paths, count=count).close()
    return paths, list_slots(paths)[0].slot_id


@dataclass
class Child:
    """A child process whose stdout lines are collected (with arrival times) by a reader thread."""

    args: list[str]
    env: dict[str, str] = field(default_factory=dict)
    lines: list[tuple[float, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.started = time.monotonic()
        self._stderr: str | None = None
        self.proc = subprocess.Popen(
            [sys.executable, str(CHILD), *self.args],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={**os.environ, "PYTHONPATH": str(ROOT), **self.env},
        )
        self._cond = threading.Condition()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for raw in self.proc.stdout:
            if not raw.endswith(b"\n"):
                break  # a line cut by the kill was never acknowledged
            with self._cond:
                self.lines.append((time.monotonic(), raw.decode("ascii").rstrip("\n")))
                self._cond.notify_all()

    def wait_for(self, prefix: str, timeout: float = 30.0) -> float | None:
        """The arrival time of the first line starting with prefix; None if the child ended without it."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                for at, line in self.lines:
                    if line.startswith(prefix):
                        return at
                if self.proc.poll() is not None and not self._reader.is_alive():
                    self.finish()
                    return None
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"child never printed {prefix!r}: {self.stderr()}")
                self._cond.wait(min(left, 0.05))

    def kill(self) -> None:
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
        self.finish()

    def finish(self, timeout: float = 60.0) -> int:
        code = self.proc.wait(timeout)
        self._reader.join(timeout)
        if self._stderr is None:
            assert self.proc.stderr is not None and self.proc.stdout is not None
            self._stderr = self.proc.stderr.read().decode("utf-8", "replace")[-3000:]
            self.proc.stderr.close()
            self.proc.stdout.close()
        return code

    def stderr(self) -> str:
        return self._stderr or ""

    def values(self, prefix: str) -> list[str]:
        return [line[len(prefix) :] for _, line in self.lines if line.startswith(prefix)]
