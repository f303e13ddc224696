"""Locks the app after inactivity and at once when the OS locks, switches user or sleeps (DP-12, R15).

Activity is any key or mouse input to the app. The check runs on a coarse timer against an injectable clock,
so tests can move time instead of waiting.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

DEFAULT_IDLE_MINUTES = 5
MIN_IDLE_MINUTES = 1
MAX_IDLE_MINUTES = 15

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


def clamp_idle_minutes(minutes: int) -> int:
    return max(MIN_IDLE_MINUTES, min(MAX_IDLE_MINUTES, minutes))


class LockGuard(QObject):
    lock_requested = Signal(str)  # reason: "idle" | "os_lock" | "sleep" | "user_switch"
    remaining_changed = Signal(int)  # seconds until the idle lock

    def __init__(
        self,
        *,
        idle_minutes: int = DEFAULT_IDLE_MINUTES,
        clock: Callable[[], float] = time.monotonic,
        check_interval_ms: int = 1000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self.idle_seconds = clamp_idle_minutes(idle_minutes) * 60
        self.last_activity = clock()
        self.armed = False
        self._timer = QTimer(self)
        self._timer.setInterval(check_interval_ms)
        self._timer.timeout.connect(self.check)

    def set_idle_minutes(self, minutes: int) -> None:
        self.idle_seconds = clamp_idle_minutes(minutes) * 60

    def arm(self) -> None:
        """Start watching (after unlock)."""
        self.armed = True
        self.last_activity = self.clock()
        self._timer.start()

    def disarm(self) -> None:
        self.armed = False
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.armed and event.type() in _ACTIVITY:
            self.last_activity = self.clock()
        return False

    def check(self) -> None:
        if not self.armed:
            return
        remaining = self.idle_seconds - (self.clock() - self.last_activity)
        if remaining <= 0:
            self._fire("idle")
        else:
            self.remaining_changed.emit(int(remaining))

    def os_event(self, reason: str) -> None:
        """Called by the platform adapter when the session locks, switches user or goes to sleep."""
        if self.armed:
            self._fire(reason)

    def _fire(self, reason: str) -> None:
        self.disarm()
        self.lock_requested.emit(reason)
