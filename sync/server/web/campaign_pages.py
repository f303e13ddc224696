"""Web pages of a running campaign: central progress with "end campaign" (issue 14.5) and the organizer inbox
(issue 14.2). Thin layers over sync.server.progress, sync.server.campaign_end and sync.server.inbox."""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.responses import Response

from sync.server.campaign_end import end_campaign
from sync.server.common import ServiceError
from sync.server.inbox import OrganizerInbox
from sync.server.progress import BLOCK_REASONS, campaign_progress

if TYPE_CHECKING:
    from sync.server.web.pages import Ctx, Pages

PREFIX = "/web"  # as sync.server.web.pages.PREFIX
STATUS_ORDER = ("open", "done", "organizer_action", "wrong_number", "not_in_service", "objection")


class CampaignPages:
    def __init__(self, pages: Pages) -> None:
        self.pages = pages
        self.inbox = OrganizerInbox(pages.office)

    # ------------------------------------------------------------------ progress + end

    def progress_get(self, ctx: Ctx, *, error: str = "", status: int = 200) -> Response:
        progress = campaign_progress(self.pages.office, ctx.path("campaign_id"))
        return self.pages.page(
            ctx,
            "progress.html",
            ctx.t("progress_title", title=progress.campaign.title),
            nav="campaigns",
            status=status,
            error=error,
            org=self.pages.office.queries.get_org(progress.campaign.org_id),
            progress=progress,
            status_order=STATUS_ORDER,
            reasons=BLOCK_REASONS,
            most=max([calls for _, calls, _ in progress.per_day] + [1]),
        )

    def end_post(self, ctx: Ctx) -> Response:
        campaign_id = ctx.path("campaign_id")
        if ctx.f("confirm") != "yes":
            return self.progress_get(ctx, error=ctx.t("end_unchecked"), status=422)
        count = end_campaign(self.pages.office, campaign_id)
        return self.pages.redirect(
            f"{PREFIX}/campaigns/{campaign_id}/progress", done="campaign_ended", count=count
        )

    # ------------------------------------------------------------------ inbox

    def inbox_get(self, ctx: Ctx, *, error: str = "", status: int = 200) -> Response:
        orgs, org = self.pages.org_choice(ctx)
        items = self.inbox.list(org.id, campaign_id=ctx.q("campaign") or None) if org else []
        return self.pages.page(
            ctx,
            "inbox.html",
            ctx.t("inbox_title"),
            nav="inbox",
            status=status,
            error=error,
            orgs=orgs,
            org=org,
            items=items,
        )

    def resolve_post(self, ctx: Ctx) -> Response:
        org_id = ctx.f("org")
        try:
            self.inbox.resolve(ctx.path("report_id"), ctx.f("outcome"), org_id=org_id or None)
        except ServiceError as exc:
            if exc.status == 404:
                raise
            return self.pages.failed(ctx, exc, self.inbox_get)
        return self.pages.redirect(f"{PREFIX}/inbox", org=org_id, done="inbox_" + ctx.f("outcome"))
