"""Helpers for tests and benchmarks: a throwaway PostgreSQL and a real server subprocess.

Not used by the service itself. PostgreSQL: ``initdb`` + ``pg_ctl -w start`` into a temporary directory (as the
``postgres`` user when running as root), random port, unix socket inside that directory.
"""

from __future__ import annotations

import glob
import os
import select
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


class PostgresUnavailable(RuntimeError):
    pass


def find_pg_bin() -> Path | None:
    """Directory with initdb / pg_ctl: $TELEFONAKTION_PG_BIN, Debian's newest, or the PATH."""
    candidates = [os.environ.get("TELEFONAKTION_PG_BIN", "")]
    candidates += sorted(
        glob.glob("/usr/lib/postgresql/*/bin"), key=lambda d: int(d.split("/")[-2]), reverse=True
    )
    which = shutil.which("initdb")
    candidates.append(str(Path(which).parent) if which else "")
    for directory in filter(None, candidates):
        if (Path(directory) / "initdb").exists() and (Path(directory) / "pg_ctl").exists():
            return Path(directory)
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def temporary_postgres(*, durable: bool = False) -> Iterator[str]:
    """Yields ``postgresql://postgres@127.0.0.1:PORT/postgres``; ``durable=False`` turns fsync off (tests)."""
    bin_dir = find_pg_bin()
    if bin_dir is None:
        raise PostgresUnavailable("PostgreSQL binaries (initdb, pg_ctl) not found")
    tmp = Path(tempfile.mkdtemp(prefix="tz-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:  # initdb refuses root
        shutil.chown(tmp, "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    data, port = tmp / "data", free_port()
    options = f"-p {port} -k {tmp} -c listen_addresses=127.0.0.1 -c max_connections=200"
    if not durable:
        options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"

    def run(*cmd: str) -> None:
        result = subprocess.run([*as_user, *cmd], capture_output=True, text=True, timeout=120, check=False)
        if result.returncode:
            raise PostgresUnavailable(f"{Path(cmd[0]).name} failed: {result.stderr.strip()[-500:]}")

    try:
        run(
            str(bin_dir / "initdb"),
            "-D",
            str(data),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--no-sync",
        )
        run(str(bin_dir / "pg_ctl"), "-D", str(data), "-w", "-l", str(tmp / "log"), "-o", options, "start")
        try:
            yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
        finally:
            subprocess.run(
                [*as_user, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                capture_output=True,
                timeout=60,
                check=False,
            )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def create_database(admin_url: str, name: str) -> str:
    """CREATE DATABASE ``name`` on the server of ``admin_url``; returns its URL."""
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return admin_url.rsplit("/", 1)[0] + f"/{name}"


@dataclass
class RunningServer:
    url: str
    database_url: str
    process: subprocess.Popen[str]
    log_path: Path


@contextmanager
def running_server(
    database_url: str,
    *args: str,
    env: dict[str, str] | None = None,
    log_dir: Path | None = None,
    timeout: float = 60,
    module: str = "sync.server.cli",
) -> Iterator[RunningServer]:
    """``python -m sync.server.cli serve --port 0`` as a subprocess; yields once it printed its READY line.

    ``module`` names another program that takes the same arguments and prints the same READY line (the
    benchmark's ingest floor, ``bench.ingest_floor``)."""
    log_dir = log_dir or Path(tempfile.mkdtemp(prefix="tz-server-"))
    log_path = log_dir / f"server-{os.getpid()}-{time.monotonic_ns()}.log"
    full_env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), **(env or {})}
    cmd: Sequence[str] = [
        sys.executable,
        "-m",
        module,
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        "0",
        "--database",
        database_url,
        *args,
    ]
    with log_path.open("w") as log:
        proc = subprocess.Popen(
            cmd, stdout=subprocess.PIPE, stderr=log, text=True, env=full_env, cwd=REPO_ROOT
        )
    try:
        deadline, line = time.monotonic() + timeout, ""
        assert proc.stdout is not None
        while not line.startswith("READY "):
            remaining = deadline - time.monotonic()
            if remaining <= 0 or proc.poll() is not None:
                raise RuntimeError(f"server did not start: {log_path.read_text()[-2000:]}")
            if select.select([proc.stdout], [], [], remaining)[0]:
                line = proc.stdout.readline()
        yield RunningServer(line.split()[1], database_url, proc, log_path)
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stdout:
            proc.stdout.close()
