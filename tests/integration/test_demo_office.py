"""The demo's central office is its own process (issue #12 point 4) and leaves no plaintext database in the
PC's folders (issue #16 point 9): its SQLite file lives in a private temporary directory that goes with it."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from desktop.paths import WorkspacePaths
from desktop.services.demo import DEMO_PASSPHRASE
from desktop.services.demo_office import DemoOffice, available, prepare_demo
from desktop.storage.workspace import Workspace, list_slots
from tests.conftest import ROOT

SQLITE_MAGIC = b"SQLite format 3\x00"


def plaintext_databases(root: Path) -> list[Path]:
    found = []
    for path in root.rglob("*"):
        if path.is_file():
            with path.open("rb") as f:
                if f.read(16) == SQLITE_MAGIC:
                    found.append(path)
    return found


def wait_until_empty(folder: Path, seconds: float = 60) -> list[Path]:
    deadline = time.monotonic() + seconds
    while (left := list(folder.iterdir())) and time.monotonic() < deadline:
        time.sleep(0.1)
    return left


def test_the_demo_enrols_at_its_own_office_and_leaves_no_plaintext_database(tmp_path: Path) -> None:
    data, temp = tmp_path / "data", tmp_path / "temp"
    temp.mkdir()
    # A folder an older version left beside the demo: the office's plaintext SQLite file.
    old = data / "demo-office" / "zentrale.db"
    old.parent.mkdir(parents=True)
    sqlite3.connect(old).execute("CREATE TABLE t (x)").connection.close()
    paths = WorkspacePaths(data / "demo")
    office = DemoOffice(members=20, temp_root=temp)
    assert available()
    try:
        prepare_demo(paths, office)
        assert office.url is not None and office.url.startswith("http://127.0.0.1:")
        (private,) = temp.iterdir()  # the office's database is here, private to the user
        assert private.stat().st_mode & 0o077 == 0
        assert [p.name for p in plaintext_databases(private)] == ["zentrale.db"]
        ws = Workspace.open(paths, list_slots(paths)[0].slot_id, DEMO_PASSPHRASE)
        try:
            contacts = ws.conn.execute("SELECT count(*) FROM contacts").fetchone()[0]
            server_url = ws.conn.execute("SELECT value FROM meta WHERE key = 'server_url'").fetchone()[0]
        finally:
            ws.close()
        assert contacts == 20  # pulled from the office: enrolment, clearance and sync worked
        assert server_url == office.url
        assert plaintext_databases(data) == []
        assert not old.parent.exists()
    finally:
        office.stop()
    assert wait_until_empty(temp) == []
    assert plaintext_databases(tmp_path) == []


def test_a_second_start_replaces_the_demo_enrolled_at_the_office_that_is_gone(tmp_path: Path) -> None:
    paths = WorkspacePaths(tmp_path / "data" / "demo")
    first = DemoOffice(members=5, temp_root=tmp_path)
    try:
        prepare_demo(paths, first)
        first_id = (paths.root / "keyslots.json").read_bytes()
    finally:
        first.stop()
    second = DemoOffice(members=5, temp_root=tmp_path)
    try:
        prepare_demo(paths, second)
        assert (paths.root / "keyslots.json").read_bytes() != first_id
        assert second.url is not None
    finally:
        second.stop()


def test_the_office_ends_and_removes_its_folder_when_the_app_is_killed(tmp_path: Path) -> None:
    app = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path\n"
            "from desktop.services.demo_office import DemoOffice\n"
            "office = DemoOffice(members=3, temp_root=Path(sys.argv[1]))\n"
            "print(office.start(), flush=True)\n"
            "time.sleep(600)\n",
            str(tmp_path),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert app.stdout is not None
        assert app.stdout.readline().startswith("http://127.0.0.1:")
        assert len(list(tmp_path.iterdir())) == 1
    finally:
        os.kill(app.pid, signal.SIGKILL)  # no clean-up code of the app runs
        app.wait(timeout=30)
        if app.stdout is not None:
            app.stdout.close()
    assert app.returncode == -signal.SIGKILL
    assert wait_until_empty(tmp_path) == []  # the office saw its input close, stopped and removed its folder


_NO_SERVER = """
import sys
class NoServer:
    def find_spec(self, name, path=None, target=None):
        if name == "sync.server" or name.startswith("sync.server."):
            raise ImportError("not in this bundle")
        return None
sys.meta_path.insert(0, NoServer())
from desktop.app import AppOptions, run
sys.exit(run(AppOptions(demo=sys.argv[2] == "demo", data_dir=sys.argv[1])))
"""


def test_without_the_central_office_package_the_demo_is_refused_clearly(tmp_path: Path) -> None:
    """What the desktop bundle does with --demo (it ships no sync.server): a clear message, exit 2, nothing
    written. Without --demo a PC with no workspace gets the welcome screen there too (test_first_run_gui)."""
    data = tmp_path / "data"
    out = subprocess.run(
        [sys.executable, "-c", _NO_SERVER, str(data), "demo"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    assert out.returncode == 2, out.stderr[-3000:]
    assert "the desktop bundle does not ship" in out.stderr
    assert "telefonaktion init" in out.stderr
    assert not data.exists() or not any(data.rglob("*"))
