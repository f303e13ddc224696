"""Volunteers join on the spot under a cleared lead; the central office confirms or rejects their pledge."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from desktop.domain.models import Role
from desktop.paths import WorkspacePaths
from desktop.services import sync_engine, volunteers
from desktop.services.calling import CallingService, Card, NotCleared
from desktop.storage.timefmt import utcnow
from desktop.storage.workspace import Workspace, list_slots
from tests.integration.conftest import Office, cleared_pc, cli, open_ws

VOLUNTEER_PASS = "jonas sein passwort"


def admit_jonas(data: Path) -> str:
    ws = open_ws(data)
    person = volunteers.admit(
        ws,
        label="Jonas K.",
        passphrase=VOLUNTEER_PASS,
        typed_name="Jonas Kieselbach",
        confirmed=True,
        purpose="invitation",
    )
    ws.close()
    return person.id


def open_as_jonas(data: Path, clock=utcnow) -> tuple[Workspace, CallingService]:
    paths = WorkspacePaths(data / "workspace")
    slot = next(s.slot_id for s in list_slots(paths) if s.label == "Jonas K.")
    ws = Workspace.open(paths, slot, VOLUNTEER_PASS)
    return ws, CallingService(ws, clock)


def test_a_volunteer_calls_at_once_and_is_confirmed_later(office: Office, tmp_path: Path) -> None:
    data = cleared_pc(office, tmp_path)
    admit_jonas(data)
    ws, service = open_as_jonas(data)
    assert ws.person.role is Role.CALLER
    assert isinstance(service.next_card(office.campaign), Card)  # provisional, under the lead's clearance
    assert sync_engine.sync_once(ws.conn).pushed >= 1  # the pledge goes to the central office
    ws.close()
    pledges = office.office.queries.list_pledges(office.org)
    assert [(p.volunteer_label, p.status) for p in pledges] == [("Jonas K.", "pending")]
    office.office.commands.decide_pledge(pledges[0].id, confirm=True)
    ws, service = open_as_jonas(data)
    sync_engine.sync_once(ws.conn)
    assert volunteers.status_of(ws.conn, ws.person.id, Role.CALLER, utcnow()).state == "confirmed"
    # Confirmed: no limit any more, even a month later (clearance aside, which a sync renews).
    later = utcnow() + timedelta(days=30)
    assert volunteers.status_of(ws.conn, ws.person.id, Role.CALLER, later).allowed
    ws.close()


def test_a_rejected_pledge_ends_the_volunteers_access(office: Office, tmp_path: Path) -> None:
    data = cleared_pc(office, tmp_path)
    admit_jonas(data)
    ws, _ = open_as_jonas(data)
    sync_engine.sync_once(ws.conn)
    ws.close()
    office.office.commands.decide_pledge(office.office.queries.list_pledges(office.org)[0].id, confirm=False)
    ws, service = open_as_jonas(data)
    sync_engine.sync_once(ws.conn)
    card = service.next_card(office.campaign)
    assert isinstance(card, NotCleared) and card.gate.reason == "pledge_rejected"
    ws.close()
    lead = open_ws(data)  # the lead is not affected
    assert isinstance(CallingService(lead).next_card(office.campaign), Card)
    lead.close()


def test_the_provisional_period_is_bounded(office: Office, tmp_path: Path) -> None:
    data = cleared_pc(office, tmp_path)
    admit_jonas(data)
    in_15_days = utcnow() + timedelta(days=15)
    ws, _ = open_as_jonas(data)
    status = volunteers.status_of(ws.conn, ws.person.id, Role.CALLER, in_15_days)
    assert not status.allowed and status.state == "pending_expired"
    ws.close()


def test_admission_needs_a_passphrase_a_signature_and_a_confirmation(office: Office, tmp_path: Path) -> None:
    data = cleared_pc(office, tmp_path)
    ws = open_ws(data)
    for change, code in (
        ({"passphrase": "kurz"}, "passphrase_too_short"),
        ({"label": "Erika B."}, "label_taken"),
        ({"typed_name": "Jemand Anderes"}, "signature"),
        ({"confirmed": False}, "not_confirmed"),
    ):
        args = {
            "label": "Jonas K.",
            "passphrase": VOLUNTEER_PASS,
            "typed_name": "Jonas Kieselbach",
            "confirmed": True,
            **change,
        }
        with pytest.raises(volunteers.AdmissionRefused) as err:
            volunteers.admit(ws, purpose="invitation", **args)
        assert err.value.code == code
        assert [m.label for m in ws.slots.labels()] == ["Erika B."]  # nothing half-done
    ws.close()


def test_only_a_cleared_lead_admits(office: Office, tmp_path: Path) -> None:
    data = tmp_path / "pc"  # no declaration on record: the lead is not cleared
    assert (
        cli(data, "enrol", "--server", office.url, "--code", office.code(), "--name", "Erika B.").returncode
        == 0
    )
    assert cli(data, "sync").returncode == 0
    ws = open_ws(data)
    with pytest.raises(volunteers.AdmissionRefused) as err:
        volunteers.admit(
            ws,
            label="Jonas K.",
            passphrase=VOLUNTEER_PASS,
            typed_name="Jonas K",
            confirmed=True,
            purpose="invitation",
        )
    assert err.value.code == "not_cleared"
    ws.close()


def test_the_pledge_text_is_versioned_and_shipped() -> None:
    text = volunteers.pledge_text("de")
    assert "Verpflichtung auf Vertraulichkeit" in text and volunteers.PLEDGE_VERSION in text
    english = volunteers.pledge_text("en")
    assert volunteers.PLEDGE_VERSION in english and english != text  # the English text is a translation
