"""The demo's central office as its own process: ``python -m sync.server.demo``.

The same app, migrations and commands as ``telefonaktion-zentrale serve``, on a loopback port, seeded here (on
the server side, through the central office's own commands) with an invented office, its lead, a resolution,
training, declaration and a released campaign of invented members.

Its SQLite database lives in a private temporary directory (mode 0700, in the system's temp folder, never in
a PC's data folders) that is removed when the process ends. The process prints one line,
``READY <url> <one-time enrolment code>``, and serves until its standard input closes (the desktop app that
started it ended, also by a crash) or it gets SIGTERM / SIGINT.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import signal
import socket
import sys
import tempfile
import threading
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

from sync.core.demo_people import (
    DEMO_CAMPAIGN_TITLE,
    DEMO_LEAD_LABEL,
    DEMO_ORG,
    DEMO_PURPOSE,
    invented_people,
)
from sync.core.memberfile import MemberRecord
from sync.server.serving import serve_ready

DATABASE_FILE = "zentrale.db"


def seed(database_url: str, members: int) -> str:
    """Register the invented office and release its campaign; returns a one-time enrolment code for the lead."""
    from sync.server.db import open_database
    from sync.server.office import CentralOffice

    engine = open_database(database_url)
    try:
        office = CentralOffice(engine)
        today = office.today()
        org = office.commands.add_org(DEMO_ORG)
        lead = office.commands.add_person(org, DEMO_LEAD_LABEL)
        records = [
            MemberRecord(
                row=i + 2,
                category="member",
                phone=p.phone,
                phone2=p.phone2 or None,
                first_name=p.first_name,
                last_name=p.last_name,
                locality=p.locality,
                postcode=p.postcode,
            )
            for i, p in enumerate(invented_people(members))
        ]
        office.commands.import_members(org, records)
        resolution = office.commands.add_resolution(
            org,
            today - timedelta(days=7),
            "Kreisvorstand (Demo)",
            [DEMO_PURPOSE],
            [lead],
            valid_until=today + timedelta(days=365),
            document_ref="Demo-Beschluss",
        )
        office.commands.record_training(lead, today - timedelta(days=3))
        office.commands.record_declaration(lead, today - timedelta(days=2), text_version="demo")
        office.commands.release_campaign(
            org,
            DEMO_CAMPAIGN_TITLE,
            DEMO_PURPOSE,
            resolution,
            content={  # a central campaign needs a script and a transparency answer (issue 14.1)
                "script": "Hallo {first_name}, hier ist {caller_name} – wir laden dich zu „{campaign_title}“ ein.",
                "transparency": "Deine Nummer stammt aus der Mitgliederverwaltung (Demo mit erfundenen Personen).",
            },
        )
        code, _ = office.commands.create_enrolment_code(org, lead)
        return code
    finally:
        engine.dispose()


def serve(members: int, temp_root: str | None = None) -> int:
    import uvicorn

    from sync.server.app import create_app

    private = Path(tempfile.mkdtemp(prefix="telefonaktion-demo-office-", dir=temp_root))  # 0700
    try:
        database_url = f"sqlite:///{private / DATABASE_FILE}"
        code = seed(database_url, members)
        app = create_app(database_url)
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)  # TCP_NODELAY gets set
        sock.bind(("127.0.0.1", 0))
        sock.listen(64)
        port = sock.getsockname()[1]
        server = uvicorn.Server(
            uvicorn.Config(app, log_level="error", access_log=False, timeout_graceful_shutdown=2)
        )

        def stop(*_: object) -> None:
            server.should_exit = True

        def watch_stdin() -> None:
            sys.stdin.buffer.read()  # returns at EOF: the app that started us has ended
            stop()

        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, stop)
        threading.Thread(target=watch_stdin, name="demo-office-stdin", daemon=True).start()
        asyncio.run(serve_ready(server, sock, f"READY http://127.0.0.1:{port} {code}"))
        return 0
    finally:
        shutil.rmtree(private, ignore_errors=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sync.server.demo", description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=200, help="invented members to release (default 200)")
    parser.add_argument("--temp-dir", help="where the private directory is made (default: the system's temp)")
    args = parser.parse_args(argv)
    return serve(args.members, args.temp_dir)


if __name__ == "__main__":
    sys.exit(main())
