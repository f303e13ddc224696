"""The product's sync engine (sync.client.engine over desktop.storage.sync_store) against a real server process.

Each test enrols its own PC with the central office (one server for the module) and checks what a user of the PC
or of the central office would notice: refused reports under "needs attention", nothing lost when an answer is
partial, a resync that forgets withdrawn clearances, forged or rolled-back revocation lists ignored, a local
objection never overwritten, nothing pulled twice, no member data before a clearance (DP-11), and a PC restored
from a backup or copied that still delivers every report (issue 13.4).
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.domain.models import CallReport, Outcome
from desktop.paths import WorkspacePaths
from desktop.services import reenrol, sync_engine
from desktop.services import status as status_service
from desktop.services.calling import CallingService, Card
from desktop.services.enrolment import Enrolment
from desktop.storage import contact_store, meta_store, outbox_store
from desktop.storage.timefmt import utcnow
from desktop.storage.workspace import Workspace, list_slots
from sync.client import SyncClient
from sync.client.engine import SyncEngine, SyncResult
from sync.client.transport import Refused
from sync.core import clearance as clr
from sync.core import protocol as p
from sync.server import db
from tests.integration.conftest import PASS, Office, another_org, callable_always, make_office
from tests.server.conftest import NO_LIMITS


@pytest.fixture
def office(server: Office, request: pytest.FixtureRequest) -> Office:
    """One server for the module, an organisation of its own per test (its PCs hold their own leases)."""
    org = another_org(server, f"KV {request.node.name[:60]}")
    org.office.commands.record_declaration(org.lead, org.office.today())
    callable_always(org)  # the tests call whenever they run, also outside the default calling hours
    return org


class Tampering(SyncClient):
    """The real transport with a hook on each answer: what a broken network middlebox or an attacker could do."""

    def __init__(self, enrolment: Enrolment) -> None:
        super().__init__(enrolment.server_url, enrolment.device_id, enrolment.device_secret)
        self.on_push: Callable[[p.PushResponse], p.PushResponse] = lambda r: r
        self.on_pull: Callable[[p.PullPage], p.PullPage] = lambda page: page

    def push(self, batch):
        return self.on_push(super().push(batch))

    def pull(self, cursor=None, limit=p.DEFAULT_PULL_LIMIT):
        return self.on_pull(super().pull(cursor, limit))


def new_pc(office: Office, where: Path, *, cleared: bool = True) -> Workspace:
    ws = sync_engine.enrol(
        WorkspacePaths(where / "workspace"), server_url=office.url, code=office.code(), label="Erika B.",
        passphrase=PASS,
    )  # fmt: skip
    if cleared:
        sync_engine.sync_once(ws.conn)
    return ws


def engine(ws: Workspace, client: SyncClient) -> SyncEngine:
    enrolment = Enrolment.load(ws.conn)
    assert enrolment is not None
    return SyncEngine(
        sync_engine.store_for(ws.conn), client, pinned=enrolment.pinned, org_id=enrolment.org_id
    )


def tampering(ws: Workspace) -> Tampering:
    enrolment = Enrolment.load(ws.conn)
    assert enrolment is not None
    return Tampering(enrolment)


def call(
    ws: Workspace, campaign: str, outcome: Outcome = Outcome.REACHED, contact_id: str | None = None
) -> CallReport:
    service = CallingService(ws)
    if contact_id is None:
        card = service.next_card(campaign)
        assert isinstance(card, Card)
        contact_id = card.contact.id
    report = CallReport(
        campaign_id=campaign,
        contact_id=contact_id,
        caller_id=ws.person.id,
        outcome=outcome,
        created_at=service.clock(),
    )
    service.record(report)
    return report


def states(ws: Workspace) -> dict[str, str]:
    return {
        item_id: state for _, item_id, kind, state in outbox_store.outbox_rows(ws.conn) if kind == "report"
    }


def stored(office: Office, report_ids: list[str]) -> tuple[int, int]:
    with office.office.engine.connect() as conn:
        return conn.execute(
            select(func.count(), func.count(func.distinct(db.reports.c.report_id))).where(
                db.reports.c.report_id.in_(report_ids)
            )
        ).one()


def server_status(office: Office, contact_id: str) -> str:
    with office.office.engine.connect() as conn:
        return conn.execute(
            select(db.campaign_contacts.c.status).where(db.campaign_contacts.c.id == contact_id)
        ).scalar_one()


def test_a_refused_report_is_never_marked_sent(office: Office, tmp_path: Path) -> None:
    ws = new_pc(office, tmp_path)
    good = call(ws, office.campaign)
    # A report the central office cannot place (its contact does not exist there) is refused …
    bad = call(ws, office.campaign, Outcome.BUSY)
    ws.conn.execute(
        "UPDATE outbox SET payload = replace(payload, ?, ?) WHERE item_id = ?",
        (bad.contact_id, "nosuchcontact", bad.id),
    )
    result = sync_engine.sync_once(ws.conn)
    assert (result.pushed, result.rejected) == (1, 1)
    assert states(ws) == {good.id: "sent", bad.id: "rejected"}
    # … and shown under "needs attention" with its reason, not dropped and not sent again as if new.
    attention = status_service.collect(ws.conn, utcnow()).needs_attention
    assert [(a.item_id, a.reason) for a in attention] == [(bad.id, "unknown_contact")]
    assert sync_engine.sync_once(ws.conn).rejected == 0
    ws.close()


def test_an_item_the_answer_does_not_name_stays_pending_and_goes_again(
    office: Office, tmp_path: Path
) -> None:
    ws = new_pc(office, tmp_path)
    first, second = call(ws, office.campaign), call(ws, office.campaign)
    client = tampering(ws)
    unnamed = uuid.UUID(hex=second.id)  # the outbox sends a report under its own id as the key
    client.on_push = lambda r: r.model_copy(  # the answers never name the second report
        update={"results": [x for x in r.results if x.idempotency_key != unnamed]}
    )
    result = SyncResult()
    engine(ws, client).push(result)
    assert states(ws) == {first.id: "sent", second.id: "pending"}
    assert result.pushed == 1
    assert outbox_store.pending_count(ws.conn) == 1
    client.on_push = lambda r: r
    result = SyncResult()
    engine(ws, client).push(result)
    assert (result.pushed, result.duplicates) == (0, 1)  # the server had it; now the PC knows
    assert states(ws) == {first.id: "sent", second.id: "sent"}
    client.close()
    ws.close()


def test_a_resync_forgets_clearances_the_server_no_longer_grants(office: Office, tmp_path: Path) -> None:
    ws = new_pc(office, tmp_path)
    granted = [r[0] for r in ws.conn.execute("SELECT resolution_id FROM clearances")]
    assert granted == [office.resolution]
    signed = ws.conn.execute("SELECT signed FROM clearances").fetchone()[0]
    ws.conn.execute(
        "INSERT INTO clearances (resolution_id, purposes, signed, received_at) VALUES ('withdrawn', '[]', ?, '')",
        (signed,),
    )  # a clearance of a resolution the central office has since withdrawn
    meta_store.set_meta(ws.conn, "pull_cursor", "0ther3p0:999999")  # the server was restored from a backup
    result = sync_engine.sync_once(ws.conn)
    assert result.resynced
    assert [r[0] for r in ws.conn.execute("SELECT resolution_id FROM clearances")] == granted
    assert meta_store.get_meta(ws.conn, "pull_cursor") != "0ther3p0:999999"
    ws.close()


def test_forged_and_rolled_back_revocation_lists_are_never_stored(office: Office, tmp_path: Path) -> None:
    ws = new_pc(office, tmp_path)
    client = tampering(ws)
    old_page = client.pull(None)
    assert old_page.revocations is not None
    # The central office revokes another PC: a newer list (higher version) reaches this one.
    other = SyncClient.enrol(office.url, office.code(), "Laptop")
    office.office.commands.revoke_device(other.device_id)
    engine(ws, client).pull(SyncResult())
    current = meta_store.get_meta(ws.conn, "revocations")
    version = meta_store.get_meta(ws.conn, "revocations_version")
    assert current is not None
    enrolment = Enrolment.load(ws.conn)
    assert enrolment is not None
    old = clr.verify_revocations(
        old_page.revocations,
        pinned=enrolment.pinned,
        org_id=enrolment.org_id,
        now=utcnow(),
        previous_version=None,
    )
    assert int(version or 0) > old.version
    # A rolled-back list (the old one, genuinely signed) …
    client.on_pull = lambda page: page.model_copy(update={"revocations": old_page.revocations})
    meta_store.delete_meta(ws.conn, "pull_cursor")
    engine(ws, client).pull(SyncResult())
    assert (
        meta_store.get_meta(ws.conn, "revocations"),
        meta_store.get_meta(ws.conn, "revocations_version"),
    ) == (
        current,
        version,
    )
    # … and a forged one (another key signs an empty list of this organisation) are ignored.
    forged = clr.generate_signing_key().sign_revocations(
        clr.RevocationList(
            version=10_000,
            org_id=enrolment.org_id,
            issued_at=utcnow(),
            expires_at=utcnow() + timedelta(days=1),
        )
    )
    client.on_pull = lambda page: page.model_copy(update={"revocations": forged})
    meta_store.delete_meta(ws.conn, "pull_cursor")
    engine(ws, client).pull(SyncResult())
    assert (
        meta_store.get_meta(ws.conn, "revocations"),
        meta_store.get_meta(ws.conn, "revocations_version"),
    ) == (
        current,
        version,
    )
    client.close()
    ws.close()


def test_a_local_objection_is_not_overwritten_by_the_servers_older_status(
    office: Office, tmp_path: Path
) -> None:
    ws = new_pc(office, tmp_path)
    objection = call(ws, office.campaign, Outcome.OBJECTION)
    assert server_status(office, objection.contact_id) == "open"
    meta_store.delete_meta(ws.conn, "pull_cursor")  # pull everything again before the objection is pushed
    client = tampering(ws)
    engine(ws, client).pull(SyncResult())
    assert contact_store.get_state(ws.conn, objection.contact_id).status.value == "objection"
    # The server's higher verdict does replace a local one: another PC's objection reaches this PC.
    other = new_pc(office, tmp_path / "other")
    open_there = [
        c.contact_id
        for c in contact_store.all_states(other.conn, office.campaign)
        if c.status.value == "open"
    ]
    theirs = call(other, office.campaign, Outcome.OBJECTION, contact_id=open_there[-1])
    sync_engine.sync_once(other.conn)
    assert contact_store.get_state(ws.conn, theirs.contact_id).status.value == "open"
    engine(ws, client).pull(SyncResult())
    assert contact_store.get_state(ws.conn, theirs.contact_id).status.value == "objection"
    client.close()
    other.close()
    ws.close()


def test_the_pull_cursor_is_kept_so_nothing_is_pulled_twice(office: Office, tmp_path: Path) -> None:
    ws = new_pc(office, tmp_path, cleared=False)
    first = sync_engine.sync_once(ws.conn)
    assert first.contacts > 0
    cursor = meta_store.get_meta(ws.conn, "pull_cursor")
    assert cursor and cursor.rsplit(":", 1)[1] != "0"  # the position of the last page, not the start
    again = sync_engine.sync_once(ws.conn)
    assert (again.contacts, again.pages) == (0, 1)
    ws.close()


def test_no_member_data_before_a_clearance(tmp_path: Path) -> None:
    with make_office(tmp_path, *NO_LIMITS) as office:  # no declaration on record yet
        ws = new_pc(office, tmp_path, cleared=False)
        result = sync_engine.sync_once(ws.conn)
        assert (
            result.contacts == 0
        )  # the server sends no list (DP-11, tests/integration/test_clearance_on_the_wire.py)
        assert contact_store.contact_count(ws.conn, office.campaign) == 0
        # A central office that sent them anyway (an older one, or a broken one): the PC keeps none either …
        stray = [
            p.ContactRecord(
                campaign_id=office.campaign,
                contact_id=f"stray{i}",
                category="member",
                status="open",
                first_name="Irmhild",
                last_name="Vogelsang",
                phone=f"+4930231259{i:02d}",
            )
            for i in range(3)
        ]
        client = tampering(ws)
        client.on_pull = lambda page: page.model_copy(update={"contacts": stray}) if page.campaigns else page
        meta_store.delete_meta(ws.conn, "pull_cursor")  # from the start: the page that names the campaign
        assert engine(ws, client).pull(SyncResult()) is None
        assert contact_store.contact_count(ws.conn, office.campaign) == 0
        assert meta_store.get_meta(ws.conn, "withheld") == "1"
        client.close()
        office.office.commands.record_declaration(office.lead, office.office.today())
        sync_engine.sync_once(ws.conn)
        assert (
            contact_store.contact_count(ws.conn, office.campaign) == 40
        )  # … and fetches the list again once a clearance arrived
        assert meta_store.get_meta(ws.conn, "withheld") is None
        ws.close()


def _reopen(paths: WorkspacePaths) -> Workspace:
    return Workspace.open(paths, list_slots(paths)[0].slot_id, PASS)


def test_a_workspace_restored_from_a_copy_delivers_every_report(office: Office, tmp_path: Path) -> None:
    ws = new_pc(office, tmp_path)
    paths = ws.paths
    sent = [call(ws, office.campaign).id for _ in range(2)]
    sync_engine.sync_once(ws.conn)
    ws.close()
    backup = tmp_path / "backup"
    shutil.copytree(paths.root, backup)  # the office copies the folder …
    ws = _reopen(paths)
    later = [call(ws, office.campaign, Outcome.NO_PICKUP).id for _ in range(3)]
    assert sync_engine.sync_once(ws.conn).pushed == 3
    ws.close()
    shutil.rmtree(paths.root)
    shutil.copytree(backup, paths.root)  # … and restores it after a disk failure
    ws = _reopen(paths)
    after = [call(ws, office.campaign, Outcome.BUSY).id for _ in range(2)]  # numbers the server has seen
    result = sync_engine.sync_once(ws.conn)
    assert (result.pushed, result.rejected, result.renumbered) == (2, 0, 2)
    assert states(ws) == dict.fromkeys(sent + after, "sent")
    assert stored(office, sent + later + after) == (7, 7)
    enrolment = Enrolment.load(ws.conn)
    assert enrolment is not None
    with SyncClient(office.url, enrolment.device_id, enrolment.device_secret) as client:
        health = client.health()
    assert health.missing == [] and health.highest_seq == result.highest_seq
    ws.close()


def test_a_copy_used_as_a_second_pc_is_detected_and_re_enrols_without_losing_anything(
    office: Office, tmp_path: Path
) -> None:
    """Issue 13.4: one device identity, two histories. The first time an older history checks in it is taken for
    a restored backup (accepted); when the history it replaced comes back, both are in use: a clone. The copy is
    refused before it sends anything, then salvage -> re-enrol -> re-send delivers everything exactly once."""
    ws = new_pc(office, tmp_path)
    ws.close()
    copy = WorkspacePaths(tmp_path / "copy")
    shutil.copytree(ws.paths.root, copy.root)
    one, two = _reopen(ws.paths), _reopen(copy)
    ids = [call(one, office.campaign, Outcome.VOICEMAIL).id for _ in range(2)]
    assert not sync_engine.sync_once(one.conn).rolled_back
    ids += [call(two, office.campaign, Outcome.VOICEMAIL).id for _ in range(2)]
    assert sync_engine.sync_once(two.conn).rolled_back  # looks like a restore: accepted, nothing refused
    ids += [call(one, office.campaign, Outcome.BUSY).id for _ in range(2)]
    with pytest.raises(Refused) as refused:
        sync_engine.sync_once(one.conn)  # the replaced history is back: a second copy in use
    assert refused.value.code == "device_cloned"
    assert states(one)[ids[-1]] == "pending"  # refused before anything was sent; nothing dropped
    old = Enrolment.load(one.conn)
    assert old is not None

    new = reenrol.identity(old, office.code(), "Laptop Kopie")  # salvage -> re-enrol -> re-send
    assert reenrol.adopt(one.conn, old, new) >= 2
    result = sync_engine.sync_once(one.conn)
    assert result.rejected == 0 and not result.rolled_back
    assert Enrolment.load(one.conn).device_id == new.device_id != old.device_id  # type: ignore[union-attr]
    assert stored(office, ids) == (6, 6)  # each report once
    assert states(one) | states(two) == dict.fromkeys(ids, "sent")
    with SyncClient(office.url, new.device_id, new.device_secret) as client:
        assert client.health().missing == []  # the new identity's numbers start at 1, no gaps
    more = call(two, office.campaign, Outcome.NO_PICKUP).id  # both go on syncing, each under its own identity
    assert sync_engine.sync_once(two.conn).rejected == 0 and states(two)[more] == "sent"
    assert sync_engine.sync_once(one.conn).rejected == 0
    one.close()
    two.close()


def test_a_workspace_restored_twice_is_never_taken_for_a_copy(office: Office, tmp_path: Path) -> None:
    """A restored backup checks in with an older history: accepted every time it happens, never refused."""
    ws = new_pc(office, tmp_path)
    paths = ws.paths
    ws.close()
    backup = tmp_path / "backup"
    shutil.copytree(paths.root, backup)
    ids: list[str] = []
    for _restore in range(2):
        ws = _reopen(paths)
        ids.append(call(ws, office.campaign).id)
        sync_engine.sync_once(ws.conn)
        ws.close()
        shutil.rmtree(paths.root)
        shutil.copytree(backup, paths.root)
        ws = _reopen(paths)
        ids.append(call(ws, office.campaign, Outcome.BUSY).id)
        assert sync_engine.sync_once(ws.conn).rolled_back
        assert not sync_engine.sync_once(ws.conn).rolled_back
        ws.close()
    assert stored(office, ids) == (4, 4)
