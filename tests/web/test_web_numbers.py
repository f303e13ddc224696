"""Number problems and the staff correction in a real browser (issues 13.2, 14.3): the list shows masked numbers
only, a bad entry is refused in words, a corrected number is saved, audited and reaches the PCs in the running
campaign at their next pull."""

from __future__ import annotations

from typing import Any

from sync.core import protocol as p
from tests.content_support import CONTENT
from tests.server.helpers import Env, pull_all
from tests.web.web_support import Staff, audit_actions, notice, problem, sign_in

CORRECTED = "+493023125977"


def test_staff_correct_a_wrong_number_and_the_person_is_called_again(
    page: Any, web: Env, staff: Staff
) -> None:
    org = web.org(n_members=5)
    device = org.enrol()
    first = pull_all(device.client)
    wrong = first.contacts[0]
    pushed = device.client.push(
        [org.report(device, wrong.contact_id, "wrong_number", wrong_numbers=["phone"])]
    )
    assert pushed.results[0].status is p.ItemStatus.ACCEPTED
    assert org.resolution_id is not None
    campaign2, released = web.office.commands.release_campaign(
        org.org_id, "Zweite Aktion", "invitation", org.resolution_id, content=CONTENT
    )
    assert released == 4  # the wrong number is not released again

    sign_in(page, staff)
    page.goto(f"/web/numbers?org={org.org_id}")
    card = page.locator("section.card")
    assert "falsche Nummer" in card.inner_text() and "wird nicht angerufen" in card.inner_text()
    assert wrong.phone is not None and wrong.phone not in page.content()  # masked
    card.get_by_label("Berichtigte Nummer").fill("12")
    card.get_by_role("button", name="Nummer speichern").click()
    assert problem(page) == "Das ging nicht: Diese Telefonnummer gibt es so nicht."

    page.locator("section.card").get_by_label("Berichtigte Nummer").fill("030 23125 977")
    page.locator("section.card").get_by_role("button", name="Nummer speichern").click()
    assert notice(page) == "Nummer berichtigt; in 1 laufende Telefonaktionen aufgenommen."
    assert "über eine andere Nummer erreichbar" in page.locator("section.card").inner_text()
    assert "numbers.correct" in audit_actions(web, staff.id)

    later = pull_all(device.client, first.next_cursor)
    # Released into campaign 2, and reopened with the new number in campaign 1, where the number failed.
    assert sorted(
        (c.campaign_id, c.contact_id == wrong.contact_id) for c in later.contacts if c.phone == CORRECTED
    ) == sorted([(campaign2, False), (wrong.campaign_id, True)])
    assert [s.status.value for s in later.statuses if s.contact_id == wrong.contact_id][-1] == "open"
