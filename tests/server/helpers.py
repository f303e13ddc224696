"""Synthetic scenarios for the central-office tests. All names are invented; all phone numbers are from the
fiction range +49 30 23125 xxx."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import func, select

from sync.client import SyncClient
from sync.core import protocol as p
from sync.core.memberfile import MemberRecord
from sync.core.rules import ZETKIN_CODES, Outcome
from sync.server import db
from sync.server.db import open_database
from sync.server.devtools import RunningServer, running_server
from sync.server.office import CentralOffice
from tests.content_support import CONTENT

FIRST_NAMES = ("Alwine", "Bertold", "Cordula", "Detlev", "Eulalia", "Friedbert", "Gunhild", "Hartmut")
LAST_NAMES = ("Quastenberg", "Rumpelmeier", "Schnarrwitz", "Tüddelkamp", "Ulkowski")


def fiction_phone(i: int) -> str:
    return f"+493023125{i % 1000:03d}"


def members(n: int, start: int = 0) -> list[MemberRecord]:
    return [
        MemberRecord(
            row=i + 2,
            category="member",
            phone=fiction_phone(start + i),
            first_name=FIRST_NAMES[i % len(FIRST_NAMES)],
            last_name=LAST_NAMES[i % len(LAST_NAMES)],
            locality="Fiktivhausen",
            district="Nordviertel",
            postcode="99999",
        )
        for i in range(n)
    ]


def now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Device:
    device_id: str
    secret: str
    person_id: str
    enrolment: p.EnrolResponse
    client: SyncClient
    seq: int = 0

    def next_seq(self) -> int:
        self.seq += 1
        return self.seq

    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.device_id}.{self.secret}"}


@dataclass
class Org:
    env: Env
    org_id: str
    lead_id: str
    resolution_id: str | None
    campaign_id: str | None
    devices: list[Device] = field(default_factory=list)

    def enrol(self, person_id: str | None = None, name: str = "Büro-PC") -> Device:
        person_id = person_id or self.lead_id
        code, _ = self.env.office.commands.create_enrolment_code(self.org_id, person_id)
        response = SyncClient.enrol(self.env.url, code, name)
        client = SyncClient(self.env.url, response.device_id, response.device_secret, timeout=20)
        self.env.clients.append(client)  # closed when the server fixture ends
        device = Device(response.device_id, response.device_secret, person_id, response, client)
        self.devices.append(device)
        return device

    def contacts(self, device: Device) -> list[p.ContactRecord]:
        return pull_all(device.client).contacts

    def report(self, device: Device, contact_id: str, outcome: str = "reached", **kw: Any) -> p.ReportItem:
        return report_item(device.next_seq(), self.campaign_id, contact_id, outcome, **kw)


def report_item(
    seq: int,
    campaign_id: str | None,
    contact_id: str,
    outcome: str = "reached",
    key: uuid.UUID | None = None,
    **kw: Any,
) -> p.ReportItem:
    outcome = Outcome(outcome)
    payload = p.ReportPayload(
        report_id=kw.pop("report_id", uuid.uuid4().hex),
        campaign_id=campaign_id or "none",
        contact_id=contact_id,
        outcome=outcome,
        zetkin=ZETKIN_CODES[outcome],
        created_at=kw.pop("created_at", now()),
        **kw,
    )
    return p.ReportItem(idempotency_key=key or uuid.uuid4(), seq=seq, payload=payload)


def pull_pages(client: SyncClient, cursor: str | None = None, limit: int = 500) -> list[p.PullPage]:
    """Every page from ``cursor`` until the server says there is no more."""
    pages = []
    while True:
        page = client.pull(cursor, limit=limit)
        pages.append(page)
        cursor = page.next_cursor
        if not page.has_more:
            return pages


def pull_all(client: SyncClient, cursor: str | None = None, limit: int = 500) -> p.PullPage:
    """All pages merged into one (the last page's clearances, revocations and cursor)."""
    pages = pull_pages(client, cursor, limit)
    merged: dict[str, list[Any]] = {
        k: [] for k in ("campaigns", "contacts", "statuses", "pledge_decisions", "contents")
    }
    for page in pages:
        for k in merged:
            merged[k].extend(getattr(page, k))
    return pages[-1].model_copy(update=merged)


@dataclass
class Env:
    backend: str
    server: RunningServer
    office: CentralOffice
    clients: list[SyncClient] = field(default_factory=list)

    @property
    def url(self) -> str:
        return self.server.url

    def http(self) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=20)

    def org(
        self,
        *,
        n_members: int = 5,
        purposes: tuple[str, ...] = ("invitation",),
        purpose: str = "invitation",
        trained: bool = True,
        declared: bool = True,
        responsible: bool = True,
        release: bool = True,
        resolution: bool = True,
    ) -> Org:
        office, today = self.office, date.today()
        org_id = office.commands.add_org(f"KV Fiktivhausen {uuid.uuid4().hex[:8]}")
        lead = office.commands.add_person(org_id, "Leitfigur Testhuber")
        other = office.commands.add_person(org_id, "Vertretung Probemann")
        office.commands.import_members(org_id, members(n_members))
        resolution_id = campaign_id = None
        if resolution:
            resolution_id = office.commands.add_resolution(
                org_id,
                today - timedelta(days=10),
                "Kreisvorstand",
                purposes,
                [lead if responsible else other],
                valid_until=today + timedelta(days=90),
            )
        if trained:
            office.commands.record_training(lead, today - timedelta(days=5))
        if declared:
            office.commands.record_declaration(lead, today - timedelta(days=5), "v1")
        if release and resolution_id:
            campaign_id, _ = office.commands.release_campaign(
                org_id, "Einladung Mitgliederversammlung", purpose, resolution_id, content=CONTENT
            )
        return Org(self, org_id, lead, resolution_id, campaign_id)

    def count(self, table: Any, *where: Any) -> int:
        with self.office.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(table).where(*where)).scalar_one()

    def reports_of(self, device_ids: list[str]) -> tuple[int, int]:
        """(rows, distinct report ids) stored for these devices."""
        r = db.reports
        with self.office.engine.connect() as conn:
            return tuple(
                conn.execute(
                    select(func.count(), func.count(r.c.report_id.distinct())).where(
                        r.c.device_id.in_(device_ids)
                    )
                ).one()
            )


@contextmanager
def serving(
    backend: str, database_url: str, log_dir: Path, *args: str, env: dict[str, str] | None = None
) -> Iterator[Env]:
    office = CentralOffice(open_database(database_url, pool_size=2))
    try:
        with running_server(database_url, *args, env=env, log_dir=log_dir) as server:
            serving_env = Env(backend, server, office)
            try:
                yield serving_env
            finally:
                for client in serving_env.clients:  # before the server stops: no idle keep-alive to wait for
                    client.close()
    finally:
        office.engine.dispose()
