"""Time travel: expiry, revocation and a PC clock set back (R8, R9, R16), against a real central office."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from desktop.domain.models import CallReport
from desktop.paths import WorkspacePaths
from desktop.services import clearance_gate, retention, session, sync_engine
from desktop.services.calling import CallingService, Card, NotCleared
from desktop.storage import contact_store, report_store
from desktop.storage.timefmt import utcnow
from desktop.storage.workspace import list_slots
from sync.core.rules import Outcome
from tests.conftest import files_containing
from tests.integration.conftest import PASS, Office, cleared_pc, cli, open_ws
from tests.server.helpers import members


def names_on_disk(data: Path) -> list:
    record = members(1)[0]
    return files_containing(data, [record.last_name, record.phone, "Fiktivhausen"])


def test_revocation_hides_numbers_at_once_and_wipes_after_the_grace_period(
    office: Office, tmp_path: Path
) -> None:
    data = cleared_pc(office, tmp_path)
    ws = open_ws(data)
    service = CallingService(ws)
    card = service.next_card(office.campaign)
    assert isinstance(card, Card)
    report = CallReport(
        campaign_id=office.campaign,
        contact_id=card.contact.id,
        caller_id=ws.person.id,
        outcome=Outcome.BUSY,
        created_at=utcnow(),
    )
    service.record(report)
    ws.set_meta(ws.conn, "server_url", "http://127.0.0.1:9")  # the report stays unsent: offline from now on
    office.office.commands.revoke_clearance(office.lead)
    ws.set_meta(ws.conn, "server_url", office.url)
    sync_engine.sync_once(ws.conn)
    assert isinstance(service.next_card(office.campaign), NotCleared)  # at once
    now = utcnow()
    assert retention.enforce(ws.conn, now) == []  # not yet: the grace period runs
    assert contact_store.status_counts(ws.conn, office.campaign)
    wiped = retention.enforce(ws.conn, now + timedelta(days=12))  # offline, much later
    assert wiped == [office.campaign]
    assert contact_store.status_counts(ws.conn, office.campaign) == {}
    assert [r.id for r in report_store.all_reports(ws.conn)] == [report.id]  # outcomes are never wiped here
    ws.close()
    assert names_on_disk(data) == []  # deleted with secure_delete and VACUUM: no bytes left


def test_offline_expiry_fails_closed_and_wipes(office: Office, tmp_path: Path) -> None:
    data = cleared_pc(office, tmp_path)
    ws = open_ws(data)
    now = utcnow()
    assert clearance_gate.check(ws.conn, "invitation", now).valid
    later = now + timedelta(days=8)  # the revocation list (3 days) and the clearance (7 days) have run out
    gate = clearance_gate.check(ws.conn, "invitation", later)
    assert not gate.valid and gate.reason in ("expired", "revocation_list_stale", "revocation_list_missing")
    retention.enforce(ws.conn, now)  # remembers how long access was valid
    assert retention.enforce(ws.conn, now + timedelta(days=20)) == [office.campaign]
    ws.close()


def test_setting_the_clock_back_does_not_extend_access(office: Office, tmp_path: Path) -> None:
    data = cleared_pc(office, tmp_path)
    paths = WorkspacePaths(data / "workspace")
    slot = list_slots(paths)[0].slot_id
    now = utcnow()
    ws = session.unlock(paths, slot, PASS, clock=lambda: now + timedelta(days=9))  # the PC saw a later time
    ws.close()
    ws = session.unlock(paths, slot, PASS, clock=lambda: now)  # then someone set the clock back
    gate = clearance_gate.check(ws.conn, "invitation", now)
    assert not gate.valid  # still expired: the high-water mark of trusted time holds
    ws.close()


def test_a_lead_without_clearance_gets_no_member_data_on_the_pc(office: Office, tmp_path: Path) -> None:
    data = tmp_path / "pc"  # no declaration recorded: not cleared
    assert (
        cli(data, "enrol", "--server", office.url, "--code", office.code(), "--name", "Erika B.").returncode
        == 0
    )
    assert cli(data, "sync").returncode == 0
    ws = open_ws(data)
    assert (
        contact_store.status_counts(ws.conn, office.campaign) == {}
    )  # the campaign is known, its people are not
    ws.close()
    assert names_on_disk(data) == []
    office.office.commands.record_declaration(office.lead, office.office.today())
    assert cli(data, "sync").returncode == 0  # cleared now: the list comes
    ws = open_ws(data)
    assert sum(contact_store.status_counts(ws.conn, office.campaign).values()) == 40
    ws.close()


def test_a_sync_corrects_a_clock_that_ran_ahead(office: Office, tmp_path: Path) -> None:
    data = cleared_pc(office, tmp_path)
    paths = WorkspacePaths(data / "workspace")
    slot = list_slots(paths)[0].slot_id
    now = utcnow()
    ws = session.unlock(
        paths, slot, PASS, clock=lambda: now + timedelta(days=30)
    )  # the PC clock ran ahead once
    assert not clearance_gate.check(ws.conn, "invitation", now).valid  # fails closed …
    sync_engine.sync_once(ws.conn)  # … until the central office's authenticated time corrects the mark
    assert clearance_gate.check(ws.conn, "invitation", now).valid
    ws.close()
