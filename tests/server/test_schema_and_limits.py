"""Migrations agree with the schema on both backends; sync/ imports neither Qt nor desktop/; rate limits."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from sync.server import db
from sync.server.devtools import REPO_ROOT
from tests.server.helpers import Env, serving


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_migrations_match_the_schema(make_database, backend: str) -> None:
    engine = db.open_database(make_database(backend), pool_size=1)
    try:
        db.migrate(engine)  # twice is harmless
        with engine.connect() as conn:
            diff = compare_metadata(
                MigrationContext.configure(conn, opts={"compare_type": True}), db.metadata
            )
        assert diff == []
    finally:
        engine.dispose()
    cfg = Config()
    cfg.set_main_option("script_location", str(db.MIGRATIONS_DIR))
    assert ScriptDirectory.from_config(cfg).get_current_head() == db.SCHEMA_HEAD


def test_sync_imports_neither_qt_nor_desktop() -> None:
    code = (
        "import sys, sync.core.protocol, sync.client, sync.server.app, sync.server.cli, sync.server.office; "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('desktop', 'PySide6', 'shiboken6')]; "
        "print(*bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def limited_server(make_database, tmp_path_factory) -> Iterator[Env]:
    with serving(
        "sqlite",
        make_database("sqlite"),
        tmp_path_factory.mktemp("log-limited"),
        "--rate-limit",
        "0.5",
        "--burst",
        "3",
    ) as env:
        yield env


def test_rate_limit_of_failed_tokens_per_address(limited_server: Env) -> None:
    """Wrong tokens use up the sender's address budget (tests/server/test_hardening.py: never the device's)."""
    with limited_server.http() as http:
        statuses = [
            http.get("/v1/health", headers={"Authorization": "Bearer somedevice.wrong"}).status_code
            for _ in range(5)
        ]
        assert statuses[:3] == [401, 401, 401] and statuses[3:] == [429, 429]
        limited = http.get("/v1/health", headers={"Authorization": "Bearer somedevice.wrong"})
        assert limited.json()["code"] == "rate_limited" and int(limited.headers["retry-after"]) >= 1


def test_client_refuses_plain_http_off_loopback() -> None:
    from sync.client import InsecureTransport, SyncClient, check_url

    for url in ("http://zentrale.example.org", "http://192.168.1.10:8470", "ftp://127.0.0.1"):
        with pytest.raises(InsecureTransport):
            check_url(url)
        with pytest.raises(InsecureTransport):
            SyncClient.enrol(url, "AAAA-BBBB-CCCC-DDDD", "PC")
    assert check_url("https://zentrale.example.org/") == "https://zentrale.example.org"
    assert check_url("http://[::1]:8470") == "http://[::1]:8470"
    assert "secret" not in repr(SyncClient("http://localhost:1", "dev", "secret"))


def test_client_reports_unreachable_server() -> None:
    from sync.client import SyncClient, Unreachable
    from sync.server.devtools import free_port

    with (
        SyncClient(f"http://127.0.0.1:{free_port()}", "dev", "secret", timeout=2) as client,
        pytest.raises(Unreachable),
    ):
        client.health()
