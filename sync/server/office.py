"""The central office (design.md "The process from the letter", DP-11, DP-20): one database, one clock, three parts.

- :mod:`sync.server.commands` — every state change an administrator makes; each returns what changed.
- :mod:`sync.server.queries` — read models for the web pages and the command line.
- :mod:`sync.server.signing` — the signing keys, the clearance rule and the signed revocation list.

The command line (``cli``), the web pages (``web.pages``) and the device API (``app`` / ``device_sync``) call the
part they need: ``office.commands.add_org(...)``, ``office.queries.list_orgs()``, ``office.signing.pinned_keys()``.
Errors, the clock and the audit log all parts share live in :mod:`sync.server.common`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from sqlalchemy import Engine

from sync.server.commands import Commands
from sync.server.common import LOCAL_TZ, utcnow
from sync.server.queries import Queries
from sync.server.signing import Signing


class CentralOffice:
    def __init__(self, engine: Engine, *, clock: Callable[[], datetime] = utcnow) -> None:
        self.engine = engine
        self.clock = clock
        self.commands = Commands(engine, clock)
        self.queries = Queries(engine, clock)
        self.signing = Signing(engine, clock)

    def today(self) -> date:
        return self.clock().astimezone(LOCAL_TZ).date()
