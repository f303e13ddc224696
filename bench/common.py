"""Small helpers shared by the benchmarks: timing, percentiles, one row of the table."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any


def measure(fn: Callable[[], object], repeat: int, warmup: int = 3) -> list[float]:
    """Seconds per call, `repeat` samples after `warmup` unmeasured calls."""
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return samples


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def row(
    figure: str, samples: list[float], baseline: list[float] | None, target: str, unit: str = "ms"
) -> dict:
    scale = 1000.0 if unit == "ms" else 1.0
    median = statistics.median(samples) * scale
    base = statistics.median(baseline) * scale if baseline else None
    return {
        "figure": figure,
        "median": median,
        "p95": p95(samples) * scale,
        "baseline": base,
        "ratio": (median / base) if base else None,
        "target": target,
        "unit": unit,
    }


def run_alone(run: Callable[..., list[dict]], description: str, argv: list[str] | None = None) -> int:
    """``python -m bench.<module> [--quick]``: one benchmark module's rows as the table ``bench`` prints."""
    import argparse

    from bench.__main__ import table

    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--quick", action="store_true")
    print("\n".join(table(run(quick=parser.parse_args(argv).quick))))
    return 0


def raw_save(conn: Any) -> Callable[[], None]:
    """The floor of a durable report save: two bare inserts (report-sized rows) in one transaction, on the same
    workspace connection. Creates its two scratch tables; returns the callable to measure."""
    conn.execute("CREATE TABLE bench_a (id TEXT PRIMARY KEY, body TEXT)")
    conn.execute("CREATE TABLE bench_b (seq INTEGER PRIMARY KEY AUTOINCREMENT, item TEXT, body TEXT)")
    counter = iter(range(10**9))

    def insert() -> None:
        k = str(next(counter))
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO bench_a VALUES (?, ?)", (k, "x" * 300))
        conn.execute("INSERT INTO bench_b (item, body) VALUES (?, ?)", (k, "x" * 300))
        conn.execute("COMMIT")

    return insert


OFFSCREEN_NOISE = (
    "This plugin does not support propagateSizeHints"  # as pyproject's qt_log_ignore for the tests
)


def quiet_offscreen_qt() -> None:
    """Drop the one message the offscreen platform prints for every top-level window (the platform speaking, not
    our code; the tests ignore it the same way); every other Qt message still reaches stderr."""
    import sys

    from PySide6.QtCore import qInstallMessageHandler

    def handler(_mode: object, _context: object, message: str) -> None:
        if not message.startswith(OFFSCREEN_NOISE):
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)
