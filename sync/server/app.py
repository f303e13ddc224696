"""The central office's HTTP API (FastAPI). Thin: decoding in sync.core.protocol, rules in office and device_sync.

Every error is an ``ErrorBody`` with a stable ``code``; nothing personal is logged (ids and error types only).
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Any

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import RedirectResponse, Response
from pydantic.json_schema import models_json_schema
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sync.core import protocol as p
from sync.server.common import ServiceError, utcnow
from sync.server.db import SERVER_POOL_SIZE, open_database
from sync.server.device_sync import DeviceSync
from sync.server.office import CentralOffice
from sync.server.ratelimit import Limiter, RateLimited, SharedBuckets, address_key, limiter_for

log = logging.getLogger("telefonaktion.zentrale.http")


def error_response(
    code: p.ErrorCode | str,
    message: str,
    status: int,
    details: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    body = p.ErrorBody(code=str(code), message=message, details=details or [])
    return Response(p.encode(body), status_code=status, media_type="application/json", headers=headers)


def model_response(model: p.Wire) -> Response:
    return Response(p.encode(model), media_type="application/json")


class _CatchAll:
    """Last resort: a 500 ErrorBody, logged by type and stack only (exception messages may hold data)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_tracking(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, send_tracking)
        except Exception as exc:  # noqa: BLE001 (logged, answered 500 without details)
            log.error(
                "internal error %s on %s\n%s",
                type(exc).__name__,
                scope.get("path"),
                "".join(traceback.format_tb(exc.__traceback__)),
            )
            if not started:
                await error_response(p.ErrorCode.INTERNAL, "internal error", 500)(scope, receive, send)


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refusing more than ``limit`` bytes before reading them all."""
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > limit):
        raise p.ProtocolError(p.ErrorCode.BODY_TOO_LARGE, f"body larger than {limit} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise p.ProtocolError(p.ErrorCode.BODY_TOO_LARGE, f"body larger than {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _body_doc(model: type[p.Wire]) -> dict[str, Any]:
    ref = {"$ref": f"#/components/schemas/{model.__name__}"}
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": ref}}}}


_ERRORS_DOC: dict[int | str, dict[str, Any]] = {
    status: {"model": p.ErrorBody} for status in (400, 401, 403, 413, 422, 429)
}


def create_app(
    database_url: str,
    *,
    idempotency: bool = True,
    rate_limit: float = 50.0,
    burst: int = 200,
    max_body: int = p.MAX_BODY_BYTES,
    clock: Callable[[], datetime] = utcnow,
) -> FastAPI:
    """The HTTP app over the database at ``database_url`` (migrated on start).

    ``idempotency=False`` stores every pushed item, even repeats: only for the fault test that proves the
    idempotency claim matters.
    """
    office = CentralOffice(open_database(database_url, pool_size=SERVER_POOL_SIZE), clock=clock)
    office.signing.signing_key()
    devices = DeviceSync(office, idempotency=idempotency)
    limiter: Limiter = limiter_for(office.engine, rate_limit, burst)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        office.engine.dispose()

    app = FastAPI(
        title="Telefonaktion Zentrale",
        version=str(p.PROTOCOL_VERSION),
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.office, app.state.devices = office, devices
    app.add_middleware(_CatchAll)

    @app.exception_handler(ServiceError)
    async def _service_error(_: Request, exc: ServiceError) -> Response:
        return error_response(exc.code, exc.message, exc.status)

    @app.exception_handler(p.ProtocolError)
    async def _protocol_error(_: Request, exc: p.ProtocolError) -> Response:
        return error_response(exc.code, exc.message, exc.status, exc.details)

    @app.exception_handler(RateLimited)
    async def _rate_limited(_: Request, exc: RateLimited) -> Response:
        return error_response(
            p.ErrorCode.RATE_LIMITED,
            "too many requests",
            429,
            headers={"Retry-After": str(max(1, round(exc.wait)))},
        )

    @app.exception_handler(RequestValidationError)
    async def _bad_query(_: Request, exc: RequestValidationError) -> Response:
        details = [
            {"loc": [str(x) for x in e["loc"]], "msg": e["msg"], "type": e["type"]} for e in exc.errors()
        ]
        return error_response(p.ErrorCode.MALFORMED, "invalid query parameters", 400, details[:20])

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if request.url.path.startswith("/web/") and exc.status_code in (404, 405):
            return Response(
                '<!doctype html><title>404</title><p>Nicht gefunden / Not found. <a href="/web/">'
                "Telefonaktion</a></p>",
                status_code=exc.status_code,
                media_type="text/html",
                headers=_allow_header(request, exc),
            )
        code = {404: p.ErrorCode.NOT_FOUND, 405: p.ErrorCode.METHOD_NOT_ALLOWED}.get(
            exc.status_code, "http_error"
        )
        return error_response(code, str(exc.detail), exc.status_code, headers=_allow_header(request, exc))

    def _allow_header(request: Request, exc: StarletteHTTPException) -> dict[str, str] | None:
        """A 405 names every method the path takes (RFC 9110), also where one route per method serves it."""
        if exc.status_code != 405:
            return dict(exc.headers) if exc.headers else None
        methods = {
            method
            for method in ("DELETE", "GET", "HEAD", "PATCH", "POST", "PUT")
            if any(
                route.matches({**request.scope, "method": method})[0] is Match.FULL
                for route in app.router.routes
            )
        }
        return {"Allow": ", ".join(sorted(methods))} if methods else None

    def address(request: Request) -> str:
        return address_key(request.client.host if request.client else None)

    async def take(key: str) -> float:
        """Use one unit of ``key``'s budget: 0, or the seconds to wait (a shared limiter asks the database)."""
        return await run_in_threadpool(limiter.take, key) if limiter.blocking else limiter.take(key)

    async def check(key: str) -> None:
        """Use one unit of ``key``'s budget or raise RateLimited."""
        wait = await take(key)
        if wait:
            raise RateLimited(wait)

    async def refuse_if_spent(key: str) -> None:
        """Raise RateLimited when ``key`` has nothing left, using nothing."""
        wait = await run_in_threadpool(limiter.wait, key) if limiter.blocking else limiter.wait(key)
        if wait:
            raise RateLimited(wait)

    async def authenticated(request: Request) -> Any:
        """The device of a checked token. Failures are charged to the client address (refused once it has
        nothing left, before the token is looked at); the device's budget only after its secret checked."""
        if isinstance(limiter, SharedBuckets):
            authorization = request.headers.get("authorization")
            return await run_in_threadpool(authenticated_shared, address(request), authorization)
        await refuse_if_spent(address(request))
        try:
            device = await run_in_threadpool(devices.authenticate, request.headers.get("authorization"))
        except ServiceError:
            await take(address(request))
            raise
        await check(f"device:{device.id}")
        return device

    def authenticated_shared(addr: str, authorization: str | None) -> Any:
        """``authenticated`` with the budgets in PostgreSQL: the same steps in the same order, in one transaction
        of one pooled connection instead of three (issue 17.3: a checkout, a ping and a commit each). What a
        step decides is committed with it: the address's charge for a failed token too (the error is raised
        after the commit); a refusal for a spent budget uses nothing, as before."""
        assert isinstance(limiter, SharedBuckets)
        with office.engine.begin() as conn:
            wait = limiter.wait_in(conn, addr)
            failure: ServiceError | None = None
            device = None
            if not wait:
                try:
                    device = devices.authenticate_in(conn, authorization)
                except ServiceError as exc:
                    limiter.take_in(conn, addr)
                    failure = exc
                else:
                    wait = limiter.take_in(conn, f"device:{device.id}")
        if failure is not None:
            raise failure
        if wait:
            raise RateLimited(wait)
        return device

    @app.post(
        "/v1/enrol",
        response_model=p.EnrolResponse,
        responses=_ERRORS_DOC,
        openapi_extra=_body_doc(p.EnrolRequest),
    )
    async def enrol(request: Request) -> Response:
        await check(address(request))  # unauthenticated: the client address pays
        req = p.decode(p.EnrolRequest, await read_body(request, max_body), max_bytes=max_body)
        return model_response(await run_in_threadpool(devices.enrol, req))

    @app.post(
        "/v1/push",
        response_model=p.PushResponse,
        responses=_ERRORS_DOC,
        openapi_extra=_body_doc(p.PushRequest),
    )
    async def push(request: Request) -> Response:
        device = await authenticated(request)
        req = p.decode(p.PushRequest, await read_body(request, max_body), max_bytes=max_body)
        return model_response(await run_in_threadpool(devices.push, device, req))

    @app.post(
        "/v1/checkin",
        response_model=p.CheckinResponse,
        responses={**_ERRORS_DOC, 409: {"model": p.ErrorBody}},
        openapi_extra=_body_doc(p.CheckinRequest),
    )
    async def checkin(request: Request) -> Response:
        device = await authenticated(request)
        req = p.decode(p.CheckinRequest, await read_body(request, max_body), max_bytes=max_body)
        return model_response(await run_in_threadpool(devices.checkin, device, req))

    @app.post(
        "/v1/lease",
        response_model=p.LeaseResponse,
        responses=_ERRORS_DOC,
        openapi_extra=_body_doc(p.LeaseRequest),
    )
    async def lease(request: Request) -> Response:
        device = await authenticated(request)
        req = p.decode(p.LeaseRequest, await read_body(request, max_body), max_bytes=max_body)
        return model_response(await run_in_threadpool(devices.lease, device, req))

    @app.get("/v1/pull", response_model=p.PullPage, responses=_ERRORS_DOC)
    async def pull(
        request: Request,
        cursor: str | None = Query(
            None, pattern=p.CURSOR_PATTERN, description="next_cursor of the page before"
        ),
        limit: int = Query(p.DEFAULT_PULL_LIMIT, ge=1, le=p.MAX_PULL_LIMIT),
    ) -> Response:
        device = await authenticated(request)
        return model_response(await run_in_threadpool(devices.pull, device, cursor, limit))

    @app.get("/v1/health", response_model=p.SyncHealth, responses=_ERRORS_DOC)
    async def health(request: Request) -> Response:
        device = await authenticated(request)
        return model_response(await run_in_threadpool(devices.health, device))

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(title=app.title, version=app.version, routes=app.routes)
            _, defs = models_json_schema(
                [
                    (p.EnrolRequest, "validation"),
                    (p.PushRequest, "validation"),
                    (p.LeaseRequest, "validation"),
                ],
                ref_template="#/components/schemas/{model}",
            )
            components = schema.setdefault("components", {}).setdefault("schemas", {})
            for name, definition in defs.get("$defs", {}).items():
                components.setdefault(name, definition)
            for model in (p.EnrolRequest, p.PushRequest):  # decode() refuses a body without it
                required = components[model.__name__].setdefault("required", [])
                if "protocol_version" not in required:
                    required.insert(0, "protocol_version")
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]

    from sync.server import web  # the staff web interface (issue 8)

    app.include_router(web.build_router(office))

    @app.get("/", include_in_schema=False)
    async def root() -> Response:
        return RedirectResponse(f"{web.PREFIX}/", status_code=303)

    return app
