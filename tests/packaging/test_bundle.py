"""The PyInstaller bundle (packaging/telefonaktion.spec): built once per test run, then used as a user would.

Runs in CI (scripts/test.sh installs PyInstaller with the `test` extra); locally it is skipped only when PyInstaller
is not installed. `TELEFONAKTION_BUNDLE=dist/telefonaktion` reuses a bundle built before instead of building one
(about 60–90 s on the project's 2-core machine).
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXE_NAME = "telefonaktion.exe" if sys.platform == "win32" else "telefonaktion"
# The issue asked for <= 150 MB; the Linux floor with the PySide6 wheel's own ICU (37.7 MB, which libQt6Core
# links) is ~162 MB, so the limit is the measured size plus a little room (docs/packaging.md). The workflow for
# Windows and macOS passes its own limit in TELEFONAKTION_BUNDLE_MAX_MB.
SIZE_LIMIT_MB = float(os.environ.get("TELEFONAKTION_BUNDLE_MAX_MB") or 165.0)
PASSPHRASE = "bundle test passphrase, invented"

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]

if importlib.util.find_spec("PyInstaller") is None and not os.environ.get("TELEFONAKTION_BUNDLE"):
    if os.environ.get("CI"):
        raise RuntimeError("PyInstaller is missing in CI: the `test` extra of pyproject.toml must install it")
    pytest.skip("PyInstaller not installed (pip install -e '.[bundle]')", allow_module_level=True)


def bundle_env(**extra: str) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if k not in ("TELEFONAKTION_DATA_DIR", "PYTHONPATH", "PYTHONHOME")
    }
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.update(extra)
    return env


def run(exe: Path, *args: str, timeout: float = 120, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(exe), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=bundle_env(**env),
        stdin=subprocess.DEVNULL,
        check=False,
    )


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    reuse = os.environ.get("TELEFONAKTION_BUNDLE")
    if reuse:
        path = Path(reuse).resolve()
        assert (path / EXE_NAME).is_file(), f"TELEFONAKTION_BUNDLE={reuse}: no {EXE_NAME} there"
        return path
    dist = tmp_path_factory.mktemp("dist")
    start = time.monotonic()
    out = subprocess.run(
        ["bash", str(ROOT / "packaging" / "build.sh")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=800,
        stdin=subprocess.DEVNULL,
        env={**os.environ, "TELEFONAKTION_PYTHON_BIN": sys.executable, "DIST_DIR": str(dist)},
        check=False,
    )
    assert out.returncode == 0, f"bundle build failed:\n{out.stdout[-3000:]}\n{out.stderr[-6000:]}"
    print(f"\nbundle built in {time.monotonic() - start:.0f} s: {out.stdout.strip().splitlines()[-1]}")
    return dist / "telefonaktion"


def bundle_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def copy_bundle(src: Path, dst: Path) -> Path:
    """A private copy for tests that write beside the executable (hard links when possible: instant)."""

    def link_or_copy(a: str, b: str) -> None:
        try:
            os.link(a, b)
        except OSError:
            shutil.copy2(a, b)

    shutil.copytree(src, dst, symlinks=True, copy_function=link_or_copy)
    return dst


def test_selftest_passes_inside_the_bundle(bundle: Path) -> None:
    out = run(bundle / EXE_NAME, "selftest")
    lines = out.stdout.strip().splitlines()
    assert out.returncode == 0, out.stdout + out.stderr
    assert len(lines) == 5 and lines[-1] == "selftest passed", lines
    assert all(line.startswith("ok ") for line in lines[:4]), lines
    assert "platform 'offscreen'" in lines[2]
    # the translation comes from the bundle, not from the source tree
    assert str(bundle / "_internal" / "resources" / "i18n") in lines[3], lines[3]


def test_bundle_size_and_contents(bundle: Path) -> None:
    size = bundle_size(bundle)
    print(f"\nbundle size: {size / 1e6:.1f} MB ({size / 2**20:.1f} MiB)")
    assert size <= SIZE_LIMIT_MB * 1e6, f"bundle is {size / 1e6:.1f} MB, limit {SIZE_LIMIT_MB} MB"

    from PyInstaller.archive.readers import CArchiveReader

    modules = set(CArchiveReader(str(bundle / EXE_NAME)).open_embedded_archive("PYZ.pyz").toc)
    needed = [
        "desktop.app",
        "desktop.services.demo_office",
        "sync.client.transport",
        "sync.core.protocol",
        "httpx",
        "phonenumbers.data.region_DE",
    ]
    assert not [m for m in needed if m not in modules]
    # The desktop never imports the central office: neither it nor its stack is in the bundle (issue #12).
    server_stack = (
        "sync.server",
        "fastapi",
        "starlette",
        "uvicorn",
        "sqlalchemy",
        "alembic",
        "jinja2",
        "psycopg",
    )
    assert not sorted(m for m in modules if m.split(".")[0] in server_stack or m.startswith("sync.server"))
    assert not list((bundle / "_internal").glob("sync/server"))
    unwanted = (
        "pytest",
        "_pytest",
        "hypothesis",
        "pytestqt",
        "psycopg",
        "tkinter",
        "phonenumbers.geodata",
        "sync.server.devtools",
        "PySide6.QtQml",
        "PySide6.QtQuick",
    )
    assert not sorted(m for m in modules if m.startswith(unwanted))
    internal = bundle / "_internal"
    assert sorted(p.name for p in (internal / "desktop" / "storage" / "migrations").glob("*.sql")) == sorted(
        p.name for p in (ROOT / "desktop" / "storage" / "migrations").glob("*.sql")
    )
    assert (internal / "resources" / "i18n" / "telefonaktion_de.qm").is_file()
    if sys.platform.startswith("linux"):
        assert not list(internal.glob("libgtk-3*")), "the GTK3 platform theme came back (+~20 MB)"
        dangling = [p for p in internal.rglob("*") if p.is_symlink() and not p.exists()]
        assert not dangling, dangling
        # every library and plugin kept finds the libraries it links (none dropped that a kept one needs)
        qt_lib = internal / "PySide6" / "Qt" / "lib"
        env = {**os.environ, "LD_LIBRARY_PATH": f"{internal}:{qt_lib}"}
        missing = {}
        for p in internal.rglob("*.so*"):
            if p.is_file() and not p.is_symlink():
                out = subprocess.run(
                    ["ldd", str(p)], capture_output=True, text=True, env=env, check=False
                ).stdout
                lost = [line.split()[0] for line in out.splitlines() if "not found" in line]
                if lost:
                    missing[str(p.relative_to(internal))] = lost
        assert not missing, missing


def test_portable_mode_puts_data_beside_the_executable(bundle: Path, tmp_path: Path) -> None:
    # The copy lives beside the bundle, on the same file system, so hard links work.
    copy = copy_bundle(bundle, bundle.parent / f"portable-{os.getpid()}-{tmp_path.name}")
    home = tmp_path / "home"
    try:
        exe = copy / EXE_NAME
        xdg = {
            "HOME": str(home),
            "XDG_DATA_HOME": str(home / "xdg"),
            "APPDATA": str(home / "appdata"),
            "LOCALAPPDATA": str(home / "localappdata"),
        }
        info = json.loads(run(exe, "_bundle-info", **xdg).stdout)
        assert info["frozen"] and Path(info["data_dir"]) != copy / "data"

        (copy / "portable.txt").write_text("Daten liegen in data/ neben dem Programm.\n", encoding="utf-8")
        info = json.loads(run(exe, "_bundle-info", **xdg).stdout)
        assert Path(info["data_dir"]) == copy / "data"
        out = run(
            exe,
            "init",
            "--org",
            "KV Portabel",
            "--name",
            "Paula P.",
            TELEFONAKTION_PASSPHRASE=PASSPHRASE,
            **xdg,
        )
        assert out.returncode == 0, out.stdout + out.stderr
        assert (copy / "data" / "workspace" / "keyslots.json").is_file()
        assert (copy / "data" / "workspace" / "workspace.db").is_file()
        assert not home.exists() or not any(home.rglob("keyslots.json"))
    finally:
        shutil.rmtree(copy, ignore_errors=True)


def test_the_bundle_refuses_the_demo_clearly(bundle: Path, tmp_path: Path) -> None:
    """The demo runs its own central office, which the bundle does not ship: a clear message, exit 2, and
    nothing written (tests/integration/test_demo_office.py runs the demo itself from source)."""
    data = tmp_path / "data"
    # (Without --demo a PC with no workspace gets the welcome screen, in the bundle too: tests/integration.)
    out = run(bundle / EXE_NAME, "--demo", "--data-dir", str(data))
    assert out.returncode == 2, out.stdout + out.stderr
    assert "the desktop bundle does not ship" in out.stderr
    assert "Traceback" not in out.stderr
    # Only the support log (no personal data, desktop/logs.py) may be written: no workspace, nothing else.
    written = [f for f in data.rglob("*") if f.is_file()] if data.exists() else []
    assert all(f.relative_to(data).parts[0] == "logs" for f in written), written


def test_startup_probe_reports_the_unlock_screen(bundle: Path, tmp_path: Path) -> None:
    """The hidden subcommand bench/startup_bench.py times (a smoke test, not a timing assertion)."""
    data = tmp_path / "data"
    out = run(
        bundle / EXE_NAME,
        "--data-dir",
        str(data),
        "init",
        "--org",
        "KV Start",
        "--name",
        "Sam S.",
        TELEFONAKTION_PASSPHRASE=PASSPHRASE,
    )
    assert out.returncode == 0, out.stderr
    out = run(bundle / EXE_NAME, "_bundle-startup", "--data-dir", str(data))
    assert out.returncode == 0, out.stdout + out.stderr
    seconds = float(out.stdout.split("UNLOCK-SHOWN", 1)[1].split()[0])  # the figure the benchmark reads
    assert seconds > 0  # how long is for bench/startup_bench.py, not for a test
    assert "Traceback" not in out.stderr
