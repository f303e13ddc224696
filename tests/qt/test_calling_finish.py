"""The calling screen finished (#15.4, #15.8, #14.3): the recap before saving, call-back times shown before
they are confirmed, skipping a person with a reason, "Meine Anrufe" with corrections as new facts, the second
number dialable, the wrong-number step naming the (masked) numbers. Real widgets, driven by keys."""

from __future__ import annotations

from datetime import UTC, datetime, time
from pathlib import Path

from PySide6.QtCore import QDateTime, QLocale, Qt
from PySide6.QtGui import QGuiApplication

from desktop.app import App
from desktop.domain.models import CallingHours, DayWindow
from desktop.domain.report_flow import Step, StepId, StepKind
from desktop.services.calling import Card
from desktop.storage import contact_store, outbox_store, report_store
from desktop.views.dialing import mask_number
from desktop.views.report_bar import ReportBar
from sync.core.rules import ContactStatus, Outcome
from tests.qt.conftest import open_demo, unlock, wait_for_card

SECOND = "+493023125999"  # fiction range


def keys(qtbot, app: App, *typed: str) -> None:
    for key in typed:
        qtbot.keyClicks(app.caller_view, key)


def bar_texts(app: App) -> list[str]:
    return app.caller_view.bar.option_texts()


def reports_of(app: App, contact_id: str):
    return app.db.run_sync(lambda: report_store.reports_for_contact(app.shift.service.ws.conn, contact_id))


def german_when(moment: datetime) -> str:
    return QLocale().toString(QDateTime(moment.astimezone()), "ddd, dd.MM.yyyy, HH:mm")


def give_everyone_a_second_number(tmp_path: Path) -> None:
    ws = open_demo(tmp_path)
    with ws.transaction() as conn:
        conn.execute("UPDATE contacts SET phone2 = ?", (SECOND,))
    ws.close()


def test_recap_names_every_answer_a_digit_changes_one_and_enter_saves(qtbot, app: App) -> None:
    unlock(qtbot, app)
    card = wait_for_card(qtbot, app)
    view = app.caller_view
    # reached, could talk, organizer yes + message, "comes" yes, "helps" skipped
    keys(qtbot, app, "1", "1", "1")
    qtbot.keyClicks(view.bar.text, "Will Plakate kleben")
    qtbot.keyClick(view.bar.text, Qt.Key.Key_Return)
    keys(qtbot, app, "1", "0")
    assert app.shift.flow.step.kind is StepKind.DONE
    assert view.bar.prompt.text() == "Zusammenfassung: Ziffer ändert die Antwort, Enter speichert."
    assert bar_texts(app) == [
        "[1] Ergebnis: Erreicht",
        "[2] An die Orga: „Will Plakate kleben“",
        "[3] Kommt zum Jahresempfang?: ja",
        "[4] Hilft mit?: übersprungen",
        "[↵] Speichern",
    ]
    assert view.bar.objection.isEnabled()  # the objection stays on the recap
    keys(qtbot, app, "2")  # change the organizer answer: back to that step
    assert app.shift.flow.step.id is StepId.ORGANIZER_ACTION
    keys(qtbot, app, "2", "1", "2")  # no organizer action; comes: yes; helps: Abbau
    assert bar_texts(app)[1:4] == [
        "[2] An die Orga: nein",
        "[3] Kommt zum Jahresempfang?: ja",
        "[4] Hilft mit?: Abbau",
    ]
    qtbot.keyClick(view, Qt.Key.Key_Return)  # Enter saves: no extra key for the recap
    second = wait_for_card(qtbot, app)
    assert second.contact.id != card.contact.id
    (report,) = reports_of(app, card.contact.id)
    assert report.outcome is Outcome.REACHED and not report.organizer_action
    assert report.answers == {"comes": True, "helps": "Abbau"}


def test_call_back_time_is_shown_before_it_is_confirmed(qtbot, app: App) -> None:
    unlock(qtbot, app)
    card = wait_for_card(qtbot, app)
    view = app.caller_view
    keys(qtbot, app, "1", "2")  # reached, could not talk
    step = app.shift.flow.step
    assert step.id is StepId.CALL_BACK
    tomorrow = step.option("2").at
    assert f"[2] Morgen · {german_when(tomorrow)}" in bar_texts(app)
    assert all(" · " in t for t in bar_texts(app)[:4])  # each preset names its moment
    keys(qtbot, app, "5")  # pick a date and time: the moment that will be saved is shown as it changes
    picked = QDateTime(datetime(2027, 3, 3, 18, 30, tzinfo=UTC).astimezone())
    view.bar.when.setDateTime(picked)
    assert view.bar.preview_text() == f"Rückruf: {german_when(picked.toPython().astimezone())}"
    qtbot.keyClick(view.bar.when, Qt.Key.Key_Return)
    keys(qtbot, app, "2")  # no organizer action
    assert f"[2] Rückruf: {german_when(picked.toPython().astimezone())}" in bar_texts(app)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    wait_for_card(qtbot, app)
    (report,) = reports_of(app, card.contact.id)
    assert report.callback_after == picked.toPython().astimezone()


def test_a_picked_time_outside_calling_hours_shows_the_moment_it_moves_to(qtbot, german) -> None:
    hours = CallingHours(windows={d: DayWindow(start=time(17), end=time(21)) for d in range(7)})
    now = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)
    bar = ReportBar()
    qtbot.addWidget(bar)
    step = Step(
        StepId.CALL_BACK_AT,
        StepKind.DATETIME,
        "report.call_back_at",
        min_datetime=now,
        max_datetime=datetime(2027, 12, 1, tzinfo=UTC),
        calling_hours=hours,
    )
    bar.show_step(step)
    bar.when.setDateTime(QDateTime(datetime(2026, 12, 7, 10, 0, tzinfo=UTC).astimezone()))  # 11:00 Berlin
    text = bar.preview_text()
    moved = datetime(2026, 12, 7, 16, 0, tzinfo=UTC)  # 17:00 Berlin
    assert text.startswith(f"Rückruf: {german_when(moved)}")
    assert "außerhalb der Anrufzeiten" in text


def test_wrong_number_step_names_the_masked_numbers_and_asks_the_organizer(
    qtbot, app: App, tmp_path: Path
) -> None:
    give_everyone_a_second_number(tmp_path)
    unlock(qtbot, app)
    card = wait_for_card(qtbot, app)
    first = card.contact.phone
    keys(qtbot, app, "2", "3")  # not reached, wrong number
    assert bar_texts(app) == [
        f"[1] Die erste: {mask_number(first)}",
        f"[2] Die zweite: {mask_number(SECOND)}",
        "[3] Beide",
    ]
    assert mask_number(SECOND) == "+49 30 2312 5…"
    keys(qtbot, app, "2")
    # a number problem goes to the organizer by itself (as in Zetkin): straight to the message
    assert app.shift.flow.step.id is StepId.ORGANIZER_MESSAGE
    qtbot.keyClick(app.caller_view.bar.text, Qt.Key.Key_Return)
    assert "[2] Nummer: +49 30 2312 5…" in bar_texts(app)
    assert "[3] An die Orga: ja" in bar_texts(app)
    qtbot.keyClick(app.caller_view, Qt.Key.Key_Return)
    wait_for_card(qtbot, app)
    (report,) = reports_of(app, card.contact.id)
    assert report.outcome is Outcome.WRONG_NUMBER and report.wrong_numbers == ("phone2",)
    assert report.organizer_action


def test_second_number_is_dialable_as_qr_and_copy(qtbot, app: App, tmp_path: Path) -> None:
    give_everyone_a_second_number(tmp_path)
    unlock(qtbot, app)
    card = wait_for_card(qtbot, app)
    view = app.caller_view
    assert card.contact.phone2 == SECOND
    assert view.dial2.isVisible() and view.qr2.isVisible() and view.copy2.isVisible()
    qtbot.mouseClick(view.qr2, Qt.MouseButton.LeftButton)
    assert view.qr_image.isVisible() and view.shown_qr_number() == SECOND
    assert not view.qr_image.pixmap().isNull()
    qtbot.mouseClick(view.qr, Qt.MouseButton.LeftButton)  # the first number's code replaces it
    assert view.shown_qr_number() == card.contact.phone
    qtbot.mouseClick(view.copy2, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == SECOND
    view.clear_for_lock()
    assert QGuiApplication.clipboard().text() == ""


def test_skip_with_a_reason_is_no_attempt_and_the_person_comes_back_by_the_rule(qtbot, app: App) -> None:
    unlock(qtbot, app)
    card = wait_for_card(qtbot, app)
    view = app.caller_view
    qtbot.keyClick(view, Qt.Key.Key_F4)
    dialog = view.skip_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.reasons, "3")  # phone trouble: comes back when nobody else is left
    qtbot.keyClick(dialog.reasons, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.text, "Headset")
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.status.text().startswith("Übersprungen"), timeout=15000)
    second = wait_for_card(qtbot, app)
    assert second.contact.id != card.contact.id
    state = app.db.run_sync(lambda: contact_store.get_state(app.shift.service.ws.conn, card.contact.id))
    assert state.attempts == 0 and state.status is ContactStatus.OPEN  # not an attempt
    assert reports_of(app, card.contact.id) == []
    outbox = app.db.run_sync(lambda: outbox_store.outbox_rows(app.shift.service.ws.conn))
    assert not any(row[1] == card.contact.id for row in outbox)  # nothing synced
    assert app.caller_view.counts.text() == "Noch keine Anrufe in dieser Schicht"
    assert app.shift.service.shift.skips == {card.contact.id: "phone_trouble"}


def test_shift_log_lists_this_shifts_calls_and_corrects_any_as_a_new_fact(qtbot, app: App) -> None:
    unlock(qtbot, app)
    first = wait_for_card(qtbot, app)
    view = app.caller_view
    keys(qtbot, app, "2", "2", "2")  # busy
    qtbot.keyClick(view, Qt.Key.Key_Return)
    second = wait_for_card(qtbot, app)
    assert second.contact.id != first.contact.id
    keys(qtbot, app, "2", "1", "2", "2")  # no pickup, no voicemail
    qtbot.keyClick(view, Qt.Key.Key_Return)
    wait_for_card(qtbot, app)
    qtbot.keyClick(view, Qt.Key.Key_F3)
    qtbot.waitUntil(lambda: view.log_dialog is not None and view.log_dialog.isVisible(), timeout=15000)
    dialog = view.log_dialog
    texts = dialog.texts()
    assert len(texts) == 2
    assert texts[0].endswith(f"{second.contact.first_name} {second.contact.last_name[0]}. · Nicht abgenommen")
    assert texts[1].endswith(f"{first.contact.first_name} {first.contact.last_name[0]}. · Besetzt")
    qtbot.keyClick(dialog.list, Qt.Key.Key_Down)  # the older call
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: app.shift.correcting is not None and app.shift.card.contact.id == first.contact.id,
        timeout=15000,
    )
    assert view.correction_banner.isVisible() and "Anruf von" in view.correction_banner.text()
    keys(qtbot, app, "1", "1", "2", "2", "0")  # reached after all
    qtbot.keyClick(view, Qt.Key.Key_Return)
    wait_for_card(qtbot, app)
    old, new = reports_of(app, first.contact.id)
    assert old.outcome is Outcome.BUSY and old.corrects is None  # the old row is untouched
    assert new.outcome is Outcome.REACHED and new.corrects == old.id
    outbox = app.db.run_sync(lambda: outbox_store.outbox_rows(app.shift.service.ws.conn))
    assert new.id in [row[1] for row in outbox]  # the correction syncs like any report
    assert view.counts.text().startswith("2 Anrufe · 1 erreicht")  # a correction is not another call
    state = app.db.run_sync(lambda: contact_store.get_state(app.shift.service.ws.conn, first.contact.id))
    assert state.status is ContactStatus.DONE
    qtbot.keyClick(view, Qt.Key.Key_F3)
    qtbot.waitUntil(lambda: view.log_dialog is not dialog and view.log_dialog.isVisible(), timeout=15000)
    assert view.log_dialog.texts()[1].endswith("Erreicht (korrigiert)")
    qtbot.keyClick(view.log_dialog.list, Qt.Key.Key_Escape)
    assert not view.log_dialog.isVisible()
    assert isinstance(app.shift.card, Card)


def test_a_whole_shift_at_1024x768_by_keyboard_with_recap_skip_and_a_correction(qtbot, app: App) -> None:
    from tests.qt.test_calling_screen_fixes import _fits

    app.window.resize(1024, 768)
    unlock(qtbot, app)
    called = []

    def card() -> Card:
        found = wait_for_card(qtbot, app)
        _fits(qtbot, app, 1024, 768)
        return found

    def enter() -> None:
        assert app.shift.flow.step.kind is StepKind.DONE
        _fits(qtbot, app, 1024, 768)  # the recap fits too
        qtbot.keyClick(app.caller_view, Qt.Key.Key_Return)

    # 1: reached; on the recap the answer to "Kommt …?" is changed with its digit
    called.append(card())
    keys(qtbot, app, "1", "1", "2", "1", "1")
    assert "[3] Kommt zum Jahresempfang?: ja" in bar_texts(app)
    keys(qtbot, app, "3", "2", "1")  # change: no; helps: Aufbau
    assert "[3] Kommt zum Jahresempfang?: nein" in bar_texts(app)
    enter()
    # 2: skipped (known personally: not again for me in this shift)
    skipped = card()
    qtbot.keyClick(app.caller_view, Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: app.caller_view.skip_dialog is not None, timeout=5000)
    qtbot.keyClicks(app.caller_view.skip_dialog.reasons, "1")
    qtbot.keyClick(app.caller_view.skip_dialog.reasons, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: app.shift.card is not skipped and isinstance(app.shift.card, Card), timeout=15000)
    # 3: busy
    called.append(card())
    keys(qtbot, app, "2", "2", "2")
    enter()
    # 4: reached but call back later today (the time is on the option; counts as reached), no organizer action
    called.append(card())
    keys(qtbot, app, "1", "2")
    assert " · " in bar_texts(app)[0]
    _fits(qtbot, app, 1024, 768)  # the options with their moments fit too
    keys(qtbot, app, "1", "2")
    assert any(t.startswith("[2] Rückruf: ") for t in bar_texts(app))
    enter()
    # 5: wrong number: the organizer is asked by itself
    called.append(card())
    keys(qtbot, app, "2", "3")
    if app.shift.flow.step.id is StepId.WHICH_NUMBER:
        keys(qtbot, app, "1")
    qtbot.keyClick(app.caller_view.bar.text, Qt.Key.Key_Return)
    enter()
    card()
    assert skipped.contact.id not in {c.contact.id for c in called}
    # "Meine Anrufe": correct the busy call (third line: newest first, the skip is listed too)
    view = app.caller_view
    qtbot.keyClick(view, Qt.Key.Key_F3)
    qtbot.waitUntil(lambda: view.log_dialog is not None and view.log_dialog.isVisible(), timeout=15000)
    texts = view.log_dialog.texts()
    assert len(texts) == 5 and "Übersprungen: Ich kenne die Person persönlich" in texts[3]
    assert texts[2].endswith("Besetzt")
    for _ in range(2):
        qtbot.keyClick(view.log_dialog.list, Qt.Key.Key_Down)
    qtbot.keyClick(view.log_dialog.list, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: app.shift.correcting is not None and app.shift.card.contact.id == called[1].contact.id,
        timeout=15000,
    )
    keys(qtbot, app, "1", "1", "2", "1", "0")  # reached after all
    enter()
    card()
    assert view.counts.text().startswith("4 Anrufe · 3 erreicht")
    reports = reports_of(app, called[1].contact.id)
    assert [(r.outcome, r.corrects) for r in reports] == [
        (Outcome.BUSY, None),
        (Outcome.REACHED, reports[0].id),
    ]
    assert reports_of(app, skipped.contact.id) == []
    # end the shift by keyboard: Tab to "Schicht beenden", Space
    view.end_shift.setFocus()
    qtbot.keyClick(view.end_shift, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: app.session.workspace is None, timeout=15000)
    assert "4 Anrufe, 3 erreicht" in app.unlock_view.notice.text()


def test_calling_screen_fits_1024_again_after_the_leads_screens_were_open(qtbot, app: App) -> None:
    """The lead's screens stay in the window's stack; they must not keep the window wider than 1024 px."""
    from tests.qt.test_calling_screen_fixes import _fits

    unlock(qtbot, app)
    wait_for_card(qtbot, app)
    area = app.show_lead_area()
    assert area is not None and app.window.stack.currentWidget() is area
    app.window.show_screen(app.caller_view)
    _fits(qtbot, app, 1024, 768)
