"""A large release takes a while to arrive: while the background sync pulls contacts, the status line says how
many have arrived so far, and says nothing about it once the sync is through (issue 17.2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.paths import WorkspacePaths
from desktop.services import sync_engine
from desktop.services.demo import DEMO_LEAD_LABEL, DEMO_PASSPHRASE
from desktop.services.demo_office import DemoOffice
from desktop.tasks import TaskRunner
from desktop.viewmodels.sync_status import SyncController
from desktop.views.status_bar import StatusButton


@pytest.fixture
def office(tmp_path: Path):
    office = DemoOffice(members=1200, temp_root=tmp_path)  # 1,200 invented members: three pages of 500
    office.start()
    yield office
    office.stop()


def test_the_status_line_counts_the_contacts_arriving_and_clears_after_the_sync(
    qtbot, german, tmp_path: Path, office: DemoOffice
) -> None:
    assert office.url is not None and office.enrolment_code is not None
    ws = sync_engine.enrol(
        WorkspacePaths(tmp_path / "pc"),
        server_url=office.url,
        code=office.enrolment_code,
        label=DEMO_LEAD_LABEL,
        passphrase=DEMO_PASSPHRASE,
    )  # enrolled, nothing pulled yet
    net, db = TaskRunner("net"), TaskRunner("db")
    controller = SyncController(ws, net, db, interval_ms=3_600_000)
    button = StatusButton()
    qtbot.addWidget(button)
    seen: list[tuple[int, str]] = []
    controller.pull_progress.connect(button.set_receiving)
    controller.pull_progress.connect(lambda n: seen.append((n, button.text())))
    controller.sync_finished.connect(lambda _r, _s: button.set_receiving(None))
    try:
        with qtbot.waitSignal(controller.sync_finished, timeout=180_000) as finished:
            assert controller.sync_now()
        result, state = finished.args
        assert state == "online"
        assert result.contacts > 1000
        counts = [n for n, _text in seen]
        assert len(counts) >= 3 and counts == sorted(counts) and counts[-1] == result.contacts
        for n, text in seen:  # German locale: "1.200"
            assert f"{n:,}".replace(",", ".") in text and "Kontakte empfangen" in text, text
        assert "Kontakte empfangen" not in button.text()
    finally:
        controller.stop(wait=True)
        db.run_sync(ws.close)
        net.close()
        db.close()
