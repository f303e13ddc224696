"""The desktop app against a real central-office server process on a loopback port (issues 4 and 5).

Enrol and sync by the `telefonaktion` command line, reports saved by the real calling service, the
clearance checked offline, revocation, a killed client, a server that asks for a resync.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from desktop.domain.models import CallReport
from desktop.services import sync_engine
from desktop.services.calling import CallingService, Card, NotCleared
from desktop.storage import contact_store, outbox_store
from sync.core.rules import Outcome
from sync.server import db
from tests.conftest import ROOT, files_containing
from tests.content_support import CONTENT
from tests.integration.conftest import PASS, Office, cleared_pc, cli, open_ws, status
from tests.server.helpers import members

PUSH_SENDING = re.compile(r"^push (\S+): sending \d+ items$")
PUSH_ANSWERED = re.compile(r"^push (\S+): answered$")


def test_the_letters_process_end_to_end(office: Office, tmp_path: Path) -> None:
    data = tmp_path / "pc"
    out = cli(data, "enrol", "--server", office.url, "--code", office.code(), "--name", "Erika B.")
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1]  # the device id

    # No declaration on record yet: no clearance, and the reason says what is missing.
    assert cli(data, "sync").returncode == 0
    st = status(data)
    assert st["org"] == "KV Fiktivhausen"
    assert st["campaigns"][0]["contacts"] == 0  # no member data on the PC before the clearance (DP-11)
    assert st["clearance"]["valid"] is False
    assert st["clearance"]["reason"] == "no_declaration"
    ws = open_ws(data)
    card = CallingService(ws).next_card(office.campaign)
    assert (
        isinstance(card, NotCleared) and "no_declaration" in card.gate.missing
    )  # no numbers reach the screen
    ws.close()

    # Declaration recorded → sync → valid.
    office.office.commands.record_declaration(office.lead, office.office.today(), text_version="2026-1")
    assert cli(data, "sync").returncode == 0
    st = status(data)
    assert st["clearance"]["valid"] is True and st["clearance"]["expires_at"]
    assert st["campaigns"][0]["contacts"] == 40 and st["campaigns"][0]["open"] == 40
    ws = open_ws(data)
    card = CallingService(ws).next_card(office.campaign)
    assert isinstance(card, Card) and card.contact.phone.startswith("+4930")
    ws.close()

    # Revoked → sync → not valid, numbers gone at once.
    office.office.commands.revoke_clearance(office.lead)
    assert cli(data, "sync").returncode == 0
    st = status(data)
    assert st["clearance"]["valid"] is False and st["clearance"]["reason"] in ("revoked",)
    ws = open_ws(data)
    assert isinstance(CallingService(ws).next_card(office.campaign), NotCleared)
    ws.close()


def test_reports_reach_the_central_office_exactly_once(office: Office, tmp_path: Path) -> None:
    data = cleared_pc(office, tmp_path)
    ws = open_ws(data)
    service = CallingService(ws)
    ids = []
    for i in range(25):
        card = service.next_card(office.campaign)
        assert isinstance(card, Card)
        outcome = (Outcome.REACHED, Outcome.BUSY, Outcome.OBJECTION, Outcome.VOICEMAIL, Outcome.WRONG_NUMBER)[
            i % 5
        ]
        report = CallReport(
            campaign_id=office.campaign,
            contact_id=card.contact.id,
            caller_id=ws.person.id,
            outcome=outcome,
            created_at=service.clock(),
        )
        service.record(report)
        ids.append(report.id)
    assert outbox_store.pending_count(ws.conn) == 25
    ws.close()
    for _ in range(3):  # repeated syncs send nothing twice
        out = cli(data, "sync")
        assert out.returncode == 0, out.stderr
    assert sorted(office.stored_reports()) == sorted(ids)
    assert status(data)["pending_uploads"] == 0
    # The server decides a contact's status, and objection wins: the objections come back to the PC.
    with office.office.engine.connect() as conn:
        objections = conn.execute(
            select(func.count()).select_from(db.reports).where(db.reports.c.outcome == "objection")
        ).scalar()
    assert objections == 5


def test_unreachable_server_is_a_clear_message_and_nothing_is_lost(office: Office, tmp_path: Path) -> None:
    data = cleared_pc(office, tmp_path)
    ws = open_ws(data)
    ws.set_meta(ws.conn, "server_url", "http://127.0.0.1:9")  # nothing listens on the discard port
    ws.close()
    out = cli(data, "sync")
    assert out.returncode == 1
    assert "cannot be reached" in out.stderr and "Traceback" not in out.stderr


def test_a_client_killed_during_sync_loses_nothing(office: Office, tmp_path: Path) -> None:
    office.office.commands.record_declaration(office.lead, office.office.today())
    office.office.commands.import_members(office.org, members(300, start=100))
    campaign, _ = office.office.commands.release_campaign(
        office.org, "Große Aktion", "invitation", office.resolution, content=CONTENT
    )
    data = tmp_path / "pc"
    assert (
        cli(data, "enrol", "--server", office.url, "--code", office.code(), "--name", "Erika B.").returncode
        == 0
    )
    assert cli(data, "sync", "--lease-size", "340").returncode == 0  # the lead reserves the whole list
    ws = open_ws(data)
    service = CallingService(ws)
    ids = []
    for _ in range(300):
        card = service.next_card(campaign)
        assert isinstance(card, Card)
        report = CallReport(
            campaign_id=campaign,
            contact_id=card.contact.id,
            caller_id=ws.person.id,
            outcome=Outcome.NO_PICKUP,
            created_at=service.clock(),
        )
        service.record(report)
        ids.append(report.id)
    ws.close()
    env = {**os.environ, "TELEFONAKTION_PASSPHRASE": PASS}
    # Kill the sync the moment it says a push batch is on its way (--progress prints "push A-B: sending N
    # items" just before the request and "push A-B: answered" after the reply), until kills land between them.
    kills_mid_push = 0
    for _attempt in range(6):
        proc = subprocess.Popen(
            [sys.executable, "-m", "desktop.cli", "--data-dir", str(data), "sync", "--progress"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert proc.stderr is not None
        lines = []
        for line in proc.stderr:
            lines.append(line.strip())
            if PUSH_SENDING.match(line):
                proc.send_signal(signal.SIGKILL)
                break
        lines += [line.strip() for line in proc.stderr.read().splitlines()]
        proc.wait()
        proc.stderr.close()  # else a ResourceWarning (an error under filterwarnings) may hit a later test
        sent = [m[1] for m in map(PUSH_SENDING.match, lines) if m]
        answered = [m[1] for m in map(PUSH_ANSWERED.match, lines) if m]
        if proc.returncode == -signal.SIGKILL and sent and sent[-1] not in answered:
            kills_mid_push += 1
            if kills_mid_push == 2:
                break
    assert kills_mid_push >= 1, "no kill landed while a push was under way"
    assert cli(data, "sync").returncode == 0
    stored = office.stored_reports()
    assert sorted(set(ids)) == sorted(set(stored) & set(ids)) and len(stored) == len(set(stored))
    assert status(data)["pending_uploads"] == 0


def test_resync_required_keeps_the_outbox(office: Office, tmp_path: Path) -> None:
    data = cleared_pc(office, tmp_path)
    ws = open_ws(data)
    service = CallingService(ws)
    card = service.next_card(office.campaign)
    report = CallReport(
        campaign_id=office.campaign,
        contact_id=card.contact.id,
        caller_id=ws.person.id,
        outcome=Outcome.REACHED,
        created_at=service.clock(),
    )
    service.record(report)
    ws.set_meta(ws.conn, "pull_cursor", "0ther3p0:999999")  # e.g. the server was restored from a backup
    result = sync_engine.sync_once(ws.conn)
    assert result.resynced
    assert contact_store.status_counts(ws.conn, office.campaign)  # the list came back
    assert (
        contact_store.get_state(ws.conn, card.contact.id).status.value == "done"
    )  # and the server's status with it
    assert [r[3] for r in outbox_store.outbox_rows(ws.conn) if r[1] == report.id] == ["sent"]
    ws.close()
    assert report.id in office.stored_reports()


def test_no_contact_data_in_plaintext_after_a_sync(office: Office, tmp_path: Path) -> None:
    data = cleared_pc(office, tmp_path)
    record = members(1)[0]
    assert files_containing(data, [record.last_name, record.phone, record.phone[3:], "Fiktivhausen"]) == []
