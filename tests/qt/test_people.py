"""„Personen auf diesem PC“ in the real app (#15.2), against real SQLCipher files and the demo's own central-office
process: a lead adds a caller who then unlocks and gets their first card; anyone changes their own passphrase
while unlocked; removing a person really revokes (a new key: the removed passphrase opens nothing, not even with
a copy of the old key-slot file), and everyone else still gets in."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QWidget

from desktop.app import App
from desktop.domain.models import Role
from desktop.paths import WorkspacePaths
from desktop.services.demo import DEMO_LEAD_LABEL, DEMO_PASSPHRASE
from desktop.storage.database import open_encrypted
from desktop.storage.errors import WorkspaceError
from desktop.storage.keyslots import KeySlotFile
from desktop.storage.workspace import Workspace, list_slots
from desktop.views.lead.area import LeadArea
from tests.qt.conftest import unlock, wait_for_card

JONAS = "jonas sein langes passwort"
MIA = "mia hat auch eins"


def _unlock_as(qtbot, app: App, label: str, passphrase: str) -> None:
    people = app.unlock_view.person
    qtbot.waitUntil(lambda: people.findText(label) >= 0, timeout=15000)
    people.setCurrentIndex(people.findText(label))
    unlock(qtbot, app, passphrase)


def _add(qtbot, app: App, label: str, passphrase: str, signature: str) -> None:
    dialog = app.admit_volunteer()
    assert dialog is not None
    qtbot.waitUntil(lambda: "Vertraulichkeit" in dialog.pledge.toPlainText(), timeout=15000)
    qtbot.keyClicks(dialog.label, label)
    assert dialog.chosen_role is Role.CALLER  # a caller unless chosen otherwise
    qtbot.keyClicks(dialog.passphrase, passphrase)
    assert dialog.hint.text()  # the strength hint follows the typing
    qtbot.keyClicks(dialog.repeat, passphrase)
    qtbot.keyClicks(dialog.signature, signature)
    dialog.confirm.setChecked(True)
    dialog.ok.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=30000)


def _names(app: App) -> list[str]:
    return [p.label for p in app.lead_area.people.people]


def test_a_lead_adds_a_caller_who_unlocks_changes_the_passphrase_and_gets_the_first_card(
    qtbot, app: App, tmp_path: Path
) -> None:
    unlock(qtbot, app)
    wait_for_card(qtbot, app)
    assert app.caller_view.admit.isVisible()  # only leads see it
    # refusals before anything is saved: mismatch, then the pledge not confirmed
    dialog = app.admit_volunteer()
    assert app.window.stack.currentWidget() is app.lead_area
    assert app.lead_area.tabs.currentIndex() == LeadArea.TAB_PEOPLE
    qtbot.keyClicks(dialog.label, "Jonas K.")
    qtbot.keyClicks(dialog.passphrase, JONAS)
    qtbot.keyClicks(dialog.repeat, JONAS[:-1])
    dialog.ok.click()
    assert "unterscheiden" in dialog.message.text()
    qtbot.keyClick(dialog.repeat, Qt.Key.Key_End)
    qtbot.keyClicks(dialog.repeat, JONAS[-1])
    qtbot.keyClicks(dialog.signature, "Jonas Kieselbach")
    qtbot.waitUntil(lambda: "Vertraulichkeit" in dialog.pledge.toPlainText(), timeout=15000)
    dialog.ok.click()  # the box is not ticked: the service refuses, nothing is saved
    qtbot.waitUntil(lambda: "bestätige" in dialog.message.text(), timeout=15000)
    dialog.confirm.setChecked(True)
    dialog.ok.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=30000)
    qtbot.waitUntil(lambda: "Jonas K." in _names(app), timeout=15000)
    assert "Jonas K." in app.lead_area.people.message.text()
    texts = [app.lead_area.people.list.item(i).text() for i in range(app.lead_area.people.list.count())]
    assert any("Jonas K." in t and "Anrufer" in t for t in texts)
    assert any("(du)" in t and "Verantwortliche" in t for t in texts)

    # the caller's first shift: unlock as Jonas, first card on screen
    app.lock("end_shift")
    _unlock_as(qtbot, app, "Jonas K.", JONAS)
    card = wait_for_card(qtbot, app)
    assert app.shift.service.ws.person.role is Role.CALLER
    assert app.caller_view.name.text() == card.contact.display_name
    assert not app.caller_view.admit.isVisible()  # callers cannot add people
    assert app.show_lead_area() is None and app.show_people() is None

    # anyone changes their own passphrase while unlocked (status bar), a wrong old one is refused
    assert app.passphrase_button.isVisible()
    change = app.change_own_passphrase()
    qtbot.keyClicks(change.old, "nicht das richtige")
    qtbot.keyClicks(change.new, JONAS + " neu")
    qtbot.keyClicks(change.repeat, JONAS + " neu")
    change.buttons.button(change.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: "Passwort" in change.message.text() and change.buttons.isEnabled(), timeout=30000)
    assert change.isVisible()
    qtbot.keyClicks(change.old, JONAS)
    change.buttons.button(change.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: app.passphrase_dialog is None, timeout=30000)  # closed (and gone) when done
    app.lock("end_shift")
    _unlock_as(qtbot, app, "Jonas K.", JONAS)  # the old one no longer works ...
    qtbot.waitUntil(lambda: bool(app.unlock_view.error.text()), timeout=30000)
    assert app.shift is None
    app.unlock_view.passphrase.clear()
    _unlock_as(qtbot, app, "Jonas K.", JONAS + " neu")  # ... the new one does
    wait_for_card(qtbot, app)
    app.lock("end_shift")


def test_removing_a_person_really_revokes_their_passphrase(qtbot, app: App, tmp_path: Path) -> None:
    paths = WorkspacePaths(tmp_path / "demo")
    unlock(qtbot, app)
    wait_for_card(qtbot, app)
    _add(qtbot, app, "Jonas K.", JONAS, "Jonas Kieselbach")
    _add(qtbot, app, "Mia S.", MIA, "Mia Sonnentau")
    view = app.lead_area.people
    qtbot.waitUntil(lambda: len(view.people) == 3, timeout=15000)
    jonas_slot = next(s.slot_id for s in list_slots(paths) if s.label == "Jonas K.")
    kept_copy = tmp_path / "keyslots-copy.json"
    shutil.copy(paths.keyslots, kept_copy)  # what a removed person might have kept

    view.select(DEMO_LEAD_LABEL)
    assert view.selected is not None and view.selected.is_me
    assert not view.remove_button.isEnabled()  # nobody removes themselves
    view.select("Jonas K.")
    assert view.remove_button.isEnabled()
    dialog = view.open_remove()
    assert "neuen Schlüssel" in dialog.findChildren(type(view.message))[0].text()  # says what happens
    assert set(dialog.fields) == {s.slot_id for s in view.people if s.label != "Jonas K."}
    me = next(s.slot_id for s in view.people if s.is_me)
    mia = next(s.slot_id for s in view.people if s.label == "Mia S.")
    dialog.fields[me].setText(DEMO_PASSPHRASE)
    dialog.ok.click()
    assert "jedes Passwort" in dialog.message.text()  # Mia's is missing: nothing sent
    dialog.fields[mia].setText("falsch geraten")
    dialog.fields[me].setText(DEMO_PASSPHRASE)
    dialog.ok.click()
    assert dialog.progress.isVisible() and not dialog.ok.isEnabled()
    qtbot.waitUntil(lambda: "Mia S." in dialog.message.text() and dialog.ok.isEnabled(), timeout=60000)
    assert len(list_slots(paths)) == 3  # refused before anything was written
    dialog.fields[mia].setText(MIA)
    dialog.fields[me].setText(DEMO_PASSPHRASE)
    dialog.ok.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=120000)
    qtbot.waitUntil(lambda: _names(app) == [DEMO_LEAD_LABEL, "Mia S."], timeout=15000)
    assert "neuen Schlüssel" in view.message.text()

    # the removed passphrase opens nothing: not in the list, and the old key-slot file gives only the old key
    app.lock("end_shift")
    qtbot.waitUntil(lambda: app.unlock_view.person.count() == 2, timeout=15000)
    assert app.unlock_view.person.findText("Jonas K.") < 0
    old_key = KeySlotFile.load(kept_copy).unwrap(jonas_slot, JONAS)[0]
    try:
        open_encrypted(paths.database, old_key).close()
        opened = True
    except WorkspaceError:
        opened = False
    assert not opened
    try:
        Workspace.open(paths, jonas_slot, JONAS).close()
        opened = True
    except WorkspaceError:
        opened = False
    assert not opened
    # everyone who stayed still gets in
    _unlock_as(qtbot, app, "Mia S.", MIA)
    wait_for_card(qtbot, app)
    app.lock("end_shift")
    _unlock_as(qtbot, app, DEMO_LEAD_LABEL, DEMO_PASSPHRASE)
    wait_for_card(qtbot, app)


SIZES = [(1024, 768), (1280, 720), (1366, 768)]


def _fits(qtbot, window: QWidget, width: int, height: int) -> None:
    """The whole window at this size: its minimum fits, and every visible control lies inside it."""
    hint = window.minimumSizeHint()
    assert hint.width() <= width and hint.height() <= height, (hint, width, height)
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width and window.height() == height, timeout=5000)
    for w in window.findChildren(QWidget):
        if isinstance(w, QAbstractButton | QLineEdit) and w.isVisibleTo(window):
            left, right = w.mapTo(window, w.rect().topLeft()), w.mapTo(window, w.rect().bottomRight())
            name = w.text() if hasattr(w, "text") else w
            assert left.x() >= 0 and right.x() <= width, (name, width)
            assert left.y() >= 0 and right.y() <= height, (name, height)


def test_people_and_clock_screens_fit_office_screens_in_german(qtbot, app: App) -> None:
    unlock(qtbot, app)
    wait_for_card(qtbot, app)
    area = app.show_people()
    qtbot.waitUntil(
        lambda: len(area.people.people) == 1 and area.people.add_button.isEnabled(), timeout=15000
    )
    area._show_clock(datetime(2027, 2, 2, 9, 30, tzinfo=UTC))  # the notice after a clock jump, its longest
    assert area.clock_frame.isVisible() and "Uhr" in area.clock_button.text()
    for width, height in SIZES:
        _fits(qtbot, app.window, width, height)
    area._ask_clock()
    for width, height in SIZES:
        _fits(qtbot, app.window, width, height)
        # no tab needs sideways scrolling (pages scroll up and down at most)
        for page in (area.editor, area.wizard, area.slices, area.dashboard, area.end_view, area.people):
            assert page.minimumSizeHint().width() <= area.tabs.width() - 24, (type(page).__name__, width)
    add = area.people.open_add()
    remove_from = area.people
    for dialog in (add, app.change_own_passphrase()):
        hint = dialog.minimumSizeHint()
        assert hint.width() <= 1024 and hint.height() <= 700, (type(dialog).__name__, hint)
        assert dialog.width() <= 1024 and dialog.height() <= 700
        dialog.reject()
    assert remove_from.open_remove() is None  # only the lead on this PC: nobody to remove, not even oneself
