"""Run every benchmark of the project and print one table.

python -m bench            # full sizes (100k contacts, 10k outcomes, …)
python -m bench --quick    # smaller sizes, for a smoke run
python -m bench --markdown docs/performance.md   # also write the table into that file
"""

from __future__ import annotations

import argparse
import importlib
import os
import platform
import sys
from datetime import UTC, datetime

MODULES = (
    "bench.calling_bench",
    "bench.import_bench",
    "bench.import_bench_workspace",
    "bench.sync_bench",
    "bench.release_pull_bench",
    "bench.shift_bench",
    "bench.startup_bench",
)


def fmt(value: float | None, unit: str = "") -> str:
    if value is None:
        return "–"
    return f"{value:,.2f}{(' ' + unit) if unit else ''}"


def table(rows: list[dict]) -> list[str]:
    lines = [
        "| figure | median | p95 | baseline | ratio | target |",
        "| --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for r in rows:
        unit = r.get("unit", "ms")
        lines.append(
            f"| {r['figure']} | {fmt(r['median'], unit)} | {fmt(r['p95'], unit)} | "
            f"{fmt(r['baseline'], unit)} | {fmt(r['ratio'])}{'×' if r['ratio'] is not None else ''} | "
            f"{r['target']} |"
        )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only", action="append", help="run only these modules (e.g. calling_bench)")
    parser.add_argument(
        "--markdown", metavar="FILE", help="write the table and how it was measured into FILE"
    )
    args = parser.parse_args()
    rows: list[dict] = []
    failed = []
    load_before = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    for name in MODULES:
        if args.only and name.split(".")[-1] not in args.only:
            continue
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue
            raise
        print(f"running {name} …", file=sys.stderr, flush=True)
        try:
            rows.extend(module.run(quick=args.quick))
        except Exception as exc:  # noqa: BLE001 (one broken benchmark must not hide the others
            failed.append(f"{name}: {type(exc).__name__}: {exc}")
    lines = table(rows)
    print("\n".join(lines))
    for line in failed:
        print("FAILED", line)
    if args.markdown:
        machine = f"{platform.machine()}, {platform.python_implementation()} {platform.python_version()}"
        header = [
            "# Performance",
            "",
            f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC with `bash scripts/bench.sh` "
            f"({'quick sizes' if args.quick else 'full sizes'}) on this project's machine type "
            f"(2 cores, 24 GiB; {machine}).",
            "Each figure is the median (and 95th percentile) of many runs; the baseline is measured in the same "
            "run and the ratio is median ÷ baseline median (for throughputs, outcomes/s, the ratio reads the other "
            "way round). Targets are from the issues.",
            "",
        ]
        if load_before is not None:
            header[-1:-1] = [
                f"Load average (1 min) when the run began: {load_before:.1f}, when it ended: "
                f"{os.getloadavg()[0]:.1f}, on 2 cores shared with other engineers' test suites: absolute times "
                "are several times what a quiet machine gives; read the ratio to the baseline of the same run.",
            ]
        notes = [
            "",
            "## How each figure is measured",
            "",
            "- **next person**: `CallingService.next_card` on a real SQLCipher workspace of the enrolled demo grown "
            "to 100k contacts (queue order in SQL, clearance gate, card with history); baseline: one indexed "
            "`SELECT` by primary key on the same connection.",
            "- **report saved durably**: `CallingService.record` (report row, contact state and outbox row in one "
            "transaction, `synchronous=FULL`); baseline: two bare inserts and a commit in the same database.",
            "- **last key to next card painted**: the real calling screen under the offscreen platform; from the "
            "Enter key on the last report step to the next card on screen and a synchronous repaint; baseline: "
            "one repaint of the same screen.",
            "- **read() / import**: a synthetic 100k-row membership CSV (`bench/import_bench.py`); read() is the "
            "shared reader with purpose minimisation and E.164 normalisation; the import adds the workspace "
            "transaction; baseline: the `csv` module reading the same file; peak memory in a fresh process. The "
            "commit's baseline is a bare INSERT of the same rows in one transaction into a new workspace of the same "
            "kind (SQLCipher, WAL, synchronous=FULL, secure_delete=ON, every index). Scale: imports of 10k/100k/1M "
            "rows, each in a fresh process (peak RSS, number of progress reports).",
            "- **sync**: a throwaway PostgreSQL (fsync on) and a real server subprocess on loopback; baseline: raw "
            "INSERTs of the same number of rows through psycopg 3.",
            "- **release**: `commands.release_campaign` to all members of one organisation on PostgreSQL (fsync "
            "on); floor: COPY of the same rows (contacts and their feed rows, with the same indexes) in one "
            "transaction. The release also checks each contact's member (foreign key) and the objection register.",
            "- **pull**: a freshly enrolled PC (real SQLCipher workspace, server subprocess on loopback) runs one "
            "sync that pulls a 20k-contact release with its clearance and an objection register; floor: the same "
            "pages fetched and decoded by `SyncClient.pull`, not stored (the part only the server and the wire "
            "take).",
            "- **ingest**: 50 threads, one httpx client and one enrolled device each, push 1,000 outcomes each in "
            "batches of 100 at once; floor: 50 threads doing raw INSERTs of the same number of rows through psycopg.",
            "- **long shift**: one `CallingService` on the enrolled demo grown to 20k contacts, 2,000 reports in "
            "one session; memory is VmRSS after a garbage collection (after 2,000 against after 100); latency is "
            "report saved → next card ready (the calling screen's work after the last key, without painting), last "
            "100 against first 100 of the same run.",
            "- **scale**: next person and report save on workspaces of 10k / 100k / 1M contacts (1,000 of them "
            "leased to the PC, as a central campaign does), floors as for next person / report saved; imports of "
            "10k / 100k / 1M rows each in a fresh process (check + commit, peak RSS, number of progress reports).",
            "- **bundle**: the PyInstaller one-folder bundle (`bash packaging/build.sh`), offscreen; from process "
            "start to the unlock screen painted.",
        ]
        with open(args.markdown, "w", encoding="utf-8") as f:
            f.write("\n".join(header + lines + [""] + [f"- FAILED {x}" for x in failed] + notes) + "\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
