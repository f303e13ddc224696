"""What devices do: enrol, authenticate, push (exactly once) and pull (cursor pages). design.md "Sync".

Exactly once (R10): each item's idempotency key is claimed with INSERT ... ON CONFLICT DO NOTHING inside the
transaction that stores the item, together with a hash of the item; a repeated key with the same hash replays
the first result, with another hash it is rejected (``key_reuse``). Never check-then-insert.
Every query is scoped to the device's organisation (R13).
"""

from __future__ import annotations

import hmac
import json
import logging
import re
import secrets
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Integer,
    String,
    Text,
    any_,
    bindparam,
    cast,
    func,
    insert,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from sync.core import callstate, rules
from sync.core import protocol as p
from sync.core.audit_chain import GENESIS, first_break
from sync.core.purposes import Field, get_purpose
from sync.core.rules import ContactStatus
from sync.server import content, db, inbox, numbers, registers, withholding
from sync.server.common import Device, ServiceError, audit, normalise_code, sha256_hex
from sync.server.office import CentralOffice
from sync.server.queries import sync_health, sync_health_and_mark
from sync.server.retention import campaign_record

log = logging.getLogger("telefonaktion.zentrale.sync")
LAST_SEEN_RESOLUTION = timedelta(minutes=1)
# Times in pushed items (issue 16 point 4). A PC's clock may be off by a day either way; a report belongs to its
# campaign's period (released .. ends_on + the longest local grace); a call-back is planned within a year;
# pledges and audit entries are not older than a workspace can be.
CLOCK_SLACK = timedelta(days=1)
AFTER_CAMPAIGN_END = timedelta(days=31)
CALLBACK_HORIZON = timedelta(days=366)
OLDEST_ENTRY = timedelta(days=3 * 366)


def time_in_range(at: datetime | None, earliest: datetime, latest: datetime) -> bool:
    return at is None or earliest <= at <= latest


def report_time_range(
    now: datetime, released_at: datetime, ends_on: date | None
) -> tuple[datetime, datetime]:
    """When a report of a campaign may have been made, seen from the server's clock ``now``."""
    latest = now + CLOCK_SLACK
    if ends_on is not None:
        end = datetime.combine(ends_on, time(), tzinfo=UTC) + timedelta(days=1) + AFTER_CAMPAIGN_END
        latest = min(latest, end + CLOCK_SLACK)
    return released_at - CLOCK_SLACK, latest


def _refused(code: p.ErrorCode, **params: str) -> ServiceError:
    """A refusal of the device API: its ErrorCode is the message code (sync.server.messages)."""
    return ServiceError(code.value, status=p.ERROR_STATUS[code], params=params)


def _unnest_insert(table: Any, rows: list[dict[str, Any]]) -> tuple[Any, dict[str, Any]]:
    """PostgreSQL: ``INSERT INTO table (cols) SELECT ... FROM unnest(:col1[], :col2[], ...) WITH ORDINALITY
    ORDER BY ordinality`` -- one statement whatever the number of rows, rows inserted in the given order.
    Returns the statement and its parameters.

    A column with one value in every row (device, org, time received, ...) is one scalar parameter, the others
    one array each. The statement text does not depend on the number of rows, so it is built once per shape
    (table, columns, which of them vary) and kept: SQLAlchemy compiles it once and psycopg parses it once.
    Arrays are typed without a length (``varchar[]``, not ``varchar(64)[]``): an explicit cast would silently
    truncate, whereas the assignment to the column raises as a plain INSERT does. JSON values in arrays travel
    as text and are cast back to JSON.
    """
    cols = list(rows[0])
    varying: list[str] = []
    params: dict[str, Any] = {}
    for name in cols:
        is_json = isinstance(table.c[name].type, JSON)
        values = [json.dumps(row[name]) if is_json else row[name] for row in rows]
        first = values[0]
        if all(type(v) is type(first) and v == first for v in values) and (varying or name != cols[-1]):
            params[f"u_{name}"] = first  # the same in every row
        else:
            varying.append(name)
            params[f"u_{name}"] = values
    shape = (table.name, tuple(cols), tuple(varying))
    stmt = _UNNEST_STATEMENTS.get(shape)
    if stmt is None:
        stmt = _UNNEST_STATEMENTS[shape] = _build_unnest_insert(table, cols, varying)
    return stmt, params


_UNNEST_STATEMENTS: dict[tuple[str, tuple[str, ...], tuple[str, ...]], Any] = {}
_IGNORE_STATEMENTS: dict[tuple[Any, str], Any] = {}


def _build_unnest_insert(table: Any, cols: list[str], varying: list[str]) -> Any:
    arrays = [
        bindparam(f"u_{name}", type_=postgresql.ARRAY(_param_type(table.c[name].type))) for name in varying
    ]
    src = func.unnest(*arrays).table_valued(*varying, with_ordinality="u_ord").render_derived()
    chosen = {
        name: src.c[name]
        if name in varying
        else bindparam(f"u_{name}", type_=_param_type(table.c[name].type))
        for name in cols
    }
    chosen_list = [
        cast(chosen[name], table.c[name].type) if isinstance(table.c[name].type, JSON) else chosen[name]
        for name in cols
    ]
    return postgresql.insert(table).from_select(
        cols, select(*chosen_list).select_from(src).order_by(src.c.u_ord)
    )


def _param_type(col_type: Any) -> Any:
    """The type a column's values are sent as: strings without a length, JSON as text (cast back in SQL)."""
    if isinstance(col_type, JSON | Text):
        return Text()
    if isinstance(col_type, String):
        return String()
    return col_type


def any_of(conn: Connection, column: Any, values: Any) -> Any:
    """``column IN (values)``. On PostgreSQL ``column = ANY(:array)``: one parameter, so the statement's text does
    not depend on how many values there are (SQLAlchemy's expanding IN writes one placeholder per value, and a
    new text for every count that psycopg has to parse again)."""
    values = sorted(set(values))
    if conn.dialect.name == "postgresql":
        return column == any_(bindparam(None, values, type_=postgresql.ARRAY(_param_type(column.type))))
    return column.in_(values)


def _in(conn: Connection, column: Any, name: str) -> Any:
    """``column IN (:name)`` for a statement built once: :func:`any_of`'s form, the values given at execution
    (a list; on SQLite an expanding parameter)."""
    if conn.dialect.name == "postgresql":
        return column == any_(bindparam(name, type_=postgresql.ARRAY(_param_type(column.type))))
    return column.in_(bindparam(name, expanding=True))


class _PushStatements:
    """The statements of every push whose text does not depend on the push (issue 17.3: building and keying a
    statement cost more CPU than PostgreSQL spends running these), built once per dialect."""

    def __init__(self, conn: Connection) -> None:
        c, cc = db.campaigns, db.campaign_contacts
        self.periods = select(c.c.id, c.c.released_at, c.c.ends_on).where(
            _in(conn, c.c.id, "ids"), c.c.org_id == bindparam("org_id")
        )
        self.contacts = (
            select(
                cc.c.id,
                cc.c.campaign_id,
                cc.c.status,
                cc.c.status_changed_at,
                cc.c.attempts,
                cc.c.last_attempt_at,
                cc.c.callback_after,
                cc.c.fold_status,
                cc.c.folded_through_at,
                cc.c.folded_through_id,
            )
            .where(_in(conn, cc.c.id, "ids"), _in(conn, cc.c.campaign_id, "campaign_ids"))
            .order_by(cc.c.id)
            .with_for_update(key_share=True)
        )


_PUSH_STATEMENTS: dict[str, _PushStatements] = {}


def _push_statements(conn: Connection) -> _PushStatements:
    built = _PUSH_STATEMENTS.get(conn.dialect.name)
    if built is None:
        built = _PUSH_STATEMENTS[conn.dialect.name] = _PushStatements(conn)
    return built


def insert_ignore(conn: Connection, table: Any, rows: list[dict[str, Any]], returning: Any) -> set[Any]:
    """INSERT ... ON CONFLICT DO NOTHING RETURNING ``returning``: the values of the rows really inserted.

    This is the atomic claim: a concurrent transaction inserting the same key waits for ours and then
    inserts nothing. Rows go in the given order (callers sort them: a fixed lock order). One statement for
    all rows (PostgreSQL: one JSON document or unnest; SQLite: SQLAlchemy's "insertmanyvalues", multi-row
    VALUES in order).
    """
    if not rows:
        return set()
    if conn.dialect.name == "postgresql":
        doc = _json_document(table, rows)
        if doc is not None:
            stmt = _json_insert(conn, table, list(rows[0]), returning)
            return set(conn.execute(stmt, {"doc": doc}).scalars())
        stmt, params = _unnest_insert(table, rows)
        key = (stmt, returning.name)
        full = _IGNORE_STATEMENTS.get(key)
        if full is None:
            full = _IGNORE_STATEMENTS[key] = stmt.on_conflict_do_nothing().returning(returning)
        return set(conn.execute(full, params).scalars())
    stmt = sqlite.insert(table).on_conflict_do_nothing().returning(returning)
    return set(conn.execute(stmt, rows).scalars())


def insert_rows(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    """A plain multi-row INSERT in the given order: one statement on PostgreSQL, executemany on SQLite."""
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        doc = _json_document(table, rows)
        if doc is not None:
            conn.execute(_json_insert(conn, table, list(rows[0]), None), {"doc": doc})
        else:
            conn.execute(*_unnest_insert(table, rows))
    else:
        conn.execute(insert(table), rows)


def _json_document(table: Any, rows: list[dict[str, Any]]) -> str | None:
    """The rows as one JSON array of objects (PostgreSQL reads it with ``json_populate_recordset`` into the
    table's row type, converting each value as a literal of its column's type), or None when a column's type
    has no exact JSON form here (the caller then sends arrays). One ``json.dumps`` in C instead of a Python
    loop over every value of every array (psycopg dumps arrays in Python: a sixth of a push's CPU)."""
    convert: dict[str, Callable[[Any], Any] | None] = {}
    for name in rows[0]:
        col_type = table.c[name].type
        if isinstance(col_type, JSON | String | Integer | Boolean):  # (Text is a String)
            convert[name] = None
        elif isinstance(col_type, db.UTCDateTime):
            convert[name] = _utc_text
        elif isinstance(col_type, Date) and not isinstance(col_type, DateTime):
            convert[name] = _date_text
        else:
            return None
    todo: list[tuple[str, Callable[[Any], Any], dict[Any, Any]]] = [
        (name, fn, {}) for name, fn in convert.items() if fn is not None
    ]
    if todo:  # each distinct value converted once (most rows of a push share its time received)
        copies = []
        for row in rows:
            copy = dict(row)
            for name, fn, done in todo:
                value = row[name]
                text = done.get(value, _NOT_YET)
                if text is _NOT_YET:
                    text = done[value] = fn(value)
                copy[name] = text
            copies.append(copy)
        rows = copies
    # json.dumps' defaults, as the JSON columns were written before: their text is kept as sent (type json)
    return json.dumps(rows)


_NOT_YET = object()


def _utc_text(value: datetime | None) -> str | None:
    """An aware datetime as PostgreSQL's input for the column: naive UTC, ISO 8601 (db.UTCDateTime's rule)."""
    if value is None:
        return None
    if value.tzinfo is None:
        raise ValueError("naive datetime")
    return value.astimezone(UTC).replace(tzinfo=None).isoformat()


def _date_text(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


_JSON_STATEMENTS: dict[tuple[str, tuple[str, ...], str | None], Any] = {}


def _json_insert(conn: Connection, table: Any, cols: list[str], returning: Any) -> Any:
    """``INSERT INTO t (cols) SELECT cols FROM json_populate_recordset(NULL::t, :doc) WITH ORDINALITY ORDER BY
    ordinality`` (rows in the given order), with ``ON CONFLICT DO NOTHING RETURNING`` when ``returning`` is a
    column. Built once per shape. A value too long for its column raises, as a plain INSERT does."""
    shape = (table.name, tuple(cols), returning.name if returning is not None else None)
    stmt = _JSON_STATEMENTS.get(shape)
    if stmt is None:
        quote = conn.dialect.identifier_preparer.quote
        names = ", ".join(quote(name) for name in cols)
        picked = ", ".join(f"x.{quote(name)}" for name in cols)
        sql = (
            f"INSERT INTO {quote(table.name)} ({names}) SELECT {picked} "
            f"FROM json_populate_recordset(NULL::{quote(table.name)}, CAST(:doc AS json)) "
            "WITH ORDINALITY AS x ORDER BY x.ordinality"
        )
        if returning is not None:
            sql += f" ON CONFLICT DO NOTHING RETURNING {quote(returning.name)}"
            stmt = text(sql).bindparams(bindparam("doc", type_=Text())).columns(returning)
        else:
            stmt = text(sql).bindparams(bindparam("doc", type_=Text()))
        _JSON_STATEMENTS[shape] = stmt
    return stmt


def update_rows(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    """``UPDATE table SET cols = row's values WHERE id = row's id`` for every row (each a dict of the same columns,
    ``id`` among them): one statement on PostgreSQL (``UPDATE ... FROM`` one JSON document, or arrays when a column
    has no exact JSON form), executemany on SQLite."""
    if not rows:
        return
    cols = [name for name in rows[0] if name != "id"]
    if conn.dialect.name != "postgresql":
        conn.execute(
            update(table)
            .where(table.c.id == bindparam("u_id"))
            .values({name: bindparam(f"u_{name}") for name in cols}),
            [{f"u_{name}": value for name, value in row.items()} for row in rows],
        )
        return
    doc = _json_document(table, rows)
    if doc is not None:
        conn.execute(_json_update(conn, table, cols), {"doc": doc})
        return
    conn.execute(*_unnest_update(table, rows))


def _unnest_update(table: Any, rows: list[dict[str, Any]]) -> tuple[Any, dict[str, Any]]:
    """PostgreSQL: ``UPDATE table SET ... FROM unnest(:id[], :col1[], ...)``, one array per column (the path for
    column types without an exact JSON form). Returns the statement and its parameters."""
    cols = [name for name in rows[0] if name != "id"]
    shape = (table.name, tuple(cols))
    stmt = _UPDATE_STATEMENTS.get(shape)
    if stmt is None:
        names = ["id", *cols]
        src = (
            func.unnest(
                *(
                    bindparam(f"u_{name}", type_=postgresql.ARRAY(_param_type(table.c[name].type)))
                    for name in names
                )
            )
            .table_valued(*names)
            .render_derived()
        )
        stmt = _UPDATE_STATEMENTS[shape] = (
            update(table).where(table.c.id == src.c.id).values({name: src.c[name] for name in cols})
        )
    return stmt, {f"u_{name}": [row[name] for row in rows] for name in ["id", *cols]}


_UPDATE_STATEMENTS: dict[tuple[str, tuple[str, ...]], Any] = {}
_JSON_UPDATES: dict[tuple[str, tuple[str, ...]], Any] = {}


def _json_update(conn: Connection, table: Any, cols: list[str]) -> Any:
    """``UPDATE t SET col = x.col, ... FROM json_populate_recordset(NULL::t, :doc) AS x WHERE t.id = x.id``: the
    rows as one JSON document (_json_document), as the inserts send them; psycopg dumps arrays value by value
    in Python, a tenth of a push's CPU for the contacts' update. Built once per shape."""
    shape = (table.name, tuple(cols))
    stmt = _JSON_UPDATES.get(shape)
    if stmt is None:
        quote = conn.dialect.identifier_preparer.quote
        name = quote(table.name)
        sets = ", ".join(f"{quote(col)} = x.{quote(col)}" for col in cols)
        stmt = _JSON_UPDATES[shape] = text(
            f"UPDATE {name} SET {sets} "
            f"FROM json_populate_recordset(NULL::{name}, CAST(:doc AS json)) AS x WHERE {name}.{quote('id')} = x.{quote('id')}"
        ).bindparams(bindparam("doc", type_=Text()))
    return stmt


def item_hash(item: p.ReportItem | p.PledgeItem | p.AuditEventItem | p.ContentItem) -> str:
    payload = item.payload.model_dump(mode="json")
    if payload.get("schema_version") == 1:  # version 1 is the shape sent before it was named: same hash, so
        del payload["schema_version"]  # a retry across the upgrade is still a duplicate, not a key reuse
    body = {"kind": item.kind, "payload": payload}
    return sha256_hex(_HASHED_JSON.encode(body))


# What json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False) builds on every call, built
# once: the same text (tests/unit/test_report_shape.py), without an encoder object per item.
_HASHED_JSON = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


class DeviceSync:
    def __init__(self, office: CentralOffice, *, idempotency: bool = True) -> None:
        self.office = office
        self.engine = office.engine
        self.idempotency = idempotency
        self._seen_written: dict[str, datetime] = {}  # device -> last_seen_at this process wrote (committed)
        if not idempotency:
            log.warning("IDEMPOTENCY DISABLED: duplicates will be stored (fault tests only)")

    # ----------------------------------------------------------------------------------------------- enrol / auth

    def enrol(self, req: p.EnrolRequest) -> p.EnrolResponse:
        now, code_hash = self.office.clock(), sha256_hex(normalise_code(req.code))
        ec = db.enrolment_codes
        device_id, secret = db.new_id(), secrets.token_urlsafe(32)
        with self.engine.begin() as conn:
            claimed = (
                conn.execute(
                    update(ec)
                    .where(ec.c.code_hash == code_hash, ec.c.used_at.is_(None), ec.c.expires_at > now)
                    .values(used_at=now, device_id=device_id)
                ).rowcount
                == 1
            )
            row = conn.execute(select(ec).where(ec.c.code_hash == code_hash)).first()
            if not claimed:
                if row is not None and row.used_at is None:
                    raise _refused(p.ErrorCode.CODE_EXPIRED)
                raise _refused(p.ErrorCode.CODE_INVALID)
            assert row is not None  # the claim above updated it
            org = conn.execute(select(db.orgs).where(db.orgs.c.id == row.org_id)).one()
            conn.execute(
                insert(db.devices).values(
                    id=device_id,
                    org_id=row.org_id,
                    person_id=row.person_id,
                    name=req.device_name,
                    secret_hash=sha256_hex(secret),
                    created_at=now,
                )
            )
            audit(
                conn,
                now,
                "device.enrol",
                device_id,
                row.person_id,
                org_id=row.org_id,
                device_id=device_id,
                source="server",
            )
        return p.EnrolResponse(
            device_id=device_id,
            device_secret=secret,
            org_id=org.id,
            org_name=org.name,
            person_id=row.person_id,
            signing_keys=self.office.signing.pinned_keys(),
        )

    def authenticate(self, authorization: str | None) -> Device:
        """``Authorization: Bearer <device_id>.<secret>`` -> the device, or unauthorized / device_revoked."""
        _credentials(authorization)  # a malformed header is refused before the database is asked
        with self.engine.begin() as conn:
            return self.authenticate_in(conn, authorization)

    def authenticate_in(self, conn: Connection, authorization: str | None) -> Device:
        """:meth:`authenticate` inside the caller's transaction (app.py: with the request's budgets in one
        transaction on PostgreSQL, issue 17.3). Reads only."""
        device_id, secret = _credentials(authorization)
        row = conn.execute(select(db.devices).where(db.devices.c.id == device_id[:64])).first()
        expected = row.secret_hash if row is not None else "0" * 64
        if not hmac.compare_digest(expected, sha256_hex(secret)) or row is None:
            raise _refused(p.ErrorCode.UNAUTHORIZED)
        if row.revoked_at is not None:
            raise _refused(p.ErrorCode.DEVICE_REVOKED)
        return Device(id=row.id, org_id=row.org_id, person_id=row.person_id)

    # ----------------------------------------------------------------------------------------------- push

    def push(self, device: Device, req: p.PushRequest) -> p.PushResponse:
        """Stores a batch in one transaction, set-wise: a handful of statements per batch, not per item.

        Locks are taken in one order (idempotency keys, sequence numbers, contacts; each sorted) so that
        concurrent batches of one or several devices cannot deadlock.
        """
        with self.engine.begin() as conn:
            seen = self._seen(conn, device)
            results = _Batch(self, conn, device, req.items).run()
            health = push_health(conn, device.id)  # the last statements: the mark's row lock is held briefly
        if seen is not None:
            self._seen_written[device.id] = seen  # committed
        return p.PushResponse.model_validate(
            {"results": results, "highest_seq": health.highest_seq, "missing": health.missing}
        )

    def _seen(self, conn: Connection, device: Device, now: datetime | None = None) -> datetime | None:
        """Remembers the device's last sync for the central office (at most one write a minute). Returns the
        time written, or None when this process wrote one less than a minute ago (no statement then)."""
        now, d = now or self.office.clock(), db.devices
        written = self._seen_written.get(device.id)
        if written is not None and timedelta(0) <= now - written < LAST_SEEN_RESOLUTION:
            return None
        conn.execute(
            update(d)
            .where(
                d.c.id == device.id,
                or_(d.c.last_seen_at.is_(None), d.c.last_seen_at < now - LAST_SEEN_RESOLUTION),
            )
            .values(last_seen_at=now)
        )
        return now

    @staticmethod
    def _decide_statuses(conn: Connection, contact_ids: set[str]) -> dict[str, ContactStatus]:
        """Per contact: the shared precedence (sync.core.rules) over its reports that still count once
        corrections are known; an objection always counts. One query for all the contacts."""
        rep = db.reports
        by_contact: dict[str, list[Any]] = {cid: [] for cid in contact_ids}
        if contact_ids:
            for row in conn.execute(
                select(
                    rep.c.contact_id,
                    rep.c.report_id,
                    rep.c.outcome,
                    rep.c.organizer_action,
                    rep.c.callback_after,
                    rep.c.corrects,
                    rep.c.organizer_resolution,
                ).where(rep.c.contact_id.in_(sorted(contact_ids)))
            ):
                by_contact[row.contact_id].append(row)
        decided = {}
        for contact_id, rows in by_contact.items():
            corrected = {row.corrects for row in rows if row.corrects}
            decided[contact_id] = rules.combine_statuses(
                rules.report_status(
                    rules.Outcome(row.outcome),
                    row.organizer_action,
                    row.callback_after is not None,
                    row.organizer_resolution,
                )
                for row in rows
                if rules.still_counts(rules.Outcome(row.outcome), row.report_id in corrected)
            )
        return decided

    # ----------------------------------------------------------------------------------------------- pull

    def pull(self, device: Device, cursor: str | None, limit: int = p.DEFAULT_PULL_LIMIT) -> p.PullPage:
        """One page of the organisation's feed after ``cursor``.

        DP-11: contacts and organizer messages of a campaign go only to a device whose person holds a clearance
        for the campaign's purpose now (the page's grants); what is left out is remembered (sync.server.
        withholding). Once a clearance covers it, the next pulls first re-send those campaigns' contacts in
        chunks (the cursor stays where it is), then the feed continues. Old and new PCs alike: no new field."""
        limit = max(1, min(limit, p.MAX_PULL_LIMIT))
        now = self.office.clock()
        with self.engine.begin() as conn:
            self._seen(conn, device, now)
            epoch = conn.execute(
                select(db.meta_kv.c.value).where(db.meta_kv.c.key == "feed_epoch")
            ).scalar_one()
            start = self._parse_cursor(cursor, epoch)
            newest = conn.execute(select(func.max(db.feed.c.id))).scalar() or 0
            if start is None or start > newest:  # another server / restored backup: start over
                return p.PullPage(
                    server_time=now, resync_required=True, next_cursor=f"{epoch}:0", has_more=True
                )
            grants, refusals = self.office.signing.clearances_for(conn, device, now)
            covered = {purpose for grant in grants for purpose in grant.purposes}
            if start == 0:
                withholding.forget(conn, device)
            else:
                due = withholding.due(conn, device, covered)
                if due is not None:
                    return self._resend_page(
                        conn, device, due, limit, now, f"{epoch}:{start}", grants, refusals
                    )
            rows = conn.execute(
                select(db.feed.c.id, db.feed.c.kind, db.feed.c.ref_id)
                .where(db.feed.c.org_id == device.org_id, db.feed.c.id > start)
                .order_by(db.feed.c.id)
                .limit(limit + 1)
            ).all()
            has_more = len(rows) > limit
            rows = rows[:limit]
            refs: dict[str, list[str]] = {
                "campaign": [],
                "contact": [],
                "status": [],
                "pledge": [],
                "content": [],
                "inbox": [],
                "objection": [],
                "callstate": [],
            }
            for row in rows:
                refs[row.kind].append(row.ref_id)
            contacts: list[p.ContactRecord] = []
            if refs["contact"]:
                page_contacts = self._page_contacts(device, start, rows[-1].id)
                contacts = self._contacts(conn, device, page_contacts, covered)
                page_campaigns = select(db.campaign_contacts.c.campaign_id).where(
                    db.campaign_contacts.c.id.in_(page_contacts)
                )
                withholding.record(
                    conn, device, withholding.uncovered(conn, device, page_campaigns, covered), now
                )
            if refs["inbox"]:
                inbox_campaigns = inbox.campaigns_of(refs["inbox"])
                withholding.record(
                    conn, device, withholding.uncovered(conn, device, inbox_campaigns, covered), now
                )
            return p.PullPage(
                server_time=now,
                next_cursor=f"{epoch}:{rows[-1].id if rows else start}",
                has_more=has_more,
                campaigns=self._campaigns(conn, device, refs["campaign"]),
                contacts=contacts,
                statuses=self._statuses(conn, device, refs["status"]),
                pledge_decisions=self._pledge_decisions(conn, device, refs["pledge"]),
                clearances=grants,
                clearance_refusals=refusals,
                revocations=self.office.signing.revocation_list(conn, device.org_id, now),
                contents=content.contents_for_pull(conn, device, refs["content"]),
                organizer_items=inbox.items_for_pull(conn, device, refs["inbox"], covered),
                objection_register=registers.pull_part(conn, device.org_id, refs["objection"], now),
                call_states=self._call_states(conn, device, refs["callstate"]),
            )

    def _resend_page(
        self,
        conn: Connection,
        device: Device,
        due: withholding.Due,
        limit: int,
        now: datetime,
        cursor: str,
        grants: list[p.ClearanceGrant],
        refusals: list[p.ClearanceRefusal],
    ) -> p.PullPage:
        """DP-11: a chunk of a campaign whose contacts were withheld from the device and that a clearance now
        covers: up to ``limit`` contacts after member ``due.after`` with their shared call state, and on the
        last chunk the campaign's organizer messages. The cursor stays; ``has_more`` brings the next page."""
        cc = db.campaign_contacts
        where = [cc.c.campaign_id == due.campaign_id]
        if due.after is not None:
            where.append(cc.c.member_id > due.after)
        rows = self._contact_rows(conn, device, where, order=cc.c.member_id, limit=limit + 1)
        more = len(rows) > limit
        rows = rows[:limit]
        withholding.resent(conn, device, due.campaign_id, rows[-1].member_id if more else None)
        ids = [row.id for row in rows]
        return p.PullPage(
            server_time=now,
            next_cursor=cursor,
            has_more=True,
            contacts=self._records(rows),
            clearances=grants,
            clearance_refusals=refusals,
            revocations=self.office.signing.revocation_list(conn, device.org_id, now),
            organizer_items=[] if more else inbox.items_of_campaign(conn, device, due.campaign_id),
            call_states=self._call_states(conn, device, ids),
        )

    @staticmethod
    def _parse_cursor(cursor: str | None, epoch: str) -> int | None:
        if not cursor:
            return 0
        if re.fullmatch(p.CURSOR_PATTERN, cursor) is None:  # ASCII only: str.isdigit() takes "²"
            raise _refused(p.ErrorCode.MALFORMED, where="cursor")
        cursor_epoch, _, position = cursor.partition(":")
        return int(position) if cursor_epoch == epoch else None

    @staticmethod
    def _campaigns(conn: Connection, device: Device, ids: list[str]) -> list[p.CampaignInfo]:
        if not ids:
            return []
        c = db.campaigns
        rows = conn.execute(select(c).where(c.c.id.in_(ids), c.c.org_id == device.org_id).order_by(c.c.id))
        return [
            p.CampaignInfo(
                campaign_id=row.id,
                title=row.title,
                purpose=row.purpose,
                resolution_id=row.resolution_id,
                categories=row.categories,
                fields=sorted(f.value for f in get_purpose(row.purpose).fields),
                released_at=row.released_at,
                ends_on=row.ends_on,
                ended_at=row.ended_at,
                record=campaign_record(conn, row.resolution_id),
            )
            for row in rows
        ]

    @staticmethod
    def _page_contacts(device: Device, after: int, last: int) -> Any:
        """The contact ids named by the page's feed rows (``after`` < feed id <= ``last``), as a subquery (issue
        17.2: the page's ids and numbers used to travel back as two lists of up to a thousand parameters each)."""
        f = db.feed
        return select(f.c.ref_id).where(
            f.c.org_id == device.org_id, f.c.id > after, f.c.id <= last, f.c.kind == "contact"
        )

    @staticmethod
    def _contacts(
        conn: Connection, device: Device, page_contacts: Any, covered: set[str]
    ) -> list[p.ContactRecord]:
        """The page's contacts of running campaigns whose purpose a clearance of the device covers (DP-11): one
        query that takes them from the feed itself and marks the numbers on the problem list."""
        if not covered:
            return []
        cc, c = db.campaign_contacts, db.campaigns
        where = [cc.c.id.in_(page_contacts), c.c.purpose.in_(sorted(covered))]
        return DeviceSync._records(DeviceSync._contact_rows(conn, device, where, order=cc.c.id))

    @staticmethod
    def _contact_rows(
        conn: Connection, device: Device, where: list[Any], *, order: Any, limit: int | None = None
    ) -> list[Any]:
        """Contacts of the device's organisation's running campaigns matching ``where``, with their member's
        fields and whether each number is on the problem list."""
        cc, m, c = db.campaign_contacts, db.members, db.campaigns
        on_list = numbers.active(device.org_id)
        stmt = (
            select(
                cc.c.id,
                cc.c.campaign_id,
                cc.c.member_id,
                cc.c.status,
                c.c.purpose,
                m.c.category,
                *(m.c[f.value] for f in Field),
                m.c.phone.in_(on_list).label("phone_bad"),
                m.c.phone2.in_(on_list).label("phone2_bad"),
            )
            .join(c, c.c.id == cc.c.campaign_id)
            .join(m, m.c.id == cc.c.member_id)
            .where(*where, c.c.org_id == device.org_id, c.c.ended_at.is_(None))
            .order_by(order)
        )
        if limit is not None:
            stmt = stmt.limit(limit)
        return list(conn.execute(stmt).all())

    @staticmethod
    def _records(rows: list[Any]) -> list[p.ContactRecord]:
        out = []
        allowed_by_purpose: dict[str, frozenset[Field]] = {}
        for row in rows:
            allowed = allowed_by_purpose.get(row.purpose)
            if allowed is None:  # only the purpose's fields ever leave (DP-4)
                allowed = allowed_by_purpose[row.purpose] = frozenset(get_purpose(row.purpose).fields)
            fields = {f.value: getattr(row, f.value) or None for f in Field if f in allowed}
            # Issue 13.2: a number on the problem list never leaves again; the other one becomes the first.
            bad = {n for n, on in ((row.phone, row.phone_bad), (row.phone2, row.phone2_bad)) if on}
            phone, phone2 = numbers.shown(row.phone, row.phone2, bad)
            fields.update({k: v for k, v in (("phone", phone), ("phone2", phone2)) if k in fields})
            out.append(
                p.ContactRecord(
                    campaign_id=row.campaign_id,
                    contact_id=row.id,
                    category=row.category,
                    status=ContactStatus(row.status),
                    **fields,
                )
            )
        return out

    @staticmethod
    def _statuses(conn: Connection, device: Device, ids: list[str]) -> list[p.StatusUpdate]:
        if not ids:
            return []
        cc, c = db.campaign_contacts, db.campaigns
        rows = conn.execute(
            select(cc.c.id, cc.c.campaign_id, cc.c.status, cc.c.status_changed_at)
            .join(c, c.c.id == cc.c.campaign_id)
            .where(cc.c.id.in_(set(ids)), c.c.org_id == device.org_id)
            .order_by(cc.c.id)
        ).all()
        resolved = inbox.resolved_contacts(conn, [row.id for row in rows])
        return [
            p.StatusUpdate(
                campaign_id=row.campaign_id,
                contact_id=row.id,
                status=ContactStatus(row.status),
                changed_at=row.status_changed_at,
                organizer_resolved=row.id in resolved,
            )
            for row in rows
        ]

    @staticmethod
    def _call_states(conn: Connection, device: Device, ids: list[str]) -> list[p.CallStateUpdate]:
        """Issue 13.3: the shared call state of the contacts named by the page's feed rows."""
        if not ids:
            return []
        cc, c = db.campaign_contacts, db.campaigns
        rows = conn.execute(
            select(cc.c.id, cc.c.campaign_id, cc.c.attempts, cc.c.last_attempt_at, cc.c.callback_after)
            .join(c, c.c.id == cc.c.campaign_id)
            .where(cc.c.id.in_(set(ids)), c.c.org_id == device.org_id, c.c.ended_at.is_(None))
            .order_by(cc.c.id)
        )
        return [
            p.CallStateUpdate(
                campaign_id=row.campaign_id,
                contact_id=row.id,
                attempts=row.attempts,
                last_attempt_at=row.last_attempt_at,
                callback_after=row.callback_after,
            )
            for row in rows
        ]

    @staticmethod
    def _pledge_decisions(conn: Connection, device: Device, ids: list[str]) -> list[p.PledgeDecision]:
        if not ids:
            return []
        pl = db.pledges
        rows = conn.execute(
            select(pl)
            .where(pl.c.id.in_(set(ids)), pl.c.org_id == device.org_id, pl.c.status != "pending")
            .order_by(pl.c.id)
        )
        return [
            p.PledgeDecision(
                pledge_id=row.id, volunteer_id=row.volunteer_id, status=row.status, decided_at=row.decided_at
            )
            for row in rows
        ]

    def lease(self, device: Device, req: p.LeaseRequest) -> p.LeaseResponse:
        """Issue 13.3: renew, give back and top up the device's leases (sync.server.leases)."""
        from sync.server import leases

        now = self.office.clock()
        with self.engine.begin() as conn:
            self._seen(conn, device, now)
            covered = self.office.signing.covered_purposes(conn, device, now)
            held = leases.lease(conn, device, req, now, covered)
        return p.LeaseResponse(server_time=now, leases=held)

    def checkin(self, device: Device, req: p.CheckinRequest) -> p.CheckinResponse:
        """Issue 13.4: tell a restored workspace from a second copy in use (one device identity, two histories).

        Every check-in gets a new random token. A token that is not the current one is an older history coming
        back: a restored backup or copy, accepted (its reports are renumbered by the engine), and the current
        token it replaces is remembered as ``abandoned``. If that abandoned token comes back later, the history
        it belongs to is still in use beside the other one: a clone, refused as ``device_cloned`` until the
        copy re-enrols. A restored backup is never refused the first time; a refusal loses nothing either (the
        PC keeps its outbox and re-sends it after re-enrolling; report ids count once per organisation)."""
        h = db.device_histories
        now = self.office.clock()
        new = secrets.token_urlsafe(24)
        with self.engine.begin() as conn:
            self._seen(conn, device, now)
            row = conn.execute(select(h).where(h.c.device_id == device.id).with_for_update()).first()
            if row is None:
                conn.execute(insert(h).values(device_id=device.id, token=new, changed_at=now, rollbacks=0))
                return p.CheckinResponse(history_token=new)
            if req.history_token is not None and req.history_token == row.token:
                conn.execute(update(h).where(h.c.device_id == device.id).values(token=new, changed_at=now))
                return p.CheckinResponse(history_token=new)
            if req.history_token is not None and req.history_token == row.abandoned:
                raise _refused(p.ErrorCode.DEVICE_CLONED)
            conn.execute(
                update(h)
                .where(h.c.device_id == device.id)
                .values(token=new, abandoned=row.token, changed_at=now, rollbacks=h.c.rollbacks + 1)
            )
        return p.CheckinResponse(history_token=new, rolled_back=True)

    def health(self, device: Device) -> p.SyncHealth:
        with self.engine.begin() as conn:
            return sync_health(conn, device.id)


def _credentials(authorization: str | None) -> tuple[str, str]:
    """(device id, secret) of ``Bearer <device_id>.<secret>``, or unauthorized."""
    scheme, _, token = (authorization or "").partition(" ")
    device_id, _, secret = token.strip().partition(".")
    if scheme.lower() != "bearer" or not device_id or not secret:
        raise _refused(p.ErrorCode.UNAUTHORIZED)
    return device_id, secret


def push_health(conn: Connection, device_id: str) -> p.SyncHealth:
    """The push's answer (sync.server.queries.sync_health), and the device's mark moved up to where its numbers
    now arrived without a gap (issue 17.3: the next answer reads only the numbers above it). The mark only grows
    (``WHERE contiguous_to < new``): a concurrent push of the same device that got further is kept."""
    health, mark, run_to = sync_health_and_mark(conn, device_id)
    if run_to > mark:
        m = db.device_seq_marks
        if mark == 0:
            insert_ignore(conn, m, [{"device_id": device_id, "contiguous_to": run_to}], m.c.device_id)
        conn.execute(_MARK_UP, {"device": device_id, "run_to": run_to})
    return health


_MARK_UP = (  # built once, as the statements of every push (sync.server.queries: _RUNS_ABOVE_MARK)
    update(db.device_seq_marks)
    .where(
        db.device_seq_marks.c.device_id == bindparam("device"),
        db.device_seq_marks.c.contiguous_to < bindparam("run_to"),
    )
    .values(contiguous_to=bindparam("run_to"))
)


def _stored_state(row: Any) -> callstate.CallState:
    """The shared call state stored on a contact's row."""
    return callstate.CallState(row.attempts, row.last_attempt_at, row.callback_after)


def _stored_fold(row: Any) -> callstate.Folded | None:
    """Where the fold of a contact's reports stood (issue 17.3), or None when it must be folded in full."""
    if row.fold_status is None:
        return None
    through = None if row.folded_through_id is None else (row.folded_through_at, row.folded_through_id)
    return callstate.Folded(_stored_state(row), ContactStatus(row.fold_status), through)


class _Batch:
    """One push request, processed set-wise inside the caller's transaction."""

    def __init__(self, sync: DeviceSync, conn: Connection, device: Device, items: list[Any]) -> None:
        self.sync, self.conn, self.device, self.items = sync, conn, device, items
        self.now = sync.office.clock()
        self.results: dict[str, tuple[p.ItemStatus, p.RejectReason | None]] = {}  # by key: the verdict
        self._keys = {id(item): str(item.idempotency_key) for item in items}
        self.feed: list[dict[str, Any]] = []  # feed rows of this batch, in order, inserted in one statement

    def key(self, item: Any) -> str:
        """The item's idempotency key as stored (formatted once per item, not at every use)."""
        return self._keys[id(item)]

    def _result(self, item: Any, status: p.ItemStatus, reason: p.RejectReason | None = None) -> None:
        self.results[self.key(item)] = (status, reason)

    def run(self) -> list[dict[str, Any]]:
        """The items' results in request order, as the fields of ``ItemResult`` (the answer validates them in
        one call: cheaper than a ``model_construct`` per item, issue 17.3)."""
        claimed = self._claim_keys()
        fresh = self._claim_seqs(claimed)
        reports = [item for item in fresh if item.kind == "report"]
        self._store_reports(reports)
        self.feed += inbox.feed_rows(  # inbox v1: new organizer messages reach the lead's PCs
            self.device.org_id,
            [
                i.payload.report_id
                for i in reports
                if i.payload.organizer_action and self.key(i) not in self.results
            ],
        )
        insert_rows(self.conn, db.feed, self.feed)  # call states, statuses, organizer messages
        self._store_pledges([item for item in fresh if item.kind == "pledge"])
        self._store_audit_events([item for item in fresh if item.kind == "audit_event"])
        adapted = [item for item in fresh if item.kind == "content"]
        if adapted:  # content v1: a lead's adaptation of script and questions (sync.server.content)
            for key, reason in content.store_adaptations(self.conn, self.device, adapted, self.now).items():
                item = next(i for i in adapted if self.key(i) == key)
                self._result(item, p.ItemStatus.REJECTED, reason)
        # Issue 13.1: objections join the organisation-wide register (central ones by member, local ones by number).
        stored = [i.payload for i in reports if self.key(i) not in self.results]
        registers.record_report_objections(self.conn, self.device.org_id, stored, self.now)
        numbers.record_report_problems(self.conn, self.device.org_id, stored, self.now)  # issue 13.2
        registers.record(
            self.conn,
            self.device.org_id,
            [(n, None, None) for i in fresh if i.kind == "objection" for n in i.payload.numbers],
            "local",
            self.now,
        )
        for item in fresh:
            if self.key(item) not in self.results:
                self._result(item, p.ItemStatus.ACCEPTED)
        self._record_rejections(claimed)
        answer = []
        for item in self.items:
            status, why = self.results[self.key(item)]
            answer.append(
                {"idempotency_key": item.idempotency_key, "seq": item.seq, "status": status, "reason": why}
            )
        return answer

    def _claim_keys(self) -> list[Any]:
        """Claims every key; items whose key was claimed before get the first result replayed (or key_reuse)."""
        if not self.sync.idempotency:
            return list(self.items)
        ik, hashes = db.idempotency_keys, {self.key(item): item_hash(item) for item in self.items}
        rows = [
            {
                "device_id": self.device.id,
                "key": self.key(item),
                "request_hash": hashes[self.key(item)],
                "kind": item.kind,
                "seq": item.seq,
                "status": p.ItemStatus.ACCEPTED.value,
                "created_at": self.now,
            }
            for item in sorted(self.items, key=self.key)
        ]
        claimed = insert_ignore(self.conn, ik, rows, ik.c.key)
        seen = [item for item in self.items if self.key(item) not in claimed]
        if seen:
            first = {
                row.key: row
                for row in self.conn.execute(
                    select(ik.c.key, ik.c.request_hash, ik.c.status, ik.c.reason).where(
                        ik.c.device_id == self.device.id, ik.c.key.in_([self.key(i) for i in seen])
                    )
                )
            }
            for item in seen:
                row = first[self.key(item)]
                if row.request_hash != hashes[row.key]:
                    self._result(item, p.ItemStatus.REJECTED, p.RejectReason.KEY_REUSE)
                elif row.status == p.ItemStatus.REJECTED:
                    self._result(item, p.ItemStatus.REJECTED, p.RejectReason(row.reason))
                else:
                    self._result(item, p.ItemStatus.DUPLICATE)
        return [item for item in self.items if self.key(item) in claimed]

    def _claim_seqs(self, fresh: list[Any]) -> list[Any]:
        """Records the sequence numbers; a number already held by another item is rejected (seq_reused)."""
        ds, in_batch = db.device_seqs, set()
        for item in fresh:  # one number twice in the batch: the later item is the odd one out
            if item.seq in in_batch:
                self._result(item, p.ItemStatus.REJECTED, p.RejectReason.SEQ_REUSED)
            in_batch.add(item.seq)
        fresh = [item for item in fresh if self.key(item) not in self.results]
        rows = [
            {"device_id": self.device.id, "seq": item.seq, "key": self.key(item)}
            for item in sorted(fresh, key=lambda i: i.seq)
        ]
        inserted = insert_ignore(self.conn, ds, rows, ds.c.seq)
        taken = [item for item in fresh if item.seq not in inserted]
        if taken:
            holders = dict(
                self.conn.execute(
                    select(ds.c.seq, ds.c.key).where(
                        ds.c.device_id == self.device.id, ds.c.seq.in_([item.seq for item in taken])
                    )
                ).all()
            )
            for item in taken:
                if holders.get(item.seq) != self.key(item):
                    self._result(item, p.ItemStatus.REJECTED, p.RejectReason.SEQ_REUSED)
        return [item for item in fresh if self.key(item) not in self.results]

    def _store_reports(self, items: list[p.ReportItem]) -> None:
        if not items:
            return
        conn, org_id = self.conn, self.device.org_id
        cc, rep = db.campaign_contacts, db.reports
        statements = _push_statements(conn)
        periods = {
            row.id: report_time_range(self.now, row.released_at, row.ends_on)
            for row in conn.execute(
                statements.periods,
                {"ids": sorted({i.payload.campaign_id for i in items}), "org_id": org_id},
            )
        }
        campaigns = set(periods)
        # Lock the contacts (sorted) so that concurrent reports of one contact are combined one after the other.
        contacts = {
            row.id: row
            for row in conn.execute(
                statements.contacts,
                {"ids": sorted({i.payload.contact_id for i in items}), "campaign_ids": sorted(campaigns)},
            ).all()
        }
        corrects = {i.payload.corrects for i in items if i.payload.corrects}
        known_reports = (
            {
                (row.report_id, row.contact_id)
                for row in conn.execute(
                    select(rep.c.report_id, rep.c.contact_id).where(
                        rep.c.org_id == org_id, any_of(conn, rep.c.report_id, corrects)
                    )
                )
            }
            if corrects
            else set()
        )
        status = {cid: ContactStatus(row.status) for cid, row in contacts.items()}
        valid = []
        for item in items:
            r = item.payload
            contact = contacts.get(r.contact_id)
            if r.campaign_id not in campaigns:
                self._result(item, p.ItemStatus.REJECTED, p.RejectReason.UNKNOWN_CAMPAIGN)
            elif not time_in_range(r.created_at, *periods[r.campaign_id]) or not time_in_range(
                r.callback_after, periods[r.campaign_id][0], self.now + CALLBACK_HORIZON
            ):
                self._result(item, p.ItemStatus.REJECTED, p.RejectReason.TIME_OUT_OF_RANGE)
            elif contact is None or contact.campaign_id != r.campaign_id:
                self._result(item, p.ItemStatus.REJECTED, p.RejectReason.UNKNOWN_CONTACT)
            elif r.corrects is not None and (r.corrects, r.contact_id) not in known_reports:
                self._result(item, p.ItemStatus.REJECTED, p.RejectReason.UNKNOWN_CORRECTION)
            else:
                known_reports.add((r.report_id, r.contact_id))
                valid.append(item)
        # A report id counts once per organisation, also when another device sends it again (a PC re-enrolled
        # after damage re-sends what it salvaged, under new idempotency keys): claimed atomically like the keys.
        fresh_ids = (
            insert_ignore(
                conn,
                db.report_ids,
                [
                    {"org_id": org_id, "report_id": rid}
                    for rid in sorted({i.payload.report_id for i in valid})
                ],
                db.report_ids.c.report_id,
            )
            if self.sync.idempotency
            else None
        )
        rows, recompute = [], set()
        for item in valid:
            r = item.payload
            if fresh_ids is not None:
                if r.report_id not in fresh_ids:
                    self._result(item, p.ItemStatus.DUPLICATE)
                    continue
                fresh_ids.discard(r.report_id)  # the same id twice in one batch: the second is a duplicate
            rows.append({**r.row(), "org_id": org_id, "device_id": self.device.id, "received_at": self.now})
            if r.corrects is not None:  # a correction can lower the status: decide from all reports below
                recompute.add(r.contact_id)
            else:  # reports only add: the precedence of the old status and the new report decides
                status[r.contact_id] = rules.combine_statuses(
                    (
                        status[r.contact_id],
                        rules.report_status(r.outcome, r.organizer_action, r.callback_after is not None),
                    )
                )
        insert_rows(conn, rep, rows)
        folds = self._call_states(rows, contacts)
        status.update(DeviceSync._decide_statuses(conn, recompute))
        changed = {
            cid: s.value for cid, s in status.items() if s.value != contacts[cid].status
        }  # sorted by id
        states = {
            cid: folded.state for cid, folded in folds.items() if folded.state != _stored_state(contacts[cid])
        }
        # One UPDATE for the contacts whose call state or status changed (one new row version each, not two);
        # every contact with new reports also stores where its fold stands.
        updates = []
        for cid in sorted(set(folds) | set(changed)):
            row = contacts[cid]
            folded = folds.get(cid) or _stored_fold(row)  # status only: the fold as it was stored (or none)
            state = _stored_state(row) if folded is None else folded.state
            through = None if folded is None else folded.through
            updates.append(
                {
                    "id": cid,
                    "attempts": state.attempts,
                    "last_attempt_at": state.last_attempt_at,
                    "callback_after": state.callback_after,
                    "status": changed.get(cid, row.status),
                    "status_changed_at": self.now if cid in changed else row.status_changed_at,
                    "fold_status": None if folded is None else folded.status.value,
                    "folded_through_at": None if through is None else through[0],
                    "folded_through_id": None if through is None else through[1],
                }
            )
        update_rows(conn, cc, updates)
        self.feed += [{"org_id": org_id, "kind": "callstate", "ref_id": cid} for cid in states]
        self.feed += [{"org_id": org_id, "kind": "status", "ref_id": cid} for cid in changed]

    def _call_states(
        self, rows: list[dict[str, Any]], contacts: dict[str, Any]
    ) -> dict[str, callstate.Folded]:
        """Issue 13.3: the shared call state (sync.core.callstate.fold_all over every PC's reports) of the contacts
        of ``rows``, the reports just stored, in the order of their ids; ``contacts``: their rows as this
        transaction locked them, with where their fold stood (issue 17.3). A contact whose stored fold can be
        continued with its new reports (callstate.fold_on: none corrects a report, each sorts after the last
        report folded) is not read again; the others are folded in full from all their reports."""
        new: dict[str, list[callstate.Call]] = {}
        outcome = rules.Outcome
        for r in rows:
            new.setdefault(r["contact_id"], []).append(
                callstate.Call(
                    r["report_id"],
                    outcome(r["outcome"]),
                    r["created_at"],
                    r["callback_after"],
                    r["corrects"],
                    r["organizer_action"],
                )
            )
        folds: dict[str, callstate.Folded] = {}
        full = []
        for cid in sorted(new):
            # Without the report-id claim a report id may come twice: only the full fold counts it once.
            stored = _stored_fold(contacts[cid]) if self.sync.idempotency else None
            folded = None if stored is None else callstate.fold_on(stored, new[cid])
            if folded is None:
                full.append(cid)
            else:
                folds[cid] = folded
        if full:
            conn, rep = self.conn, db.reports
            calls: dict[str, list[callstate.Call]] = {cid: [] for cid in full}
            for cid, rid, out, at, callback, corrects, action, resolution in conn.execute(
                select(  # fetched at once and read by position: every report of these contacts
                    rep.c.contact_id,
                    rep.c.report_id,
                    rep.c.outcome,
                    rep.c.created_at,
                    rep.c.callback_after,
                    rep.c.corrects,
                    rep.c.organizer_action,
                    rep.c.organizer_resolution,
                ).where(any_of(conn, rep.c.contact_id, full), rep.c.org_id == self.device.org_id)
            ).all():
                calls[cid].append(
                    callstate.Call(rid, outcome(out), at, callback, corrects, action, resolution)
                )
            folds |= {cid: callstate.fold_all(calls[cid]) for cid in full}
        return {cid: folds[cid] for cid in sorted(folds)}

    def _entry_times_in_range(self, items: list[Any], at: Callable[[Any], datetime]) -> list[Any]:
        """The items whose time is plausible; the others are rejected (time_out_of_range)."""
        earliest, latest = self.now - OLDEST_ENTRY, self.now + CLOCK_SLACK
        kept = []
        for item in items:
            if time_in_range(at(item.payload), earliest, latest):
                kept.append(item)
            else:
                self._result(item, p.ItemStatus.REJECTED, p.RejectReason.TIME_OUT_OF_RANGE)
        return kept

    def _store_pledges(self, items: list[p.PledgeItem]) -> None:
        items = self._entry_times_in_range(items, lambda payload: payload.signed_at)
        rows = [
            {
                "id": i.payload.pledge_id,
                "org_id": self.device.org_id,
                "device_id": self.device.id,
                "lead_person_id": self.device.person_id,
                "volunteer_id": i.payload.volunteer_id,
                "volunteer_label": i.payload.volunteer_label,
                "text_version": i.payload.text_version,
                "signed_at": i.payload.signed_at,
                "status": "pending",
            }
            for i in items
        ]
        stored = insert_ignore(self.conn, db.pledges, rows, db.pledges.c.id)
        for item in items:
            if item.payload.pledge_id not in stored:  # the id exists already (another device or org)
                self._result(item, p.ItemStatus.REJECTED, p.RejectReason.CONFLICT)

    def _store_audit_events(self, items: list[p.AuditEventItem]) -> None:
        items = self._entry_times_in_range(items, lambda payload: payload.at)
        if items:
            insert_rows(
                self.conn,
                db.audit_log,
                [
                    {
                        "at": i.payload.at,
                        "source": "device",
                        "org_id": self.device.org_id,
                        "device_id": self.device.id,
                        "action": i.payload.action,
                        "ref_ids": list(i.payload.ref_ids),
                        "event_id": i.payload.event_id,
                        "chain_hash": i.payload.chain_hash,
                        "chain_seq": i.payload.chain_seq,
                        "prev_hash": i.payload.prev_hash,
                        "person_id": i.payload.person_id,
                        "subject": i.payload.subject,
                    }
                    for i in items
                ],
            )
            self._verify_audit_chain([i.payload for i in items if i.payload.chain_seq is not None])

    def _verify_audit_chain(self, events: list[p.AuditEventPayload]) -> None:
        """Continues the device's chain from the last verified (seq, hash) with sync.core.audit_chain (DP-21).

        Entries arrive in order, possibly over several batches. Every link that does not hold (entries missing,
        a wrong link, a wrong hash, a number seen before) is recorded; verification then continues from the
        breaking entry's number and hash as sent, so that one damage is not reported again for every later entry.
        """
        if not events:
            return
        conn, ac = self.conn, db.audit_chains
        insert_ignore(
            conn,
            ac,
            [{"device_id": self.device.id, "last_seq": 0, "last_hash": GENESIS, "updated_at": self.now}],
            ac.c.device_id,
        )
        state = conn.execute(
            select(ac.c.last_seq, ac.c.last_hash).where(ac.c.device_id == self.device.id).with_for_update()
        ).one()
        last_seq, last_hash = state.last_seq, state.last_hash
        events = sorted(events, key=lambda e: e.chain_seq or 0)
        if last_seq == 0 and events[0].chain_seq != 1:
            last_seq, last_hash = self._chain_continued(events[0])
        breaks = []
        for event in events:
            entry = event.chain_entry()
            assert entry is not None and event.chain_seq is not None and event.chain_hash is not None
            if first_break([entry], start_seq=last_seq + 1, start_hash=last_hash) is not None:
                reason = (
                    "seq_repeated"
                    if event.chain_seq <= last_seq
                    else "missing_entries"
                    if event.chain_seq > last_seq + 1
                    else "wrong_prev_hash"
                    if event.prev_hash != last_hash
                    else "wrong_hash"
                )
                breaks.append(
                    {
                        "device_id": self.device.id,
                        "org_id": self.device.org_id,
                        "expected_seq": last_seq + 1,
                        "got_seq": event.chain_seq,
                        "reason": reason,
                        "event_id": event.event_id,
                        "detected_at": self.now,
                    }
                )
                log.warning(
                    "audit chain break on device %s at entry %s: %s", self.device.id, last_seq + 1, reason
                )
            last_seq, last_hash = event.chain_seq, event.chain_hash
        conn.execute(
            update(ac)
            .where(ac.c.device_id == self.device.id)
            .values(last_seq=last_seq, last_hash=last_hash, updated_at=self.now)
        )
        if breaks:
            conn.execute(insert(db.audit_chain_breaks), breaks)
            for row in breaks:
                audit(
                    conn,
                    self.now,
                    "audit_chain.break",
                    self.device.id,
                    row["event_id"],
                    org_id=self.device.org_id,
                    device_id=self.device.id,
                    source="server",
                )

    def _chain_continued(self, first: p.AuditEventPayload) -> tuple[int, str]:
        """A new device whose chain does not start at 1: the workspace's chain may continue one that another
        device of the org already delivered (re-enrolment). Otherwise it starts at genesis (entries missing)."""
        al = db.audit_log
        known = self.conn.execute(
            select(al.c.id)
            .where(
                al.c.org_id == self.device.org_id,
                al.c.source == "device",
                al.c.chain_seq == (first.chain_seq or 1) - 1,
                al.c.chain_hash == first.prev_hash,
                al.c.device_id != self.device.id,
            )
            .limit(1)
        ).first()
        if known is not None and first.chain_seq is not None and first.prev_hash is not None:
            return first.chain_seq - 1, first.prev_hash
        return 0, GENESIS

    def _record_rejections(self, claimed: list[Any]) -> None:
        """Claimed keys were stored as accepted; record the rejections so that a retry replays them."""
        rejected = [
            {"k": self.key(i), "r": self.results[self.key(i)][1]}
            for i in claimed
            if self.results[self.key(i)][0] is p.ItemStatus.REJECTED
        ]
        if rejected and self.sync.idempotency:
            ik = db.idempotency_keys
            self.conn.execute(
                update(ik)
                .where(ik.c.device_id == self.device.id, ik.c.key == bindparam("k"))
                .values(status=p.ItemStatus.REJECTED.value, reason=bindparam("r")),
                rejected,
            )
