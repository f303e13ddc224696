"""Serving an app on a socket that is already listening, and saying so: one definition for the central office
(``cli serve``), the app's demo office and the benchmark's ingest floor, whose parents wait for the READY line."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any


async def serve_ready(
    server: Any, sock: Any, ready_line: str, beside: Callable[[], Coroutine[Any, Any, None]] | None = None
) -> None:
    """Run the uvicorn ``server`` on ``sock``; print ``ready_line`` (flushed) once it accepts requests, then run
    ``beside`` (a background job, cancelled when the server stops) until the server ends."""
    task = asyncio.create_task(server.serve(sockets=[sock]))
    while not server.started and not task.done():
        await asyncio.sleep(0.01)
    if server.started:
        print(ready_line, flush=True)
    job = asyncio.create_task(beside()) if beside is not None else None
    try:
        await task
    finally:
        if job is not None:
            job.cancel()
