"""Pages of the web interface. Thin: parse the form, call CentralOffice, render a template or redirect.

Security (issue 8): every page but sign-in needs a live staff session; every POST carries the session's CSRF
token (the sign-in form a pre-session token from its own cookie) and, when the browser sends one, an Origin of
this very site; cookies are HttpOnly and SameSite=Strict (and Secure, with the ``__Host-`` prefix, over TLS);
pages are never cached and allow no scripts (Content-Security-Policy). Staff actions run inside
``common.acting_as`` so that the audit log names the staff member (ids only).
"""

from __future__ import annotations

import hmac
import secrets
import tempfile
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode

from fastapi import APIRouter, Request
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from starlette.concurrency import run_in_threadpool
from starlette.responses import RedirectResponse, Response

from sync.core.purposes import CATEGORIES, PURPOSES, Field
from sync.core.rules import ContactStatus
from sync.server import exports, messages
from sync.server.common import LOCAL_TZ, ServiceError, acting_as
from sync.server.content import CampaignContents
from sync.server.office import CentralOffice
from sync.server.web import i18n
from sync.server.web.auth import ABSOLUTE_TIMEOUT, LoginRefused, Session, StaffAccounts
from sync.server.web.campaign_pages import CampaignPages
from sync.server.web.content_pages import ContentPages
from sync.server.web.number_pages import NumberPages

PREFIX = "/web"
TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
STATIC = Path(__file__).resolve().parent.parent / "static"
MAX_FORM_BYTES = 64 * 1024
LANG_COOKIE = "tz_lang"
LOGIN_COOKIE = "tz_login"  # the sign-in form's pre-session CSRF token
CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}
STATUS_ORDER = [
    s.value
    for s in (
        ContactStatus.OPEN,
        ContactStatus.DONE,
        ContactStatus.ORGANIZER_ACTION,
        ContactStatus.WRONG_NUMBER,
        ContactStatus.NOT_IN_SERVICE,
        ContactStatus.OBJECTION,
    )
]


def session_cookie(secure: bool) -> str:
    return "__Host-tz_session" if secure else "tz_session"


class FormProblem(Exception):
    """Input the page could not read (a date that is no date, a missing field): already translated."""


MAX_FORM_FIELDS = 200  # the largest real form (persons with all fields) has fewer than 30


class TooManyFields(Exception):
    """A form with more fields than any page has: refused with 413 before anything reads it (R14)."""


def read_form(body: bytes) -> dict[str, list[str]]:
    form: dict[str, list[str]] = {}
    try:
        pairs = parse_qsl(
            body.decode("utf-8", "replace"), keep_blank_values=True, max_num_fields=MAX_FORM_FIELDS
        )
    except ValueError:  # parse_qsl's only complaint with these arguments: more than max_num_fields
        raise TooManyFields from None
    for key, value in pairs:
        form.setdefault(key, []).append(value)
    return form


@dataclass
class Ctx:
    """One request as the page handlers see it."""

    request: Request
    form: dict[str, list[str]]
    lang: str
    session: Session | None
    secure: bool
    remember_lang: str | None = None
    cookies: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    def t(self, key: str, **params: object) -> str:
        return i18n.translate(self.lang, key, params)

    def tr(self, prefix: str, value: str) -> str:
        """The word for a code (``reason_`` + ``seq_reused``), or the code itself when there is none."""
        return self.t(prefix + value) if prefix + value in i18n.T else value

    def q(self, name: str) -> str:
        return self.request.query_params.get(name, "")

    def f(self, name: str) -> str:
        values = self.form.get(name)
        return values[0].strip() if values else ""

    def fl(self, name: str) -> list[str]:
        return [v.strip() for v in self.form.get(name, []) if v.strip()]

    def path(self, name: str) -> str:
        return str(self.request.path_params[name])

    def date_field(self, name: str, label_key: str, *, required: bool = True) -> date | None:
        text = self.f(name)
        if not text:
            if required:
                raise FormProblem(self.t("err_required", field=self.t(label_key)))
            return None
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise FormProblem(self.t("err_date", field=self.t(label_key))) from None

    def required(self, name: str, label_key: str) -> str:
        value = self.f(name)
        if not value:
            raise FormProblem(self.t("err_required", field=self.t(label_key)))
        return value

    def error_text(self, exc: Exception) -> str:
        if isinstance(exc, ServiceError):  # messages by code (issue 14.8): one catalogue, both languages
            text = (
                messages.message(exc.code, exc.params, self.lang)
                if exc.code in messages.MESSAGES
                else exc.code
            )
            return self.t("err_prefix", message=text)
        return str(exc)

    # formatting for templates
    def fmt_date(self, value: date | None) -> str:
        if value is None:
            return ""
        return value.strftime("%d.%m.%Y") if self.lang == "de" else value.isoformat()

    def fmt_dt(self, value: datetime | None) -> str:
        if value is None:
            return ""
        local = value.astimezone(LOCAL_TZ)
        return local.strftime("%d.%m.%Y %H:%M") if self.lang == "de" else local.strftime("%Y-%m-%d %H:%M")

    def lang_url(self, code: str) -> str:
        params = [
            (k, v) for k, v in self.request.query_params.multi_items() if k not in ("lang", "done", "count")
        ]
        return self.request.url.path + "?" + urlencode([*params, ("lang", code)])


class Pages:
    def __init__(self, office: CentralOffice, accounts: StaffAccounts) -> None:
        self.office, self.accounts = office, accounts
        self.env = Environment(
            loader=FileSystemLoader(str(TEMPLATES)),
            autoescape=select_autoescape(default=True),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )

    # ----------------------------------------------------------------------------------------------- plumbing

    def dispatch(
        self, request: Request, body: bytes, handler: Callable[[Ctx], Response], public: bool
    ) -> Response:
        secure = request.url.scheme == "https"
        query_lang = request.query_params.get("lang")
        lang = i18n.pick_language(
            query_lang, request.cookies.get(LANG_COOKIE), request.headers.get("accept-language")
        )
        try:
            form, flooded = (read_form(body) if body else {}), False
        except TooManyFields:
            form, flooded = {}, True
        token = None if flooded else request.cookies.get(session_cookie(secure))
        session = self.accounts.session(token) if token else None
        ctx = Ctx(
            request,
            form,
            lang,
            session,
            secure,
            remember_lang=query_lang if query_lang in i18n.LANGUAGES else None,
        )
        if flooded:
            return self.finish(
                ctx,
                self.page(
                    ctx, "message.html", ctx.t("form_flood_title"), status=413, text=ctx.t("form_flood_text")
                ),
            )
        if session is None and not public:
            if request.method == "POST":
                return self.finish(
                    ctx,
                    self.page(
                        ctx, "message.html", ctx.t("session_ended"), status=401, text=ctx.t("session_ended")
                    ),
                )
            params = {"next": request.url.path + (f"?{request.url.query}" if request.url.query else "")}
            if token:
                params["expired"] = "1"
            response = RedirectResponse(f"{PREFIX}/login?{urlencode(params)}", status_code=303)
            if token:
                response.delete_cookie(
                    session_cookie(secure), path="/", httponly=True, samesite="strict", secure=secure
                )
            return self.finish(ctx, response)
        if request.method == "POST" and not self._csrf_ok(ctx, public):
            return self.finish(
                ctx, self.page(ctx, "message.html", ctx.t("csrf_title"), status=403, text=ctx.t("csrf_text"))
            )
        with acting_as(session.staff_id) if session else nullcontext():
            try:
                response = handler(ctx)
            except ServiceError as exc:
                if exc.status == 404:
                    response = self.page(
                        ctx,
                        "message.html",
                        ctx.t("not_found_title"),
                        status=404,
                        text=ctx.t("not_found_text"),
                    )
                else:
                    response = self.page(
                        ctx,
                        "message.html",
                        ctx.t("err_prefix", message=""),
                        status=exc.status,
                        text=ctx.error_text(exc),
                    )
        return self.finish(ctx, response)

    @staticmethod
    def _csrf_ok(ctx: Ctx, public: bool) -> bool:
        request = ctx.request
        origin = request.headers.get("origin")
        if origin is not None and origin != f"{request.url.scheme}://{request.url.netloc}":
            return False
        sent = ctx.f("csrf")
        if public:  # the sign-in form: the token of its own cookie
            expected = request.cookies.get(LOGIN_COOKIE, "")
        else:
            assert ctx.session is not None
            expected = ctx.session.csrf
        return bool(sent) and bool(expected) and hmac.compare_digest(sent.encode(), expected.encode())

    def finish(self, ctx: Ctx, response: Response) -> Response:
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if ctx.remember_lang:
            response.set_cookie(
                LANG_COOKIE,
                ctx.remember_lang,
                max_age=365 * 86400,
                path=PREFIX,
                httponly=True,
                samesite="strict",
                secure=ctx.secure,
            )
        for name, kwargs in ctx.cookies:
            response.set_cookie(name, **kwargs)
        return response

    def page(
        self, ctx: Ctx, template: str, title: str, *, status: int = 200, nav: str = "", **values: Any
    ) -> Response:
        done = ctx.q("done")
        count = ctx.q("count")
        done_text = (
            ctx.t("done_" + done, count=int(count) if count.isdigit() else 0)
            if done and "done_" + done in i18n.T
            else ""
        )
        org = values.get("org")
        current_org = (
            getattr(org, "id", None)
            or getattr(values.get("person"), "org_id", None)
            or getattr(values.get("device"), "org_id", None)
            or ""
        )
        html = self.env.get_template(template).render(
            current_org=current_org,
            t=ctx.t,
            lang=ctx.lang,
            session=ctx.session,
            csrf=ctx.session.csrf if ctx.session else "",
            title=title,
            nav=nav,
            done=done_text,
            error=values.pop("error", ""),
            P=PREFIX,
            fmt_date=ctx.fmt_date,
            fmt_dt=ctx.fmt_dt,
            lang_url=ctx.lang_url,
            form=ctx.form,
            fv=ctx.f,
            fl=ctx.fl,
            tr=ctx.tr,
            **values,
        )
        return Response(html, status_code=status, media_type="text/html; charset=utf-8")

    @staticmethod
    def redirect(path: str, **params: str | int) -> Response:
        return RedirectResponse(path + (f"?{urlencode(params)}" if params else ""), status_code=303)

    def org_choice(self, ctx: Ctx, org_id: str | None = None) -> tuple[list[Any], Any | None]:
        """All orgs for the picker, and the chosen one (?org=, a form field, or the only one there is)."""
        orgs = self.office.queries.list_orgs()
        org_id = org_id or ctx.q("org") or ctx.f("org")
        if org_id:
            return orgs, self.office.queries.get_org(org_id)  # not_found -> 404 page
        return orgs, (orgs[0] if len(orgs) == 1 else None)

    def failed(self, ctx: Ctx, exc: Exception, again: Callable[..., Response]) -> Response:
        status = exc.status if isinstance(exc, ServiceError) else 422
        return again(ctx, error=ctx.error_text(exc), status=status)

    # ----------------------------------------------------------------------------------------------- sign-in

    def login_get(self, ctx: Ctx, *, error: str = "", status: int = 200) -> Response:
        if ctx.session is not None and not error:
            return self.redirect(f"{PREFIX}/")
        token = ctx.request.cookies.get(LOGIN_COOKIE) or ""
        if len(token) < 20:
            token = secrets.token_urlsafe(32)
            ctx.cookies.append(
                (
                    LOGIN_COOKIE,
                    {
                        "value": token,
                        "path": PREFIX,
                        "httponly": True,
                        "samesite": "strict",
                        "secure": ctx.secure,
                        "max_age": 3600,
                    },
                )
            )
        notice = ctx.t("session_ended") if ctx.q("expired") else ctx.t("signed_out") if ctx.q("bye") else ""
        return self.page(
            ctx,
            "login.html",
            ctx.t("login_title"),
            status=status,
            error=error,
            login_csrf=token,
            notice=notice,
            next=self._next(ctx),
        )

    @staticmethod
    def _next(ctx: Ctx) -> str:
        target = ctx.f("next") or ctx.q("next")
        if (
            target.startswith(PREFIX + "/")
            and not target.startswith("//")
            and "\\" not in target
            and not target.startswith(f"{PREFIX}/login")
        ):
            return target
        return f"{PREFIX}/"

    def login_post(self, ctx: Ctx) -> Response:
        address = ctx.request.client.host if ctx.request.client else "-"
        try:
            token, _session = self.accounts.sign_in(
                ctx.f("name"), ctx.form.get("password", [""])[0], ctx.f("code"), address
            )
        except LoginRefused as exc:
            if exc.reason == "throttled":
                return self.login_get(
                    ctx, error=ctx.t("login_throttled", seconds=exc.retry_after), status=429
                )
            return self.login_get(ctx, error=ctx.t("login_invalid"), status=401)
        response = self.redirect(self._next(ctx))
        response.set_cookie(
            session_cookie(ctx.secure),
            token,
            max_age=int(ABSOLUTE_TIMEOUT.total_seconds()),
            path="/",
            httponly=True,
            samesite="strict",
            secure=ctx.secure,
        )
        response.delete_cookie(LOGIN_COOKIE, path=PREFIX, httponly=True, samesite="strict", secure=ctx.secure)
        return response

    def logout_post(self, ctx: Ctx) -> Response:
        assert ctx.session is not None
        self.accounts.sign_out(ctx.session)
        response = self.redirect(f"{PREFIX}/login", bye=1)
        response.delete_cookie(
            session_cookie(ctx.secure), path="/", httponly=True, samesite="strict", secure=ctx.secure
        )
        return response

    # ----------------------------------------------------------------------------------------------- overview

    def home(self, ctx: Ctx) -> Response:
        orgs = self.office.queries.list_orgs()
        health = self.office.queries.sync_overview()
        active = [h for h in health if h.device.revoked_at is None]
        problems = [h for h in active if h.sync.missing or h.rejected or h.chain.breaks]
        return self.page(
            ctx,
            "home.html",
            ctx.t("home_title"),
            nav="home",
            orgs=orgs,
            pending=len(self.office.queries.pending_pledges()),
            active=len(active),
            problems=len(problems),
        )

    # ----------------------------------------------------------------------------------------------- orgs

    def orgs_get(self, ctx: Ctx, *, error: str = "", status: int = 200) -> Response:
        return self.page(
            ctx,
            "orgs.html",
            ctx.t("orgs_title"),
            nav="orgs",
            status=status,
            error=error,
            orgs=self.office.queries.list_orgs(),
        )

    def orgs_post(self, ctx: Ctx) -> Response:
        try:
            self.office.commands.add_org(ctx.required("name", "orgs_name"))
        except (ServiceError, FormProblem) as exc:
            return self.failed(ctx, exc, self.orgs_get)
        return self.redirect(f"{PREFIX}/orgs", done="org_added")

    # ----------------------------------------------------------------------------------------------- persons

    def persons_get(self, ctx: Ctx, *, error: str = "", status: int = 200) -> Response:
        orgs, org = self.org_choice(ctx)
        persons = self.office.queries.list_persons(org.id) if org else []
        return self.page(
            ctx,
            "persons.html",
            ctx.t("persons_title"),
            nav="persons",
            status=status,
            error=error,
            orgs=orgs,
            org=org,
            persons=persons,
        )

    def persons_post(self, ctx: Ctx) -> Response:
        org_id = ctx.f("org")
        try:
            self.office.commands.add_person(org_id, ctx.required("name", "persons_name"))
        except (ServiceError, FormProblem) as exc:
            return self.failed(ctx, exc, self.persons_get)
        return self.redirect(f"{PREFIX}/persons", org=org_id, done="person_added")

    def person_get(self, ctx: Ctx, *, error: str = "", status: int = 200) -> Response:
        person = self.office.queries.person_status(ctx.path("person_id"))
        org = self.office.queries.get_org(person.org_id)
        return self.page(
            ctx,
            "person.html",
            ctx.t("person_title", name=person.name),
            nav="persons",
            status=status,
            error=error,
            person=person,
            org=org,
            today=self.office.today().isoformat(),
        )

    def training_post(self, ctx: Ctx) -> Response:
        person_id = ctx.path("person_id")
        try:
            completed_on = ctx.date_field("completed_on", "person_training_date")
            assert completed_on is not None
            self.office.commands.record_training(person_id, completed_on)
        except (ServiceError, FormProblem) as exc:
            return self.failed(ctx, exc, self.person_get)
        return self.redirect(f"{PREFIX}/persons/{person_id}", done="training_recorded")

    def declaration_post(self, ctx: Ctx) -> Response:
        person_id = ctx.path("person_id")
        try:
            signed_on = ctx.date_field("signed_on", "person_signed_on")
            assert signed_on is not None
            self.office.commands.record_declaration(
                person_id, signed_on, ctx.f("text_version")[:40], ctx.f("document_ref")[:500]
            )
        except (ServiceError, FormProblem) as exc:
            return self.failed(ctx, exc, self.person_get)
        return self.redirect(f"{PREFIX}/persons/{person_id}", done="declaration_recorded")

    def person_revoke_get(self, ctx: Ctx, *, error: str = "", status: int = 200) -> Response:
        person = self.office.queries.person_status(ctx.path("person_id"))
        return self.page(
            ctx,
            "revoke.html",
            ctx.t("revoke_person_title", name=person.name),
            nav="persons",
            status=status,
            error=error,
            text=ctx.t("revoke_person_text"),
            action=f"{PREFIX}/persons/{person.id}/revoke",
            back=f"{PREFIX}/persons/{person.id}",
        )

    def person_revoke_post(self, ctx: Ctx) -> Response:
        person_id = ctx.path("person_id")
        if ctx.f("confirm") != "yes":
            return self.person_revoke_get(ctx, error=ctx.t("revoke_unchecked"), status=422)
        self.office.commands.revoke_clearance(person_id)
        return self.redirect(f"{PREFIX}/persons/{person_id}", done="clearance_revoked")

    # ----------------------------------------------------------------------------------------------- resolutions

    def resolutions_get(self, ctx: Ctx, *, error: str = "", status: int = 200) -> Response:
        orgs, org = self.org_choice(ctx)
        resolutions = self.office.queries.list_resolutions(org.id) if org else []
        persons = self.office.queries.list_persons(org.id) if org else []
        return self.page(
            ctx,
            "resolutions.html",
            ctx.t("resolutions_title"),
            nav="resolutions",
            status=status,
            error=error,
            orgs=orgs,
            org=org,
            resolutions=resolutions,
            persons=persons,
            purposes=self._purposes(ctx),
            purpose_names=dict(self._purposes(ctx)),
            today=self.office.today().isoformat(),
        )

    def resolutions_post(self, ctx: Ctx) -> Response:
        org_id = ctx.f("org")
        try:
            decided_on = ctx.date_field("decided_on", "res_decided_on")
            valid_until = ctx.date_field("valid_until", "res_valid_until", required=False)
            assert decided_on is not None
            self.office.commands.add_resolution(
                org_id,
                decided_on,
                ctx.f("body"),
                ctx.fl("purpose"),
                ctx.fl("responsible"),
                valid_until=valid_until,
                document_ref=ctx.f("document_ref")[:500],
            )
        except (ServiceError, FormProblem) as exc:
            return self.failed(ctx, exc, self.resolutions_get)
        return self.redirect(f"{PREFIX}/resolutions", org=org_id, done="resolution_added")

    @staticmethod
    def _purposes(ctx: Ctx) -> list[tuple[str, str]]:
        return [(pp.id, pp.label_de if ctx.lang == "de" else pp.label_en) for pp in PURPOSES.values()]

    # ----------------------------------------------------------------------------------------------- pledges

    def pledges_get(self, ctx: Ctx, *, error: str = "", status: int = 200) -> Response:
        return self.page(
            ctx,
            "pledges.html",
            ctx.t("pledges_title"),
            nav="pledges",
            status=status,
            error=error,
            pledges=self.office.queries.pending_pledges(),
        )

    def pledge_post(self, ctx: Ctx) -> Response:
        decision = ctx.f("decision")
        if decision not in ("confirm", "reject"):
            return self.pledges_get(
                ctx, error=ctx.t("err_required", field=ctx.t("pledges_decide")), status=422
            )
        try:
            self.office.commands.decide_pledge(ctx.path("pledge_id"), confirm=decision == "confirm")
        except ServiceError as exc:
            return self.failed(ctx, exc, self.pledges_get)
        return self.redirect(
            f"{PREFIX}/pledges", done="pledge_confirmed" if decision == "confirm" else "pledge_rejected"
        )

    # ----------------------------------------------------------------------------------------------- devices

    def devices_get(self, ctx: Ctx, *, error: str = "", status: int = 200) -> Response:
        orgs, org = self.org_choice(ctx)
        devices = self.office.queries.list_devices(org.id) if org else []
        persons = self.office.queries.list_persons(org.id) if org else []
        return self.page(
            ctx,
            "devices.html",
            ctx.t("devices_title"),
            nav="devices",
            status=status,
            error=error,
            orgs=orgs,
            org=org,
            devices=devices,
            persons=persons,
            chosen_person=ctx.q("person"),
        )

    def device_code_post(self, ctx: Ctx) -> Response:
        org_id, person_id = ctx.f("org"), ctx.f("person")
        try:
            code, expires_at = self.office.commands.create_enrolment_code(org_id, person_id)
        except ServiceError as exc:
            return self.failed(ctx, exc, self.devices_get)
        person = self.office.queries.person_status(person_id)
        org = self.office.queries.get_org(org_id)
        return self.page(
            ctx,
            "device_code.html",
            ctx.t("dev_code_title"),
            nav="devices",
            code=code,
            expires_at=expires_at,
            person=person,
            org=org,
        )

    def device_revoke_get(self, ctx: Ctx, *, error: str = "", status: int = 200) -> Response:
        device = self.office.queries.device_info(ctx.path("device_id"))
        return self.page(
            ctx,
            "revoke.html",
            ctx.t("revoke_device_title", name=device.name),
            nav="devices",
            status=status,
            error=error,
            text=ctx.t("revoke_device_text"),
            action=f"{PREFIX}/devices/{device.id}/revoke",
            back=f"{PREFIX}/devices?org={device.org_id}",
        )

    def device_revoke_post(self, ctx: Ctx) -> Response:
        device = self.office.queries.device_info(ctx.path("device_id"))
        if ctx.f("confirm") != "yes":
            return self.device_revoke_get(ctx, error=ctx.t("revoke_unchecked"), status=422)
        self.office.commands.revoke_device(device.id)
        return self.redirect(f"{PREFIX}/devices", org=device.org_id, done="device_revoked")

    # ----------------------------------------------------------------------------------------------- campaigns

    def campaigns_get(self, ctx: Ctx, *, error: str = "", status: int = 200) -> Response:
        orgs, org = self.org_choice(ctx)
        campaigns = self.office.queries.campaign_progress(org.id) if org else []
        resolutions = (
            [r for r in self.office.queries.list_resolutions(org.id) if r.state == "valid"] if org else []
        )
        purposes = self._purposes(ctx)
        fields = {
            pp.id: ", ".join(ctx.t("field_" + f.value) for f in Field if f in pp.fields)
            for pp in PURPOSES.values()
        }
        return self.page(
            ctx,
            "campaigns.html",
            ctx.t("campaigns_title"),
            nav="campaigns",
            status=status,
            error=error,
            orgs=orgs,
            org=org,
            campaigns=campaigns,
            resolutions=resolutions,
            purposes=purposes,
            purpose_names=dict(purposes),
            fields=fields,
            categories=CATEGORIES,
            status_order=STATUS_ORDER,
            today=self.office.today().isoformat(),
            versions=CampaignContents(self.office).versions([c.id for c in campaigns]),
        )

    def campaigns_post(self, ctx: Ctx) -> Response:
        org_id = ctx.f("org")
        try:
            ends_on = ctx.date_field("ends_on", "camp_ends_on", required=False)
            _, count = self.office.commands.release_campaign(
                org_id,
                ctx.f("title"),
                ctx.f("purpose"),
                ctx.f("resolution"),
                ctx.fl("category"),
                ends_on=ends_on,
                content={
                    "script": ctx.form.get("script", [""])[0],
                    "transparency": ctx.form.get("transparency", [""])[0],
                },
            )
        except (ServiceError, FormProblem) as exc:
            return self.failed(ctx, exc, self.campaigns_get)
        return self.redirect(f"{PREFIX}/campaigns", org=org_id, done="campaign_released", count=count)

    # ----------------------------------------------------------------------------------------------- sync health

    def health_get(self, ctx: Ctx) -> Response:
        orgs = self.office.queries.list_orgs()
        org = self.office.queries.get_org(ctx.q("org")) if ctx.q("org") else None
        return self.page(
            ctx,
            "health.html",
            ctx.t("health_title"),
            nav="health",
            orgs=orgs,
            org=org,
            devices=self.office.queries.sync_overview(org.id if org else None),
        )

    def health_device_get(self, ctx: Ctx) -> Response:
        device = self.office.queries.device_info(ctx.path("device_id"))
        return self.page(
            ctx,
            "health_device.html",
            ctx.t("health_device_title", name=device.name),
            nav="health",
            device=device,
            org=self.office.queries.get_org(device.org_id),
            sync=self.office.queries.device_health(device.id),
            chain=self.office.queries.audit_chain(device.id),
            rejected=self.office.queries.rejected_items(device.id),
            exposure=self._exposure(device.id),
        )

    def _exposure(self, device_id: str) -> dict[str, Any]:
        """DP-24 for the page: the CLI's report with its times as datetimes (shown in the reader's zone)."""
        report = self.office.queries.device_exposure(device_id)
        until = report["readable_until"]
        return {
            **report,
            "readable_until": datetime.fromisoformat(until) if until else None,
            "campaigns": [
                {**c, "released_at": datetime.fromisoformat(c["released_at"])} for c in report["campaigns"]
            ],
        }

    # ----------------------------------------------------------------------------------------------- export

    def export_get(self, ctx: Ctx, *, error: str = "", status: int = 200) -> Response:
        orgs, org = self.org_choice(ctx)
        return self.page(
            ctx,
            "export.html",
            ctx.t("export_title"),
            nav="export",
            status=status,
            error=error,
            orgs=orgs,
            org=org,
            formats=exports.FORMATS,
        )

    def export_post(self, ctx: Ctx) -> Response:
        org_id, fmt = ctx.f("org"), ctx.f("format") or "csv"
        with tempfile.TemporaryDirectory(prefix="tz-export-") as tmp:
            out = Path(tmp) / "results.csv"
            try:
                exports.export(self.office, org_id, out, fmt)  # audited there (results.export + format)
            except ServiceError as exc:
                return self.failed(ctx, exc, self.export_get)
            data = out.read_bytes()
        suffix = "" if fmt == "csv" else f"-{fmt}"
        filename = f"ergebnisse{suffix}-{org_id[:8]}-{self.office.today().isoformat()}.csv"
        return Response(
            data,
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{filename}"'},
        )


def build_router(office: CentralOffice, accounts: StaffAccounts | None = None) -> APIRouter:
    pages = Pages(office, accounts or StaffAccounts(office.engine, clock=office.clock))
    content_pages = ContentPages(pages)
    campaign_pages = CampaignPages(pages)
    number_pages = NumberPages(pages)
    router = APIRouter(prefix=PREFIX, include_in_schema=False)

    def route(path: str, method: str, handler: Callable[[Ctx], Response], *, public: bool = False) -> None:
        async def endpoint(request: Request) -> Response:
            body = b""
            if method == "POST":
                body = await _read_limited(request)
                if body is None:
                    return Response("form too large", status_code=413, headers=SECURITY_HEADERS)
            return await run_in_threadpool(pages.dispatch, request, body, handler, public)

        router.add_api_route(path, endpoint, methods=[method], name=f"{method} {path}")

    async def style(_: Request) -> Response:
        return Response(
            (STATIC / "style.css").read_bytes(),
            media_type="text/css; charset=utf-8",
            headers={"Cache-Control": "max-age=3600", "X-Content-Type-Options": "nosniff"},
        )

    router.add_api_route("/static/style.css", style, methods=["GET"])
    route("/login", "GET", pages.login_get, public=True)
    route("/login", "POST", pages.login_post, public=True)
    route("/logout", "POST", pages.logout_post)
    route("/", "GET", pages.home)
    for path, get, post in [
        ("/orgs", pages.orgs_get, pages.orgs_post),
        ("/persons", pages.persons_get, pages.persons_post),
        ("/persons/{person_id}", pages.person_get, None),
        ("/persons/{person_id}/training", None, pages.training_post),
        ("/persons/{person_id}/declaration", None, pages.declaration_post),
        ("/persons/{person_id}/revoke", pages.person_revoke_get, pages.person_revoke_post),
        ("/resolutions", pages.resolutions_get, pages.resolutions_post),
        ("/pledges", pages.pledges_get, None),
        ("/pledges/{pledge_id}", None, pages.pledge_post),
        ("/devices", pages.devices_get, None),
        ("/devices/code", None, pages.device_code_post),
        ("/devices/{device_id}/revoke", pages.device_revoke_get, pages.device_revoke_post),
        ("/campaigns", pages.campaigns_get, pages.campaigns_post),
        ("/campaigns/{campaign_id}/content", content_pages.get, content_pages.post),
        ("/campaigns/{campaign_id}/progress", campaign_pages.progress_get, None),
        ("/campaigns/{campaign_id}/end", None, campaign_pages.end_post),
        ("/inbox", campaign_pages.inbox_get, None),
        ("/inbox/{report_id}", None, campaign_pages.resolve_post),
        ("/numbers", number_pages.list_get, None),  # issues 13.2, 14.3
        ("/numbers/{member_id}", None, number_pages.correct_post),
        ("/health", pages.health_get, None),
        ("/health/{device_id}", pages.health_device_get, None),
        ("/export", pages.export_get, pages.export_post),
    ]:
        if get is not None:
            route(path, "GET", get)
        if post is not None:
            route(path, "POST", post)
    return router


async def _read_limited(request: Request) -> bytes | None:
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > MAX_FORM_BYTES):
        return None
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_FORM_BYTES:
            return None
        chunks.append(chunk)
    return b"".join(chunks)
