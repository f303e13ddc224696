"""Sync benchmark: outcomes pushed end-to-end over loopback HTTP into PostgreSQL, beside raw inserts.

Figures (each next to a baseline of raw INSERTs through the same driver, psycopg 3, into a plain table):

- push latency of one batch of 100 outcomes from one device (10k outcomes in all)
- 10k outcomes pushed end to end by one device in batches of MAX_PUSH_ITEMS (500): total seconds, median of
  3 runs, each by a freshly enrolled device; baseline: 10k rows through psycopg in transactions of 500
- ingest with 50 devices pushing concurrently (threads, one httpx client each; 1,000 outcomes per device in
  batches of 100): batch latency (p95) and throughput; baseline: 50 threads doing raw INSERTs of the same rows

Runs a throwaway PostgreSQL (fsync on) and a real server subprocess. ``run(quick=True)`` is a smaller setting.
Usage: ``python -m bench.sync_bench [--quick]``
"""

from __future__ import annotations

import sys
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, timedelta

import psycopg

from bench.common import row, run_alone
from sync.client import SyncClient
from sync.core import protocol as p
from sync.core.memberfile import MemberRecord
from sync.core.rules import FINAL_OUTCOMES, ZETKIN_CODES, Outcome
from sync.server.db import open_database
from sync.server.devtools import create_database, running_server, temporary_postgres
from sync.server.office import CentralOffice

BATCH = 100
BIG_BATCH = p.MAX_PUSH_ITEMS  # the largest batch the protocol allows (500)
OUTCOMES = [o for o in Outcome if o not in FINAL_OUTCOMES]


def _items(campaign_id: str, contacts: list[str], first_seq: int, n: int) -> list[p.ReportItem]:
    now = datetime.now(UTC)
    return [
        p.ReportItem(
            idempotency_key=uuid.uuid4(),
            seq=first_seq + i,
            payload=p.ReportPayload(
                report_id=uuid.uuid4().hex,
                campaign_id=campaign_id,
                contact_id=contacts[i % len(contacts)],
                outcome=OUTCOMES[i % len(OUTCOMES)],
                zetkin=ZETKIN_CODES[OUTCOMES[i % len(OUTCOMES)]],
                created_at=now,
                answers={"q1": i % 2 == 0},
            ),
        )
        for i in range(n)
    ]


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _raw_batches(url: str, n_batches: int, tag: str, size: int = BATCH) -> list[float]:
    """Baseline: one transaction per batch of ``size`` rows, executemany through psycopg."""
    rows = [(uuid.uuid4().hex, tag, "c" * 32, "reached", 1, '{"q1": true}') for _ in range(size)]
    with psycopg.connect(url) as conn:

        def one() -> None:
            with conn.cursor() as cur:
                cur.executemany(
                    "INSERT INTO bench_raw (report_id, device_id, contact_id, outcome, zetkin, answers) "
                    "VALUES (%s, %s, %s, %s, %s, %s)",
                    rows,
                )
            conn.commit()

        return [_timed(one) for _ in range(n_batches)]


def _push_batches(url: str, device: tuple[str, str], batches: list[list[p.ReportItem]]) -> list[float]:
    with SyncClient(url, *device, timeout=120) as client:
        times = []
        for batch in batches:
            start = time.perf_counter()
            response = client.push(batch)
            times.append(time.perf_counter() - start)
            if any(r.status is not p.ItemStatus.ACCEPTED for r in response.results):
                raise RuntimeError("an outcome was not accepted")
        return times


def _concurrently(n: int, fn: Callable[[int], list[float]]) -> tuple[list[float], float]:
    start = time.perf_counter()
    with ThreadPoolExecutor(n) as pool:
        results = list(pool.map(fn, range(n)))
    return [t for r in results for t in r], time.perf_counter() - start


def run(quick: bool = False) -> list[dict]:
    total = 2_000 if quick else 10_000
    devices_n = 10 if quick else 50
    e2e_runs = 1 if quick else 3
    with temporary_postgres(durable=True) as admin_url:
        url = create_database(admin_url, "bench")
        office = CentralOffice(open_database(url, pool_size=2))
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(
                "CREATE TABLE bench_raw (pk bigserial PRIMARY KEY, report_id text, device_id text, "
                "contact_id text, outcome text, zetkin int, answers jsonb)"
            )
        today = date.today()
        org = office.commands.add_org("KV Benchhausen")
        lead = office.commands.add_person(org, "Bench Leitung")
        office.commands.import_members(
            org,
            [
                MemberRecord(
                    row=i + 2,
                    category="member",
                    phone=f"+49302312{i:04d}",
                    first_name=f"Vorname{i}",
                    last_name="Bench",
                )
                for i in range(500)
            ],
        )
        resolution = office.commands.add_resolution(
            org, today - timedelta(days=1), "KV", ["invitation"], [lead]
        )
        campaign, _ = office.commands.release_campaign(
            org,
            "Benchmark",
            "invitation",
            resolution,
            content={"script": "Hallo {first_name}!", "transparency": "Aus der Mitgliederverwaltung."},
        )
        with running_server(url, "--rate-limit", "1000000", "--burst", "1000000") as server:
            enrolled = []
            for i in range(devices_n + 1 + e2e_runs):
                code, _ = office.commands.create_enrolment_code(org, lead)
                e = SyncClient.enrol(server.url, code, f"Bench-PC {i}")
                enrolled.append((e.device_id, e.device_secret))
            with SyncClient(server.url, *enrolled[0]) as client:
                contacts = [c.contact_id for c in client.pull(limit=1000).contacts]

            # 1. one device, `total` outcomes in batches of 100
            items = _items(campaign, contacts, 1, total)
            batches = [items[i : i + BATCH] for i in range(0, total, BATCH)]
            single = _push_batches(server.url, enrolled[0], batches)
            raw_single = _raw_batches(url, len(batches), "single")

            # 2. `total` outcomes end to end in batches of BIG_BATCH, each run by a fresh device
            e2e, raw_e2e = [], []
            for run_i in range(e2e_runs):
                items = _items(campaign, contacts, 1, total)
                big = [items[i : i + BIG_BATCH] for i in range(0, total, BIG_BATCH)]
                e2e.append(sum(_push_batches(server.url, enrolled[devices_n + 1 + run_i], big)))
                raw_e2e.append(sum(_raw_batches(url, len(big), f"e2e{run_i}", BIG_BATCH)))

            # 3. devices_n devices concurrently, `total` outcomes between them
            per_device = max(BATCH, total // devices_n) if quick else 1_000  # 50k outcomes at full size
            share = max(1, len(contacts) // devices_n)  # each PC works its own slice of the list (design.md)
            work = []
            for i in range(devices_n):
                its = _items(campaign, contacts[i * share : (i + 1) * share], 1, per_device)
                work.append([its[j : j + BATCH] for j in range(0, per_device, BATCH)])
            concurrent, elapsed = _concurrently(
                devices_n, lambda i: _push_batches(server.url, enrolled[i + 1], work[i])
            )
            raw_concurrent, raw_elapsed = _concurrently(
                devices_n, lambda i: _raw_batches(url, len(work[i]), f"d{i}")
            )
        office.engine.dispose()

    ingested = per_device * devices_n
    return [
        row(
            f"sync: push {BATCH} outcomes, 1 device ({total} in all; baseline raw INSERT)",
            single,
            raw_single,
            "p95 < 500 ms",
        ),
        row(
            f"sync: {total} outcomes end to end, 1 device, batches of {BIG_BATCH} (median of {e2e_runs}; "
            f"baseline raw INSERT of {total} rows)",
            e2e,
            raw_e2e,
            f"≤ 5 s for {10_000}",
            unit="s",
        ),
        row(
            f"sync: push {BATCH} outcomes, {devices_n} devices at once (baseline raw INSERT)",
            concurrent,
            raw_concurrent,
            "p95 ≤ 300 ms",
        ),
        row(
            f"sync: ingest, 1 device, {total} outcomes",
            [total / sum(single)],
            [total / sum(raw_single)],
            "> 500 outcomes/s",
            unit="outcomes/s",
        ),
        row(
            f"sync: ingest, {devices_n} devices, {ingested} outcomes",
            [ingested / elapsed],
            [ingested / raw_elapsed],
            "≥ 15,000 outcomes/s",
            unit="outcomes/s",
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    return run_alone(run, __doc__.split("\n")[0], argv)


if __name__ == "__main__":
    sys.exit(main())
