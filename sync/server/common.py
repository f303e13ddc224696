"""What the central office's commands, queries and clearance signing share (design.md "The process from the
letter", DP-11, DP-20): the clock, errors users can fix, the audit log and look-ups.

Every method of :class:`sync.server.commands.Commands`, :class:`sync.server.queries.Queries` and
:class:`sync.server.signing.Signing` runs in one transaction and raises :class:`ServiceError` (stable ``code`` +
HTTP ``status``) for anything a user can fix. Logs and the audit log carry ids only, never names, numbers or
contents.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import Engine, insert, select
from sqlalchemy.engine import Connection, Row

from sync.server import db, messages

log = logging.getLogger("telefonaktion.zentrale")


try:
    LOCAL_TZ: Any = ZoneInfo("Europe/Berlin")  # resolution dates are German calendar days
except ZoneInfoNotFoundError:  # pragma: no cover - a system without tz database
    LOCAL_TZ = UTC


def utcnow() -> datetime:
    return datetime.now(UTC)


class ServiceError(Exception):
    """Something a user (admin or device) can fix (issue 14.8): ``code`` is stable and names the message in the
    one catalogue (sync.server.messages, German and English), ``params`` are the values the message needs (ids,
    codes, numbers; never personal data), ``status`` the HTTP status. ``message`` is the English sentence (the
    command line, the log, the device API); pass one only for a code the catalogue does not know yet."""

    def __init__(
        self,
        code: str,
        message: str | None = None,
        status: int = 422,
        params: dict[str, str] | None = None,
    ) -> None:
        self.code = code
        self.status = status
        self.params = {k: str(v) for k, v in (params or {}).items()}
        if message is None:
            message = messages.message(code, self.params) if code in messages.MESSAGES else code
        self.message = message
        super().__init__(message)


def not_found(what: str, ident: str) -> ServiceError:
    """``what`` is one of messages.THINGS (translated on the page)."""
    return ServiceError("not_found", status=404, params={"what": what, "id": ident})


def invalid(code: str, **params: object) -> ServiceError:
    return ServiceError(code, status=422, params={k: str(v) for k, v in params.items()})


@dataclass(frozen=True)
class Device:
    id: str
    org_id: str
    person_id: str


def sha256_hex(data: str | bytes) -> str:
    return hashlib.sha256(data.encode() if isinstance(data, str) else data).hexdigest()


def normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


_ACTOR: ContextVar[str | None] = ContextVar("telefonaktion_zentrale_actor", default=None)


@contextmanager
def acting_as(staff_id: str) -> Iterator[None]:
    """Admin actions inside this block are audited with the staff member's id (the web interface)."""
    token = _ACTOR.set(staff_id)
    try:
        yield
    finally:
        _ACTOR.reset(token)


def audit(
    conn: Connection,
    now: datetime,
    action: str,
    *ref_ids: str,
    org_id: str | None = None,
    device_id: str | None = None,
    source: str = "admin",
) -> None:
    conn.execute(
        insert(db.audit_log).values(
            at=now,
            source=source,
            org_id=org_id,
            device_id=device_id,
            action=action,
            ref_ids=list(ref_ids),
            actor_id=_ACTOR.get() if source == "admin" else None,
        )
    )
    log.info("%s %s", action, " ".join(ref_ids))


class OfficePart:
    """The database and the clock one part of the central office works with."""

    def __init__(self, engine: Engine, clock: Callable[[], datetime] = utcnow) -> None:
        self.engine = engine
        self.clock = clock

    def today(self) -> date:
        return self.clock().astimezone(LOCAL_TZ).date()

    def _one(self, conn: Connection, table: Any, ident: str, what: str) -> Row[Any]:
        row = conn.execute(select(table).where(table.c.id == ident)).first()
        if row is None:
            raise not_found(what, ident)
        return row

    def _person_of_org(self, conn: Connection, person_id: str, org_id: str) -> Row[Any]:
        person = self._one(conn, db.persons, person_id, "person")
        if person.org_id != org_id:
            raise invalid("person_not_in_org", person=person_id, org=org_id)
        return person
