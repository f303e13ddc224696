"""Fixtures for the Qt tests: the real app in demo mode (with its central office process), German UI."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop import i18n
from desktop.app import App, AppOptions, build
from desktop.paths import WorkspacePaths
from desktop.services.calling import Card
from desktop.services.demo import DEMO_PASSPHRASE
from desktop.storage.workspace import Workspace, list_slots


@pytest.fixture
def german(qapp):
    translators = i18n.install(qapp, "de")
    yield
    for t in translators:
        qapp.removeTranslator(t)


@pytest.fixture
def app(qtbot, tmp_path: Path, german) -> App:
    built = build(AppOptions(demo=True, data_dir=str(tmp_path)))
    try:
        qtbot.addWidget(built.window)
        built.window.show()
        built.start()
        # The demo starts its central office as a process, seeds it and enrols: seconds, minutes under load.
        qtbot.waitUntil(lambda: built.unlock_view.person.count() == 1, timeout=240_000)
        yield built
    finally:
        built.shutdown()  # also stops the office process when the demo did not come up


def unlock(qtbot, app: App, passphrase: str = DEMO_PASSPHRASE) -> None:
    app.unlock_view.passphrase.setText(passphrase)
    qtbot.keyClick(app.unlock_view.passphrase, Qt.Key.Key_Return)


def wait_for_card(qtbot, app: App) -> Card:
    qtbot.waitUntil(
        lambda: (
            app.shift is not None
            and not app.shift.saving
            and isinstance(app.shift.card, Card)
            and app.shift.flow is not None
        ),
        timeout=15000,
    )
    return app.shift.card


def open_demo(tmp_path: Path) -> Workspace:
    paths = WorkspacePaths(tmp_path / "demo")
    return Workspace.open(paths, list_slots(paths)[0].slot_id, DEMO_PASSPHRASE)
