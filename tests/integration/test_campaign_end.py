""" "End campaign" at the central office (issue 14.5): every PC wipes the campaign's contact data at its next
sync; unsynced reports stay and still reach the central office."""

from __future__ import annotations

from pathlib import Path

from desktop.domain.models import CallReport, Outcome
from desktop.services.calling import CallingService
from desktop.storage import campaign_store, contact_store
from sync.server.campaign_end import end_campaign
from sync.server.common import ServiceError
from sync.server.content import CampaignContents
from tests.conftest import files_containing
from tests.integration.conftest import Office, cleared_pc, cli, open_ws
from tests.server.helpers import members


def test_end_campaign_wipes_every_pc_at_its_next_sync(office: Office, tmp_path: Path) -> None:
    data = cleared_pc(office, tmp_path)
    ws = open_ws(data)
    assert contact_store.contact_count(ws.conn, office.campaign) == 40
    contact_id = ws.conn.execute("SELECT id FROM contacts LIMIT 1").fetchone()[0]
    service = CallingService(ws)
    report = CallReport(
        campaign_id=office.campaign,
        contact_id=contact_id,
        caller_id=ws.person.id,
        outcome=Outcome.REACHED,
        created_at=service.clock(),
    )
    service.record(report)  # not synced yet
    ws.close()

    assert end_campaign(office.office, office.campaign) == 40
    assert end_campaign(office.office, office.campaign) == 40  # once is enough; again changes nothing
    try:
        CampaignContents(office.office).set(office.campaign, {"max_attempts": 2})
    except ServiceError as exc:
        assert exc.code == "campaign_ended"
    else:
        raise AssertionError("content of an ended campaign was changed")

    out = cli(data, "sync")
    assert out.returncode == 0, out.stderr
    ws = open_ws(data)
    try:
        assert contact_store.contact_count(ws.conn, office.campaign) == 0
        assert campaign_store.campaign_row(ws.conn, office.campaign)[0] == "ended"
        lead = campaign_store.get_campaign_lead(ws.conn, office.campaign) or {}
        assert lead["ended_at"] and lead["wiped_contacts"] == 40
    finally:
        ws.close()
    assert report.id in office.stored_reports()  # the unsynced report went up before the wipe
    record = members(1)[0]
    assert files_containing(data, [record.last_name, record.phone]) == []


def test_the_art30_record_of_a_central_campaign_is_complete(office: Office, tmp_path: Path) -> None:
    data = cleared_pc(office, tmp_path)
    out = tmp_path / "verzeichnis.html"
    result = cli(data, "campaign", "record", "--campaign", office.campaign, "--out", str(out))
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    decided = office.office.queries.list_resolutions(office.org)[0].decided_on
    assert "Noch nicht eingetragen" not in text
    assert "Kreisvorstand" in text and decided.strftime("%d.%m.%Y") in text  # resolution with date and body
    assert "Erika B." in text  # the responsible person as recorded at the central office
    assert "Einladung" in text and "Vorname" in text  # purpose and fields
    assert "Mitgliedsnummer kommt nie auf den PC" in text  # recipients: only the central office maps back
    assert "14 Tage nach ihrer Erledigung" in text and "spätestens 30 Tage nach dem Ende" in text  # deletion
