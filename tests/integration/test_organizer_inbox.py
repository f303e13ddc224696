"""The organizer inbox (issue 14.2) from the caller's PC through a real server to the central office's command
line and back to the lead's PCs: the message is listed newest first, resolving reopens or closes the contact
on every PC."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from desktop.domain.models import CallReport, Outcome
from desktop.services.calling import CallingService
from desktop.services.lead_progress import progress
from tests.conftest import ROOT
from tests.integration.conftest import Office, cleared_pc, cli, open_ws

MESSAGE = "Möchte im Wahlkampf helfen, bitte melden"


def zentrale(office: Office, *args: str) -> str:
    out = subprocess.run(
        [sys.executable, "-m", "sync.server.cli", *args, "--database", office.database_url],
        capture_output=True, text=True, cwd=ROOT, timeout=120, check=False,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    return out.stdout


def contact_status(data: Path, contact_id: str) -> str:
    ws = open_ws(data)
    try:
        return ws.conn.execute("SELECT status FROM contacts WHERE id = ?", (contact_id,)).fetchone()[0]
    finally:
        ws.close()


def test_organizer_message_reaches_the_inbox_and_resolving_reaches_every_pc(
    office: Office, tmp_path: Path
) -> None:
    pc1 = cleared_pc(office, tmp_path)
    pc2 = tmp_path / "pc2"
    assert (
        cli(pc2, "enrol", "--server", office.url, "--code", office.code(), "--name", "Erika B.").returncode
        == 0
    )
    assert cli(pc2, "sync").returncode == 0

    ws = open_ws(pc1)
    first, second = [r[0] for r in ws.conn.execute("SELECT id FROM contacts ORDER BY position LIMIT 2")]
    service = CallingService(ws)
    for contact_id, message in ((first, MESSAGE), (second, "")):
        service.record(
            CallReport(
                campaign_id=office.campaign,
                contact_id=contact_id,
                caller_id=ws.person.id,
                outcome=Outcome.REACHED,
                created_at=service.clock(),
                organizer_action=True,
                organizer_message=message,
            )
        )
    ws.close()
    assert cli(pc1, "sync").returncode == 0
    assert contact_status(pc1, first) == "organizer_action"

    listed = json.loads(zentrale(office, "organizer", "list", "--org", office.org, "--json"))
    assert [(i["contact_id"], i["message"], i["resolution"]) for i in listed] == [
        (second, "", None),  # newest first
        (first, MESSAGE, None),
    ]
    report_id = listed[1]["report_id"]

    # The lead's other PC gets the inbox with its next sync, and the count on the dashboard.
    assert cli(pc2, "sync").returncode == 0
    on_pc2 = json.loads(cli(pc2, "organizer", "list", "--json").stdout)
    assert [(i["report_id"], i["message"], i["resolution"]) for i in on_pc2][1] == (report_id, MESSAGE, None)
    ws = open_ws(pc2)
    assert progress(ws, office.campaign).organizer_open == 2
    ws.close()

    assert "now open" in zentrale(
        office, "organizer", "resolve", "--report", report_id, "--outcome", "reopen"
    )
    assert "now done" in zentrale(
        office, "organizer", "resolve", "--report", listed[0]["report_id"], "--outcome", "done"
    )
    for pc in (pc1, pc2):
        assert cli(pc, "sync").returncode == 0
        assert contact_status(pc, first) == "open"  # back in the queue on every PC
        assert contact_status(pc, second) == "done"
    inbox = {
        i["report_id"]: i["resolution"] for i in json.loads(cli(pc1, "organizer", "list", "--json").stdout)
    }
    assert inbox == {report_id: "reopen", listed[0]["report_id"]: "done"}
    assert json.loads(zentrale(office, "organizer", "list", "--org", office.org, "--open", "--json")) == []
