"""Background sync: on a timer and when the network comes back, on its own thread and connection.

The GUI never waits on the network: the sync runs on the network runner with a second connection to the
workspace; results (what changed, the new status) come back by signal. Only one sync runs at a time.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.services import status as status_service
from desktop.services import sync_engine
from desktop.storage.timefmt import utcnow
from desktop.storage.workspace import Workspace
from desktop.tasks import TaskRunner
from sync.client.transport import Refused, SyncError, Unreachable

DEFAULT_INTERVAL_MS = 60_000


class SyncController(QObject):
    status_changed = Signal(object)  # WorkspaceStatus
    sync_finished = Signal(
        object, str
    )  # SyncResult | None, state: "online" | "offline" | "refused:<code>" | …

    def __init__(
        self,
        workspace: Workspace,
        net: TaskRunner,
        *,
        interval_ms: int = DEFAULT_INTERVAL_MS,
        clock: Callable[[], datetime] = utcnow,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.net = net
        self.clock = clock
        self.state = "unknown"
        self.running = False
        self._conn = None
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.sync_now)
        self._network = None
        self._stopped = False

    def start(self) -> None:
        self._timer.start()
        self._watch_network()
        self.refresh()
        self.sync_now()

    def stop(self, *, wait: bool = False) -> None:
        """Stop the timer and close the sync connection on its own thread (after a running sync).

        Locking must be instant, so by default this does not wait; shutdown waits."""
        self._timer.stop()
        self._stopped = True

        def close() -> None:
            conn, self._conn = self._conn, None
            if conn is not None:
                conn.close()

        if wait:
            self.net.run_sync(close)
        else:
            self.net.submit(close)

    def _connection(self):
        if self._conn is None:
            self._conn = self.workspace.open_connection()
        return self._conn

    def sync_now(self) -> bool:
        if self.running or self._stopped:
            return False
        self.running = True

        def work() -> tuple[object, str, object]:
            conn = self._connection()
            try:
                result, state = sync_engine.sync_once(conn, self.clock), "online"
            except Unreachable:
                result, state = None, "offline"
            except Refused as exc:
                result, state = None, f"refused:{exc.code}"
            except SyncError:
                result, state = None, "not_enrolled"
            return result, state, status_service.collect(conn, self.clock())

        self.net.submit(work, self._done, self._failed)
        return True

    def refresh(self) -> None:
        if self._stopped:
            return
        self.net.submit(
            lambda: status_service.collect(self._connection(), self.clock()),
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
        info = QNetworkInformation.instance()
        if info is None:
            return
        self._network = info
        info.reachabilityChanged.connect(self._reachability)

    def _reachability(self, reachability) -> None:
        from PySide6.QtNetwork import QNetworkInformation

        if reachability == QNetworkInformation.Reachability.Online:
            self.sync_now()
