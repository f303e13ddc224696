"""R13 access matrix: every device endpoint x (no token, malformed token, unknown device, wrong secret,
revoked device) is refused; a device of another org can neither read nor write this org's data."""

from __future__ import annotations

import uuid

import pytest

from sync.client import Refused
from sync.core import protocol as p
from sync.server import db
from tests.server.helpers import Env, pull_all, report_item

ENDPOINTS = [("POST", "/v1/push"), ("GET", "/v1/pull"), ("GET", "/v1/health")]


def _body(campaign_id: str, contact_id: str) -> bytes:
    return p.encode(p.PushRequest(items=[report_item(1, campaign_id, contact_id, "reached")]))


@pytest.fixture(scope="module")
def orgs(server: Env):
    a, b = server.org(), server.org()
    device_a, device_b, revoked = a.enrol(), b.enrol(), a.enrol(name="verlorener Laptop")
    server.office.commands.revoke_device(revoked.device_id)
    a.first_contact = a.contacts(device_a)[0].contact_id
    return a, b, device_a, device_b, revoked


CREDENTIALS = {
    "no token": lambda d, r: {},
    "not bearer": lambda d, r: {"Authorization": f"Basic {d.device_id}.{d.secret}"},
    "malformed token": lambda d, r: {"Authorization": "Bearer nodot"},
    "unknown device": lambda d, r: {"Authorization": f"Bearer {uuid.uuid4().hex}.{d.secret}"},
    "wrong secret": lambda d, r: {"Authorization": f"Bearer {d.device_id}.{d.secret[:-2]}xx"},
    "revoked device": lambda d, r: r.auth(),
}


@pytest.mark.parametrize("who", list(CREDENTIALS))
@pytest.mark.parametrize(("method", "path"), ENDPOINTS)
def test_refused_without_valid_device(server: Env, orgs, who: str, method: str, path: str) -> None:
    a, _, device_a, _, revoked = orgs
    contact = a.first_contact
    before = server.count(db.reports)
    with server.http() as http:
        response = http.request(
            method,
            path,
            headers=CREDENTIALS[who](device_a, revoked),
            content=_body(a.campaign_id, contact) if method == "POST" else None,
        )
    expected = (403, "device_revoked") if who == "revoked device" else (401, "unauthorized")
    assert (response.status_code, response.json()["code"]) == expected
    assert server.count(db.reports) == before


def test_client_reports_revocation(server: Env, orgs) -> None:
    _, _, _, _, revoked = orgs
    with pytest.raises(Refused) as exc:
        revoked.client.pull()
    assert (exc.value.status, exc.value.code) == (403, "device_revoked")


def test_foreign_org_cannot_write(server: Env, orgs) -> None:
    a, b, device_a, device_b, _ = orgs
    contact_a = a.contacts(device_a)[0].contact_id
    contact_b = b.contacts(device_b)[0].contact_id
    before = server.count(db.reports)
    results = device_b.client.push(
        [
            b.report(device_b, contact_a),  # A's contact under B's campaign
            report_item(device_b.next_seq(), a.campaign_id, contact_a),  # A's campaign and contact
            report_item(device_b.next_seq(), a.campaign_id, contact_b),  # A's campaign, B's contact
        ]
    ).results
    assert [(r.status, r.reason) for r in results] == [
        (p.ItemStatus.REJECTED, p.RejectReason.UNKNOWN_CONTACT),
        (p.ItemStatus.REJECTED, p.RejectReason.UNKNOWN_CAMPAIGN),
        (p.ItemStatus.REJECTED, p.RejectReason.UNKNOWN_CAMPAIGN),
    ]
    assert server.count(db.reports) == before


def test_foreign_org_cannot_read(server: Env, orgs) -> None:
    a, b, device_a, device_b, _ = orgs
    device_a.client.push([a.report(device_a, a.contacts(device_a)[0].contact_id, "objection")])
    page_b = pull_all(device_b.client)
    ids_a = {a.org_id, a.campaign_id, a.resolution_id} | {c.contact_id for c in a.contacts(device_a)}
    text_b = page_b.model_dump_json()
    assert not any(i in text_b for i in ids_a)
    assert {c.campaign_id for c in page_b.contacts} == {b.campaign_id}
    assert device_b.client.health().device_id == device_b.device_id
