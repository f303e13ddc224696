"""R14 for the sync API: malformed, oversized and unknown-version bodies get a clear error and change nothing.

Property tests run decoding in-process (every model) and against the real server (never a 5xx)."""

from __future__ import annotations

import json
import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sync.core import protocol as p
from sync.server import db
from tests.server.helpers import Env, report_item

MODELS = [
    p.EnrolRequest,
    p.EnrolResponse,
    p.PushRequest,
    p.PushResponse,
    p.PullPage,
    p.SyncHealth,
    p.ErrorBody,
]


@pytest.fixture(scope="module")
def device(server: Env):
    org = server.org()
    device = org.enrol()
    contact = org.contacts(device)[0].contact_id
    return org, device, contact


def _valid_push(org, contact: str) -> dict:
    return json.loads(
        p.encode(
            p.PushRequest(
                items=[
                    report_item(
                        1, org.campaign_id, contact, "call_back", answers={"q1": True, "q2": ["a", "b"]}
                    )
                ]
            )
        )
    )


CASES = [
    (b"", 400, "malformed"),
    (b"{not json", 400, "malformed"),
    (b"\xff\xfe\x00garbage", 400, "malformed"),
    (b"[1, 2]", 400, "malformed"),
    (b'"text"', 400, "malformed"),
    (b"{}", 400, "malformed"),
    (b'{"protocol_version": 2, "items": []}', 400, "unsupported_version"),
    (b'{"protocol_version": "1", "items": []}', 400, "unsupported_version"),
    (b'{"protocol_version": true, "items": []}', 400, "unsupported_version"),
    (b'{"protocol_version": 1, "items": []}', 422, "invalid"),
    (b'{"protocol_version": 1, "items": [{"kind": "report"}]}', 422, "invalid"),
    (b'{"protocol_version": 1, "items": [{"kind": "telegram", "seq": 1}]}', 422, "invalid"),
    (b"[" * 100_000 + b"]" * 100_000, 400, "malformed"),
]


@pytest.mark.parametrize(("body", "status", "code"), CASES, ids=range(len(CASES)))
def test_bad_push_bodies(server: Env, device, body: bytes, status: int, code: str) -> None:
    _, dev, _ = device
    before = server.count(db.reports)
    with server.http() as http:
        response = http.post("/v1/push", content=body, headers=dev.auth())
    assert (response.status_code, response.json()["code"]) == (status, code)
    error = p.decode(p.ErrorBody, response.content)
    assert error.message and error.protocol_version == 1
    assert server.count(db.reports) == before


def test_invalid_report_is_explained_without_echoing_input(server: Env, device) -> None:
    org, dev, contact = device
    body = _valid_push(org, contact)
    body["items"][0]["payload"].update(
        outcome="objection", zetkin=None, callback_after="2030-01-01T10:00:00Z", note="Quastenberg " * 3
    )
    with server.http() as http:
        response = http.post("/v1/push", json=body, headers=dev.auth())
    assert (response.status_code, response.json()["code"]) == (422, "invalid")
    assert "call-back" in response.text and "Quastenberg" not in response.text


def test_oversized_bodies(server: Env, device) -> None:
    _, dev, _ = device
    big = b'{"protocol_version": 1, "items": [], "pad": "' + b"x" * p.MAX_BODY_BYTES + b'"}'
    with server.http() as http:
        declared = http.post("/v1/push", content=big, headers=dev.auth())
        chunked = http.post(
            "/v1/push",
            content=iter([big[i : i + 65536] for i in range(0, len(big), 65536)]),
            headers=dev.auth(),
        )
        enrol = http.post("/v1/enrol", content=big)
    for response in (declared, chunked, enrol):
        assert (response.status_code, response.json()["code"]) == (413, "body_too_large")


def test_unknown_routes_and_methods(server: Env, device) -> None:
    _, dev, _ = device
    with server.http() as http:
        assert http.get("/v2/pull", headers=dev.auth()).json()["code"] == "not_found"
        assert http.delete("/v1/push", headers=dev.auth()).json()["code"] == "method_not_allowed"
        bad_limit = http.get("/v1/pull", params={"limit": "lots"}, headers=dev.auth())
        assert (bad_limit.status_code, bad_limit.json()["code"]) == (400, "malformed")
        assert (
            http.post("/v1/enrol", json={"protocol_version": 7, "code": "x"}).json()["code"]
            == "unsupported_version"
        )


# ------------------------------------------------------------------------------------------------ properties

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False)
    | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=20,
)


def _mutate(data: object, path: list[str | int], value: object) -> object:
    """Replace the value at (a prefix of) ``path`` with ``value``."""
    if not path or not isinstance(data, (dict, list)):
        return value
    key, rest = path[0], path[1:]
    if isinstance(data, dict):
        key = str(key) if str(key) in data else next(iter(data), "k")
        return {**data, key: _mutate(data.get(key), rest, value)}
    if not data:
        return [value]
    index = int(key) % len(data) if isinstance(key, int) else 0
    return [*data[:index], _mutate(data[index], rest, value), *data[index + 1 :]]


PATHS = st.lists(
    st.sampled_from(
        [
            "items",
            0,
            "payload",
            "outcome",
            "zetkin",
            "answers",
            "created_at",
            "seq",
            "idempotency_key",
            "kind",
            "protocol_version",
            "corrects",
            "wrong_numbers",
        ]
    ),
    max_size=4,
)


@settings(max_examples=300, deadline=None)
@given(model=st.sampled_from(MODELS), raw=st.binary(max_size=200) | json_values.map(json.dumps))
def test_decode_raises_only_protocol_errors(model, raw) -> None:
    try:
        p.decode(model, raw)
    except p.ProtocolError as exc:
        assert exc.status in (400, 413, 422) and exc.body().code == exc.code.value


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=PATHS, value=json_values, truncate=st.integers(0, 400) | st.none())
def test_server_answers_mutated_pushes_clearly(server: Env, device, path, value, truncate) -> None:
    org, dev, contact = device
    body = _valid_push(org, contact)
    body["items"][0]["idempotency_key"] = str(uuid.uuid4())
    raw = json.dumps(_mutate(body, path, value)).encode()
    if truncate is not None:
        raw = raw[:truncate]
    with server.http() as http:
        response = http.post("/v1/push", content=raw, headers=dev.auth())
    assert response.status_code in (200, 400, 422), response.text
    if response.status_code == 200:
        p.decode(p.PushResponse, response.content)
    else:
        assert p.decode(p.ErrorBody, response.content).code in ("malformed", "unsupported_version", "invalid")
