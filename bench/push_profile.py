"""The server's side of a push of 100, in this process: CPU of this process and of PostgreSQL per push (issue 17.3).

    python -m bench.push_profile [--pushes 200] [--profile out.prof]

Serves ``POST /v1/push`` of the real app (``sync.server.app.create_app``: rate limiter, authentication, decode,
``DeviceSync.push``, encode) through its ASGI interface, without sockets or uvicorn, on a throwaway PostgreSQL
(fsync on): one device, pushes of 100 reports to 100 distinct contacts of a 2,000-member campaign, so every
contact gets several reports over the run and holds a stored fold (as in the 50-device phase of
``bench.sync_bench``). Bodies are encoded before the clock starts; the CPU of this process is the app's part
plus a small ASGI driver. ``--profile`` writes a cProfile of the measured pushes (``python -m pstats``).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from bench.sync_bench import _items, _postgres_cpu, released_campaign
from sync.core import protocol as p
from sync.server.app import create_app
from sync.server.db import open_database
from sync.server.devtools import create_database, temporary_postgres
from sync.server.office import CentralOffice

BATCH = 100


async def _call(app: Any, method: str, path: str, body: bytes, headers: list[tuple[bytes, bytes]]) -> bytes:
    """One request through the app's ASGI interface; returns the body (raises unless 200)."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"content-length", str(len(body)).encode()), *headers],
        "client": ("127.0.0.1", 40000),
        "server": ("127.0.0.1", 8000),
    }
    sent = False
    status, chunks = 0, []

    async def receive() -> dict[str, Any]:
        nonlocal sent
        if sent:
            await asyncio.sleep(3600)
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))

    await app(scope, receive, send)
    if status != 200:
        raise RuntimeError(f"{path}: {status} {b''.join(chunks)[:300]!r}")
    return b"".join(chunks)


def run(pushes: int, warmup: int, profile: Path | None) -> None:
    with temporary_postgres(durable=True) as admin_url:
        url = create_database(admin_url, "profile")
        office = CentralOffice(open_database(url, pool_size=2))
        with office.engine.connect() as conn:
            data_dir = conn.exec_driver_sql("SHOW data_directory").scalar_one()
        postmaster = int((Path(data_dir) / "postmaster.pid").read_text().split()[0])
        org, lead, campaign = released_campaign(office, "Profilhausen", 2_000)
        with office.engine.connect() as conn:
            contacts = list(
                conn.exec_driver_sql(
                    "SELECT id FROM campaign_contacts WHERE campaign_id = %(c)s ORDER BY id", {"c": campaign}
                ).scalars()
            )
        app = create_app(url, rate_limit=1e6, burst=10**6)
        code, _ = office.commands.create_enrolment_code(org, lead)
        enrol = p.EnrolRequest(code=code, device_name="Profil-PC")
        enrolled = p.decode(
            p.EnrolResponse,
            asyncio.run(_call(app, "POST", "/v1/enrol", p.encode(enrol), [])),
            unknown="ignore",
        )
        auth = [(b"authorization", f"Bearer {enrolled.device_id}.{enrolled.device_secret}".encode())]
        total = warmup + pushes
        bodies = []
        for i in range(total):
            start = (i * BATCH) % len(contacts)
            part = [contacts[(start + j) % len(contacts)] for j in range(BATCH)]
            bodies.append(p.encode(p.PushRequest(items=_items(campaign, part, 1 + i * BATCH, BATCH))))

        async def drive() -> tuple[list[tuple[float, float]], float]:
            times, pg = [], 0.0
            profiler = cProfile.Profile(time.process_time) if profile else None
            for i, body in enumerate(bodies):
                if i == warmup:
                    pg = _postgres_cpu(postmaster)
                    if profiler:
                        profiler.enable()
                c0, w0 = time.process_time(), time.perf_counter()
                answer = await _call(app, "POST", "/v1/push", body, auth)
                c1, w1 = time.process_time(), time.perf_counter()
                if i >= warmup:
                    times.append((c1 - c0, w1 - w0))
                if any(
                    r.status is not p.ItemStatus.ACCEPTED for r in p.decode(p.PushResponse, answer).results
                ):
                    raise RuntimeError("an outcome was not accepted")
            pg = _postgres_cpu(postmaster) - pg
            if profiler:
                profiler.disable()
                profiler.dump_stats(str(profile))
            return times, pg

        times, pg = asyncio.run(drive())
        office.engine.dispose()
    cpu, wall = (statistics.median(t[k] for t in times) * 1000 for k in range(2))
    mean_cpu = sum(t[0] for t in times) / len(times) * 1000
    print(
        f"push of {BATCH}, in process, {len(times)} pushes (load average {os.getloadavg()[0]:.1f}): "
        f"this process {cpu:.2f} ms (mean {mean_cpu:.2f}), PostgreSQL {pg / len(times) * 1000:.2f} ms "
        f"(mean: every backend, /proc), wall {wall:.2f} ms (median)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.push_profile", description=__doc__.split("\n")[0])
    parser.add_argument("--pushes", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--profile", type=Path, default=None)
    args = parser.parse_args(argv)
    run(args.pushes, args.warmup, args.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
