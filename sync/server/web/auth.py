"""Staff of the web interface: accounts, sign-in with throttling, sessions (issue 8).

- Passwords: Argon2id (argon2-cffi defaults: t=3, 64 MiB, p=4); an unknown name costs the same time as a known one.
- Optional second factor: TOTP (web/totp.py); each code is accepted once.
- Throttling: failures are counted per name (hashed, so unknown names are throttled alike) and per client
  address; past a few free failures each further one locks that key for a growing time (15 s, 30 s, ... 15 min).
  While locked, attempts are refused without checking the password. A success clears the name's and the
  address's count.
- Sessions: a random token in the cookie, only its sha256 in the database; they end after IDLE_TIMEOUT without a
  request and ABSOLUTE_TIMEOUT after sign-in, whatever happens. Each carries its own CSRF token.
- Every sign-in, failed sign-in, sign-out and account creation goes to the audit log (ids only).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import Engine, insert, select, update
from sqlalchemy.engine import Connection

from sync.server import db
from sync.server.common import ServiceError, acting_as, audit, sha256_hex, utcnow
from sync.server.web import totp

IDLE_TIMEOUT = timedelta(minutes=30)
ABSOLUTE_TIMEOUT = timedelta(hours=12)
TOUCH_EVERY = timedelta(seconds=30)  # a session's last_seen_at is written at most this often
MIN_PASSWORD_LENGTH = 12
MAX_PASSWORD_LENGTH = 1024
FREE_FAILURES = {"name": 3, "addr": 20}
FIRST_LOCK = timedelta(seconds=15)
MAX_LOCK = timedelta(minutes=15)

_hasher = PasswordHasher()  # Argon2id
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))


class LoginRefused(Exception):
    """``reason``: ``invalid`` (name, password or code wrong: never which) or ``throttled`` (wait ``retry_after``)."""

    def __init__(self, reason: str, retry_after: int = 0) -> None:
        super().__init__(reason)
        self.reason, self.retry_after = reason, retry_after


@dataclass(frozen=True)
class Session:
    token_hash: str
    staff_id: str
    staff_name: str
    csrf: str
    created_at: datetime


def lock_for(failures: int, free: int) -> timedelta:
    """How long a key stays locked after its ``failures``-th failure in a row."""
    if failures < free:
        return timedelta(0)
    lock: timedelta = FIRST_LOCK * 2 ** min(failures - free, 20)
    return min(MAX_LOCK, lock)


def _name_key(name: str) -> str:
    return "name:" + sha256_hex(name.strip().casefold())


def _addr_key(address: str) -> str:
    return "addr:" + address[:64]


class StaffAccounts:
    def __init__(self, engine: Engine, *, clock: Callable[[], datetime] = utcnow) -> None:
        self.engine, self.clock = engine, clock

    # ----------------------------------------------------------------------------------------------- accounts

    def add(self, name: str, password: str, *, with_totp: bool = False) -> tuple[str, str | None]:
        """A new staff member; returns (id, TOTP secret or None)."""
        name = name.strip()
        if not 1 <= len(name) <= 80 or any(ch.isspace() and ch != " " for ch in name):
            raise ServiceError("staff_name_length")
        if not MIN_PASSWORD_LENGTH <= len(password) <= MAX_PASSWORD_LENGTH:
            raise ServiceError("staff_password_short", params={"min": str(MIN_PASSWORD_LENGTH)})
        secret = totp.new_secret() if with_totp else None
        now = self.clock()
        with self.engine.begin() as conn:
            if conn.execute(select(db.staff.c.id).where(db.staff.c.name == name)).first():
                raise ServiceError("staff_exists", status=409)
            staff_id = db.new_id()
            conn.execute(
                insert(db.staff).values(
                    id=staff_id,
                    name=name,
                    password_hash=_hasher.hash(password),
                    totp_secret=secret,
                    created_at=now,
                )
            )
            audit(conn, now, "staff.add", staff_id)
        return staff_id, secret

    # ----------------------------------------------------------------------------------------------- sign-in

    def sign_in(self, name: str, password: str, code: str, address: str) -> tuple[str, Session]:
        """Checks name, password and (if set up) the TOTP code; returns (cookie token, session).

        Refusals are counted and audited in their own committed transaction before LoginRefused is raised.
        """
        now = self.clock()
        keys = [_name_key(name), _addr_key(address)]
        with self.engine.begin() as conn:
            row = conn.execute(select(db.staff).where(db.staff.c.name == name.strip())).first()
            wait = self._locked(conn, keys, now)
            if wait:
                audit(conn, now, "staff.login_throttled", *([row.id] if row is not None else []))
        if wait:
            raise LoginRefused("throttled", wait)
        # The slow hash runs outside any transaction (no lock held for 100 ms).
        ok = _verify(row.password_hash if row is not None else _DUMMY_HASH, password[:MAX_PASSWORD_LENGTH])
        ok = ok and row is not None and row.disabled_at is None
        step, refusal = None, None
        with self.engine.begin() as conn:
            if ok and row is not None and row.totp_secret:
                used = conn.execute(select(db.staff.c.totp_last_step).where(db.staff.c.id == row.id)).scalar()
                step = totp.matching_step(row.totp_secret, code, now, after=used)
                ok = step is not None
            if not ok:
                wait = self._fail(conn, keys, now)
                audit(conn, now, "staff.login_failed", *([row.id] if row is not None else []))
                refusal = LoginRefused("throttled", wait) if wait else LoginRefused("invalid")
        if refusal is not None:
            raise refusal
        assert row is not None
        token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        with self.engine.begin() as conn:
            if _hasher.check_needs_rehash(row.password_hash):
                conn.execute(
                    update(db.staff)
                    .where(db.staff.c.id == row.id)
                    .values(password_hash=_hasher.hash(password))
                )
            if step is not None:
                conn.execute(update(db.staff).where(db.staff.c.id == row.id).values(totp_last_step=step))
            conn.execute(db.login_failures.delete().where(db.login_failures.c.key.in_(keys)))
            conn.execute(
                insert(db.staff_sessions).values(
                    token_hash=sha256_hex(token), staff_id=row.id, csrf=csrf, created_at=now, last_seen_at=now
                )
            )
            with acting_as(row.id):
                audit(conn, now, "staff.login", row.id)
        return token, Session(sha256_hex(token), row.id, row.name, csrf, now)

    @staticmethod
    def _locked(conn: Connection, keys: list[str], now: datetime) -> int:
        lf = db.login_failures
        until = [
            row.locked_until
            for row in conn.execute(select(lf.c.locked_until).where(lf.c.key.in_(keys)))
            if row.locked_until is not None and row.locked_until > now
        ]
        return max((int((u - now).total_seconds()) + 1 for u in until), default=0)

    @staticmethod
    def _fail(conn: Connection, keys: list[str], now: datetime) -> int:
        """Counts a failure on every key; returns the seconds the attempt locks (0: none)."""
        lf, wait = db.login_failures, 0
        for key in keys:
            free = FREE_FAILURES[key.partition(":")[0]]
            row = conn.execute(select(lf.c.failures).where(lf.c.key == key)).first()
            failures = (row.failures if row else 0) + 1
            lock = lock_for(failures, free)
            values = {
                "failures": failures,
                "last_failed_at": now,
                "locked_until": now + lock if lock else None,
            }
            if row is None:
                conn.execute(insert(lf).values(key=key, **values))
            else:
                conn.execute(update(lf).where(lf.c.key == key).values(**values))
            wait = max(wait, int(lock.total_seconds()))
        return wait

    # ----------------------------------------------------------------------------------------------- sessions

    def session(self, token: str | None) -> Session | None:
        """The live session of a cookie token, or None (unknown, signed out, idle or too old)."""
        if not token or len(token) > 100:
            return None
        now, ss, st = self.clock(), db.staff_sessions, db.staff
        token_hash = sha256_hex(token)
        with self.engine.begin() as conn:
            row = conn.execute(
                select(ss, st.c.name, st.c.disabled_at)
                .join(st, st.c.id == ss.c.staff_id)
                .where(ss.c.token_hash == token_hash)
            ).first()
            if row is None or row.ended_at is not None:
                return None
            if (
                row.disabled_at is not None
                or now - row.last_seen_at > IDLE_TIMEOUT
                or now - row.created_at > ABSOLUTE_TIMEOUT
            ):
                conn.execute(update(ss).where(ss.c.token_hash == token_hash).values(ended_at=now))
                with acting_as(row.staff_id):
                    audit(conn, now, "staff.session_expired", row.staff_id)
                return None
            if now - row.last_seen_at > TOUCH_EVERY:
                conn.execute(update(ss).where(ss.c.token_hash == token_hash).values(last_seen_at=now))
        return Session(token_hash, row.staff_id, row.name, row.csrf, row.created_at)

    def sign_out(self, session: Session) -> None:
        now, ss = self.clock(), db.staff_sessions
        with self.engine.begin() as conn:
            conn.execute(
                update(ss)
                .where(ss.c.token_hash == session.token_hash, ss.c.ended_at.is_(None))
                .values(ended_at=now)
            )
            with acting_as(session.staff_id):
                audit(conn, now, "staff.logout", session.staff_id)


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False
