"""Volunteers join promptly (design.md step 5): a cleared lead admits them on the spot.

The volunteer chooses their own passphrase (their key slot), reads the confidentiality pledge and signs it
with their typed name. The pledge goes to the central office on the next sync and is confirmed or rejected
there; until then the volunteer calls under the lead's clearance for a bounded provisional period.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from desktop.domain.models import Person, Role, new_id
from desktop.paths import resources_dir
from desktop.services import clearance_gate
from desktop.services.enrolment import trusted_now
from desktop.storage import audit, outbox_store, pledge_store
from desktop.storage.database import Connection
from desktop.storage.timefmt import utcnow
from desktop.storage.workspace import Workspace

PLEDGE_VERSION = "2026-1"
PROVISIONAL = timedelta(days=14)
MIN_PASSPHRASE = 8


class AdmissionRefused(Exception):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = (
            code  # not_a_lead, not_cleared, passphrase_too_short, label_taken, signature, not_confirmed
        )


def pledge_text(lang: str = "de", version: str = PLEDGE_VERSION) -> str:
    path: Path = resources_dir() / "pledge" / f"verpflichtung-{version}.{lang}.txt"
    return path.read_text("utf-8")


@dataclass(frozen=True)
class PledgeStatus:
    allowed: bool
    state: str  # "lead", "confirmed", "provisional", "pending_expired", "rejected", "no_pledge"
    until: datetime | None = None


def admit(
    workspace: Workspace,
    *,
    label: str,
    passphrase: str,
    typed_name: str,
    confirmed: bool,
    purpose: str,
    role: Role = Role.CALLER,
    clock: Callable[[], datetime] = utcnow,
) -> Person:
    """Add a volunteer with their own key slot and signed pledge. Only a cleared lead may do this.

    ``role`` LEAD adds a further call lead on this PC (they sign the pledge like anyone admitted here)."""
    now = clock()
    label = label.strip()
    if workspace.person.role is not Role.LEAD:
        raise AdmissionRefused("not_a_lead")
    if not clearance_gate.check(workspace.conn, purpose, now).valid:
        raise AdmissionRefused("not_cleared")
    if len(passphrase) < MIN_PASSPHRASE:
        raise AdmissionRefused("passphrase_too_short")
    if not label or any(m.label == label for m in workspace.slots.labels()):
        raise AdmissionRefused("label_taken")
    first = label.split()[0].casefold()
    if not typed_name.strip() or not typed_name.strip().casefold().startswith(first):
        raise AdmissionRefused("signature")
    if not confirmed:
        raise AdmissionRefused("not_confirmed")
    person = workspace.add_person(label=label, role=role, passphrase=passphrase, now=now)
    pledge_id = new_id()
    with workspace.transaction() as conn:
        pledge_store.insert_pledge(
            conn,
            pledge_id=pledge_id,
            person_id=person.id,
            admitted_by=workspace.person.id,
            text_version=PLEDGE_VERSION,
            typed_name=typed_name.strip(),
            signed_at=now,
        )
        outbox_store.enqueue(
            conn,
            item_id=pledge_id,
            kind="pledge",
            created_at=now,
            payload={
                "pledge_id": pledge_id,
                "volunteer_id": person.id,
                "volunteer_label": label,
                "text_version": PLEDGE_VERSION,
                "signed_at": now.isoformat(),
            },
        )
        audit.append(
            conn, audit.AuditKind.PERSON_ADDED, at=now, person_id=workspace.person.id, subject=person.id
        )
    return person


def status_of(conn: Connection, person_id: str, role: Role, system_now: datetime) -> PledgeStatus:
    """May this person call? Leads act under their own clearance; volunteers need their pledge (DP-11)."""
    if role is Role.LEAD:
        return PledgeStatus(True, "lead")
    latest = pledge_store.latest_pledge(conn, person_id)
    if latest is None:
        return PledgeStatus(False, "no_pledge")
    status, signed_at = latest
    if status == "confirmed":
        return PledgeStatus(True, "confirmed")
    if status == "rejected":
        return PledgeStatus(False, "rejected")
    until = signed_at + PROVISIONAL
    if trusted_now(conn, system_now) < until:
        return PledgeStatus(True, "provisional", until)
    return PledgeStatus(False, "pending_expired", until)
