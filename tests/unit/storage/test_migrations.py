"""Schema versions: golden files for every released schema, one transaction per migration (Electrum)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.storage import contact_store, migrate, outbox_store, report_store
from desktop.storage.database import open_encrypted
from desktop.storage.keyslots import new_database_key
from tests.golden_support import open_golden_v1

GOLDEN = Path(__file__).resolve().parents[2] / "golden"


def schema_text(conn) -> str:
    rows = conn.execute("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name")
    return "\n".join(f"{t} {n}: {' '.join(sql.split())}" for t, n, sql in rows) + "\n"


def test_schema_version_1_matches_its_golden_file(tmp_path: Path) -> None:
    conn = open_encrypted(tmp_path / "v1.db", new_database_key(), create=True)
    assert migrate.migrate(conn, target=1) == [1]
    assert migrate.current_version(conn) == 1
    assert schema_text(conn) == (GOLDEN / "schema_v1.txt").read_text("utf-8")
    conn.close()


def test_a_real_version_1_workspace_still_opens(tmp_path: Path) -> None:
    """tests/golden/workspace_v1 was written by schema version 1 (passphrase 'golden passphrase')."""
    ws = open_golden_v1(tmp_path)
    assert ws.org_name == "KV Goldstadt"
    contact = contact_store.get_contact(ws.conn, "a0000000000000000000000000000001")
    assert contact is not None and contact.last_name == "Goldammer"
    assert [r.outcome.value for r in report_store.all_reports(ws.conn)] == ["voicemail"]
    assert outbox_store.outbox_rows(ws.conn) == [(1, "b0000000000000000000000000000001", "report", "pending")]
    assert migrate.current_version(ws.conn) == migrate.LATEST
    if migrate.LATEST > 1:
        assert (ws.paths.backups / "pre-migration-v1.db").exists()
    ws.close()


def test_a_failing_migration_changes_nothing(tmp_path: Path) -> None:
    conn = open_encrypted(tmp_path / "m.db", new_database_key(), create=True)
    good = migrate.available()
    broken = migrate.Migration(
        len(good) + 1,
        "9999_broken.sql",
        "CREATE TABLE half_done (x INTEGER);\nINSERT INTO no_such_table VALUES (1);",
    )
    with pytest.raises(Exception, match="no_such_table"):
        migrate.migrate(conn, migrations=[*good, broken])
    assert migrate.current_version(conn) == len(good)
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert "half_done" not in names
    conn.close()


def test_migration_numbers_are_consecutive() -> None:
    assert [m.version for m in migrate.available()] == list(range(1, migrate.LATEST + 1))
