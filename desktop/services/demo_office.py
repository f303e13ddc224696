"""The demo's embedded central office: a real `sync.server` on a loopback port with an SQLite file in the demo
folder, seeded with invented people, so a newcomer sees enrolment, clearance and sync work with one command.

Everything here is synthetic (desktop.services.demo). The server runs in a background thread of the app.
"""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from datetime import timedelta
from pathlib import Path

from desktop.paths import WorkspacePaths
from desktop.services import sync_engine
from desktop.services.demo import (
    DEMO_LEAD_LABEL,
    DEMO_ORG,
    DEMO_PASSPHRASE,
    demo_campaign,
    demo_contacts,
)
from desktop.storage import campaign_store
from desktop.storage.workspace import Workspace
from sync.core.memberfile import MemberRecord

DATABASE_FILE = "zentrale.db"
PORT_FILE = "zentrale.port"


class DemoOffice:
    """Start with `start()`, stop with `stop()`. `url` is the loopback address once started."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.database_url = f"sqlite:///{root / DATABASE_FILE}"
        self.url: str | None = None
        self._server = None
        self._thread: threading.Thread | None = None

    def start(self, timeout: float = 20.0) -> str:
        import uvicorn

        from sync.server.app import create_app
        from sync.server.db import open_database

        self.root.mkdir(parents=True, exist_ok=True)
        open_database(self.database_url).dispose()  # create and migrate the file before serving
        app = create_app(self.database_url)
        sock = self._bind()
        port = sock.getsockname()[1]
        (self.root / PORT_FILE).write_text(str(port))
        self._server = uvicorn.Server(
            uvicorn.Config(app, log_level="error", access_log=False, timeout_graceful_shutdown=2)
        )
        server = self._server

        def serve() -> None:
            asyncio.run(server.serve(sockets=[sock]))

        self._thread = threading.Thread(target=serve, name="demo-central-office", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("the demo central office did not start")
            time.sleep(0.01)
        self.url = f"http://127.0.0.1:{port}"
        return self.url

    def _bind(self) -> socket.socket:
        """The same port as last time when it is free (the workspace remembers the address), else a new one."""
        sock = socket.socket(
            socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP
        )  # so TCP_NODELAY gets set
        try:
            previous = int((self.root / PORT_FILE).read_text())
        except (FileNotFoundError, ValueError):
            previous = 0
        for port in (previous, 0) if previous else (0,):
            try:
                sock.bind(("127.0.0.1", port))
                break
            except OSError:
                continue
        sock.listen(64)
        return sock

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = self._thread = None

    def seed(self, members: int = 200) -> str:
        """Register the invented office, its lead, resolution, training and declaration, release a campaign;
        returns a one-time enrolment code for the lead."""
        from sync.server.db import open_database
        from sync.server.office import CentralOffice

        engine = open_database(self.database_url)
        try:
            office = CentralOffice(engine)
            today = office.today()
            org = office.commands.add_org(DEMO_ORG)
            lead = office.commands.add_person(org, DEMO_LEAD_LABEL)
            records = [
                MemberRecord(
                    row=i + 2,
                    category=c.category,
                    phone=c.phone,
                    phone2=c.phone2 or None,
                    first_name=c.first_name,
                    last_name=c.last_name,
                    locality=c.locality,
                    postcode=c.postcode,
                )
                for i, c in enumerate(demo_contacts("seed", members))
            ]
            office.commands.import_members(org, records)
            resolution = office.commands.add_resolution(
                org,
                today - timedelta(days=7),
                "Kreisvorstand (Demo)",
                ["invitation"],
                [lead],
                valid_until=today + timedelta(days=365),
                document_ref="Demo-Beschluss",
            )
            office.commands.record_training(lead, today - timedelta(days=3))
            office.commands.record_declaration(lead, today - timedelta(days=2), text_version="demo")
            office.commands.release_campaign(org, demo_campaign().title, "invitation", resolution)
            code, _ = office.commands.create_enrolment_code(org, lead)
            return code
        finally:
            engine.dispose()


def create_enrolled_demo(paths: WorkspacePaths, office: DemoOffice) -> Workspace:
    """Seed the office, enrol this PC's demo lead, pull the campaign and give it the demo script and questions."""
    assert office.url is not None
    code = office.seed()
    workspace = sync_engine.enrol(
        paths, server_url=office.url, code=code, label=DEMO_LEAD_LABEL, passphrase=DEMO_PASSPHRASE
    )
    sync_engine.sync_once(workspace.conn)
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


def point_workspace_at(workspace: Workspace, url: str) -> None:
    """The demo office may come back on another port: the demo workspace follows it."""
    with workspace.transaction() as conn:
        workspace.set_meta(conn, "server_url", url)
