"""„Uhr bestätigen“ (#15.7) on the lead's screen: after the PC clock jumped 60 days ahead, the lead sees why nothing
was deleted, and the due wipe happens only after the lead confirms the clock (real SQLCipher files, real unlock,
real widgets offscreen)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from desktop import i18n
from desktop.domain.models import Role
from desktop.paths import WorkspacePaths
from desktop.services import people, session
from desktop.storage import contact_store, trusted_time
from desktop.storage.workspace import list_slots
from desktop.tasks import TaskRunner
from desktop.views.lead.area import LeadArea
from tests.lead.lead_support import NOW, PASSPHRASE, make_campaign, make_lead_workspace, seed_contacts

JUMP = timedelta(days=60)


@pytest.fixture
def german(qapp):  # type: ignore[no-untyped-def]
    translators = i18n.install(qapp, "de")
    yield
    for t in translators:
        qapp.removeTranslator(t)


@pytest.fixture
def runner(qapp):  # type: ignore[no-untyped-def]
    db = TaskRunner("db-clock")
    yield db
    db.close()


def _contacts(ws, campaign_id: str) -> int:  # type: ignore[no-untyped-def]
    return sum(contact_store.status_counts(ws.conn, campaign_id).values())


def _area(qtbot, runner, ws, moment) -> LeadArea:  # type: ignore[no-untyped-def]
    area = LeadArea(runner, ws, clock=lambda: moment)
    area.resize(1280, 720)
    area.show()
    qtbot.waitUntil(lambda: not area.campaign_model.busy and not area.people_model.busy, timeout=15000)
    return area


def _close(qtbot, runner, area: LeadArea) -> None:
    area.dashboard_model.stop()
    qtbot.waitUntil(lambda: not runner.busy, timeout=15000)
    area.close()
    area.deleteLater()
    qtbot.wait(1)


def test_after_a_60_day_jump_the_wipe_waits_for_the_lead_and_runs_after_the_button(
    qtbot, runner, german, tmp_path: Path
) -> None:
    paths = WorkspacePaths(tmp_path / "lead")
    ws = make_lead_workspace(paths)
    campaign = make_campaign(ws)  # ends 30.11.2026: 60 days after NOW it is past its end and grace days
    seed_contacts(ws, campaign.id, 5)
    ws.close()
    slot = list_slots(paths)[0].slot_id
    session.lock(session.unlock(paths, slot, PASSPHRASE, clock=lambda: NOW))

    # on time: no notice
    ws = runner.run_sync(lambda: session.unlock(paths, slot, PASSPHRASE, clock=lambda: NOW))
    area = _area(qtbot, runner, ws, NOW)
    assert not area.clock_frame.isVisible()
    _close(qtbot, runner, area)
    runner.run_sync(lambda: session.lock(ws))

    # 60 days ahead: nothing wiped, the notice says why and offers the button
    later = NOW + JUMP
    ws = runner.run_sync(lambda: session.unlock(paths, slot, PASSPHRASE, clock=lambda: later))
    assert runner.run_sync(lambda: _contacts(ws, campaign.id)) == 5
    area = _area(qtbot, runner, ws, later)
    qtbot.waitUntil(area.clock_frame.isVisible, timeout=15000)
    assert "nichts gelöscht" in area.clock_text.text()
    assert area.clock_button.isVisible() and area.clock_button.text() == "Uhr bestätigen …"
    # "No" leaves everything as it is
    area.clock_button.click()
    assert "wirklich" in area.clock_text.text() and area.clock_yes.isVisible()
    area.clock_no.click()
    qtbot.waitUntil(lambda: area.clock_button.isVisible() and not area.clock_yes.isVisible(), timeout=15000)
    assert runner.run_sync(lambda: _contacts(ws, campaign.id)) == 5
    # confirmed: the wipe that waited happens now
    area.clock_button.click()
    area.clock_yes.click()
    qtbot.waitUntil(lambda: "bestätigt" in area.clock_text.text(), timeout=30000)
    assert area.clock_text.text().endswith(": 1.")  # one campaign's contact data went
    assert runner.run_sync(lambda: _contacts(ws, campaign.id)) == 0
    assert runner.run_sync(lambda: trusted_time.clock_unconfirmed(ws.conn)) is None
    _close(qtbot, runner, area)
    runner.run_sync(lambda: session.lock(ws))


def test_only_a_lead_confirms_the_clock(tmp_path: Path) -> None:
    paths = WorkspacePaths(tmp_path / "lead")
    ws = make_lead_workspace(paths)
    ws.add_person(label="Jonas K.", role=Role.CALLER, passphrase="jonas sein passwort", now=NOW)
    ws.close()
    jonas = next(s.slot_id for s in list_slots(paths) if s.label == "Jonas K.")
    caller = session.unlock(paths, jonas, "jonas sein passwort", clock=lambda: NOW + JUMP)
    with pytest.raises(people.PeopleRefused) as refused:
        people.confirm_clock(caller, lambda: NOW + JUMP)
    assert refused.value.code == "not_a_lead"
    session.lock(caller)
