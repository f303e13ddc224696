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
from tests.content_support import CONTENT
from tests.server.helpers import Env

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PASSWORD = "Rote-Nelke-am-Fenster-42"


@dataclass
class Staff:
    id: str
    name: str
    password: str
    secret: str | None
    last_step: int = -1

    def code(self) -> str:
        """A code not used yet: this step's, or the next one's (the server accepts one step of drift), or it
        waits for the following step."""
        assert self.secret is not None
        now = totp.step_of(datetime.now(UTC))
        step = max(now, self.last_step + 1)
        if step > now + totp.WINDOW:
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
        return list(
            conn.execute(select(al.c.action).where(al.c.actor_id == actor_id).order_by(al.c.id)).scalars()
        )


@dataclass
class Populated:
    """An org with everything the pages can show: persons in each standing, a resolution, a campaign with
    reports, an active device with a pending pledge, a rejected item, a sequence gap and an audit-chain break,
    and a revoked device."""

    org_id: str
    lead_id: str
    device_id: str
    revoked_device_id: str
    campaign_id: str


def populate(env: Env, *, name: str | None = None) -> Populated:
    from datetime import date, timedelta

    from sync.client import SyncClient
    from sync.core import protocol as p
    from sync.core.audit_chain import GENESIS, entry_hash
    from tests.server.helpers import members, pull_all, report_item

    office, today = env.office, date.today()
    org_id = office.commands.add_org(name or f"KV Musterstadt {uuid.uuid4().hex[:4]}")
    lead = office.commands.add_person(org_id, "Renate Lindenblatt")
    deputy = office.commands.add_person(org_id, "Jo Beispiel-Verantwortlich")
    office.commands.add_person(org_id, "Kai Neumann")
    office.commands.import_members(org_id, members(12))
    resolution = office.commands.add_resolution(
        org_id,
        today - timedelta(days=20),
        "Kreisvorstand",
        ["invitation", "survey"],
        [lead, deputy],
        valid_until=today + timedelta(days=180),
        document_ref="Protokoll KV 2026/11, TOP 4",
    )
    office.commands.add_resolution(
        org_id,
        today - timedelta(days=500),
        "Mitgliederversammlung",
        ["keep-in-touch"],
        [lead],
        valid_until=today - timedelta(days=135),
        document_ref="MV 2025",
    )
    office.commands.record_training(lead, today - timedelta(days=30))
    office.commands.record_declaration(
        lead, today - timedelta(days=30), "2026-1", "Ordner Datenschutz, Blatt 12"
    )
    office.commands.record_training(deputy, today - timedelta(days=350))  # renewal due soon
    campaign_id, _ = office.commands.release_campaign(
        org_id,
        "Einladung Jahresempfang",
        "invitation",
        resolution,
        ends_on=today + timedelta(days=30),
        content=CONTENT,
    )

    def enrol(person: str, device_name: str) -> tuple[str, SyncClient]:
        code, _ = office.commands.create_enrolment_code(org_id, person)
        enrolled = SyncClient.enrol(env.url, code, device_name)
        client = SyncClient(env.url, enrolled.device_id, enrolled.device_secret, timeout=20)
        env.clients.append(client)
        return enrolled.device_id, client

    device_id, client = enrol(lead, "Büro-PC Geschäftsstelle")
    contacts = pull_all(client).contacts
    outcomes = ["reached", "reached", "voicemail", "objection", "wrong_number", "busy"]
    items: list[Any] = [
        report_item(i + 1, campaign_id, contacts[i].contact_id, o) for i, o in enumerate(outcomes)
    ]
    items.append(
        p.PledgeItem(
            idempotency_key=uuid.uuid4(),
            seq=7,
            payload=p.PledgePayload(
                pledge_id=uuid.uuid4().hex,
                volunteer_id=uuid.uuid4().hex,
                volunteer_label="Wunibald Q.",
                text_version="2026-1",
                signed_at=datetime.now(UTC),
            ),
        )
    )
    items.append(report_item(8, campaign_id, "no-such-contact", "reached"))  # rejected: unknown contact
    prev, chain = GENESIS, []
    for seq in (1, 2, 3, 5):  # entry 4 never arrives: an audit-chain break
        body = {
            "seq": seq,
            "id": uuid.uuid4().hex,
            "at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
            "kind": "unlock",
            "person_id": lead,
            "subject": None,
        }
        entry = {**body, "prev_hash": prev, "hash": entry_hash(prev, body)}
        prev = entry["hash"]
        chain.append(entry)
    items += [
        p.AuditEventItem(
            idempotency_key=uuid.uuid4(), seq=9 + i, payload=p.AuditEventPayload.from_chain_entry(e)
        )
        for i, e in enumerate(chain)
    ]
    items.append(report_item(15, campaign_id, contacts[6].contact_id, "reached"))  # 13-14 missing: a gap
    client.push(items)
    revoked_id, _ = enrol(deputy, "Laptop Jo")
    office.commands.revoke_device(revoked_id)
    return Populated(org_id, lead, device_id, revoked_id, campaign_id)
