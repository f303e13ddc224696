"""Pure domain models of the desktop app (no Qt, no I/O).

Outcomes, contact statuses and the Zetkin codes are the shared rules in ``sync.core.rules`` (one definition
for the PC and the central office); import them from there.
"""

from __future__ import annotations

import os
import time
import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from sync.core.content import (  # re-exported: the rules are shared with the central office
    CallingHours as CallingHours,
)
from sync.core.content import (
    CampaignRules as CampaignRules,
)
from sync.core.content import (
    DayWindow as DayWindow,
)
from sync.core.content import (
    Question as Question,
)
from sync.core.content import (
    QuestionKind as QuestionKind,
)
from sync.core.purposes import (
    CATEGORIES,
    DEFAULT_CATEGORIES,
    DEFAULT_PURPOSE,
    get_purpose,
)
from sync.core.purposes import (
    Field as ContactField,
)
from sync.core.rules import ContactStatus, Outcome


def new_id() -> str:
    """A random id (UUID4 hex). Contacts, reports and outbox items all use client-made ids."""
    return uuid.uuid4().hex


_UUID4_VERSION = bytes((b & 0x0F) | 0x40 for b in range(256))  # byte 6: version 4 in the high nibble
_UUID4_VARIANT = bytes((b & 0x3F) | 0x80 for b in range(256))  # byte 8: RFC 4122 variant (10xxxxxx)


_UUID7_VERSION = bytes((b & 0x0F) | 0x70 for b in range(256))  # byte 6: version 7 in the high nibble


def new_ids(count: int) -> list[str]:
    """``count`` ids for the rows of an import: UUIDv7 (RFC 9562) hex, the 48-bit Unix time in milliseconds
    first, then 74 random bits (one read of the system's random source, version and variant bits set for all of
    them together; 100k rows: 2.2 s → 0.05 s against ``uuid4`` one at a time).

    Time first, so that an import's rows go to the end of the contacts' primary-key index instead of every leaf
    page of it: in a workspace that already holds 200k contacts the commit of 100k rows writes back only the
    new pages (docs/performance.md, "Session 6": commit 2.24 → 1.75 s). The ids stay unique by their random
    part (100k ids of one millisecond: a collision chance of about 10⁻¹³; the primary key would refuse it and
    the import, all or nothing, would change nothing). A wrong clock only costs that locality."""
    raw = bytearray(os.urandom(16 * count))
    ms = (time.time_ns() // 1_000_000 % (1 << 48)).to_bytes(6, "big")
    for i in range(6):
        raw[i::16] = ms[i : i + 1] * count
    raw[6::16] = raw[6::16].translate(_UUID7_VERSION)
    raw[8::16] = raw[8::16].translate(_UUID4_VARIANT)
    text = raw.hex()
    return [text[i : i + 32] for i in range(0, 32 * count, 32)]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# --------------------------------------------------------------------------------------------- campaign


class Campaign(Frozen):
    id: str = Field(default_factory=new_id)
    title: str = Field(min_length=1, max_length=120)
    purpose: str = DEFAULT_PURPOSE
    categories: tuple[str, ...] = DEFAULT_CATEGORIES
    script: str = ""
    transparency: str = ""  # DP-23 answer to "where do you have my number from?"
    questions: tuple[Question, ...] = ()
    rules: CampaignRules = Field(default_factory=CampaignRules)
    starts_on: date | None = None
    ends_on: date | None = None

    @field_validator("purpose")
    @classmethod
    def _known_purpose(cls, value: str) -> str:
        get_purpose(value)
        return value

    @field_validator("categories")
    @classmethod
    def _known_categories(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        unknown = set(value) - set(CATEGORIES)
        if unknown or not value:
            raise ValueError(f"unknown or no categories: {sorted(unknown)}")
        return value

    @property
    def allowed_fields(self) -> frozenset[ContactField]:
        return get_purpose(self.purpose).fields


# --------------------------------------------------------------------------------------------- contacts


class Contact(Frozen):
    """A person on the call list: a pseudonymous id plus only the fields the purpose allows (DP-4, DP-5)."""

    id: str = Field(default_factory=new_id)
    campaign_id: str
    first_name: str = ""
    last_name: str = ""
    locality: str = ""
    district: str = ""
    postcode: str = ""
    phone: str = ""  # E.164
    phone2: str = ""  # E.164 or empty
    category: str = "member"

    def restricted_to(self, allowed: frozenset[ContactField]) -> Contact:
        """A copy with every field the purpose does not allow blanked."""
        blank = {f.value: "" for f in ContactField if f not in allowed}
        return self.model_copy(update=blank)

    @property
    def display_name(self) -> str:
        return " ".join(part for part in (self.first_name, self.last_name) if part)

    @property
    def phones(self) -> tuple[str, ...]:
        return tuple(p for p in (self.phone, self.phone2) if p)


class ContactState(Frozen):
    """What the queue needs to know about a contact besides its data."""

    contact_id: str
    status: ContactStatus = ContactStatus.OPEN
    attempts: int = 0
    last_attempt_at: datetime | None = None
    callback_after: datetime | None = None
    reserved_by: str | None = None  # caller or device id holding the contact
    reserved_until: datetime | None = None
    position: int = Field(default=0, ge=0)  # order in the call list (import order); ties in the queue


# --------------------------------------------------------------------------------------------- reports


AnswerValue = bool | str | tuple[str, ...]


class CallReport(Frozen):
    """One call's report. Append-only: a correction is a new report that names the one it corrects."""

    id: str = Field(default_factory=new_id)
    campaign_id: str
    contact_id: str
    caller_id: str
    outcome: Outcome
    created_at: datetime
    callback_after: datetime | None = None
    wrong_numbers: tuple[str, ...] = ()  # which field(s) were wrong: "phone", "phone2"
    organizer_action: bool = False
    organizer_message: str = Field(default="", max_length=500)
    note: str = Field(default="", max_length=500)
    answers: dict[str, AnswerValue] = Field(default_factory=dict)
    corrects: str | None = None

    @property
    def zetkin_code(self) -> int | None:
        return self.outcome.zetkin_code

    @model_validator(mode="after")
    def _consistent(self) -> CallReport:
        if self.callback_after is not None and self.outcome.is_final_for_contact:
            raise ValueError("no call-back after an objection or a wrong number")
        if self.organizer_message and not self.organizer_action:
            raise ValueError("a message to the organizer needs the organizer-action flag")
        return self


# --------------------------------------------------------------------------------------------- people


class Role(StrEnum):
    LEAD = "lead"
    CALLER = "caller"


class Person(Frozen):
    id: str = Field(default_factory=new_id)
    label: Annotated[str, Field(min_length=1, max_length=40)]  # first name + initial, shown before unlock
    role: Role = Role.CALLER
    created_at: datetime


class KeySlotMeta(Frozen):
    """What the unlock screen may know about a key slot before unlocking: no personal data beyond the label."""

    slot_id: str
    person_id: str
    label: str
    role: Role
    kdf: Literal["argon2id"] = "argon2id"
    memory_kib: int
    time_cost: int
    parallelism: int
