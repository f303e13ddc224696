"""Shared helpers for the clearance tests (sync/core/clearance.py): keys, factories, strategies, settings."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from sync.core import clearance as c

# The mutation runner (scripts/mutate.py) sets MUTATION=1: fixed examples, no example database.
MUTATION = os.environ.get("MUTATION") == "1"
SETTINGS = settings(
    max_examples=int(os.environ.get("CLEARANCE_EXAMPLES", "40" if MUTATION else "60")),
    deadline=None,
    derandomize=MUTATION,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)

T0 = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
SKEW = c.DEFAULT_SKEW
MICRO = timedelta(microseconds=1)
SECOND = timedelta(seconds=1)

# Fixed keys keep the tests deterministic (and the golden vector stable).
KEY = c.load_signing_key(bytes(range(1, 33)))
OTHER_KEY = c.load_signing_key(bytes(range(101, 133)))
PINNED = c.pin_keys(KEY.public_bytes())

ORG, PERSON, DEVICE, PURPOSE = "org-1", "person-1", "device-1", "invitation"


def claims(**overrides) -> c.ClearanceClaims:
    """A valid clearance from T0 for 7 days; override any field."""
    fields = {
        "clearance_id": "clr-1",
        "kid": KEY.kid,
        "person_id": PERSON,
        "device_id": DEVICE,
        "org_id": ORG,
        "purposes": [PURPOSE, "survey"],
        "resolution_id": "res-1",
        "role": "lead",
        "issued_at": T0,
        "not_before": T0,
        "expires_at": T0 + timedelta(days=7),
    }
    fields.update(overrides)
    return c.ClearanceClaims(**fields)


def claims_dict(**overrides) -> dict:
    """The JSON form of claims(), for hand-made (forged or non-canonical) payloads."""
    data = claims().model_dump(mode="json")
    data.update(overrides)
    return data


def revocations(**overrides) -> c.RevocationList:
    fields = {"version": 5, "org_id": ORG, "issued_at": T0, "expires_at": T0 + timedelta(days=3)}
    fields.update(overrides)
    return c.RevocationList(**fields)


def verified(rl: c.RevocationList | None = None, *, key=KEY, now=T0) -> c.VerifiedRevocationList:
    rl = rl or revocations()
    return c.verify_revocations(
        key.sign_revocations(rl), pinned=PINNED, org_id=rl.org_id, now=now, previous_version=None
    )


def check(signed: c.SignedClearance, **overrides) -> c.ClearanceClaims:
    """verify_clearance with the matching context; override any keyword."""
    kwargs = {
        "pinned": PINNED,
        "person_id": PERSON,
        "device_id": DEVICE,
        "org_id": ORG,
        "purpose": PURPOSE,
        "now": T0,
        "revocations": verified(),
    }
    kwargs.update(overrides)
    return c.verify_clearance(signed, **kwargs)


def sign_raw(payload: bytes, *, key=KEY, domain=c.CLEARANCE_DOMAIN, kid=None, cls=c.SignedClearance):
    """Sign arbitrary bytes like the central office would: for payloads the models would never produce."""
    sig = key._private.sign(domain + payload)
    return cls.model_construct(kid=kid or key.kid, payload=c._b64encode(payload), sig=c._b64encode(sig))


def reason(fn, *args, **kwargs) -> c.Reason:
    """Run a verification that must fail and return its reason."""
    try:
        fn(*args, **kwargs)
    except c.ClearanceInvalid as exc:
        return exc.reason
    raise AssertionError("accepted, but should have been refused")


# Strategies -------------------------------------------------------------------------------------------------

ids = st.from_regex(c.ID_PATTERN, fullmatch=True)
times = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
).map(lambda t: t.replace(microsecond=0))


@st.composite
def valid_claims(draw) -> c.ClearanceClaims:
    issued = draw(times)
    not_before = issued + draw(st.timedeltas(timedelta(0), timedelta(days=3)))
    expires = not_before + draw(st.timedeltas(SECOND, c.MAX_CLEARANCE_LIFETIME - (not_before - issued)))
    return c.ClearanceClaims(
        clearance_id=draw(ids),
        kid=KEY.kid,
        person_id=draw(ids),
        device_id=draw(ids),
        org_id=draw(ids),
        purposes=draw(st.lists(ids, min_size=1, max_size=4)),
        resolution_id=draw(ids),
        role=draw(st.sampled_from(["lead", "caller"])),
        issued_at=issued,
        not_before=not_before,
        expires_at=expires,
    )
