"""The calling screen as issue #15.4 found it: objection on the last step, a top bar that fits office screens,
counts that survive a break, one "waiting" count, plural forms, data shown as plain text, "Zurück" on the first
step, tab order, the not-cleared text after a revocation."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QTextBrowser, QWidget

from desktop.app import App
from desktop.domain.report_flow import StepKind
from desktop.services.calling import ShiftCounts
from desktop.services.clearance_gate import GateStatus
from desktop.storage import report_store
from desktop.views.labels import clearance_explanation
from sync.core.rules import Outcome
from tests.qt.conftest import open_demo, unlock, wait_for_card
from tests.qt.test_caller_loop import answer_card

BUSY = {"reached": "2", "failure_reason": "2", "organizer_action": "2"}
SIZES = [(1024, 768), (1280, 720), (1366, 768)]
LONG_TITLE = (
    "Einladung zum Jahresempfang des Kreisverbands Musterstadt-Nord mit Ehrung langjähriger Mitglieder "
    "und Vorstellung des Wahlprogramms 2027"
)


def _controls(root: QWidget) -> list[QWidget]:
    return [
        w
        for w in root.findChildren(QWidget)
        if isinstance(w, QAbstractButton | QTextBrowser) and w.isVisibleTo(root)
    ]


def _fits(qtbot, app: App, width: int, height: int) -> None:
    window = app.window
    hint = window.minimumSizeHint()
    assert hint.width() <= width, f"minimum width {hint.width()} > {width}"
    assert hint.height() <= height, f"minimum height {hint.height()} > {height}"
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width and window.height() == height, timeout=5000)
    for w in _controls(window):
        left = w.mapTo(window, w.rect().topLeft())
        right = w.mapTo(window, w.rect().bottomRight())
        assert left.x() >= 0 and right.x() <= width, (w.text() if hasattr(w, "text") else w, width)
        assert left.y() >= 0 and right.y() <= height, (w.text() if hasattr(w, "text") else w, height)


def test_whole_window_fits_office_screens_with_long_titles_and_large_counts(qtbot, app: App) -> None:
    unlock(qtbot, app)
    wait_for_card(qtbot, app)
    view = app.caller_view
    assert view.admit.isVisible() and view.prepare.isVisible()  # the lead's wider bar
    view.campaign_title.setText(LONG_TITLE)
    view.show_counts(ShiftCounts(calls=12_345, reached=9_876, started_at=None), app.shift.clock())
    app.status_button.set_pending(123_456)
    for width, height in SIZES:
        _fits(qtbot, app, width, height)
    qtbot.keyClicks(view, "2")  # the step with the most (and longest) options
    assert len(view.bar.option_texts()) == 5
    for width, height in SIZES:
        _fits(qtbot, app, width, height)
    assert view.campaign_title.full_text() == LONG_TITLE
    assert view.campaign_title.text().endswith("…")  # cut, not widening the window


def test_objection_on_the_last_step(qtbot, app: App) -> None:
    unlock(qtbot, app)
    card = wait_for_card(qtbot, app)
    view = app.caller_view
    for key in ("2", "2", "2"):  # not reached, busy, no organizer action
        qtbot.keyClicks(view, key)
    assert app.shift.flow.step.kind is StepKind.DONE
    assert view.bar.objection.isEnabled() and view.bar.objection.text().startswith("[9]")
    qtbot.keyClicks(view, "9")
    second = wait_for_card(qtbot, app)
    assert second.contact.id != card.contact.id
    reports = app.db.run_sync(
        lambda: report_store.reports_for_contact(app.shift.service.ws.conn, card.contact.id)
    )
    assert [r.outcome for r in reports] == [Outcome.OBJECTION]


def test_counts_survive_a_break_until_the_shift_ends_in_correct_plural(qtbot, app: App) -> None:
    unlock(qtbot, app)
    wait_for_card(qtbot, app)
    assert app.caller_view.counts.text() == "Noch keine Anrufe in dieser Schicht"
    answer_card(qtbot, app, BUSY)
    qtbot.waitUntil(lambda: app.caller_view.counts.text().startswith("1 Anruf ·"), timeout=15000)
    assert "0 erreicht" in app.caller_view.counts.text()
    wait_for_card(qtbot, app)
    answer_card(qtbot, app, BUSY)
    qtbot.waitUntil(lambda: app.caller_view.counts.text().startswith("2 Anrufe"), timeout=15000)
    app.lock("pause")
    qtbot.waitUntil(lambda: app.session.workspace is None, timeout=15000)
    unlock(qtbot, app)
    wait_for_card(qtbot, app)
    assert app.caller_view.counts.text().startswith("2 Anrufe")  # the break did not end the shift
    answer_card(qtbot, app, BUSY)
    qtbot.waitUntil(lambda: app.caller_view.counts.text().startswith("3 Anrufe"), timeout=15000)
    app.lock("end_shift")
    qtbot.waitUntil(lambda: app.session.workspace is None, timeout=15000)
    assert "3 Anrufe, 0 erreicht" in app.unlock_view.notice.text()
    unlock(qtbot, app)
    wait_for_card(qtbot, app)
    assert app.caller_view.counts.text() == "Noch keine Anrufe in dieser Schicht"  # a new shift


def test_one_waiting_count_refreshed_after_each_report(qtbot, app: App) -> None:
    unlock(qtbot, app)
    wait_for_card(qtbot, app)
    saved = []
    app.shift.saved.connect(saved.append)
    answer_card(qtbot, app, BUSY)
    qtbot.waitUntil(lambda: len(saved) == 1, timeout=15000)
    pending = saved[0].pending_uploads
    assert pending >= 1
    wanted = f"{pending} wartet auf Übertragung" if pending == 1 else f"{pending} warten auf Übertragung"
    assert wanted in app.status_button.text()
    assert "Übertragung" not in app.caller_view.counts.text()  # no second, differing count


def test_html_in_member_data_is_shown_as_text(qtbot, app: App, tmp_path: Path) -> None:
    evil = '<h1 style="color:red">ACHTUNG: Sitzung abgelaufen</h1><a href="https://example.org">hier</a>'
    ws = open_demo(tmp_path)
    with ws.transaction() as conn:
        conn.execute("UPDATE contacts SET last_name = ?, locality = ?", (evil, evil))
    ws.close()
    unlock(qtbot, app)
    card = wait_for_card(qtbot, app)
    view = app.caller_view
    assert evil in card.contact.display_name
    assert view.name.text() == card.contact.display_name
    assert view.name.textFormat() == Qt.TextFormat.PlainText
    rich = [
        label.objectName() or label.text()[:40]
        for label in app.window.findChildren(QLabel)
        if label.textFormat() != Qt.TextFormat.PlainText
    ]
    assert rich == []
    assert "<h1" not in view.script.toHtml() or "&lt;h1" in view.script.toHtml()


def test_back_is_disabled_on_the_first_step(qtbot, app: App) -> None:
    unlock(qtbot, app)
    wait_for_card(qtbot, app)
    bar = app.caller_view.bar
    assert not bar.back_button.isEnabled()
    qtbot.keyClicks(app.caller_view, "2")
    assert bar.back_button.isEnabled()
    qtbot.keyClick(app.caller_view, Qt.Key.Key_Backspace)
    assert not bar.back_button.isEnabled()


def test_tab_order_follows_the_screen(qtbot, app: App) -> None:
    """Tab visits the top bar left to right, then the card, the script, and the question bar row by row."""
    unlock(qtbot, app)
    wait_for_card(qtbot, app)
    view = app.caller_view
    qtbot.keyClicks(view, "2")  # more option buttons than the first step
    app.window.resize(1280, 720)
    qtbot.waitUntil(lambda: app.window.width() == 1280, timeout=5000)
    sections = [view.correct.parentWidget(), view.dial.parentWidget(), view.script.parentWidget(), view.bar]

    def section(widget: QWidget) -> int:
        for index, container in enumerate(sections[1:], 1):
            if container.isAncestorOf(widget):
                return index
        return 0

    def focusable(widget: QWidget) -> bool:
        return (
            widget is not view  # the view itself takes the digit keys
            and view.isAncestorOf(widget)
            and widget.isVisible()
            and widget.isEnabled()
            and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        )

    chain: list[QWidget] = []
    widget = view.correct
    for _ in range(300):
        if focusable(widget) and widget not in chain:
            chain.append(widget)
        widget = widget.nextInFocusChain()
    assert len(chain) >= 12

    def reading_order(widget: QWidget) -> tuple[int, int, int]:
        pos = widget.mapTo(view, widget.rect().topLeft())
        return (section(widget), pos.y() // 8, pos.x())

    assert [reading_order(w) for w in chain] == sorted(reading_order(w) for w in chain)


@pytest.mark.usefixtures("german")
def test_not_cleared_text_after_a_revocation_promises_nothing() -> None:
    revoked = clearance_explanation(GateStatus(False, "revoked"))
    assert "widerrufen" in revoked
    assert "neue Freigabe" in revoked
    missing = clearance_explanation(GateStatus(False, "no_clearance", missing=("no_declaration",)))
    assert "✗ Unterschriebene Datenschutzbelehrung" in missing or "✗" in missing
    assert "neue Freigabe" not in missing


def test_lock_everywhere_on_the_lead_screens(qtbot, app: App) -> None:
    """#15.5: Ctrl+L and a Pause button on the lead's screens; input there counts as activity."""
    now = [1000.0]
    app.guard.clock = lambda: now[0]
    unlock(qtbot, app)
    wait_for_card(qtbot, app)
    area = app.show_lead_area()
    assert area is not None and area.pause_button.isVisible()
    now[0] += 4 * 60
    qtbot.keyClick(area.tabs, Qt.Key.Key_Right)  # working on the lead's screen is activity too
    now[0] += 4 * 60
    app.guard.check()
    assert app.session.workspace is not None
    app.window.activateWindow()
    qtbot.keyClick(area.tabs, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: app.session.workspace is None, timeout=15000)
    assert app.window.stack.currentWidget() is app.unlock_view and app.lead_area is None
    unlock(qtbot, app)
    wait_for_card(qtbot, app)
    area = app.show_lead_area()
    qtbot.mouseClick(area.pause_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: app.session.workspace is None, timeout=15000)
    assert "Pause" in app.unlock_view.notice.text()
    qtbot.keyClick(app.unlock_view.passphrase, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert app.window.stack.currentWidget() is app.unlock_view  # Ctrl+L when locked does nothing


def test_anyone_changes_their_own_passphrase_on_the_unlock_screen(qtbot, app: App) -> None:
    """#15.2: no environment variable, no terminal: the old passphrase, the new one twice."""
    from desktop.services.demo import DEMO_PASSPHRASE

    dialog = app.unlock_view.open_change_passphrase()
    assert dialog is not None and "Demo V." in dialog.who.text()
    new = "vier neue lange wörter"
    dialog.old.setText("falsch-falsch")
    dialog.new.setText(new)
    dialog.repeat.setText(new)
    dialog._submit()
    qtbot.waitUntil(lambda: "Passwort" in dialog.message.text() and dialog.buttons.isEnabled(), timeout=15000)
    assert dialog.isVisible()
    dialog.old.setText(DEMO_PASSPHRASE)
    dialog.new.setText(new)
    dialog.repeat.setText(new)
    dialog._submit()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=15000)
    assert "geändert" in app.unlock_view.notice.text()
    unlock(qtbot, app, DEMO_PASSPHRASE)  # the old one no longer opens it
    qtbot.waitUntil(lambda: "Passwort" in app.unlock_view.error.text(), timeout=15000)
    assert app.session.workspace is None
    unlock(qtbot, app, new)
    wait_for_card(qtbot, app)
