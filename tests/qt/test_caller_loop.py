"""The calling screen, driven like a volunteer would: unlock, digit keys, Enter, Backspace (pytest-qt)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from desktop import i18n
from desktop.app import App, AppOptions, build
from desktop.domain.report_flow import StepId, StepKind
from desktop.services import sync_engine
from desktop.services.demo import DEMO_PASSPHRASE
from desktop.storage import audit, contact_store, outbox_store, report_store
from sync.core.rules import Outcome
from tests.qt.conftest import open_demo, unlock, wait_for_card

# Each scenario answers the steps it meets; steps it does not name are answered "2" (no) or skipped.
SCENARIOS: list[tuple[Outcome, dict[str, str]]] = [
    (
        Outcome.REACHED,
        {"reached": "1", "could_talk": "1", "organizer_action": "2", "comes": "1", "helps": "2"},
    ),
    (Outcome.CALL_BACK, {"reached": "1", "could_talk": "2", "call_back": "2", "organizer_action": "2"}),
    (Outcome.NO_PICKUP, {"reached": "2", "failure_reason": "1", "voicemail": "2", "organizer_action": "2"}),
    (Outcome.VOICEMAIL, {"reached": "2", "failure_reason": "1", "voicemail": "1", "organizer_action": "2"}),
    (Outcome.BUSY, {"reached": "2", "failure_reason": "2", "organizer_action": "2"}),
    (
        Outcome.WRONG_NUMBER,
        {"reached": "2", "failure_reason": "3", "which_number": "1", "organizer_message": ""},
    ),
    (
        Outcome.NOT_AVAILABLE,
        {"reached": "2", "failure_reason": "4", "call_back": "3", "organizer_action": "2"},
    ),
    (
        Outcome.NOT_IN_SERVICE,
        {"reached": "2", "failure_reason": "5", "which_number": "3", "organizer_message": ""},
    ),
    (Outcome.OBJECTION, {"reached": "9"}),
    (
        Outcome.REACHED,
        {
            "reached": "1",
            "could_talk": "1",
            "organizer_action": "1",
            "organizer_message": "Will Plakate kleben",
            "comes": "0",
            "helps": "0",
        },
    ),
    (
        Outcome.CALL_BACK,
        {
            "reached": "1",
            "could_talk": "2",
            "call_back": "5",
            "call_back_at": "enter",
            "organizer_action": "2",
        },
    ),
    # an objection in the middle of the survey: 9 ends the card on every step
    (
        Outcome.OBJECTION,
        {"reached": "1", "could_talk": "1", "organizer_action": "2", "comes": "2", "helps": "9"},
    ),
]


def answer_card(qtbot, app: App, answers: dict[str, str]) -> None:
    """Answer the current card by keyboard only, as a volunteer would, until it is saved."""
    view, shift = app.caller_view, app.shift
    used_backspace = False
    while True:
        step = shift.flow.step
        if step.kind is StepKind.DONE:
            if not used_backspace:  # once per card: go back a step and forward again with the same answer
                used_backspace = True
                qtbot.keyClick(view, Qt.Key.Key_Backspace)
                continue
            qtbot.keyClick(view, Qt.Key.Key_Return)
            return
        name = step.question_id or step.id.value
        key = answers.get(name, "0" if step.id is StepId.QUESTION else "2")
        if step.kind is StepKind.TEXT:
            qtbot.keyClicks(view.bar.text, key)
            qtbot.keyClick(view.bar.text, Qt.Key.Key_Return)
        elif step.kind is StepKind.DATETIME:
            qtbot.keyClick(view.bar.when, Qt.Key.Key_Return)
        else:
            qtbot.keyClicks(view, key)
            if key == "9":
                return


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


@pytest.fixture
def office_temp(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Where the demo's central office keeps its private database for this test: the office process takes its
    temporary directory from TMPDIR (requested before ``app``, so the office starts with it)."""
    folder = tmp_path / "office-tmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    return folder


def test_a_whole_shift_by_keyboard_saves_every_report_with_its_outbox_row(
    qtbot, office_temp: Path, app: App, tmp_path: Path
) -> None:
    unlock(qtbot, app)
    expected: list[tuple[str, Outcome]] = []
    for index in range(60):
        outcome, answers = SCENARIOS[index % len(SCENARIOS)]
        card = wait_for_card(qtbot, app)
        view = app.caller_view
        assert view.name.text() == card.contact.display_name
        assert card.contact.first_name in view.script.toPlainText()  # placeholder filled in
        assert app.window.windowTitle() == "Telefonaktion"  # never a name or number in the title
        answer_card(qtbot, app, answers)
        expected.append((card.contact.id, outcome))
        calls = f"{index + 1} Anruf{'e' if index else ''} ·"  # Qt plural: "1 Anruf", "2 Anrufe"
        qtbot.waitUntil(lambda c=calls, view=view: view.counts.text().startswith(c), timeout=15000)
        assert view.status.text().startswith("Gespeichert")
    wait_for_card(qtbot, app)
    assert "60 Anrufe" in app.caller_view.counts.text()
    app.lock("end_shift")
    qtbot.waitUntil(lambda: app.session.workspace is None, timeout=15000)
    assert "60 Anrufe" in app.unlock_view.notice.text()

    ws = open_demo(tmp_path)
    reports = report_store.all_reports(ws.conn)
    assert [(r.contact_id, r.outcome) for r in reports] == expected
    by_outcome = {o for _, o in expected}
    assert by_outcome == set(Outcome)  # every outcome occurred
    assert any(r.organizer_action and r.organizer_message == "Will Plakate kleben" for r in reports)
    assert all(
        r.callback_after is not None
        for r in reports
        if r.outcome in (Outcome.CALL_BACK, Outcome.NOT_AVAILABLE)
    )
    assert any(r.answers == {"comes": True, "helps": "Abbau"} for r in reports)
    assert any(r.wrong_numbers for r in reports if r.outcome is Outcome.WRONG_NUMBER)
    outbox = [row for row in outbox_store.outbox_rows(ws.conn) if row[2] == "report"]
    assert [row[1] for row in outbox] == [r.id for r in reports]
    assert {row[3] for row in outbox} <= {"pending", "sent"}  # the background sync may have sent some already
    assert [row[0] for row in outbox] == sorted(row[0] for row in outbox)
    # One more sync: the embedded central office holds every report exactly once.
    sync_engine.sync_once(ws.conn)
    assert {row[3] for row in outbox_store.outbox_rows(ws.conn)} == {"sent"}
    (office_file,) = office_temp.glob("telefonaktion-demo-office-*/zentrale.db")
    office_db = sqlite3.connect(office_file)
    assert sorted(r[0] for r in office_db.execute("SELECT report_id FROM reports")) == sorted(
        r.id for r in reports
    )
    office_db.close()
    kinds = [e.kind for e in audit.entries(ws.conn)]
    assert "unlock" in kinds and kinds[-1] == "lock" and kinds.count("objection") == 10
    objected = {c for c, o in expected if o is Outcome.OBJECTION}
    assert all(contact_store.get_state(ws.conn, c).status.value == "objection" for c in objected)
    ws.close()


def test_objection_key_ends_the_card_at_once(qtbot, app: App, tmp_path: Path) -> None:
    unlock(qtbot, app)
    card = wait_for_card(qtbot, app)
    qtbot.keyClicks(app.caller_view, "1")  # even mid-flow
    qtbot.keyClick(app.caller_view, Qt.Key.Key_F9)
    second = wait_for_card(qtbot, app)
    assert second.contact.id != card.contact.id
    state = app.db.run_sync(lambda: contact_store.get_state(app.shift.service.ws.conn, card.contact.id))
    assert state.status.value == "objection"
    outbox = app.db.run_sync(lambda: outbox_store.outbox_rows(app.shift.service.ws.conn))
    assert [row[2] for row in outbox if row[2] == "report"] == ["report"]


def test_correcting_the_last_report_adds_a_new_fact(qtbot, app: App, tmp_path: Path) -> None:
    unlock(qtbot, app)
    card = wait_for_card(qtbot, app)
    answer_card(qtbot, app, {"reached": "2", "failure_reason": "2", "organizer_action": "2"})  # busy
    wait_for_card(qtbot, app)
    qtbot.keyClick(app.caller_view, Qt.Key.Key_F2)
    qtbot.waitUntil(
        lambda: app.shift.correcting is not None and app.shift.card.contact.id == card.contact.id,
        timeout=15000,
    )
    assert app.caller_view.correction_banner.isVisible()
    answer_card(qtbot, app, SCENARIOS[0][1])  # actually reached
    qtbot.waitUntil(
        lambda: app.shift.correcting is None and app.shift.card.contact.id != card.contact.id, timeout=15000
    )
    reports = app.db.run_sync(
        lambda: report_store.reports_for_contact(app.shift.service.ws.conn, card.contact.id)
    )
    assert [r.outcome for r in reports] == [Outcome.BUSY, Outcome.REACHED]
    assert reports[1].corrects == reports[0].id
    state = app.db.run_sync(lambda: contact_store.get_state(app.shift.service.ws.conn, card.contact.id))
    assert state.status.value == "done" and state.attempts == 1  # one call, corrected


def test_copying_a_number_clears_the_clipboard(qtbot, app: App) -> None:
    unlock(qtbot, app)
    card = wait_for_card(qtbot, app)
    view = app.caller_view
    qtbot.mouseClick(view.copy, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == card.contact.phone
    assert view.clipboard.pending
    view.clipboard.clear()  # what the 30-second timer does
    assert QGuiApplication.clipboard().text() == ""


def test_qr_code_comes_with_the_call_log_note(qtbot, app: App) -> None:
    unlock(qtbot, app)
    wait_for_card(qtbot, app)
    view = app.caller_view
    qtbot.mouseClick(view.qr, Qt.MouseButton.LeftButton)
    assert view.qr_image.isVisible() and not view.qr_image.pixmap().isNull()
    assert "Anrufliste" in view.qr_note.text() or "Anrufprotokoll" in view.qr_note.text()


def test_transparency_answer_is_one_key_away(qtbot, app: App) -> None:
    unlock(qtbot, app)
    wait_for_card(qtbot, app)
    view = app.caller_view
    assert not view.transparency.isVisible()
    qtbot.keyClick(view, Qt.Key.Key_F1)
    assert view.transparency.isVisible() and "widersprechen" in view.transparency.text()


def test_locking_clears_the_screen(qtbot, app: App) -> None:
    unlock(qtbot, app)
    card = wait_for_card(qtbot, app)
    view = app.caller_view
    app.guard.os_event("os_lock")
    qtbot.waitUntil(lambda: app.session.workspace is None, timeout=15000)
    assert view.name.text() == "" and view.number.text() == ""
    assert app.window.stack.currentWidget() is app.unlock_view
    assert card.contact.last_name not in app.window.grab().toImage().text()
    assert "gesperrt" in app.unlock_view.notice.text().lower()


def test_idle_lock_with_a_controllable_clock(qtbot, app: App) -> None:
    now = [1000.0]
    app.guard.clock = lambda: now[0]
    unlock(qtbot, app)
    wait_for_card(qtbot, app)
    now[0] += 4 * 60
    app.guard.check()
    assert app.session.workspace is not None  # 4 minutes: still open
    qtbot.keyClick(app.caller_view, Qt.Key.Key_Backspace)  # any input counts as activity
    now[0] += 4 * 60
    app.guard.check()
    assert app.caller_view is not None
    now[0] += 61
    app.guard.check()
    qtbot.waitUntil(lambda: app.session.workspace is None, timeout=15000)
    assert app.caller_view is None


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


def test_each_step_shows_its_own_question_and_options(qtbot, app: App) -> None:
    unlock(qtbot, app)
    wait_for_card(qtbot, app)
    view = app.caller_view
    assert view.bar.prompt.text() == "Erreicht?"
    assert view.bar.option_texts() == ["[1] Ja", "[2] Nein"]
    qtbot.keyClicks(view, "2")
    assert view.bar.prompt.text() == "Warum nicht?"
    assert view.bar.option_texts()[0] == "[1] Nicht abgenommen" and len(view.bar.option_texts()) == 5
    qtbot.keyClicks(view, "1")
    assert view.bar.prompt.text() == "Auf die Mailbox gesprochen?"
    qtbot.keyClick(view, Qt.Key.Key_Backspace)
    assert view.bar.prompt.text() == "Warum nicht?"
    qtbot.keyClicks(view, "1")
    qtbot.keyClicks(view, "1")
    assert view.bar.prompt.text() == "Rückmeldung an die Orga nötig?"
    qtbot.keyClicks(view, "1")
    assert view.bar.text.isVisible() and view.bar.objection.text().startswith("[F9]")  # typing 9 is text here
