"""Campaign content at the central office (issue 14.1, content v1 of the protocol).

Staff set a campaign's script, transparency answer (DP-23), questions and rules; the organisation's call lead
may adapt script and questions on their PC (pushed as ``ContentItem``). Every change is a new version; the
newest travels to every PC of the organisation in ``PullPage.contents``. Audit entries carry ids only.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy import func, insert, select, update
from sqlalchemy.engine import Connection

from sync.core import protocol as p
from sync.core.content import (
    MAX_QUESTIONS,
    CampaignContent,
    ContentAdaptation,
    Question,
    QuestionKind,
    content_problems,
)
from sync.core.purposes import get_purpose
from sync.core.script import CONTACT_PLACEHOLDERS, RenderedScript, render_template
from sync.server import db
from sync.server.common import Device, ServiceError, audit, not_found
from sync.server.office import CentralOffice

RULE_FIELDS = ("cooldown_hours", "max_attempts", "notes_enabled", "goal_reached", "calling_hours")
CONTENT_FIELDS = ("script", "transparency", "questions", "ends_on", "holiday_region", *RULE_FIELDS)

SAMPLE_PERSON = {"first_name": "Renate", "last_name": "Lindenblatt", "locality": "Köln-Ehrenfeld"}
"""An invented person for the live preview (never a real member)."""


def content_error(problems: list[Any]) -> ServiceError:
    first = problems[0]
    return ServiceError(f"content_{first.field}_{first.code}", params={"value": first.value})


MAX_PROMPT = 300  # as sync.core.content.Question.prompt
MAX_OPTION = 120  # a chosen option travels as an answer of at most 120 characters (protocol.AnswerValue)
QUESTION_ID = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")  # answers are keyed by it (protocol.AnswerKey)
CHOICE = (QuestionKind.SINGLE.value, QuestionKind.MULTI.value)


def check_questions(questions: Sequence[Any]) -> None:
    """Staff's questions (web form or --questions FILE.json), question by question, with a message that names
    the question's number; ServiceError at the first problem."""
    if len(questions) > MAX_QUESTIONS:
        raise ServiceError("questions_too_many", params={"max": str(MAX_QUESTIONS)})
    for number, q in enumerate(questions, 1):
        if isinstance(q, Question):
            continue
        n = {"number": str(number)}
        if not isinstance(q, dict):
            raise ServiceError("content_invalid", params={"where": f"questions.{number - 1}"})
        if not isinstance(q.get("id"), str) or not QUESTION_ID.match(q["id"]):
            raise ServiceError("question_id_invalid", params=n)
        prompt = q.get("prompt")
        if not isinstance(prompt, str) or not prompt.strip():
            raise ServiceError("question_prompt_missing", params=n)
        if len(prompt) > MAX_PROMPT:
            raise ServiceError("question_prompt_too_long", params={**n, "max": str(MAX_PROMPT)})
        kind = q.get("kind")
        if kind not in {k.value for k in QuestionKind}:
            raise ServiceError("question_kind_unknown", params=n)
        options = q.get("options") or []
        if not isinstance(options, list | tuple):
            raise ServiceError("content_invalid", params={"where": f"questions.{number - 1}.options"})
        if kind in CHOICE and not 2 <= len(options) <= 9:
            raise ServiceError("question_options_count", params={**n, "count": str(len(options))})
        if kind not in CHOICE and options:
            raise ServiceError("question_options_not_allowed", params=n)
        if any(not isinstance(o, str) or len(o) > MAX_OPTION for o in options):
            raise ServiceError("question_option_too_long", params={**n, "max": str(MAX_OPTION)})


def _validated(campaign_id: str, values: dict[str, Any]) -> CampaignContent:
    check_questions(values.get("questions") or [])
    try:
        content = CampaignContent.model_validate({**values, "campaign_id": campaign_id})
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(x) for x in err["loc"])
        raise ServiceError("content_invalid", params={"where": where}) from None
    problems = content_problems(content.script, content.transparency, content.questions)
    if problems:
        raise content_error(problems)
    return content


def current(conn: Connection, campaign_id: str) -> CampaignContent | None:
    cc = db.campaign_contents
    row = conn.execute(
        select(cc.c.content).where(cc.c.campaign_id == campaign_id).order_by(cc.c.version.desc()).limit(1)
    ).first()
    return None if row is None else CampaignContent.model_validate(row.content)


def _store(
    conn: Connection, content: CampaignContent, author_ref: str | None, org_id: str, now: datetime
) -> None:
    conn.execute(
        insert(db.campaign_contents).values(
            campaign_id=content.campaign_id,
            version=content.version,
            author=content.author,
            author_ref=author_ref,
            content=content.model_dump(mode="json"),
            created_at=now,
        )
    )
    conn.execute(insert(db.feed).values(org_id=org_id, kind="content", ref_id=content.campaign_id))


def _merge(base: CampaignContent | None, changes: Mapping[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = (
        base.model_dump(mode="json")
        if base
        else {"script": "", "transparency": "", "questions": [], "rules": {}}
    )
    rules = dict(values.get("rules") or {})
    for key, value in changes.items():
        if value is None:
            continue
        if key not in CONTENT_FIELDS:
            raise ServiceError("content_unknown_field", params={"field": key})
        if key in RULE_FIELDS:
            rules[key] = value
        elif key == "holiday_region":
            hours = dict(rules.get("calling_hours") or {})
            hours["holiday_region"] = value or None
            rules["calling_hours"] = hours
        elif key == "questions":
            values[key] = [q.model_dump(mode="json") if isinstance(q, Question) else q for q in value]
        elif key == "ends_on":
            values[key] = value.isoformat() if isinstance(value, date) else value
        else:
            values[key] = value
    values["rules"] = rules
    return values


def initial_content(
    conn: Connection, campaign_id: str, org_id: str, changes: Mapping[str, Any], now: datetime
) -> CampaignContent:
    """Version 1, written in the transaction that releases the campaign (refused without script/transparency)."""
    values = _merge(None, changes)
    content = _validated(campaign_id, {**values, "version": 1, "author": "central", "changed_at": now})
    _store(conn, content, None, org_id, now)
    return content


def check_release(changes: Mapping[str, Any]) -> None:
    """Refuses a release without script and transparency answer before anything is written."""
    _validated(
        "check",
        {**_merge(None, changes), "version": 1, "author": "central", "changed_at": "2000-01-01T00:00:00Z"},
    )


class CampaignContents:
    """Staff's side: read, set and preview a campaign's content."""

    def __init__(self, office: CentralOffice) -> None:
        self.office = office

    def get(self, campaign_id: str) -> tuple[Any, CampaignContent | None]:
        with self.office.engine.begin() as conn:
            campaign = conn.execute(select(db.campaigns).where(db.campaigns.c.id == campaign_id)).first()
            if campaign is None:
                raise not_found("campaign", campaign_id)
            return campaign, current(conn, campaign_id)

    def versions(self, campaign_ids: list[str]) -> dict[str, tuple[int, str]]:
        """Newest (version, author) per campaign, for lists."""
        cc = db.campaign_contents
        out: dict[str, tuple[int, str]] = {}
        with self.office.engine.begin() as conn:
            for row in conn.execute(
                select(cc.c.campaign_id, cc.c.version, cc.c.author)
                .where(cc.c.campaign_id.in_(campaign_ids))
                .order_by(cc.c.campaign_id, cc.c.version)
            ):
                out[row.campaign_id] = (row.version, row.author)
        return out

    def history(self, campaign_id: str) -> list[Any]:
        cc = db.campaign_contents
        with self.office.engine.begin() as conn:
            return list(
                conn.execute(
                    select(cc.c.version, cc.c.author, cc.c.created_at)
                    .where(cc.c.campaign_id == campaign_id)
                    .order_by(cc.c.version.desc())
                )
            )

    def set(
        self, campaign_id: str, changes: Mapping[str, Any], *, staff_id: str | None = None
    ) -> CampaignContent:
        """A new version from the newest one plus ``changes`` (None values keep what is there)."""
        now = self.office.clock()
        with self.office.engine.begin() as conn:
            campaign = conn.execute(
                select(db.campaigns).where(db.campaigns.c.id == campaign_id).with_for_update()
            ).first()
            if campaign is None:
                raise not_found("campaign", campaign_id)
            if campaign.ended_at is not None:
                raise ServiceError("campaign_ended", status=409, params={"campaign": campaign_id})
            ends_on = changes.get("ends_on")
            if ends_on is not None and ends_on < self.office.today():
                raise ServiceError("campaign_ends_in_past")
            base = current(conn, campaign_id)
            values = _merge(base, changes)
            version = (base.version if base else 0) + 1
            content = _validated(
                campaign_id, {**values, "version": version, "author": "central", "changed_at": now}
            )
            if base is not None and content.model_dump(
                exclude={"version", "author", "changed_at"}
            ) == base.model_dump(exclude={"version", "author", "changed_at"}):
                return base  # nothing changed: no new version
            _store(conn, content, staff_id, campaign.org_id, now)
            if content.ends_on != campaign.ends_on:
                conn.execute(
                    update(db.campaigns)
                    .where(db.campaigns.c.id == campaign_id)
                    .values(ends_on=content.ends_on)
                )
                conn.execute(
                    insert(db.feed).values(org_id=campaign.org_id, kind="campaign", ref_id=campaign_id)
                )
            audit(conn, now, "campaign.content", campaign_id, f"v{version}", org_id=campaign.org_id)
        return content

    def preview(self, campaign_id: str, script: str) -> RenderedScript:
        """The script as a caller would see it for an invented person (fields outside the purpose stay empty)."""
        campaign, _ = self.get(campaign_id)
        allowed = get_purpose(campaign.purpose).fields
        values = {"caller_name": "Erika B.", "campaign_title": campaign.title}
        for name, field in CONTACT_PLACEHOLDERS.items():
            values[name] = SAMPLE_PERSON[name] if field in allowed else ""
        return render_template(script, values)


# --------------------------------------------------------------------------------------------- device side


def store_adaptations(
    conn: Connection, device: Device, items: list[p.ContentItem], now: datetime
) -> dict[str, p.RejectReason]:
    """A lead's adaptations (script + questions) become new versions; returns rejections by idempotency key."""
    rejected: dict[str, p.RejectReason] = {}
    c = db.campaigns
    for item in items:
        a: ContentAdaptation = item.payload
        campaign = conn.execute(
            select(c).where(c.c.id == a.campaign_id, c.c.org_id == device.org_id).with_for_update()
        ).first()
        if campaign is None or campaign.ended_at is not None:
            rejected[str(item.idempotency_key)] = p.RejectReason.UNKNOWN_CAMPAIGN
            continue
        base = current(conn, a.campaign_id)
        values = _merge(base, {"script": a.script, "questions": list(a.questions)})
        version = (base.version if base else 0) + 1
        try:
            content = _validated(
                a.campaign_id, {**values, "version": version, "author": "lead", "changed_at": now}
            )
        except ServiceError:
            rejected[str(item.idempotency_key)] = p.RejectReason.INVALID_CONTENT
            continue
        _store(conn, content, device.id, device.org_id, now)
        audit(
            conn,
            now,
            "campaign.content",
            a.campaign_id,
            f"v{version}",
            org_id=device.org_id,
            device_id=device.id,
            source="device",
        )
    return rejected


def contents_for_pull(conn: Connection, device: Device, campaign_ids: list[str]) -> list[CampaignContent]:
    if not campaign_ids:
        return []
    cc, c = db.campaign_contents, db.campaigns
    newest = (
        select(cc.c.campaign_id, func.max(cc.c.version).label("version"))
        .join(c, c.c.id == cc.c.campaign_id)
        .where(cc.c.campaign_id.in_(set(campaign_ids)), c.c.org_id == device.org_id)
        .group_by(cc.c.campaign_id)
        .subquery()
    )
    rows = conn.execute(
        select(cc.c.content)
        .join(newest, (newest.c.campaign_id == cc.c.campaign_id) & (newest.c.version == cc.c.version))
        .order_by(cc.c.campaign_id)
    )
    return [CampaignContent.model_validate(row.content) for row in rows]
