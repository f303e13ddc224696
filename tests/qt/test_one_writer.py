"""One writer (issue 12, point 3): work another thread has for the workspace runs on the database runner.

The seam the sync thread uses (``TaskRunner.call``): its writes queue behind the person's on the one database
thread and connection, in order; the GUI thread may never wait on it, nor the runner on itself.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from desktop.domain.models import Role
from desktop.paths import WorkspacePaths
from desktop.storage import meta_store
from desktop.storage.workspace import Workspace
from desktop.tasks import TaskRunner


@pytest.fixture
def db(qapp):
    runner = TaskRunner("db")
    yield runner
    runner.close()


def test_another_threads_write_lands_on_the_database_thread_after_the_persons(
    qapp, db: TaskRunner, workspace_paths: WorkspacePaths
) -> None:
    ws = db.run_sync(
        lambda: Workspace.create(
            workspace_paths, org_name="OV Test", label="Lea L.", role=Role.LEAD, passphrase="correct horse 1"
        )
    )
    seen: list[tuple[str, int]] = []
    gate = threading.Event()

    def persons_write() -> None:  # queued first from the GUI side; holds the runner until released
        gate.wait(10)
        with ws.transaction() as conn:
            meta_store.set_meta(conn, "last_report", "from the person")
        seen.append(("person", threading.get_ident()))

    def sync_write() -> str | None:
        with ws.transaction() as conn:
            before = meta_store.get_meta(conn, "last_report")
            meta_store.set_meta(conn, "last_sync", "from the sync thread")
        seen.append(("sync", threading.get_ident()))
        return before

    db.submit(persons_write)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="net") as net:
        handed_over = net.submit(db.call, sync_write)
        gate.set()
        before = handed_over.result(timeout=10)
        net_thread = net.submit(threading.get_ident).result()

    assert before == "from the person"  # the sync's write saw the person's committed write: it ran after it
    assert [who for who, _ in seen] == ["person", "sync"]
    assert seen[0][1] == seen[1][1] != net_thread  # both on the database thread, none on the sync thread
    assert db.run_sync(lambda: ws.meta("last_sync")) == "from the sync thread"
    db.run_sync(ws.close)


def test_the_gui_thread_never_waits_for_the_database(qapp, db: TaskRunner) -> None:
    with pytest.raises(RuntimeError, match="GUI thread never waits"):
        db.call(lambda: 1)


def test_the_database_runner_never_waits_for_itself(qapp, db: TaskRunner) -> None:
    future = db.submit(lambda: db.call(lambda: 1), on_error=lambda _e: None)
    with pytest.raises(RuntimeError, match="wait for itself"):
        future.result(timeout=10)
