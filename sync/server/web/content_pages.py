"""Web pages for a campaign's content (issue 14.1): script with placeholders and a preview rendered on the server
(no script in the page), transparency answer, questions, rules, calling hours, end date. Every save is a new
version that reaches the organisation's PCs at their next sync."""

from __future__ import annotations

import json
from datetime import time
from typing import TYPE_CHECKING, Any

from starlette.responses import Response

from sync.core.content import CampaignContent, CampaignRules
from sync.core.script import PLACEHOLDERS
from sync.server.common import ServiceError
from sync.server.content import CampaignContents

if TYPE_CHECKING:
    from sync.server.web.pages import Ctx, Pages

PREFIX = "/web"  # as sync.server.web.pages.PREFIX

WEEKDAYS = range(7)
STATES = ("BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH")
QUESTIONS_EXAMPLE = json.dumps(
    [{"id": "kommt", "kind": "yes_no", "prompt": "Kommst du?"}], ensure_ascii=False
)


def _time(text: str) -> str | None:
    try:
        return time.fromisoformat(text).isoformat() if text else None
    except ValueError:
        return None


class ContentPages:
    def __init__(self, pages: Pages) -> None:
        self.pages = pages
        self.contents = CampaignContents(pages.office)

    def _values(self, ctx: Ctx, campaign: Any, content: CampaignContent | None) -> dict[str, Any]:
        """The form's values: the posted ones after a preview or a refusal, else the newest version's."""
        if "script" in ctx.form:
            posted = {name: ctx.form.get(name, [""])[0] for name in ("script", "transparency", "questions")}
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
            "questions": json.dumps(
                [q.model_dump(mode="json") for q in content.questions], ensure_ascii=False, indent=1
            )
            if content and content.questions
            else "",
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

    def get(self, ctx: Ctx, *, error: str = "", status: int = 200, preview: Any = None) -> Response:
        campaign, content = self.contents.get(ctx.path("campaign_id"))
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
            v=self._values(ctx, campaign, content),
            history=self.contents.history(campaign.id),
            preview=preview,
            placeholders=", ".join("{" + name + "}" for name in sorted(PLACEHOLDERS)),
            weekdays=WEEKDAYS,
            states=STATES,
            example=QUESTIONS_EXAMPLE,
        )

    def _changes(self, ctx: Ctx) -> dict[str, Any]:
        questions: Any = []
        text = ctx.f("questions")
        if text:
            try:
                questions = json.loads(text)
            except json.JSONDecodeError:
                raise ServiceError("content_questions_not_json") from None
            if not isinstance(questions, list):
                raise ServiceError("content_questions_not_json")
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
