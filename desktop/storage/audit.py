"""The workspace's audit log: append-only, hash-chained, ids only (DP-21).

Each entry's hash covers the previous hash and the entry's canonical JSON, so removing, reordering or editing
an entry breaks the chain from there on. Every entry also goes to the outbox, so the central office can check
the chain independently with the same rule (sync.core.audit_chain).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from enum import StrEnum

from desktop.domain.models import new_id
from desktop.storage import outbox_store
from desktop.storage.database import Connection
from desktop.storage.timefmt import to_db
from sync.core.audit_chain import GENESIS, entry_hash, first_break


class AuditKind(StrEnum):
    UNLOCK = "unlock"
    LOCK = "lock"
    UNLOCK_FAILED = "unlock_failed"
    IMPORT = "import"
    EXPORT = "export"
    OBJECTION = "objection"
    WIPE = "wipe"
    CLEARANCE_CHANGED = "clearance_changed"
    PERSON_ADDED = "person_added"
    PERSON_REMOVED = "person_removed"
    CAMPAIGN_CREATED = "campaign_created"
    CAMPAIGN_ENDED = "campaign_ended"
    REKEY = "rekey"


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    id: str
    at: str
    kind: str
    person_id: str | None
    subject: str | None
    prev_hash: str
    hash: str

    def body(self) -> dict[str, object]:
        return {
            "seq": self.seq,
            "id": self.id,
            "at": self.at,
            "kind": self.kind,
            "person_id": self.person_id,
            "subject": self.subject,
        }


def append(
    conn: Connection,
    kind: AuditKind,
    *,
    at: datetime,
    person_id: str | None = None,
    subject: str | None = None,
) -> AuditEntry:
    """Append one entry inside the caller's transaction; `subject` is an id, never a name or number."""
    row = conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (row[0] + 1, row[1]) if row else (1, GENESIS)
    entry = AuditEntry(seq, new_id(), to_db(at) or "", kind.value, person_id, subject, prev, "")
    entry = AuditEntry(**{**asdict(entry), "hash": entry_hash(prev, entry.body())})
    conn.execute(
        "INSERT INTO audit_log (seq, id, at, kind, person_id, subject, prev_hash, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            entry.seq,
            entry.id,
            entry.at,
            entry.kind,
            entry.person_id,
            entry.subject,
            entry.prev_hash,
            entry.hash,
        ),
    )
    outbox_store.enqueue(conn, item_id=entry.id, kind="audit_event", payload=asdict(entry), created_at=at)
    return entry


def entries(conn: Connection) -> list[AuditEntry]:
    return [
        AuditEntry(*r)
        for r in conn.execute(
            "SELECT seq, id, at, kind, person_id, subject, prev_hash, hash FROM audit_log ORDER BY seq"
        )
    ]


def chain_break(conn: Connection) -> int | None:
    """The seq of the first broken entry of this workspace's log; None when it is whole."""
    return first_break([asdict(e) for e in entries(conn)])
