"""The demo's central office, run as its own process (``python -m sync.server.demo``) on a loopback port.

The desktop never imports the central office: it starts the process, reads the line ``READY <url> <code>``,
enrols the demo PC with that one-time code and talks to it over HTTP like to any central office. The office
keeps its database in a private temporary directory that it removes when it ends; it ends when this app
closes its standard input (also when the app crashes). Nothing of it is written into the PC's data folders.

The central office is not part of the desktop bundle, so the demo is offered only where the package
``sync.server`` can be imported (running from source or a pip install); see `available()`.
Everything here is synthetic (desktop.services.demo).
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import threading
from pathlib import Path

from desktop.paths import WorkspacePaths
from desktop.services import sync_engine
from desktop.services.demo import DEMO_LEAD_LABEL, DEMO_PASSPHRASE, demo_campaign
from desktop.storage import campaign_store
from desktop.storage.workspace import Workspace

OFFICE_MODULE = "sync.server.demo"


def available() -> bool:
    """True where the demo's central office can run: its package is importable (not in the desktop bundle)."""
    if getattr(sys, "frozen", False):
        return False
    try:
        return importlib.util.find_spec(OFFICE_MODULE) is not None
    except ImportError:
        return False


class DemoOffice:
    """Start with `start()`, stop with `stop()`. `url` and `enrolment_code` are set once started."""

    def __init__(self, *, members: int = 200, temp_root: Path | None = None) -> None:
        self.members = members
        self.temp_root = temp_root
        self.url: str | None = None
        self.enrolment_code: str | None = None
        self._process: subprocess.Popen[str] | None = None

    def start(self, timeout: float = 300.0) -> str:
        command = [sys.executable, "-m", OFFICE_MODULE, "--members", str(self.members)]
        if self.temp_root is not None:
            command += ["--temp-dir", str(self.temp_root)]
        process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8"
        )
        self._process = process
        assert process.stdout is not None
        stdout = process.stdout
        lines: list[str] = []
        reader = threading.Thread(target=lambda: lines.append(stdout.readline()), daemon=True)
        reader.start()
        reader.join(timeout)
        fields = lines[0].split() if lines else []
        if len(fields) != 3 or fields[0] != "READY":
            self.stop()
            raise RuntimeError("the demo central office did not start")
        self.url, self.enrolment_code = fields[1], fields[2]
        return self.url

    def stop(self, timeout: float = 15.0) -> None:
        """Close the office's standard input (it stops and removes its directory), then wait for it."""
        process, self._process = self._process, None
        if process is None:
            return
        if process.stdin is not None:
            process.stdin.close()
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout)
        if process.stdout is not None:
            process.stdout.close()
        self.url = None


def prepare_demo(paths: WorkspacePaths, office: DemoOffice) -> None:
    """Before the demo's unlock screen: the office running, and a demo workspace enrolled at *this* office.

    A demo workspace left from an earlier start was enrolled at an office that is gone with its temporary
    directory, so it is replaced (it holds only invented people). An older version kept the office's SQLite
    file beside the demo folder (``demo-office/``): that plaintext file is removed.
    """
    if office.url is None:
        office.start()
        if paths.root.exists():
            shutil.rmtree(paths.root)
        shutil.rmtree(paths.root.parent / f"{paths.root.name}-office", ignore_errors=True)
    if not paths.exists():
        create_enrolled_demo(paths, office).close()


def create_enrolled_demo(paths: WorkspacePaths, office: DemoOffice) -> Workspace:
    """Seed the office, enrol this PC's demo lead, pull the campaign and give it the demo script and questions."""
    assert office.url is not None and office.enrolment_code is not None
    code = office.enrolment_code
    workspace = sync_engine.enrol(
        paths, server_url=office.url, code=code, label=DEMO_LEAD_LABEL, passphrase=DEMO_PASSPHRASE
    )
    sync_engine.sync_once(workspace.conn, bulk=workspace.bulk_transaction)
    template = demo_campaign()
    with workspace.transaction() as conn:
        workspace.set_meta(conn, "demo", "1")
        for campaign in campaign_store.list_campaigns(conn):
            # The lead prepares the campaign's script and questions on the PC (the central office releases
            # only the list); the demo campaign may be tried at any hour.
            updated = campaign.model_copy(
                update={
                    "script": template.script,
                    "transparency": template.transparency,
                    "questions": template.questions,
                    "rules": template.rules,
                }
            )
            campaign_store.update_campaign_definition(conn, updated)
    return workspace
