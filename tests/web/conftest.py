"""Fixtures of the web-interface tests: a REAL server subprocess on SQLite and headless Chromium from Debian
(/usr/bin/chromium) driven by Playwright. Without Chromium or Playwright the browser tests are skipped locally
and fail when CI=true."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.server.conftest import make_database, pg_admin_url, server  # noqa: F401  (both backends, for ingest)
from tests.server.helpers import Env, serving
from tests.web.web_support import CHROMIUM_ARGS, Staff, make_staff

NO_LIMITS = ("--rate-limit", "100000", "--burst", "100000")


def chromium_path() -> str | None:
    candidate = os.environ.get("TELEFONAKTION_CHROMIUM") or "/usr/bin/chromium"
    return candidate if Path(candidate).exists() else shutil.which("chromium")


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(
            f"{reason}, and CI=true: the browser tests must run in CI (scripts/test.sh installs chromium)"
        )
    pytest.skip(f"{reason} (install with: apt-get install -y chromium; the tests run in CI)")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    executable = chromium_path()
    if executable is None:
        _unavailable(
            "Chromium not found (/usr/bin/chromium, $TELEFONAKTION_CHROMIUM or chromium on the PATH)"
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the Python package playwright is not installed")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="session")
def web(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Env]:
    database = str(tmp_path_factory.mktemp("webdb") / "zentrale.db")
    with serving("sqlite", database, tmp_path_factory.mktemp("weblog"), *NO_LIMITS) as env:
        yield env


@pytest.fixture
def context(browser: Any, web: Env) -> Iterator[Any]:
    ctx = browser.new_context(
        base_url=web.url, viewport={"width": 1280, "height": 900}, locale="de-DE", accept_downloads=True
    )
    ctx.set_default_timeout(15_000)
    try:
        yield ctx
    finally:
        ctx.close()


@pytest.fixture
def page(context: Any) -> Any:
    return context.new_page()


@pytest.fixture
def staff(web: Env) -> Staff:
    """A fresh staff member with a TOTP second factor (each test its own: codes are accepted once)."""
    return make_staff(web, with_totp=True)
