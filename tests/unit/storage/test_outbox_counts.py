"""How many reports wait for the central office is a stored count (migration 0013), shown after every saved
report: it must equal the pending rows after anything that changes the outbox, and a workspace from before the
migration starts with the counts of the rows it holds."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.storage import migrate, outbox_store
from desktop.storage.database import open_encrypted
from desktop.storage.keyslots import new_database_key
from tests.golden_support import open_golden_v1

KINDS = ("report", "pledge", "audit_event")
AT = datetime(2026, 12, 5, 18, 0, tzinfo=UTC)
REASON = "seq_reused"

_op = st.one_of(
    st.tuples(st.just("enqueue"), st.sampled_from(KINDS), st.booleans()),
    st.tuples(st.just("sent"), st.lists(st.integers(0, 40), max_size=6)),
    st.tuples(
        st.just("rejected"), st.lists(st.integers(0, 40), max_size=4), st.sampled_from([REASON, "conflict"])
    ),
    st.tuples(st.just("renumber")),
    st.tuples(st.just("restart")),
)


def _counts(conn) -> tuple[dict, dict]:  # type: ignore[no-untyped-def]
    kinds = (*KINDS, None)
    return (
        {k: outbox_store.pending_count(conn, k) for k in kinds},
        {k: outbox_store.pending_count_of_rows(conn, k) for k in kinds},
    )


@settings(max_examples=100, deadline=None)
@given(ops=st.lists(_op, min_size=1, max_size=40))
def test_the_stored_counts_follow_every_change_of_the_outbox(tmp_path_factory, ops) -> None:  # type: ignore[no-untyped-def]
    conn = open_encrypted(tmp_path_factory.mktemp("outbox") / "ws.db", new_database_key(), create=True)
    try:
        migrate.migrate(conn)
        items: list[str] = []
        for op in ops:
            conn.execute("BEGIN IMMEDIATE")
            if op[0] == "enqueue":
                item = f"item{len(items):04d}"
                outbox_store.enqueue(
                    conn, item_id=item, kind=op[1], payload={"n": len(items)}, created_at=AT, local=op[2]
                )
                items.append(item)
            elif op[0] == "sent":
                outbox_store.mark_sent(conn, [items[i % len(items)] for i in op[1] if items], AT)
            elif op[0] == "rejected":
                outbox_store.mark_rejected(conn, {items[i % len(items)]: op[2] for i in op[1] if items})
            elif op[0] == "renumber":
                outbox_store.renumber(conn, above=0, also_rejected_as=REASON)
            else:
                outbox_store.restart_numbering(conn, also_rejected_as=REASON)
            conn.execute("COMMIT")
            stored, rows = _counts(conn)
            assert stored == rows, op
    finally:
        conn.close()


def test_a_rejected_report_sent_again_counts_again_and_a_sent_one_no_more(tmp_path: Path) -> None:
    """A clone's numbers (issue 13.4): an item the central office refused as a reused number is numbered anew
    and waits again; an acknowledged one never waits again."""
    conn = open_encrypted(tmp_path / "ws.db", new_database_key(), create=True)
    try:
        migrate.migrate(conn)
        conn.execute("BEGIN IMMEDIATE")
        for n in range(3):
            outbox_store.enqueue(conn, item_id=f"r{n}", kind="report", payload={}, created_at=AT)
        outbox_store.mark_rejected(conn, {"r0": REASON})
        outbox_store.mark_sent(conn, ["r1"], AT)
        conn.execute("COMMIT")
        assert outbox_store.pending_count(conn) == 1
        conn.execute("BEGIN IMMEDIATE")
        outbox_store.restart_numbering(conn, also_rejected_as=REASON)
        conn.execute("COMMIT")
        assert outbox_store.pending_count(conn) == outbox_store.pending_count_of_rows(conn) == 2
    finally:
        conn.close()


def test_a_rolled_back_report_is_not_counted(tmp_path: Path) -> None:
    conn = open_encrypted(tmp_path / "ws.db", new_database_key(), create=True)
    try:
        migrate.migrate(conn)
        conn.execute("BEGIN IMMEDIATE")
        outbox_store.enqueue(conn, item_id="kept", kind="report", payload={}, created_at=AT)
        conn.execute("COMMIT")
        conn.execute("BEGIN IMMEDIATE")
        outbox_store.enqueue(conn, item_id="undone", kind="report", payload={}, created_at=AT)
        conn.execute("ROLLBACK")
        assert outbox_store.pending_count(conn) == outbox_store.pending_count_of_rows(conn) == 1
    finally:
        conn.close()


def test_a_workspace_from_before_the_counts_starts_with_the_counts_of_its_rows(tmp_path: Path) -> None:
    """tests/golden/workspace_v1 (schema version 1, with reports waiting) is migrated when it is opened."""
    ws = open_golden_v1(tmp_path)
    try:
        stored, rows = _counts(ws.conn)
        assert rows[None] > 0  # the golden workspace has items waiting: the migration had something to count
        assert stored == rows
    finally:
        ws.close()
