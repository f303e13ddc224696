"""Clearances (Freigaben) and revocation lists: signing at the central office, offline checks on the PC.

design.md step 3, reliability-security.md R7–R9, data-protection.md DP-11.

A clearance says "person P of org O may run campaigns for purposes X under resolution R on device D from
T0 until T1". The central office signs it with Ed25519; the desktop app checks it offline against pinned
public keys and shows phone numbers only while the check passes. A signed, short-lived revocation list with a
monotonic version carries revocations to every PC; without a fresh one, access fails closed.

Wire format (one canonical encoding, nothing to negotiate):

    SignedClearance / SignedRevocationList = {"kid": <16 hex>, "payload": <b64url>, "sig": <b64url>}

- ``payload`` is the compact JSON of the claims: sorted keys, no whitespace, ASCII only, times as integer
  UTC seconds, id lists sorted and without duplicates. Base64url without padding.
- ``sig`` is Ed25519 over ``DOMAIN + payload bytes``; the domain string differs for clearances and revocation
  lists, so one can never pass for the other. There is no algorithm field: the key id names a pinned
  Ed25519 key and nothing else is accepted.
- Verification checks the signature over the exact payload bytes before parsing anything, then parses,
  then re-encodes and compares byte for byte: a payload is accepted only in its single canonical form.

Time: callers pass ``now = effective_now(system_now, high_water)`` (the trusted clock below), so setting the
PC clock back never extends access (R8). The signed ``issued_at`` of the revocation list is server time and is
used as a floor for ``now`` as well.

No Qt, no desktop imports, no I/O.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Annotated, Literal, TypeAlias, TypeVar

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    PrivateAttr,
    StringConstraints,
    ValidationError,
    model_validator,
)

# ----------------------------------------------------------------------------------------------------
# Limits

MAX_CLEARANCE_LIFETIME = timedelta(days=14)  # expires_at - issued_at, checked when signing and when verifying
MAX_REVOCATION_LIFETIME = timedelta(days=7)  # a revocation list older than this is stale: fail closed
DEFAULT_SKEW = timedelta(minutes=5)  # tolerated clock difference between PC and central office
MAX_SKEW = timedelta(hours=1)  # callers cannot widen the window further

# Domain separation: the signed message is DOMAIN + payload.
CLEARANCE_DOMAIN = b"telefonaktion/clearance/v1\x00"
REVOCATIONS_DOMAIN = b"telefonaktion/revocations/v1\x00"

# Upper bounds for the base64 text, checked before anything is decoded.
MAX_CLEARANCE_PAYLOAD_CHARS = 8_192
MAX_REVOCATIONS_PAYLOAD_CHARS = 8_000_000

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_ONE_SECOND = timedelta(seconds=1)


# ----------------------------------------------------------------------------------------------------
# Errors


class Reason(StrEnum):
    """Why a clearance or revocation list was refused. Values are stable: logs and the UI key on them."""

    UNKNOWN_KEY = "unknown_key"
    MALFORMED = "malformed"
    BAD_SIGNATURE = "bad_signature"
    NON_CANONICAL = "non_canonical"
    LIFETIME_TOO_LONG = "lifetime_too_long"
    WRONG_ORG = "wrong_org"
    WRONG_PERSON = "wrong_person"
    WRONG_DEVICE = "wrong_device"
    PURPOSE_NOT_COVERED = "purpose_not_covered"
    NOT_YET_VALID = "not_yet_valid"
    EXPIRED = "expired"
    REVOKED = "revoked"
    REVOCATION_LIST_MISSING = "revocation_list_missing"
    REVOCATION_LIST_STALE = "revocation_list_stale"
    REVOCATION_LIST_ROLLBACK = "revocation_list_rollback"


class ClearanceInvalid(Exception):
    """A clearance or revocation list must not be trusted. ``reason`` says why; no personal data in it."""

    def __init__(self, reason: Reason) -> None:
        super().__init__(reason.value)
        self.reason = reason


# ----------------------------------------------------------------------------------------------------
# Field types


def _to_utc_seconds(value: object) -> datetime:
    """An aware datetime (normalised to UTC, whole seconds) or integer UTC seconds (the wire form)."""
    if isinstance(value, datetime):
        if value.utcoffset() is None:
            raise ValueError("naive datetime: give a timezone")
        return value.astimezone(UTC).replace(microsecond=0)
    if isinstance(value, int) and not isinstance(value, bool):
        try:
            return _EPOCH + value * _ONE_SECOND
        except OverflowError:
            raise ValueError("timestamp out of range") from None
    raise ValueError("expected an aware datetime or integer seconds")


def _to_seconds(value: datetime) -> int:
    return (value - _EPOCH) // _ONE_SECOND


UtcTime = Annotated[
    datetime,
    PlainValidator(_to_utc_seconds, json_schema_input_type=int),
    PlainSerializer(_to_seconds, return_type=int, when_used="json"),
]

# Ids: ASCII, no whitespace, nothing JSON would escape. Fits UUIDs and the purpose ids of sync/core/purposes.py.
ID_PATTERN = r"[A-Za-z0-9][A-Za-z0-9._:@+-]{0,127}"
Id = Annotated[str, StringConstraints(pattern=f"^{ID_PATTERN}$")]
Kid = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{16}$")]


def _sorted_unique(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(set(values)))


# Id sets are stored sorted and without duplicates: their canonical form.
IdSet = Annotated[tuple[Id, ...], AfterValidator(_sorted_unique)]

_FROZEN = ConfigDict(frozen=True, extra="forbid")


# ----------------------------------------------------------------------------------------------------
# Models


class ClearanceClaims(BaseModel):
    """What a clearance states. Times are aware datetimes (UTC, whole seconds); lists are sorted, unique."""

    model_config = _FROZEN

    v: Literal[1] = 1
    clearance_id: Id
    kid: Kid  # key that signs it: SigningKey.kid
    person_id: Id
    device_id: Id
    org_id: Id
    purposes: Annotated[IdSet, Field(min_length=1)]
    resolution_id: Id
    role: Literal["lead", "caller"]
    issued_at: UtcTime
    not_before: UtcTime
    expires_at: UtcTime

    @model_validator(mode="after")
    def _ordered(self) -> ClearanceClaims:
        if not self.issued_at <= self.not_before < self.expires_at:
            raise ValueError("need issued_at <= not_before < expires_at")
        return self


class RevocationList(BaseModel):
    """Revoked clearances, persons and devices of one organisation. ``version`` only ever grows."""

    model_config = _FROZEN

    version: Annotated[int, Field(ge=0, le=2**63 - 1)]
    org_id: Id
    issued_at: UtcTime
    expires_at: UtcTime
    revoked_clearance_ids: IdSet = ()
    revoked_person_ids: IdSet = ()
    revoked_device_ids: IdSet = ()

    @model_validator(mode="after")
    def _ordered(self) -> RevocationList:
        if not self.issued_at < self.expires_at:
            raise ValueError("need issued_at < expires_at")
        return self


class VerifiedRevocationList(RevocationList):
    """A revocation list that passed verify_revocations (signature, org, version, freshness).

    verify_clearance accepts only these. The flag guards against passing an unchecked list by mistake; it is
    not a barrier against code running in the same process.
    """

    _verified: bool = PrivateAttr(default=False)


_B64 = r"^[A-Za-z0-9_-]*$"


class SignedClearance(BaseModel):
    model_config = _FROZEN

    kid: Kid
    payload: Annotated[str, StringConstraints(pattern=_B64, max_length=MAX_CLEARANCE_PAYLOAD_CHARS)]
    sig: Annotated[str, StringConstraints(pattern=_B64, max_length=86)]


class SignedRevocationList(BaseModel):
    model_config = _FROZEN

    kid: Kid
    payload: Annotated[str, StringConstraints(pattern=_B64, max_length=MAX_REVOCATIONS_PAYLOAD_CHARS)]
    sig: Annotated[str, StringConstraints(pattern=_B64, max_length=86)]


# ----------------------------------------------------------------------------------------------------
# Encoding


def canonical_bytes(model: BaseModel) -> bytes:
    """The one encoding that is signed: sorted keys, compact, ASCII, times as integer seconds."""
    return json.dumps(
        model.model_dump(mode="json"),
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=True,
        allow_nan=False,
    ).encode("ascii")


def _b64encode(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _b64decode(text: str) -> bytes:
    """Strict base64url without padding: anything that does not re-encode to ``text`` is refused."""
    raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))  # ValueError on bad length or non-ASCII
    if _b64encode(raw) != text:  # stray characters, padding, non-zero trailing bits
        raise ValueError("non-canonical base64url")
    return raw


# ----------------------------------------------------------------------------------------------------
# Keys

PinnedKeys: TypeAlias = dict[str, bytes]  # kid -> raw 32-byte Ed25519 public key


def kid_for(public_bytes: bytes) -> str:
    """Key id: the first 16 hex digits of SHA-256 over the raw public key."""
    return hashlib.sha256(public_bytes).hexdigest()[:16]


def pin_keys(*public_keys: bytes) -> PinnedKeys:
    """Build the pinned-key dict from raw public keys (raises ValueError on a key that is not Ed25519)."""
    for public in public_keys:
        Ed25519PublicKey.from_public_bytes(public)
    return {kid_for(public): public for public in public_keys}


class SigningKey:
    """The central office's Ed25519 signing key. Never leaves the server."""

    def __init__(self, private: Ed25519PrivateKey) -> None:
        self._private = private
        self._public = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        self.kid = kid_for(self._public)

    def __repr__(self) -> str:  # never print the private key
        return f"SigningKey(kid={self.kid!r})"

    def public_bytes(self) -> bytes:
        return self._public

    def private_bytes(self) -> bytes:
        return self._private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())

    def sign_clearance(self, claims: ClearanceClaims) -> SignedClearance:
        """ValueError if claims.kid is not this key; ClearanceInvalid(lifetime_too_long) if over 14 days."""
        if claims.kid != self.kid:
            raise ValueError(f"claims.kid {claims.kid!r} is not this key ({self.kid!r})")
        _check_lifetime(claims.issued_at, claims.expires_at, MAX_CLEARANCE_LIFETIME)
        payload = canonical_bytes(claims)
        sig = self._private.sign(CLEARANCE_DOMAIN + payload)
        return SignedClearance(kid=self.kid, payload=_b64encode(payload), sig=_b64encode(sig))

    def sign_revocations(self, rl: RevocationList) -> SignedRevocationList:
        """Raises ClearanceInvalid(lifetime_too_long) if the list would live longer than 7 days."""
        _check_lifetime(rl.issued_at, rl.expires_at, MAX_REVOCATION_LIFETIME)
        payload = canonical_bytes(rl)
        sig = self._private.sign(REVOCATIONS_DOMAIN + payload)
        return SignedRevocationList(kid=self.kid, payload=_b64encode(payload), sig=_b64encode(sig))


def generate_signing_key() -> SigningKey:
    return SigningKey(Ed25519PrivateKey.generate())


def load_signing_key(private_bytes: bytes) -> SigningKey:
    """From the 32 raw bytes of ``SigningKey.private_bytes()`` (ValueError otherwise)."""
    return SigningKey(Ed25519PrivateKey.from_private_bytes(private_bytes))


# ----------------------------------------------------------------------------------------------------
# Verification

_M = TypeVar("_M", bound=BaseModel)


def _check_lifetime(issued_at: datetime, expires_at: datetime, limit: timedelta) -> None:
    if expires_at - issued_at > limit:
        raise ClearanceInvalid(Reason.LIFETIME_TOO_LONG)


def _check_time_args(now: datetime, skew: timedelta) -> None:
    """Programming errors, not verdicts: a naive clock or a skew outside [0, MAX_SKEW]."""
    if now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    if not timedelta(0) <= skew <= MAX_SKEW:
        raise ValueError(f"skew must be between 0 and {MAX_SKEW}")


def _open(
    signed: SignedClearance | SignedRevocationList, pinned: PinnedKeys, domain: bytes, model: type[_M]
) -> _M:
    """Key lookup, signature over the exact payload bytes, then parse, then the canonical-form check."""
    public = pinned.get(signed.kid)
    if public is None or kid_for(public) != signed.kid:  # a mislabelled pin counts as unknown
        raise ClearanceInvalid(Reason.UNKNOWN_KEY)
    try:
        key = Ed25519PublicKey.from_public_bytes(public)
    except ValueError:
        raise ClearanceInvalid(Reason.UNKNOWN_KEY) from None
    try:
        payload = _b64decode(signed.payload)
        sig = _b64decode(signed.sig)
    except ValueError:
        raise ClearanceInvalid(Reason.MALFORMED) from None
    try:
        key.verify(sig, domain + payload)
    except InvalidSignature:
        raise ClearanceInvalid(Reason.BAD_SIGNATURE) from None
    # Only signed bytes get this far.
    try:
        parsed = model.model_validate_json(payload)
    except ValidationError:
        raise ClearanceInvalid(Reason.MALFORMED) from None
    if canonical_bytes(parsed) != payload:
        raise ClearanceInvalid(Reason.NON_CANONICAL)
    return parsed


def verify_revocations(
    signed: SignedRevocationList,
    *,
    pinned: PinnedKeys,
    org_id: str,
    now: datetime,
    previous_version: int | None,
    skew: timedelta = DEFAULT_SKEW,
) -> VerifiedRevocationList:
    """Check a revocation list offline (R9). ``previous_version``: highest version accepted before, or None.

    The same version again is accepted (a repeated pull); a lower one is a rollback. The caller stores the
    returned version as the next ``previous_version``.
    """
    _check_time_args(now, skew)
    rl = _open(signed, pinned, REVOCATIONS_DOMAIN, VerifiedRevocationList)
    _check_lifetime(rl.issued_at, rl.expires_at, MAX_REVOCATION_LIFETIME)
    if rl.org_id != org_id:
        raise ClearanceInvalid(Reason.WRONG_ORG)
    if previous_version is not None and rl.version < previous_version:
        raise ClearanceInvalid(Reason.REVOCATION_LIST_ROLLBACK)
    if now >= rl.expires_at + skew:
        raise ClearanceInvalid(Reason.REVOCATION_LIST_STALE)
    rl._verified = True
    return rl


def verify_clearance(
    signed: SignedClearance,
    *,
    pinned: PinnedKeys,
    person_id: str,
    device_id: str,
    org_id: str,
    purpose: str,
    now: datetime,
    revocations: VerifiedRevocationList | None,
    skew: timedelta = DEFAULT_SKEW,
) -> ClearanceClaims:
    """Check a clearance offline (R7) and return its claims, or raise ClearanceInvalid.

    ``now`` should be ``effective_now(system_now, high_water)``. The clearance is valid from
    ``not_before - skew`` up to (not including) ``expires_at + skew``. A missing or stale revocation list
    fails closed.
    """
    _check_time_args(now, skew)
    claims = _open(signed, pinned, CLEARANCE_DOMAIN, ClearanceClaims)
    if claims.kid != signed.kid:
        raise ClearanceInvalid(Reason.MALFORMED)
    _check_lifetime(claims.issued_at, claims.expires_at, MAX_CLEARANCE_LIFETIME)

    if claims.org_id != org_id:
        raise ClearanceInvalid(Reason.WRONG_ORG)
    if claims.person_id != person_id:
        raise ClearanceInvalid(Reason.WRONG_PERSON)
    if claims.device_id != device_id:
        raise ClearanceInvalid(Reason.WRONG_DEVICE)
    if purpose not in claims.purposes:
        raise ClearanceInvalid(Reason.PURPOSE_NOT_COVERED)

    rl = revocations
    if not isinstance(rl, VerifiedRevocationList) or not rl._verified or rl.org_id != org_id:
        raise ClearanceInvalid(Reason.REVOCATION_LIST_MISSING)
    now = max(now, rl.issued_at)  # signed server time: the real time is at least this (R8)

    if now < claims.not_before - skew:
        raise ClearanceInvalid(Reason.NOT_YET_VALID)
    if now >= claims.expires_at + skew:
        raise ClearanceInvalid(Reason.EXPIRED)
    if now >= rl.expires_at + skew:
        raise ClearanceInvalid(Reason.REVOCATION_LIST_STALE)
    if (
        claims.clearance_id in rl.revoked_clearance_ids
        or claims.person_id in rl.revoked_person_ids
        or claims.device_id in rl.revoked_device_ids
    ):
        raise ClearanceInvalid(Reason.REVOKED)
    return claims


# ----------------------------------------------------------------------------------------------------
# Trusted time (R8) and the offline deadline


def _require_aware(value: datetime) -> None:
    if value.utcoffset() is None:
        raise ValueError("timezone-aware datetime required")


def effective_now(system_now: datetime, high_water: datetime | None) -> datetime:
    """The time to check against: never earlier than the high-water mark of trusted time."""
    _require_aware(system_now)
    if high_water is None:
        return system_now
    return max(system_now, high_water)


def advance(high_water: datetime | None, observed: datetime) -> datetime:
    """The new high-water mark after observing a trusted time (server time at sync, a verified list's
    issued_at, the app's own clock readings). It never moves backwards."""
    _require_aware(observed)
    if high_water is None:
        return observed
    return max(high_water, observed)


@dataclass(frozen=True)
class TrustedClock:
    """The high-water mark as a value; the app persists ``high_water`` and rebuilds the clock from it."""

    high_water: datetime | None = None

    def now(self, system_now: datetime) -> datetime:
        return effective_now(system_now, self.high_water)

    def observe(self, observed: datetime) -> TrustedClock:
        return TrustedClock(advance(self.high_water, observed))


def offline_grace_deadline(
    claims: ClearanceClaims, revocation_list: RevocationList, skew: timedelta = DEFAULT_SKEW
) -> datetime:
    """The latest moment access can last without another sync (shown to the lead).

    verify_clearance refuses from this moment on (with the same skew), whatever happens offline.
    """
    return min(claims.expires_at, revocation_list.expires_at) + skew
