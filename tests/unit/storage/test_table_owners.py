"""One owner per table on the PC (issue 12, point 3), as checks that fail.

1. Only ``desktop/storage`` talks SQL: code anywhere else in ``desktop/`` that calls ``.execute(``,
   ``.executemany(`` or ``.executescript(`` fails the build. The allow-list held only the sync engine while it
   moved behind its own store interface; it is empty now, and an entry that no longer needs it fails too.
2. Every statement that writes a table (INSERT / UPDATE / DELETE / REPLACE) lives in that table's owner module
   (with a shrinking list of modules not there yet).
Both scans are proven to catch a planted violation.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from tests.conftest import ROOT

SQL_CALLS = {"execute", "executemany", "executescript"}

# Empty since the sync engine moved behind its store (desktop.storage.sync_store); it may only stay empty.
RAW_SQL_ALLOWED: set[str] = set()

# Modules that still write tables they do not own; empty since the sync store calls the owners too.
FOREIGN_WRITES_ALLOWED: set[str] = set()

OWNERS = {
    "meta": "desktop/storage/meta_store.py",
    "people": "desktop/storage/people_store.py",
    "campaigns": "desktop/storage/campaign_store.py",
    "campaign_lead": "desktop/storage/campaign_store.py",
    "contacts": "desktop/storage/contact_store.py",
    "slices": "desktop/storage/slice_store.py",
    "reports": "desktop/storage/report_store.py",
    "outbox": "desktop/storage/outbox_store.py",
    "outbox_pending_counts": "desktop/storage/outbox_store.py",  # kept by triggers on outbox (migration 0013)
    "pledges": "desktop/storage/pledge_store.py",
    "clearances": "desktop/storage/clearance_store.py",
    "organizer_inbox": "desktop/storage/organizer_store.py",
    "audit_log": "desktop/storage/audit.py",
    "objection_register": "desktop/storage/objection_register.py",  # issue 13.1: keyed hashes of the register
    "leases": "desktop/storage/sync_store.py",  # issue 13.3: replaced as a whole by each lease answer
}

_WRITE = re.compile(
    r"\b(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|REPLACE\s+INTO|UPDATE|DELETE\s+FROM)\s+\"?(\w+)", re.IGNORECASE
)


def _python_files(root: Path, package: str) -> list[Path]:
    return sorted((root / package).rglob("*.py"))


def raw_sql_calls(root: Path) -> dict[str, list[int]]:
    """File (relative, posix) -> lines that call execute/executemany/executescript outside desktop/storage."""
    found: dict[str, list[int]] = {}
    for path in _python_files(root, "desktop"):
        rel = path.relative_to(root).as_posix()
        if rel.startswith("desktop/storage/"):
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in SQL_CALLS
            ):
                found.setdefault(rel, []).append(node.lineno)
    return found


def _string_literals(tree: ast.AST) -> list[tuple[int, str]]:
    """Every string literal with its line; an f-string's literal parts are joined (its fields left out)."""
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            out.append((node.lineno, node.value))
        elif isinstance(node, ast.JoinedStr):
            text = "".join(
                v.value if isinstance(v, ast.Constant) and isinstance(v.value, str) else " ? "
                for v in node.values
            )
            out.append((node.lineno, text))
    return out


def table_writes_outside_owner(root: Path, allowed: set[str] = FOREIGN_WRITES_ALLOWED) -> list[str]:
    """'file:line table' for every write statement on a table outside that table's owner module."""
    bad = []
    for path in _python_files(root, "desktop"):
        rel = path.relative_to(root).as_posix()
        if rel in allowed:
            continue
        for line, text in _string_literals(ast.parse(path.read_text("utf-8"))):
            for match in _WRITE.finditer(text):
                table = match.group(1).lower()
                if table == "set":  # "UPDATE" inside prose is not SQL; "UPDATE x SET" names x
                    continue
                owner = OWNERS.get(table)
                if owner is None and not _looks_like_sql(text):
                    continue
                if owner != rel:
                    bad.append(f"{rel}:{line} {table}")
    return sorted(set(bad))  # an f-string's literal parts are seen on their own, too


def _looks_like_sql(text: str) -> bool:
    return bool(re.search(r"\b(VALUES|SET|WHERE)\b", text)) or text.rstrip().endswith("?")


def test_only_storage_calls_execute() -> None:
    found = raw_sql_calls(ROOT)
    outside = {f: lines for f, lines in found.items() if f not in RAW_SQL_ALLOWED}
    assert outside == {}, "SQL belongs in the table's owner module in desktop/storage"


def test_the_allow_lists_only_shrink() -> None:
    found = raw_sql_calls(ROOT)
    stale = sorted(f for f in RAW_SQL_ALLOWED if f not in found)
    assert stale == [], "remove these from RAW_SQL_ALLOWED: they no longer call execute()"
    still_foreign = {line.split(":")[0] for line in table_writes_outside_owner(ROOT, allowed=set())}
    assert sorted(FOREIGN_WRITES_ALLOWED - still_foreign) == [], (
        "remove these from FOREIGN_WRITES_ALLOWED: they write only their own tables"
    )


def test_every_table_write_lives_in_its_owner() -> None:
    assert table_writes_outside_owner(ROOT) == []


def test_every_table_has_an_owner_module() -> None:
    schema = "\n".join(
        p.read_text("utf-8") for p in sorted((ROOT / "desktop/storage/migrations").glob("*.sql"))
    )
    created = set(re.findall(r"CREATE TABLE (\w+)", schema)) - {"outbox_v4"}  # renamed to outbox in 0004
    assert created - set(OWNERS) == set()
    assert all((ROOT / owner).is_file() for owner in OWNERS.values())


def _plant(tmp_path: Path, rel: str, source: str) -> Path:
    path = tmp_path / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(source, encoding="utf-8")
    return tmp_path


def test_the_execute_scan_catches_a_planted_call(tmp_path: Path) -> None:
    root = _plant(
        tmp_path,
        "desktop/services/planted.py",
        "def wipe(ws):\n    ws.conn.execute('DELETE FROM contacts')\n",
    )
    _plant(tmp_path, "desktop/viewmodels/also.py", "def f(c):\n    c.executemany('x', [])\n")
    _plant(tmp_path, "desktop/storage/contact_store.py", "def ok(c):\n    c.execute('SELECT 1')\n")
    assert raw_sql_calls(root) == {"desktop/services/planted.py": [2], "desktop/viewmodels/also.py": [2]}


def test_the_owner_scan_catches_a_write_in_the_wrong_module(tmp_path: Path) -> None:
    root = _plant(
        tmp_path,
        "desktop/storage/report_store.py",
        'def scrub(c):\n    c.execute("UPDATE outbox SET payload = ? WHERE seq = ?", (1, 2))\n'
        'def ok(c):\n    c.execute("UPDATE reports SET body = ? WHERE id = ?", (1, 2))\n',
    )
    _plant(
        tmp_path,
        "desktop/storage/slice_store.py",
        'def f(c, cols):\n    c.execute(f"UPDATE contacts SET {cols} WHERE id = ?")\n',
    )
    assert table_writes_outside_owner(root) == [
        "desktop/storage/report_store.py:2 outbox",
        "desktop/storage/slice_store.py:2 contacts",
    ]
