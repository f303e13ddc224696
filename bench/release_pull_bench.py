"""Release and pull benchmark (issue 17.2): the central office releases a campaign to a whole organisation, and a
PC pulls a large release (with its clearance and the objection register) into its workspace.

- release: ``commands.release_campaign`` to 100k members of one organisation on PostgreSQL (fsync on), median of
  3 releases; baselines: COPY of the same rows (the contacts and their feed rows) into ordinary tables of the
  same shape, in the same database, in one durable transaction each, without and with the release's three
  foreign keys (see ``_copy_baseline``).
- pull: a freshly enrolled PC (real SQLCipher workspace, real server subprocess on loopback) runs one sync that
  pulls a 20k-contact release with the clearance and an objection register of 400 numbers (one per 50
  members), median of 3 PCs, large pages on the workspace's bulk connection as in the app; baseline: the same
  pages fetched and decoded by ``SyncClient.pull`` (server work, transfer and decoding, nothing stored). The
  number of progress reports ("bisher n Kontakte empfangen", one per page) is printed.

The members are the synthetic export of ``bench/import_bench.py`` read by the shared reader (invented names,
numbers from fiction-style blocks). Usage: ``python -m bench.release_pull_bench [--quick] [--release-only]``
(``--release-only``: the release and its floors, no pull). Each release prints to stderr its wall time, the CPU
seconds PostgreSQL's processes and this process spent on it, and the load average.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import uuid
from datetime import timedelta
from pathlib import Path

import psycopg

from bench.common import row, run_alone
from bench.import_bench import generate
from sync.core import memberfile

RELEASE_RUNS = 3
PULL_RUNS = 3


def _members(rows: int, seed: int) -> list[memberfile.MemberRecord]:
    with tempfile.TemporaryDirectory(prefix="bench-members-") as tmp:
        path = Path(tmp) / "members.csv"
        generate(path, rows, seed=seed)
        result = memberfile.read(path, allowed_categories=("member", "former_member", "regular_contact"))
    return [r._replace(category="member") for r in result.records]


def _copy_baseline(url: str, org: str, campaign: str, member_ids: list[str], *, foreign_keys: bool) -> float:
    """COPY one contact row and one feed row per member into tables of the same shape (with their indexes and
    unique constraints), in one transaction committed durably like the release; ids made in Python.

    Ordinary (logged) tables: until issue 17.2's third session they were TEMP tables, which write no WAL and need
    no fsync at commit, a floor the release could never reach. ``foreign_keys``: the copies also carry the
    release's three foreign keys (contact -> campaign, contact -> member, feed row -> organisation), which
    PostgreSQL checks row by row, COPY or INSERT alike: the floor of any release that keeps them."""
    cc, feed = ("bench_cc_fk", "bench_feed_fk") if foreign_keys else ("bench_cc_copy", "bench_feed_copy")
    with psycopg.connect(url) as conn:
        conn.execute(f"CREATE TABLE IF NOT EXISTS {cc} (LIKE campaign_contacts INCLUDING ALL)")
        conn.execute(f"CREATE TABLE IF NOT EXISTS {feed} (LIKE feed INCLUDING ALL)")
        if foreign_keys:
            conn.execute(
                f"ALTER TABLE {cc} DROP CONSTRAINT IF EXISTS {cc}_c, DROP CONSTRAINT IF EXISTS {cc}_m"
            )
            conn.execute(f"ALTER TABLE {feed} DROP CONSTRAINT IF EXISTS {feed}_o")
            conn.execute(
                f"ALTER TABLE {cc} ADD CONSTRAINT {cc}_c FOREIGN KEY (campaign_id) REFERENCES campaigns"
            )
            conn.execute(f"ALTER TABLE {cc} ADD CONSTRAINT {cc}_m FOREIGN KEY (member_id) REFERENCES members")
            conn.execute(f"ALTER TABLE {feed} ADD CONSTRAINT {feed}_o FOREIGN KEY (org_id) REFERENCES orgs")
        conn.commit()
        start = time.perf_counter()
        ids = [uuid.uuid4().hex for _ in member_ids]
        at = "2026-12-04 12:00:00+00"
        with conn.cursor() as cur:
            with cur.copy(
                f"COPY {cc} (id, campaign_id, member_id, status, status_changed_at) FROM STDIN"
            ) as copy:
                for i, member in zip(ids, member_ids, strict=True):
                    copy.write_row((i, campaign, member, "open", at))
            with cur.copy(f"COPY {feed} (org_id, kind, ref_id) FROM STDIN") as copy:
                for i in ids:
                    copy.write_row((org, "contact", i))
        conn.commit()
        elapsed = time.perf_counter() - start
        conn.execute(f"TRUNCATE {cc}, {feed}")
        conn.commit()
        return elapsed


def _server_cpu(url: str) -> float:
    """CPU seconds (user + system) used so far by this PostgreSQL server's processes (backends and background
    workers, as pg_stat_activity lists them; other servers on the machine are not counted)."""
    with psycopg.connect(url, autocommit=True) as conn:
        pids = [r[0] for r in conn.execute("SELECT pid FROM pg_stat_activity")]
    tick, total = os.sysconf("SC_CLK_TCK"), 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
    return total


def run(quick: bool = False, release_only: bool = False) -> list[dict]:
    from sqlalchemy import select

    from desktop.paths import WorkspacePaths
    from desktop.services import sync_engine
    from sync.client import SyncClient
    from sync.server import db, registers
    from sync.server.db import open_database
    from sync.server.devtools import create_database, running_server, temporary_postgres
    from sync.server.office import CentralOffice

    release_n = 10_000 if quick else 100_000
    pull_n = 5_000 if quick else 20_000
    release_runs = 1 if quick else RELEASE_RUNS
    pull_runs = 1 if quick else PULL_RUNS
    members = _members(int(release_n * 1.03) + 200, seed=20261204)[:release_n]
    small = _members(int(pull_n * 1.03) + 200, seed=20261205)[:pull_n]
    print(f"seed 20261204 / 20261205: {len(members)} and {len(small)} invented members", file=sys.stderr)
    rows = []
    with temporary_postgres(durable=True) as admin_url:
        url = create_database(admin_url, "bench_release")
        engine = open_database(url, pool_size=2)
        office = CentralOffice(engine)
        today = office.today()
        content = {
            "script": "Hallo {first_name}!",
            "transparency": "Aus der Mitgliederverwaltung (erfunden).",
        }

        def org_with(name: str, records: list[memberfile.MemberRecord]) -> tuple[str, str, str]:
            org = office.commands.add_org(name)
            lead = office.commands.add_person(org, f"{name} Leitung")
            office.commands.import_members(org, records)
            resolution = office.commands.add_resolution(
                org, today - timedelta(days=1), "Kreisvorstand", ["invitation"], [lead]
            )
            office.commands.record_training(lead, today - timedelta(days=1))
            office.commands.record_declaration(lead, today - timedelta(days=1), text_version="bench")
            return org, lead, resolution

        # 1. release to a whole organisation
        org, _lead, resolution = org_with("KV Großbenchhausen", members)
        release, copy, copy_fk, released, cid = [], [], [], 0, ""
        member_ids: list[str] = []

        def checkpoint() -> None:
            """Each timed run starts without the previous run's dirty pages still being written back."""
            with psycopg.connect(url, autocommit=True) as conn:
                conn.execute("CHECKPOINT")

        for i in range(release_runs):  # release and floors interleaved: the same conditions for each
            checkpoint()
            server_cpu, own_cpu = _server_cpu(url), time.process_time()
            start = time.perf_counter()
            cid, released = office.commands.release_campaign(
                org, f"Einladung {i}", "invitation", resolution, content=content
            )
            release.append(time.perf_counter() - start)
            print(
                f"release {i + 1}: {release[-1]:.2f} s, CPU PostgreSQL {_server_cpu(url) - server_cpu:.2f} s "
                f"(backends and background writers), this process {time.process_time() - own_cpu:.2f} s, "
                f"load {os.getloadavg()[0]:.1f}",
                file=sys.stderr,
            )
            if not member_ids:
                with engine.begin() as conn:
                    member_ids = list(
                        conn.scalars(
                            select(db.campaign_contacts.c.member_id).where(
                                db.campaign_contacts.c.campaign_id == cid
                            )
                        )
                    )
            checkpoint()
            copy.append(_copy_baseline(url, org, cid, member_ids, foreign_keys=False))
            checkpoint()
            copy_fk.append(_copy_baseline(url, org, cid, member_ids, foreign_keys=True))
        rows.append(
            row(
                f"release a campaign to {released // 1000}k members (PostgreSQL; baseline COPY of the same rows)",
                release,
                copy,
                "≤ 5 s",
                unit="s",
            )
        )
        rows.append(
            row(
                f"release a campaign to {released // 1000}k members (baseline COPY with the same 3 foreign keys)",
                release,
                copy_fk,
                "≤ 5 s",
                unit="s",
            )
        )

        if release_only:
            engine.dispose()
            return rows

        # 2. a PC pulls a release of pull_n contacts, with clearance and objection register
        org2, lead2, resolution2 = org_with("KV Benchdorf", small)
        office.commands.release_campaign(org2, "Einladung", "invitation", resolution2, content=content)
        with engine.begin() as conn:
            registers.record(
                conn, org2, [(r.phone, None, None) for r in small[::50]], "import", office.clock()
            )
        with (
            running_server(url, "--rate-limit", "1000000", "--burst", "1000000") as server,
            tempfile.TemporaryDirectory(prefix="bench-pull-") as tmp,
        ):
            pulls, raw, reports, pulled = [], [], [], 0
            for i in range(pull_runs):
                code, _ = office.commands.create_enrolment_code(org2, lead2)
                ws = sync_engine.enrol(
                    WorkspacePaths(Path(tmp) / f"pc{i}"),
                    server_url=server.url,
                    code=code,
                    label="Bench Leitung",
                    passphrase="bench passphrase for a fictional office",
                )
                seen: list[int] = []
                start = time.perf_counter()
                result = sync_engine.sync_once(ws.conn, progress=seen.append, bulk=ws.bulk_transaction)
                pulls.append(time.perf_counter() - start)
                pulled = result.contacts
                reports.append(len(seen))
                ws.close()
                code, _ = office.commands.create_enrolment_code(org2, lead2)
                e = SyncClient.enrol(server.url, code, f"Bench-PC raw {i}")
                with SyncClient(server.url, e.device_id, e.device_secret, timeout=120) as client:
                    start = time.perf_counter()
                    cursor, more = None, True
                    while more:
                        page = client.pull(cursor)
                        cursor, more = page.next_cursor, page.has_more
                    raw.append(time.perf_counter() - start)
        rows.append(
            row(
                f"pull a {pulled // 1000}k-contact release onto a new PC, end to end "
                f"({min(reports)} progress reports; baseline the same pages fetched, not stored)",
                pulls,
                raw,
                "≤ 5 s",
                unit="s",
            )
        )
        engine.dispose()
    return rows


def main(argv: list[str] | None = None) -> int:
    if argv is None:
        argv = sys.argv[1:]
    if "--release-only" in argv:
        argv = [a for a in argv if a != "--release-only"]
        return run_alone(lambda quick: run(quick, release_only=True), __doc__.split("\n")[0], argv)
    return run_alone(run, __doc__.split("\n")[0], argv)


if __name__ == "__main__":
    sys.exit(main())
