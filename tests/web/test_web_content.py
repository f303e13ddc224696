"""The campaign content page in a real browser (issue 14.1): script with placeholders and a server-rendered
preview, refusals explained by code in both languages, every save a new version that a real sync delivers."""

from __future__ import annotations

from typing import Any

from tests.content_support import SCRIPT, TRANSPARENCY
from tests.server.helpers import Env, pull_all
from tests.web.web_support import Staff, audit_actions, notice, problem, sign_in


def test_content_page_previews_saves_versions_and_reaches_the_pc(page: Any, web: Env, staff: Staff) -> None:
    org = web.org(n_members=3)
    device = org.enrol()
    first = pull_all(device.client)
    assert [c.version for c in first.contents] == [1]
    sign_in(page, staff)
    page.goto(f"/web/campaigns?org={org.org_id}")
    page.get_by_role("link", name="Leitfaden und Regeln bearbeiten").click()
    assert "Version 1" in page.locator("main").inner_text()
    assert page.get_by_label("Gesprächsleitfaden").input_value() == SCRIPT
    assert page.get_by_label("Antwort auf „Woher habt ihr meine Nummer?“").input_value() == TRANSPARENCY

    # Preview: rendered on the server for an invented person, nothing saved.
    page.get_by_label("Gesprächsleitfaden").fill(
        "Hallo {first_name} aus {locality}, **schön**!\n- Frage eins"
    )
    page.get_by_role("button", name="Vorschau zeigen").click()
    preview = page.locator(".preview")
    assert preview.inner_text().startswith("Hallo Renate aus Köln-Ehrenfeld, schön!")
    assert preview.locator("b").inner_text() == "schön" and preview.locator("li").inner_text() == "Frage eins"
    assert page.get_by_label("Gesprächsleitfaden").input_value().startswith("Hallo {first_name} aus")  # kept
    assert pull_all(device.client, first.next_cursor).contents == []

    # A typo in a placeholder: refused with a sentence from the catalogue; the input stays.
    page.get_by_label("Gesprächsleitfaden").fill("Hallo {vorname}!")
    page.get_by_role("button", name="Als neue Version speichern").click()
    assert problem(page) == "Das ging nicht: Unbekannter Platzhalter im Leitfaden: {vorname}."
    assert page.get_by_label("Gesprächsleitfaden").input_value() == "Hallo {vorname}!"

    page.get_by_label("Gesprächsleitfaden").fill("Guten Abend {first_name}, hier ist {caller_name}.")
    page.get_by_label("Versuche je Person").fill("4")
    page.get_by_label("Notizen erlauben").check()
    page.get_by_label("Sonntag von").fill("12:00")
    page.get_by_label("Sonntag bis").fill("14:00")
    page.get_by_label("Feiertage des Bundeslands").select_option("NW")
    page.get_by_role("button", name="Als neue Version speichern").click()
    assert notice(page).startswith("Gespeichert als Version 2.")
    [content] = pull_all(device.client, first.next_cursor).contents
    assert (
        content.version == 2
        and content.script.startswith("Guten Abend")
        and content.transparency == TRANSPARENCY
    )
    rules = content.rules
    assert rules.max_attempts == 4 and rules.notes_enabled and rules.calling_hours.holiday_region == "NW"
    # Sunday as typed; Monday keeps the released version's hours (the tests' campaigns may be called all day).
    assert rules.calling_hours.windows[6].start.hour == 12 and rules.calling_hours.windows[0].end.hour == 23
    assert "campaign.content" in audit_actions(web, staff.id)
    history = page.get_by_role("table", name="Versionen").inner_text()
    assert "2\tBundesgeschäftsstelle" in history and "1\tBundesgeschäftsstelle" in history

    # English: the same refusal, translated by its code.
    page.goto(page.url.split("?")[0] + "?lang=en")
    page.get_by_label('Answer to "Where do you have my number from?"').fill("")
    page.get_by_role("button", name="Save as a new version").click()
    assert problem(page).startswith(
        'That did not work: the transparency answer ("Where do you have my number from?") is missing'
    )


def test_questions_editor_adds_reorders_previews_and_saves(page: Any, web: Env, staff: Staff) -> None:
    """The questions are a form, not JSON: add, fill in, see them in the preview, reorder, remove, save; a
    choice question with one answer is refused naming the question; a real sync delivers the questions."""
    org = web.org(n_members=2)
    device = org.enrol()
    first = pull_all(device.client)
    sign_in(page, staff)
    page.goto(f"/web/campaigns/{org.campaign_id}/content")
    assert page.get_by_label("Fragetext (Frage 1)").count() == 0

    page.get_by_role("button", name="Frage hinzufügen").click()
    page.get_by_label("Fragetext (Frage 1)").fill("An welchem Tag kommst du?")
    page.get_by_label("Art der Antwort (Frage 1)").select_option(label="Auswahl: eine Antwort")
    page.get_by_label("Antworten zur Auswahl (Frage 1)").fill("Samstag\nSonntag")
    page.get_by_role(
        "button", name="Frage hinzufügen"
    ).click()  # the first one's input survives the round trip
    assert page.get_by_label("Fragetext (Frage 1)").input_value() == "An welchem Tag kommst du?"
    page.get_by_label("Fragetext (Frage 2)").fill("Bringst du jemanden mit?")
    page.get_by_role("button", name="Vorschau zeigen").click()
    questions = page.get_by_role("list", name="Fragen")
    assert questions.inner_text().splitlines() == [
        "An welchem Tag kommst du? (Auswahl: eine Antwort)",
        "Samstag",
        "Sonntag",
        "Bringst du jemanden mit? (Ja / Nein)",
    ]
    assert pull_all(device.client, first.next_cursor).contents == []  # a preview saves nothing

    page.get_by_role("button", name="Frage 2 nach oben").click()
    assert page.get_by_label("Fragetext (Frage 1)").input_value() == "Bringst du jemanden mit?"
    page.get_by_label("Antworten zur Auswahl (Frage 2)").fill("Samstag")
    page.get_by_role("button", name="Als neue Version speichern").click()
    assert problem(page) == (
        "Das ging nicht: Frage 2: Eine Auswahlfrage braucht 2 bis 9 Antworten zur Auswahl, eine je Zeile (jetzt 1)."
    )
    page.get_by_label("Antworten zur Auswahl (Frage 2)").fill("Samstag\nSonntag\nbeide Tage")
    page.get_by_role("button", name="Frage hinzufügen").click()
    page.get_by_label("Fragetext (Frage 3)").fill("Wird gleich wieder entfernt")
    page.get_by_role("button", name="Frage 3 entfernen").click()
    page.get_by_role("button", name="Als neue Version speichern").click()
    assert notice(page).startswith("Gespeichert als Version 2.")
    [content] = pull_all(device.client, first.next_cursor).contents
    assert [(q.prompt, q.kind.value, q.options) for q in content.questions] == [
        ("Bringst du jemanden mit?", "yes_no", ()),
        ("An welchem Tag kommst du?", "single", ("Samstag", "Sonntag", "beide Tage")),
    ]
    assert (
        page.get_by_label("Antworten zur Auswahl (Frage 2)").input_value() == "Samstag\nSonntag\nbeide Tage"
    )
    page.set_viewport_size({"width": 360, "height": 740})  # the editor with questions fits a phone
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.set_viewport_size({"width": 1280, "height": 900})

    page.goto(page.url.split("?")[0] + "?lang=en")
    page.get_by_label("Question text (question 1)").fill("")
    page.get_by_role("button", name="Save as a new version").click()
    assert problem(page) == "That did not work: question 1: the question text is missing"
