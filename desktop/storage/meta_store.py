"""Owner of the ``meta`` table: the workspace's key/value settings (ids, enrolment, sync state, retention).

Callers own the transaction (:func:`desktop.storage.database.transaction`); nothing here commits.
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop.storage.database import Connection


def get_meta(conn: Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def get_meta_many(conn: Connection, keys: Sequence[str]) -> dict[str, str]:
    """The values of those of ``keys`` that are set (missing keys are left out)."""
    if not keys:
        return {}
    placeholders = ",".join("?" * len(keys))
    return dict(
        conn.execute(f"SELECT key, value FROM meta WHERE key IN ({placeholders})", tuple(keys)).fetchall()
    )


def set_meta(conn: Connection, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def delete_meta(conn: Connection, *keys: str) -> None:
    conn.executemany("DELETE FROM meta WHERE key = ?", [(k,) for k in keys])
