"""Campaign content from the central office on the PC (issue 14.1): the version a PC calls with, a lead's
adaptation reaching the office's second PC, and no calling without script and transparency answer. A real
server process, real encrypted workspaces, the real `telefonaktion` command line."""

from __future__ import annotations

import json
from datetime import time
from pathlib import Path

from desktop.domain.models import CallingHours, DayWindow
from desktop.services.calling import CallingService, Card, NoScript
from desktop.storage import campaign_store
from sync.server.content import CampaignContents
from tests.content_support import SCRIPT, TRANSPARENCY
from tests.integration.conftest import Office, cleared_pc, cli, open_ws

ALWAYS = CallingHours(
    windows={day: DayWindow(start=time(0), end=time(23, 59, 59)) for day in range(7)},
    skip_public_holidays=False,
).model_dump(mode="json")


def show(data: Path, campaign: str) -> dict:
    out = cli(data, "campaign", "show", campaign, "--json")
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_central_content_reaches_the_pc_and_is_called_with(office: Office, tmp_path: Path) -> None:
    data = cleared_pc(office, tmp_path)
    shown = show(data, office.campaign)
    assert shown["content_version"] == 1 and shown["content_author"] == "central" and shown["callable"]
    assert (
        shown["script"] == SCRIPT and shown["transparency"] == TRANSPARENCY and shown["origin"] == "central"
    )
    assert "phone" not in json.dumps(shown) and shown["contacts"] == 40  # settings only, no contact data

    CampaignContents(office.office).set(
        office.campaign,
        {
            "script": "Guten Abend {first_name}! Hier ist {caller_name}.",
            "questions": [{"id": "kommt", "kind": "yes_no", "prompt": "Kommst du?"}],
            "calling_hours": ALWAYS,
            "max_attempts": 2,
        },
    )
    assert cli(data, "sync").returncode == 0
    shown = show(data, office.campaign)
    assert shown["content_version"] == 2 and shown["rules"]["max_attempts"] == 2
    assert [q["id"] for q in shown["questions"]] == ["kommt"]
    ws = open_ws(data)
    try:
        card = CallingService(ws).next_card(office.campaign)
        assert isinstance(card, Card) and card.content_version == 2 and card.content_author == "central"
        assert card.campaign.script.startswith("Guten Abend") and card.campaign.rules.max_attempts == 2
    finally:
        ws.close()


def test_a_leads_adaptation_reaches_the_offices_second_pc(office: Office, tmp_path: Path) -> None:
    pc1 = cleared_pc(office, tmp_path)
    pc2 = tmp_path / "pc2"
    assert (
        cli(pc2, "enrol", "--server", office.url, "--code", office.code(), "--name", "Erika B.").returncode
        == 0
    )
    assert cli(pc2, "sync").returncode == 0
    assert show(pc2, office.campaign)["content_version"] == 1

    script = tmp_path / "unser-leitfaden.txt"
    script.write_text("Moin {first_name}, hier ist {caller_name} vom Ortsverband!", encoding="utf-8")
    out = cli(pc1, "campaign", "adapt", "--campaign", office.campaign, "--script", str(script))
    assert out.returncode == 0, out.stderr
    mine = show(pc1, office.campaign)
    assert mine["script"].startswith("Moin") and mine["content_author"] == "lead"  # at once on this PC
    assert cli(pc1, "sync").returncode == 0
    assert cli(pc2, "sync").returncode == 0
    theirs = show(pc2, office.campaign)
    assert theirs["content_version"] == 2 and theirs["content_author"] == "lead"
    assert theirs["script"].startswith("Moin") and theirs["transparency"] == TRANSPARENCY
    assert show(pc1, office.campaign)["content_version"] == 2  # the sender learns the number too

    # A script with a typo in a placeholder is refused on the PC; nothing is queued.
    script.write_text("Moin {vorname}!", encoding="utf-8")
    out = cli(pc1, "campaign", "adapt", "--campaign", office.campaign, "--script", str(script))
    assert out.returncode == 1 and "unknown_placeholder" in out.stderr


def test_no_calling_without_script_and_transparency(office: Office, tmp_path: Path) -> None:
    data = cleared_pc(office, tmp_path)
    ws = open_ws(data)
    try:
        campaign = campaign_store.get_campaign(ws.conn, office.campaign)
        assert campaign is not None
        with ws.transaction() as conn:  # what a PC holds that synced before content existed
            campaign_store.set_campaign_content(
                conn, campaign.model_copy(update={"transparency": ""}), None, "central"
            )
        card = CallingService(ws).next_card(office.campaign)
        assert isinstance(card, NoScript) and card.problems == ("transparency:missing",)
    finally:
        ws.close()
