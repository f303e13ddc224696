"""Storage of the central office: one SQLAlchemy Core schema for SQLite (default) and PostgreSQL.

The tables here are the *current* schema; Alembic migrations (sync/server/migrations) create and evolve them,
and a test checks that both agree. Nothing personal is ever logged from here.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Engine,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
    create_engine,
    event,
    insert,
    select,
)
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.types import TypeDecorator

from sync.core import callstate

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetimes in, aware UTC datetimes out; stored as naive UTC on both backends."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


def new_id() -> str:
    return secrets.token_hex(16)


metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


def _id(name: str = "id", **kw: Any) -> Column[str]:
    return Column(name, String(64), **kw)


def _fk(name: str, target: str, **kw: Any) -> Column[str]:
    return Column(name, String(64), ForeignKey(target), **kw)


meta_kv = Table(
    "meta", metadata, Column("key", String(64), primary_key=True), Column("value", Text, nullable=False)
)

signing_keys = Table(
    "signing_keys",
    metadata,
    Column("kid", String(16), primary_key=True),
    Column("private_key", LargeBinary, nullable=False),
    Column("public_key", LargeBinary, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("active", Boolean, nullable=False),
)

orgs = Table(
    "orgs",
    metadata,
    _id(primary_key=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("created_at", UTCDateTime, nullable=False),
)

persons = Table(
    "persons",
    metadata,
    _id(primary_key=True),
    _fk("org_id", "orgs.id", nullable=False, index=True),
    Column("name", String(200), nullable=False),
    Column("clearance_revoked_at", UTCDateTime),
    Column("created_at", UTCDateTime, nullable=False),
)

# The org's membership, reduced to what any purpose may release plus the category (DP-2, DP-4).
members = Table(
    "members",
    metadata,
    _id(primary_key=True),
    _fk("org_id", "orgs.id", nullable=False),
    Column("category", String(32), nullable=False),
    Column("consent_date", Date),  # category "consent" only (DP-2)
    Column("first_name", String(200), nullable=False),
    Column("last_name", String(200), nullable=False),
    Column("phone", String(32), nullable=False),
    Column("phone2", String(32), nullable=False),
    Column("locality", String(200), nullable=False),
    Column("district", String(200), nullable=False),
    Column("postcode", String(16), nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    # Mitgliedsnummer: the external id that joins results back to the membership system and to Zetkin's
    # importer. Central office only: never in a pull payload (design.md "One system across PCs and campaigns").
    Column("member_number", String(64)),
    Index("ix_members_org_phone", "org_id", "phone"),  # a re-import updates the member with the same number
)

resolutions = Table(
    "resolutions",
    metadata,
    _id(primary_key=True),
    _fk("org_id", "orgs.id", nullable=False, index=True),
    Column("decided_on", Date, nullable=False),
    Column("body", String(200), nullable=False),
    Column("purposes", JSON, nullable=False),
    Column("valid_until", Date, nullable=False),
    Column("document_ref", String(500), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
)

resolution_persons = Table(
    "resolution_persons",
    metadata,
    _fk("resolution_id", "resolutions.id", nullable=False),
    _fk("person_id", "persons.id", nullable=False, index=True),
    PrimaryKeyConstraint("resolution_id", "person_id"),
)

trainings = Table(
    "trainings",
    metadata,
    _id(primary_key=True),
    _fk("person_id", "persons.id", nullable=False, index=True),
    Column("completed_on", Date, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
)

declarations = Table(
    "declarations",
    metadata,
    _id(primary_key=True),
    _fk("person_id", "persons.id", nullable=False, index=True),
    Column("signed_on", Date, nullable=False),
    Column("text_version", String(40), nullable=False),
    Column("document_ref", String(500), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
)

campaigns = Table(
    "campaigns",
    metadata,
    _id(primary_key=True),
    _fk("org_id", "orgs.id", nullable=False, index=True),
    Column("title", String(120), nullable=False),
    Column("purpose", String(64), nullable=False),
    Column("categories", JSON, nullable=False),
    _fk("resolution_id", "resolutions.id", nullable=False),
    Column("released_at", UTCDateTime, nullable=False),
    Column("ends_on", Date),
    Column("ended_at", UTCDateTime),  # "end campaign": PCs wipe its contact data at their next sync
    Column("results_exported_at", UTCDateTime),  # first results export after the end (retention)
    Column("contacts_wiped_at", UTCDateTime),  # the server's contact rows of the campaign were wiped
)

# Content v1 (sync.core.content): every version of a campaign's content, newest = highest version.
campaign_contents = Table(
    "campaign_contents",
    metadata,
    _fk("campaign_id", "campaigns.id", nullable=False),
    Column("version", Integer, nullable=False),
    Column("author", String(16), nullable=False),  # central | lead
    Column("author_ref", String(64)),  # staff id (web) or device id (lead's PC); None: command line
    Column("content", JSON, nullable=False),  # CampaignContent as JSON (mode="json")
    Column("created_at", UTCDateTime, nullable=False),
    PrimaryKeyConstraint("campaign_id", "version"),
)

# Pseudonymous per-campaign ids (DP-5): only the central office maps them back to members.
campaign_contacts = Table(
    "campaign_contacts",
    metadata,
    _id(primary_key=True),
    _fk("campaign_id", "campaigns.id", nullable=False),
    _fk("member_id", "members.id"),  # None: retention unlinked the pseudonym after the campaign (issue 14.6)
    Column("status", String(32), nullable=False),
    Column("status_changed_at", UTCDateTime, nullable=False),
    # Issue 13.3, shared call state: the fold of every PC's reports (sync.core.callstate), owned by device_sync.
    Column("attempts", Integer, nullable=False, default=0, server_default="0"),
    Column("last_attempt_at", UTCDateTime),
    Column("callback_after", UTCDateTime),
    # Issue 17.3: where that fold stands (sync.core.callstate.Folded), so that a push continues it with reports
    # that sort after the last one folded. fold_status NULL: no stored fold, the next push folds all reports;
    # whatever rewrites a report's part in the fold (an organizer resolution) sets it NULL.
    Column("fold_status", String(32)),
    Column("folded_through_at", UTCDateTime),
    Column("folded_through_id", String(64)),
    UniqueConstraint("campaign_id", "member_id"),
)
# The values of campaign_contacts that drop a contact's stored fold: for every statement that changes what a stored
# report means for the call state (its fields that sync.core.callstate reads), in the same transaction.
FOLD_AGAIN: dict[str, Any] = {"fold_status": None, "folded_through_at": None, "folded_through_id": None}
# The stored fold of a contact without reports (callstate.Folded(): no attempts, open, nothing folded), written
# where a contact is created: its first push continues this fold instead of reading its (no) reports again.
_NO_REPORTS = callstate.Folded()
NOTHING_FOLDED: dict[str, Any] = {
    "attempts": _NO_REPORTS.state.attempts,
    "last_attempt_at": _NO_REPORTS.state.last_attempt_at,
    "callback_after": _NO_REPORTS.state.callback_after,
    "fold_status": _NO_REPORTS.status.value,
    "folded_through_at": None,
    "folded_through_id": None,
}

devices = Table(
    "devices",
    metadata,
    _id(primary_key=True),
    _fk("org_id", "orgs.id", nullable=False, index=True),
    _fk("person_id", "persons.id", nullable=False),
    Column("name", String(80), nullable=False),
    Column("secret_hash", String(64), nullable=False),  # sha256 hex of a 256-bit random secret
    Column("created_at", UTCDateTime, nullable=False),
    Column("revoked_at", UTCDateTime),
    Column("last_seen_at", UTCDateTime),  # last push or pull (updated at most once a minute)
)

enrolment_codes = Table(
    "enrolment_codes",
    metadata,
    Column("code_hash", String(64), primary_key=True),
    _fk("org_id", "orgs.id", nullable=False),
    _fk("person_id", "persons.id", nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("expires_at", UTCDateTime, nullable=False),
    Column("used_at", UTCDateTime),
    Column("device_id", String(64)),
)

# Outcomes. No unique constraint on report_id on purpose: exactly-once rests on the idempotency claim
# (and the fault test proves it by switching the claim off).
reports = Table(
    "reports",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("report_id", String(64), nullable=False),
    _fk("org_id", "orgs.id", nullable=False),
    _fk("device_id", "devices.id", nullable=False, index=True),
    _fk("campaign_id", "campaigns.id", nullable=False, index=True),
    _fk("contact_id", "campaign_contacts.id", nullable=False, index=True),
    Column("outcome", String(32), nullable=False),
    Column("zetkin", Integer),
    Column("created_at", UTCDateTime, nullable=False),
    Column("callback_after", UTCDateTime),
    Column("wrong_numbers", JSON, nullable=False),
    Column("organizer_action", Boolean, nullable=False),
    Column("organizer_message", Text, nullable=False),
    Column("note", Text, nullable=False),
    Column("answers", JSON, nullable=False),
    Column("corrects", String(64)),
    Column("received_at", UTCDateTime, nullable=False),
    # The organizer inbox: how staff resolved a "Rückmeldung an die Orga" (done | reopen) and when.
    Column("organizer_resolution", String(16)),
    Column("organizer_resolved_at", UTCDateTime),
    Index("ix_reports_org_report", "org_id", "report_id"),
)

# Report ids are client-made UUIDs: each counts once per organisation, whichever device sends it (claimed with
# INSERT … ON CONFLICT DO NOTHING in the transaction that stores the report).
report_ids = Table(
    "report_ids",
    metadata,
    _fk("org_id", "orgs.id", nullable=False),
    Column("report_id", String(64), nullable=False),
    PrimaryKeyConstraint("org_id", "report_id"),
)

idempotency_keys = Table(
    "idempotency_keys",
    metadata,
    _fk("device_id", "devices.id", nullable=False),
    Column("key", String(36), nullable=False),
    Column("request_hash", String(64), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("status", String(16), nullable=False),
    Column("reason", String(32)),
    Column("created_at", UTCDateTime, nullable=False),
    PrimaryKeyConstraint("device_id", "key"),
)

device_seqs = Table(
    "device_seqs",
    metadata,
    _fk("device_id", "devices.id", nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("key", String(36), nullable=False),
    PrimaryKeyConstraint("device_id", "seq"),
)

# Issue 17.3: every sequence number of the device from 1 to ``contiguous_to`` arrived (device_seqs), so the answer
# to a push (sync.server.queries.sync_health) reads only the numbers above it. Written by device_sync when a push
# extends the run; device_seqs rows are never deleted, so the mark stays true. No row: 0.
device_seq_marks = Table(
    "device_seq_marks",
    metadata,
    _fk("device_id", "devices.id", primary_key=True),
    Column("contiguous_to", BigInteger, nullable=False),
)

pledges = Table(
    "pledges",
    metadata,
    _id(primary_key=True),
    _fk("org_id", "orgs.id", nullable=False, index=True),
    _fk("device_id", "devices.id", nullable=False),
    _fk("lead_person_id", "persons.id", nullable=False),
    Column("volunteer_id", String(64), nullable=False),
    Column("volunteer_label", String(40), nullable=False),
    Column("text_version", String(40), nullable=False),
    Column("signed_at", UTCDateTime, nullable=False),
    Column("status", String(16), nullable=False),  # pending | confirmed | rejected
    Column("decided_at", UTCDateTime),
)

clearances = Table(
    "clearances",
    metadata,
    _id(primary_key=True),
    _fk("org_id", "orgs.id", nullable=False),
    _fk("person_id", "persons.id", nullable=False),
    _fk("device_id", "devices.id", nullable=False, index=True),
    _fk("resolution_id", "resolutions.id", nullable=False),
    Column("purposes", JSON, nullable=False),
    Column("issued_at", UTCDateTime, nullable=False),
    Column("expires_at", UTCDateTime, nullable=False),
    Column("signed", JSON, nullable=False),
    Column("revoked_at", UTCDateTime),
)

revocation_versions = Table(
    "revocation_versions",
    metadata,
    _fk("org_id", "orgs.id", primary_key=True),
    Column("version", Integer, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
)

# What changed for an org, in order: the pull cursor is a position in this feed.
# Issue 13: the organisation-wide objection register (DP-17). One row per organisation and normalised number;
# never undone by a report; withdrawn only by the member through the central office (withdrawn_at).
objections = Table(
    "objections",
    metadata,
    _id(primary_key=True),
    _fk("org_id", "orgs.id", nullable=False),
    Column("number", String(32), nullable=False),  # E.164
    Column("member_id", String(64)),  # the member it came from, when known
    Column("source", String(16), nullable=False),  # report | local | import
    Column("campaign_id", String(64)),  # the central campaign it was said in, when known
    Column("recorded_at", UTCDateTime, nullable=False),
    Column("withdrawn_at", UTCDateTime),
    UniqueConstraint("org_id", "number"),
)

# Issue 13.2: numbers reported wrong or not in service (DP-18), one row per organisation and normalised number,
# with the member it was reported for. A number here is not released again (sync.server.numbers, the owner);
# staff confirming the very number resolve it; a corrected number (staff or import) makes the member callable.
number_problems = Table(
    "number_problems",
    metadata,
    _id(primary_key=True),
    _fk("org_id", "orgs.id", nullable=False),
    Column("number", String(32), nullable=False),  # E.164
    Column("member_id", String(64)),  # the member it was reported for
    Column("kind", String(16), nullable=False),  # wrong_number | not_in_service
    Column("campaign_id", String(64)),
    Column("recorded_at", UTCDateTime, nullable=False),
    Column("resolved_at", UTCDateTime),  # staff confirmed the number after all
    UniqueConstraint("org_id", "number"),
)

# The key under which PCs receive the register as hashes (sync.core.protocol.register_hash), one per organisation.
register_keys = Table(
    "register_keys",
    metadata,
    _fk("org_id", "orgs.id", primary_key=True),
    Column("key_id", String(64), nullable=False),
    Column("key", String(64), nullable=False),  # base64url of 32 random bytes
    Column("created_at", UTCDateTime, nullable=False),
)

# Issue 13.3: a contact of a released campaign is leased to at most one device at a time (DP-16).
leases = Table(
    "leases",
    metadata,
    _fk("contact_id", "campaign_contacts.id", primary_key=True),
    _fk("device_id", "devices.id", nullable=False, index=True),
    Column("org_id", String(64), nullable=False),
    Column("campaign_id", String(64), nullable=False),
    Column("expires_at", UTCDateTime, nullable=False),
    Column("taken_at", UTCDateTime, nullable=False),
)

# Issue 13.4: each sync's check-in rotates a random token per device; the token an older copy's check-in made
# stale is kept as ``abandoned``: if it comes back, two copies of one workspace are in use (a clone).
device_histories = Table(
    "device_histories",
    metadata,
    _fk("device_id", "devices.id", primary_key=True),
    Column("token", String(64), nullable=False),
    Column("abandoned", String(64)),
    Column("changed_at", UTCDateTime, nullable=False),
    Column("rollbacks", Integer, nullable=False, default=0),
)

# DP-11: campaigns whose contacts a pull left out for a device because its person held no clearance for the
# campaign's purpose (sync/server/withholding.py). Once a clearance covers the purpose, the device's next pulls
# send the campaign's contacts in chunks (ordered by member id; ``resent_after``: the last member id sent, None =
# from the start) and the row goes. Ids only.
withheld_campaigns = Table(
    "withheld_campaigns",
    metadata,
    _fk("device_id", "devices.id", nullable=False),
    _fk("campaign_id", "campaigns.id", nullable=False),
    Column("resent_after", String(64)),
    Column("withheld_at", UTCDateTime, nullable=False),
    PrimaryKeyConstraint("device_id", "campaign_id"),
)

# Issue 13.7: request budgets shared by every server process on one PostgreSQL (sync/server/ratelimit.py).
# One token bucket per key ("device:<id>" or "addr:<address>"); ``at`` is the wall clock in epoch seconds.
rate_buckets = Table(
    "rate_buckets",
    metadata,
    Column("key", String(80), primary_key=True),
    Column("tokens", Float, nullable=False),
    Column("at", Float, nullable=False, index=True),
    Column("granted", Boolean, nullable=False),  # the last take got a unit
)

feed = Table(
    "feed",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    # No foreign key (migration 0011, issue 17.2): PostgreSQL would check it for each of a release's 100k rows.
    # A row's organisation is that of what it names (a contact's: its campaign's, which the release writes in
    # the same transaction; tests/server/test_release_feed.py); organisations are never deleted.
    Column("org_id", String(64), nullable=False),
    Column(
        "kind", String(16), nullable=False
    ),  # campaign | contact | status | pledge | objection | content | inbox | callstate
    Column("ref_id", String(64), nullable=False),
    Index("ix_feed_org_id", "org_id", "id"),
)

# Audit log: ids only, never names, numbers or contents (DP-21).
audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", UTCDateTime, nullable=False),
    Column("source", String(16), nullable=False),  # admin | server | device
    Column("org_id", String(64), index=True),
    Column("device_id", String(64)),
    Column("action", String(40), nullable=False),
    Column("ref_ids", JSON, nullable=False),
    Column("event_id", String(64)),
    Column("chain_hash", String(64)),
    # Device audit events: the rest of the desktop's hash-chain entry, so that the chain can be re-verified.
    Column("chain_seq", BigInteger),
    Column("prev_hash", String(64)),
    Column("person_id", String(64)),
    Column("subject", String(64)),
    # Admin actions: the staff member who acted in the web interface (None: the command line).
    Column("actor_id", String(64)),
)

# Where each device's audit hash chain has been verified up to (sync.core.audit_chain, DP-21).
audit_chains = Table(
    "audit_chains",
    metadata,
    _fk("device_id", "devices.id", primary_key=True),
    Column("last_seq", BigInteger, nullable=False),
    Column("last_hash", String(64), nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
)

# Every break found in a device's audit chain (missing entry, wrong link, wrong hash, repeated number).
audit_chain_breaks = Table(
    "audit_chain_breaks",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _fk("device_id", "devices.id", nullable=False, index=True),
    Column("org_id", String(64), nullable=False),
    Column("expected_seq", BigInteger, nullable=False),
    Column("got_seq", BigInteger, nullable=False),
    Column(
        "reason", String(32), nullable=False
    ),  # missing_entries | wrong_prev_hash | wrong_hash | seq_repeated
    Column("event_id", String(64), nullable=False),
    Column("detected_at", UTCDateTime, nullable=False),
)

# Central-office staff of the web interface: Argon2id password hashes, optional TOTP second factor.
staff = Table(
    "staff",
    metadata,
    _id(primary_key=True),
    Column("name", String(80), nullable=False, unique=True),
    Column("password_hash", String(200), nullable=False),
    Column("totp_secret", String(64)),
    Column("totp_last_step", BigInteger),  # a code is accepted once (no replay)
    Column("created_at", UTCDateTime, nullable=False),
    Column("disabled_at", UTCDateTime),
)

# Sessions of the web interface; the cookie holds a random token, the table only its sha256.
staff_sessions = Table(
    "staff_sessions",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    _fk("staff_id", "staff.id", nullable=False, index=True),
    Column("csrf", String(64), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("last_seen_at", UTCDateTime, nullable=False),
    Column("ended_at", UTCDateTime),
)

# Failed sign-ins per name (hashed: unknown names are throttled alike) and per client address.
login_failures = Table(
    "login_failures",
    metadata,
    Column("key", String(80), primary_key=True),
    Column("failures", Integer, nullable=False),
    Column("last_failed_at", UTCDateTime, nullable=False),
    Column("locked_until", UTCDateTime),
)


# --------------------------------------------------------------------------------------------------- engine


def normalise_url(url: str) -> str:
    """Plain ``postgresql://`` URLs use psycopg 3; a bare path means an SQLite file."""
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser().resolve()}"
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


# The server process's connection pool: as many connections as threads that may hold one at once (the thread
# pool that runs every request's database work, anyio's default of 40). A smaller pool with overflow closes
# each overflow connection when it is returned and opens a new one for the next request under load (a new
# PostgreSQL backend every few requests; issue 17.3).
SERVER_POOL_SIZE = 40


def create_db_engine(url: str, *, pool_size: int = 10) -> Engine:
    url = normalise_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 60, "check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _sqlite_connect(dbapi_conn: object, _record: object) -> None:
            dbapi_conn.isolation_level = None  # type: ignore[attr-defined]  # we issue BEGIN ourselves
            cur = dbapi_conn.cursor()  # type: ignore[attr-defined]
            for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON", "busy_timeout=60000"):
                cur.execute(f"PRAGMA {pragma}")
            cur.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn: Connection) -> None:
            conn.exec_driver_sql("BEGIN IMMEDIATE")  # take the write lock up front: no upgrade deadlocks

        return engine
    if parsed.get_backend_name() != "postgresql":
        raise ValueError(
            f"unsupported database: {parsed.get_backend_name()} (use an SQLite path or postgresql://)"
        )
    # PostgreSQL's own plan_cache_mode (auto): a prepared statement keeps its generic plan when that is no
    # dearer. Until session 6 every connection forced a custom plan, against a generic plan for the pull's old
    # "id IN (500 parameters)" (a page is a range of feed ids since session 4); that also planned anew every
    # foreign-key check PostgreSQL runs per inserted row: 40-55 % of a push's and a release's database CPU
    # (docs/performance.md, "Release, session 6" and "Central ingest, session 6"). Pull 20k unchanged.
    return create_engine(
        url,
        pool_size=pool_size,
        max_overflow=pool_size,
        pool_pre_ping=True,
        pool_recycle=1800,
    )


SCHEMA_HEAD = "0013"  # newest migration in migrations/versions (a test checks it against Alembic's head)


def _up_to_date(engine: Engine) -> bool:
    try:
        with engine.connect() as conn:
            version = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
            epoch = conn.execute(select(meta_kv.c.value).where(meta_kv.c.key == "feed_epoch")).scalar()
    except DBAPIError:
        return False
    return version == SCHEMA_HEAD and epoch is not None


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest Alembic revision (idempotent; cheap when nothing is to do)."""
    if _up_to_date(engine):
        return
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        if conn.execute(select(meta_kv.c.value).where(meta_kv.c.key == "feed_epoch")).first() is None:
            conn.execute(insert(meta_kv).values(key="feed_epoch", value=secrets.token_hex(4)))


def open_database(url: str, *, pool_size: int = 10) -> Engine:
    engine = create_db_engine(url, pool_size=pool_size)
    migrate(engine)
    return engine
