"""Issue 16 point 10: schemathesis fuzzes push and pull of a REAL server process from the OpenAPI document that
server serves, with and without a device token. Never a 5xx, every answer as documented (status code, content
type, body schema). Bounded: a fixed number of examples per operation (about a minute on this machine type)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings

from tests.server.conftest import NO_LIMITS
from tests.server.helpers import Device, Env, serving

EXAMPLES = int(os.environ.get("TELEFONAKTION_FUZZ_EXAMPLES", "30"))


@pytest.fixture(scope="module")
def fuzz_env(make_database, tmp_path_factory) -> Iterator[Env]:
    with serving("sqlite", make_database("sqlite"), tmp_path_factory.mktemp("log-fuzz"), *NO_LIMITS) as env:
        yield env


@pytest.fixture(scope="module")
def fuzz_device(fuzz_env: Env) -> Device:
    org = fuzz_env.org()
    return org.enrol()


FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,  # the same examples every run (no seed to print)
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)


def _call_and_check(case: schemathesis.Case, env: Env, headers: dict[str, str]) -> None:
    response = case.call(base_url=env.url, headers=headers, timeout=20)
    assert response.status_code < 500, (response.status_code, response.text[:300])
    case.validate_response(
        response,
        checks=[
            schemathesis.checks.not_a_server_error,
            schemathesis.checks.status_code_conformance,
            schemathesis.checks.content_type_conformance,
            schemathesis.checks.response_schema_conformance,
        ],
    )


def _fuzz(env: Env, headers: dict[str, str]) -> list[str]:
    """Every operation of push and pull in the document the server serves, fuzzed; returns their labels."""
    served = schemathesis.openapi.from_url(f"{env.url}/openapi.json").include(path_regex=r"^/v1/(push|pull)$")
    labels = []
    for result in served.get_all_operations():
        operation = result.ok()
        labels.append(operation.label)

        @FUZZ
        @given(case=operation.as_strategy())
        def run(case: schemathesis.Case) -> None:
            _call_and_check(case, env, headers)

        run()
    return sorted(labels)


def test_push_and_pull_with_a_device_token(fuzz_env: Env, fuzz_device: Device) -> None:
    assert _fuzz(fuzz_env, fuzz_device.auth()) == ["GET /v1/pull", "POST /v1/push"]


def test_push_and_pull_without_a_device_token(fuzz_env: Env) -> None:
    assert _fuzz(fuzz_env, {}) == ["GET /v1/pull", "POST /v1/push"]
