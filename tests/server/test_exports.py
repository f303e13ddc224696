"""Results back to the membership system (issue 14.4) against a real server: the member number stays at the
central office (never in a pull), and each export format column by column — never a note, a message, a name
or a number."""

from __future__ import annotations

import csv
import json
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from sync.core import protocol as p
from sync.server import cli, db
from sync.server.common import LOCAL_TZ
from tests.content_support import CONTENT
from tests.server.helpers import Env, Org, members

NOTE, MESSAGE = "Notiz: kommt mit Hund", "Bitte Rückruf durch die Orga"


def _org_with_numbers(env: Env, n: int = 6) -> tuple[Org, dict[int, str]]:
    office, today = env.office, date.today()
    org_id = office.commands.add_org(f"KV Nummernhausen {uuid.uuid4().hex[:8]}")
    lead = office.commands.add_person(org_id, "Leitfigur Testhuber")
    records = members(n, start=600)
    numbers = {rec.row: f"MGL-{uuid.uuid4().hex[:6]}-{rec.row}" for rec in records[:-1]}  # the last has none
    assert office.commands.import_members(org_id, records, numbers) == (n, 0)
    resolution = office.commands.add_resolution(
        org_id,
        today - timedelta(days=5),
        "Kreisvorstand",
        ["invitation"],
        [lead],
        valid_until=today + timedelta(days=60),
    )
    office.commands.record_training(lead, today - timedelta(days=2))
    office.commands.record_declaration(lead, today - timedelta(days=2), "v1")
    campaign, _ = office.commands.release_campaign(
        org_id, "Rückmeldung", "invitation", resolution, content=CONTENT
    )
    return Org(env, org_id, lead, resolution, campaign), numbers


def _raw_pull_text(env: Env, device) -> str:  # type: ignore[no-untyped-def]
    texts, cursor = [], None
    with env.http() as http:
        while True:
            params = {"cursor": cursor} if cursor else {}
            body = http.get("/v1/pull", params=params, headers=device.auth()).text
            texts.append(body)
            page = json.loads(body)
            cursor = page["next_cursor"]
            if not page["has_more"]:
                return "".join(texts)


def test_member_numbers_never_leave_and_the_exports_carry_them(server: Env, tmp_path: Path) -> None:
    org, numbers = _org_with_numbers(server)
    device = org.enrol()
    raw = _raw_pull_text(server, device)
    assert '"contacts"' in raw and all(number not in raw for number in numbers.values())

    contacts = org.contacts(device)
    by_phone = {c.phone: c.contact_id for c in contacts}
    cid = [by_phone[rec.phone] for rec in members(6, start=600)]
    voicemail = org.report(device, cid[3], "voicemail")
    items = [
        org.report(device, cid[0], "reached", note=NOTE, organizer_action=True, organizer_message=MESSAGE),
        org.report(device, cid[1], "objection"),
        org.report(device, cid[2], "wrong_number", wrong_numbers=["phone"]),
        voicemail,
        org.report(
            device, cid[3], "reached", corrects=voicemail.payload.report_id
        ),  # the voicemail was a mistake
        org.report(device, cid[5], "busy"),  # the member without a number
    ]
    assert {r.status for r in device.client.push(items).results} == {p.ItemStatus.ACCEPTED}
    after = _raw_pull_text(server, device)
    assert all(number not in after for number in numbers.values())

    def run(fmt: str) -> tuple[str, list[list[str]]]:
        out = tmp_path / f"ergebnisse.{fmt}"
        assert (
            cli.main(
                [
                    "results",
                    "export",
                    "--org",
                    org.org_id,
                    "--out",
                    str(out),
                    "--format",
                    fmt,
                    "--database",
                    server.office.engine.url.render_as_string(hide_password=False),
                ]
            )
            == 0
        )
        text = out.read_text(encoding="utf-8")
        return text, list(csv.reader(text.splitlines(), delimiter=";" if fmt == "mgl" else ","))

    mgl_text, mgl = run("mgl")
    assert mgl[0] == [
        "mitgliedsnummer",
        "ergebnis",
        "ergebnis_code",
        "datum",
        "widerspruch",
        "nummernproblem",
    ]
    today = datetime.now(LOCAL_TZ).date().isoformat()  # the export dates a call in Berlin time
    expected = {
        numbers[2]: ["erreicht", "reached", today, "nein", ""],
        numbers[3]: ["Widerspruch", "objection", today, "ja", ""],
        numbers[4]: ["falsche Nummer", "wrong_number", today, "nein", "falsche Nummer"],
        numbers[5]: ["erreicht", "reached", today, "nein", ""],  # the correction replaced the voicemail
    }
    assert {
        row[0]: row[1:] for row in mgl[1:]
    } == expected  # member 6 (row 7) has no number; 5 was not called

    zetkin_text, zetkin = run("zetkin")
    assert zetkin[0] == ["ext_id", "Telefonaktion", "Telefonaktion Widerspruch", "Telefonaktion Nummer"]
    assert {row[0]: row[1:] for row in zetkin[1:]} == {
        numbers[2]: ["Telefonaktion: erreicht", "", ""],
        numbers[3]: ["Telefonaktion: Widerspruch", "Telefonaktion: nicht mehr anrufen", ""],
        numbers[4]: ["Telefonaktion: falsche Nummer", "", "Telefonaktion: falsche Nummer"],
        numbers[5]: ["Telefonaktion: erreicht", "", ""],
    }
    assert all(len(row[0]) <= 96 for row in zetkin[1:])  # Zetkin's ext_id limit

    csv_text, per_report = run("csv")
    assert per_report[0][:5] == ["contact_id", "campaign_id", "report_id", "outcome", "zetkin_code"]
    assert len(per_report) == 1 + len(items) and {row[0] for row in per_report[1:]} == {
        cid[i] for i in (0, 1, 2, 3, 5)
    }

    personal = [
        NOTE,
        MESSAGE,
        *(rec.phone for rec in members(6, start=600)),
        *(rec.last_name for rec in members(6)),
    ]
    for text in (mgl_text, zetkin_text, csv_text):
        assert not [x for x in personal if x in text]
    assert all(number not in csv_text for number in numbers.values())  # per-report rows stay pseudonymous

    al = db.audit_log
    with server.office.engine.connect() as conn:
        exports = [
            r.ref_ids
            for r in conn.execute(
                select(al.c.ref_ids).where(al.c.action == "results.export", al.c.org_id == org.org_id)
            )
        ]
    assert exports == [[org.org_id, "mgl"], [org.org_id, "zetkin"], [org.org_id, "csv"]]


def test_members_import_keeps_the_member_number_from_the_file(server: Env, tmp_path: Path) -> None:
    org_id = server.office.commands.add_org(f"KV Dateihausen {uuid.uuid4().hex[:8]}")
    file = tmp_path / "mitglieder.csv"
    file.write_text(
        "Mitglieds-Nr.;Vorname;Nachname;Telefon;Kategorie\n"
        "004711;Alwine;Quastenberg;+49 30 23125701;Mitglied\n"
        ";Bertold;Rumpelmeier;+49 30 23125702;Mitglied\n",
        encoding="utf-8",
    )
    url = server.office.engine.url.render_as_string(hide_password=False)
    assert cli.main(["members", "import", "--org", org_id, "--file", str(file), "--database", url]) == 0
    m = db.members
    with server.office.engine.connect() as conn:
        stored = dict(conn.execute(select(m.c.phone, m.c.member_number).where(m.c.org_id == org_id)).all())
    assert stored == {"+493023125701": "004711", "+493023125702": None}  # leading zeros kept
