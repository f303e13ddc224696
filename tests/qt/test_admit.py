"""„Mitstreiter*in zulassen“ in the real app: a volunteer joins on the spot and calls right away."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.app import App
from desktop.domain.models import Role
from tests.qt.conftest import unlock, wait_for_card


def test_a_lead_admits_a_volunteer_who_then_unlocks_and_calls(qtbot, app: App) -> None:
    unlock(qtbot, app)
    wait_for_card(qtbot, app)
    assert app.caller_view.admit.isVisible()  # only leads see it
    dialog = app.admit_volunteer()
    assert "Verpflichtung auf Vertraulichkeit" in dialog.pledge.toPlainText()
    qtbot.keyClicks(dialog.label, "Jonas K.")
    qtbot.keyClicks(dialog.passphrase, "jonas sein passwort")
    qtbot.keyClicks(dialog.repeat, "jonas sein passwort")
    qtbot.keyClicks(dialog.signature, "Jonas Kieselbach")
    dialog.ok.click()  # the box is not ticked yet: the service refuses, nothing is saved
    qtbot.waitUntil(lambda: "bestätige" in dialog.message.text(), timeout=15000)
    dialog.confirm.setChecked(True)
    dialog.ok.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=15000)

    app.lock("end_shift")
    qtbot.waitUntil(lambda: app.unlock_view.person.count() == 2, timeout=15000)
    app.unlock_view.person.setCurrentIndex(app.unlock_view.person.findText("Jonas K."))
    unlock(qtbot, app, "jonas sein passwort")
    card = wait_for_card(qtbot, app)
    assert app.shift.service.ws.person.role is Role.CALLER
    assert not app.caller_view.admit.isVisible()  # volunteers cannot admit others
    assert app.caller_view.number.text()  # provisional: calls under the lead's clearance
    assert card.contact.phone


def test_mismatched_passphrases_are_caught_before_anything_is_saved(qtbot, app: App) -> None:
    unlock(qtbot, app)
    wait_for_card(qtbot, app)
    dialog = app.admit_volunteer()
    qtbot.keyClicks(dialog.label, "Jonas K.")
    qtbot.keyClicks(dialog.passphrase, "jonas sein passwort")
    qtbot.keyClicks(dialog.repeat, "jonas sein passwor")
    dialog.ok.click()
    assert "unterscheiden" in dialog.message.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
