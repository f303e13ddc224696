"""Request budgets of the sync API, behind one small interface (``Limiter``) so that a shared store (for example
PostgreSQL, for several server processes) can replace the in-memory buckets without touching app.py.

Who pays (issue 16 point 2): a request whose device token has not been checked yet is charged to the client
address it comes from, and only when it fails (wrong or missing token, enrolment attempts); a device's own
budget is charged only after its secret was checked. So someone who has seen a device id cannot use up that
device's budget, and a flood of wrong tokens is refused before it reaches the database.
"""

from __future__ import annotations

import ipaddress
import time
from collections.abc import Callable
from typing import Protocol


class RateLimited(Exception):
    """The key has no budget left; ``wait`` seconds until it has."""

    def __init__(self, wait: float) -> None:
        super().__init__(f"rate limited for {wait:.1f} s")
        self.wait = wait


class Limiter(Protocol):
    def take(self, key: str) -> float:
        """Use one unit of the key's budget: 0 if there was one, else the seconds to wait (nothing used)."""
        ...

    def wait(self, key: str) -> float:
        """The seconds until the key has a unit left (0: now), using nothing."""
        ...


class TokenBuckets:
    """A token bucket per key, in memory, for one server process; used from the event loop only."""

    MAX_KEYS = 100_000

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


def check(limiter: Limiter, key: str) -> None:
    """Use one unit of ``key``'s budget or raise RateLimited."""
    wait = limiter.take(key)
    if wait:
        raise RateLimited(wait)


def refuse_if_spent(limiter: Limiter, key: str) -> None:
    """Raise RateLimited when ``key`` has nothing left, using nothing."""
    wait = limiter.wait(key)
    if wait:
        raise RateLimited(wait)
