"""Fixtures for the desktop-against-a-real-server tests: a central office seeded with invented people,
served by a real server subprocess on a loopback port, and the `telefonaktion` command line."""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.paths import WorkspacePaths
from desktop.storage.workspace import Workspace, list_slots
from sync.server import db
from sync.server.db import open_database
from sync.server.devtools import running_server
from sync.server.office import CentralOffice
from tests.conftest import ROOT
from tests.content_support import CONTENT
from tests.server.conftest import NO_LIMITS, make_database, pg_admin_url  # noqa: F401 (fixtures)
from tests.server.helpers import members

PASS = "ein langes passwort"


@dataclass
class Office:
    url: str
    office: CentralOffice
    org: str
    lead: str
    resolution: str
    campaign: str
    database_url: str
    server: object

    def code(self) -> str:
        return self.office.commands.create_enrolment_code(self.org, self.lead)[0]

    def stored_reports(self) -> list[str]:
        with self.office.engine.connect() as conn:
            return [r[0] for r in conn.execute(select(db.reports.c.report_id))]


def seed_org(central: CentralOffice, name: str = "KV Fiktivhausen") -> tuple[str, str, str, str]:
    """An organisation with 40 invented members, a lead (trained), a resolution and a released campaign:
    (org, lead, resolution, campaign)."""
    today = central.today()
    org = central.commands.add_org(name)
    lead = central.commands.add_person(org, "Erika B.")
    central.commands.import_members(org, members(40))
    resolution = central.commands.add_resolution(
        org,
        today - timedelta(days=3),
        "Kreisvorstand",
        ["invitation"],
        [lead],
        valid_until=today + timedelta(days=90),
    )
    central.commands.record_training(lead, today - timedelta(days=2))
    campaign, _ = central.commands.release_campaign(  # called with the real clock: at any hour
        org, "Einladung Sommerfest", "invitation", resolution, content=CONTENT
    )
    return org, lead, resolution, campaign


def callable_always(office: Office) -> None:
    """The office's campaign may be called at any time of day (a new content version; PCs get it at their next
    sync): for tests that record calls whenever they run, not only inside the default calling hours."""
    from sync.server.content import CampaignContents
    from tests.content_support import ALWAYS_CALLABLE

    CampaignContents(office.office).set(office.campaign, {"calling_hours": ALWAYS_CALLABLE})


def another_org(office: Office, name: str) -> Office:
    """The same server with another organisation of its own (its own PCs, leases and register)."""
    org, lead, resolution, campaign = seed_org(office.office, name)
    return dataclasses.replace(office, org=org, lead=lead, resolution=resolution, campaign=campaign)


@contextlib.contextmanager
def make_office(
    tmp_path: Path, *server_args: str, url: str | None = None, env: dict[str, str] | None = None
) -> Iterator[Office]:
    """A seeded central office (SQLite file unless ``url``) served by a real server process."""
    url = url or f"sqlite:///{tmp_path / 'zentrale.db'}"
    engine = open_database(url)
    central = CentralOffice(engine)
    org, lead, resolution, campaign = seed_org(central)
    try:
        with running_server(url, *server_args, env=env, log_dir=tmp_path) as server:
            yield Office(server.url, central, org, lead, resolution, campaign, url, server)
    finally:
        engine.dispose()


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Office]:
    with make_office(tmp_path) as seeded:
        yield seeded


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def server(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    make_database,  # noqa: F811
) -> Iterator[Office]:
    """One central office per backend for a module that asks for it (its tests then run on SQLite and
    PostgreSQL); each test takes an organisation of its own from it (``another_org``)."""
    url = None if request.param == "sqlite" else make_database("postgres")
    with make_office(tmp_path_factory.mktemp("office"), *NO_LIMITS, url=url) as seeded:
        yield seeded


def cli(
    data_dir: Path, *args: str, passphrase: str | None = PASS, timeout: float = 120
) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("TELEFONAKTION_PASSPHRASE", None)
    if passphrase is not None:
        env["TELEFONAKTION_PASSPHRASE"] = passphrase
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=timeout,
        check=False,
    )


def status(data_dir: Path) -> dict:
    out = cli(data_dir, "status", "--json")
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def open_ws(data_dir: Path) -> Workspace:
    paths = WorkspacePaths(data_dir / "workspace")
    return Workspace.open(paths, list_slots(paths)[0].slot_id, PASS)


def cleared_pc(office: Office, tmp_path: Path) -> Path:
    """A PC enrolled by the lead (declaration on record, so cleared) and synced once; returns its data dir."""
    office.office.commands.record_declaration(office.lead, office.office.today())
    data = tmp_path / "pc"
    assert (
        cli(data, "enrol", "--server", office.url, "--code", office.code(), "--name", "Erika B.").returncode
        == 0
    )
    assert cli(data, "sync").returncode == 0
    return data
