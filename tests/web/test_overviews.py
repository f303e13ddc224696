"""The read-only views the web pages are built on (services.CentralOffice overviews), on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, timedelta

from sync.server.queries import Standing, standing
from tests.server.helpers import Env
from tests.web.web_support import populate


def test_overviews(server: Env) -> None:
    office = server.office
    data = populate(server)
    [org] = [o for o in office.queries.list_orgs() if o.id == data.org_id]
    assert (org.persons, org.devices, org.pending_pledges) == (3, 1, 1)
    persons = {p.name: p for p in office.queries.list_persons(data.org_id)}
    lead, deputy = persons["Renate Lindenblatt"], persons["Jo Beispiel-Verantwortlich"]
    newcomer = persons["Kai Neumann"]
    assert (lead.training, lead.declaration, lead.declaration_text_version, lead.resolutions) == (
        Standing.VALID,
        Standing.VALID,
        "2026-1",
        1,
    )
    assert (deputy.training, deputy.declaration, deputy.resolutions) == (
        Standing.EXPIRING,
        Standing.MISSING,
        1,
    )
    assert (newcomer.training, newcomer.declaration, newcomer.resolutions) == (
        Standing.MISSING,
        Standing.MISSING,
        0,
    )
    assert office.queries.person_status(lead.id) == lead
    resolutions = office.queries.list_resolutions(data.org_id)
    assert [r.state for r in resolutions] == ["valid", "expired"]
    assert sorted(name for _, name in resolutions[0].responsible) == [
        "Jo Beispiel-Verantwortlich",
        "Renate Lindenblatt",
    ]
    devices = office.queries.list_devices(data.org_id)
    assert [(d.id, d.revoked_at is None, d.last_seen_at is not None) for d in devices] == [
        (data.device_id, True, True),
        (data.revoked_device_id, False, False),
    ]
    assert office.queries.device_info(data.device_id) == devices[0]
    [campaign] = office.queries.campaign_progress(data.org_id)
    assert campaign.total == 12 and campaign.by_status == {
        "open": 7,
        "done": 3,
        "organizer_action": 0,
        "wrong_number": 1,
        "not_in_service": 0,
        "objection": 1,
    }
    assert [pl.volunteer_label for pl in office.queries.pending_pledges() if pl.org_id == data.org_id] == [
        "Wunibald Q."
    ]
    [health, revoked] = office.queries.sync_overview(data.org_id)
    assert health.device.id == data.device_id and health.org_name == org.name
    assert [(g.first, g.last) for g in health.sync.missing] == [(13, 14)]
    assert health.rejected == {"unknown_contact": 1}
    assert (health.chain.verified_seq, [b.reason for b in health.chain.breaks]) == (5, ["missing_entries"])
    assert (revoked.sync.received, revoked.chain.verified_seq, revoked.rejected) == (0, 0, {})
    assert [(r.seq, r.kind, r.reason) for r in office.queries.rejected_items(data.device_id)] == [
        (8, "report", "unknown_contact")
    ]


def test_standing_is_a_renewal_reminder() -> None:
    today = date(2026, 11, 2)
    assert standing(None, today) == (Standing.MISSING, None)
    assert standing(today + timedelta(days=1), today) == (Standing.MISSING, None)  # dated in the future
    assert standing(today, today) == (Standing.VALID, today + timedelta(days=365))
    assert standing(today - timedelta(days=335), today)[0] is Standing.EXPIRING  # due in 30 days
    assert standing(today - timedelta(days=334), today)[0] is Standing.VALID
    assert standing(today - timedelta(days=366), today)[0] is Standing.RENEWAL_OVERDUE
