"""R4 in the GUI: a damaged workspace file gets a clear screen with the ways out (never a traceback), and
restoring the encrypted pre-migration backup from it opens the workspace again."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit

from desktop.app import App, AppOptions, build
from desktop.domain.models import Role
from desktop.paths import WorkspacePaths
from desktop.storage import recovery
from desktop.storage.timefmt import utcnow
from desktop.storage.workspace import Workspace, list_slots
from desktop.views.damaged_view import DamagedView
from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "golden" / "workspace_v1"
GOLDEN_PASS = "golden passphrase"


def flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x5A
    path.write_bytes(bytes(data))


def texts(widget) -> str:
    return "\n".join(
        [w.text() for w in widget.findChildren(QLabel)]
        + [w.toPlainText() for w in widget.findChildren(QPlainTextEdit)]
    )


@pytest.fixture
def start_app(qtbot, german):
    built: list[App] = []

    def start(data_dir: Path) -> App:
        app = build(AppOptions(data_dir=str(data_dir)))
        qtbot.addWidget(app.window)
        app.window.show()
        app.start()
        qtbot.waitUntil(lambda: app.unlock_view.person.count() == 1, timeout=15000)
        built.append(app)
        return app

    yield start
    for app in built:
        app.shutdown()


def unlock(qtbot, app: App, passphrase: str) -> None:
    app.unlock_view.passphrase.setText(passphrase)
    qtbot.keyClick(app.unlock_view.passphrase, Qt.Key.Key_Return)


def test_a_damaged_workspace_shows_the_ways_out_and_a_backup_restores_it(
    qtbot, start_app, tmp_path: Path
) -> None:
    paths = WorkspacePaths(tmp_path / "workspace")
    shutil.copytree(GOLDEN, paths.root)
    slot_id = list_slots(paths)[0].slot_id
    Workspace.open(paths, slot_id, GOLDEN_PASS).close()  # migrates: the encrypted backup is left in backups/
    flip(paths.database, 5000)
    damaged_bytes = paths.database.read_bytes()

    app = start_app(tmp_path)
    unlock(qtbot, app, GOLDEN_PASS)
    qtbot.waitUntil(lambda: isinstance(app.window.stack.currentWidget(), DamagedView), timeout=15000)
    view = app.damaged_view
    assert view is not None
    qtbot.waitUntil(lambda: view.backup.count() == 1, timeout=5000)
    shown = texts(view)
    assert "beschädigt" in shown and "Sicherung" in shown and "enrol --server" in shown
    assert "Traceback" not in shown and "Error" not in shown
    assert view.person.currentData() == slot_id and not view.no_backup.isVisible()

    # A wrong passphrase: a plain message, nothing moved.
    view.passphrase.setText("falsch")
    qtbot.mouseClick(view.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "hat nicht geklappt" in view.message.text(), timeout=15000)
    assert paths.database.read_bytes() == damaged_bytes and not list(paths.root.glob("damaged-*"))

    # The right one: the backup is restored, the damaged files kept aside, and the app opens normally.
    qtbot.waitUntil(view.restore_button.isEnabled, timeout=5000)
    view.passphrase.setText(GOLDEN_PASS)
    qtbot.mouseClick(view.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: app.shift is not None, timeout=20000)
    assert app.damaged_view is None and app.window.stack.currentWidget() is app.caller_view
    (aside,) = paths.root.glob("damaged-*")
    assert (aside / "workspace.db").read_bytes() == damaged_bytes  # kept byte for byte, never deleted
    app.lock("pause")
    qtbot.waitUntil(
        lambda: app.session.workspace is None and app.unlock_view.person.count() == 1, timeout=15000
    )
    recovery.open_checked(paths, slot_id, GOLDEN_PASS).close()


def test_without_a_backup_the_screen_says_so_and_shows_the_re_enrolment(
    qtbot, start_app, tmp_path: Path
) -> None:
    paths = WorkspacePaths(tmp_path / "workspace")
    Workspace.create(
        paths, org_name="KV Test", label="Erika B.", role=Role.LEAD, passphrase="ein langes passwort"
    ).close()
    size = paths.database.stat().st_size
    flip(paths.database, size // 2)

    app = start_app(tmp_path)
    unlock(qtbot, app, "ein langes passwort")
    qtbot.waitUntil(lambda: isinstance(app.window.stack.currentWidget(), DamagedView), timeout=15000)
    view = app.damaged_view
    qtbot.waitUntil(view.no_backup.isVisible, timeout=5000)
    assert not view.restore_button.isEnabled()
    assert str(tmp_path) in view.commands.toPlainText() and "sync" in view.commands.toPlainText()
    qtbot.mouseClick(view.back, Qt.MouseButton.LeftButton)
    assert app.window.stack.currentWidget() is app.unlock_view


def test_restoring_obeys_the_delay_after_wrong_passphrases(tmp_path: Path) -> None:
    """DP-13: the restore form is no way around the growing delay of the unlock screen."""
    from desktop.services import session
    from desktop.viewmodels.recovery import restore_with_throttle

    paths = WorkspacePaths(tmp_path / "workspace")
    shutil.copytree(GOLDEN, paths.root)
    slot_id = list_slots(paths)[0].slot_id
    Workspace.open(paths, slot_id, GOLDEN_PASS).close()
    flip(paths.database, 5000)
    (backup,) = recovery.list_backups(paths)
    now = utcnow()  # one moment for all tries: a slow machine must not outwait the delay between them

    def clock() -> datetime:
        return now

    waits = []
    for _ in range(3):
        with pytest.raises(session.ThrottledError) as err:
            restore_with_throttle(paths, backup, slot_id, "falsch", clock=clock)
        waits.append(err.value.wait.total_seconds())
    assert waits == [0, 0, 2]
    with pytest.raises(session.ThrottledError):  # even the right passphrase waits its turn
        restore_with_throttle(paths, backup, slot_id, GOLDEN_PASS, clock=clock)
    assert not list(paths.root.glob("damaged-*"))
