"""Owner of the ``people`` table: everybody who may unlock this workspace (one key slot each)."""

from __future__ import annotations

from datetime import datetime

from desktop.domain.models import Person, Role
from desktop.storage.database import Connection


def people(conn: Connection) -> list[tuple[str, str, str, bool]]:
    """(id, label, role, ranking_opt_in) of everybody who may unlock this workspace."""
    return [
        (r[0], r[1], r[2], bool(r[3]))
        for r in conn.execute("SELECT id, label, role, ranking_opt_in FROM people ORDER BY created_at, id")
    ]


def get_person(conn: Connection, person_id: str) -> Person | None:
    row = conn.execute("SELECT id, label, role, created_at FROM people WHERE id = ?", (person_id,)).fetchone()
    if row is None:
        return None
    return Person(id=row[0], label=row[1], role=Role(row[2]), created_at=datetime.fromisoformat(row[3]))


def insert_person(conn: Connection, person: Person) -> int:
    return conn.execute(
        "INSERT INTO people (id, label, role, created_at) VALUES (?, ?, ?, ?)",
        (person.id, person.label, person.role.value, person.created_at.isoformat()),
    ).rowcount
