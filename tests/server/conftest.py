"""Fixtures of the central-office tests: a REAL server subprocess per backend (SQLite file, PostgreSQL).

PostgreSQL is started by the fixture (initdb + pg_ctl in a temp dir). Without its binaries the PostgreSQL
tests are skipped locally and fail when CI=true.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from sync.server.devtools import create_database, find_pg_bin, temporary_postgres
from tests.server.helpers import Env, serving

NO_LIMITS = ("--rate-limit", "100000", "--burst", "100000")


@pytest.fixture(scope="session")
def pg_admin_url() -> Iterator[str]:
    if find_pg_bin() is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("PostgreSQL binaries not found, and CI=true: PostgreSQL tests must run in CI")
        pytest.skip("PostgreSQL binaries not found (tests run in CI)")
    with temporary_postgres() as url:
        yield url


@pytest.fixture(scope="session")
def make_database(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    counter = iter(range(1_000_000))

    def make(backend: str) -> str:
        name = f"zentrale_{next(counter)}"
        if backend == "sqlite":
            return str(tmp_path_factory.mktemp("db") / f"{name}.db")
        return create_database(request.getfixturevalue("pg_admin_url"), name)

    return make


@pytest.fixture(scope="session", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def server(request: pytest.FixtureRequest, make_database, tmp_path_factory) -> Iterator[Env]:
    with serving(
        request.param, make_database(request.param), tmp_path_factory.mktemp("log"), *NO_LIMITS
    ) as env:
        yield env
