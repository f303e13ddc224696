"""Issue 13.4 in the GUI: a copy of a workspace used as a second PC is refused by a real central office as
``device_cloned``; the dialog guides through salvage -> re-enrol -> re-send as one action, and afterwards every
report is at the central office exactly once. Real server process, real encrypted workspaces, real Qt widgets,
the app's own database and network runners."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.domain.models import Outcome
from desktop.paths import WorkspacePaths
from desktop.services import sync_engine
from desktop.services.enrolment import Enrolment
from desktop.storage.workspace import Workspace, list_slots
from desktop.tasks import TaskRunner
from desktop.viewmodels.reenrol import CLONED, ReenrolModel
from desktop.viewmodels.sync_status import SyncController
from desktop.views.clone_dialog import CloneDialog
from tests.integration.conftest import PASS, Office, another_org, callable_always, make_office
from tests.integration.test_engine import call, new_pc, states, stored
from tests.server.conftest import NO_LIMITS


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Office]:
    with make_office(tmp_path_factory.mktemp("office"), *NO_LIMITS) as seeded:
        org = another_org(seeded, "KV Kopie")
        org.office.commands.record_declaration(org.lead, org.office.today())
        callable_always(org)
        yield org


def _open(paths: WorkspacePaths) -> Workspace:
    return Workspace.open(paths, list_slots(paths)[0].slot_id, PASS)


def test_a_copy_is_guided_through_salvage_re_enrol_and_re_send(
    qtbot, german, office: Office, tmp_path: Path
) -> None:
    first = new_pc(office, tmp_path / "pc")
    first.close()
    copy = WorkspacePaths(tmp_path / "copy" / "workspace")
    shutil.copytree(first.paths.root, copy.root)
    ids: list[str] = []
    for paths in (first.paths, copy):  # both sync once: the second looks like a restored backup
        ws = _open(paths)
        ids += [call(ws, office.campaign, Outcome.VOICEMAIL).id for _ in range(2)]
        sync_engine.sync_once(ws.conn)
        ws.close()
    old_device = None

    db, net = TaskRunner("db"), TaskRunner("net")
    ws = db.run_sync(lambda: _open(first.paths))  # the first PC goes on working: the copy is in use
    try:
        old_device = db.run_sync(lambda: Enrolment.load(ws.conn)).device_id  # type: ignore[union-attr]
        ids += db.run_sync(lambda: [call(ws, office.campaign, Outcome.BUSY).id for _ in range(2)])
        sync = SyncController(ws, net, db, interval_ms=3_600_000)
        seen: list[str] = []
        sync.sync_finished.connect(lambda _result, state: seen.append(state))
        assert sync.sync_now()
        qtbot.waitUntil(lambda: bool(seen), timeout=30000)
        assert seen == [CLONED]  # refused before anything was sent
        assert db.run_sync(lambda: states(ws))[ids[-1]] == "pending"

        dialog = CloneDialog(ReenrolModel(ws, net, db, sync))
        qtbot.addWidget(dialog)
        dialog.show()
        assert "Kopie" in dialog.windowTitle() and "Einmalcode" in dialog.steps.text()
        qtbot.mouseClick(dialog.go, Qt.MouseButton.LeftButton)  # no code yet: asked for one, nothing happens
        assert "Einmalcode" in dialog.message.text() and dialog.isVisible()
        dialog.code.setText(office.code())
        dialog.name.setText("Laptop Kopie")
        qtbot.mouseClick(dialog.go, Qt.MouseButton.LeftButton)  # the one action
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=60000)
        assert dialog.result() == CloneDialog.DialogCode.Accepted
        assert seen[-1] == "online"

        enrolment = db.run_sync(lambda: Enrolment.load(ws.conn))
        assert enrolment is not None and enrolment.device_id != old_device  # an identity of its own
        assert db.run_sync(lambda: states(ws)) == dict.fromkeys(ids[:2] + ids[4:], "sent")
        assert stored(office, ids) == (6, 6)  # every report of both PCs, each once
        sync.stop(wait=True)
    finally:
        db.run_sync(ws.close)
        net.close()
        db.close()
    ws = _open(copy)  # the copy keeps the old identity and goes on syncing
    try:
        assert sync_engine.sync_once(ws.conn).rejected == 0
    finally:
        ws.close()


def test_the_app_opens_the_guide_when_its_sync_is_refused_as_a_copy(
    qtbot, german, office: Office, tmp_path: Path
) -> None:
    """The app's own wiring: unlocking a workspace whose copy synced meanwhile opens the guide, by itself."""
    from desktop.app import AppOptions, build
    from tests.qt.conftest import unlock

    office = another_org(office, "KV Kopie in der App")  # its own members: the first test leased the others'
    office.office.commands.record_declaration(office.lead, office.office.today())
    callable_always(office)
    first = new_pc(office, tmp_path / "pc")
    first.close()
    shutil.copytree(first.paths.root, tmp_path / "copy" / "workspace")
    for paths in (first.paths, WorkspacePaths(tmp_path / "copy" / "workspace")):
        ws = _open(paths)  # both sync once; the copy's check-in replaces the history the first PC holds
        call(ws, office.campaign, Outcome.VOICEMAIL)
        sync_engine.sync_once(ws.conn)
        ws.close()

    app = build(AppOptions(data_dir=str(tmp_path / "pc")))
    try:
        qtbot.addWidget(app.window)
        app.window.show()
        app.start()
        qtbot.waitUntil(lambda: app.unlock_view.person.count() == 1, timeout=60_000)
        assert app.clone_dialog is None
        unlock(qtbot, app, PASS)
        qtbot.waitUntil(lambda: app.clone_dialog is not None and app.clone_dialog.isVisible(), timeout=60_000)
        assert "Kopie" in app.clone_dialog.windowTitle() and "Einmalcode" in app.clone_dialog.steps.text()
    finally:
        app.shutdown()
