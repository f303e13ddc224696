"""Benchmark: importing a synthetic 100k-row membership export into an encrypted workspace (check + commit).

    .venv/bin/python bench/import_bench_workspace.py [--quick]

``run(quick) -> list[dict]`` returns rows with figure, unit, median, p95, baseline, ratio, target, ok.
The file comes from bench/import_bench.py (invented names, numbers from the film/TV blocks and the same
synthetic pattern). Each run imports into a new campaign of one workspace (the key slot is derived once, outside
the timing). The baseline is the csv module reading the same file into a list. Peak memory is the peak RSS of a
fresh process doing one whole import (Linux VmHWM; elsewhere ru_maxrss; Unix only).

Targets (issue 17): 100k rows into a workspace ≤ 3 s in all, the commit ≤ 1 s, ≤ 250 MB peak; the commit's
baseline is a bare insert of the same rows (same columns, random ids, one transaction) into a new workspace of
the same kind (SQLCipher, WAL, synchronous=FULL, secure_delete=ON, every index in place), in the same run.
The scale curve imports 10k / 100k / 1M rows (quick: 5k / 20k), each in a fresh process that reports its peak
RSS and how many progress reports it got.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.common import p95  # noqa: E402
from bench.import_bench import generate, print_table  # noqa: E402
from desktop.paths import WorkspacePaths  # noqa: E402
from desktop.services import lead, lead_import  # noqa: E402

TARGET_SECONDS = 3.0
TARGET_COMMIT_S = 1.0
TARGET_MB = 250.0
CATEGORIES = ("member", "former_member", "regular_contact")


def _baseline_once(path: Path) -> tuple[float, float]:
    t0, c0 = time.perf_counter(), time.process_time()
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    assert rows
    return time.perf_counter() - t0, time.process_time() - c0


def _workspace(root: Path):  # type: ignore[no-untyped-def]
    from tests.lead.lead_support import clear_workspace  # DP-11: imports need a clearance (a test-signed one)

    ws = lead.init_workspace(
        WorkspacePaths(root), org_name="KV Bench", label="Bench L.", passphrase="bench-passwort"
    )
    clear_workspace(ws)
    return ws


def _import_once(ws, path: Path) -> tuple[float, float, int, float, float]:  # type: ignore[no-untyped-def]
    """(check s, commit s, imported, check CPU s, commit CPU s)."""
    campaign = lead.new_campaign("Bench", "invitation", categories=CATEGORIES)
    lead.create_campaign(ws, campaign)
    t0, c0 = time.perf_counter(), time.process_time()
    result = lead_import.check_import(ws, campaign.id, path)
    t1, c1 = time.perf_counter(), time.process_time()
    done = lead_import.commit_import(ws, campaign.id, result)
    t2, c2 = time.perf_counter(), time.process_time()
    return t1 - t0, t2 - t1, done.imported, c1 - c0, c2 - c1


def _bare_insert_once(root: Path, result) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """(seconds, CPU seconds) for a bare INSERT of the checked rows, in one transaction, into a new workspace of
    the same kind."""
    from desktop.storage import contact_store
    from sync.core.ids import new_ids

    ws = _workspace(root)
    try:
        campaign = lead.new_campaign("Bare", "invitation", categories=CATEGORIES)
        lead.create_campaign(ws, campaign)
        fields = contact_store.CONTACT_ROW[1:-1]
        rows = sorted(
            (i, campaign.id, pos, *((getattr(r, f) or "") for f in fields), r.category)
            for pos, (i, r) in enumerate(zip(new_ids(len(result.records)), result.records, strict=True))
        )
        t0, c0 = time.perf_counter(), time.process_time()
        with ws.bulk_transaction() as conn:
            contact_store.insert_contact_rows(conn, fields, rows)
        return time.perf_counter() - t0, time.process_time() - c0
    finally:
        ws.close()


_SCALE_CHILD = r"""
import sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[3])
from bench.import_bench_workspace import _workspace, CATEGORIES
from desktop.services import lead, lead_import
ws = _workspace(Path(sys.argv[2]))
campaign = lead.new_campaign("Bench", "invitation", categories=CATEGORIES)
lead.create_campaign(ws, campaign)
reports = []
t0, c0 = time.perf_counter(), time.process_time()
result = lead_import.check_import(ws, campaign.id, Path(sys.argv[1]), progress=lambda d, t: reports.append(d))
t1 = time.perf_counter()
done = lead_import.commit_import(ws, campaign.id, result, progress=lambda d, t: reports.append(d))
t2, c2 = time.perf_counter(), time.process_time()
ws.close()
with open("/proc/self/status") as fh:
    hwm = int([l for l in fh if l.startswith("VmHWM:")][0].split()[1]) / 1024
print(c2 - c0, t1 - t0, t2 - t1, hwm, len(reports), done.imported)
"""


def scale(quick: bool = False) -> list[dict]:
    """Import at growing sizes, each in a fresh process: check, commit, peak RSS, progress reports."""
    sizes = (5_000, 20_000) if quick else (10_000, 100_000, 1_000_000)
    out = []
    for n in sizes:
        with tempfile.TemporaryDirectory(prefix="lead-import-scale-") as tmpdir:
            tmp = Path(tmpdir)
            path = tmp / "mitglieder.csv"
            generate(path, n)
            proc = subprocess.run(
                [sys.executable, "-c", _SCALE_CHILD, str(path), str(tmp / "ws"), str(ROOT)],
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=True,
            )
            cpu_s, check_s, commit_s, peak, reports, imported = proc.stdout.split()[-6:]
        label = f"{n // 1000}k" if n < 1_000_000 else f"{n // 1_000_000}M"
        out.append(
            {
                "figure": f"scale: import {label} rows (check + commit; commit {float(commit_s):.1f} s; "
                f"CPU {float(cpu_s):.1f} s; peak {float(peak):.0f} MB; {reports} progress reports)",
                "unit": "s",
                "median": float(check_s) + float(commit_s),
                "p95": float(check_s) + float(commit_s),
                "baseline": None,
                "ratio": None,
                "target": "linear",
                "ok": int(imported) > 0,
            }
        )
    return out


_CHILD = r"""
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[3])
from bench.import_bench_workspace import _workspace, _import_once
ws = _workspace(Path(sys.argv[2]))
_import_once(ws, Path(sys.argv[1]))
ws.close()
try:
    with open("/proc/self/status") as fh:
        print(int([l for l in fh if l.startswith("VmHWM:")][0].split()[1]) / 1024)
except OSError:
    import resource
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024)
"""


def _peak_mb(path: Path, tmp: Path) -> float | None:
    try:
        import resource  # noqa: F401
    except ImportError:
        return None
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path), str(tmp / "peak-ws"), str(ROOT)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return float(out.stdout.strip().splitlines()[-1])


def measure(quick: bool = False) -> list[dict]:
    """The 100k import (quick: 20k): wall and CPU, beside the csv module and a bare insert of the same rows."""
    rows = 20_000 if quick else 100_000
    runs = 2 if quick else 3
    with tempfile.TemporaryDirectory(prefix="lead-import-bench-") as tmpdir:
        tmp = Path(tmpdir)
        path = tmp / "mitglieder.csv"
        generate(path, rows)
        ws = _workspace(tmp / "ws")
        totals, checks, commits, base, bare = [], [], [], [], []
        cpu_totals, cpu_commits, base_cpu, bare_cpu = [], [], [], []
        imported = 0
        try:
            for _ in range(runs):
                b_wall, b_cpu = _baseline_once(path)
                base.append(b_wall)
                base_cpu.append(b_cpu)
                check_s, commit_s, imported, check_cpu, commit_cpu = _import_once(ws, path)
                from sync.core import memberfile

                checked = memberfile.read(path, allowed_categories=CATEGORIES, purpose="invitation")
                bare_wall, bare_c = _bare_insert_once(tmp / f"bare-{len(bare)}", checked)
                bare.append(bare_wall)
                bare_cpu.append(bare_c)
                checks.append(check_s)
                commits.append(commit_s)
                totals.append(check_s + commit_s)
                cpu_totals.append(check_cpu + commit_cpu)
                cpu_commits.append(commit_cpu)
        finally:
            ws.close()
        peak = _peak_mb(path, tmp)
    med, bmed = statistics.median(totals), statistics.median(base)
    target_s = TARGET_SECONDS * rows / 100_000
    target_c = TARGET_COMMIT_S * rows / 100_000
    cmed, baremed = statistics.median(commits), statistics.median(bare)
    ctot, cbase = statistics.median(cpu_totals), statistics.median(base_cpu)
    ccom, cbare = statistics.median(cpu_commits), statistics.median(bare_cpu)
    info = {"rows": rows, "runs": runs, "imported": imported}
    out = [
        {
            "figure": f"import {rows // 1000}k rows into a workspace (check + commit)",
            "unit": "s",
            "median": med,
            "p95": p95(totals),
            "baseline": bmed,
            "ratio": med / bmed if bmed else None,
            "target": f"≤ {target_s:g} s",
            "ok": med <= target_s,
        },
        {
            "figure": "  of which commit (one transaction); baseline: bare insert of the same rows",
            "unit": "s",
            "median": cmed,
            "p95": p95(commits),
            "baseline": baremed,
            "ratio": cmed / baremed if baremed else None,
            "target": f"≤ {target_c:g} s",
            "ok": cmed <= target_c,
        },
        {
            "figure": f"import {rows // 1000}k rows, CPU time (check + commit); baseline: csv module CPU",
            "unit": "s",
            "median": ctot,
            "p95": p95(cpu_totals),
            "baseline": cbase,
            "ratio": ctot / cbase if cbase else None,
            "target": f"≤ {target_s:g} s",
            "ok": ctot <= target_s,
        },
        {
            "figure": "  of which commit, CPU time; baseline: bare insert CPU",
            "unit": "s",
            "median": ccom,
            "p95": p95(cpu_commits),
            "baseline": cbare,
            "ratio": ccom / cbare if cbare else None,
            "target": f"≤ {target_c:g} s",
            "ok": ccom <= target_c,
        },
        {
            "figure": "peak RSS, one whole import in a fresh process",
            "unit": "MB",
            "median": peak,
            "p95": peak,
            "baseline": None,
            "ratio": None,
            "target": f"≤ {TARGET_MB:g} MB",
            "ok": peak is None or peak <= TARGET_MB,
        },
    ]
    for r in out:
        r["info"] = info
    return out


def run(quick: bool = False) -> list[dict]:
    return measure(quick) + scale(quick)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="20k rows, 2 runs")
    args = ap.parse_args(argv)
    rows = run(quick=args.quick)
    print_table(rows)
    return 0 if all(r["ok"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
