"""The lead's command lines, run as a lead would (subprocess, passphrase from the environment)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.paths import WorkspacePaths
from desktop.services import session
from desktop.storage import audit, contact_store
from desktop.storage.workspace import list_slots
from tests.conftest import ROOT
from tests.lead.lead_support import PASSPHRASE, clear_workspace, member_csv

ENV = {**os.environ, "TELEFONAKTION_PASSPHRASE": PASSPHRASE, "QT_QPA_PLATFORM": "offscreen"}


def cli(data: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env=env or ENV,
        check=False,
    )


@pytest.fixture(scope="module")
def prepared(tmp_path_factory):  # type: ignore[no-untyped-def]
    data = tmp_path_factory.mktemp("cli")
    out = cli(data, "init", "--org", "KV Kommandozeile", "--name", "Vera L.")
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == str(data / "workspace")
    out = cli(data, "campaign", "create", "--title", "Einladung Herbstfest", "--purpose", "invitation")
    assert out.returncode == 0, out.stderr
    campaign_id = out.stdout.strip().splitlines()[-1]
    assert len(campaign_id) == 32
    out = cli(data, "import", str(member_csv(data / "early.csv", 2)), "--campaign", campaign_id)
    assert out.returncode != 0 and "no_clearance" in out.stderr  # DP-11: members only once cleared
    ws = open_ws(data)
    assert contact_store.status_counts(ws.conn, campaign_id) == {}
    clear_workspace(ws)  # what enrolling and a sync leave behind
    ws.close()
    return data, campaign_id


def open_ws(data: Path):  # type: ignore[no-untyped-def]
    paths = WorkspacePaths(data / "workspace")
    return session.unlock(paths, list_slots(paths)[0].slot_id, PASSPHRASE)


def test_init_refuses_a_second_workspace_and_needs_a_passphrase(prepared, tmp_path) -> None:  # type: ignore[no-untyped-def]
    data, _ = prepared
    assert cli(data, "init", "--org", "X", "--name", "Y").returncode == 1
    env = {k: v for k, v in ENV.items() if k != "TELEFONAKTION_PASSPHRASE"}
    out = cli(tmp_path, "init", "--org", "X", "--name", "Y", env=env)
    assert out.returncode == 2 and "TELEFONAKTION_PASSPHRASE" in out.stderr
    (tmp_path / "pw").write_text(PASSPHRASE + "\n")
    out = cli(
        tmp_path / "d2",
        "init",
        "--org",
        "X",
        "--name",
        "Y",
        "--passphrase-file",
        str(tmp_path / "pw"),
        env=env,
    )
    assert out.returncode == 0 and Path(out.stdout.strip(), "keyslots.json").exists()


def test_import_json_report_then_export(prepared, tmp_path) -> None:  # type: ignore[no-untyped-def]
    data, campaign_id = prepared
    path = member_csv(tmp_path / "mitglieder.csv", 25)
    out = cli(data, "import", str(path), "--campaign", campaign_id, "--json")
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert doc["imported"] == 25 and doc["refused_rows"] == 0 and doc["duplicates"] == 0
    assert doc["invalid_rows"] == 0
    assert {"Mitgliedsnummer", "Straße", "E-Mail", "Geburtsdatum", "IBAN"} <= set(doc["dropped_columns"])
    assert "Vorname" not in out.stdout.replace('"Vorname"', "")  # no values, only headers
    out = cli(data, "results", "export", "--campaign", campaign_id, "--out", str(tmp_path / "r.csv"))
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "r.csv").read_text("utf-8-sig").startswith("campaign_id,contact_id")
    ws = open_ws(data)
    kinds = [e.kind for e in audit.entries(ws.conn)]
    assert "import" in kinds and "export" in kinds and "campaign_created" in kinds
    assert contact_store.contact_count(ws.conn, campaign_id) == 25
    session.lock(ws)


HOSTILE = {
    "empty.csv": b"",
    "binary.csv": bytes(range(256)) * 40,
    "image.csv": b"\x89PNG\r\n\x1a\n" + b"\x00" * 100,
}


def test_hostile_files_via_cli_change_nothing(prepared, tmp_path) -> None:  # type: ignore[no-untyped-def]
    data, campaign_id = prepared
    ws = open_ws(data)
    before = (
        contact_store.contact_count(ws.conn, campaign_id),
        [e.kind for e in audit.entries(ws.conn)].count("import"),
    )
    session.lock(ws)
    for name, content in HOSTILE.items():
        (tmp_path / name).write_bytes(content)
        out = cli(data, "import", str(tmp_path / name), "--campaign", campaign_id, "--json")
        assert out.returncode == 1, name
        doc = json.loads(out.stdout)
        assert doc["imported"] == 0 and doc["error"]["code"] in ("empty_file", "not_text", "undecodable"), (
            name
        )
    out = cli(data, "import", str(tmp_path / "binary.csv"), "--campaign", campaign_id)
    assert out.returncode == 1 and "nothing changed" in out.stderr and "Traceback" not in out.stderr
    ws = open_ws(data)
    after = (
        contact_store.contact_count(ws.conn, campaign_id),
        [e.kind for e in audit.entries(ws.conn)].count("import"),
    )
    assert after == before
    session.lock(ws)


def test_unknown_campaign_is_a_clear_refusal(prepared, tmp_path) -> None:  # type: ignore[no-untyped-def]
    data, _ = prepared
    out = cli(data, "import", str(member_csv(tmp_path / "m.csv", 2)), "--campaign", "nope")
    assert out.returncode == 1 and "unknown_campaign" in out.stderr
