"""Unlocking, locking and the failed-attempt delay (DP-12, DP-13).

The delay after wrong passphrases grows with each failure and survives a restart of the app (it lives in the
key-slot file, beside the slots it protects); it never says which part was wrong. During the delay nothing is
checked, and the refusal says "wait", never "wrong" (issue 16).

One delay for every place that checks a passphrase (`passphrase_check`): unlocking, changing a passphrase (from
the unlock screen and while unlocked), restoring a backup, and the passphrases of everyone who stays when a person
is removed. A wrong passphrase in any of them grows the same delay; a right one ends it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta

from desktop.domain.passphrase import MIN_LENGTH as MIN_PASSPHRASE
from desktop.paths import WorkspacePaths
from desktop.services import lead_end, lead_slices, retention
from desktop.storage import audit, keyslots, rekey
from desktop.storage.atomic import write_atomic
from desktop.storage.errors import ErrorCode, WorkspaceError
from desktop.storage.timefmt import from_db, to_db, utcnow
from desktop.storage.trusted_time import destructive_now, observe_pc_clock
from desktop.storage.workspace import Workspace

MAX_DELAY = timedelta(minutes=5)


def failure_delay(failures: int) -> timedelta:
    """No delay for the first two typos, then 2, 4, 8 … seconds, at most five minutes."""
    if failures < 3:
        return timedelta(0)
    return min(timedelta(seconds=2 ** min(failures - 2, 16)), MAX_DELAY)


@dataclass(frozen=True)
class UnlockThrottle:
    failures: int = 0
    not_before: datetime | None = None


def _parse(doc: object) -> UnlockThrottle:
    if not isinstance(doc, dict):
        return UnlockThrottle()
    try:
        failures = doc.get("failures", 0)
        if type(failures) is not int or failures < 0:
            return UnlockThrottle()
        not_before = doc.get("not_before")
        return UnlockThrottle(failures, from_db(not_before) if isinstance(not_before, str) else None)
    except (ValueError, TypeError):
        return UnlockThrottle()


def read_throttle(paths: WorkspacePaths) -> UnlockThrottle:
    """The delay state from the key-slot file; a state.json of an older version counts too (the stricter)."""
    current = _parse(keyslots.read_unlock_state(paths.keyslots))
    try:
        legacy = _parse(json.loads(paths.state.read_text("utf-8")).get("unlock", {}))
    except (OSError, ValueError, AttributeError):
        legacy = UnlockThrottle()
    if legacy.failures <= current.failures:
        return current
    return legacy


def _write_throttle(paths: WorkspacePaths, throttle: UnlockThrottle) -> None:
    keyslots.write_unlock_state(paths.keyslots, throttle.failures, to_db(throttle.not_before))
    if paths.state.exists():  # an older version's copy: dropped, so that it cannot count again
        try:
            doc = json.loads(paths.state.read_text("utf-8"))
        except (OSError, ValueError):
            doc = {}
        if isinstance(doc, dict) and "unlock" in doc:
            doc.pop("unlock")
            if doc:
                write_atomic(paths.state, json.dumps(doc).encode("utf-8"))
            else:
                paths.state.unlink(missing_ok=True)


class ThrottledError(WorkspaceError):
    """No unlock now. ``code`` THROTTLED: refused during the delay, the passphrase was not checked;
    WRONG_PASSPHRASE: checked and wrong, and the next try must wait ``wait`` (maybe zero)."""

    def __init__(
        self, wait: timedelta, code: ErrorCode = ErrorCode.THROTTLED, detail: str = "throttled"
    ) -> None:
        super().__init__(code, detail)
        self.wait = wait


def refuse_during_delay(paths: WorkspacePaths, now: datetime) -> UnlockThrottle:
    """The current delay state, or ThrottledError(THROTTLED) while the delay runs."""
    throttle = read_throttle(paths)
    if throttle.not_before is not None and now < throttle.not_before:
        raise ThrottledError(throttle.not_before - now)
    return throttle


def count_failure(
    paths: WorkspacePaths, throttle: UnlockThrottle, now: datetime, detail: str = "throttled"
) -> ThrottledError:
    """Record one more wrong passphrase; the error to raise says how long the next try must wait."""
    failures = throttle.failures + 1
    _write_throttle(paths, UnlockThrottle(failures, now + failure_delay(failures)))
    return ThrottledError(failure_delay(failures), ErrorCode.WRONG_PASSPHRASE, detail)


@contextmanager
def passphrase_check(paths: WorkspacePaths, now: datetime) -> Iterator[UnlockThrottle]:
    """The delay rule around any work that checks a passphrase of this workspace (the one definition):

    - during the delay the work does not run: ThrottledError(THROTTLED), nothing is checked;
    - the work raising WRONG_PASSPHRASE counts one failure (however many passphrases it checked) and becomes
      ThrottledError(WRONG_PASSPHRASE) with the wait for the next try; its ``detail`` (e.g. whose slot) is kept;
    - the work succeeding ends the delay (a right passphrase was given), as unlocking does;
    - anything else (a damaged file, a missing passphrase: nothing checked) neither counts nor resets.

    Yields the state before the try (unlock audits how many failures preceded it)."""
    throttle = refuse_during_delay(paths, now)
    try:
        yield throttle
    except WorkspaceError as exc:
        if exc.code is ErrorCode.WRONG_PASSPHRASE:
            raise count_failure(paths, throttle, now, exc.detail or "throttled") from None
        raise
    if throttle.failures:
        _write_throttle(paths, UnlockThrottle())


def unlock(
    paths: WorkspacePaths, slot_id: str, passphrase: str, clock: Callable[[], datetime] = utcnow
) -> Workspace:
    now = clock()
    with passphrase_check(paths, now) as throttle:
        workspace = Workspace.open(paths, slot_id, passphrase)
    with workspace.transaction() as conn:
        audit.append(
            conn,
            audit.AuditKind.UNLOCK,
            at=now,
            person_id=workspace.person.id,
            subject=str(throttle.failures) if throttle.failures else None,
        )
        # the PC's own clock only ever raises the high-water mark (R8); a jump far beyond the confirmed time
        # is not believed on its own: wipes and expiries act on the confirmed time only (#15.7)
        observe_pc_clock(conn, now)
        settled = destructive_now(conn, now)
    retention.enforce(workspace.conn, now)  # expired access is wiped also while offline (R16)
    lead_end.expire_campaigns(workspace, settled)  # campaigns past their end date + grace (DP-15)
    lead_slices.expire_slices(workspace, now)  # shares not worked in time return to the pool (DP-16)
    return workspace


def change_passphrase(
    paths: WorkspacePaths, slot_id: str, old: str, new: str, clock: Callable[[], datetime] = utcnow
) -> None:
    """Change one's own passphrase from the unlock screen (#15.2): opened with the old one (throttled and
    audited like any unlock), the key slot rewrapped atomically (storage.rekey), locked again."""
    if len(new) < MIN_PASSPHRASE:
        raise ValueError("the new passphrase is too short")
    workspace = unlock(paths, slot_id, old, clock)
    try:
        rekey.change_own_passphrase(workspace, old, new)
    finally:
        lock(workspace, clock)


def lock(workspace: Workspace, clock: Callable[[], datetime] = utcnow) -> None:
    """Record the lock and close the database; the process keeps no open handle afterwards."""
    try:
        with workspace.transaction() as conn:
            audit.append(conn, audit.AuditKind.LOCK, at=clock(), person_id=workspace.person.id)
    finally:
        workspace.close()
