"""Sync benchmark: outcomes pushed end-to-end over loopback HTTP into PostgreSQL, beside raw inserts.

Figures (each next to a baseline of raw INSERTs through the same driver, psycopg 3, into a plain table):

- push latency of one batch of 100 outcomes from one device (10k outcomes in all)
- 10k outcomes pushed end to end by one device in batches of MAX_PUSH_ITEMS (500): total seconds, median of
  3 runs, each by a freshly enrolled device; baseline: 10k rows through psycopg in transactions of 500
- ingest with 50 devices pushing concurrently (threads, one httpx client each; 1,000 outcomes per device in
  batches of 100): batch latency (p95) and throughput; baseline: 50 threads doing raw INSERTs of the same rows
- the same concurrent pushes to the ingest floor (``bench/ingest_floor.py``: the same HTTP stack, decode and
  authentication, each item stored once in an append-only log and nothing else), as the second baseline of the
  throughput, the push's latency and its CPU: what no design that answers each item durably can go below here
- where the CPU of that concurrent ingest went, per push of 100 outcomes: the 50 clients (this process), the
  server process, PostgreSQL (every backend): 2 cores host all three, so the sum bounds what this machine can
  ingest, and the server's part (server + PostgreSQL) what the central office costs

The organisation has 20k members in the campaign (quick: 4k); every device works its own slice of the list
(design.md) and no contact gets more than a handful of reports over the whole run (the campaign's attempt cap is
3 plus call-backs), as in a real campaign. Runs a throwaway PostgreSQL (fsync on) and a real server subprocess.
``run(quick=True)`` is a smaller setting. Usage: ``python -m bench.sync_bench [--quick]``
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import psycopg

from bench.common import p95, row, run_alone
from bench.import_bench import generate
from sync.client import SyncClient
from sync.core import memberfile
from sync.core import protocol as p
from sync.core.rules import FINAL_OUTCOMES, ZETKIN_CODES, Outcome
from sync.server.db import open_database
from sync.server.devtools import create_database, running_server, temporary_postgres
from sync.server.office import CentralOffice

BATCH = 100
BIG_BATCH = p.MAX_PUSH_ITEMS  # the largest batch the protocol allows (500)
OUTCOMES = [o for o in Outcome if o not in FINAL_OUTCOMES]
TICKS = os.sysconf("SC_CLK_TCK")


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


def _members(rows: int) -> list[memberfile.MemberRecord]:
    """The synthetic export of bench/import_bench.py (invented people, fiction-range numbers), read by the reader."""
    with tempfile.TemporaryDirectory(prefix="bench-members-") as tmp:
        path = Path(tmp) / "members.csv"
        generate(path, rows, seed=20261204)
        result = memberfile.read(path, allowed_categories=("member", "former_member", "regular_contact"))
    return [r._replace(category="member") for r in result.records]


def released_campaign(office: CentralOffice, place: str, members: int) -> tuple[str, str, str]:
    """(organisation, lead, campaign): "KV <place>" with ``members`` invented members, a resolution of yesterday
    naming its lead, and a campaign released to all of them."""
    org = office.commands.add_org(f"KV {place}")
    lead = office.commands.add_person(org, f"{place} Leitung")
    office.commands.import_members(org, _members(members))
    resolution = office.commands.add_resolution(
        org, date.today() - timedelta(days=1), "KV", ["invitation"], [lead]
    )
    campaign, _ = office.commands.release_campaign(
        org,
        "Benchmark",
        "invitation",
        resolution,
        content={"script": "Hallo {first_name}!", "transparency": "Aus der Mitgliederverwaltung."},
    )
    return org, lead, campaign


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


# ----------------------------------------------------------------------------------------- CPU of each process


def _cpu_of(pid: int, children: bool = False) -> float:
    """CPU seconds (user + system) of a process from /proc; with ``children``, also of its exited children."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    used = int(fields[11]) + int(fields[12])  # utime, stime
    if children:
        used += int(fields[13]) + int(fields[14])  # cutime, cstime (children it has waited for)
    return used / TICKS


def _postgres_cpu(postmaster: int) -> float:
    """CPU seconds of the whole PostgreSQL: the postmaster, its exited backends and the live ones."""
    total = _cpu_of(postmaster, children=True)
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
                if int(stat.rsplit(")", 1)[1].split()[1]) == postmaster:
                    total += _cpu_of(int(entry.name))
            except (OSError, ValueError):
                continue  # a backend that exited meanwhile: its time is in the postmaster's cutime
    return total


def _sessions(url: str) -> int:
    """How many sessions (connections) the database has had so far (PostgreSQL 14+)."""
    with psycopg.connect(url) as conn:
        row = conn.execute(
            "SELECT sessions FROM pg_stat_database WHERE datname = current_database()"
        ).fetchone()
    return int(row[0]) if row else 0


def _settle(url: str) -> None:
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")
        conn.execute("CHECKPOINT")


@contextmanager
def _cpu_split(server_pid: int, postmaster: int, url: str) -> Iterator[dict[str, float]]:
    """CPU seconds used meanwhile by this process (the clients), the server process and PostgreSQL, and the
    number of database connections opened meanwhile."""
    out: dict[str, float] = {}
    n0 = _sessions(url)
    c0, s0, p0, w0 = time.process_time(), _cpu_of(server_pid), _postgres_cpu(postmaster), time.perf_counter()
    yield out
    out["sessions"] = _sessions(url) - n0 - 1  # less the one that asks
    out["client"] = time.process_time() - c0
    out["server"] = _cpu_of(server_pid) - s0
    out["postgres"] = _postgres_cpu(postmaster) - p0
    out["wall"] = time.perf_counter() - w0


def run(quick: bool = False) -> list[dict]:
    total = 2_000 if quick else 10_000
    devices_n = 10 if quick else 50
    e2e_runs = 1 if quick else 3
    members = 4_000 if quick else 20_000
    with temporary_postgres(durable=True) as admin_url:
        url = create_database(admin_url, "bench")
        office = CentralOffice(open_database(url, pool_size=2))
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(
                "CREATE TABLE bench_raw (pk bigserial PRIMARY KEY, report_id text, device_id text, "
                "contact_id text, outcome text, zetkin int, answers jsonb)"
            )
            data_dir = conn.execute("SHOW data_directory").fetchone()[0]  # type: ignore[index]
        postmaster = int((Path(data_dir) / "postmaster.pid").read_text().split()[0])
        org, lead, campaign = released_campaign(office, "Benchhausen", members)
        with psycopg.connect(url) as conn:
            contacts = [
                r[0]
                for r in conn.execute(
                    "SELECT id FROM campaign_contacts WHERE campaign_id = %s ORDER BY id", (campaign,)
                )
            ]
        with running_server(url, "--rate-limit", "1000000", "--burst", "1000000") as server:
            enrolled = []
            for i in range(devices_n + 1 + e2e_runs):
                code, _ = office.commands.create_enrolment_code(org, lead)
                e = SyncClient.enrol(server.url, code, f"Bench-PC {i}")
                enrolled.append((e.device_id, e.device_secret))

            # Every contact gets a few reports over the whole run: each phase works its own part of the list.
            def part(start: int, n: int) -> list[str]:
                return [contacts[(start + i) % len(contacts)] for i in range(min(n, len(contacts)))]

            # 1. one device, `total` outcomes in batches of 100
            items = _items(campaign, part(0, total), 1, total)
            batches = [items[i : i + BATCH] for i in range(0, total, BATCH)]
            single = _push_batches(server.url, enrolled[0], batches)
            raw_single = _raw_batches(url, len(batches), "single")

            # 2. `total` outcomes end to end in batches of BIG_BATCH, each run by a fresh device
            e2e, raw_e2e = [], []
            for run_i in range(e2e_runs):
                items = _items(campaign, part(total * (run_i + 1), total), 1, total)
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
            _settle(url)  # what the set-up left to do (autovacuum of the imported members) is not measured
            with _cpu_split(server.process.pid, postmaster, url) as cpu:
                concurrent, elapsed = _concurrently(
                    devices_n, lambda i: _push_batches(server.url, enrolled[i + 1], work[i])
                )
            _settle(url)
            with _cpu_split(server.process.pid, postmaster, url) as raw_cpu:
                raw_concurrent, raw_elapsed = _concurrently(
                    devices_n, lambda i: _raw_batches(url, len(work[i]), f"d{i}")
                )
        # 4. the same pushes by the same devices to the ingest floor (bench/ingest_floor.py): same stack, each
        # item stored once in an append-only log, nothing else
        with running_server(url, module="bench.ingest_floor") as floor_server:
            _settle(url)
            with _cpu_split(floor_server.process.pid, postmaster, url) as floor_cpu:
                floor_concurrent, floor_elapsed = _concurrently(
                    devices_n, lambda i: _push_batches(floor_server.url, enrolled[i + 1], work[i])
                )
        office.engine.dispose()

    ingested = per_device * devices_n
    pushes = len(concurrent)
    load = os.getloadavg()[0]
    per_push = {k: v / pushes for k, v in cpu.items()}
    raw_per_batch = {k: v / len(raw_concurrent) for k, v in raw_cpu.items()}
    used = per_push["client"] + per_push["server"] + per_push["postgres"]
    central = per_push["server"] + per_push["postgres"]
    floor_per_push = {k: v / len(floor_concurrent) for k, v in floor_cpu.items()}
    floor_central = floor_per_push["server"] + floor_per_push["postgres"]
    floor_used = floor_central + floor_per_push["client"]
    print(
        f"  concurrent ingest: {pushes} pushes of {BATCH} in {elapsed:.1f} s (load average {load:.1f}); CPU per push: "
        f"clients {per_push['client'] * 1000:.1f} ms, server {per_push['server'] * 1000:.1f} ms, "
        f"PostgreSQL {per_push['postgres'] * 1000:.1f} ms; the machine's 2 cores were "
        f"{used * pushes / elapsed / 2:.0%} busy with them; raw inserts: clients "
        f"{raw_per_batch['client'] * 1000:.1f} ms, PostgreSQL {raw_per_batch['postgres'] * 1000:.1f} ms per batch; database connections opened "
        f"meanwhile: {cpu['sessions']:.0f} (raw inserts: {raw_cpu['sessions']:.0f})",
        file=sys.stderr,
    )
    print(
        f"  ingest floor (bench/ingest_floor.py, the same pushes): {len(floor_concurrent)} pushes in "
        f"{floor_elapsed:.1f} s, {len(floor_concurrent) * BATCH / floor_elapsed:,.0f} outcomes/s; one push "
        f"median {statistics.median(floor_concurrent) * 1000:.0f} ms, p95 {p95(floor_concurrent) * 1000:.0f} ms; "
        f"CPU per push: clients {floor_per_push['client'] * 1000:.1f} ms, server "
        f"{floor_per_push['server'] * 1000:.1f} ms, PostgreSQL {floor_per_push['postgres'] * 1000:.1f} ms; "
        f"2 cores without the clients would take {2 * BATCH / floor_central:,.0f} outcomes/s",
        file=sys.stderr,
    )
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
        row(
            f"sync: ingest, {devices_n} devices, {ingested} outcomes (baseline: the same pushes to the ingest "
            "floor, bench/ingest_floor.py: same HTTP stack, decode and authentication, each item stored once in "
            "an append-only log, nothing else)",
            [ingested / elapsed],
            [ingested / floor_elapsed],
            "≥ 15,000 outcomes/s",
            unit="outcomes/s",
        ),
        row(
            f"sync: push {BATCH} outcomes, {devices_n} devices at once (baseline: the ingest floor)",
            concurrent,
            floor_concurrent,
            "p95 ≤ 300 ms",
        ),
        row(
            f"sync: CPU per push of {BATCH}, {devices_n} devices at once, all (clients + server + PostgreSQL; "
            "baseline: the same for the ingest floor)",
            [used],
            [floor_used],
            "≤ 13.3 ms (2 cores ÷ 150 pushes/s)",
        ),
        row(
            f"sync: CPU per push of {BATCH}, {devices_n} devices at once, server + PostgreSQL "
            "(baseline: PostgreSQL per raw batch)",
            [central],
            [raw_per_batch["postgres"]],
            "–",
        ),
        row(
            f"sync: CPU per push of {BATCH}, {devices_n} devices at once, all (clients + server + PostgreSQL; "
            "baseline: clients + PostgreSQL per raw batch)",
            [used],
            [raw_per_batch["client"] + raw_per_batch["postgres"]],
            "–",
        ),
        row(
            "sync: ingest the central office could take on this machine's 2 cores without the clients "
            "(2 cores / CPU per push of server + PostgreSQL; baseline: the same for raw batches)",
            [2 * BATCH / central],
            [2 * BATCH / raw_per_batch["postgres"]],
            "≥ 15,000 outcomes/s",
            unit="outcomes/s",
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    return run_alone(run, __doc__.split("\n")[0], argv)


if __name__ == "__main__":
    sys.exit(main())
