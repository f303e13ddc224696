"""Ending and expiry (DP-15: the bytes are gone, unsynced outcomes are kept), results export and Art. 30 record."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

import pytest

from desktop.services import lead_end, lead_export, lead_record
from desktop.services.lead import LeadError, Resolution, update_campaign
from desktop.services.lead_import import import_members
from desktop.storage import audit, campaign_store, contact_store, outbox_store, report_store
from sync.core.rules import Outcome
from tests.lead.lead_support import (
    FIRST,
    LAST,
    NOW,
    call,
    make_campaign,
    member_csv,
    plaintext_hits,
    seed_contacts,
)


@pytest.fixture
def listed(ws, tmp_path):  # type: ignore[no-untyped-def]
    c = make_campaign(
        ws, origin="central"
    )  # its reports wait in the outbox until the central office has them
    seed_contacts(ws, c.id, 40)
    return c


def names_and_numbers(ws, campaign_id):  # type: ignore[no-untyped-def]
    rows = list(
        ws.conn.execute(
            "SELECT first_name, last_name, phone FROM contacts WHERE campaign_id = ?", (campaign_id,)
        )
    )
    return [v for r in rows for v in r]


def mark_synced(ws, report_ids):  # type: ignore[no-untyped-def]
    with ws.transaction() as conn:
        conn.executemany("UPDATE outbox SET state = 'sent' WHERE item_id = ?", [(r,) for r in report_ids])


def test_end_refuses_while_reports_are_unsynced_and_keeps_them_when_the_lead_decides(ws, listed) -> None:  # type: ignore[no-untyped-def]
    r1 = call(ws, listed.id, Outcome.REACHED)
    r2 = call(ws, listed.id, Outcome.OBJECTION)
    preview = lead_end.end_preview(ws, listed.id)
    assert [u.report_id for u in preview.unsynced] == [r1.id, r2.id]
    assert preview.unsynced[0].caller_label == "Vera L." and preview.contacts == 40
    with pytest.raises(lead_end.UnsyncedReports) as err:
        lead_end.end_campaign(ws, listed.id, now=NOW)
    assert err.value.count == 2
    assert contact_store.contact_count(ws.conn, listed.id) == 40  # refused: nothing happened
    ended = lead_end.end_campaign(ws, listed.id, accept_unsynced=True, now=NOW)
    assert (ended.wiped_contacts, ended.kept_unsynced) == (40, 2)
    assert contact_store.contact_count(ws.conn, listed.id) == 0
    assert [r.id for r in report_store.all_reports(ws.conn)] == [
        r1.id,
        r2.id,
    ]  # outcomes survive (DP-15, DP-17)
    assert [row[3] for row in outbox_store.outbox_rows(ws.conn) if row[2] == "report"] == [
        "pending",
        "pending",
    ]
    kinds = [(e.kind, e.subject) for e in audit.entries(ws.conn)][-2:]
    assert kinds == [("wipe", f"{listed.id}:40"), ("campaign_ended", listed.id)]
    assert campaign_store.campaign_row(ws.conn, listed.id)[0] == "ended"
    with pytest.raises(LeadError, match="campaign_ended"):
        lead_end.end_campaign(ws, listed.id, now=NOW)


def test_wipe_removes_the_bytes_from_the_database_and_the_wal(ws, listed) -> None:  # type: ignore[no-untyped-def]
    report = call(
        ws,
        listed.id,
        Outcome.REACHED,
        organizer_action=True,
        organizer_message="Rückruf wegen Zwirbelmoos-Spende",
    )
    mark_synced(ws, [report.id])
    (ws.paths.backups).mkdir(exist_ok=True)
    (ws.paths.backups / "pre-migration-v2.db").write_bytes(ws.paths.database.read_bytes())
    needles = [v for v in names_and_numbers(ws, listed.id) if v] + ["Zwirbelmoos-Spende"]
    ws.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    # the check can see plaintext: before the wipe every name is found in the decrypted pages
    assert plaintext_hits(ws.paths.database, ws._key, needles) == set(needles)
    ended = lead_end.end_campaign(ws, listed.id, now=NOW)
    assert ended.backups_removed == 1 and not list(ws.paths.backups.glob("*.db"))
    wal = ws.paths.database.with_name(ws.paths.database.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    assert plaintext_hits(ws.paths.database, ws._key, needles) == set()
    for path in ws.paths.root.rglob("*"):  # and no plaintext anywhere in the workspace folder
        if path.is_file():
            data = path.read_bytes()
            assert not any(n.encode() in data for n in needles), path.name
    body = report_store.all_reports(ws.conn)[0]
    assert body.organizer_action and body.organizer_message == ""  # purged after sync (DP-6)


def test_expiry_wipes_after_end_date_plus_grace_also_offline_and_keeps_unsynced(ws, listed, tmp_path) -> None:  # type: ignore[no-untyped-def]
    r = call(ws, listed.id, Outcome.VOICEMAIL)
    other = make_campaign(ws, title="Noch aktiv", ends_on=date(2026, 12, 31), questions=False)
    import_members(ws, other.id, member_csv(tmp_path / "o.csv", 5), now=NOW)
    # ends 30.11., grace 3 days: still there on 3.12., gone on 4.12.
    assert lead_end.expire_campaigns(ws, datetime.fromisoformat("2026-12-03T22:00:00+00:00")) == []
    done = lead_end.expire_campaigns(ws, datetime.fromisoformat("2026-12-04T09:00:00+00:00"))
    assert [(d.campaign_id, d.reason, d.wiped_contacts, d.kept_unsynced) for d in done] == [
        (listed.id, "expired", 40, 1)
    ]
    assert contact_store.contact_count(ws.conn, other.id) == 5
    assert [x.id for x in report_store.all_reports(ws.conn)] == [r.id]
    assert lead_end.expire_campaigns(ws, datetime.fromisoformat("2026-12-05T09:00:00+00:00")) == []


def test_grace_days_are_the_leads_choice(ws, tmp_path) -> None:  # type: ignore[no-untyped-def]
    listed = make_campaign(ws)
    import_members(ws, listed.id, member_csv(tmp_path / "m.csv", 3), now=NOW)
    update_campaign(ws, listed, grace_days=0)
    assert lead_end.expire_campaigns(ws, datetime.fromisoformat("2026-12-01T09:00:00+00:00"))


def test_export_has_ids_outcomes_answers_and_no_contact_data(ws, listed, tmp_path) -> None:  # type: ignore[no-untyped-def]
    call(
        ws,
        listed.id,
        Outcome.REACHED,
        answers={"comes": True, "helps": ("Aufbau", "Abbau"), "wish": "=1+1"},
        organizer_action=True,
        organizer_message="Bitte Anruf von Zwirbelmoos",
    )
    call(ws, listed.id, Outcome.WRONG_NUMBER, wrong_numbers=("phone",))
    call(ws, listed.id, Outcome.CALL_BACK, callback_after=datetime.fromisoformat("2026-11-12T16:00:00+00:00"))
    needles = [v for v in names_and_numbers(ws, listed.id) if v]
    needles += [n[1:] for n in needles if n.startswith("+49")]  # national digits too
    out = lead_export.export_results(ws, listed.id, tmp_path / "r.csv", now=NOW)
    text = (tmp_path / "r.csv").read_text("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert out.rows == 3 and len(rows) == 3
    assert rows[0]["outcome"] == "reached" and rows[0]["zetkin_code"] == "1"
    assert (
        rows[0]["q:comes"] == "yes" and rows[0]["q:helps"] == "Aufbau|Abbau" and rows[0]["q:wish"] == "'=1+1"
    )
    assert rows[0]["organizer_action"] == "1"
    assert rows[1]["wrong_numbers"] == "phone" and rows[1]["zetkin_code"] == "21"
    assert rows[2]["callback_after"] == "2026-11-12T16:00:00Z"
    assert not [n for n in needles if n in text]
    assert "Zwirbelmoos" not in text and "Bitte Anruf" not in text
    assert not any(f in text for f in FIRST) and not any(last in text for last in LAST)
    contact_ids = {r[0] for r in ws.conn.execute("SELECT id FROM contacts")}
    assert {r["contact_id"] for r in rows} <= contact_ids
    assert (audit.entries(ws.conn)[-1].kind, audit.entries(ws.conn)[-1].subject) == (
        "export",
        f"{listed.id}:3",
    )


def test_export_uses_the_correction_instead_of_the_corrected_report(ws, listed, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from desktop.domain.models import CallReport
    from desktop.services.calling import CallingService

    first = call(ws, listed.id, Outcome.NO_PICKUP)
    fix = CallReport(
        campaign_id=listed.id,
        contact_id=first.contact_id,
        caller_id=ws.person.id,
        outcome=Outcome.VOICEMAIL,
        created_at=NOW,
        corrects=first.id,
    )
    CallingService(ws, clock=lambda: NOW).record(fix)
    text, rows, _ = lead_export.results_csv(ws, listed.id)
    assert rows == 1 and fix.id in text and first.id not in text


def test_record_of_processing_names_purpose_fields_recipients_deadlines_and_safeguards(ws, tmp_path) -> None:  # type: ignore[no-untyped-def]
    listed = make_campaign(ws)
    import_members(ws, listed.id, member_csv(tmp_path / "m.csv", 3), now=NOW)
    update_campaign(
        ws,
        listed,
        resolution=Resolution("KV-2026/17", "Kreisvorstand", date(2026, 10, 20), ("Vera L.", "Jo K.")),
    )
    doc = lead_record.record_html(ws, listed.id, now=NOW)
    for expected in (
        "Art. 30",
        "Einladung / Wahlkampf",
        "Mitglieder",
        "Vorname",
        "Telefonnummer",
        "Bundesgeschäftsstelle",
        "03.12.2026",
        "SQLCipher",
        "Argon2id",
        "Hash-Kette",
        "Kreisvorstand",
        "KV-2026/17",
        "20.10.2026",
        "Vera L., Jo K.",
        "Kommst du?",
    ):
        assert expected in doc, expected
    assert not any(v in doc for v in names_and_numbers(ws, listed.id) if v)
    assert "<script" not in doc


def test_record_escapes_what_the_lead_typed(ws) -> None:  # type: ignore[no-untyped-def]
    c = make_campaign(ws, title="<b>Fest</b> & Co")
    doc = lead_record.record_html(ws, c.id, now=NOW)
    assert "&lt;b&gt;Fest&lt;/b&gt; &amp; Co" in doc and "<b>Fest</b>" not in doc
    assert "Noch nicht eingetragen" in doc
