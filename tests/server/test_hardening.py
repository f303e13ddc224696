"""Issue 16 on the central office: what attack probes against the running server found, each a regression test.

Form-field floods get a clear 4xx (R14), wrong device secrets use up the sender's address budget and never
the named device's, report times far outside the campaign or the server clock are refused with a reason, the
OpenAPI document describes what the server accepts, and a 405 names the allowed methods.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from sync.core import protocol as p
from sync.server import db
from tests.server.helpers import Env, Org, serving


@pytest.fixture(scope="module")
def org(server: Env) -> Org:
    return server.org()


def _form_posts(server: Env) -> list[str]:
    """Every form the web interface accepts (POST routes), path parameters filled with an unknown id."""
    from sync.server import web

    paths = []
    for route in web.build_router(server.office).routes:
        if "POST" in getattr(route, "methods", set()):
            paths.append(re.sub(r"{\w+}", uuid.uuid4().hex, route.path))
    return paths


def test_form_field_flood_gets_a_clear_4xx_on_every_form(server: Env) -> None:
    """More fields than the form reader takes: 413 with a page that says so, never a 500 (R14)."""
    flood = "&".join(f"f{i}=x" for i in range(250))  # well under the byte limit, over the field limit
    paths = _form_posts(server)
    assert "/web/login" in paths and len(paths) > 10
    with server.http() as http:
        for path in paths:
            for lang in ("de", "en"):
                response = http.post(
                    f"{path}?lang={lang}",
                    content=flood,
                    headers={"Content-Type": "application/x-www-form-urlencoded"},
                )
                assert response.status_code == 413, (path, response.status_code)
                assert response.headers["content-type"].startswith("text/html")
                expected = "Zu viele Formularfelder" if lang == "de" else "Too many form fields"
                assert expected in response.text, path
        # an ordinary sign-in form still works (the limit is not hit by real forms)
        assert http.get("/web/login").status_code == 200


def test_report_times_far_outside_the_campaign_or_the_server_clock_are_refused(server: Env, org: Org) -> None:
    device = org.enrol()
    contact = org.contacts(device)[0].contact_id
    now = datetime.now(UTC)
    far = [
        datetime(1, 1, 1, tzinfo=UTC),
        datetime(9999, 12, 31, 23, 59, tzinfo=UTC),
        now + timedelta(days=3),  # the PC's clock far ahead of the server's
        now - timedelta(days=400),  # long before the campaign was released
    ]
    items = [org.report(device, contact, created_at=when) for when in far]
    items.append(org.report(device, contact, "call_back", callback_after=datetime(9999, 1, 1, tzinfo=UTC)))
    items.append(org.report(device, contact, "no_pickup", created_at=now - timedelta(minutes=5)))
    response = device.client.push(items)
    statuses = [(r.status.value, r.reason.value if r.reason else None) for r in response.results]
    assert statuses == [("rejected", "time_out_of_range")] * 5 + [("accepted", None)]
    assert server.reports_of([device.device_id]) == (1, 1)
    # A refusal is final: the retry replays it, nothing stored.
    again = device.client.push(items[:1])
    assert again.results[0].reason is p.RejectReason.TIME_OUT_OF_RANGE
    # Pledges and audit events: the same bounds against the server's clock.
    pledge = p.PledgeItem(
        idempotency_key=uuid.uuid4(),
        seq=device.next_seq(),
        payload=p.PledgePayload(
            pledge_id=uuid.uuid4().hex,
            volunteer_id=uuid.uuid4().hex,
            volunteer_label="Gunhild Q.",
            text_version="v1",
            signed_at=datetime(9999, 1, 1, tzinfo=UTC),
        ),
    )
    event = p.AuditEventItem(
        idempotency_key=uuid.uuid4(),
        seq=device.next_seq(),
        payload=p.AuditEventPayload(
            event_id=uuid.uuid4().hex, action="unlock", at=datetime(1, 1, 1, tzinfo=UTC)
        ),
    )
    results = device.client.push([pledge, event]).results
    assert [r.reason for r in results] == [p.RejectReason.TIME_OUT_OF_RANGE] * 2
    assert server.count(db.pledges, db.pledges.c.device_id == device.device_id) == 0
    assert (
        server.count(
            db.audit_log, db.audit_log.c.device_id == device.device_id, db.audit_log.c.source == "device"
        )
        == 0
    )


def test_openapi_describes_what_the_server_accepts(server: Env, org: Org) -> None:
    device = org.enrol()
    with server.http() as http:
        doc = http.get("/openapi.json").json()
        schemas = doc["components"]["schemas"]
        for name in ("EnrolRequest", "PushRequest"):
            assert "protocol_version" in schemas[name]["required"], name
        # Without protocol_version the server refuses, as the document says.
        missing = http.post("/v1/push", json={"items": []}, headers=device.auth())
        assert missing.status_code == 400
        # The cursor parameter's schema is exactly what the server takes: a matching one is accepted...
        cursor = next(prm for prm in doc["paths"]["/v1/pull"]["get"]["parameters"] if prm["name"] == "cursor")
        pattern = next(s for s in cursor["schema"]["anyOf"] if s.get("type") == "string")["pattern"]
        first = device.client.pull(None)
        assert re.fullmatch(pattern, first.next_cursor)
        for accepted in (first.next_cursor, "Z:0", "a1:999999999999999999"):
            assert re.fullmatch(pattern, accepted)
            response = http.get("/v1/pull", params={"cursor": accepted}, headers=device.auth())
            assert response.status_code == 200, (accepted, response.text)
        # ... and one outside it is refused, with the same 400 as any other malformed query.
        for refused in ("0", "abc", "ab:", ":5", "ab:²", "x" * 17 + ":1", "ab:" + "9" * 19, "ä:1"):
            assert not re.fullmatch(pattern, refused)
            response = http.get("/v1/pull", params={"cursor": refused}, headers=device.auth())
            assert response.status_code == 400 and response.json()["code"] == "malformed", refused
        # A wrong method names the right one.
        wrong = http.get("/v1/push", headers=device.auth())
        assert wrong.status_code == 405 and wrong.headers["allow"] == "POST"
        assert wrong.json()["code"] == "method_not_allowed"
        assert http.delete("/web/login").headers["allow"] == "GET, POST"


# ----------------------------------------------------------------------------------------------- rate limits


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def limited(request: pytest.FixtureRequest, make_database, tmp_path_factory) -> Iterator[Env]:
    """A server with small budgets: in memory on SQLite; on PostgreSQL in ``rate_buckets``, where the address's
    and the device's budget are taken in the authentication's own transaction (issue 17.3)."""
    with serving(
        request.param,
        make_database(request.param),
        tmp_path_factory.mktemp("log-hardening"),
        "--rate-limit",
        "0.05",
        "--burst",
        "4",
    ) as env:
        yield env


def _from(env: Env, address: str) -> httpx.Client:
    """A client whose requests come from another loopback address (Linux routes all of 127/8 locally)."""
    return httpx.Client(base_url=env.url, timeout=20, transport=httpx.HTTPTransport(local_address=address))


def test_a_refused_request_uses_no_budget(limited: Env) -> None:
    """A request refused because its address has nothing left does not touch the device's budget, and one
    refused because the device has nothing left does not touch the address's."""
    device = limited.org().enrol()
    wrong = {"Authorization": f"Bearer {device.device_id}.{'y' * 43}"}
    with _from(limited, "127.0.0.4") as shared_line, _from(limited, "127.0.0.5") as office_pc:
        assert [shared_line.get("/v1/health", headers=wrong).status_code for _ in range(4)] == [401] * 4
        # The address is spent: the right token is refused before it is looked at, three times ...
        refused = [shared_line.get("/v1/health", headers=device.auth()).status_code for _ in range(3)]
        assert refused == [429] * 3
        # ... and the device still has its whole budget of 4 from another address.
        served = [office_pc.get("/v1/health", headers=device.auth()).status_code for _ in range(6)]
        assert served == [200] * 4 + [429] * 2
        # The device's refusals were not charged to that address: it has its 4 failures left.
        statuses = [office_pc.get("/v1/health", headers=wrong).status_code for _ in range(5)]
        assert statuses == [401] * 4 + [429]


def test_wrong_secrets_use_the_senders_budget_not_the_named_devices(limited: Env) -> None:
    org = limited.org()
    device = org.enrol()  # enrolment comes from 127.0.0.1 and takes one of its address's tokens
    forged = {"Authorization": f"Bearer {device.device_id}.{'x' * 43}"}
    with _from(limited, "127.0.0.2") as attacker, _from(limited, "127.0.0.3") as office_pc:
        statuses = [attacker.get("/v1/health", headers=forged).status_code for _ in range(8)]
        assert statuses[:4] == [401] * 4 and set(statuses[4:]) == {429}
        # The address is limited whatever device it names, and unauthenticated enrolment too.
        other = attacker.get("/v1/health", headers={"Authorization": "Bearer other.secret"})
        assert other.status_code == 429 and int(other.headers["retry-after"]) >= 1
        assert attacker.post("/v1/enrol", json={}).status_code == 429
        # The real device, from its own address, still has its whole budget.
        for _ in range(4):
            assert office_pc.get("/v1/health", headers=device.auth()).status_code == 200
        # ... and its own budget is its own: the fifth request in a row waits.
        assert office_pc.get("/v1/health", headers=device.auth()).status_code == 429
