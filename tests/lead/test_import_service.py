"""Import: minimised, pseudonymous, category-guarded, all or nothing, hostile files refused with nothing changed."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest

from desktop.services import lead_import
from desktop.services.lead import LeadError
from desktop.storage import audit, contact_store, outbox_store
from sync.core import memberfile
from tests.lead.lead_support import NOW, csv_bytes, make_campaign, member_csv, person_row


def snapshot(ws):  # type: ignore[no-untyped-def]
    return (
        list(ws.conn.execute("SELECT * FROM contacts ORDER BY id")),
        len(audit.entries(ws.conn)),
        outbox_store.outbox_rows(ws.conn),
    )


def test_import_keeps_only_allowed_fields_under_new_random_ids(ws, tmp_path) -> None:  # type: ignore[no-untyped-def]
    c = make_campaign(ws, purpose="keep-in-touch")
    plan = lead_import.plan_import(ws, c.id, member_csv(tmp_path / "m.csv", 20))
    assert set(plan.dropped_columns) >= {
        "Mitgliedsnummer",
        "Nachname",
        "Straße",
        "E-Mail",
        "Geburtsdatum",
        "IBAN",
    }
    report = lead_import.import_members(ws, c.id, tmp_path / "m.csv", now=NOW)
    assert report.done.imported == 20
    rows = list(ws.conn.execute("SELECT id, first_name, last_name, phone, category FROM contacts"))
    assert all(r[2] == "" for r in rows)  # last name is not in the keep-in-touch purpose
    assert all(r[3].startswith("+49") for r in rows)
    ids = [r[0] for r in rows]
    assert len(set(ids)) == 20 and all(len(i) == 32 for i in ids)
    assert not any("80000" in i or "M-" in i for i in ids)  # not derived from the membership number (DP-5)
    entry = audit.entries(ws.conn)[-1]
    assert (entry.kind, entry.subject) == ("import", f"{c.id}:20")


def test_a_second_import_skips_numbers_already_listed(ws, tmp_path) -> None:  # type: ignore[no-untyped-def]
    c = make_campaign(ws)
    lead_import.import_members(ws, c.id, member_csv(tmp_path / "a.csv", 5), now=NOW)
    report = lead_import.import_members(ws, c.id, member_csv(tmp_path / "b.csv", 8), now=NOW)
    assert (report.done.imported, report.done.already_listed, report.done.total_contacts) == (3, 5, 8)
    positions = [r[0] for r in ws.conn.execute("SELECT position FROM contacts ORDER BY position")]
    assert positions == list(range(8))


def test_a_number_two_checked_people_share_is_listed_once(ws, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A file where a duplicate row carries one person's number and another person's: merged into the first
    person, whose second number is now the other person's number. The import lists that number once (the
    other person counts as already listed), also when no number was listed before and there is no register."""
    c = make_campaign(ws)
    a, b = "030 23125 101", "030 23125 102"
    rows = [person_row(1, phone=a), person_row(2, phone=b), person_row(3, phone=a)]
    rows[2][7] = b  # the duplicate of person 1 names person 2's number as its second number
    (tmp_path / "m.csv").write_bytes(csv_bytes(rows))
    report = lead_import.import_members(ws, c.id, tmp_path / "m.csv", now=NOW)
    assert report.result.imported == 2 and report.result.records[0].phone2 == "+493023125102"
    assert (report.done.imported, report.done.already_listed, report.done.total_contacts) == (1, 1, 1)
    numbers = [n for row in ws.conn.execute("SELECT phone, phone2 FROM contacts") for n in row if n]
    assert sorted(numbers) == ["+493023125101", "+493023125102"]


def test_category_guard_refuses_other_categories(ws, tmp_path) -> None:  # type: ignore[no-untyped-def]
    c = make_campaign(ws)  # members only
    rows = [person_row(0), person_row(1, status="ehemaliges Mitglied"), person_row(2, status="Interessent")]
    (tmp_path / "m.csv").write_bytes(csv_bytes(rows))
    report = lead_import.import_members(ws, c.id, tmp_path / "m.csv", now=NOW)
    assert report.done.imported == 1
    assert {r.code.value for r in report.result.refused_rows} == {"category_not_allowed"}
    doc = report.to_json()
    for key in ("imported", "dropped_columns", "invalid_rows", "duplicates", "refused_rows"):
        assert key in doc


def test_failure_mid_way_leaves_the_workspace_untouched(ws, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    c = make_campaign(ws)
    lead_import.import_members(ws, c.id, member_csv(tmp_path / "first.csv", 3), now=NOW)
    before = snapshot(ws)
    monkeypatch.setattr(lead_import, "INSERT_CHUNK", 100)
    result = lead_import.check_import(ws, c.id, member_csv(tmp_path / "m.csv", 1000))
    calls = []

    def boom(done: int, total: int) -> None:
        calls.append(done)
        if done >= 500:
            raise OSError("disk full (injected)")

    with pytest.raises(OSError, match="injected"):
        lead_import.commit_import(ws, c.id, result, progress=boom, now=NOW)
    assert calls[-1] == 503  # 500 inserted (+3 already listed) when it failed
    assert snapshot(ws) == before
    assert not ws.conn.in_transaction


def test_failure_in_the_insert_itself_rolls_back(ws, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    c = make_campaign(ws)
    before = snapshot(ws)
    original = contact_store.insert_contact_rows
    state = {"n": 0}
    indexes = sorted(r[0] for r in ws.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'"))

    def flaky(conn, fields, rows):  # type: ignore[no-untyped-def]
        state["n"] += 1
        if state["n"] == 3:
            raise RuntimeError("insert failed (injected)")
        return original(conn, fields, rows)

    monkeypatch.setattr(lead_import, "INSERT_CHUNK", 10)
    monkeypatch.setattr(lead_import, "BULK_ROWS", 20)  # the bulk path: its own connection
    monkeypatch.setattr(contact_store, "insert_contact_rows", flaky)
    with pytest.raises(RuntimeError):
        lead_import.import_members(ws, c.id, member_csv(tmp_path / "m.csv", 50), now=NOW)
    assert snapshot(ws) == before
    # The indexes are all there after the rollback.
    assert (
        sorted(r[0] for r in ws.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'"))
        == indexes
    )


@pytest.mark.parametrize("bulk_rows", [1000, 20])  # the app's connection, the bulk connection
def test_cancel_rolls_back(ws, tmp_path, monkeypatch, bulk_rows) -> None:  # type: ignore[no-untyped-def]
    c = make_campaign(ws)
    before = snapshot(ws)
    monkeypatch.setattr(lead_import, "INSERT_CHUNK", 10)
    monkeypatch.setattr(lead_import, "BULK_ROWS", bulk_rows)
    result = lead_import.check_import(ws, c.id, member_csv(tmp_path / "m.csv", 50))
    ticks = iter([False, False, True])
    with pytest.raises(memberfile.ImportCancelled):
        lead_import.commit_import(ws, c.id, result, cancelled=lambda: next(ticks, True))
    assert snapshot(ws) == before


def _xlsx_with_formula() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Vorname", "Nachname", "Telefon", "Status"])
    ws.append(["Quirin", "Zwirbelmoos", "030 23125 111", "Mitglied"])
    ws.append(["Bert", "Knorrenbach", '=HYPERLINK("http://x","030 23125 112")', "Mitglied"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


HOSTILE = {
    "empty.csv": b"",
    "binary.csv": bytes(range(256)) * 8,
    "zip-renamed.csv": b"PK\x03\x04" + b"\x00" * 200,
    "latin1-garbage.csv": b"\xff\xfe\x00\xd8" * 50 + b"\x00\x00\x81\x8d",
    "header-only.csv": b"Vorname;Nachname;Telefon;Status\r\n",
    "no-phone.csv": b"Vorname;Nachname;Status\r\nA;B;Mitglied\r\n",
    "not-really.xlsx": b"Vorname;Telefon\r\nA;030 23125 001\r\n",
    "old.xls": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500,
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_files_are_refused_with_nothing_changed(ws, tmp_path, name) -> None:  # type: ignore[no-untyped-def]
    c = make_campaign(ws)
    before = snapshot(ws)
    path = tmp_path / name
    path.write_bytes(HOSTILE[name])
    with pytest.raises(memberfile.MemberFileError) as err:
        lead_import.import_members(ws, c.id, path, now=NOW)
    assert err.value.message  # a clear sentence for the view / CLI
    assert snapshot(ws) == before


def test_ragged_rows_and_formulas_are_row_problems_not_crashes(ws, tmp_path) -> None:  # type: ignore[no-untyped-def]
    c = make_campaign(ws)
    ragged = (
        b"Vorname;Nachname;Telefon;Status\r\nA;B;030 23125 001;Mitglied\r\nC;D\r\n"
        b"E;F;030 23125 003;Mitglied;x;y;z\r\n"
    )
    (tmp_path / "r.csv").write_bytes(ragged)
    r = lead_import.import_members(ws, c.id, tmp_path / "r.csv", now=NOW)
    assert r.done.imported == 1 and len(r.result.refused_rows) == 2
    (tmp_path / "f.xlsx").write_bytes(_xlsx_with_formula())
    r2 = lead_import.import_members(ws, c.id, tmp_path / "f.xlsx", now=NOW)
    assert r2.done.imported == 1
    stored = [row[0] for row in ws.conn.execute("SELECT phone FROM contacts")]
    assert not any(p.startswith("=") for p in stored)


def test_import_into_an_ended_campaign_is_refused(ws, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from desktop.services.lead_end import end_campaign

    c = make_campaign(ws)
    lead_import.import_members(ws, c.id, member_csv(tmp_path / "m.csv", 2), now=NOW)
    end_campaign(ws, c.id, now=NOW)
    with pytest.raises(LeadError, match="campaign_ended"):
        lead_import.import_members(ws, c.id, tmp_path / "m.csv", now=NOW)


def test_zip_bomb_like_xlsx_is_refused(ws, tmp_path) -> None:  # type: ignore[no-untyped-def]
    c = make_campaign(ws)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/worksheets/sheet1.xml", "<" * (300 * 1024 * 1024 // 1000))
    (tmp_path / "bomb.xlsx").write_bytes(buf.getvalue())
    before = snapshot(ws)
    with pytest.raises(memberfile.MemberFileError):
        lead_import.import_members(ws, c.id, tmp_path / "bomb.xlsx", now=NOW)
    assert snapshot(ws) == before


def test_no_local_import_into_a_campaign_of_the_central_office(ws, tmp_path) -> None:  # type: ignore[no-untyped-def]
    c = make_campaign(ws, origin="central")
    with pytest.raises(LeadError, match="campaign_from_central_office"):
        lead_import.import_members(ws, c.id, member_csv(tmp_path / "m.csv", 2), now=NOW)


def test_a_bulk_import_leaves_every_index_intact(ws, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    c = make_campaign(ws)
    indexes = sorted(r[0] for r in ws.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'"))
    monkeypatch.setattr(lead_import, "BULK_ROWS", 20)
    lead_import.import_members(ws, c.id, member_csv(tmp_path / "m.csv", 50), now=NOW)
    assert (
        sorted(r[0] for r in ws.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'"))
        == indexes
    )
    assert ws.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_no_member_data_without_a_clearance_not_even_for_a_lead(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """DP-11 for leads (#15.6): a workspace prepared offline takes script and rules, members only once cleared."""
    from desktop.paths import WorkspacePaths
    from desktop.services.lead import LeadError
    from tests.lead.lead_support import clear_workspace, make_campaign, make_lead_workspace

    ws = make_lead_workspace(WorkspacePaths(tmp_path / "offline"), cleared=False)
    c = make_campaign(ws)  # preparing works offline
    path = member_csv(tmp_path / "m.csv", 5)
    for step in (
        lambda: lead_import.plan_import(ws, c.id, path),
        lambda: lead_import.check_import(ws, c.id, path),
        lambda: lead_import.import_members(ws, c.id, path, now=NOW),
    ):
        with pytest.raises(LeadError) as refused:
            step()
        assert refused.value.code == "no_clearance"
    assert contact_store.status_counts(ws.conn, c.id) == {}
    clear_workspace(ws)
    assert lead_import.import_members(ws, c.id, path, now=NOW).done.imported == 5
    ws.close()


def test_the_bulk_path_stores_the_same_list_as_the_small_one(ws, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A large list (bulk connection, chunks) ends up as the same call list in the file's order as a small one:
    same people, same positions, fresh random ids whose order is not the file's."""
    path = member_csv(tmp_path / "m.csv", 60)
    small, large = make_campaign(ws), make_campaign(ws)
    lead_import.import_members(ws, small.id, path, now=NOW)
    monkeypatch.setattr(lead_import, "BULK_ROWS", 20)
    monkeypatch.setattr(lead_import, "INSERT_CHUNK", 7)
    lead_import.import_members(ws, large.id, path, now=NOW)

    def listed(campaign_id: str) -> list[tuple[object, ...]]:
        return list(
            ws.conn.execute(
                "SELECT position, first_name, last_name, locality, district, postcode, phone, phone2, category, "
                "status, attempts FROM contacts WHERE campaign_id = ? ORDER BY position",
                (campaign_id,),
            )
        )

    assert listed(large.id) == listed(small.id)
    assert [r[0] for r in listed(large.id)] == list(range(60))
    ids = [
        r[0]
        for r in ws.conn.execute(
            "SELECT id FROM contacts WHERE campaign_id = ? ORDER BY position", (large.id,)
        )
    ]
    assert ids != sorted(ids)  # the random ids say nothing about the file's order
    assert not set(ids) & {
        r[0] for r in ws.conn.execute("SELECT id FROM contacts WHERE campaign_id = ?", (small.id,))
    }
