"""Ways out of a damaged workspace (R4): backups are listed and restored without deleting anything, and
salvage returns the reports that can still be read — never one that was not written.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest

from desktop.domain.models import CallReport
from desktop.paths import WorkspacePaths
from desktop.services.calling import CallingService
from desktop.services.demo import DEMO_PASSPHRASE
from desktop.storage import migrate, recovery, report_store, salvage
from desktop.storage.errors import ErrorCode, WorkspaceError
from desktop.storage.keyslots import KeySlotFile
from desktop.storage.timefmt import utcnow
from desktop.storage.workspace import Workspace, list_slots
from sync.core.rules import Outcome
from tests.conftest import ROOT
from tests.reliability.helpers import demo_workspace, digest

GOLDEN = ROOT / "tests" / "golden" / "workspace_v1"
GOLDEN_PASS = "golden passphrase"


def tree_digest(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x5A
    path.write_bytes(bytes(data))


@pytest.fixture
def migrated(tmp_path: Path) -> tuple[WorkspacePaths, str]:
    """The golden schema-1 workspace, opened once: migrate.py leaves its real encrypted backup."""
    paths = WorkspacePaths(tmp_path / "ws")
    shutil.copytree(GOLDEN, paths.root)
    slot_id = list_slots(paths)[0].slot_id
    ws = Workspace.open(paths, slot_id, GOLDEN_PASS)
    ws.close()
    assert (paths.backups / "pre-migration-v1.db").is_file()  # schema 1 is behind: a migration ran
    return paths, slot_id


def test_list_backups(tmp_path: Path, migrated: tuple[WorkspacePaths, str]) -> None:
    assert recovery.list_backups(WorkspacePaths(tmp_path / "nothing")) == []
    paths, _ = migrated
    (paths.backups / "notes.txt").write_text("not a backup")
    shutil.copy2(paths.backups / "pre-migration-v1.db", paths.backups / "pre-migration-v7.db")
    found = recovery.list_backups(paths)
    assert [b.schema_version for b in found] == [7, 1]
    assert found[1].path == paths.backups / "pre-migration-v1.db" and found[1].size > 0


def test_restore_moves_the_damaged_files_aside_and_opens_the_backup(
    migrated: tuple[WorkspacePaths, str],
) -> None:
    paths, slot_id = migrated
    wal = Path(str(paths.database) + "-wal")
    flip(paths.database, 5000)
    wal.write_bytes(b"stale wal that must not be replayed onto the restored file")
    damaged = {paths.database.name: digest(paths.database), wal.name: digest(wal)}
    with pytest.raises(WorkspaceError) as err:
        recovery.open_checked(paths, slot_id, GOLDEN_PASS)
    assert err.value.code is ErrorCode.DAMAGED

    (backup,) = recovery.list_backups(paths)
    backup_digest = digest(backup.path)
    restored = recovery.restore_backup(paths, backup, slot_id, GOLDEN_PASS)
    ws = restored.workspace
    assert ws.org_name == "KV Goldstadt"
    assert [r.outcome.value for r in report_store.all_reports(ws.conn)] == ["voicemail"]
    assert migrate.current_version(ws.conn) == len(migrate.available())  # migrated again after the restore
    assert ws.integrity_problems() == []
    ws.close()
    assert restored.damaged_dir is not None and restored.damaged_dir.name.startswith("damaged-")
    kept = {p.name: digest(p) for p in restored.damaged_dir.iterdir() if not p.name.endswith("-shm")}
    assert kept == damaged  # kept, byte for byte (the -shm index SQLite made while probing moved along)
    assert digest(backup.path) == backup_digest  # the backup itself is untouched
    assert not list(paths.root.glob(".restore-*"))
    recovery.open_checked(paths, slot_id, GOLDEN_PASS).close()


def test_a_failed_restore_changes_nothing(migrated: tuple[WorkspacePaths, str]) -> None:
    paths, slot_id = migrated
    flip(paths.database, 5000)
    (backup,) = recovery.list_backups(paths)
    before = tree_digest(paths.root)
    with pytest.raises(WorkspaceError) as err:
        recovery.restore_backup(paths, backup, slot_id, GOLDEN_PASS + "x")
    assert err.value.code is ErrorCode.WRONG_PASSPHRASE
    flip(backup.path, 6000)  # a damaged backup is refused before anything moves
    before = tree_digest(paths.root)
    with pytest.raises(WorkspaceError) as err:
        recovery.restore_backup(paths, backup, slot_id, GOLDEN_PASS)
    assert err.value.code is ErrorCode.DAMAGED
    assert tree_digest(paths.root) == before


def record_reports(paths: WorkspacePaths, slot_id: str, n: int) -> dict[str, dict[str, object]]:
    ws = Workspace.open(paths, slot_id, DEMO_PASSPHRASE)
    service = CallingService(ws)
    campaign = service.campaigns()[0].id
    contacts = [r[0] for r in ws.conn.execute("SELECT id FROM contacts ORDER BY position")]
    written = {}
    for i in range(n):
        report = CallReport(
            campaign_id=campaign,
            contact_id=contacts[i % len(contacts)],
            caller_id=ws.person.id,
            outcome=(Outcome.NO_PICKUP, Outcome.CALL_BACK, Outcome.OBJECTION)[i % 3],
            created_at=utcnow(),
            note=f"Rückruf {i} – später",
        )
        service.record(report)
        written[report.id] = report.model_dump(mode="json")
    ws.close()
    return written


def pages_holding(path: Path, key: bytes, needle: bytes) -> list[int]:
    salts, pages = salvage._pages(path)
    hkey = salvage._hmac_key(key, salts[0])
    return [
        pgno
        for pgno, page in pages
        if (plain := salvage._open_page(page, pgno, key, hkey)) is not None and needle in plain
    ]


Written = dict[str, dict[str, object]]


@pytest.fixture(scope="module")
def reported_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, Written, bytes]:
    paths, slot_id = demo_workspace(tmp_path_factory.mktemp("salvage") / "ws", count=40)
    written = record_reports(paths, slot_id, 120)
    (key,) = KeySlotFile.load(paths.keyslots).unwrap(slot_id, DEMO_PASSPHRASE)
    return paths.root, slot_id, written, key


@pytest.fixture
def reported(tmp_path: Path, reported_template) -> tuple[WorkspacePaths, str, Written, bytes]:
    root, slot_id, written, key = reported_template
    shutil.copytree(root, tmp_path / "ws")
    return WorkspacePaths(tmp_path / "ws"), slot_id, written, key


def test_salvage_of_a_sound_workspace_is_everything_and_touches_nothing(reported) -> None:
    paths, slot_id, written, _ = reported
    before = tree_digest(paths.root)
    result = recovery.salvage(paths, slot_id, DEMO_PASSPHRASE)
    assert {r["id"]: r for r in result.reports} == written
    assert result.from_rows == len(written) and result.unreadable_rows == 0 and result.bad_pages == 0
    assert tree_digest(paths.root) == before
    assert not [p for p in paths.root.iterdir() if p.name.startswith(".salvage-")]


def test_salvage_steps_over_damaged_report_pages(reported) -> None:
    """Every page holding report bodies is damaged: the outbox copies and the page scan give all back."""
    paths, slot_id, written, key = reported
    report_pages = pages_holding(paths.database, key, b'{"id":"')
    assert report_pages
    for pgno in report_pages:
        flip(paths.database, (pgno - 1) * 4096 + 2000)
    with pytest.raises(WorkspaceError):
        recovery.open_checked(paths, slot_id, DEMO_PASSPHRASE)
    result = recovery.salvage(paths, slot_id, DEMO_PASSPHRASE)
    assert result.unreadable_rows > 0 and result.bad_pages == len(report_pages)
    assert {r["id"]: r for r in result.reports} == written


def test_salvage_without_a_readable_first_page_scans_pages(reported) -> None:
    """Page 1 (the schema) is damaged: SQL reads nothing, the page scan still finds the reports."""
    paths, slot_id, written, _ = reported
    flip(paths.database, 1000)
    result = recovery.salvage(paths, slot_id, DEMO_PASSPHRASE)
    assert result.from_rows == 0 and result.from_pages == len(written)
    assert {r["id"]: r for r in result.reports} == written


def test_salvage_with_most_pages_destroyed_returns_only_true_reports(reported) -> None:
    paths, slot_id, written, _ = reported
    data = bytearray(paths.database.read_bytes())
    for offset in range(3000, len(data), 4096 * 2):  # every other page
        data[offset : offset + 64] = os.urandom(64)
    paths.database.write_bytes(bytes(data))
    found = recovery.salvage_outcomes(paths, slot_id, DEMO_PASSPHRASE)
    assert found and len(found) <= len(written)
    for report in found:
        assert written[str(report["id"])] == report


def test_salvage_needs_the_right_passphrase(reported) -> None:
    paths, slot_id, _, _ = reported
    with pytest.raises(WorkspaceError) as err:
        recovery.salvage_outcomes(paths, slot_id, "falsch")
    assert err.value.code is ErrorCode.WRONG_PASSPHRASE
