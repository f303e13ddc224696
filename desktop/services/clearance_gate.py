"""The compliance gate on the PC (DP-11, R7–R9): phone numbers only with a valid signed clearance.

Nothing here trusts a flag in the local database: every check verifies the stored signed clearance and the
signed revocation list against the pinned central-office key, at the trusted time (never earlier than the
high-water mark, R8). The result says in words-to-be what is missing, following the party's letter.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime

from desktop.services.enrolment import Enrolment, trusted_now
from desktop.storage import clearance_store
from desktop.storage.database import Connection
from desktop.storage.meta_store import get_meta
from sync.core import clearance as clr


@dataclass(frozen=True)
class GateStatus:
    valid: bool
    reason: str | None = (
        None  # "not_enrolled", "no_clearance", a sync.core.clearance.Reason value, or a refusal reason
    )
    expires_at: datetime | None = None
    offline_deadline: datetime | None = None  # the latest moment access lasts without another sync
    missing: tuple[str, ...] = ()  # refusal reasons from the central office (no_resolution, no_training, …)
    resolution_id: str | None = None
    details: dict[str, object] = field(default_factory=dict)


def _revocations(conn: Connection, enrolment: Enrolment, now: datetime) -> clr.VerifiedRevocationList | None:
    signed = get_meta(conn, "revocations")
    if signed is None:
        return None
    try:
        return clr.verify_revocations(
            clr.SignedRevocationList.model_validate_json(signed),
            pinned=enrolment.pinned,
            org_id=enrolment.org_id,
            now=now,
            previous_version=None,
        )
    except clr.ClearanceInvalid:
        return None


def _refusals(conn: Connection, purpose: str) -> tuple[str, ...]:
    refusals = get_meta(conn, "clearance_refusals")
    if refusals is None:
        return ()
    reasons: list[str] = []
    for refusal in json.loads(refusals):
        if refusal.get("purpose") in (purpose, None):
            reasons.extend(r for r in refusal.get("reasons", []) if r not in reasons)
    return tuple(reasons)


def check(conn: Connection, purpose: str, system_now: datetime) -> GateStatus:
    """Is there a valid clearance for `purpose` on this device, now?"""
    enrolment = Enrolment.load(conn)
    if enrolment is None:
        return GateStatus(False, "not_enrolled")
    now = trusted_now(conn, system_now)
    revocations = _revocations(conn, enrolment, now)
    last_reason: str | None = None
    for resolution_id, signed in clearance_store.signed_clearances(conn):
        try:
            claims = clr.verify_clearance(
                clr.SignedClearance.model_validate_json(signed),
                pinned=enrolment.pinned,
                person_id=enrolment.server_person_id,
                device_id=enrolment.device_id,
                org_id=enrolment.org_id,
                purpose=purpose,
                now=now,
                revocations=revocations,
            )
        except clr.ClearanceInvalid as exc:
            if last_reason is None or exc.reason is not clr.Reason.PURPOSE_NOT_COVERED:
                last_reason = exc.reason.value
            continue
        assert revocations is not None
        return GateStatus(
            True,
            None,
            claims.expires_at,
            clr.offline_grace_deadline(claims, revocations),
            resolution_id=resolution_id,
        )
    missing = _refusals(conn, purpose)
    if missing:
        return GateStatus(False, missing[0], missing=missing)
    return GateStatus(False, last_reason or "no_clearance")
