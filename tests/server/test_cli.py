"""The central office's command line: conventions (ids on the last line, errors on stderr, no tracebacks) and
the registry rules (resolutions, releases, enrolment codes, pledges, export)."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import uuid
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from sync.server import cli
from sync.server.common import LOCAL_TZ
from sync.server.devtools import REPO_ROOT
from tests.content_support import content_files
from tests.server.helpers import FIRST_NAMES, LAST_NAMES, fiction_phone

TODAY = datetime.now(LOCAL_TZ).date()  # the office's calendar day (Berlin), as the server checks 'future'


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database(request, make_database) -> str:
    return make_database(request.param)


class Zentrale:
    def __init__(self, database: str, capsys: pytest.CaptureFixture[str]) -> None:
        self.database, self.capsys = database, capsys

    def run(self, *args: str) -> tuple[int, str, str]:
        self.capsys.readouterr()
        code = cli.main([*args, "--database", self.database])
        out, err = self.capsys.readouterr()
        return code, out, err

    def ok(self, *args: str) -> str:
        """Runs a command that must succeed; returns its last stdout line."""
        code, out, err = self.run(*args)
        assert code == 0 and err == "", err
        return out.splitlines()[-1]

    def fails(self, *args: str) -> str:
        code, out, err = self.run(*args)
        assert code != 0 and out == "" and err.startswith("error: ") and "Traceback" not in err
        return err


@pytest.fixture
def z(database: str, capsys: pytest.CaptureFixture[str]) -> Zentrale:
    return Zentrale(database, capsys)


@pytest.fixture
def org(z: Zentrale, tmp_path: Path) -> dict[str, str]:
    org_id = z.ok("org", "add", "--name", f"OV Teststadt {uuid.uuid4().hex[:6]}")
    persons = [z.ok("person", "add", "--org", org_id, "--name", f"Person {i}") for i in range(4)]
    members = tmp_path / "mitglieder.csv"
    rows = ["Vorname;Nachname;Telefon;Mobil;PLZ;Ort;Geburtsdatum;IBAN;Kategorie"]
    rows += [
        f"{FIRST_NAMES[i]};{LAST_NAMES[i % 5]};{fiction_phone(100 + i)};;99999;Fiktivhausen;01.01.1970;"
        f"DE00 0000 0000 0000 0000 00;Mitglied"
        for i in range(6)
    ]
    members.write_text("\n".join(rows) + "\n", encoding="utf-8")
    code, out, _ = z.run("members", "import", "--org", org_id, "--file", str(members))
    assert code == 0 and "Geburtsdatum, IBAN" in out and "6 added" in out
    return {"org": org_id, "lead": persons[0], "persons": persons, "members": str(members)}


def _resolution(z: Zentrale, org: dict, *extra: str, purpose: str = "invitation") -> str:
    return z.ok(
        "resolution",
        "add",
        "--org",
        org["org"],
        "--date",
        str(TODAY - timedelta(days=3)),
        "--body",
        "Ortsvorstand",
        "--purpose",
        purpose,
        *extra,
    )


def test_ids_on_the_last_line_as_a_real_process(database: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), cli.DB_ENV: database}
    run = [sys.executable, "-m", "sync.server.cli"]
    created = subprocess.run(
        [*run, "org", "add", "--name", f"KV Prozess {uuid.uuid4().hex[:6]}"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert created.returncode == 0 and len(created.stdout.splitlines()[-1]) == 32
    failed = subprocess.run(
        [*run, "person", "add", "--org", "nosuchorg", "--name", "X"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert failed.returncode == 1 and failed.stdout == ""
    assert failed.stderr.strip() == "error: org nosuchorg not found"
    usage = subprocess.run(
        [*run, "resolution", "add", "--org", "x"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert usage.returncode == 2 and "required" in usage.stderr and "Traceback" not in usage.stderr


def test_resolution_needs_one_to_three_responsible_persons(z: Zentrale, org: dict) -> None:
    assert "not 0" in z.fails(
        "resolution",
        "add",
        "--org",
        org["org"],
        "--date",
        str(TODAY),
        "--body",
        "OV",
        "--purpose",
        "invitation",
    )
    assert "not 4" in z.fails(
        "resolution",
        "add",
        "--org",
        org["org"],
        "--date",
        str(TODAY),
        "--body",
        "OV",
        "--purpose",
        "invitation",
        "--responsible",
        *org["persons"],
    )
    assert len(_resolution(z, org, "--responsible", *org["persons"][:3])) == 32
    assert len(_resolution(z, org, "--responsible", org["lead"], "--responsible", org["persons"][1])) == 32


def test_resolution_rules(z: Zentrale, org: dict) -> None:
    other_org = z.ok("org", "add", "--name", f"OV Anderswo {uuid.uuid4().hex[:6]}")
    stranger = z.ok("person", "add", "--org", other_org, "--name", "Fremde Person")
    assert "does not belong" in z.fails(
        "resolution",
        "add",
        "--org",
        org["org"],
        "--date",
        str(TODAY),
        "--body",
        "OV",
        "--purpose",
        "invitation",
        "--responsible",
        stranger,
    )
    assert "unknown purpose" in z.fails(
        "resolution",
        "add",
        "--org",
        org["org"],
        "--date",
        str(TODAY),
        "--body",
        "OV",
        "--purpose",
        "fundraising",
        "--responsible",
        org["lead"],
    )
    assert "before the date" in z.fails(
        "resolution",
        "add",
        "--org",
        org["org"],
        "--date",
        str(TODAY),
        "--body",
        "OV",
        "--purpose",
        "invitation",
        "--responsible",
        org["lead"],
        "--valid-until",
        str(TODAY - timedelta(days=1)),
    )


def test_campaign_release_checks_the_resolution(z: Zentrale, org: dict, tmp_path: Path) -> None:
    lead = ("--responsible", org["lead"])
    expired = _resolution(z, org, *lead, "--valid-until", str(TODAY - timedelta(days=1)))
    future = z.ok(
        "resolution",
        "add",
        "--org",
        org["org"],
        "--date",
        str(TODAY + timedelta(days=2)),
        "--body",
        "OV",
        "--purpose",
        "invitation",
        *lead,
    )
    survey_only = _resolution(z, org, *lead, purpose="survey")
    valid = _resolution(z, org, *lead)
    release = (
        "campaign", "release", "--org", org["org"], "--title", "Sommerfest", "--purpose", "invitation",
        *content_files(tmp_path),
    )  # fmt: skip
    assert "not valid today" in z.fails(*release, "--resolution", expired)
    assert "not valid today" in z.fails(*release, "--resolution", future)
    assert "does not cover" in z.fails(*release, "--resolution", survey_only)
    code, out, _err = z.run(*release, "--resolution", valid)
    assert code == 0 and out.splitlines()[0] == "released 6 contacts" and len(out.splitlines()[-1]) == 32


def test_enrol_prints_the_code_alone(z: Zentrale, org: dict) -> None:
    code = z.ok("enrol", "--org", org["org"], "--person", org["lead"])
    assert len(code) == 19 and code.count("-") == 3
    other_org = z.ok("org", "add", "--name", f"OV Woanders {uuid.uuid4().hex[:6]}")
    assert "does not belong" in z.fails("enrol", "--org", other_org, "--person", org["lead"])


def test_training_declaration_revocations_and_keys(z: Zentrale, org: dict) -> None:
    assert len(z.ok("training", "record", "--person", org["lead"], "--date", str(TODAY))) == 32
    assert (
        len(
            z.ok(
                "declaration",
                "record",
                "--person",
                org["lead"],
                "--signed-on",
                str(TODAY),
                "--text-version",
                "2025-1",
                "--document",
                "Akte 7",
            )
        )
        == 32
    )
    assert "future" in z.fails(
        "training", "record", "--person", org["lead"], "--date", str(TODAY + timedelta(1))
    )
    assert "not found" in z.fails("declaration", "record", "--person", "nobody", "--signed-on", str(TODAY))
    z.ok("clearance", "revoke", "--person", org["lead"])
    assert "not found" in z.fails("device", "revoke", "--device", "nodevice")
    kid = z.ok("keys", "show")
    assert len(kid) == 16 and z.ok("keys", "show") == kid


def test_pledges_and_export_on_empty_org(z: Zentrale, org: dict, tmp_path: Path) -> None:
    assert z.run("pledge", "list", "--org", org["org"])[1] == ""
    assert "not found" in z.fails("pledge", "confirm", "nosuchpledge")
    out = tmp_path / "ergebnisse.csv"
    z.ok("results", "export", "--org", org["org"], "--out", str(out))
    with out.open(encoding="utf-8") as fh:
        assert next(csv.reader(fh))[:4] == ["contact_id", "campaign_id", "report_id", "outcome"]


def test_members_import_errors(z: Zentrale, org: dict, tmp_path: Path) -> None:
    broken = tmp_path / "kaputt.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    assert "xlsx" in z.fails("members", "import", "--org", org["org"], "--file", str(broken)).lower()
    assert "could not be opened" in z.fails(
        "members", "import", "--org", org["org"], "--file", str(tmp_path / "fehlt.csv")
    )
    # importing the same file again updates by phone number instead of duplicating
    code, out, _ = z.run("members", "import", "--org", org["org"], "--file", org["members"])
    assert code == 0 and "0 added, 6 updated" in out


def test_serve_refuses_plain_http_off_loopback(z: Zentrale) -> None:
    assert "refusing plain HTTP" in z.fails("serve", "--host", "0.0.0.0", "--port", "0")
    assert "both" in z.fails("serve", "--host", "127.0.0.1", "--tls-cert", "cert.pem")
    assert cli.is_loopback("::1") and cli.is_loopback("localhost") and not cli.is_loopback("192.168.1.5")
