"""What the status bar and `telefonaktion status --json` report: sync state and clearance, no personal data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from desktop.services import clearance_gate
from desktop.storage import campaign_store, contact_store, meta_store, outbox_store
from desktop.storage.database import Connection
from desktop.storage.timefmt import from_db


@dataclass(frozen=True)
class NeedsAttention:
    item_id: str
    kind: str
    created_at: str
    reason: str


@dataclass(frozen=True)
class WorkspaceStatus:
    org: str
    enrolled: bool
    pending_uploads: int
    last_sync: datetime | None
    needs_attention: tuple[NeedsAttention, ...]
    campaigns: tuple[dict[str, Any], ...]
    clearance: clearance_gate.GateStatus

    def as_json(self) -> dict[str, Any]:
        c = self.clearance
        return {
            "org": self.org,
            "enrolled": self.enrolled,
            "campaigns": list(self.campaigns),
            "pending_uploads": self.pending_uploads,
            "needs_attention": len(self.needs_attention),
            "last_sync": self.last_sync.isoformat() if self.last_sync else None,
            "clearance": {
                "valid": c.valid,
                "expires_at": c.expires_at.isoformat() if c.expires_at else None,
                "offline_until": c.offline_deadline.isoformat() if c.offline_deadline else None,
                "reason": c.reason,
                "missing": list(c.missing),
            },
        }


def collect(conn: Connection, now: datetime) -> WorkspaceStatus:
    meta = meta_store.get_meta_many(conn, ("org_name", "last_sync", "device_id"))
    campaigns = []
    purposes = set()
    for campaign in campaign_store.list_campaigns(conn):
        counts = contact_store.status_counts(conn, campaign.id)
        campaigns.append(
            {
                "id": campaign.id,
                "title": campaign.title,
                "purpose": campaign.purpose,
                "contacts": sum(counts.values()),
                "open": counts.get("open", 0),
            }
        )
        purposes.add(campaign.purpose)
    purpose = sorted(purposes)[0] if purposes else "invitation"
    attention = tuple(NeedsAttention(*row) for row in outbox_store.rejected_items(conn))
    return WorkspaceStatus(
        org=meta.get("org_name", ""),
        enrolled="device_id" in meta,
        pending_uploads=outbox_store.pending_count(conn),
        last_sync=from_db(meta.get("last_sync")),
        needs_attention=attention,
        campaigns=tuple(campaigns),
        clearance=clearance_gate.check(conn, purpose, now),
    )
