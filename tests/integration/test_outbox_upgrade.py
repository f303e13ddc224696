"""Reports an older app left in its outbox still reach a real central-office process exactly once (issue 12.1).

An older app stored the PC's own report record in the outbox (version 0, tests/golden/outbox_reports_v0.jsonl)
and converted it on every push. The app now stores the versioned wire shape, and desktop migration 0011 converts
what an older app left behind. Here a PC holds the golden payloads (aimed at the live campaign: its ids, and
today's date instead of the golden day, so that the server takes them as the campaign's); the older app had
pushed the first two, but the answer never arrived. After the upgrade the `telefonaktion sync` command sends
all five: the server stores each report once, the two it had already are duplicates, nothing is refused.
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from desktop.domain.models import CallReport
from desktop.services.enrolment import Enrolment
from desktop.storage import migrate, outbox_store, report_store
from desktop.storage.outbox_store import StoredReport
from sync.client.transport import SyncClient
from sync.core import protocol as p
from sync.core.rules import Outcome
from sync.server import db
from tests.conftest import ROOT
from tests.integration.conftest import Office, cleared_pc, cli, open_ws

GOLDEN = ROOT / "tests" / "golden" / "outbox_reports_v0.jsonl"
GOLDEN_CAMPAIGN = "c0ffee00c0ffee00c0ffee00c0ffee00"
GOLDEN_CALLER = "ca11e4ca11e4ca11e4ca11e4ca11e4ca"
CONVERSION = next(m.version for m in migrate.available() if m.name.endswith("_outbox_report_shape.sql"))
# What each migration after the conversion added, taken away again (they run again on the upgrade).
UNDO_AFTER_CONVERSION = {
    12: "DROP INDEX contacts_leased_callbacks; DROP INDEX contacts_leased_fresh; DROP INDEX contacts_leased_retry; "
    "ALTER TABLE contacts DROP COLUMN leased_until;",
    13: "DROP TRIGGER outbox_pending_insert; DROP TRIGGER outbox_pending_update; DROP TRIGGER outbox_pending_delete; "
    "DROP TABLE outbox_pending_counts;",
}


def as_the_older_app_sent_it(stored: dict[str, object]) -> p.ReportPayload:
    """The push payload an older app made of a version-0 outbox payload (its conversion on push)."""
    data = {k: v for k, v in stored.items() if k not in ("id", "caller_id")}
    return p.ReportPayload.model_validate(
        {**data, "report_id": stored["id"], "zetkin": Outcome(str(stored["outcome"])).zetkin_code}
    )


def golden_aimed_at(office: Office, caller_id: str) -> list[dict[str, object]]:
    with office.office.engine.connect() as conn:
        contacts = [
            r[0]
            for r in conn.execute(
                select(db.campaign_contacts.c.id)
                .where(db.campaign_contacts.c.campaign_id == office.campaign)
                .order_by(db.campaign_contacts.c.id)
            )
        ]
    text = GOLDEN.read_text("utf-8")
    golden_contacts = sorted({json.loads(line)["contact_id"] for line in text.splitlines()})
    today = datetime.now(UTC).date()
    for old, new in [
        (GOLDEN_CAMPAIGN, office.campaign),
        (GOLDEN_CALLER, caller_id),
        ("2026-11-10T", f"{today.isoformat()}T"),
        ("2026-11-12T", f"{(today + timedelta(days=2)).isoformat()}T"),
        *zip(golden_contacts, contacts, strict=False),
    ]:
        text = text.replace(old, new)
    return [json.loads(line) for line in text.splitlines()]


def test_an_older_apps_outbox_is_delivered_exactly_once_after_the_upgrade(
    office: Office, tmp_path: Path
) -> None:
    data = cleared_pc(office, tmp_path)
    ws = open_ws(data)
    caller = ws.person.id
    payloads = golden_aimed_at(office, caller)
    ids = [str(x["id"]) for x in payloads]
    # What the older app wrote for each call: the report record and the outbox payload, in one transaction.
    with ws.transaction() as conn:
        for stored in payloads:
            record = CallReport.model_validate(stored)
            report_store.insert_report(conn, record)
            outbox_store.enqueue(
                conn, item_id=record.id, kind="report", payload=stored, created_at=record.created_at
            )
    device_seqs = {
        key: seq for key, _kind, seq, _body in outbox_store.pending_for_push(ws.conn, 100) if key in ids
    }
    # The older app pushed the first two; the central office stored them, the answer was lost.
    enrolment = Enrolment.load(ws.conn)
    assert enrolment is not None
    sent_before = [
        p.ReportItem(
            idempotency_key=uuid.UUID(rid), seq=device_seqs[rid], payload=as_the_older_app_sent_it(x)
        )
        for rid, x in zip(ids[:2], payloads[:2], strict=True)
    ]
    with SyncClient(enrolment.server_url, enrolment.device_id, enrolment.device_secret) as client:
        answer = client.push(sent_before)
    assert [r.status for r in answer.results] == [p.ItemStatus.ACCEPTED] * 2
    assert sorted(office.stored_reports()) == sorted(ids[:2])
    # The older app's schema: the conversion has not run on this workspace yet, nor anything after it.
    assert sorted(UNDO_AFTER_CONVERSION) == list(range(CONVERSION + 1, migrate.LATEST + 1)), (
        "a newer migration: say here how to undo it, so that this workspace is the older app's again"
    )
    for version in sorted(UNDO_AFTER_CONVERSION, reverse=True):
        ws.conn.executescript(UNDO_AFTER_CONVERSION[version])
    ws.conn.execute(f"PRAGMA user_version = {CONVERSION - 1}")
    ws.close()

    ws = open_ws(data)  # the upgraded app opens it: the migration converts the outbox
    assert migrate.current_version(ws.conn) == migrate.LATEST
    converted = {
        key: StoredReport.model_validate_json(body).report
        for key, _kind, _seq, body in outbox_store.pending_for_push(ws.conn, 100)
        if key in ids
    }
    assert converted == {rid: as_the_older_app_sent_it(x) for rid, x in zip(ids, payloads, strict=True)}
    ws.close()

    out = cli(data, "sync")
    assert out.returncode == 0, out.stderr
    stored = office.stored_reports()
    assert sorted(stored) == sorted(ids)  # every report once: the two sent before are not stored again
    with office.office.engine.connect() as conn:
        rows = {
            r.report_id: r for r in conn.execute(select(db.reports).where(db.reports.c.report_id.in_(ids)))
        }
    for rid, x in zip(ids, payloads, strict=True):
        expected = as_the_older_app_sent_it(x).row()
        assert {
            k: getattr(rows[rid], k) for k in ("outcome", "zetkin", "note", "organizer_message", "answers")
        } == {k: expected[k] for k in ("outcome", "zetkin", "note", "organizer_message", "answers")}
    ws = open_ws(data)
    states = {item_id: state for _seq, item_id, _kind, state in outbox_store.outbox_rows(ws.conn)}
    assert [states[rid] for rid in ids] == ["sent"] * 5  # the duplicates count as delivered, nothing refused
    assert outbox_store.pending_count(ws.conn) == 0
    ws.close()
