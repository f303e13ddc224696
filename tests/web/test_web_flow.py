"""The letter's process through the web interface in a real browser, and each effect reaching a client through a
real sync (issue 8): resolution, training, enrolment code, declaration → clearance; pledge → decision;
campaign release → call list and progress; device revoked → device_revoked."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from sync.client import Refused, SyncClient
from sync.core import clearance as clr
from sync.core import protocol as p
from tests.content_support import SCRIPT, TRANSPARENCY
from tests.server.helpers import Env, members, pull_all, report_item
from tests.web.web_support import Staff, audit_actions, notice, sign_in


def _org_id(page: Any) -> str:
    return parse_qs(urlsplit(page.url).query)["org"][0]


def test_the_letters_process_reaches_the_client(page: Any, web: Env, staff: Staff) -> None:
    sign_in(page, staff, path="/web/orgs")
    assert page.url.endswith("/web/orgs")  # back where the sign-in began

    # Organisation and persons.
    org_name = f"KV Fiktivhausen {uuid.uuid4().hex[:6]}"
    page.get_by_label("Name").fill(org_name)
    page.get_by_role("button", name="Anlegen").click()
    assert notice(page) == "Gliederung angelegt."
    page.get_by_role("link", name=org_name).click()
    org_id = _org_id(page)
    for name in ("Leitfigur Testhuber", "Vertretung Probemann"):
        page.get_by_label("Name").fill(name)
        page.get_by_role("button", name="Anlegen").click()
        assert notice(page) == "Person angelegt."
    lead_row = page.get_by_role("row", name=re.compile("Leitfigur Testhuber"))
    assert "fehlt" in lead_row.inner_text()  # neither training nor declaration yet
    lead_id = lead_row.get_by_role("link").get_attribute("href").rsplit("/", 1)[1]

    # A resolution naming the lead.
    page.get_by_role("navigation").get_by_role("link", name="Beschlüsse").click()
    page.get_by_label("Gremium").fill("Kreisvorstand")
    page.get_by_label("Einladung / Wahlkampf").check()
    page.get_by_label("Leitfigur Testhuber").check()
    page.get_by_label("Ablage / Aktenzeichen").fill("Protokoll KV-2026-11")
    page.get_by_role("button", name="Beschluss eintragen").click()
    assert notice(page) == "Beschluss eingetragen."
    row = page.get_by_role("row", name=re.compile("Kreisvorstand"))
    assert "gültig" in row.inner_text() and "Leitfigur Testhuber" in row.inner_text()

    # Training, then a one-time code for the lead's PC, created in the UI.
    page.goto(f"/web/persons/{lead_id}")
    page.locator("section", has=page.get_by_role("heading", name="Schulung eintragen")).get_by_role(
        "button", name="Eintragen"
    ).click()
    assert notice(page) == "Schulung eingetragen."
    page.get_by_role("link", name="Einmalcode für ein Gerät dieser Person …").click()
    page.get_by_role("button", name="Code erstellen").click()
    code = page.locator("#enrolment-code").inner_text()
    assert re.fullmatch(r"[A-Z0-9]{4}(-[A-Z0-9]{4}){3}", code)
    enrolled = SyncClient.enrol(web.url, code, "Büro-PC 1")
    assert (enrolled.org_id, enrolled.person_id) == (org_id, lead_id)
    client = SyncClient(web.url, enrolled.device_id, enrolled.device_secret, timeout=20)
    web.clients.append(client)
    first = pull_all(client)
    assert first.clearances == []
    assert [r.reasons for r in first.clearance_refusals] == [[p.ClearanceReason.NO_DECLARATION]]

    # The declaration, recorded in the UI → the next pull carries a clearance, not a refusal.
    page.goto(f"/web/persons/{lead_id}")
    declaration = page.locator(
        "section", has=page.get_by_role("heading", name="Datenschutzbelehrung eintragen")
    )
    declaration.get_by_label("Textfassung").fill("2026-1")
    declaration.get_by_role("button", name="Eintragen").click()
    assert notice(page) == "Datenschutzbelehrung eingetragen."
    assert "gültig" in page.locator(".facts").inner_text()
    second = pull_all(client, first.next_cursor)
    assert second.clearance_refusals == []
    [grant] = second.clearances
    pinned = clr.pin_keys(*(k.public_bytes for k in enrolled.signing_keys))
    revocations = clr.verify_revocations(
        second.revocations, pinned=pinned, org_id=org_id, now=datetime.now(UTC), previous_version=None
    )
    claims = clr.verify_clearance(
        grant.clearance,
        pinned=pinned,
        person_id=lead_id,
        device_id=enrolled.device_id,
        org_id=org_id,
        purpose="invitation",
        now=datetime.now(UTC),
        revocations=revocations,
    )
    assert claims.role == "lead" and grant.purposes == ["invitation"]

    # A volunteer's pledge from the PC, confirmed in the UI → the pull carries the decision.
    pledge = p.PledgeItem(
        idempotency_key=uuid.uuid4(),
        seq=1,
        payload=p.PledgePayload(
            pledge_id=uuid.uuid4().hex,
            volunteer_id=uuid.uuid4().hex,
            volunteer_label="Hiltrud Zweiglein",
            text_version="2026-1",
            signed_at=datetime.now(UTC),
        ),
    )
    assert client.push([pledge]).results[0].status is p.ItemStatus.ACCEPTED
    page.get_by_role("navigation").get_by_role("link", name="Verpflichtungen").click()
    row = page.get_by_role("row", name=re.compile("Hiltrud Zweiglein"))
    assert org_name in row.inner_text() and "Leitfigur Testhuber" in row.inner_text()
    row.get_by_role("button", name="Bestätigen").click()
    assert notice(page) == "Verpflichtung bestätigt."
    assert page.get_by_role("row", name=re.compile("Hiltrud Zweiglein")).count() == 0
    third = pull_all(client, second.next_cursor)
    assert [(d.pledge_id, d.status) for d in third.pledge_decisions] == [
        (pledge.payload.pledge_id, "confirmed")
    ]

    # A call list released in the UI → the client gets it; progress by status after a report.
    web.office.commands.import_members(org_id, members(4))
    page.goto(f"/web/campaigns?org={org_id}")
    page.get_by_label("Titel").fill("Einladung Mitgliederversammlung")
    page.get_by_label("Gesprächsleitfaden").fill(SCRIPT)
    page.get_by_label("Antwort auf „Woher habt ihr meine Nummer?“").fill(TRANSPARENCY)
    page.get_by_role("button", name="Freigeben").click()
    assert notice(page) == "Anrufliste freigegeben: 4 Kontakte."
    fourth = pull_all(client, third.next_cursor)
    [campaign] = fourth.campaigns
    assert len(fourth.contacts) == 4 and campaign.title == "Einladung Mitgliederversammlung"
    report = report_item(2, campaign.campaign_id, fourth.contacts[0].contact_id, "reached")
    assert client.push([report]).results[0].status is p.ItemStatus.ACCEPTED
    page.reload()
    card = page.locator(
        "section.card", has=page.get_by_role("heading", name="Einladung Mitgliederversammlung")
    )
    assert card.get_by_role("row", name="offen").locator("td.num").inner_text() == "3"
    assert card.get_by_role("row", name="erledigt").locator("td.num").inner_text() == "1"

    # The device list shows the last sync; revoking it in the UI refuses the client's next request.
    page.goto(f"/web/devices?org={org_id}")
    row = page.get_by_role("row", name=re.compile("Büro-PC 1"))
    assert "noch nie" not in row.inner_text() and "aktiv" in row.inner_text()
    row.get_by_role("link", name="Widerrufen …").click()
    page.get_by_role("button", name="Ja, widerrufen").click()  # the checkbox is required: nothing happens
    assert "/revoke" in page.url
    page.get_by_label("Ich habe verstanden").check()
    page.get_by_role("button", name="Ja, widerrufen").click()
    assert notice(page) == "Gerät widerrufen."
    assert "widerrufen am" in page.get_by_role("row", name=re.compile("Büro-PC 1")).inner_text()
    with pytest.raises(Refused) as refused:
        client.pull(fourth.next_cursor)
    assert (refused.value.status, refused.value.code) == (403, "device_revoked")

    # Every staff action is in the audit log under the staff member's id (ids only).
    assert audit_actions(web, staff.id) == [
        "staff.login",
        "org.add",
        "person.add",
        "person.add",
        "resolution.add",
        "training.record",
        "enrolment.code",
        "declaration.record",
        "pledge.confirm",
        "campaign.release",
        "device.revoke",
    ]


def test_results_export_downloads_csv(page: Any, web: Env, staff: Staff) -> None:
    org = web.org(n_members=3)
    device = org.enrol()
    contacts = org.contacts(device)
    device.client.push([org.report(device, contacts[0].contact_id, "voicemail")])
    sign_in(page, staff)
    page.goto(f"/web/export?org={org.org_id}")
    page.get_by_label("Rückmeldungen (pseudonym)").check()
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Herunterladen").click()
    download = download_info.value
    assert download.suggested_filename.startswith(f"ergebnisse-{org.org_id[:8]}-")
    text = Path(download.path()).read_text(encoding="utf-8")
    header, row = text.strip().splitlines()
    assert header.startswith("contact_id,campaign_id,report_id,outcome,zetkin_code")
    assert contacts[0].contact_id in row and ",voicemail,15," in row
    assert "results.export" in audit_actions(web, staff.id)


def test_form_errors_are_explained_and_keep_the_input(page: Any, web: Env, staff: Staff) -> None:
    org = web.org(release=False)
    sign_in(page, staff)
    page.goto(f"/web/resolutions?org={org.org_id}")
    page.get_by_label("Gremium").fill("Ortsvorstand")
    page.get_by_label("Mitgliederbefragung").check()
    for name in ("Leitfigur Testhuber", "Vertretung Probemann"):
        page.get_by_label(name).check()
    page.get_by_label("Gültig bis").fill("2001-01-01")  # before the resolution
    page.get_by_role("button", name="Beschluss eintragen").click()
    assert (
        page.locator("[role=alert]").inner_text()
        == "Das ging nicht: „Gültig bis“ liegt vor dem Datum des Beschlusses."
    )
    assert page.get_by_label("Gremium").input_value() == "Ortsvorstand"
    assert page.get_by_label("Mitgliederbefragung").is_checked()
    assert page.get_by_label("Vertretung Probemann").is_checked()
    assert len(web.office.queries.list_resolutions(org.org_id)) == 1  # only the fixture's
