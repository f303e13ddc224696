"""A long shift and the calling path's scale curve (issue 17.4 and 17.5).

- long shift: one ``CallingService`` on the enrolled demo workspace grown to 20k contacts, 2,000 reports in one
  session (report saved durably, then the next card: what the calling screen does after the last key). Memory is
  the process's resident set (VmRSS, after a garbage collection) after report 100 and after report 2,000; the
  latency is "report saved → next card ready" (the key → next card path without painting), p95 of the first
  100 against p95 of the last 100 reports of the same run.
- scale: next person and report save (as in ``bench.calling_bench``) on workspaces grown to 10k, 100k and 1M
  contacts in the campaign; baseline: an indexed SELECT by primary key / two bare inserts and a commit, on the
  same workspace. The contacts are added on a short-lived bulk connection (``Workspace.bulk_transaction``).

Usage: ``python -m bench.shift_bench [--quick]``.
"""

from __future__ import annotations

import gc
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.common import measure, p95, raw_save, row, run_alone


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        return int(next(line for line in fh if line.startswith("VmRSS:")).split()[1]) / 1024


def _grown(root: Path, contacts: int, office, leased: int):  # type: ignore[no-untyped-def]
    """The enrolled demo (a real signed clearance), grown to `contacts` people in its campaign, `leased` of them
    leased to this PC (issue 13.3: a PC calls only the contacts the central office leased to it; the lease
    is stored through the sync store as a lease answer would be, at most protocol.MAX_LEASE at a time).
    Returns the workspace, the campaign and the contacts chosen for leasing."""
    from desktop.paths import WorkspacePaths
    from desktop.services.demo import demo_contacts
    from desktop.services.demo_office import create_enrolled_demo
    from desktop.storage import campaign_store, contact_store
    from sync.core import protocol as p

    ws = create_enrolled_demo(WorkspacePaths(root / "ws"), office)
    campaign = campaign_store.list_campaigns(ws.conn)[0]
    have = sum(contact_store.status_counts(ws.conn, campaign.id).values())
    step = 100_000
    added = 0
    while have + added < contacts:
        n = min(step, contacts - have - added)
        with ws.bulk_transaction() as conn:
            start = contact_store.next_position(conn, campaign.id)
            contact_store.insert_contacts(
                conn, demo_contacts(campaign.id, n, seed=11 + added), start_position=start
            )
        added += n
    # The central office leases open contacts in id order, so a PC's leases are spread over the whole list:
    # every (contacts ÷ leased)-th contact in list order models that.
    every = [r[0] for r in ws.conn.execute("SELECT id FROM contacts ORDER BY position")]
    spread = every[:: max(1, len(every) // leased)][:leased]
    _lease(ws, campaign.id, spread[: p.MAX_LEASE])
    ws.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return ws, campaign, spread


def _lease(ws, campaign_id: str, ids: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Store a lease answer for these contacts (at most protocol.MAX_LEASE, as one answer holds)."""
    from desktop.services import sync_engine
    from sync.core import protocol as p

    now = datetime.now(UTC)
    sync_engine.store_for(ws.conn).store_leases(
        p.LeaseResponse(
            server_time=now,
            leases=[
                p.Lease(campaign_id=campaign_id, contact_id=i, expires_at=now + timedelta(days=30))
                for i in ids
            ],
        )
    )


def _report(service, campaign_id: str, clock: list[datetime]):  # type: ignore[no-untyped-def]
    from desktop.domain.models import CallReport
    from desktop.services.calling import Card
    from sync.core.rules import Outcome

    card = service.next_card(campaign_id)
    assert isinstance(card, Card), card
    clock[0] += timedelta(seconds=30)
    return CallReport(
        campaign_id=campaign_id,
        contact_id=card.contact.id,
        caller_id=service.caller_id,
        outcome=Outcome.BUSY,
        created_at=clock[0],
    )


def long_shift(root: Path, office, reports: int) -> list[dict]:  # type: ignore[no-untyped-def]
    from desktop.services.calling import CallingService, Card

    ws, campaign, spread = _grown(root / "shift", 20_000, office, reports + 500)
    clock = [datetime(2026, 12, 4, 17, 0, tzinfo=UTC)]
    service = CallingService(ws, clock=lambda: clock[0])
    latencies: list[float] = []
    rss_100 = 0.0
    report = _report(service, campaign.id, clock)
    for i in range(1, reports + 1):
        if i % 400 == 0:  # a sync during the evening: the next lease answer (not timed)
            _lease(ws, campaign.id, spread[i : i + 500])
        start = time.perf_counter()
        service.record(report)
        card = service.next_card(campaign.id)
        latencies.append(time.perf_counter() - start)
        assert isinstance(card, Card), (i, card)
        report = _report(service, campaign.id, clock)
        if i == 100:
            gc.collect()
            rss_100 = _rss_mb()
    gc.collect()
    rss_end = _rss_mb()
    ws.close()
    first, last = latencies[:100], latencies[-100:]
    return [
        {
            "figure": f"long shift: memory after {reports:,} reports (baseline: after 100)",
            "unit": "MB",
            "median": rss_end,
            "p95": rss_end,
            "baseline": rss_100,
            "ratio": rss_end / rss_100,
            "target": "≤ 1.2×",
        },
        row(
            f"long shift: report saved → next card, last 100 of {reports:,} (baseline: first 100)",
            last,
            first,
            f"p95 unchanged (first 100: p95 {p95(first) * 1000:.2f} ms)",
        ),
    ]


def scale_point(root: Path, office, n: int, repeat: int) -> list[dict]:  # type: ignore[no-untyped-def]
    from desktop.services.calling import CallingService
    from sync.core import protocol as p

    ws, campaign, _spread = _grown(root / f"scale{n}", n, office, p.MAX_LEASE)  # the most one PC may hold
    out = []
    label = f"{n // 1000}k" if n < 1_000_000 else f"{n // 1_000_000}M"
    ids = [r[0] for r in ws.conn.execute("SELECT id FROM contacts LIMIT 1000")]
    clock = [datetime(2026, 12, 4, 12, 0, tzinfo=UTC)]
    service = CallingService(ws, clock=lambda: clock[0])
    it = iter(range(10**9))
    next_samples = measure(lambda: service.next_card(campaign.id), repeat)
    base_read = measure(
        lambda: ws.conn.execute(
            "SELECT * FROM contacts WHERE id = ?", (ids[next(it) % len(ids)],)
        ).fetchone(),
        repeat,
    )
    out.append(row(f"scale: next person, {label} contacts", next_samples, base_read, "flat / log"))
    saves = []
    for _ in range(repeat):
        report = _report(service, campaign.id, clock)
        start = time.perf_counter()
        service.record(report)
        saves.append(time.perf_counter() - start)
    raw_insert = raw_save(ws.conn)

    out.append(
        row(f"scale: report saved, {label} contacts", saves, measure(raw_insert, repeat), "flat / log")
    )
    ws.close()
    return out


def run(quick: bool = False) -> list[dict]:
    from desktop.services.demo_office import DemoOffice

    reports = 300 if quick else 2_000
    sizes = (10_000,) if quick else (10_000, 100_000, 1_000_000)
    repeat = 50 if quick else 200
    rows: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="bench-shift-") as tmp:
        office = DemoOffice(temp_root=Path(tmp))
        office.start()
        try:
            rows += long_shift(Path(tmp), office, reports)
            office.stop()
            for n in sizes:  # each workspace enrols with its own one-time code: one office per size
                office = DemoOffice(temp_root=Path(tmp))
                office.start()
                rows += scale_point(Path(tmp), office, n, repeat)
                office.stop()
        finally:
            office.stop()
    return rows


def main(argv: list[str] | None = None) -> int:
    return run_alone(run, __doc__.split("\n")[0], argv)


if __name__ == "__main__":
    sys.exit(main())
