"""The sync wire protocol between the desktop app and the central office (design.md "Sync").

Versioned pydantic v2 models, shared by client and server, plus ``encode`` / ``decode`` helpers. Decoding
never raises anything but :class:`ProtocolError`, whose ``code`` is stable (the server sends it in an
:class:`ErrorBody`, the client turns it into an exception).

Endpoints (all JSON, all but enrol authenticated with ``Authorization: Bearer <device_id>.<device_secret>``):

- ``POST /v1/enrol``  EnrolRequest -> EnrolResponse (one-time code from the central office)
- ``POST /v1/push``   PushRequest -> PushResponse (per-item accepted | duplicate | rejected)
- ``GET  /v1/pull?cursor=...&limit=...`` -> PullPage (apply a page and its ``next_cursor`` in one transaction)
- ``GET  /v1/health`` -> SyncHealth (per-device sequence gaps)

No Qt, no desktop imports.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import uuid
from collections.abc import Mapping
from datetime import UTC, date
from enum import StrEnum
from typing import Annotated, Any, Final, Literal, TypeVar

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    model_validator,
)

from sync.core.clearance import SignedClearance, SignedRevocationList
from sync.core.compat import IGNORE_UNKNOWN, Tolerant
from sync.core.content import CampaignContent, ContentAdaptation
from sync.core.rules import ContactStatus, Outcome  # the shared rules (sync.core.rules) the wire carries

PROTOCOL_VERSION: Final = 1
SUPPORTED_VERSIONS = (PROTOCOL_VERSION,)
MAX_BODY_BYTES = 1024 * 1024  # requests and responses; larger -> body_too_large (HTTP 413)
MAX_PUSH_ITEMS = 500
MAX_PULL_LIMIT = 1000
# A pull cursor as the server hands it out: "<feed epoch>:<position>" (ASCII letters/digits, then digits).
CURSOR_PATTERN = r"^[A-Za-z0-9]{1,16}:[0-9]{1,18}$"
DEFAULT_PULL_LIMIT = 500

# Ids: ASCII, no whitespace (UUID hex, server ids, purpose ids).
Id = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$")]
ShortText = Annotated[str, StringConstraints(max_length=500)]
Version = Literal[1]


class Wire(Tolerant):
    """Strict (unknown fields refused) unless decoded with ``unknown="ignore"``, as the PC reads replies."""

    model_config = ConfigDict(frozen=True, extra="forbid")


# --------------------------------------------------------------------------------------------------- errors


class ErrorCode(StrEnum):
    """Stable error codes of :class:`ErrorBody` (the HTTP status is given beside each)."""

    MALFORMED = "malformed"  # 400: not JSON, not an object, protocol_version missing, bad query
    UNSUPPORTED_VERSION = "unsupported_version"  # 400: protocol_version not in SUPPORTED_VERSIONS
    INVALID = "invalid"  # 422: JSON fine, but does not match the model
    BODY_TOO_LARGE = "body_too_large"  # 413
    UNAUTHORIZED = "unauthorized"  # 401: no / unknown token or wrong secret
    DEVICE_REVOKED = "device_revoked"  # 403
    CODE_INVALID = "code_invalid"  # 403: enrolment code unknown or already used
    CODE_EXPIRED = "code_expired"  # 403
    NOT_FOUND = "not_found"  # 404
    METHOD_NOT_ALLOWED = "method_not_allowed"  # 405
    RATE_LIMITED = "rate_limited"  # 429 (Retry-After header)
    DEVICE_CLONED = "device_cloned"  # 409: a second copy of this device's workspace syncs too (issue 13.4)
    INTERNAL = "internal"  # 500


ERROR_STATUS: dict[ErrorCode, int] = {
    ErrorCode.MALFORMED: 400,
    ErrorCode.UNSUPPORTED_VERSION: 400,
    ErrorCode.INVALID: 422,
    ErrorCode.BODY_TOO_LARGE: 413,
    ErrorCode.UNAUTHORIZED: 401,
    ErrorCode.DEVICE_REVOKED: 403,
    ErrorCode.CODE_INVALID: 403,
    ErrorCode.CODE_EXPIRED: 403,
    ErrorCode.NOT_FOUND: 404,
    ErrorCode.METHOD_NOT_ALLOWED: 405,
    ErrorCode.RATE_LIMITED: 429,
    ErrorCode.DEVICE_CLONED: 409,
    ErrorCode.INTERNAL: 500,
}


class ErrorBody(Wire):
    protocol_version: int = PROTOCOL_VERSION
    code: str  # an ErrorCode value; kept open so that an older client can read a newer server's code
    message: str
    details: list[dict[str, Any]] = Field(default_factory=list)


class ProtocolError(ValueError):
    """A body could not be decoded. ``code`` is an ErrorCode; ``status`` the matching HTTP status."""

    def __init__(self, code: ErrorCode, message: str, details: list[dict[str, Any]] | None = None) -> None:
        super().__init__(f"{code.value}: {message}")
        self.code = code
        self.message = message
        self.details = details or []

    @property
    def status(self) -> int:
        return ERROR_STATUS[self.code]

    def body(self) -> ErrorBody:
        return ErrorBody(code=self.code.value, message=self.message, details=self.details)


# --------------------------------------------------------------------------------------------------- enrolment


class EnrolRequest(Wire):
    protocol_version: Version = PROTOCOL_VERSION
    code: Annotated[str, StringConstraints(min_length=8, max_length=64)]
    device_name: Annotated[str, StringConstraints(min_length=1, max_length=80)]


class PinnedKey(Wire):
    """A central-office public signing key to pin (sync.core.clearance.pin_keys takes ``public_bytes``)."""

    kid: str
    algorithm: Literal["Ed25519"] = "Ed25519"
    public_key: str  # base64url without padding, raw 32 bytes

    @property
    def public_bytes(self) -> bytes:
        return base64.urlsafe_b64decode(self.public_key + "=" * (-len(self.public_key) % 4))


class EnrolResponse(Wire):
    protocol_version: Version = PROTOCOL_VERSION
    device_id: Id
    device_secret: str  # shown once; the server keeps only a hash
    org_id: Id
    org_name: str
    person_id: Id
    signing_keys: list[PinnedKey]


# --------------------------------------------------------------------------------------------------- push


AnswerKey = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_.-]{1,64}$")]
AnswerText = Annotated[str, StringConstraints(max_length=500)]
AnswerValue = (
    bool
    | AnswerText
    | Annotated[list[Annotated[str, StringConstraints(max_length=120)]], Field(max_length=9)]
)


REPORT_SCHEMA_VERSION: Literal[1] = 1


class ReportPayload(Wire):
    """One call report, in the one shape it has from the PC's outbox to the central office's row: the push item
    carries it, the server parses it and stores :meth:`row`. Append-only: a correction is a new report naming
    the one it corrects. The PC's outbox stores it unchanged (beside a part that never leaves the PC); the desktop
    migrates what an older version stored (desktop/storage/migrations/0011_outbox_report_shape.sql)."""

    schema_version: Literal[1] = REPORT_SCHEMA_VERSION
    report_id: Id
    campaign_id: Id
    contact_id: Id
    outcome: Outcome
    zetkin: Literal[1, 11, 12, 13, 14, 15, 21] | None
    created_at: AwareDatetime
    callback_after: AwareDatetime | None = None
    wrong_numbers: Annotated[list[Literal["phone", "phone2"]], Field(max_length=2)] = Field(
        default_factory=list
    )
    organizer_action: bool = False
    organizer_message: ShortText = ""
    note: ShortText = ""
    answers: Annotated[dict[AnswerKey, AnswerValue], Field(max_length=50)] = Field(default_factory=dict)
    corrects: Id | None = None

    @model_validator(mode="after")
    def _consistent(self) -> ReportPayload:
        if self.zetkin != self.outcome.zetkin_code:
            raise ValueError(f"zetkin code for {self.outcome.value} must be {self.outcome.zetkin_code}")
        if self.callback_after is not None and self.outcome.is_final_for_contact:
            raise ValueError("no call-back after an objection or a wrong / dead number")
        if self.organizer_message and not self.organizer_action:
            raise ValueError("a message to the organizer needs the organizer-action flag")
        if len(set(self.wrong_numbers)) != len(self.wrong_numbers):
            raise ValueError("wrong_numbers has duplicates")
        if self.corrects == self.report_id:
            raise ValueError("a report cannot correct itself")
        return self

    def row(self) -> dict[str, Any]:
        """The central office's columns of this report (sync.server.db.reports, without who sent it when)."""
        return {**self.model_dump(exclude={"schema_version"}), "outcome": self.outcome.value}


class PledgePayload(Wire):
    """A volunteer's confidentiality pledge, signed in the app and admitted by the device's lead."""

    pledge_id: Id
    volunteer_id: Id
    volunteer_label: Annotated[str, StringConstraints(min_length=1, max_length=40)]  # first name + initial
    text_version: Annotated[str, StringConstraints(min_length=1, max_length=40)]
    signed_at: AwareDatetime


Hex64 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
CHAIN_TIME_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"  # how the desktop writes ``at`` into the hashed chain entry


class AuditEventPayload(Wire):
    """An entry of the app's hash-chained audit log: ids only, never contents (DP-21).

    With ``chain_seq``, ``prev_hash`` and ``chain_hash`` (all three or none; older apps send none) the central
    office re-verifies the chain with sync.core.audit_chain. The desktop's entry {seq, id, at, kind, person_id,
    subject, prev_hash, hash} maps to chain_seq=seq, event_id=id, at=at, action=kind, person_id, subject,
    prev_hash, chain_hash=hash, ref_ids=[subject] (or [] without a subject). ``at`` must be the entry's time
    exactly as hashed (CHAIN_TIME_FORMAT, UTC, microseconds).
    """

    event_id: Id
    action: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_.]{0,39}$")]
    at: AwareDatetime
    ref_ids: Annotated[list[Id], Field(max_length=20)] = Field(default_factory=list)
    chain_hash: Hex64 | None = None
    chain_seq: Annotated[int, Field(ge=1, le=2**62)] | None = None
    prev_hash: Hex64 | None = None
    person_id: Id | None = None
    subject: Id | None = None

    @model_validator(mode="after")
    def _whole_chain_link(self) -> AuditEventPayload:
        if self.chain_seq is not None and (self.prev_hash is None or self.chain_hash is None):
            raise ValueError("chain_seq needs prev_hash and chain_hash")
        if self.prev_hash is not None and self.chain_seq is None:
            raise ValueError("prev_hash needs chain_seq")
        return self

    @classmethod
    def from_chain_entry(cls, entry: Mapping[str, Any]) -> AuditEventPayload:
        """The payload of a desktop audit entry {seq, id, at, kind, person_id, subject, prev_hash, hash}."""
        subject = entry.get("subject")
        return cls(
            event_id=entry["id"],
            action=entry["kind"],
            at=entry["at"],
            ref_ids=[subject] if subject else [],
            chain_hash=entry["hash"],
            chain_seq=entry["seq"],
            prev_hash=entry["prev_hash"],
            person_id=entry.get("person_id"),
            subject=subject,
        )

    def chain_entry(self) -> dict[str, object] | None:
        """The entry as sync.core.audit_chain checks it (seq, id, at, kind, person_id, subject, prev_hash, hash)."""
        if self.chain_seq is None:
            return None
        return {
            "seq": self.chain_seq,
            "id": self.event_id,
            "at": self.at.astimezone(UTC).strftime(CHAIN_TIME_FORMAT),
            "kind": self.action,
            "person_id": self.person_id,
            "subject": self.subject,
            "prev_hash": self.prev_hash,
            "hash": self.chain_hash,
        }


class _PushItem(Wire):
    idempotency_key: uuid.UUID  # client-made, one per outbox row, reused on every retry
    seq: Annotated[int, Field(ge=1, le=2**62)]  # per-device sequence number, gap-free on the client


class ReportItem(_PushItem):
    kind: Literal["report"] = "report"
    payload: ReportPayload


class PledgeItem(_PushItem):
    kind: Literal["pledge"] = "pledge"
    payload: PledgePayload


class AuditEventItem(_PushItem):
    kind: Literal["audit_event"] = "audit_event"
    payload: AuditEventPayload


class ContentItem(_PushItem):
    """Content v1: a call lead's adaptation of a campaign's script and questions (sync.core.content)."""

    kind: Literal["content"] = "content"
    payload: ContentAdaptation


# ---- issue 13, shared state, part "register" v1: a local campaign's objection (see ObjectionPayload).
E164 = Annotated[str, StringConstraints(pattern=r"^\+[1-9][0-9]{6,14}$")]


class ObjectionPayload(Wire):
    """An objection (DP-17) from a lead's own local campaign, whose contact ids the central office cannot map:
    it carries the contact's normalised numbers, and nothing else, so the organisation-wide register can hold
    it (docs/data-protection-objections.md says why that is lawful and minimal)."""

    objection_id: Id
    numbers: Annotated[list[E164], Field(min_length=1, max_length=2)]
    at: AwareDatetime


class ObjectionItem(_PushItem):
    kind: Literal["objection"] = "objection"
    payload: ObjectionPayload


PushItem = Annotated[
    ReportItem | PledgeItem | AuditEventItem | ObjectionItem | ContentItem, Field(discriminator="kind")
]


class PushRequest(Wire):
    protocol_version: Version = PROTOCOL_VERSION
    items: Annotated[list[PushItem], Field(min_length=1, max_length=MAX_PUSH_ITEMS)]

    @model_validator(mode="after")
    def _unique_keys(self) -> PushRequest:
        if len({item.idempotency_key for item in self.items}) != len(self.items):
            raise ValueError("idempotency keys must be unique within a batch")
        return self


class ItemStatus(StrEnum):
    ACCEPTED = "accepted"
    DUPLICATE = "duplicate"  # stored before: the first result was "accepted"
    REJECTED = "rejected"  # never retried as is; goes to the "needs attention" list


class RejectReason(StrEnum):
    KEY_REUSE = "key_reuse"  # the idempotency key was used before with another body
    SEQ_REUSED = "seq_reused"  # the sequence number was used before by another item (client rolled back?)
    UNKNOWN_CAMPAIGN = "unknown_campaign"  # no such campaign in the device's organisation
    UNKNOWN_CONTACT = "unknown_contact"  # no such contact in that campaign
    UNKNOWN_CORRECTION = "unknown_correction"  # ``corrects`` names no report of that contact
    CONFLICT = "conflict"  # an id of the item clashes with stored data
    TIME_OUT_OF_RANGE = "time_out_of_range"  # a time far outside the campaign's period or the server's clock
    INVALID_CONTENT = (
        "invalid_content"  # content v1: an adaptation without script, or with unknown placeholders
    )


class ItemResult(Wire):
    idempotency_key: uuid.UUID
    seq: int
    status: ItemStatus
    reason: RejectReason | None = None


class SeqGap(Wire):
    """Sequence numbers first..last (inclusive) of this device never reached the server."""

    first: int
    last: int


class PushResponse(Wire):
    protocol_version: Version = PROTOCOL_VERSION
    results: list[ItemResult]
    highest_seq: int  # highest sequence number the server has from this device
    missing: list[SeqGap]


class SyncHealth(Wire):
    protocol_version: Version = PROTOCOL_VERSION
    device_id: Id
    received: int
    highest_seq: int
    missing: list[SeqGap]


# --------------------------------------------------------------------------------------------------- pull


class CampaignRecord(Wire):
    """Record v1: what the Art. 30 record of a central campaign needs from the central office (DP-22) — the
    board resolution, the responsible persons (their names as recorded there) and the server's deletion rules."""

    resolution_body: str
    resolution_date: date
    resolution_valid_until: date
    document_ref: str = ""
    responsible: list[Annotated[str, StringConstraints(max_length=200)]] = Field(default_factory=list)
    free_text_days: int  # notes and organizer messages at the central office: days after resolution / end
    contact_days: int  # member link of an ended campaign's contacts: days after the end at the latest


class CampaignInfo(Wire):
    campaign_id: Id
    title: str
    purpose: Id
    resolution_id: Id
    fields: list[str]  # the purpose's fields: the only ones contacts carry
    categories: list[str]
    released_at: AwareDatetime
    ends_on: date | None = None
    # Campaign end v1: staff ended the campaign; every PC wipes its contact data at this sync (DP-15).
    ended_at: AwareDatetime | None = None
    record: CampaignRecord | None = None  # record v1


class ContactRecord(Wire):
    """A contact under its pseudonymous per-campaign id; fields outside the purpose are None."""

    campaign_id: Id
    contact_id: Id
    category: str
    status: ContactStatus
    first_name: str | None = None
    last_name: str | None = None
    phone: str | None = None
    phone2: str | None = None
    locality: str | None = None
    district: str | None = None
    postcode: str | None = None


class StatusUpdate(Wire):
    campaign_id: Id
    contact_id: Id
    status: ContactStatus
    changed_at: AwareDatetime
    # Inbox v1: staff resolved an organizer action of this contact; the status replaces the PC's own even when
    # lower (a reopened contact goes back to the queue).
    organizer_resolved: bool = False


class CallStateUpdate(Wire):
    """Issue 13.3, shared call state v1: a contact's attempts (summed over every PC of the organisation), its last
    call and its open call-back promise, as the central office folds them from all reports
    (sync.core.callstate.fold). Sent for every contact whose state changed since the cursor; the PC merges it
    with its own (sync.core.callstate.merge), so the next PC continues the contact where the last one left it."""

    campaign_id: Id
    contact_id: Id
    attempts: Annotated[int, Field(ge=0, le=10_000)]
    last_attempt_at: AwareDatetime | None = None
    callback_after: AwareDatetime | None = None


class OrganizerItem(Wire):
    """Inbox v1: a "Rückmeldung an die Orga" for the organisation's call lead (the message as the caller wrote
    it), and how the central office resolved it (None: still open)."""

    report_id: Id
    campaign_id: Id
    contact_id: Id
    outcome: Outcome
    message: ShortText
    created_at: AwareDatetime
    resolution: Literal["done", "reopen"] | None = None
    resolved_at: AwareDatetime | None = None


class PledgeDecision(Wire):
    pledge_id: Id
    volunteer_id: Id
    status: Literal["confirmed", "rejected"]
    decided_at: AwareDatetime


class ClearanceReason(StrEnum):
    """Why the central office issued no clearance (machine-readable; the app explains what to do)."""

    NO_RESOLUTION = "no_resolution"
    RESOLUTION_EXPIRED = "resolution_expired"
    NOT_RESPONSIBLE = "not_responsible"
    NO_TRAINING = "no_training"
    NO_DECLARATION = "no_declaration"
    REVOKED = "revoked"


class ClearanceGrant(Wire):
    resolution_id: Id
    purposes: list[Id]
    clearance: SignedClearance  # verify with sync.core.clearance.verify_clearance


class ClearanceRefusal(Wire):
    purpose: Id | None  # None: the organisation has no resolution and no campaign at all
    reasons: list[ClearanceReason]


# ---- issue 13, shared state, part "register" v1 (pull side).
REGISTER_VERSION = 1


def register_hash(key: bytes, number: str) -> str:
    """The keyed hash under which a PC knows a number of the objection register: HMAC-SHA256 over the E.164
    number. Without the organisation's key the hashes reveal nothing; with it a PC can only test a number it
    already has (an import row), never list the objectors."""
    return hmac.new(key, number.encode("ascii"), hashlib.sha256).hexdigest()


class RegisterPart(Wire):
    """The objection register as a PC receives it: the organisation's hash key (on every page; it travels like
    the clearance, over the device-authenticated channel into the encrypted workspace) and the hashes of the
    numbers added since the cursor. Entries are never removed by a pull (an objection is never undone here)."""

    version: Literal[1] = 1
    key_id: Id
    key: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{43}$")]  # base64url, 32 bytes, no padding
    objection_hashes: list[Hex64] = Field(default_factory=list)

    @property
    def key_bytes(self) -> bytes:
        return base64.urlsafe_b64decode(self.key + "=")


class PullPage(Wire):
    protocol_version: Version = PROTOCOL_VERSION
    server_time: AwareDatetime  # trusted-time observation for the app's high-water mark
    resync_required: bool = False  # wipe server-owned tables (never the outbox) and pull from cursor None
    next_cursor: str
    has_more: bool
    campaigns: list[CampaignInfo] = Field(default_factory=list)
    contacts: list[ContactRecord] = Field(default_factory=list)
    statuses: list[StatusUpdate] = Field(default_factory=list)  # objections included (status "objection")
    pledge_decisions: list[PledgeDecision] = Field(default_factory=list)
    clearances: list[ClearanceGrant] = Field(default_factory=list)
    clearance_refusals: list[ClearanceRefusal] = Field(default_factory=list)
    revocations: SignedRevocationList | None = None  # verify with sync.core.clearance.verify_revocations
    # Content v1: the newest content version of each campaign that changed since the cursor (sync.core.content).
    contents: list[CampaignContent] = Field(default_factory=list)
    # Inbox v1: organizer messages of the organisation, new or resolved since the cursor.
    organizer_items: list[OrganizerItem] = Field(default_factory=list)
    objection_register: RegisterPart | None = (
        None  # issue 13: the organisation-wide objection register, keyed hashes
    )
    # Issue 13.3, shared call state v1: the call state of every contact that changed since the cursor.
    call_states: list[CallStateUpdate] = Field(default_factory=list)

    @property
    def objections(self) -> list[StatusUpdate]:
        return [s for s in self.statuses if s.status is ContactStatus.OBJECTION]


# --------------------------------------------------------------------------------------------------- leases
# ---- issue 13, shared state, part "lease" v1: POST /v1/lease (DP-16). A PC offers a contact of a central campaign
# only while it holds a lease on it; the central office leases a contact to one device at a time.
MAX_LEASE = 500
DEFAULT_LEASE_SIZE = 100  # per campaign: an evening of calls for one PC (about 4 hours, 25 calls an hour)
DEFAULT_LEASE_HOURS = 12.0


class LeaseRequest(Wire):
    """Renew what this device holds, top it up to ``size`` open contacts per running campaign, give some back."""

    protocol_version: Version = PROTOCOL_VERSION
    size: Annotated[int, Field(ge=0, le=MAX_LEASE)] = DEFAULT_LEASE_SIZE
    hours: Annotated[float, Field(gt=0, le=72)] = DEFAULT_LEASE_HOURS
    give_back: Annotated[list[Id], Field(max_length=MAX_LEASE)] = Field(default_factory=list)


class CheckinRequest(Wire):
    """Issue 13.4: the first step of every sync. ``history_token`` is the one the server gave this workspace at
    its last check-in (None before the first). A token the server has seen abandoned, because an older copy
    of the same workspace checked in after it, is a second copy in use: refused as ``device_cloned``."""

    protocol_version: Version = PROTOCOL_VERSION
    history_token: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{16,64}$")] | None = None


class CheckinResponse(Wire):
    protocol_version: Version = PROTOCOL_VERSION
    history_token: str  # keep it (replacing the old one) and send it at the next check-in
    rolled_back: bool = False  # an older token came back: a restored backup or copy (not refused once)


class Lease(Wire):
    campaign_id: Id
    contact_id: Id
    expires_at: AwareDatetime


class LeaseResponse(Wire):
    protocol_version: Version = PROTOCOL_VERSION
    server_time: AwareDatetime
    leases: list[Lease]  # everything this device holds now (it replaces what the PC held before)


# --------------------------------------------------------------------------------------------------- encode / decode

M = TypeVar("M", bound=BaseModel)


def encode(model: BaseModel) -> bytes:
    """The JSON body of a model (UTF-8)."""
    return model.model_dump_json().encode("utf-8")


def _error_details(exc: ValidationError) -> list[dict[str, Any]]:
    # Never echo the input back: it may hold personal data.
    return [
        {"loc": [str(p) for p in err["loc"]], "msg": err["msg"], "type": err["type"]} for err in exc.errors()
    ][:20]


def decode(
    model: type[M],
    raw: bytes | str,
    *,
    max_bytes: int = MAX_BODY_BYTES,
    unknown: Literal["forbid", "ignore"] = "forbid",
) -> M:
    """Decode a body into ``model``; raises only ProtocolError (malformed, unsupported_version, invalid, too large).

    ``unknown="ignore"``: fields the model does not know are dropped at every level (a PC reading a newer
    server's reply, sync.core.compat); the server decodes requests with the default, strictly."""
    if isinstance(raw, str):
        raw = raw.encode("utf-8", "surrogatepass")
    if len(raw) > max_bytes:
        raise ProtocolError(ErrorCode.BODY_TOO_LARGE, f"body larger than {max_bytes} bytes")
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        raise ProtocolError(ErrorCode.MALFORMED, "body is not valid JSON") from None
    if not isinstance(data, dict):
        raise ProtocolError(ErrorCode.MALFORMED, "body must be a JSON object")
    if "protocol_version" in model.model_fields:
        version = data.get("protocol_version")
        if version is None:
            raise ProtocolError(ErrorCode.MALFORMED, "protocol_version missing")
        if type(version) is not int or version not in SUPPORTED_VERSIONS:
            raise ProtocolError(
                ErrorCode.UNSUPPORTED_VERSION,
                f"protocol version {str(version)[:20]!r} not supported",
                [{"supported": list(SUPPORTED_VERSIONS)}],
            )
    try:
        return model.model_validate(data, context=IGNORE_UNKNOWN if unknown == "ignore" else None)
    except ValidationError as exc:
        raise ProtocolError(
            ErrorCode.INVALID, f"body does not match {model.__name__}", _error_details(exc)
        ) from None
    except RecursionError:
        raise ProtocolError(ErrorCode.MALFORMED, "body nested too deeply") from None
