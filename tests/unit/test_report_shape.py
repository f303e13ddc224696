"""The report's one versioned shape (sync.core.protocol.ReportPayload) from the PC's outbox to the server row.

The outbox stores the report in that shape (desktop.storage.outbox_store.StoredReport: the wire's report beside
a local-only part that is never sent). `tests/golden/outbox_reports_v0.jsonl` holds outbox payloads exactly as
the desktop wrote them before the shape was versioned (version 0: the PC's own report record); desktop migration
0011 converts them. That they still reach a real server exactly once is tests/integration/test_outbox_upgrade.py.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop.domain.models import CallReport
from desktop.storage import migrate, outbox_store
from desktop.storage.database import Connection, open_encrypted
from desktop.storage.keyslots import new_database_key
from desktop.storage.outbox_store import LocalOnly, StoredReport
from desktop.storage.sync_store import push_item
from sync.core import protocol as p
from sync.core.rules import Outcome
from sync.server import db
from sync.server.device_sync import item_hash
from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "golden" / "outbox_reports_v0.jsonl"
CAMPAIGN = "c0ffee00c0ffee00c0ffee00c0ffee00"
GOLDEN_CALLER = "ca11e4ca11e4ca11e4ca11e4ca11e4ca"
# The migration that converts the outbox (found by name, so that a later migration does not move it).
CONVERSION = next(m.version for m in migrate.available() if m.name.endswith("_outbox_report_shape.sql"))


def golden() -> list[str]:
    return GOLDEN.read_text(encoding="utf-8").splitlines()


def t(hour: int, minute: int, second: int = 0, micro: int = 0) -> datetime:
    return datetime(2026, 11, 10, hour, minute, second, micro, tzinfo=UTC)


EXPECTED = [
    p.ReportPayload(
        report_id="0f1e2d3c4b5a69788796a5b4c3d2e1f0",
        campaign_id=CAMPAIGN,
        contact_id="5eed5eed5eed5eed5eed5eed5eed5eed",
        outcome=Outcome.REACHED,
        zetkin=1,
        created_at=t(17, 4, 5, 123456),
        answers={"kommt": True, "themen": ["Miete", "Verkehr"], "wunsch": "mehr Abendtermine"},
        note="Grüße an den Vorstand",
    ),
    p.ReportPayload(
        report_id="1f1e2d3c4b5a69788796a5b4c3d2e1f1",
        campaign_id=CAMPAIGN,
        contact_id="6eed5eed5eed5eed5eed5eed5eed5eed",
        outcome=Outcome.CALL_BACK,
        zetkin=13,
        created_at=t(17, 9),
        callback_after=datetime(2026, 11, 12, 17, 0, tzinfo=UTC),
        organizer_action=True,
        organizer_message="bitte Rückruf durch Kreisvorstand",
    ),
    p.ReportPayload(
        report_id="2f1e2d3c4b5a69788796a5b4c3d2e1f2",
        campaign_id=CAMPAIGN,
        contact_id="7eed5eed5eed5eed5eed5eed5eed5eed",
        outcome=Outcome.WRONG_NUMBER,
        zetkin=21,
        created_at=t(17, 12),
        wrong_numbers=["phone", "phone2"],
    ),
    p.ReportPayload(
        report_id="3f1e2d3c4b5a69788796a5b4c3d2e1f3",
        campaign_id=CAMPAIGN,
        contact_id="7eed5eed5eed5eed5eed5eed5eed5eed",
        outcome=Outcome.NOT_IN_SERVICE,
        zetkin=None,
        created_at=t(17, 13),
        wrong_numbers=["phone"],
        corrects="2f1e2d3c4b5a69788796a5b4c3d2e1f2",
    ),
    p.ReportPayload(
        report_id="4f1e2d3c4b5a69788796a5b4c3d2e1f4",
        campaign_id=CAMPAIGN,
        contact_id="8eed5eed5eed5eed5eed5eed5eed5eed",
        outcome=Outcome.OBJECTION,
        zetkin=None,
        created_at=t(17, 20),
    ),
]


def workspace_before_conversion(tmp_path: Path) -> Connection:
    """An encrypted workspace database at the schema version just before the outbox conversion."""
    conn = open_encrypted(tmp_path / "ws.db", new_database_key(), create=True)
    migrate.migrate(conn, target=CONVERSION - 1)
    return conn


def stored_payloads(conn: Connection) -> dict[str, str]:
    return {r[0]: r[1] for r in conn.execute("SELECT item_id, payload FROM outbox WHERE kind = 'report'")}


def test_the_migration_turns_pre_version_outbox_payloads_into_the_versioned_report(tmp_path: Path) -> None:
    conn = workspace_before_conversion(tmp_path)
    # Every state: one form for the push, the DP-6 scrub and page salvage.
    states = ["pending", "sent", "rejected", "local", "pending"]
    with conn:
        for n, (stored, state) in enumerate(zip(golden(), states, strict=True), start=1):
            conn.execute(
                "INSERT INTO outbox (item_id, kind, payload, created_at, state, device_seq) VALUES (?, ?, ?, ?, ?, ?)",
                (json.loads(stored)["id"], "report", stored, "2026-11-10T17:00:00.000000Z", state, n),
            )
        audit = '{"id":"a1","kind":"unlock","note":"stays as it is"}'
        conn.execute(
            "INSERT INTO outbox (item_id, kind, payload, created_at, device_seq) VALUES ('a1', 'audit_event', ?, "
            "'2026-11-10T17:00:00.000000Z', 6)",
            (audit,),
        )
    assert migrate.migrate(conn) == list(range(CONVERSION, migrate.LATEST + 1))
    payloads = stored_payloads(conn)
    for expected in EXPECTED:
        stored = StoredReport.model_validate_json(payloads[expected.report_id])
        assert stored.report == expected
        assert stored.local == LocalOnly(caller_id=GOLDEN_CALLER)
        assert "caller_id" not in stored.report.model_dump()  # the caller's local id never leaves the PC
        key = uuid.UUID(expected.report_id).hex
        assert push_item(key, "report", 1, json.loads(payloads[expected.report_id])).payload == expected
    assert conn.execute("SELECT payload FROM outbox WHERE kind = 'audit_event'").fetchone()[0] == audit
    conn.close()


@pytest.mark.parametrize("outcome", list(Outcome))
def test_the_migration_writes_what_the_app_now_writes(tmp_path: Path, outcome: Outcome) -> None:
    """For every outcome (so every Zetkin code the migration spells out): the converted version-0 payload is
    the stored form the app writes today, and a second run of the conversion changes nothing."""
    report = CallReport(
        id="9f1e2d3c4b5a69788796a5b4c3d2e1f9",
        campaign_id=CAMPAIGN,
        contact_id="5eed5eed5eed5eed5eed5eed5eed5eed",
        caller_id=GOLDEN_CALLER,
        outcome=outcome,
        created_at=datetime(2026, 11, 10, 17, 4, 5, 123456, tzinfo=UTC),
        callback_after=None if outcome.is_final_for_contact else datetime(2026, 11, 12, 17, tzinfo=UTC),
        wrong_numbers=("phone2",) if outcome.is_final_for_contact else (),
        answers={"kommt": False, "themen": ("Miete",), "wunsch": "ja"},
        note="Notiz",
        corrects="8f1e2d3c4b5a69788796a5b4c3d2e1f8",
    )
    conn = workspace_before_conversion(tmp_path)
    with conn:
        outbox_store.enqueue(  # the generic writer, with the payload as the app wrote it before
            conn,
            item_id=report.id,
            kind="report",
            payload=report.model_dump(mode="json"),
            created_at=report.created_at,
        )
    migrate.migrate(conn)
    converted = stored_payloads(conn)[report.id]
    assert StoredReport.model_validate_json(converted) == StoredReport.of(report)
    assert StoredReport.model_validate_json(converted).call_report() == report
    with conn:
        conn.executescript(migrate.available()[CONVERSION - 1].sql)
    assert stored_payloads(conn)[report.id] == converted
    conn.close()


def test_the_versioned_shape_reads_back_and_travels_unchanged() -> None:
    for expected in EXPECTED:
        stored = StoredReport(report=expected, local=LocalOnly(caller_id=GOLDEN_CALLER))
        assert StoredReport.model_validate_json(stored.model_dump_json()) == stored
        assert StoredReport.of(stored.call_report()) == stored
    items = [
        p.ReportItem(idempotency_key=uuid.uuid4(), seq=n, payload=r) for n, r in enumerate(EXPECTED, start=1)
    ]
    parsed = p.decode(p.PushRequest, p.encode(p.PushRequest(items=items)))  # what the server parses
    assert [item.payload for item in parsed.items] == EXPECTED


def test_the_server_row_is_the_payload() -> None:
    own = {"pk", "org_id", "device_id", "received_at"}  # the row key, who sent it, when it arrived
    own |= {"organizer_resolution", "organizer_resolved_at"}  # staff's decision in the organizer inbox
    stored_by_server = {c.name for c in db.reports.columns} - own
    for expected in EXPECTED:
        row = expected.row()
        assert set(row) == stored_by_server
        assert row["outcome"] == expected.outcome.value and type(row["outcome"]) is str
        assert row["report_id"] == expected.report_id and row["answers"] == expected.answers


def test_a_retry_across_the_version_upgrade_is_still_a_duplicate() -> None:
    """The server's idempotency hash of a version-1 report equals the hash of the same report as sent before
    the version was named, so a retry of an item pushed before the upgrade is not taken for a key reuse."""
    item = p.ReportItem(idempotency_key=uuid.uuid4(), seq=1, payload=EXPECTED[0])
    unnamed = EXPECTED[0].model_dump(mode="json", exclude={"schema_version"})
    before = json.dumps(
        {"kind": "report", "payload": unnamed}, sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )
    assert item_hash(item) == hashlib.sha256(before.encode("utf-8")).hexdigest()
    changed = item.model_copy(update={"payload": EXPECTED[0].model_copy(update={"note": "anders"})})
    assert item_hash(changed) != item_hash(item)


@pytest.mark.parametrize(
    "broken",
    [
        '{"report": {"report_id": "abc", "outcome": "vielleicht"}, "local": {"caller_id": "x"}}',  # no such outcome
        '{"report": {"report_id": "abc", "schema_version": 2}, "local": {"caller_id": "x"}}',  # unknown version
        json.dumps(json.loads(GOLDEN.read_text("utf-8").splitlines()[0])),  # version 0: the migration's job
        "[]",
    ],
)
def test_an_unreadable_payload_is_refused_not_guessed(broken: str) -> None:
    with pytest.raises(ValueError):
        StoredReport.model_validate_json(broken)
    with pytest.raises(ValueError):  # the push names it unencodable instead of sending a guess
        push_item(uuid.uuid4().hex, "report", 1, json.loads(broken))
