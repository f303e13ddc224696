"""The central office as two server processes on one PostgreSQL (issue 13.7), with 24 devices of one organisation
spread over both: leases, idempotency and the objection register hold across processes, because every shared
rule lives in the database (claims by INSERT ... ON CONFLICT), not in process memory.

Rate limits hold across processes too: on PostgreSQL the token buckets are rows of ``rate_buckets``, taken
atomically in the database, so a flood split over both processes is limited as one (docs/shared-state.md says
how to run several processes).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from sync.client import SyncClient
from sync.core import protocol as p
from sync.server import db, registers
from sync.server.devtools import running_server
from tests.server.conftest import NO_LIMITS
from tests.server.helpers import Env, Org, pull_all, report_item, serving

DEVICES = 24
MEMBERS = 60
pytestmark = pytest.mark.postgres


@pytest.fixture
def two_processes(make_database, tmp_path: Path) -> Iterator[tuple[Env, str]]:
    url = make_database("postgres")
    with (
        serving("postgres", url, tmp_path, *NO_LIMITS) as first,
        running_server(url, *NO_LIMITS, log_dir=tmp_path) as second,
    ):
        yield first, second.url


def test_two_server_processes_share_leases_keys_and_the_register(two_processes: tuple[Env, str]) -> None:
    env, second_url = two_processes
    seed = random.randrange(1_000_000)
    print(f"seed {seed}")
    rng = random.Random(seed)
    org: Org = env.org(n_members=MEMBERS)
    urls = [env.url, second_url]
    devices = []
    for i in range(DEVICES):  # enrolled alternately through both processes
        code, _ = env.office.commands.create_enrolment_code(org.org_id, org.lead_id)
        enrolled = SyncClient.enrol(urls[i % 2], code, f"Büro-PC {i}")
        client = SyncClient(urls[i % 2], enrolled.device_id, enrolled.device_secret, timeout=30)
        env.clients.append(client)
        devices.append((enrolled.device_id, client, enrolled.device_secret))

    # Leases: everybody asks at once, through both processes; no contact is leased twice.
    sizes = [rng.randint(3, 5) for _ in devices]  # 72 to 120 wanted, 60 to give
    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(lambda d, n: d[1].lease(p.LeaseRequest(size=n)), devices, sizes))
    leased = [lease.contact_id for answer in answers for lease in answer.leases]
    assert len(leased) == len(set(leased))  # each contact at most once (a device losing a race gets fewer) …
    assert all(len(a.leases) <= n for a, n in zip(answers, sizes, strict=True))
    answers = [d[1].lease(p.LeaseRequest(size=n)) for d, n in zip(devices, sizes, strict=True)]
    leased = [lease.contact_id for answer in answers for lease in answer.leases]
    assert len(leased) == len(set(leased)) == MEMBERS  # … and tops up at its next sync: all 60 are out
    with env.office.engine.connect() as conn:
        rows = conn.execute(select(db.leases.c.contact_id, db.leases.c.device_id)).all()
    assert {r.contact_id: r.device_id for r in rows} == {
        lease.contact_id: device_id
        for (device_id, _, _), answer in zip(devices, answers, strict=True)
        for lease in answer.leases
    }

    # Idempotency: the same report sent through both processes at the same moment is stored once.
    contact = leased[0]
    device_id, client, secret = devices[0]
    twin = SyncClient(urls[1], device_id, secret, timeout=30)
    env.clients.append(twin)
    item = report_item(1, org.campaign_id, contact, "objection")
    with ThreadPoolExecutor(2) as pool:
        results = [
            f.result().results[0].status for f in [pool.submit(c.push, [item]) for c in (client, twin)]
        ]
    assert sorted(results) == [p.ItemStatus.ACCEPTED, p.ItemStatus.DUPLICATE]
    assert env.reports_of([device_id]) == (1, 1)

    # The register: the objection pushed through one process reaches a device pulling through the other.
    with env.office.engine.connect() as conn:
        entries = registers.entries(conn, org.org_id)
        count = conn.execute(select(func.count()).select_from(db.objections)).scalar_one()
    assert len(entries) == 1 and count == 1
    other = devices[1][1] if devices[1][1].base_url != client.base_url else devices[2][1]
    page = pull_all(other)
    assert page.objection_register is not None
    key = page.objection_register.key_bytes
    assert p.register_hash(key, entries[0].number) in _all_hashes(other)


FLOOD_BURST = 10


@pytest.fixture
def two_limited_processes(make_database, tmp_path: Path) -> Iterator[tuple[Env, str]]:
    """Two processes with a small budget that hardly refills (one unit per 1000 s)."""
    url = make_database("postgres")
    limits = ("--rate-limit", "0.001", "--burst", str(FLOOD_BURST))
    with (
        serving("postgres", url, tmp_path, *limits) as first,
        running_server(url, *limits, log_dir=tmp_path) as second,
    ):
        yield first, second.url


def test_a_flood_split_over_two_processes_is_limited_as_one(two_limited_processes: tuple[Env, str]) -> None:
    env, second_url = two_limited_processes
    org: Org = env.org(n_members=3)
    code, _ = env.office.commands.create_enrolment_code(org.org_id, org.lead_id)
    enrolled = SyncClient.enrol(env.url, code, "Büro-PC Flut")  # one unit of the address's budget
    secret = {"authorization": f"Bearer {enrolled.device_id}.{enrolled.device_secret}"}

    # One device pulls 3 × its burst, alternately through both processes: the burst is served once, not twice.
    answers = []
    for i in range(3 * FLOOD_BURST):
        with httpx.Client(base_url=(env.url, second_url)[i % 2], timeout=20) as http:
            answers.append(http.get("/v1/pull", headers=secret))
    served = [a for a in answers if a.status_code == 200]
    refused = [a for a in answers if a.status_code == 429]
    assert len(served) == FLOOD_BURST and len(refused) == 2 * FLOOD_BURST, [a.status_code for a in answers]
    assert all(int(a.headers["Retry-After"]) >= 1 for a in refused)
    both = {httpx.URL(env.url).port, httpx.URL(second_url).port}
    assert {a.url.port for a in served} == both  # both processes served some

    # Wrong tokens are charged to the client address, also across processes: it has burst - 1 units left.
    bad = {"authorization": f"Bearer {enrolled.device_id}.{'x' * 43}"}
    codes = []
    for i in range(2 * FLOOD_BURST):
        with httpx.Client(base_url=(env.url, second_url)[i % 2], timeout=20) as http:
            codes.append(http.get("/v1/pull", headers=bad).status_code)
    assert codes.count(401) == FLOOD_BURST - 1 and codes.count(429) == FLOOD_BURST + 1, codes
    with env.office.engine.connect() as conn:
        keys = set(conn.execute(select(db.rate_buckets.c.key)).scalars())
    assert keys == {f"device:{enrolled.device_id}", "addr:127.0.0.1"}


def _all_hashes(client: SyncClient) -> set[str]:
    hashes, cursor = set(), None
    while True:
        page = client.pull(cursor)
        if page.objection_register is not None:
            hashes.update(page.objection_register.objection_hashes)
        cursor = page.next_cursor
        if not page.has_more:
            return hashes
