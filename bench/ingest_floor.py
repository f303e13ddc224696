"""The floor of central ingest on this stack: a push endpoint that does only what any design must do.

    python -m bench.ingest_floor serve --host 127.0.0.1 --port 0 --database URL   (prints READY <url>)

Used by ``bench.sync_bench`` as the baseline of the 50-device ingest (issue 17.3), beside the raw inserts. It
serves ``POST /v1/push`` through the same stack as the real server (uvicorn, FastAPI, the same body limit,
``protocol.decode`` and ``protocol.encode``, the real ``DeviceSync.authenticate`` against the real database),
and stores each item once: one statement inserts the request's items, as sent, into an append-only log keyed by
(device, sequence number) with the idempotency key unique, ``ON CONFLICT DO NOTHING``, and commits. A repeated
item is answered "duplicate"; nothing else is looked at.

So it is a lower bound of every design that keeps the protocol's answers (one verdict per item, durable before
the answer) and stores outcomes exactly once in PostgreSQL: it skips the rate limiter, the per-item checks
(campaign, contact, time, corrections, key reuse with another body, sequence reuse), the reports, the feed for
other PCs, the shared call state and the sequence-gap answer. It is a benchmark baseline, never a server: it
exists only under ``bench/``.
"""

from __future__ import annotations

import argparse
import asyncio
import socket
from typing import Any

from fastapi import FastAPI, Request, Response
from starlette.concurrency import run_in_threadpool

from sync.server.serving import serve_ready

LOG_TABLE = (
    "CREATE TABLE IF NOT EXISTS bench_ingest_log ("
    " device_id text NOT NULL, seq bigint NOT NULL, idempotency_key uuid NOT NULL UNIQUE,"
    " item jsonb NOT NULL, received_at timestamptz NOT NULL DEFAULT now(),"
    " PRIMARY KEY (device_id, seq))"
)
_INSERT = (
    "INSERT INTO bench_ingest_log (device_id, seq, idempotency_key, item) "
    "SELECT %(device)s, (x->>'seq')::bigint, (x->>'idempotency_key')::uuid, x "
    "FROM jsonb_array_elements(%(body)s::jsonb -> 'items') AS x "
    "ON CONFLICT DO NOTHING RETURNING seq"
)


def create_floor_app(database_url: str) -> Any:
    from sync.core import protocol as p
    from sync.server.app import model_response, read_body
    from sync.server.db import SERVER_POOL_SIZE, open_database
    from sync.server.device_sync import DeviceSync
    from sync.server.office import CentralOffice

    office = CentralOffice(open_database(database_url, pool_size=SERVER_POOL_SIZE))
    devices = DeviceSync(office)
    with office.engine.begin() as conn:
        conn.exec_driver_sql(LOG_TABLE)

    def store(device_id: str, req: p.PushRequest, body: bytes) -> p.PushResponse:
        with office.engine.begin() as conn:
            stored = {
                r[0] for r in conn.exec_driver_sql(_INSERT, {"device": device_id, "body": body.decode()})
            }
        results = [
            p.ItemResult.model_construct(
                idempotency_key=item.idempotency_key,
                seq=item.seq,
                status=p.ItemStatus.ACCEPTED if item.seq in stored else p.ItemStatus.DUPLICATE,
                reason=None,
            )
            for item in req.items
        ]
        return p.PushResponse(
            results=results, highest_seq=max((i.seq for i in req.items), default=0), missing=[]
        )

    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)

    @app.post("/v1/push")
    async def push(request: Request) -> Response:
        device = await run_in_threadpool(devices.authenticate, request.headers.get("authorization"))
        body = await read_body(request, p.MAX_BODY_BYTES)
        req = p.decode(p.PushRequest, body, max_bytes=p.MAX_BODY_BYTES)
        return model_response(await run_in_threadpool(store, device.id, req, body))

    return app


def main(argv: list[str] | None = None) -> int:
    import uvicorn

    parser = argparse.ArgumentParser(prog="bench.ingest_floor")
    parser.add_argument("command", choices=["serve"])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--database", required=True)
    args = parser.parse_args(argv)
    app = create_floor_app(args.database)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)  # as sync.server.cli serve
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((args.host, args.port))
    sock.listen(256)
    server = uvicorn.Server(
        uvicorn.Config(app, log_level="warning", access_log=False, timeout_graceful_shutdown=5)
    )

    asyncio.run(serve_ready(server, sock, f"READY http://{args.host}:{sock.getsockname()[1]}"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
