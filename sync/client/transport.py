"""HTTP transport of the desktop app's sync (design.md "Sync"). No Qt, no desktop imports.

One attempt per call: retrying is the outbox's job (the same items with the same idempotency keys and
sequence numbers, until a result names each of them). Errors:

- :class:`Unreachable`: network trouble, timeouts, server errors (5xx) or a garbled reply: try again later.
- :class:`Refused`: the server said no (``code`` is a protocol ErrorCode value, e.g. ``unauthorized``,
  ``device_revoked``, ``rate_limited``); retrying the same request will not help (except rate_limited).
- :class:`ResyncRequired`: from :meth:`SyncClient.pull`: wipe server-owned tables (never the outbox), pull from None.
- :class:`InsecureTransport`: plain http:// to a host that is not loopback.
"""

from __future__ import annotations

import ipaddress
import logging
from collections.abc import Sequence
from types import TracebackType
from typing import TypeVar
from urllib.parse import urlsplit

import httpx
from pydantic import BaseModel

from sync.core import protocol as p

DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
# Progress of a sync, sequence numbers only (never contents): `telefonaktion sync --progress` shows it, and
# the reliability tests use it to see that a kill landed while a push was under way.
log = logging.getLogger("telefonaktion.sync")
M = TypeVar("M", bound=BaseModel)


class SyncError(Exception):
    pass


class Unreachable(SyncError):
    pass


class InsecureTransport(SyncError, ValueError):
    pass


class Refused(SyncError):
    def __init__(
        self, code: str, message: str = "", status: int = 0, retry_after: float | None = None
    ) -> None:
        super().__init__(f"{code}: {message}" if message else code)
        self.code, self.message, self.status, self.retry_after = code, message, status, retry_after


class ResyncRequired(SyncError):
    def __init__(self, page: p.PullPage) -> None:
        super().__init__("the server asks for a full resync")
        self.page = page


def check_url(base_url: str) -> str:
    """The base URL without a trailing slash; refuses plain http to anything but loopback."""
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InsecureTransport(f"not an http(s) URL: {base_url!r}")
    if parts.scheme == "http":
        host = parts.hostname
        try:
            loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
        except ValueError:
            loopback = False
        if not loopback:
            raise InsecureTransport("plain http is only allowed to this computer (loopback); use https")
    return base_url.rstrip("/")


def _send(
    client: httpx.Client,
    method: str,
    url: str,
    model: type[M],
    *,
    body: p.Wire | None = None,
    params: dict[str, str | int] | None = None,
    headers: dict[str, str] | None = None,
) -> M:
    try:
        response = client.request(
            method,
            url,
            content=p.encode(body) if body is not None else None,
            params=params,
            headers={"Content-Type": "application/json", **(headers or {})},
        )
    except httpx.TransportError as exc:  # connect / read / write errors, timeouts, protocol errors
        raise Unreachable(f"{type(exc).__name__}: {exc}") from exc
    if response.status_code >= 500:
        raise Unreachable(f"server error {response.status_code}")
    if response.status_code >= 400:
        try:
            error = p.decode(p.ErrorBody, response.content, unknown="ignore")
            code, message = error.code, error.message
        except p.ProtocolError:
            code, message = f"http_{response.status_code}", ""
        retry = response.headers.get("retry-after")
        raise Refused(
            code, message, response.status_code, float(retry) if retry and retry.isdigit() else None
        )
    try:
        # A newer server may add fields to its replies: this PC ignores what it does not know (docs/sync.md).
        return p.decode(model, response.content, unknown="ignore")
    except p.ProtocolError as exc:
        raise Unreachable(f"garbled reply: {exc.code.value}") from exc


class SyncClient:
    """Push / pull for one enrolled device. Use as a context manager or call close()."""

    def __init__(
        self,
        base_url: str,
        device_id: str,
        device_secret: str,
        *,
        timeout: httpx.Timeout | float = DEFAULT_TIMEOUT,
        verify: bool | str = True,
    ) -> None:
        self.base_url = check_url(base_url)
        self.device_id = device_id
        self._client = httpx.Client(
            base_url=self.base_url,
            timeout=timeout,
            verify=verify,
            headers={"Authorization": f"Bearer {device_id}.{device_secret}"},
        )

    def __repr__(self) -> str:  # never show the secret
        return f"SyncClient({self.base_url!r}, device_id={self.device_id!r})"

    @staticmethod
    def enrol(
        base_url: str,
        code: str,
        device_name: str,
        *,
        timeout: httpx.Timeout | float = DEFAULT_TIMEOUT,
        verify: bool | str = True,
    ) -> p.EnrolResponse:
        """Redeem a one-time code. Keep device_id + device_secret (encrypted) and pin the signing keys."""
        with httpx.Client(base_url=check_url(base_url), timeout=timeout, verify=verify) as client:
            return _send(
                client,
                "POST",
                "/v1/enrol",
                p.EnrolResponse,
                body=p.EnrolRequest(code=code, device_name=device_name),
            )

    def push(
        self,
        batch: p.PushRequest
        | Sequence[p.ReportItem | p.PledgeItem | p.AuditEventItem | p.ObjectionItem | p.ContentItem],
    ) -> p.PushResponse:
        request = batch if isinstance(batch, p.PushRequest) else p.PushRequest(items=list(batch))
        seqs = f"{request.items[0].seq}-{request.items[-1].seq}"
        log.info("push %s: sending %d items", seqs, len(request.items))
        response = _send(self._client, "POST", "/v1/push", p.PushResponse, body=request)
        log.info("push %s: answered", seqs)
        return response

    def pull(self, cursor: str | None = None, limit: int = p.DEFAULT_PULL_LIMIT) -> p.PullPage:
        params: dict[str, str | int] = {"limit": limit}
        if cursor:
            params["cursor"] = cursor
        page = _send(self._client, "GET", "/v1/pull", p.PullPage, params=params)
        if page.resync_required:
            raise ResyncRequired(page)
        return page

    def checkin(self, request: p.CheckinRequest) -> p.CheckinResponse:
        """Issue 13.4: the first step of a sync; Refused(``device_cloned``) when a second copy is in use."""
        return _send(self._client, "POST", "/v1/checkin", p.CheckinResponse, body=request)

    def lease(self, request: p.LeaseRequest) -> p.LeaseResponse:
        """Issue 13.3: the contacts this device may offer (renewed, topped up, some given back)."""
        return _send(self._client, "POST", "/v1/lease", p.LeaseResponse, body=request)

    def health(self) -> p.SyncHealth:
        return _send(self._client, "GET", "/v1/health", p.SyncHealth)

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> SyncClient:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
