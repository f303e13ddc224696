"""Pure domain models of the desktop app (no Qt, no I/O).

Outcomes, contact statuses and the Zetkin codes are the shared rules in ``sync.core.rules`` (one definition
for the PC and the central office); import them from there.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from sync.core import ids
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


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# --------------------------------------------------------------------------------------------- campaign


class Campaign(Frozen):
    # Time first (sync.core.ids), so that a new campaign's contacts go to the end of the indexes that begin with
    # the campaign (contacts_status, contacts_fresh), not between two earlier campaigns' entries (an import of
    # 100k rows into a workspace with earlier lists: commit CPU ≈ 2.0 s → 1.6 s whenever a random id sorted
    # before an earlier campaign's; docs/performance.md, session 7).
    id: str = Field(default_factory=ids.new_id)
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
