"""The central office's one-statement inserts and updates on PostgreSQL (issue 17.3): the JSON document path that
pushes, imports and the feed use stores exactly what the array (unnest) path stored, value for value, as
PostgreSQL itself prints each column, and refuses what a plain INSERT refuses."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    select,
    text,
)
from sqlalchemy.exc import DataError

from sync.server import db
from sync.server.device_sync import (
    _json_document,
    _unnest_insert,
    _unnest_update,
    insert_ignore,
    insert_rows,
    update_rows,
)

pytestmark = pytest.mark.postgres

BERLIN = timezone(timedelta(hours=1))


def _table(name: str) -> Table:
    return Table(
        name,
        MetaData(),
        Column("pk", Integer, primary_key=True, autoincrement=True),
        Column("id", String(8), nullable=False, unique=True),
        Column("label", Text, nullable=False),
        Column("n", BigInteger),
        Column("flag", Boolean, nullable=False),
        Column("at", db.UTCDateTime),
        Column("on_day", Date),
        Column("answers", JSON, nullable=False),
    )


ROWS = [
    {
        "id": "a1",
        "label": 'Grüße, "Zitat" \\ Backslash\nZeile',
        "n": 2**40,
        "flag": True,
        "at": datetime(2026, 12, 4, 23, 30, 15, 123456, tzinfo=BERLIN),
        "on_day": date(2026, 2, 28),
        "answers": {"q1": True, "frage": "Straße ✓", "liste": [1, 2.5, None]},
    },
    {
        "id": "a2",
        "label": "",
        "n": None,
        "flag": False,
        "at": None,
        "on_day": None,
        "answers": {},
    },
    {
        "id": "a3",
        "label": "same",
        "n": -1,
        "flag": True,
        "at": datetime(2026, 1, 1, tzinfo=UTC),
        "on_day": date(2026, 1, 1),
        "answers": {"q1": False},
    },
]


@pytest.fixture
def engine(make_database):
    engine = db.open_database(make_database("postgres"), pool_size=1)
    yield engine
    engine.dispose()


def _as_printed(conn, table: Table) -> list[tuple]:
    """Every row as PostgreSQL prints its values (so JSON text, times and dates compare exactly), in insert order."""
    cols = ", ".join(f"{c.name}::text" for c in table.c if c.name != "pk")
    return [tuple(r) for r in conn.execute(text(f"SELECT {cols} FROM {table.name} ORDER BY pk"))]


def test_the_json_document_stores_what_the_arrays_stored(engine) -> None:
    by_json, by_arrays = _table("by_json"), _table("by_arrays")
    with engine.begin() as conn:
        by_json.create(conn)
        by_arrays.create(conn)
        assert _json_document(by_json, ROWS) is not None  # the JSON path is the one taken
        insert_rows(conn, by_json, ROWS)
        conn.execute(*_unnest_insert(by_arrays, ROWS))
        printed = _as_printed(conn, by_json)
        assert printed == _as_printed(conn, by_arrays)
        assert printed[0][4] == "2026-12-04 22:30:15.123456"  # stored as naive UTC
        read = conn.execute(select(by_json.c.at, by_json.c.answers).order_by(by_json.c.pk)).all()
    assert [r.at for r in read] == [ROWS[0]["at"], None, ROWS[2]["at"]]
    assert [r.answers for r in read] == [r["answers"] for r in ROWS]


def test_the_json_update_stores_what_the_arrays_stored(engine) -> None:
    """The contacts' update of a push (update_rows): every row takes another row's values, one id matches no row."""
    by_json, by_arrays = _table("upd_json"), _table("upd_arrays")
    cols = ("label", "n", "flag", "at", "on_day")
    changes = [
        {"id": a["id"], **{c: b[c] for c in cols}} for a, b in zip(ROWS, [*ROWS[1:], ROWS[0]], strict=True)
    ]
    changes.append({"id": "nobody", **{c: ROWS[0][c] for c in cols}})
    with engine.begin() as conn:
        for table in (by_json, by_arrays):
            table.create(conn)
            insert_rows(conn, table, ROWS)
        assert _json_document(by_json, changes) is not None  # the JSON path is the one taken
        update_rows(conn, by_json, changes)
        conn.execute(*_unnest_update(by_arrays, changes))
        printed = _as_printed(conn, by_json)
        assert printed == _as_printed(conn, by_arrays)
        assert [row[0] for row in printed] == ["a1", "a2", "a3"]
        assert printed[2][4] == "2026-12-04 22:30:15.123456"  # a3 took a1's time, stored as naive UTC
        assert printed[0][1:4] == ("", None, "false")  # a1 took a2's values, NULL stays NULL
        read = conn.execute(select(by_json.c.at).order_by(by_json.c.pk)).scalars().all()
    assert read == [None, ROWS[2]["at"], ROWS[0]["at"]]


def test_the_json_claim_returns_only_the_rows_really_inserted_in_order(engine) -> None:
    claims = _table("claims")
    with engine.begin() as conn:
        claims.create(conn)
        first = insert_ignore(conn, claims, ROWS[:2], claims.c.id)
        again = insert_ignore(conn, claims, ROWS, claims.c.id)
        assert (first, again) == ({"a1", "a2"}, {"a3"})
        assert [r[0] for r in _as_printed(conn, claims)] == ["a1", "a2", "a3"]


def test_a_value_too_long_for_its_column_is_refused_not_cut(engine) -> None:
    strict = _table("strict")
    with engine.begin() as conn:
        strict.create(conn)
    with pytest.raises(DataError, match="too long"), engine.begin() as conn:
        insert_rows(conn, strict, [{**ROWS[2], "id": "x" * 9}])


def test_a_naive_time_is_refused_as_the_column_type_refuses_it(engine) -> None:
    naive = _table("naive")
    with engine.begin() as conn:
        naive.create(conn)
        with pytest.raises(ValueError, match="naive"):
            insert_rows(conn, naive, [{**ROWS[2], "at": datetime(2026, 1, 1)}])


def test_each_row_gets_its_own_times_when_many_share_one(engine) -> None:
    """The document converts each distinct time once (issue 17.3: most rows of a push share the time received);
    every row still stores its own instant: the same wall clock in two zones is two instants, the same instant
    in two zones is one, a microsecond apart is two, NULL stays NULL, and a date is not a time."""
    by_json, by_arrays = _table("many_json"), _table("many_arrays")
    shared = datetime(2026, 12, 5, 6, 0, 0, 500000, tzinfo=UTC)
    times = [
        shared,
        shared.replace(tzinfo=BERLIN),  # same wall clock, an hour earlier
        shared.astimezone(BERLIN),  # same instant
        shared + timedelta(microseconds=1),
        None,
        shared,
        datetime(2026, 12, 5, tzinfo=UTC),  # midnight: the same day as on_day below
    ]
    rows = [
        {**ROWS[2], "id": f"t{i}", "at": at, "on_day": date(2026, 12, 5) if i % 2 else None}
        for i, at in enumerate(times * 3)
    ]
    with engine.begin() as conn:
        by_json.create(conn)
        by_arrays.create(conn)
        assert _json_document(by_json, rows) is not None
        insert_rows(conn, by_json, rows)
        conn.execute(*_unnest_insert(by_arrays, rows))
        printed = _as_printed(conn, by_json)
        assert printed == _as_printed(conn, by_arrays)
        stored = conn.execute(select(by_json.c.at, by_json.c.on_day).order_by(by_json.c.pk)).all()
    assert [r.at for r in stored] == [r["at"] for r in rows]
    assert [r.on_day for r in stored] == [r["on_day"] for r in rows]
    assert printed[1][4] == "2026-12-05 05:00:00.5" and printed[2][4] == "2026-12-05 06:00:00.5"
