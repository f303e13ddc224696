"""The only thread code of the app: work off the GUI thread, results back on it by signal.

`TaskRunner` owns one worker thread. The database runner is the single owner of the workspace connection
(every DB call goes through it, in order); the network runner keeps slow network work apart, so a sync
never delays saving a report (Anki taskman.py). Results and errors come back on the GUI thread through
one signal adapter (Electrum).

One writer: every write to the workspace belongs on the database runner. A worker thread that has work for
the database (the sync thread) hands it over with :meth:`TaskRunner.call` and waits for the result, so its
writes queue behind the person's and never race them (README "Who writes the workspace").
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

T = TypeVar("T")
log = logging.getLogger(__name__)


class _Bridge(QObject):
    """Lives on the GUI thread; signals emitted from a worker thread are queued to it."""

    delivered = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.delivered.connect(self._deliver)

    @Slot(object)
    def _deliver(self, call: Callable[[], None]) -> None:
        call()


class TaskRunner(QObject):
    """Run callables on one worker thread, in order; callbacks run on the thread that created the runner."""

    busy_changed = Signal(bool)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = name
        self._pool = ThreadPoolExecutor(
            max_workers=1, thread_name_prefix=name, initializer=self._remember_worker
        )
        self._worker: int | None = None
        self._bridge = _Bridge()
        self._pending = 0
        self._lock = threading.Lock()
        self._closed = False

    def submit(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Future[T]:
        if self._closed:
            raise RuntimeError(f"task runner {self._name} is closed")
        self._set_pending(+1)
        future = self._pool.submit(fn)

        def finished(f: Future[T]) -> None:
            def on_gui_thread() -> None:
                self._set_pending(-1)
                if self._closed:  # shutting down: nobody is listening any more
                    return
                error = f.exception()
                if error is None:
                    if on_done is not None:
                        on_done(f.result())
                elif on_error is not None:
                    on_error(error)
                else:
                    log.error("unhandled error in task on %s: %s", self._name, type(error).__name__)
                    raise error

            self._bridge.delivered.emit(on_gui_thread)

        future.add_done_callback(finished)
        return future

    def _set_pending(self, delta: int) -> None:
        with self._lock:
            before = self._pending
            self._pending += delta
            after = self._pending
        if (before == 0) != (after == 0):
            self.busy_changed.emit(after > 0)

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def _remember_worker(self) -> None:
        self._worker = threading.get_ident()

    def call(self, fn: Callable[[], T]) -> T:
        """Run ``fn`` on this runner's thread, after everything submitted before it, and return its result
        (or raise its error) to the calling thread.

        For other worker threads only: the sync thread hands its database writes to the database runner this
        way. Refused on the GUI thread (the GUI never waits) and on this runner's own thread (it would wait
        for itself).
        """
        if self._closed:
            raise RuntimeError(f"task runner {self._name} is closed")
        app = QCoreApplication.instance()
        if app is not None and QThread.currentThread() is app.thread():
            raise RuntimeError("the GUI thread never waits for a task runner; use submit()")
        if threading.get_ident() == self._worker:
            raise RuntimeError(f"call() from task runner {self._name}'s own thread would wait for itself")
        return self._pool.submit(fn).result()

    def run_sync(self, fn: Callable[[], T]) -> T:
        """Run on the worker and wait: only for shutdown and tests, never from a GUI event handler."""
        return self._pool.submit(fn).result()

    def close(self) -> None:
        self._closed = True
        self._pool.shutdown(wait=True)
