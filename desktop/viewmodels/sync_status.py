"""Background sync: on a timer and when the network comes back.

The GUI never waits on the network: the engine (sync.client.engine) runs on the network runner, and each of
its database steps (short transactions of desktop.storage.sync_store) runs on the database runner, the single
owner of the workspace connection; so a report is never saved while a page is half applied, and the network
never holds a transaction. Results (what changed, the new status) come back by signal. One sync at a time.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.services import retention, sync_engine
from desktop.services import status as status_service
from desktop.services.enrolment import Enrolment
from desktop.storage.timefmt import utcnow
from desktop.storage.workspace import Workspace
from desktop.tasks import TaskRunner
from sync.client.transport import Refused, SyncError, Unreachable

DEFAULT_INTERVAL_MS = 60_000


class OnThread:
    """Calls every method of ``target`` on ``runner``'s thread and waits for it (from another worker thread)."""

    def __init__(self, target: object, runner: TaskRunner) -> None:
        self._target, self._runner = target, runner

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._target, name)
        if not callable(attr):
            return attr
        return lambda *args, **kwargs: self._runner.call(lambda: attr(*args, **kwargs))


class SyncController(QObject):
    status_changed = Signal(object)  # WorkspaceStatus
    sync_finished = Signal(
        object, str
    )  # SyncResult | None, state: "online" | "offline" | "refused:<code>" | …
    pull_progress = Signal(
        int
    )  # contacts received so far in the running sync (a large release takes a while)

    def __init__(
        self,
        workspace: Workspace,
        net: TaskRunner,
        db: TaskRunner,
        *,
        interval_ms: int = DEFAULT_INTERVAL_MS,
        clock: Callable[[], datetime] = utcnow,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.net = net
        self.db = db
        self.clock = clock
        self.state = "unknown"
        self.running = False
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.sync_now)
        self._network: object | None = None  # QNetworkInformation (QtNetwork is imported when needed)
        self._stopped = False

    def start(self) -> None:
        self._timer.start()
        self._watch_network()
        self.refresh()
        self.sync_now()

    def stop(self, *, wait: bool = False) -> None:
        """Stop the timer; a running sync ends at its next step. Locking must be instant: no waiting by default;
        shutdown waits for a running sync (it uses the database runner, which closes after it)."""
        self._timer.stop()
        self._stopped = True
        if wait:
            self.net.run_sync(lambda: None)

    def _on_db(self, fn: Callable[[], Any]) -> Any:
        return self.db.call(fn)

    def sync_now(self) -> bool:
        if self.running or self._stopped:
            return False
        self.running = True
        conn, clock, bulk = self.workspace.conn, self.clock, self.workspace.bulk_transaction

        def received(contacts: int) -> None:
            if contacts:
                self.pull_progress.emit(contacts)

        def work() -> tuple[object, str, object]:
            try:
                enrolment = self._on_db(lambda: Enrolment.load(conn))
                if enrolment is None:
                    result, state = None, "not_enrolled"
                else:
                    store = sync_engine.with_progress(
                        OnThread(sync_engine.store_for(conn, clock, bulk=bulk), self.db),
                        received,  # called on the network thread: the signal is queued to the GUI
                    )
                    result = sync_engine.sync_with(
                        store,
                        enrolment,
                        clock,
                        after=lambda: self._on_db(lambda: retention.enforce(conn, clock())),
                    )
                    state = "online"
            except Unreachable:
                result, state = None, "offline"
            except Refused as exc:
                result, state = None, f"refused:{exc.code}"
            except SyncError:
                result, state = None, "not_enrolled"
            except Exception:
                if self._stopped:  # locked meanwhile: the workspace is closed, the next unlock syncs again
                    return None, "stopped", None
                raise
            if self._stopped:
                return result, state, None
            return result, state, self._on_db(lambda: status_service.collect(conn, clock()))

        self.net.submit(work, self._done, self._failed)
        return True

    def refresh(self) -> None:
        if self._stopped:
            return
        conn = self.workspace.conn
        self.db.submit(
            lambda: status_service.collect(conn, self.clock()),
            lambda current: None if self._stopped else self.status_changed.emit(current),
        )

    def _done(self, outcome: tuple[object, str, object]) -> None:
        result, state, current = outcome
        self.running = False
        if self._stopped:
            return
        self.state = state
        self.sync_finished.emit(result, state)
        self.status_changed.emit(current)

    def _failed(self, error: BaseException) -> None:
        self.running = False
        self.state = "error"
        self.sync_finished.emit(None, "error")
        raise error

    def _watch_network(self) -> None:
        """Sync as soon as the network comes back, where Qt can tell (QNetworkInformation)."""
        try:
            from PySide6.QtNetwork import QNetworkInformation
        except ImportError:  # pragma: no cover - QtNetwork is part of PySide6-Essentials
            return
        if not QNetworkInformation.loadBackendByFeatures(QNetworkInformation.Feature.Reachability):
            return
        info: QNetworkInformation | None = (
            QNetworkInformation.instance()
        )  # None at run time without a backend
        if info is None:
            return
        self._network = info
        info.reachabilityChanged.connect(self._reachability)

    def _reachability(self, reachability: object) -> None:
        from PySide6.QtNetwork import QNetworkInformation

        if reachability == QNetworkInformation.Reachability.Online:
            self.sync_now()
