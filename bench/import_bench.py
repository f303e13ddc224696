"""Benchmark: sync.core.memberfile.read() on a synthetic 100k-row membership export.

    .venv/bin/python bench/import_bench.py [--quick]

Prints one table (figure, median, p95, baseline, ratio, target). ``run(quick)`` returns the same rows as dicts
for a top-level bench command.

The data is invented: names are built from syllables; phone numbers come from the Bundesnetzagentur's
"drama numbers" for fiction (030 23125 000–999, 069 90009 …, 040 66969 …, 0221 4710 …, 089 99998 …), and —
because a real list has one distinct number per person, and the number cache must not flatter the result —
from the same clearly synthetic pattern "23125 NNN" under other 3-digit area codes and mobile prefixes.
Every generated number is checked to be valid for ``phonenumbers`` (else the benchmark would measure the
error path). Nothing here is ever dialled; the file lives in a temporary directory and is deleted.

Targets (issue 17): read ≤ 12 µs per row, peak RSS ≤ 250 MB for 100k rows (2 cores).
Peak memory is the peak RSS of a fresh subprocess that does one read() (Linux: VmHWM from /proc, since
``getrusage``'s ru_maxrss is inherited across exec from the forking parent; elsewhere ru_maxrss; Unix only).
The baseline is the csv module reading the same file into a list, in the same run.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import phonenumbers  # noqa: E402

from bench.common import p95  # noqa: E402
from sync.core import memberfile  # noqa: E402

TARGET_SECONDS = 10.0
TARGET_MB = 250.0
TARGET_US_PER_ROW = 12.0

_FICTION = ("30 23125", "69 90009", "40 66969", "221 4710", "89 99998")
_AREA3 = (
    "201",
    "202",
    "203",
    "208",
    "209",
    "211",
    "212",
    "214",
    "221",
    "228",
    "231",
    "234",
    "241",
    "251",
    "261",
    "271",
    "281",
    "291",
    "335",
    "340",
    "341",
    "345",
    "351",
    "355",
    "361",
    "365",
    "371",
    "375",
    "381",
    "385",
    "391",
    "395",
    "421",
    "431",
    "441",
    "451",
    "461",
    "471",
    "481",
    "491",
    "511",
    "521",
    "531",
    "541",
    "551",
    "561",
    "571",
    "581",
    "591",
    "611",
    "621",
    "631",
    "641",
    "651",
    "661",
    "671",
    "681",
    "711",
    "721",
    "731",
    "741",
    "751",
    "761",
    "771",
    "781",
    "791",
    "821",
    "831",
    "841",
    "851",
    "861",
    "871",
    "911",
    "921",
    "931",
    "941",
    "951",
    "961",
    "971",
    "981",
    "991",
)
_MOBILE = ("151", "152", "157", "160", "162", "170", "171", "172", "176", "177", "178", "179")
_SYL = (
    "ba",
    "bel",
    "dor",
    "fen",
    "gri",
    "hal",
    "ka",
    "lin",
    "mo",
    "nor",
    "pe",
    "ras",
    "sil",
    "ta",
    "ul",
    "ven",
    "wi",
    "zo",
    "ber",
    "tin",
    "lo",
    "mar",
    "ke",
    "ri",
)
_SURNAME_END = ("mann", "er", "feld", "berg", "hoff", "ke", "stedt", "ler", "brink", "hagen")
_TOWNS = ("Musterstadt", "Beispielhausen", "Fiktivdorf", "Probehagen", "Testberg", "Neu-Erfunden")
_DISTRICTS = ("Nord", "Süd", "Altstadt", "Am Bach", "Oberdorf", "")


def _numbers(prefixes: list[str], need: int) -> list[str]:
    """Distinct national numbers '0<prefix>NNN' that phonenumbers accepts."""
    out: list[str] = []
    for prefix in prefixes:
        area, sub = prefix.split(" ")
        probe = phonenumbers.parse(f"0{area}{sub}000", "DE")
        if not phonenumbers.is_valid_number(probe):
            continue
        out.extend(f"0{area} {sub}{i:03d}" for i in range(1000))
        if len(out) >= need:
            break
    if len(out) < need:
        raise RuntimeError(f"only {len(out)} synthetic numbers available, need {need}")
    return out


def _styled(number: str, style: int) -> str:
    area, sub = number.split(" ")
    if style == 0:
        return f"{area} {sub}"
    if style == 1:
        return f"{area}/{sub}"
    if style == 2:
        return f"({area}) {sub[:-3]}-{sub[-3:]}"
    if style == 3:
        return f"+49 {area[1:]} {sub}"
    if style == 4:
        return f"0049 {area[1:]} {sub[:-3]} {sub[-3:]}"
    return f"+49 (0){area[1:]} {sub}"  # goes through phonenumbers' full parser


def generate(path: Path, rows: int = 100_000, seed: int = 20261101) -> dict[str, int]:
    """Write a synthetic membership export (UTF-8 with BOM, ';', the columns a real export has)."""
    rnd = random.Random(seed)
    subs = [str(23125 + k) for k in range(max(2, -(-rows // 80_000) + 1))]  # 1M rows need 14 blocks per area
    landline = _numbers([*_FICTION, *(f"{a} {s}" for s in subs for a in _AREA3)], rows)
    mobile_subs = [str(23125 + k) for k in range(max(3, -(-rows // 36_000) + 1))]
    mobile = _numbers([f"{m} {s}" for s in mobile_subs for m in _MOBILE], rows // 3)
    rnd.shuffle(landline)
    rnd.shuffle(mobile)
    stats = {"rows": rows, "invalid": 0, "duplicate": 0, "mobile": 0}
    header = [
        "Mitgliedsnummer",
        "Anrede",
        "Vorname",
        "Nachname",
        "Straße",
        "Hausnummer",
        "PLZ",
        "Ort",
        "Ortsteil",
        "Telefon",
        "Mobil",
        "E-Mail",
        "Geburtsdatum",
        "Eintrittsdatum",
        "IBAN",
        "Status",
    ]
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh, delimiter=";", lineterminator="\r\n")
        w.writerow(header)
        mi = 0
        for i in range(rows):
            first = "".join(rnd.choice(_SYL) for _ in range(2)).capitalize()
            last = ("".join(rnd.choice(_SYL) for _ in range(2)) + rnd.choice(_SURNAME_END)).capitalize()
            roll = rnd.random()
            if roll < 0.01:
                phone = rnd.choice(("12345", "n/a", "4,93023E+10", "0000"))
                stats["invalid"] += 1
            elif roll < 0.02 and i > 10:
                phone = _styled(landline[rnd.randrange(i)], 0)
                stats["duplicate"] += 1
            else:
                phone = _styled(landline[i], rnd.randrange(6))
            mob = ""
            if rnd.random() < 0.3 and mi < len(mobile):
                mob = _styled(mobile[mi], rnd.randrange(6))
                mi += 1
                stats["mobile"] += 1
            status = rnd.choices(("Mitglied", "ehemaliges Mitglied", "Sympathisant*in"), (90, 5, 5))[0]
            w.writerow(
                [
                    100000 + i,
                    rnd.choice(("Frau", "Herr", "")),
                    first,
                    last,
                    "Erfundene Straße",
                    rnd.randint(1, 99),
                    f"{rnd.randint(1067, 99998):05d}",
                    rnd.choice(_TOWNS),
                    rnd.choice(_DISTRICTS),
                    phone,
                    mob,
                    f"person{i}@example.org",
                    f"{rnd.randint(1, 28):02d}.{rnd.randint(1, 12):02d}.19{rnd.randint(40, 99)}",
                    "01.01.2010",
                    f"DE00 0000 0000 {i:010d}",
                    status,
                ]
            )
    return stats


def _read_once(path: Path) -> tuple[float, float, memberfile.ImportResult]:
    """(wall seconds, CPU seconds, result). CPU time is the steadier figure on a shared machine."""
    t0, c0 = time.perf_counter(), time.process_time()
    res = memberfile.read(path, allowed_categories=("member", "former_member", "regular_contact"))
    return time.perf_counter() - t0, time.process_time() - c0, res


def _baseline_once(path: Path) -> tuple[float, float]:
    t0, c0 = time.perf_counter(), time.process_time()
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    assert rows
    return time.perf_counter() - t0, time.process_time() - c0


_CHILD = r"""
import resource, sys, csv
path, mode = sys.argv[1], sys.argv[2]
if mode == "read":
    from sync.core import memberfile
    res = memberfile.read(path, allowed_categories=("member", "former_member", "regular_contact"))
    assert res.imported > 0
else:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
# ru_maxrss survives exec on Linux (it would report the parent's peak); VmHWM is this process image's own.
try:
    with open("/proc/self/status") as fh:
        hwm = [ln for ln in fh if ln.startswith("VmHWM:")][0].split()[1]
    print(int(hwm) / 1024)
except OSError:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024)
"""


def _peak_mb(path: Path, mode: str) -> float | None:
    try:
        import resource  # noqa: F401
    except ImportError:  # Windows
        return None
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path), mode], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return float(out.stdout.strip().splitlines()[-1])


def run(quick: bool = False) -> list[dict]:
    """Generate, measure, return rows {figure, unit, median, p95, baseline, ratio, target, ok}."""
    rows = 20_000 if quick else 100_000
    runs = 3 if quick else 5
    with tempfile.TemporaryDirectory(prefix="memberfile-bench-") as tmp:
        path = Path(tmp) / "mitglieder.csv"
        t0 = time.perf_counter()
        stats = generate(path, rows)
        gen_s = time.perf_counter() - t0
        size_mb = os.path.getsize(path) / 1e6
        _read_once(path)  # warm-up: phonenumbers metadata, imports
        times, cpu, base, base_cpu = [], [], [], []
        res = None
        for _ in range(runs):
            b_wall, b_cpu = _baseline_once(path)
            base.append(b_wall)
            base_cpu.append(b_cpu)
            wall, c, res = _read_once(path)
            times.append(wall)
            cpu.append(c)
        assert res is not None
        peak = _peak_mb(path, "read")
        peak_base = _peak_mb(path, "csv")
    med, bmed = statistics.median(times), statistics.median(base)
    cmed, bcmed = statistics.median(cpu), statistics.median(base_cpu)
    target_s = TARGET_SECONDS * rows / 100_000
    out = [
        {
            "figure": f"read() {rows // 1000}k rows ({size_mb:.1f} MB CSV)",
            "unit": "s",
            "median": med,
            "p95": p95(times),
            "baseline": bmed,
            "ratio": med / bmed if bmed else None,
            "target": f"< {target_s:g} s",
            "ok": med < target_s,
        },
        {
            "figure": "read() CPU time",
            "unit": "s",
            "median": cmed,
            "p95": p95(cpu),
            "baseline": bcmed,
            "ratio": cmed / bcmed if bcmed else None,
            "target": f"< {target_s:g} s",
            "ok": cmed < target_s,
        },
        {
            "figure": "read() per row",
            "unit": "µs",
            "median": med / rows * 1e6,
            "p95": p95(times) / rows * 1e6,
            "baseline": bmed / rows * 1e6,
            "ratio": med / bmed if bmed else None,
            "target": f"≤ {TARGET_US_PER_ROW:g} µs",
            "ok": med / rows * 1e6 <= TARGET_US_PER_ROW,
        },
        {
            "figure": "peak RSS, one read() in a fresh process",
            "unit": "MB",
            "median": peak,
            "p95": peak,
            "baseline": peak_base,
            "ratio": (peak / peak_base) if peak and peak_base else None,
            "target": f"< {TARGET_MB:g} MB",
            "ok": peak is None or peak < TARGET_MB,
        },
    ]
    info = {
        "rows": rows,
        "runs": runs,
        "generate_s": round(gen_s, 2),
        "imported": res.imported,
        "refused": len(res.refused_rows),
        "invalid": len(res.invalid_rows),
        "duplicates": len(res.duplicates),
        "generated": stats,
    }
    for r in out:
        r["info"] = info
    return out


def _fmt(v: object) -> str:
    if v is None:
        return "n/a"
    if isinstance(v, float):
        return f"{v:.3f}" if v < 100 else f"{v:.0f}"
    return str(v)


def print_table(rows: list[dict]) -> None:
    head = ("figure", "unit", "median", "p95", "baseline", "ratio", "target", "ok")
    table = [head] + [tuple(_fmt(r[k]) for k in head) for r in rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(head))]
    for j, row in enumerate(table):
        print("  ".join(c.ljust(widths[i]) for i, c in enumerate(row)))
        if j == 0:
            print("  ".join("-" * w for w in widths))
    print(f"\nbaseline: csv.reader into a list of the same file. {rows[0]['info']}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="20k rows, 3 runs")
    args = ap.parse_args(argv)
    rows = run(quick=args.quick)
    print_table(rows)
    return 0 if all(r["ok"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
