"""A delay that ends by the clock, not by the timer: Qt timers may fire a little early (coarse timers by up to
5 %), and a field enabled before the delay is over gets a correct passphrase refused (issue 16 point 5)."""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal


class DelayTimer(QTimer):
    """Ticks a few times a second until the deadline on ``clock`` (monotonic seconds, injectable in tests)."""

    tick = Signal(int)  # whole seconds left, rounded up (for "wait N s")
    over = Signal()

    def __init__(self, parent: QObject | None = None, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self.setTimerType(Qt.TimerType.PreciseTimer)
        self.setInterval(250)
        self._clock = clock
        self._deadline = 0.0
        self.timeout.connect(self._check)

    def start_delay(self, seconds: float) -> None:
        self._deadline = self._clock() + seconds
        self.start()
        self._check()

    def _check(self) -> None:
        left = self._deadline - self._clock()
        if left > 0:
            self.tick.emit(math.ceil(left))
            return
        self.stop()
        self.over.emit()
