"""Central progress, the organizer inbox and "end campaign" in a real browser (issues 14.2, 14.5), each effect
checked through a real sync."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sync.core import protocol as p
from tests.server.helpers import Env, now, pull_all
from tests.web.web_support import Staff, audit_actions, notice, problem, sign_in

MESSAGE = "Will Plakate kleben, bitte anrufen"


def _row(page: Any, table: str, label: str) -> str:
    return page.get_by_role("table", name=table).get_by_role("row", name=label).inner_text()


def test_progress_inbox_and_end_campaign(page: Any, web: Env, staff: Staff) -> None:
    org = web.org(n_members=5)
    device = org.enrol()
    first = pull_all(device.client)
    c = [x.contact_id for x in first.contacts]
    results = device.client.push(
        [
            org.report(device, c[0], "reached", organizer_action=True, organizer_message=MESSAGE),
            org.report(device, c[1], "objection"),
            org.report(device, c[2], "no_pickup"),
            org.report(device, c[3], "call_back", callback_after=now() + timedelta(days=2)),
        ]
    ).results
    assert {r.status for r in results} == {p.ItemStatus.ACCEPTED}
    synced = pull_all(device.client, first.next_cursor)
    assert [i.message for i in synced.organizer_items] == [MESSAGE]

    sign_in(page, staff)
    page.goto(f"/web/campaigns?org={org.org_id}")
    page.get_by_role("link", name="Fortschritt").click()
    assert "\t1" in _row(page, "Personen nach Stand", "Widerspruch")
    assert _row(page, "Warum gerade niemand angerufen wird", "Rückruf vereinbart").endswith("1")
    assert _row(page, "Warum gerade niemand angerufen wird", "Pause vor dem nächsten Versuch").endswith("1")
    assert _row(page, "Warum gerade niemand angerufen wird", "wartet auf die Orga").endswith("1")
    per_day = page.get_by_role("table", name="Anrufe je Tag").get_by_role("row").all()
    assert per_day[-1].inner_text().split("\t")[1:3] == ["4", "2"]  # today: 4 calls, 2 reached

    page.get_by_role("link", name="1 offene Rückmeldungen").click()
    card = page.locator("section.card", has_text=MESSAGE)
    assert "Ergebnis: erreicht" in card.inner_text()
    card.get_by_role("button", name="Zurück in die Liste").click()
    assert notice(page) == "Zurück in der Anrufliste."
    assert "zurück in der Liste seit" in page.locator("section.card", has_text=MESSAGE).inner_text()
    after = pull_all(device.client, synced.next_cursor)
    [update] = [s for s in after.statuses if s.contact_id == c[0]]
    assert update.status is p.ContactStatus.OPEN and update.organizer_resolved
    assert [i.resolution for i in after.organizer_items] == ["reopen"]

    page.goto(f"/web/campaigns/{org.campaign_id}/progress")
    page.get_by_role("button", name="Beenden").click()
    assert problem(page) == "Bitte bestätigen."
    page.get_by_label("Ja, die Aktion beenden").check()
    page.get_by_role("button", name="Beenden").click()
    assert notice(page) == "Beendet. Die PCs löschen die 5 Kontakte bei ihrer nächsten Synchronisierung."
    [campaign] = pull_all(device.client, after.next_cursor).campaigns
    assert campaign.ended_at is not None
    assert {"organizer.resolve", "campaign.end"} <= set(audit_actions(web, staff.id))


def test_progress_counts_contacts_reserved_on_a_pc(page: Any, web: Env, staff: Staff) -> None:
    """A PC's lease (taken through the real API) shows as "reserved"; a contact also in its pause counts once,
    as pause; other organisations' leases do not count."""
    org, elsewhere = web.org(n_members=6), web.org(n_members=4)
    device, other_pc = org.enrol(), org.enrol(name="Zweit-PC")
    leases = device.client.lease(p.LeaseRequest(size=3)).leases
    assert len(leases) == 3
    assert len(other_pc.client.lease(p.LeaseRequest(size=1)).leases) == 1
    foreign = elsewhere.enrol()
    assert len(foreign.client.lease(p.LeaseRequest(size=4)).leases) == 4
    pushed = device.client.push([org.report(device, leases[0].contact_id, "no_pickup")]).results
    assert [r.status for r in pushed] == [p.ItemStatus.ACCEPTED]

    sign_in(page, staff)
    page.goto(f"/web/campaigns/{org.campaign_id}/progress")
    blocked = "Warum gerade niemand angerufen wird"
    assert _row(page, blocked, "auf einem PC reserviert").endswith("\t3")  # 2 + 1, the paused one not
    assert _row(page, blocked, "Pause vor dem nächsten Versuch").endswith("\t1")
    assert "PCs mit reservierten Kontakten: 2." in page.locator("section.card", has_text=blocked).inner_text()

    device.client.lease(p.LeaseRequest(size=0, give_back=[x.contact_id for x in leases]))
    page.goto(f"/web/campaigns/{org.campaign_id}/progress?lang=en")
    assert _row(page, "Why people are not called now", "reserved on a PC").endswith("\t1")
    assert (
        "PCs holding reserved contacts: 1."
        in page.locator("section.card", has_text="Why people are not called now").inner_text()
    )
