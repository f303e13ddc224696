"""Plain pages (issue 8 point 3): every page renders at 360 px without sideways scrolling, every input has a
label, keyboard use with a visible focus, German first and English by Accept-Language or ?lang=en; the words
of the web interface are complete in both languages."""

from __future__ import annotations

import re
from typing import Any

import pytest

from sync.client import SyncClient
from sync.core import protocol as p
from sync.core.purposes import CATEGORIES, Field
from sync.core.rules import ContactStatus
from sync.server.queries import Standing
from sync.server.web import i18n
from sync.server.web.pages import TEMPLATES
from tests.content_support import CONTENT
from tests.server.helpers import Env, pull_all
from tests.web.web_support import Populated, Staff, notice, populate, sign_in

WIDE = """() => [...document.querySelectorAll('main *')]
  .filter(e => e.getBoundingClientRect().right > 360)
  .map(e => e.tagName + '.' + e.className + '#' + e.id + ':' + Math.round(e.getBoundingClientRect().right))
  .slice(0, 8)"""
UNLABELLED = """() => [...document.querySelectorAll('input, select, textarea')]
    .filter(el => el.type !== 'hidden' && !(el.labels && el.labels.length) && !el.getAttribute('aria-label'))
    .map(el => el.name || el.id)"""


@pytest.fixture(scope="module")
def populated(web: Env) -> Populated:
    return populate(web)


def page_paths(data: Populated) -> list[str]:
    org = data.org_id
    return [
        "/web/",
        "/web/orgs",
        f"/web/persons?org={org}",
        f"/web/persons/{data.lead_id}",
        f"/web/persons/{data.lead_id}/revoke",
        f"/web/resolutions?org={org}",
        "/web/pledges",
        f"/web/devices?org={org}",
        f"/web/devices/{data.device_id}/revoke",
        f"/web/campaigns?org={org}",
        f"/web/campaigns/{data.campaign_id}/content",
        f"/web/campaigns/{data.campaign_id}/progress",
        "/web/health",
        f"/web/health/{data.device_id}",
        f"/web/export?org={org}",
        f"/web/numbers?org={org}",
    ]


def test_every_page_fits_360_pixels_and_labels_every_input(
    browser: Any, web: Env, staff: Staff, populated: Populated
) -> None:
    context = browser.new_context(base_url=web.url, viewport={"width": 360, "height": 740}, locale="de-DE")
    try:
        page = context.new_page()
        sign_in(page, staff)
        for path in page_paths(populated):
            response = page.goto(path)
            assert response.status == 200, path
            wide = page.evaluate(WIDE)
            assert page.evaluate("document.documentElement.scrollWidth") <= 360, (path, wide)
            assert page.evaluate(UNLABELLED) == [], path
            assert page.locator("h1").count() == 1 and page.locator("main").count() == 1, path
        context.clear_cookies()
        page.goto("/web/login")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        assert page.evaluate(UNLABELLED) == []
    finally:
        context.close()


def test_pages_show_the_registry(page: Any, web: Env, staff: Staff, populated: Populated) -> None:
    sign_in(page, staff)
    page.goto(f"/web/persons?org={populated.org_id}")
    lead = page.get_by_role("row", name=re.compile("Renate Lindenblatt")).inner_text()
    deputy = page.get_by_role("row", name=re.compile("Jo Beispiel")).inner_text()
    newcomer = page.get_by_role("row", name=re.compile("Kai Neumann")).inner_text()
    assert lead.count("gültig") == 2
    assert "Erneuerung bald fällig" in deputy and "fehlt" in deputy
    assert newcomer.count("fehlt") == 2
    page.goto(f"/web/resolutions?org={populated.org_id}")
    assert "abgelaufen" in page.get_by_role("row", name=re.compile("Mitgliederversammlung")).inner_text()
    page.goto(f"/web/campaigns?org={populated.org_id}")
    card = page.locator("section.card").first
    counts = {
        row.locator("th").inner_text(): int(row.locator("td.num").inner_text())
        for row in card.locator("tr").all()
    }
    assert counts == {
        "offen": 7,
        "erledigt": 3,
        "Rückmeldung an die Orga": 0,
        "falsche Nummer": 1,
        "kein Anschluss": 0,
        "Widerspruch": 1,
    }
    page.goto(f"/web/health?org={populated.org_id}")
    active = page.get_by_role("row", name=re.compile("Büro-PC Geschäftsstelle")).inner_text()
    assert "13–14" in active and "1 × unbekannter Kontakt" in active and "Brüche: 1" in active
    assert "widerrufen" in page.get_by_role("row", name=re.compile("Laptop Jo")).inner_text()
    page.goto(f"/web/health/{populated.device_id}")
    main = page.locator("main").inner_text()
    assert "Eintrag 4: Einträge fehlen (erhalten: 5" in main and "unbekannter Kontakt" in main


def test_the_device_page_lists_what_was_on_a_lost_device(
    page: Any, web: Env, staff: Staff, populated: Populated
) -> None:
    """DP-24 on the web page of a device: the campaigns and pseudonymous ids it received before it was reported
    lost and revoked; not a campaign released afterwards; never a phone number."""
    office = web.office
    code, _ = office.commands.create_enrolment_code(populated.org_id, populated.lead_id)
    enrolled = SyncClient.enrol(web.url, code, "Laptop verloren")
    client = SyncClient(web.url, enrolled.device_id, enrolled.device_secret, timeout=20)
    web.clients.append(client)
    received = {c.contact_id for c in pull_all(client).contacts}
    office.commands.revoke_device(enrolled.device_id)  # reported lost
    later, _ = office.commands.release_campaign(
        populated.org_id,
        "Nach dem Verlust",
        "invitation",
        populated_resolution(web, populated),
        content=CONTENT,
    )

    sign_in(page, staff)
    page.goto(f"/web/health/{enrolled.device_id}")
    row = page.get_by_role("row", name=re.compile("Einladung Jahresempfang")).inner_text()
    assert re.search(rf"\b{len(received)}\b", row), row
    page.get_by_text(re.compile("Kennungen in „Einladung Jahresempfang“")).click()
    shown = set(page.locator("details.exposure-ids code").all_inner_texts())
    assert shown == received and len(received) > 5
    main = page.locator("main").inner_text()
    assert "Was auf dem Gerät war (DP-24)" in main and "lesbar bis höchstens" in main
    assert "Nach dem Verlust" not in main and "+49" not in main
    assert later

    code, _ = office.commands.create_enrolment_code(populated.org_id, populated.lead_id)
    never = SyncClient.enrol(web.url, code, "Laptop nie benutzt")
    office.commands.revoke_device(never.device_id)
    page.goto(f"/web/health/{never.device_id}?lang=en")
    assert "Nothing: the device never synced" in page.locator("main").inner_text()


def populated_resolution(web: Env, populated: Populated) -> str:
    """A valid resolution of the populated organisation (to release another campaign)."""
    valid = [r for r in web.office.queries.list_resolutions(populated.org_id) if r.state == "valid"]
    return valid[0].id


def test_keyboard_only(page: Any, web: Env, staff: Staff) -> None:
    sign_in(page, staff)
    page.goto("/web/orgs")
    page.keyboard.press("Tab")
    skip = page.evaluate("document.activeElement.textContent")
    assert skip == "Zum Inhalt springen"
    assert page.evaluate("document.activeElement.getBoundingClientRect().top") >= 0  # shown when focused
    page.keyboard.press("Enter")
    for _ in range(400):  # onwards to the name field, by keyboard only
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "org-name":
            break
    else:
        pytest.fail("the name field cannot be reached with Tab")
    style = page.evaluate(
        "getComputedStyle(document.activeElement).outlineStyle + ' ' + "
        "getComputedStyle(document.activeElement).outlineWidth"
    )
    assert style == "solid 3px"  # a visible focus
    page.keyboard.type("OV Tastatur")
    page.keyboard.press("Enter")
    assert notice(page) == "Gliederung angelegt."
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"


def test_english_by_browser_or_switch(browser: Any, web: Env, staff: Staff) -> None:
    context = browser.new_context(base_url=web.url, locale="en-GB")
    try:
        page = context.new_page()
        page.goto("/web/login")
        assert page.locator("html").get_attribute("lang") == "en"
        assert page.get_by_role("heading", level=1).inner_text() == "Sign in"
        page.get_by_role("link", name="Deutsch").click()
        assert page.get_by_role("heading", level=1).inner_text() == "Anmelden"
        page.goto("/web/login")  # the choice is remembered
        assert page.locator("html").get_attribute("lang") == "de"
        page.goto("/web/login?lang=en")
        page.get_by_label("Name").fill(staff.name)
        page.get_by_label("Password").fill(staff.password)
        page.get_by_label("One-time code from the app").fill(staff.code())
        page.get_by_role("button", name="Sign in").click()
        assert page.get_by_role("heading", level=1).inner_text() == "Overview"
        page.get_by_role("navigation").get_by_role("link", name="Local units").click()
        page.get_by_label("Name").fill("OV English")
        page.get_by_role("button", name="Add").click()
        assert notice(page) == "Local unit added."
    finally:
        context.close()


def test_words_complete_in_both_languages() -> None:
    for key, texts in i18n.T.items():
        assert set(texts) == set(i18n.LANGUAGES), key
        fields = {lang: set(re.findall(r"{(\w*)}", text)) for lang, text in texts.items()}
        assert fields["de"] == fields["en"], key
    used = set()
    for template in TEMPLATES.glob("*.html"):
        used |= set(re.findall(r"\bt\('([a-z0-9_]+)'[,)]", template.read_text(encoding="utf-8")))
    assert used - set(i18n.T) == set()
    dynamic = (
        [f"standing_{s.value}" for s in Standing]
        + [f"status_{s.value}" for s in ContactStatus]
        + [f"cat_{c}" for c in CATEGORIES]
        + [f"field_{f.value}" for f in Field]
        + [f"reason_{r.value}" for r in p.RejectReason]
        + [f"break_{b}" for b in ("missing_entries", "wrong_prev_hash", "wrong_hash", "seq_repeated")]
        + [f"kind_{k}" for k in ("report", "pledge", "audit_event")]
        + [f"res_state_{s}" for s in ("valid", "expired", "not_yet")]
        + [
            f"nav_{n}"
            for n in (
                "home",
                "orgs",
                "persons",
                "resolutions",
                "pledges",
                "devices",
                "campaigns",
                "health",
                "export",
            )
        ]
    )
    assert [k for k in dynamic if k not in i18n.T] == []


def test_language_choice() -> None:
    assert i18n.pick_language(None, None, None) == "de"
    assert i18n.pick_language(None, None, "en-GB,en;q=0.9,de;q=0.8") == "en"
    assert i18n.pick_language(None, None, "fr-FR,de;q=0.5,en;q=0.4") == "de"
    assert i18n.pick_language(None, "en", "de-DE") == "en"
    assert i18n.pick_language("de", "en", "en") == "de"
    assert i18n.pick_language("xx", None, "en") == "en"
