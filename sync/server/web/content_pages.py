"""Web pages for a campaign's content (issue 14.1): script with placeholders and a preview rendered on the server
(no script in the page), transparency answer, questions, rules, calling hours, end date. Every save is a new
version that reaches the organisation's PCs at their next sync.

The questions editor is a plain form (the pages run no scripts): one group of fields per question (text, kind,
options one per line); "add", "remove", "up" and "down" are submit buttons that send the whole form back and get
it again, changed but not saved, like the preview. Saving checks the questions on the server
(sync.server.content.check_questions) and names the question of a refusal by its number.
"""

from __future__ import annotations

import re
import secrets
from datetime import time
from typing import TYPE_CHECKING, Any

from starlette.responses import Response

from sync.core.content import MAX_QUESTIONS, CampaignContent, CampaignRules, QuestionKind
from sync.core.script import PLACEHOLDERS
from sync.server.common import ServiceError
from sync.server.content import CampaignContents

if TYPE_CHECKING:
    from sync.server.web.pages import Ctx, Pages

PREFIX = "/web"  # as sync.server.web.pages.PREFIX

WEEKDAYS = range(7)
STATES = ("BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH")
KINDS = tuple(k.value for k in QuestionKind)  # yes_no, single, multi, text
CHOICE = (QuestionKind.SINGLE.value, QuestionKind.MULTI.value)
EDIT = re.compile(r"^q_(remove|up|down)_(\d{1,3})$")

QuestionRow = dict[str, str]
"""A question as the form holds it: id, kind, prompt, options (one per line), max_length (text questions)."""


def new_question_id() -> str:
    """A new question's id: random, so that answers to a removed question never mix with a new one's."""
    return "q" + secrets.token_hex(4)


def question_rows(ctx: Ctx) -> list[QuestionRow]:
    count = ctx.f("q_count")
    rows = []
    for i in range(min(int(count), MAX_QUESTIONS + 1) if count.isdigit() else 0):
        rows.append(
            {
                "id": ctx.f(f"q{i}_id") or new_question_id(),
                "kind": ctx.f(f"q{i}_kind"),
                "prompt": ctx.f(f"q{i}_prompt"),
                "options": ctx.form.get(f"q{i}_options", [""])[0],
                "max_length": ctx.f(f"q{i}_max_length"),
            }
        )
    return rows


def edited(rows: list[QuestionRow], action: str) -> list[QuestionRow] | None:
    """The rows after an editor button (add, remove, up, down), or None when ``action`` is none of them."""
    if action == "q_add":
        if len(rows) >= MAX_QUESTIONS:
            return rows
        return [
            *rows,
            {"id": new_question_id(), "kind": "yes_no", "prompt": "", "options": "", "max_length": ""},
        ]
    match = EDIT.match(action)
    if match is None:
        return None
    verb, i = match.group(1), int(match.group(2))
    rows = list(rows)
    if i >= len(rows):
        return rows
    if verb == "remove":
        del rows[i]
    elif verb == "up" and i > 0:
        rows[i - 1], rows[i] = rows[i], rows[i - 1]
    elif verb == "down" and i + 1 < len(rows):
        rows[i], rows[i + 1] = rows[i + 1], rows[i]
    return rows


def options_of(row: QuestionRow) -> list[str]:
    return [line.strip() for line in row["options"].splitlines() if line.strip()]


def questions_of(rows: list[QuestionRow]) -> list[dict[str, Any]]:
    """The questions to save, every row (an empty one is refused by the check, naming its number: nothing the
    user sees on the page disappears without a word)."""
    out: list[dict[str, Any]] = []
    for row in rows:
        options = options_of(row)
        question: dict[str, Any] = {
            "id": row["id"],
            "kind": row["kind"],
            "prompt": row["prompt"],
            "options": options,
        }
        if row["max_length"].isdigit():
            question["max_length"] = int(row["max_length"])
        out.append(question)
    return out


def _time(text: str) -> str | None:
    try:
        return time.fromisoformat(text).isoformat() if text else None
    except ValueError:
        return None


class ContentPages:
    def __init__(self, pages: Pages) -> None:
        self.pages = pages
        self.contents = CampaignContents(pages.office)

    def _values(
        self, ctx: Ctx, campaign: Any, content: CampaignContent | None, rows: list[QuestionRow] | None
    ) -> dict[str, Any]:
        """The form's values: the posted ones after a preview, an editor button or a refusal, else the newest
        version's."""
        if "script" in ctx.form:
            posted: dict[str, Any] = {
                name: ctx.form.get(name, [""])[0] for name in ("script", "transparency")
            }
            posted["questions"] = question_rows(ctx) if rows is None else rows
            for name in ("cooldown_hours", "max_attempts", "goal_reached", "ends_on", "holiday_region"):
                posted[name] = ctx.f(name)
            for day in WEEKDAYS:
                posted[f"start_{day}"], posted[f"end_{day}"] = ctx.f(f"start_{day}"), ctx.f(f"end_{day}")
            return {
                **posted,
                "notes": ctx.f("notes") == "on",
                "skip_holidays": ctx.f("skip_holidays") == "on",
            }
        rules = content.rules if content else CampaignRules()
        values: dict[str, Any] = {
            "script": content.script if content else "",
            "transparency": content.transparency if content else "",
            "questions": [
                {
                    "id": q.id,
                    "kind": q.kind.value,
                    "prompt": q.prompt,
                    "options": "\n".join(q.options),
                    "max_length": str(q.max_length),
                }
                for q in (content.questions if content else ())
            ],
            "cooldown_hours": str(rules.cooldown_hours),
            "max_attempts": str(rules.max_attempts),
            "goal_reached": str(rules.goal_reached or ""),
            "ends_on": campaign.ends_on.isoformat() if campaign.ends_on else "",
            "holiday_region": rules.calling_hours.holiday_region or "",
            "notes": rules.notes_enabled,
            "skip_holidays": rules.calling_hours.skip_public_holidays,
        }
        for day in WEEKDAYS:
            window = rules.calling_hours.windows.get(day)
            values[f"start_{day}"] = window.start.strftime("%H:%M") if window else ""
            values[f"end_{day}"] = window.end.strftime("%H:%M") if window else ""
        return values

    def get(
        self,
        ctx: Ctx,
        *,
        error: str = "",
        status: int = 200,
        preview: Any = None,
        rows: list[QuestionRow] | None = None,
    ) -> Response:
        campaign, content = self.contents.get(ctx.path("campaign_id"))
        values = self._values(ctx, campaign, content, rows)
        return self.pages.page(
            ctx,
            "content.html",
            ctx.t("content_title", title=campaign.title),
            nav="campaigns",
            status=status,
            error=error,
            org=self.pages.office.queries.get_org(campaign.org_id),
            campaign=campaign,
            content=content,
            v=values,
            history=self.contents.history(campaign.id),
            preview=preview,
            placeholders=", ".join("{" + name + "}" for name in sorted(PLACEHOLDERS)),
            weekdays=WEEKDAYS,
            states=STATES,
            kinds=KINDS,
            choice=CHOICE,
            max_questions=MAX_QUESTIONS,
            preview_questions=questions_of(values["questions"]) if preview is not None else [],
        )

    def _changes(self, ctx: Ctx) -> dict[str, Any]:
        questions = questions_of(question_rows(ctx))
        windows = {}
        for day in WEEKDAYS:
            start, end = _time(ctx.f(f"start_{day}")), _time(ctx.f(f"end_{day}"))
            if start and end:
                windows[str(day)] = {"start": start, "end": end}

        def number(name: str) -> int | None:
            value = ctx.f(name)
            if not value:
                return None
            if not value.isdigit():
                raise ServiceError("content_invalid", params={"where": name})
            return int(value)

        return {
            "script": ctx.form.get("script", [""])[0],  # kept as written (line breaks, indentation)
            "transparency": ctx.form.get("transparency", [""])[0],
            "questions": questions,
            "cooldown_hours": number("cooldown_hours"),
            "max_attempts": number("max_attempts"),
            "goal_reached": number("goal_reached"),
            "notes_enabled": ctx.f("notes") == "on",
            "calling_hours": {
                "windows": windows,
                "skip_public_holidays": ctx.f("skip_holidays") == "on",
                "holiday_region": ctx.f("holiday_region") or None,
            },
            "ends_on": ctx.date_field("ends_on", "camp_ends_on", required=False),
        }

    def post(self, ctx: Ctx) -> Response:
        from sync.server.web.pages import FormProblem

        campaign_id = ctx.path("campaign_id")
        rows = edited(question_rows(ctx), ctx.f("action"))
        if rows is not None:  # an editor button: the form again, changed, nothing saved
            return self.get(ctx, rows=rows)
        if ctx.f("action") == "preview":
            rendered = self.contents.preview(campaign_id, ctx.form.get("script", [""])[0])
            return self.get(ctx, preview=rendered)
        try:
            content = self.contents.set(
                campaign_id, self._changes(ctx), staff_id=ctx.session.staff_id if ctx.session else None
            )
        except (ServiceError, FormProblem) as exc:
            if isinstance(exc, ServiceError) and exc.status == 404:
                raise
            return self.pages.failed(ctx, exc, self.get)
        return self.pages.redirect(
            f"{PREFIX}/campaigns/{campaign_id}/content", done="content_saved", count=content.version
        )
