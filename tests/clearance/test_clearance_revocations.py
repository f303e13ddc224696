"""R9: revocation lists are signed, versioned (no rollback), short-lived (stale fails closed), and a revoked
clearance, person or device is refused."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sync.core import clearance as c
from sync.core.clearance import Reason
from tests.clearance.clearance_support import (
    DEVICE,
    KEY,
    MICRO,
    ORG,
    OTHER_KEY,
    PERSON,
    PINNED,
    SECOND,
    SETTINGS,
    SKEW,
    T0,
    check,
    claims,
    ids,
    reason,
    revocations,
    sign_raw,
    verified,
)

RL = revocations(revoked_person_ids=["p-9"], revoked_device_ids=["d-9"], revoked_clearance_ids=["c-9"])
SIGNED_RL = KEY.sign_revocations(RL)
GOOD = KEY.sign_clearance(claims())


def vr(signed=SIGNED_RL, **overrides):
    kwargs = {"pinned": PINNED, "org_id": ORG, "now": T0, "previous_version": None}
    kwargs.update(overrides)
    return c.verify_revocations(signed, **kwargs)


def raw_rl(**overrides) -> bytes:
    data = RL.model_dump(mode="json")
    data.update(overrides)
    return json.dumps(data, sort_keys=True, separators=(",", ":")).encode()


# The list itself --------------------------------------------------------------------------------------------


def test_valid_list_is_accepted():
    got = vr()
    assert isinstance(got, c.VerifiedRevocationList) and got._verified
    assert got.model_dump() == RL.model_dump()


@SETTINGS
@given(st.sampled_from(["payload", "sig"]), st.data())
def test_any_flipped_byte_is_refused(field, data):
    raw = bytearray(c._b64decode(getattr(SIGNED_RL, field)))
    i = data.draw(st.integers(0, len(raw) - 1))
    raw[i] ^= data.draw(st.integers(1, 255))
    forged = SIGNED_RL.model_copy(update={field: c._b64encode(bytes(raw))})
    assert reason(vr, forged) == Reason.BAD_SIGNATURE


def test_unknown_key_malformed_and_cross_type_are_refused():
    assert reason(vr, OTHER_KEY.sign_revocations(RL)) == Reason.UNKNOWN_KEY
    assert reason(vr, SIGNED_RL.model_copy(update={"sig": SIGNED_RL.sig + "AAA"})) == Reason.MALFORMED
    as_list = c.SignedRevocationList.model_construct(kid=GOOD.kid, payload=GOOD.payload, sig=GOOD.sig)
    assert reason(vr, as_list) == Reason.BAD_SIGNATURE
    wrong_domain = sign_raw(c._b64decode(SIGNED_RL.payload), cls=c.SignedRevocationList)
    assert reason(vr, wrong_domain) == Reason.BAD_SIGNATURE


@pytest.mark.parametrize(
    "payload",
    [
        raw_rl(revoked_person_ids=["p-9", "a-1"]),  # unsorted
        raw_rl(revoked_device_ids=["d-9", "d-9"]),  # duplicate
        raw_rl(version="5"),
        raw_rl(version=-1),
        raw_rl(version=2**63),
        raw_rl(extra=1),
        raw_rl()[:-1] + b" }",
        raw_rl(expires_at=RL.model_dump(mode="json")["issued_at"]),  # empty window
    ],
)
def test_non_canonical_or_invalid_list_is_refused_even_when_signed(payload):
    signed = sign_raw(payload, domain=c.REVOCATIONS_DOMAIN, cls=c.SignedRevocationList)
    assert reason(vr, signed) in {Reason.MALFORMED, Reason.NON_CANONICAL}


def test_list_of_another_org_is_refused():
    assert reason(vr, org_id="org-2") == Reason.WRONG_ORG


def test_rollback_is_refused_same_or_newer_version_accepted():
    assert vr(previous_version=None).version == 5
    assert vr(previous_version=0).version == 5
    assert vr(previous_version=4).version == 5
    assert vr(previous_version=5).version == 5
    assert reason(vr, previous_version=6) == Reason.REVOCATION_LIST_ROLLBACK


@SETTINGS
@given(st.integers(0, 2**63 - 1), st.integers(0, 2**63 - 1))
def test_version_is_monotonic(version, previous):
    signed = KEY.sign_revocations(revocations(version=version))
    if version < previous:
        assert reason(vr, signed, previous_version=previous) == Reason.REVOCATION_LIST_ROLLBACK
    else:
        assert vr(signed, previous_version=previous).version == version


def test_stale_list_fails_closed():
    exp = RL.expires_at
    vr(now=exp + SKEW - MICRO)
    assert reason(vr, now=exp + SKEW) == Reason.REVOCATION_LIST_STALE
    assert reason(vr, now=exp + SKEW - MICRO, skew=timedelta(0)) == Reason.REVOCATION_LIST_STALE
    with pytest.raises(ValueError):
        vr(skew=c.MAX_SKEW + MICRO)
    with pytest.raises(ValueError):
        vr(now=T0.replace(tzinfo=None))


def test_list_lifetime_is_at_most_7_days():
    assert timedelta(days=7) == c.MAX_REVOCATION_LIFETIME
    KEY.sign_revocations(revocations(expires_at=T0 + timedelta(days=7)))
    with pytest.raises(c.ClearanceInvalid) as exc:
        KEY.sign_revocations(revocations(expires_at=T0 + timedelta(days=7) + SECOND))
    assert exc.value.reason == Reason.LIFETIME_TOO_LONG
    issued = RL.model_dump(mode="json")["issued_at"]
    ok = sign_raw(
        raw_rl(expires_at=issued + 7 * 86400), domain=c.REVOCATIONS_DOMAIN, cls=c.SignedRevocationList
    )
    vr(ok)
    long = sign_raw(
        raw_rl(expires_at=issued + 7 * 86400 + 1), domain=c.REVOCATIONS_DOMAIN, cls=c.SignedRevocationList
    )
    assert reason(vr, long) == Reason.LIFETIME_TOO_LONG


def test_envelope_size_limit():
    c.SignedRevocationList(kid=KEY.kid, payload="A" * c.MAX_REVOCATIONS_PAYLOAD_CHARS, sig="A" * 86)
    with pytest.raises(c.ValidationError):
        c.SignedRevocationList(kid=KEY.kid, payload="A" * (c.MAX_REVOCATIONS_PAYLOAD_CHARS + 1), sig="A" * 86)


# The list in verify_clearance -------------------------------------------------------------------------------


def test_missing_list_fails_closed():
    assert reason(check, GOOD, revocations=None) == Reason.REVOCATION_LIST_MISSING


def test_unverified_list_counts_as_missing():
    assert reason(check, GOOD, revocations=revocations()) == Reason.REVOCATION_LIST_MISSING
    unchecked = c.VerifiedRevocationList(**revocations().model_dump())
    assert reason(check, GOOD, revocations=unchecked) == Reason.REVOCATION_LIST_MISSING


def test_list_of_another_org_counts_as_missing():
    other = verified(revocations(org_id="org-2"))
    assert reason(check, GOOD, revocations=other) == Reason.REVOCATION_LIST_MISSING


def test_list_that_went_stale_since_it_was_verified_fails_closed():
    rl = verified(revocations(expires_at=T0 + timedelta(days=1)))
    check(GOOD, revocations=rl, now=rl.expires_at + SKEW - MICRO)
    assert reason(check, GOOD, revocations=rl, now=rl.expires_at + SKEW) == Reason.REVOCATION_LIST_STALE


@pytest.mark.parametrize(
    "field, value",
    [("revoked_clearance_ids", "clr-1"), ("revoked_person_ids", PERSON), ("revoked_device_ids", DEVICE)],
)
def test_revoked_clearance_person_or_device_is_refused(field, value):
    rl = verified(revocations(**{field: ["a-0", value, "z-9"]}))
    assert reason(check, GOOD, revocations=rl) == Reason.REVOKED


@SETTINGS
@given(
    st.lists(ids | st.just("clr-1"), max_size=4),
    st.lists(ids | st.just(PERSON), max_size=4),
    st.lists(ids | st.just(DEVICE), max_size=4),
)
def test_refused_exactly_when_something_of_it_is_revoked(cids, pids, dids):
    rl = verified(revocations(revoked_clearance_ids=cids, revoked_person_ids=pids, revoked_device_ids=dids))
    if "clr-1" in cids or PERSON in pids or DEVICE in dids:
        assert reason(check, GOOD, revocations=rl) == Reason.REVOKED
    else:
        assert check(GOOD, revocations=rl) == claims()


def test_ids_of_the_wrong_kind_do_not_revoke():
    """A person id in the device list (or the like) must not be confused across kinds."""
    rl = verified(
        revocations(
            revoked_clearance_ids=[PERSON, DEVICE],
            revoked_person_ids=["clr-1", DEVICE],
            revoked_device_ids=["clr-1", PERSON],
        )
    )
    assert check(GOOD, revocations=rl) == claims()


def test_golden_vector_pins_the_list_wire_format():
    signed = KEY.sign_revocations(revocations())
    assert c._b64decode(signed.payload) == (
        b'{"expires_at":1741089600,"issued_at":1740830400,"org_id":"org-1","revoked_clearance_ids":[],'
        b'"revoked_device_ids":[],"revoked_person_ids":[],"version":5}'
    )
    assert signed.sig == (
        "P4Cv0N1EetRx-Zy73T4P-R2G_9EKuL_kmNsFNP7enSajTn54tgLp5FJC6INm2Fm7e6RPYreFiyWyD2HMdOhXBQ"
    )


def test_version_bounds():
    assert vr(KEY.sign_revocations(revocations(version=2**63 - 1))).version == 2**63 - 1
    assert vr(KEY.sign_revocations(revocations(version=0))).version == 0
    with pytest.raises(c.ValidationError):
        revocations(version=2**63)
    with pytest.raises(c.ValidationError):
        revocations(version=-1)


def test_list_envelope_limits():
    """The list may be large (many revoked ids), but not unbounded; the signature is exactly 86 characters."""
    limit = 8_000_000
    c.SignedRevocationList(kid=KEY.kid, payload="A" * limit, sig="A" * 86)
    with pytest.raises(c.ValidationError):
        c.SignedRevocationList(kid=KEY.kid, payload="A" * (limit + 1), sig="A" * 86)
    with pytest.raises(c.ValidationError):
        c.SignedRevocationList(kid=KEY.kid, payload=SIGNED_RL.payload, sig=SIGNED_RL.sig + "A")
    with pytest.raises(c.ValidationError):
        c.SignedRevocationList(kid=KEY.kid, payload=SIGNED_RL.payload + "=", sig=SIGNED_RL.sig)
    assert c.SignedRevocationList.model_validate_json(SIGNED_RL.model_dump_json()) == SIGNED_RL
