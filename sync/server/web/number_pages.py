"""Web page of the number problems (issue 13.2) with the staff correction (issue 14.3): a thin layer over
sync.server.numbers through the commands (normalised, audited, released into running campaigns)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.responses import Response

from sync.server.common import ServiceError

if TYPE_CHECKING:
    from sync.server.web.pages import Ctx, Pages

PREFIX = "/web"  # as sync.server.web.pages.PREFIX


class NumberPages:
    def __init__(self, pages: Pages) -> None:
        self.pages = pages

    def list_get(self, ctx: Ctx, *, error: str = "", status: int = 200) -> Response:
        orgs, org = self.pages.org_choice(ctx)
        entries = self.pages.office.commands.number_problems(org.id) if org else []
        return self.pages.page(
            ctx,
            "numbers.html",
            ctx.t("numbers_title"),
            nav="numbers",
            status=status,
            error=error,
            orgs=orgs,
            org=org,
            entries=entries,
        )

    def correct_post(self, ctx: Ctx) -> Response:
        org_id = ctx.f("org")
        try:
            done = self.pages.office.commands.correct_number(org_id, ctx.path("member_id"), ctx.f("number"))
        except ServiceError as exc:
            if exc.status == 404:
                raise
            return self.pages.failed(ctx, exc, self.list_get)
        return self.pages.redirect(
            f"{PREFIX}/numbers",
            org=org_id,
            done="number_confirmed" if done.confirmed else "number_corrected",
            count=done.released,
        )
