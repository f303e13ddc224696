"""The "Personen" tab's dialogs under the delay after wrong passphrases (DP-13), German UI, real widgets on the
app's database runner and a real SQLCipher workspace: a wrong passphrase in the remove dialog says whose and how
long to wait, and takes no new try until then; during the delay a new remove dialog and "change my passphrase"
say "not checked" and how long to wait, in the unlock screen's words, even with the right passphrases."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox

from desktop.domain.models import Role
from desktop.paths import WorkspacePaths
from desktop.services import session
from desktop.storage.workspace import Workspace, list_slots
from desktop.tasks import TaskRunner
from desktop.viewmodels.people import PeopleModel
from desktop.views.lead.people_view import PeopleView

LEAD = "erika ihr langes passwort"
MIA = "mia hat auch eins"
T0 = datetime(2026, 11, 25, 18, 0, tzinfo=UTC)


def _office(paths: WorkspacePaths) -> Workspace:
    ws = Workspace.create(paths, org_name="KV Test", label="Erika B.", role=Role.LEAD, passphrase=LEAD)
    ws.add_person(label="Mia S.", role=Role.CALLER, passphrase=MIA)
    ws.add_person(label="Jonas K.", role=Role.CALLER, passphrase="jonas sein langes passwort")
    return ws


def test_the_remove_and_passphrase_dialogs_say_how_long_to_wait(qtbot, german, tmp_path: Path) -> None:
    paths = WorkspacePaths(tmp_path / "ws")
    db = TaskRunner("db")
    ws = db.run_sync(lambda: _office(paths))
    try:
        for _ in range(5):  # five wrong tries before (the unlock screen's rule, on disk): the next waits 16 s
            session.count_failure(paths, session.read_throttle(paths), T0)
        now = [T0 + timedelta(seconds=10)]  # the 8 s after the fifth are over
        view = PeopleView(PeopleModel(db, ws, clock=lambda: now[0]), "de", lambda: "Test")
        qtbot.addWidget(view)
        view.show()
        qtbot.waitUntil(lambda: len(view.people) == 3, timeout=15000)
        view.select("Jonas K.")
        dialog = view.open_remove()
        assert dialog is not None
        me, mia = (next(p.slot_id for p in view.people if p.label == n) for n in ("Erika B.", "Mia S."))
        dialog.fields[me].setText(LEAD)
        dialog.fields[mia].setText("falsch geraten")
        dialog.ok.click()
        qtbot.waitUntil(
            lambda: dialog.isHidden() or dialog.ok.isEnabled() or "warte" in dialog.message.text(),
            timeout=60000,
        )
        assert dialog.message.text() == (
            "Das Passwort von Mia S. stimmt nicht. Es wurde nichts geändert. "
            "Bitte warte 16 Sekunden bis zum nächsten Versuch."
        )
        assert not dialog.ok.isEnabled()  # no new try until the delay is over
        dialog.reject()

        now[0] += timedelta(seconds=1)  # within the delay, a new dialog and the right passphrases
        dialog = view.open_remove()
        assert dialog is not None
        dialog.fields[me].setText(LEAD)
        dialog.fields[mia].setText(MIA)
        dialog.ok.click()
        qtbot.waitUntil(
            lambda: dialog.isHidden() or dialog.ok.isEnabled() or "warte" in dialog.message.text(),
            timeout=60000,
        )
        assert dialog.message.text() == (
            "Zu viele Fehlversuche an diesem PC. Die Passwörter wurden diesmal nicht geprüft. "
            "Es wurde nichts geändert. Bitte warte 15 Sekunden bis zum nächsten Versuch."
        )
        assert not dialog.ok.isEnabled()
        assert [s.label for s in list_slots(paths)] == ["Erika B.", "Mia S.", "Jonas K."]  # nobody removed
        dialog.reject()

        change = view.open_change_passphrase()  # "change my passphrase", the right old one, within the delay
        change.old.setText(LEAD)
        change.new.setText(LEAD + " neu")
        change.repeat.setText(LEAD + " neu")
        ok = change.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.click()
        qtbot.waitUntil(lambda: change.isHidden() or change.buttons.isEnabled(), timeout=60000)  # answered
        assert change.message.text() == (  # the unlock screen's words
            "Zu viele Fehlversuche an diesem PC. Das Passwort wurde diesmal nicht geprüft. "
            "Bitte warte 15 Sekunden bis zum nächsten Versuch."
        )
        assert not ok.isEnabled() and change.isVisible()
        change.reject()
        assert db.run_sync(lambda: Workspace.open(paths, me, LEAD).close()) is None  # the old one still opens
    finally:
        db.run_sync(ws.close)
        db.close()
