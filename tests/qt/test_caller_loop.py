"""The first caller loop, driven like a volunteer would: unlock, digit keys, Enter (pytest-qt, offscreen)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop import i18n
from desktop.app import App, AppOptions, build
from desktop.domain.models import Outcome
from desktop.paths import WorkspacePaths
from desktop.services.calling import Card
from desktop.services.demo import DEMO_PASSPHRASE
from desktop.storage import audit, repo
from desktop.storage.workspace import Workspace, list_slots
from desktop.views.caller_view import OUTCOME_KEYS


@pytest.fixture
def german(qapp):
    translators = i18n.install(qapp, "de")
    yield
    for t in translators:
        qapp.removeTranslator(t)


@pytest.fixture
def app(qtbot, tmp_path: Path, german) -> App:
    built = build(AppOptions(demo=True, data_dir=str(tmp_path)))
    qtbot.addWidget(built.window)
    built.window.show()
    built.start()
    qtbot.waitUntil(lambda: built.unlock_view.person.count() == 1, timeout=15000)
    yield built
    built.shutdown()


def unlock(qtbot, app: App, passphrase: str = DEMO_PASSPHRASE) -> None:
    app.unlock_view.passphrase.setText(passphrase)
    qtbot.keyClick(app.unlock_view.passphrase, Qt.Key.Key_Return)


def wait_for_card(qtbot, app: App) -> Card:
    qtbot.waitUntil(lambda: app.shift is not None and isinstance(app.shift.card, Card)
                    and app.caller_view is not None and app.caller_view.buttons[Outcome.REACHED].isEnabled(),
                    timeout=15000)
    return app.shift.card


def test_unlock_screen_shows_the_demo_passphrase_and_no_personal_data(app: App) -> None:
    assert app.window.windowTitle() == "Telefonaktion"
    assert DEMO_PASSPHRASE in app.unlock_view.demo_hint.text()
    assert app.unlock_view.button.text() == "Entsperren"  # German by default
    assert app.unlock_view.person.itemText(0) == "Demo V."


def test_wrong_passphrase_gives_a_clear_message(qtbot, app: App) -> None:
    unlock(qtbot, app, "falsch")
    qtbot.waitUntil(lambda: "Passwort" in app.unlock_view.error.text(), timeout=15000)
    assert app.caller_view is None
    assert app.unlock_view.passphrase.text() == ""


def test_a_shift_by_keyboard_saves_each_report_with_its_outbox_row(qtbot, app: App, tmp_path: Path) -> None:
    unlock(qtbot, app)
    pressed = []
    seen_contacts = []
    for key, outcome in OUTCOME_KEYS[:8]:  # objection (9) tested separately below
        card = wait_for_card(qtbot, app)
        view = app.caller_view
        assert view.name.text() == card.contact.display_name
        assert view.number.text().replace(" ", "") .lstrip("0") in card.contact.phone
        assert card.contact.first_name in view.script.toPlainText()  # placeholder filled in
        seen_contacts.append(card.contact.id)
        qtbot.keyClicks(view, key)
        qtbot.waitUntil(lambda: view.status.text().startswith("Gespeichert"), timeout=15000)
        assert view.number.text() == ""  # nothing personal stays on screen after saving
        pressed.append(outcome)
        qtbot.keyClick(view, Qt.Key.Key_Return)
    card = wait_for_card(qtbot, app)
    assert card.contact.id not in seen_contacts
    app.lock()
    qtbot.waitUntil(lambda: app.session.workspace is None and app.window.stack.currentWidget() is app.unlock_view,
                    timeout=15000)

    paths = WorkspacePaths(tmp_path / "demo")
    ws = Workspace.open(paths, list_slots(paths)[0].slot_id, DEMO_PASSPHRASE)
    reports = repo.all_reports(ws.conn)
    assert [r.outcome for r in reports] == pressed
    assert [r.contact_id for r in reports] == seen_contacts
    outbox = repo.outbox_rows(ws.conn)
    assert [(row[1], row[2], row[3]) for row in outbox if row[2] == "report"] == [
        (r.id, "report", "pending") for r in reports]
    assert [e.kind for e in audit.entries(ws.conn)] == ["unlock", "lock"]
    ws.close()


def test_objection_key_ends_the_card_and_the_person_is_never_offered_again(qtbot, app: App, tmp_path: Path) -> None:
    unlock(qtbot, app)
    card = wait_for_card(qtbot, app)
    qtbot.keyClicks(app.caller_view, "9")
    qtbot.waitUntil(lambda: app.caller_view.status.text().startswith("Gespeichert"), timeout=15000)
    saved_state = app.shift.service  # the service still holds the open workspace
    state = app.db.run_sync(lambda: repo.get_state(saved_state.ws.conn, card.contact.id))
    assert state.status.value == "objection"
    qtbot.keyClick(app.caller_view, Qt.Key.Key_Return)
    assert wait_for_card(qtbot, app).contact.id != card.contact.id


def test_english_on_request(qtbot, qapp, tmp_path: Path) -> None:
    translators = i18n.install(qapp, "en")
    try:
        built = build(AppOptions(demo=True, data_dir=str(tmp_path)))
        qtbot.addWidget(built.window)
        assert built.unlock_view.button.text() == "Unlock"
        built.shutdown()
    finally:
        for t in translators:
            qapp.removeTranslator(t)
