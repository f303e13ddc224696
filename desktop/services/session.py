"""Unlocking, locking and the failed-attempt delay (DP-12, DP-13).

The delay after wrong passphrases grows with each failure and survives a restart of the app (it lives in the
workspace's non-personal state file); it never says which part was wrong.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from desktop.paths import WorkspacePaths
from desktop.services import lead_end, lead_slices, retention
from desktop.storage.trusted_time import destructive_now, observe_pc_clock
from desktop.domain.passphrase import MIN_LENGTH as MIN_PASSPHRASE
from desktop.storage import audit, rekey
from desktop.storage.atomic import write_atomic
from desktop.storage.errors import ErrorCode, WorkspaceError
from desktop.storage.timefmt import from_db, to_db, utcnow
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


def read_throttle(paths: WorkspacePaths) -> UnlockThrottle:
    try:
        doc = json.loads(paths.state.read_text("utf-8")).get("unlock", {})
        return UnlockThrottle(int(doc.get("failures", 0)), from_db(doc.get("not_before")))
    except (FileNotFoundError, ValueError, TypeError, AttributeError):
        return UnlockThrottle()


def _write_throttle(paths: WorkspacePaths, throttle: UnlockThrottle) -> None:
    try:
        doc = json.loads(paths.state.read_text("utf-8"))
        if not isinstance(doc, dict):
            doc = {}
    except (FileNotFoundError, ValueError):
        doc = {}
    doc["unlock"] = {"failures": throttle.failures, "not_before": to_db(throttle.not_before)}
    write_atomic(paths.state, json.dumps(doc).encode("utf-8"))


class ThrottledError(WorkspaceError):
    def __init__(self, wait: timedelta) -> None:
        super().__init__(ErrorCode.WRONG_PASSPHRASE, "throttled")
        self.wait = wait


def unlock(
    paths: WorkspacePaths, slot_id: str, passphrase: str, clock: Callable[[], datetime] = utcnow
) -> Workspace:
    now = clock()
    throttle = read_throttle(paths)
    if throttle.not_before is not None and now < throttle.not_before:
        raise ThrottledError(throttle.not_before - now)
    try:
        workspace = Workspace.open(paths, slot_id, passphrase)
    except WorkspaceError as exc:
        if exc.code is ErrorCode.WRONG_PASSPHRASE:
            failures = throttle.failures + 1
            _write_throttle(paths, UnlockThrottle(failures, now + failure_delay(failures)))
            raise ThrottledError(failure_delay(failures)) from None
        raise
    if throttle.failures:
        _write_throttle(paths, UnlockThrottle())
    with workspace.transaction() as conn:
        audit.append(
            conn,
            audit.AuditKind.UNLOCK,
            at=now,
            person_id=workspace.person.id,
            subject=str(throttle.failures) if throttle.failures else None,
        )
        # the PC's own clock only ever raises the high-water mark (R8), and a jump far beyond it is not
        # believed on its own: wipes and expiries then act on the mark only (#15.7)
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
