"""Start-up of the bundled app (PyInstaller one-folder bundle, packaging/telefonaktion.spec), Qt offscreen.

- start to unlock screen, workspace exists: wall time from spawning `telefonaktion _bundle-startup --data-dir D`
  to reading the line it prints once the unlock screen has been painted (the launcher's hidden subcommand runs the
  same steps as `desktop.app.run`: QApplication, translators, `desktop.app.build`, window shown, session started);
- (the demo is not measured here: it runs its own central office, which the bundle does not ship);
- Qt up and a widget painted (`telefonaktion _qtcheck`, what `selftest` runs in its child process);
- baseline for both: `telefonaktion _bundle-noop` (bootloader + the bundled interpreter, nothing imported);
  and that baseline's own baseline, `.venv/bin/python -c pass`.

The bundle is dist/telefonaktion (or $TELEFONAKTION_BUNDLE); it is built with packaging/build.sh when missing.
Run alone: `python -m bench.startup_bench [--quick]`.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import row, run_alone

ROOT = Path(__file__).resolve().parent.parent
EXE_NAME = "telefonaktion.exe" if sys.platform == "win32" else "telefonaktion"
UNLOCK_LINE = "UNLOCK-SHOWN"
PASSPHRASE = "bench passphrase for the startup figure"


def bundle_dir() -> Path:
    """The bundle to measure: $TELEFONAKTION_BUNDLE, else dist/telefonaktion (built now if missing)."""
    env = os.environ.get("TELEFONAKTION_BUNDLE")
    path = Path(env) if env else ROOT / "dist" / "telefonaktion"
    if not (path / EXE_NAME).exists():
        if env:
            raise FileNotFoundError(f"no bundle at {path}")
        print("startup_bench: building the bundle (bash packaging/build.sh) …", file=sys.stderr, flush=True)
        subprocess.run(
            ["bash", str(ROOT / "packaging" / "build.sh")],
            check=True,
            cwd=ROOT,
            env={**os.environ, "TELEFONAKTION_PYTHON_BIN": sys.executable},
            stdout=sys.stderr,
        )
    return path


def bundle_env(**extra: str) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if k not in ("TELEFONAKTION_DATA_DIR", "PYTHONPATH", "PYTHONHOME")
    }
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.update(extra)
    return env


def time_until_line(cmd: list[str], marker: str | None, env: dict[str, str], timeout: float = 60.0) -> float:
    """Seconds from spawning `cmd` to reading a stdout line starting with `marker` (None: to the process's exit)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, env=env, text=True
    )
    try:
        if marker is None:
            proc.wait(timeout=timeout)
            elapsed = time.perf_counter() - start
            if proc.returncode != 0:
                raise RuntimeError(f"{cmd[1:]} exited {proc.returncode}")
            return elapsed
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith(marker):
                elapsed = time.perf_counter() - start
                break
        else:
            raise RuntimeError(f"{cmd[1:]} ended without printing {marker!r} (exit {proc.wait(timeout)})")
        proc.stdout.read()
        proc.wait(timeout=timeout)
        return elapsed
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def samples(fn, runs: int, warmup: int = 1) -> list[float]:  # type: ignore[no-untyped-def]
    for _ in range(warmup):
        fn()
    return [fn() for _ in range(runs)]


def run(quick: bool = False) -> list[dict]:
    runs = 5 if quick else 10
    exe = str(bundle_dir() / EXE_NAME)
    env = bundle_env()
    venv_python = ROOT / ".venv" / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    python = str(venv_python if venv_python.exists() else sys.executable)
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        data = Path(tmp) / "data"
        subprocess.run(
            [exe, "--data-dir", str(data), "init", "--org", "KV Bench", "--name", "Bea B."],
            check=True,
            env=bundle_env(TELEFONAKTION_PASSPHRASE=PASSPHRASE),
            stdout=subprocess.DEVNULL,
        )

        noop = samples(lambda: time_until_line([exe, "_bundle-noop"], None, env), runs)
        python_pass = samples(lambda: time_until_line([python, "-c", "pass"], None, env), runs)
        unlock = samples(
            lambda: time_until_line([exe, "_bundle-startup", "--data-dir", str(data)], UNLOCK_LINE, env), runs
        )
        qt = samples(lambda: time_until_line([exe, "_qtcheck"], None, env), runs)

    rows.append(row("bundle: start to unlock screen (workspace exists)", unlock, noop, "median <= 1 s"))
    rows.append(row("bundle: Qt up + widget painted (_qtcheck)", qt, noop, "–"))
    rows.append(
        row("bundle: bootloader + interpreter (_bundle-noop) vs .venv python -c pass", noop, python_pass, "–")
    )
    return rows


if __name__ == "__main__":
    sys.exit(run_alone(run, (__doc__ or "").split("\n")[0]))
