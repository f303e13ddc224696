"""The "restore backup" way out of the damaged-workspace screen ends in a PC that syncs (issue 13.4, R4).

A PC records and syncs, a backup is taken, the PC goes on recording (some of it delivered, some still in the
outbox), and then its file is damaged. Restoring the older backup through the screen's own path
(desktop.viewmodels.recovery.restore_with_throttle) takes the reports the backup lacks over from the damaged file;
the next sync against a real server process delivers every one of them exactly once, and nothing is left under
"needs attention" as ``seq_reused``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop.domain.models import Outcome
from desktop.paths import WorkspacePaths
from desktop.services import sync_engine
from desktop.services.enrolment import Enrolment
from desktop.storage import outbox_store, recovery, report_store
from desktop.storage.errors import WorkspaceError
from desktop.storage.workspace import Workspace, list_slots
from desktop.viewmodels.recovery import restore_with_throttle
from sync.client import SyncClient
from tests.integration.conftest import PASS, Office, another_org, callable_always
from tests.integration.test_engine import call, new_pc, states, stored


@pytest.fixture
def office(server: Office, request: pytest.FixtureRequest) -> Office:
    org = another_org(server, f"KV {request.node.name[:60]}")
    org.office.commands.record_declaration(org.lead, org.office.today())
    callable_always(org)
    return org


def _reopen(paths: WorkspacePaths) -> Workspace:
    return Workspace.open(paths, list_slots(paths)[0].slot_id, PASS)


def _damage_first_page(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[2000] ^= (
        0x5A  # page 1 (the schema) fails its HMAC: the file does not open; report pages stay readable
    )
    path.write_bytes(bytes(data))


def test_restoring_an_older_backup_ends_in_a_sync_that_delivers_everything(
    office: Office, tmp_path: Path
) -> None:
    ws = new_pc(office, tmp_path)
    paths = ws.paths
    before = [call(ws, office.campaign).id for _ in range(2)]
    sync_engine.sync_once(ws.conn)
    ws.close()
    paths.backups.mkdir(exist_ok=True)
    shutil.copy2(paths.database, paths.backups / "pre-migration-v1.db")  # the backup point

    ws = _reopen(paths)
    delivered = [call(ws, office.campaign, Outcome.NO_PICKUP).id for _ in range(3)]
    assert sync_engine.sync_once(ws.conn).pushed >= 3
    pending = [call(ws, office.campaign, Outcome.BUSY).id for _ in range(2)]  # still in the outbox
    assert outbox_store.pending_count(ws.conn) == 2
    ws.close()
    _damage_first_page(paths.database)
    with pytest.raises(WorkspaceError):  # the damaged file does not open (the app shows the damaged screen)
        _reopen(paths)

    (backup,) = recovery.list_backups(paths)
    taken = restore_with_throttle(paths, backup, list_slots(paths)[0].slot_id, PASS)
    assert taken == len(delivered + pending)  # every report the backup lacks, salvaged from the damaged file

    ws = _reopen(paths)
    assert all(report_store.has_report(ws.conn, r) for r in before + delivered + pending)
    result = sync_engine.sync_once(ws.conn)
    assert result.duplicates == len(delivered) and result.pushed >= len(
        pending
    )  # the delivered ones count once
    assert outbox_store.rejected_items(ws.conn) == []  # nothing under "needs attention", no seq_reused
    assert outbox_store.pending_count(ws.conn) == 0
    assert states(ws) == dict.fromkeys(before + delivered + pending, "sent")
    assert stored(office, before + delivered + pending) == (7, 7)  # each report once at the central office
    enrolment = Enrolment.load(ws.conn)
    assert enrolment is not None
    with SyncClient(office.url, enrolment.device_id, enrolment.device_secret) as client:
        assert client.health().missing == []
    ws.close()
