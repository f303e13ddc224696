"""What the staff do in the web interface reaches a real desktop workspace through a real sync (issue 8):
declaration → the PC's clearance is valid and numbers show; clearance revoked → not valid; device revoked →
the PC's sync is refused with a clear message. Drives Debian's Chromium and the `telefonaktion` command line."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

from tests.conftest import ROOT
from tests.content_support import SCRIPT, TRANSPARENCY
from tests.server.helpers import Env, members
from tests.web.web_support import Staff, notice, sign_in

PASS = "ein langes passwort"


def desktop(data: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "TELEFONAKTION_PASSPHRASE": PASS, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", "--data-dir", str(data), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def clearance(data: Path) -> dict:
    out = desktop(data, "status", "--json")
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_staff_actions_reach_the_desktop_workspace(page: Any, web: Env, staff: Staff, tmp_path: Path) -> None:
    sign_in(page, staff, path="/web/orgs")
    org_name = f"KV Beispielheim {uuid.uuid4().hex[:6]}"
    page.get_by_label("Name").fill(org_name)
    page.get_by_role("button", name="Anlegen").click()
    page.get_by_role("link", name=org_name).click()
    org_id = page.url.split("org=")[1].split("&")[0]
    page.get_by_label("Name").fill("Leitung Probefrau")
    page.get_by_role("button", name="Anlegen").click()
    lead_id = (
        page.get_by_role("row", name=re.compile("Leitung Probefrau"))
        .get_by_role("link")
        .get_attribute("href")
        .rsplit("/", 1)[1]
    )
    web.office.commands.import_members(org_id, members(6, start=600))
    page.get_by_role("navigation").get_by_role("link", name="Beschlüsse").click()
    page.get_by_label("Gremium").fill("Ortsvorstand")
    page.get_by_label("Einladung / Wahlkampf").check()
    page.get_by_label("Leitung Probefrau").check()
    page.get_by_role("button", name="Beschluss eintragen").click()
    assert notice(page) == "Beschluss eingetragen."
    page.goto(f"/web/persons/{lead_id}")
    page.locator("section", has=page.get_by_role("heading", name="Schulung eintragen")).get_by_role(
        "button", name="Eintragen"
    ).click()
    page.goto(f"/web/campaigns?org={org_id}")
    page.get_by_label("Titel").fill("Einladung Sommerfest")
    page.get_by_label("Gesprächsleitfaden").fill(SCRIPT)
    page.get_by_label("Antwort auf „Woher habt ihr meine Nummer?“").fill(TRANSPARENCY)
    page.get_by_role("button", name="Freigeben").click()
    page.goto(f"/web/persons/{lead_id}")
    page.get_by_role("link", name="Einmalcode für ein Gerät dieser Person …").click()
    page.get_by_role("button", name="Code erstellen").click()
    code = page.locator("#enrolment-code").inner_text()

    data = tmp_path / "pc"
    out = desktop(data, "enrol", "--server", web.url, "--code", code, "--name", "Leitung P.")
    assert out.returncode == 0, out.stderr
    assert desktop(data, "sync").returncode == 0
    status = clearance(data)
    assert status["clearance"]["valid"] is False and status["clearance"]["reason"] == "no_declaration"

    page.goto(f"/web/persons/{lead_id}")
    declaration = page.locator(
        "section", has=page.get_by_role("heading", name="Datenschutzbelehrung eintragen")
    )
    declaration.get_by_role("button", name="Eintragen").click()
    assert notice(page) == "Datenschutzbelehrung eingetragen."
    assert desktop(data, "sync").returncode == 0
    status = clearance(data)
    assert status["clearance"]["valid"] is True
    assert status["campaigns"][0]["contacts"] == 6  # the list came only with the clearance

    page.goto(f"/web/persons/{lead_id}/revoke")
    page.get_by_label(re.compile("Ich habe verstanden")).check()
    page.get_by_role("button", name="Ja, widerrufen").click()
    assert desktop(data, "sync").returncode == 0
    status = clearance(data)
    assert status["clearance"]["valid"] is False and status["clearance"]["reason"] == "revoked"

    page.goto(f"/web/devices?org={org_id}")
    page.get_by_role("row", name=re.compile("Leitung P.")).get_by_role("link", name="Widerrufen …").click()
    page.get_by_label(re.compile("Ich habe verstanden")).check()
    page.get_by_role("button", name="Ja, widerrufen").click()
    assert notice(page) == "Gerät widerrufen."
    out = desktop(data, "sync")
    assert out.returncode == 1 and "device_revoked" in out.stderr and "Traceback" not in out.stderr
