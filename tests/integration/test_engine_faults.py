"""R10/R11 for the product's own sync engine: a real workspace, the real engine, a real server behind the
fault-injecting proxy (refuse, reset, delay past the timeout, truncate, drop the answer after the commit).

The PC records reports with the calling service and syncs (sync.client.engine over desktop.storage's store) until
the outbox is empty. Every report must be stored exactly once, every outbox row acknowledged, no sequence gap
left, and the pulled statuses must be the server's. The same run against a server with idempotency switched off
must be caught by the same checks.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from desktop.domain.models import CallReport
from desktop.paths import WorkspacePaths
from desktop.services import sync_engine
from desktop.services.calling import CallingService, Card
from desktop.services.enrolment import Enrolment
from desktop.storage import contact_store, outbox_store
from desktop.storage.workspace import Workspace
from sync.client import SyncClient, Unreachable
from sync.core.rules import Outcome
from sync.server import db
from sync.server.cli import NO_IDEMPOTENCY_ENV
from tests.integration.conftest import PASS, Office, callable_always, make_office
from tests.server.conftest import NO_LIMITS
from tests.server.faultproxy import FAULTS, FaultProxy

REPORTS = 40
MIN_FAULTS = 60
MAX_ATTEMPTS = 2000
OUTCOMES = (Outcome.REACHED, Outcome.NO_PICKUP, Outcome.BUSY, Outcome.VOICEMAIL, Outcome.NOT_AVAILABLE)


@dataclass
class Run:
    ws: Workspace
    report_ids: list[str]
    proxy: FaultProxy
    stored_rows: int
    stored_ids: int
    missing: list[tuple[int, int]]


def enrolled_workspace(office: Office, tmp_path: Path) -> Workspace:
    office.office.commands.record_declaration(office.lead, office.office.today())
    callable_always(office)  # the test calls whenever it runs, also outside the default calling hours
    ws = sync_engine.enrol(
        WorkspacePaths(tmp_path / "pc" / "workspace"),
        server_url=office.url,
        code=office.code(),
        label="Erika B.",
        passphrase=PASS,
    )
    sync_engine.sync_once(ws.conn)
    return ws


def record_reports(ws: Workspace, campaign: str, rng: random.Random) -> list[str]:
    service, ids = CallingService(ws), []
    for _ in range(REPORTS):
        card = service.next_card(campaign)
        assert isinstance(card, Card)
        report = CallReport(
            campaign_id=campaign,
            contact_id=card.contact.id,
            caller_id=ws.person.id,
            outcome=rng.choice(OUTCOMES),
            created_at=service.clock(),
        )
        service.record(report)
        ids.append(report.id)
    return ids


def sync_through_faults(office: Office, tmp_path: Path, seed: int) -> Run:
    print(f"seed {seed}")
    rng = random.Random(seed)
    ws = enrolled_workspace(office, tmp_path)
    ids = record_reports(ws, office.campaign, rng)
    enrolment = Enrolment.load(ws.conn)
    assert enrolment is not None
    attempts = iter(range(MAX_ATTEMPTS))
    with (
        FaultProxy(int(office.url.rsplit(":", 1)[1]), seed=seed) as proxy,
        SyncClient(
            proxy.url, enrolment.device_id, enrolment.device_secret, timeout=httpx.Timeout(0.3)
        ) as client,
    ):
        done = False
        while not done or proxy.faults < MIN_FAULTS:
            next(attempts)  # a server that never answers cannot hang the test
            try:
                sync_engine.sync_with(
                    sync_engine.store_for(ws.conn), enrolment, client=client, batch=rng.randint(1, 4)
                )
            except Unreachable:
                continue
            done = outbox_store.pending_count(ws.conn, None) == 0
    with office.office.engine.connect() as conn:
        rows = conn.execute(
            select(func.count(), func.count(func.distinct(db.reports.c.report_id))).where(
                db.reports.c.report_id.in_(ids)
            )
        ).one()
    with SyncClient(office.url, enrolment.device_id, enrolment.device_secret) as direct:
        missing = [(g.first, g.last) for g in direct.health().missing]
    return Run(ws, ids, proxy, rows[0], rows[1], missing)


@pytest.fixture
def office_without_limits(tmp_path: Path) -> Iterator[Office]:
    with make_office(tmp_path, *NO_LIMITS) as office:
        yield office


def test_the_engine_delivers_every_report_exactly_once_through_faults(
    office_without_limits: Office, tmp_path: Path
) -> None:
    office = office_without_limits
    run = sync_through_faults(office, tmp_path, seed=11)
    try:
        assert run.proxy.faults >= MIN_FAULTS and set(run.proxy.injected) == set(FAULTS), run.proxy.injected
        assert (run.stored_rows, run.stored_ids) == (REPORTS, REPORTS)  # exactly once
        assert {state for _, _, kind, state in outbox_store.outbox_rows(run.ws.conn) if kind == "report"} == {
            "sent"
        }
        assert run.missing == []  # no sequence number skipped (R12)
        # The pull went through the same faults: the PC holds the server's verdict for every contact.
        with office.office.engine.connect() as conn:
            server = dict(
                conn.execute(
                    select(db.campaign_contacts.c.id, db.campaign_contacts.c.status).where(
                        db.campaign_contacts.c.campaign_id == office.campaign
                    )
                ).all()
            )
        local = {s.contact_id: s.status.value for s in contact_store.all_states(run.ws.conn, office.campaign)}
        assert local == server
    finally:
        run.ws.close()


def test_the_check_catches_a_server_that_ignores_keys(tmp_path: Path) -> None:
    with make_office(tmp_path, *NO_LIMITS, env={NO_IDEMPOTENCY_ENV: "1"}) as office:
        run = sync_through_faults(office, tmp_path, seed=11)
        run.ws.close()
    assert run.stored_rows > REPORTS  # the same checks would fail: a lost answer made a second row
