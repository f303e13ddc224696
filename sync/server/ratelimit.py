"""Request budgets of the sync API, behind one small interface (``Limiter``) so that a shared store (for example
PostgreSQL, for several server processes) can replace the in-memory buckets without touching app.py.

Several server processes (issue 13.7): on PostgreSQL the buckets live in the table ``rate_buckets``
(:class:`SharedBuckets`), one row per key, taken by one atomic ``INSERT ... ON CONFLICT DO UPDATE`` whose
arithmetic runs in the database. So a flood spread over every process behind a reverse proxy is limited as one.
SQLite serves one process only and keeps the in-memory :class:`TokenBuckets`.

Who pays (issue 16 point 2): a request whose device token has not been checked yet is charged to the client
address it comes from, and only when it fails (wrong or missing token, enrolment attempts); a device's own
budget is charged only after its secret was checked. So someone who has seen a device id cannot use up that
device's budget, and a flood of wrong tokens is refused before it reaches the database.
"""

from __future__ import annotations

import ipaddress
import itertools
import time
from collections.abc import Callable
from typing import Protocol

from sqlalchemy import Connection, Engine, delete, select, text

from sync.server import db


class RateLimited(Exception):
    """The key has no budget left; ``wait`` seconds until it has."""

    def __init__(self, wait: float) -> None:
        super().__init__(f"rate limited for {wait:.1f} s")
        self.wait = wait


class Limiter(Protocol):
    blocking: bool  # True: it asks the database (call it off the event loop)

    def take(self, key: str) -> float:
        """Use one unit of the key's budget: 0 if there was one, else the seconds to wait (nothing used)."""
        ...

    def wait(self, key: str) -> float:
        """The seconds until the key has a unit left (0: now), using nothing."""
        ...


class TokenBuckets:
    """A token bucket per key, in memory, for one server process; used from the event loop only."""

    MAX_KEYS = 100_000
    blocking = False

    def __init__(self, rate: float, burst: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.rate, self.burst, self.clock = rate, burst, clock
        self._buckets: dict[str, tuple[float, float]] = {}

    def _tokens(self, key: str, now: float) -> float:
        tokens, last = self._buckets.get(key, (float(self.burst), now))
        return min(float(self.burst), tokens + (now - last) * self.rate)

    def take(self, key: str) -> float:
        now = self.clock()
        tokens = self._tokens(key, now)
        if len(self._buckets) >= self.MAX_KEYS and key not in self._buckets:
            self._forget_full(now)
        if tokens >= 1:
            self._buckets[key] = (tokens - 1, now)
            return 0.0
        self._buckets[key] = (tokens, now)
        return (1 - tokens) / self.rate

    def wait(self, key: str) -> float:
        tokens = self._tokens(key, self.clock())
        return 0.0 if tokens >= 1 else (1 - tokens) / self.rate

    def _forget_full(self, now: float) -> None:
        """Drop the buckets that have refilled (they equal a new one); never the ones still waiting."""
        self._buckets = {
            k: (tokens, last)
            for k, (tokens, last) in self._buckets.items()
            if tokens + (now - last) * self.rate < self.burst
        }
        if len(self._buckets) >= self.MAX_KEYS:  # all of them waiting: memory before fairness
            self._buckets.clear()


# Every value is computed from the row as it was (SQL evaluates all SET expressions against the old row), in
# the one statement, so two processes taking the same key at once are serialised by the row lock.
_TAKE = text(
    """
    INSERT INTO rate_buckets (key, tokens, at, granted) VALUES (:key, :burst - 1, :now, true)
    ON CONFLICT (key) DO UPDATE SET
        tokens = CASE WHEN LEAST(:burst, rate_buckets.tokens + GREATEST(0, :now - rate_buckets.at) * :rate) >= 1
                      THEN LEAST(:burst, rate_buckets.tokens + GREATEST(0, :now - rate_buckets.at) * :rate) - 1
                      ELSE LEAST(:burst, rate_buckets.tokens + GREATEST(0, :now - rate_buckets.at) * :rate) END,
        granted = LEAST(:burst, rate_buckets.tokens + GREATEST(0, :now - rate_buckets.at) * :rate) >= 1,
        at = GREATEST(rate_buckets.at, :now)
    RETURNING tokens, granted
    """
)


_NO_FLUSH_WAIT = text("SET LOCAL synchronous_commit = off")


class SharedBuckets:
    """Token buckets in PostgreSQL, shared by every server process on that database (issue 13.7).

    The clock is the wall clock (epoch seconds), the same for every process on one host and, with NTP, across
    hosts; a clock that steps back refills nothing. Rows that have refilled equal a new bucket and are deleted
    now and then (every ``PRUNE_EVERY`` takes of a process)."""

    PRUNE_EVERY = 1000
    blocking = True

    def __init__(
        self, engine: Engine, rate: float, burst: int, clock: Callable[[], float] = time.time
    ) -> None:
        if engine.dialect.name != "postgresql":
            raise ValueError("shared rate limits need PostgreSQL (SQLite serves one process: TokenBuckets)")
        self.engine, self.rate, self.burst, self.clock = engine, rate, burst, clock
        self._takes = itertools.count(1)

    def take(self, key: str) -> float:
        with self.engine.begin() as conn:
            return self.take_in(conn, key)

    def wait(self, key: str) -> float:
        with self.engine.connect() as conn:
            return self.wait_in(conn, key)

    def take_in(self, conn: Connection, key: str) -> float:
        """:meth:`take` inside the caller's transaction (app.py: the request's authentication, issue 17.3). The
        transaction then commits without waiting for the WAL flush: give it nothing else to write."""
        now = self.clock()
        params = {"key": key[:80], "burst": float(self.burst), "rate": self.rate, "now": now}
        # A budget is not worth a wait for the disk: after a crash a few takes may be lost (the bucket is a
        # little fuller), never a row. Only this transaction commits without waiting for the WAL flush.
        conn.execute(_NO_FLUSH_WAIT)
        tokens, granted = conn.execute(_TAKE, params).one()
        if next(self._takes) % self.PRUNE_EVERY == 0:
            full_since = now - self.burst / self.rate
            conn.execute(delete(db.rate_buckets).where(db.rate_buckets.c.at < full_since))
        return 0.0 if granted else (1 - tokens) / self.rate

    def wait_in(self, conn: Connection, key: str) -> float:
        """:meth:`wait` on the caller's connection."""
        row = conn.execute(
            select(db.rate_buckets.c.tokens, db.rate_buckets.c.at).where(db.rate_buckets.c.key == key[:80])
        ).first()
        if row is None:
            return 0.0
        tokens = min(float(self.burst), row.tokens + max(0.0, self.clock() - row.at) * self.rate)
        return 0.0 if tokens >= 1 else (1 - tokens) / self.rate


def limiter_for(engine: Engine, rate: float, burst: int) -> Limiter:
    """The limiter of a server process: shared in PostgreSQL, in memory on SQLite (one process)."""
    if engine.dialect.name == "postgresql":
        return SharedBuckets(engine, rate, burst)
    return TokenBuckets(rate, burst)


def address_key(host: str | None) -> str:
    """The budget key of a client address; IPv6 by its /64 (one network hands out a whole /64)."""
    if not host:
        return "addr:-"
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return f"addr:{host[:64]}"
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return f"addr:{ip.ipv4_mapped}"
        return f"addr:{ipaddress.ip_network(f'{ip}/64', strict=False)}"
    return f"addr:{ip}"
