"""No destructive step on the PC clock alone (#15.7): a clock 60 days ahead hides, but wipes nothing; back on
time, everything is as before; the central office's time (or plausible elapsed time) lets due wipes happen."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from desktop.paths import WorkspacePaths
from desktop.services import session, sync_engine
from desktop.services.calling import CallingService, Card, NotCleared
from desktop.storage import contact_store
from desktop.storage import trusted_time as enrolment
from desktop.storage.timefmt import utcnow
from desktop.storage.workspace import list_slots
from tests.integration.conftest import PASS, Office, cleared_pc
from tests.lead.lead_support import NOW, PASSPHRASE, make_campaign, make_lead_workspace, seed_contacts

JUMP = timedelta(days=60)


def test_central_list_survives_a_clock_60_days_ahead_and_back(office: Office, tmp_path: Path) -> None:
    data = cleared_pc(office, tmp_path)
    paths = WorkspacePaths(data / "workspace")
    slot = list_slots(paths)[0].slot_id
    now = utcnow()
    ws = session.unlock(paths, slot, PASS, clock=lambda: now + JUMP)  # a wrong clock
    contacts = sum(contact_store.status_counts(ws.conn, office.campaign).values())
    assert contacts > 0  # nothing wiped ...
    assert isinstance(CallingService(ws, lambda: now + JUMP).next_card(office.campaign), NotCleared)  # hidden
    assert enrolment.clock_unconfirmed(ws.conn) is not None
    ws.close()
    ws = session.unlock(paths, slot, PASS, clock=lambda: now)  # the clock is right again
    assert enrolment.clock_unconfirmed(ws.conn) is None
    assert (
        sum(contact_store.status_counts(ws.conn, office.campaign).values()) == contacts
    )  # still nothing lost
    # R8 still holds: the clock once said +60 days, so the numbers stay hidden (fail closed) ...
    assert isinstance(CallingService(ws).next_card(office.campaign), NotCleared)
    sync_engine.sync_once(ws.conn)  # ... until the central office's time settles it
    assert isinstance(CallingService(ws).next_card(office.campaign), Card)
    assert sum(contact_store.status_counts(ws.conn, office.campaign).values()) == contacts
    ws.close()
    # ahead again, and this time a sync brings the central office's time while the clock is still wrong
    ws = session.unlock(paths, slot, PASS, clock=lambda: now + JUMP)
    sync_engine.sync_once(ws.conn)
    assert enrolment.clock_unconfirmed(ws.conn) is None
    assert (
        sum(contact_store.status_counts(ws.conn, office.campaign).values()) == contacts
    )  # server time: not due
    ws.close()


def test_lead_offline_list_is_not_wiped_by_a_jump_but_by_time_that_plausibly_passed(tmp_path: Path) -> None:
    paths = WorkspacePaths(tmp_path / "lead")
    ws = make_lead_workspace(paths)
    campaign = make_campaign(ws)  # ends 30.11.2026, wiped after the grace days
    seed_contacts(ws, campaign.id, 5)
    ws.close()
    slot = list_slots(paths)[0].slot_id

    def unlock_at(moment):
        return session.unlock(paths, slot, PASSPHRASE, clock=lambda: moment)

    ws = unlock_at(NOW)
    ws.close()
    ws = unlock_at(NOW + JUMP)  # 60 days ahead: past the end date and the grace period on this clock only
    assert sum(contact_store.status_counts(ws.conn, campaign.id).values()) == 5
    assert enrolment.clock_unconfirmed(ws.conn) is not None
    ws.close()
    ws = unlock_at(NOW + timedelta(days=1))  # back
    assert sum(contact_store.status_counts(ws.conn, campaign.id).values()) == 5
    assert enrolment.clock_unconfirmed(ws.conn) is None
    ws.close()
    # time that plausibly passes (unlocks a week or two apart) still ends the campaign when it is due
    for days in (12, 24, 36, 48):
        ws = unlock_at(NOW + timedelta(days=days))
        left = sum(contact_store.status_counts(ws.conn, campaign.id).values())
        ws.close()
    assert left == 0


def test_a_lead_can_confirm_the_clock(tmp_path: Path) -> None:
    paths = WorkspacePaths(tmp_path / "lead")
    ws = make_lead_workspace(paths)
    campaign = make_campaign(ws)
    seed_contacts(ws, campaign.id, 3)
    ws.close()
    slot = list_slots(paths)[0].slot_id
    session.unlock(paths, slot, PASSPHRASE, clock=lambda: NOW).close()
    ws = session.unlock(paths, slot, PASSPHRASE, clock=lambda: NOW + JUMP)
    assert sum(contact_store.status_counts(ws.conn, campaign.id).values()) == 3
    with ws.transaction() as conn:
        enrolment.confirm_pc_clock(conn, NOW + JUMP)
    ws.close()
    ws = session.unlock(paths, slot, PASSPHRASE, clock=lambda: NOW + JUMP)  # now believed: the due wipe runs
    assert sum(contact_store.status_counts(ws.conn, campaign.id).values()) == 0
    ws.close()
