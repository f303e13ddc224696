"""Helpers of the web-interface tests. All names are invented."""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select

from sync.server import db
from sync.server.web import totp
from sync.server.web.auth import StaffAccounts
from tests.server.helpers import Env

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PASSWORD = "Rote-Nelke-am-Fenster-42"


@dataclass
class Staff:
    id: str
    name: str
    password: str
    secret: str | None
    last_step: int = -1

    def code(self) -> str:
        """A fresh TOTP code: waits for the next 30-second step if this one was used already."""
        assert self.secret is not None
        step = totp.step_of(datetime.now(UTC))
        if step <= self.last_step:
            time.sleep(totp.STEP_SECONDS - time.time() % totp.STEP_SECONDS + 0.2)
            step = totp.step_of(datetime.now(UTC))
        self.last_step = step
        return totp.code_at(self.secret, step)


def make_staff(env: Env, *, with_totp: bool = True, name: str | None = None) -> Staff:
    name = name or f"Sachbearbeitung {uuid.uuid4().hex[:6]}"
    staff_id, secret = StaffAccounts(env.office.engine).add(name, PASSWORD, with_totp=with_totp)
    return Staff(staff_id, name, PASSWORD, secret)


def sign_in(page: Any, staff: Staff, *, path: str = "/web/") -> None:
    page.goto(path)
    page.get_by_label("Name").fill(staff.name)
    page.get_by_label("Passwort").fill(staff.password)
    if staff.secret:
        page.get_by_label("Einmalcode aus der App").fill(staff.code())
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_load_state()
    assert "/web/login" not in page.url, page.locator("main").inner_text()


def notice(page: Any) -> str:
    return page.locator("[role=status]").inner_text()


def problem(page: Any) -> str:
    return page.locator("[role=alert]").inner_text()


def audit_actions(env: Env, actor_id: str) -> list[str]:
    al = db.audit_log
    with env.office.engine.connect() as conn:
        return list(conn.execute(select(al.c.action).where(al.c.actor_id == actor_id).order_by(al.c.id)).scalars())
