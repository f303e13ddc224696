"""DP-11 on the wire: the central office sends a campaign's member data only to a PC whose person holds a
clearance for the campaign's purpose, and brings it once the clearance arrives.

The product's sync engine (sync.client.engine over the PC's real workspace) against a real server process, on
SQLite and PostgreSQL. Every pull answer is kept as the bytes that crossed the wire (``Wiretap``): the promise is
that names and numbers never reach a PC that may not hold them, not only that the PC drops them.
"""

from __future__ import annotations

import json
import uuid
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import delete, select

from desktop.paths import WorkspacePaths
from desktop.services import sync_engine
from desktop.services.calling import CallingService, Card
from desktop.services.enrolment import Enrolment
from desktop.storage import contact_store, meta_store
from desktop.storage.workspace import Workspace
from sync.client import SyncClient
from sync.client.engine import SyncResult
from sync.server import db
from tests.content_support import CONTENT
from tests.integration.conftest import PASS, Office, another_org, callable_always
from tests.server.helpers import FIRST_NAMES, LAST_NAMES, report_item

# What would give a member away: every invented name of the seeded members and the fiction number range.
MEMBER_DATA = (*FIRST_NAMES, *LAST_NAMES, "+493023125", "493023125")


@pytest.fixture
def office(server: Office, request: pytest.FixtureRequest) -> Office:
    """An organisation of its own per test: 40 members, a trained lead, no declaration on record yet."""
    org = another_org(server, f"KV {uuid.uuid4().hex[:8]} {request.node.name[:40]}")
    callable_always(org)
    return org


class Wiretap(SyncClient):
    """The real transport; keeps the raw body of every pull answer and the cursor it was asked with."""

    def __init__(self, enrolment: Enrolment) -> None:
        super().__init__(enrolment.server_url, enrolment.device_id, enrolment.device_secret)
        self.pulls: list[tuple[str | None, bytes]] = []
        self._client.event_hooks["response"].append(self._keep)

    def _keep(self, response: httpx.Response) -> None:
        if response.request.url.path == "/v1/pull":
            response.read()
            self.pulls.append((response.request.url.params.get("cursor"), response.content))

    def pages(self) -> list[dict]:
        return [json.loads(body) for _, body in self.pulls]

    def member_data(self) -> list[str]:
        """The names and numbers of members found anywhere in the pull answers."""
        text = b"".join(body for _, body in self.pulls).decode()
        return [marker for marker in MEMBER_DATA if marker in text]


def new_pc(office: Office, where: Path) -> Workspace:
    return sync_engine.enrol(
        WorkspacePaths(where / "workspace"), server_url=office.url, code=office.code(), label="Erika B.",
        passphrase=PASS,
    )  # fmt: skip


def sync(ws: Workspace) -> tuple[SyncResult, Wiretap]:
    enrolment = Enrolment.load(ws.conn)
    assert enrolment is not None
    tap = Wiretap(enrolment)
    try:
        return sync_engine.sync_with(sync_engine.store_for(ws.conn), enrolment, client=tap), tap
    finally:
        tap.close()


def contact_ids(office: Office, campaign_id: str) -> set[str]:
    cc = db.campaign_contacts
    with office.office.engine.connect() as conn:
        return set(conn.execute(select(cc.c.id).where(cc.c.campaign_id == campaign_id)).scalars())


def refusal_reasons(tap: Wiretap) -> set[str]:
    return {reason for page in tap.pages() for r in page["clearance_refusals"] for reason in r["reasons"]}


def without_training(office: Office) -> None:
    with office.office.engine.begin() as conn:
        conn.execute(delete(db.trainings).where(db.trainings.c.person_id == office.lead))


@pytest.mark.parametrize("missing", ["declaration", "training"])
def test_no_member_data_crosses_the_wire_until_the_clearance_arrives(
    office: Office, tmp_path: Path, missing: str
) -> None:
    today = office.office.today()
    if missing == "training":
        office.office.commands.record_declaration(office.lead, today)
        without_training(office)
    ws = new_pc(office, tmp_path)
    result, tap = sync(ws)
    assert refusal_reasons(tap) == {f"no_{missing}"}
    assert [page["contacts"] for page in tap.pages()] == [[]] * len(tap.pulls)  # not one record was sent …
    assert tap.member_data() == []  # … and no name or number anywhere in the answers
    assert result.contacts == 0 and contact_store.contact_count(ws.conn, office.campaign) == 0
    assert result.leased == 0  # nor leases on contacts this PC may not call
    assert isinstance(CallingService(ws).next_card(office.campaign), Card) is False

    if missing == "training":
        office.office.commands.record_training(office.lead, today)
    else:
        office.office.commands.record_declaration(office.lead, today)
    result, tap = sync(ws)
    assert contact_store.contact_count(ws.conn, office.campaign) == 40  # the full list, at the next sync
    assert {r["contact_id"] for page in tap.pages() for r in page["contacts"]} == contact_ids(
        office, office.campaign
    )
    assert None not in [cursor for cursor, _ in tap.pulls]  # the server re-sent them: no restart needed
    assert meta_store.get_meta(ws.conn, "withheld") is None  # (the PC never had to drop anything)
    assert result.leased > 0
    card = CallingService(ws).next_card(office.campaign)
    assert isinstance(card, Card) and card.contact.phone.startswith("+493023125")  # shown, callable
    ws.close()


def test_a_revoked_persons_pc_gets_no_contacts(office: Office, tmp_path: Path) -> None:
    office.office.commands.record_declaration(office.lead, office.office.today())
    ws = new_pc(office, tmp_path)
    sync(ws)  # cleared: the list is on the PC
    assert contact_store.contact_count(ws.conn, office.campaign) == 40
    office.office.commands.revoke_clearance(office.lead)
    later, _ = office.office.commands.release_campaign(
        office.org, "Einladung Herbstfest", "invitation", office.resolution, content=CONTENT
    )
    result, tap = sync(ws)
    assert refusal_reasons(tap) == {"revoked"}
    assert [page["contacts"] for page in tap.pages()] == [[]] * len(tap.pulls)
    assert tap.member_data() == []
    assert contact_store.contact_count(ws.conn, later) == 0
    assert result.leased == 0  # and it holds no leases any more
    # Not even a pull from the start (a restored or resynced PC) brings member data.
    enrolment = Enrolment.load(ws.conn)
    assert enrolment is not None
    with Wiretap(enrolment) as tap:
        page = tap.pull(None, limit=1000)
    assert page.contacts == [] and tap.member_data() == []
    ws.close()


def test_a_pc_cleared_for_one_purpose_gets_only_that_purposes_contacts(
    office: Office, tmp_path: Path
) -> None:
    central, today = office.office, office.office.today()
    central.commands.record_declaration(office.lead, today)
    deputy = central.commands.add_person(office.org, "Vertretung P.")
    survey_resolution = central.commands.add_resolution(  # the lead is not responsible for the survey
        office.org, today - timedelta(days=1), "Kreisvorstand", ["survey"], [deputy],
        valid_until=today + timedelta(days=30),
    )  # fmt: skip
    survey, _ = central.commands.release_campaign(
        office.org, "Mitgliederbefragung", "survey", survey_resolution, content=CONTENT
    )
    # The deputy's PC (cleared for the survey) reports an organizer message about one survey contact.
    central.commands.record_training(deputy, today)
    central.commands.record_declaration(deputy, today)
    code, _ = central.commands.create_enrolment_code(office.org, deputy)
    deputy_pc = SyncClient.enrol(office.url, code, "PC 2")
    with SyncClient(office.url, deputy_pc.device_id, deputy_pc.device_secret) as client:
        survey_contact = sorted(contact_ids(office, survey))[0]
        item = report_item(
            1,
            survey,
            survey_contact,
            organizer_action=True,
            organizer_message="Bitte Rückruf durch Kassierer",
        )
        assert client.push([item]).results[0].status.value == "accepted"

    ws = new_pc(office, tmp_path)
    result, tap = sync(ws)
    sent = {r["contact_id"] for page in tap.pages() for r in page["contacts"]}
    assert (
        sent <= contact_ids(office, office.campaign)
        and contact_store.contact_count(ws.conn, office.campaign) == 40
    )
    assert sent.isdisjoint(contact_ids(office, survey)) and contact_store.contact_count(ws.conn, survey) == 0
    assert "Kassierer" not in b"".join(body for _, body in tap.pulls).decode()  # the message stays too
    assert {r["purpose"] for page in tap.pages() for r in page["clearance_refusals"]} == {"survey"}
    held = {campaign for (campaign,) in ws.conn.execute("SELECT campaign_id FROM leases")}
    assert held == {office.campaign} and result.leased > 0  # leases only where it may call

    # The lead becomes responsible for the survey too: its contacts and the message follow at the next sync.
    central.commands.add_resolution(
        office.org, today, "Kreisvorstand", ["survey"], [office.lead], valid_until=today + timedelta(days=30)
    )
    result, tap = sync(ws)
    assert contact_store.contact_count(ws.conn, survey) == 40
    assert "Kassierer" in b"".join(body for _, body in tap.pulls).decode()
    held = {campaign for (campaign,) in ws.conn.execute("SELECT campaign_id FROM leases")}
    assert held == {office.campaign, survey}
    ws.close()
