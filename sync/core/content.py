"""Campaign content shared by the central office and the desktop app (design.md "One system across PCs and
campaigns": content is authored centrally, may be adapted by the organisation's call lead, is versioned and
synced to every PC of the organisation).

The rule models (questions, calling hours, queue rules) live here once; ``desktop.domain.models`` re-exports
them. :class:`CampaignContent` is what travels in the pull (``PullPage.contents``), :class:`ContentAdaptation`
what a lead's PC pushes. No Qt, no desktop imports.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import (
    AwareDatetime,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)

from sync.core.compat import Tolerant
from sync.core.script import unknown_placeholders

MAX_SCRIPT = 20_000
MAX_TRANSPARENCY = 4_000
MAX_QUESTIONS = 20


class Frozen(Tolerant):
    model_config = ConfigDict(frozen=True, extra="forbid")


class QuestionKind(StrEnum):
    YES_NO = "yes_no"
    SINGLE = "single"
    MULTI = "multi"
    TEXT = "text"


class Question(Frozen):
    id: str
    kind: QuestionKind
    prompt: str = Field(min_length=1, max_length=300)
    options: tuple[str, ...] = ()
    max_length: int = Field(default=120, ge=1, le=500)

    @model_validator(mode="after")
    def _options_match_kind(self) -> Question:
        if self.kind in (QuestionKind.SINGLE, QuestionKind.MULTI):
            if not (2 <= len(self.options) <= 9):
                raise ValueError("choice questions need 2 to 9 options (one digit key each)")
        elif self.options:
            raise ValueError("only choice questions have options")
        return self


# A local wall-clock time of the campaign's calling hours, sent as "HH:MM:SS" without an offset. JSON Schema's
# "time" format demands an offset, so the document names the shape the server really sends and accepts.
LocalTime = Annotated[
    time,
    WithJsonSchema({"type": "string", "pattern": r"^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,6})?)?$"}),
]


class DayWindow(Frozen):
    start: LocalTime
    end: LocalTime

    @model_validator(mode="after")
    def _ordered(self) -> DayWindow:
        if not self.start < self.end:
            raise ValueError("calling window must start before it ends")
        return self


def _default_hours() -> dict[int, DayWindow]:
    weekday = DayWindow(start=time(10), end=time(20))
    return {
        0: weekday,
        1: weekday,
        2: weekday,
        3: weekday,
        4: weekday,
        5: DayWindow(start=time(10), end=time(16)),
    }


class CallingHours(Frozen):
    """Per weekday (0 = Monday) the window in which calls are allowed; missing days have none (DP-19)."""

    windows: dict[int, DayWindow] = Field(default_factory=_default_hours)
    skip_public_holidays: bool = True
    holiday_region: str | None = (
        None  # German state code (e.g. "NW") for regional holidays; None = national only
    )


class CampaignRules(Frozen):
    cooldown_hours: int = Field(default=20, ge=0, le=24 * 30)
    max_attempts: int = Field(default=3, ge=1, le=10)
    calling_hours: CallingHours = Field(default_factory=CallingHours)
    notes_enabled: bool = False  # DP-6: off by default
    note_max_length: int = Field(default=200, ge=20, le=500)
    goal_reached: int | None = Field(default=None, ge=1)  # stop offering once this many were reached


# --------------------------------------------------------------------------------------------- content v1

Script = Annotated[str, StringConstraints(max_length=MAX_SCRIPT)]
Transparency = Annotated[str, StringConstraints(max_length=MAX_TRANSPARENCY)]
Questions = Annotated[tuple[Question, ...], Field(max_length=MAX_QUESTIONS)]


class CampaignContent(Frozen):
    """One version of a campaign's content (content v1). ``version`` counts from 1 per campaign; ``author``
    says who made this version: the central office or the organisation's call lead (script and questions only)."""

    campaign_id: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$")]
    version: int = Field(ge=1)
    author: Literal["central", "lead"]
    script: Script
    transparency: Transparency
    questions: Questions = ()
    rules: CampaignRules = Field(default_factory=CampaignRules)
    ends_on: date | None = None
    changed_at: AwareDatetime


class ContentAdaptation(Frozen):
    """A call lead's adaptation of script and questions for their organisation, pushed from their PC."""

    adaptation_id: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$")]
    campaign_id: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$")]
    base_version: int = Field(ge=1)  # the version the lead started from
    script: Script
    questions: Questions = ()
    created_at: AwareDatetime


@dataclass(frozen=True)
class ContentProblem:
    """A reason why content cannot be called with: ``field`` + stable ``code`` (+ ``value`` for the message)."""

    field: str
    code: str
    value: str = ""


def content_problems(
    script: str, transparency: str, questions: tuple[Question, ...] = ()
) -> list[ContentProblem]:
    """What keeps content from being released or called with (one rule for the central office and the PC)."""
    out = []
    if not script.strip():
        out.append(ContentProblem("script", "missing"))
    unknown = unknown_placeholders(script)
    if unknown:
        out.append(ContentProblem("script", "unknown_placeholder", ", ".join("{" + u + "}" for u in unknown)))
    if not transparency.strip():
        out.append(ContentProblem("transparency", "missing"))
    ids = [q.id for q in questions]
    if len(set(ids)) != len(ids):
        out.append(ContentProblem("questions", "duplicate_id"))
    return out
