"""Clearance and revocation signing (DP-11, R9): the central office's Ed25519 keys, the clearance rule that
decides who may call for which purpose, and the signed revocation list every device pulls.
"""

from __future__ import annotations

import base64
from datetime import datetime, time, timedelta
from typing import Any

from sqlalchemy import insert, or_, select
from sqlalchemy.engine import Connection, Row

from sync.core import clearance as clr
from sync.core import protocol as p
from sync.server import db
from sync.server.commands import revocation_version
from sync.server.common import LOCAL_TZ, Device, OfficePart, audit

CLEARANCE_LIFETIME = timedelta(days=7)
REVOCATION_LIST_LIFETIME = timedelta(days=3)


class Signing(OfficePart):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._key: clr.SigningKey | None = None

    # ----------------------------------------------------------------------------------------------- keys

    def signing_key(self) -> clr.SigningKey:
        """The active Ed25519 signing key, generated on first use. The private key is never logged."""
        if self._key is None:
            with self.engine.begin() as conn:
                row = conn.execute(
                    select(db.signing_keys.c.private_key)
                    .where(db.signing_keys.c.active)
                    .order_by(db.signing_keys.c.created_at, db.signing_keys.c.kid)
                ).first()
                if row is None:
                    key = clr.generate_signing_key()
                    conn.execute(
                        insert(db.signing_keys).values(
                            kid=key.kid,
                            private_key=key.private_bytes(),
                            public_key=key.public_bytes(),
                            created_at=self.clock(),
                            active=True,
                        )
                    )
                    audit(conn, self.clock(), "key.generate", key.kid, source="server")
                else:
                    key = clr.load_signing_key(row.private_key)
            self._key = key
        return self._key

    def pinned_keys(self) -> list[p.PinnedKey]:
        self.signing_key()
        with self.engine.begin() as conn:
            rows = conn.execute(
                select(db.signing_keys.c.kid, db.signing_keys.c.public_key)
                .where(db.signing_keys.c.active)
                .order_by(db.signing_keys.c.kid)
            ).all()
        return [
            p.PinnedKey(
                kid=row.kid, public_key=base64.urlsafe_b64encode(row.public_key).rstrip(b"=").decode()
            )
            for row in rows
        ]

    # ----------------------------------------------------------------------------------------------- clearances

    def clearances_for(
        self, conn: Connection, device: Device, now: datetime
    ) -> tuple[list[p.ClearanceGrant], list[p.ClearanceRefusal]]:
        """Issue (or reuse) clearances for the device's person, or say why not (DP-11)."""
        chosen, refusals = self._decide(conn, device, now)
        grants = [self._grant(conn, device, r, now) for r in chosen]
        return grants, refusals

    def covered_purposes(self, conn: Connection, device: Device, now: datetime) -> set[str]:
        """The purposes the device's person holds a clearance for now, as ``clearances_for`` would grant them
        (the union of the grants' purposes), without issuing anything: what the central office may send to
        or lease to the device (DP-11)."""
        chosen, _ = self._decide(conn, device, now)
        return {purpose for r in chosen for purpose in r.purposes}

    def _decide(
        self, conn: Connection, device: Device, now: datetime
    ) -> tuple[list[Row[Any]], list[p.ClearanceRefusal]]:
        """The clearance rule: the resolutions a clearance is granted on, and the refusals with their reasons."""
        today = now.astimezone(LOCAL_TZ).date()
        person = conn.execute(select(db.persons).where(db.persons.c.id == device.person_id)).one()
        trained = conn.execute(
            select(db.trainings.c.id).where(
                db.trainings.c.person_id == person.id, db.trainings.c.completed_on <= today
            )
        ).first()
        declared = conn.execute(
            select(db.declarations.c.id).where(
                db.declarations.c.person_id == person.id, db.declarations.c.signed_on <= today
            )
        ).first()
        resolutions = conn.execute(
            select(db.resolutions).where(db.resolutions.c.org_id == device.org_id)
        ).all()
        mine = set(
            conn.execute(
                select(db.resolution_persons.c.resolution_id).where(
                    db.resolution_persons.c.person_id == person.id
                )
            ).scalars()
        )
        valid = [r for r in resolutions if r.decided_on <= today <= r.valid_until]
        purposes = set(
            conn.execute(
                select(db.campaigns.c.purpose).where(
                    db.campaigns.c.org_id == device.org_id,
                    or_(db.campaigns.c.ends_on.is_(None), db.campaigns.c.ends_on >= today),
                )
            ).scalars()
        )
        purposes |= {pp for r in valid if r.id in mine for pp in r.purposes}

        chosen: dict[str, Row[Any]] = {}
        refusals = []
        for purpose in sorted(purposes) or [None]:
            reasons = []
            if person.clearance_revoked_at is not None:
                reasons.append(p.ClearanceReason.REVOKED)
            covering = [r for r in resolutions if purpose is None or purpose in r.purposes]
            usable = [r for r in valid if r in covering and r.id in mine]
            if not covering:
                reasons.append(p.ClearanceReason.NO_RESOLUTION)
            elif not any(r in covering for r in valid):
                reasons.append(p.ClearanceReason.RESOLUTION_EXPIRED)
            elif not usable:
                reasons.append(p.ClearanceReason.NOT_RESPONSIBLE)
            if trained is None:
                reasons.append(p.ClearanceReason.NO_TRAINING)
            if declared is None:
                reasons.append(p.ClearanceReason.NO_DECLARATION)
            if reasons:
                refusals.append(p.ClearanceRefusal(purpose=purpose, reasons=reasons))
            else:
                best = max(usable, key=lambda r: (r.valid_until, r.id))
                chosen[best.id] = best
        return list(chosen.values()), refusals

    def _grant(
        self, conn: Connection, device: Device, resolution: Row[Any], now: datetime
    ) -> p.ClearanceGrant:
        c = db.clearances
        purposes = sorted(resolution.purposes)
        reusable = conn.execute(
            select(c.c.signed)
            .where(
                c.c.device_id == device.id,
                c.c.person_id == device.person_id,
                c.c.resolution_id == resolution.id,
                c.c.revoked_at.is_(None),
                c.c.expires_at > now + CLEARANCE_LIFETIME / 2,
            )
            .order_by(c.c.expires_at.desc())
        ).first()
        if reusable is not None:
            signed = clr.SignedClearance.model_validate(reusable.signed)
        else:
            end_of_validity = datetime.combine(resolution.valid_until + timedelta(days=1), time(), LOCAL_TZ)
            key, clearance_id = self.signing_key(), db.new_id()
            claims = clr.ClearanceClaims(
                clearance_id=clearance_id,
                kid=key.kid,
                person_id=device.person_id,
                device_id=device.id,
                org_id=device.org_id,
                purposes=tuple(purposes),
                resolution_id=resolution.id,
                role="lead",
                issued_at=now,
                not_before=now,
                expires_at=min(now + CLEARANCE_LIFETIME, end_of_validity),
            )
            signed = key.sign_clearance(claims)
            conn.execute(
                insert(c).values(
                    id=clearance_id,
                    org_id=device.org_id,
                    person_id=device.person_id,
                    device_id=device.id,
                    resolution_id=resolution.id,
                    purposes=purposes,
                    issued_at=claims.issued_at,
                    expires_at=claims.expires_at,
                    signed=signed.model_dump(mode="json"),
                )
            )
            audit(
                conn,
                now,
                "clearance.issue",
                clearance_id,
                device.person_id,
                resolution.id,
                org_id=device.org_id,
                device_id=device.id,
                source="server",
            )
        return p.ClearanceGrant(resolution_id=resolution.id, purposes=purposes, clearance=signed)

    def revocation_list(self, conn: Connection, org_id: str, now: datetime) -> clr.SignedRevocationList:
        version = revocation_version(conn, org_id)
        c = db.clearances
        revoked_clearances = (
            conn.execute(
                select(c.c.id).where(c.c.org_id == org_id, c.c.revoked_at.is_not(None), c.c.expires_at > now)
            )
            .scalars()
            .all()
        )
        revoked_persons = (
            conn.execute(
                select(db.persons.c.id).where(
                    db.persons.c.org_id == org_id, db.persons.c.clearance_revoked_at.is_not(None)
                )
            )
            .scalars()
            .all()
        )
        revoked_devices = (
            conn.execute(
                select(db.devices.c.id).where(
                    db.devices.c.org_id == org_id, db.devices.c.revoked_at.is_not(None)
                )
            )
            .scalars()
            .all()
        )
        return self.signing_key().sign_revocations(
            clr.RevocationList(
                version=version,
                org_id=org_id,
                issued_at=now,
                expires_at=now + REVOCATION_LIST_LIFETIME,
                revoked_clearance_ids=tuple(revoked_clearances),
                revoked_person_ids=tuple(revoked_persons),
                revoked_device_ids=tuple(revoked_devices),
            )
        )
