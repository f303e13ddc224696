"""The report's one versioned shape (sync.core.protocol.ReportPayload) from the PC's outbox to the server row.

`tests/golden/outbox_reports_v0.jsonl` holds outbox payloads exactly as the desktop wrote them before the shape
was versioned (version 0: the PC's own report record). They must still be delivered: read by the one reader,
pushed, parsed by the server, stored as the same row.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import UTC, datetime

import pytest

from sync.core import protocol as p
from sync.core.rules import Outcome
from sync.server import db
from sync.server.device_sync import item_hash
from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "golden" / "outbox_reports_v0.jsonl"
CAMPAIGN = "c0ffee00c0ffee00c0ffee00c0ffee00"


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


def test_pre_version_outbox_payloads_are_read_as_the_versioned_report() -> None:
    for stored, expected in zip(golden(), EXPECTED, strict=True):
        report = p.ReportPayload.from_outbox(stored)
        assert report == expected
        assert report.schema_version == p.REPORT_SCHEMA_VERSION
        assert "caller_id" not in report.model_dump()  # the caller's local id never leaves the PC
        assert p.ReportPayload.from_outbox(json.loads(stored)) == expected  # a parsed body reads the same


def test_the_versioned_shape_reads_back_and_travels_unchanged() -> None:
    for expected in EXPECTED:
        assert p.ReportPayload.from_outbox(expected.model_dump_json()) == expected
    items = [
        p.ReportItem(idempotency_key=uuid.uuid4(), seq=n, payload=r) for n, r in enumerate(EXPECTED, start=1)
    ]
    parsed = p.decode(p.PushRequest, p.encode(p.PushRequest(items=items)))  # what the server parses
    assert [item.payload for item in parsed.items] == EXPECTED


def test_the_server_row_is_the_payload() -> None:
    own = {"pk", "org_id", "device_id", "received_at"}  # the row key, who sent it, when it arrived
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
        '{"id": "abc", "outcome": "vielleicht"}',  # an outcome that does not exist
        '{"report_id": "abc", "schema_version": 2}',  # a version this app does not know
        "[]",
    ],
)
def test_an_unreadable_payload_is_refused_not_guessed(broken: str) -> None:
    with pytest.raises(ValueError):
        p.ReportPayload.from_outbox(broken)
