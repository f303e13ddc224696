"""Issue 17.2: a pull page with many contacts goes in on the workspace's short-lived bulk connection. Two PCs of
one office, one taking every page that way and one on its own connection only, end up with the same list,
queue order, numbers, statuses, objection register and cursor, also after a second release."""

from __future__ import annotations

from contextlib import AbstractContextManager
from pathlib import Path

from sqlalchemy import select

from desktop.paths import WorkspacePaths
from desktop.services import sync_engine
from desktop.services.enrolment import Enrolment
from desktop.storage.database import Connection
from desktop.storage.workspace import Workspace
from sync.server import db, registers
from tests.content_support import CONTENT
from tests.integration.conftest import PASS, Office

SNAPSHOT = (
    "SELECT id, campaign_id, position, first_name, last_name, locality, district, postcode, phone, phone2, "
    "category, status, attempts, last_attempt_at, callback_after FROM contacts ORDER BY position",
    "SELECT hash FROM objection_register ORDER BY hash",
    "SELECT key, value FROM meta WHERE key IN ('pull_cursor', 'withheld', 'revocations_version') ORDER BY key",
    "SELECT id, status FROM campaigns ORDER BY id",
)


def _pc(office: Office, where: Path, name: str) -> Workspace:
    return sync_engine.enrol(
        WorkspacePaths(where / name),
        server_url=office.url,
        code=office.code(),
        label="Erika B.",
        passphrase=PASS,
    )


def _sync(ws: Workspace, *, bulk: bool) -> int:
    """One sync; returns how many pages went in on the bulk connection."""
    enrolment = Enrolment.load(ws.conn)
    assert enrolment is not None
    opened: list[int] = []

    def counted() -> AbstractContextManager[Connection]:
        opened.append(1)
        return ws.bulk_transaction()

    store = sync_engine.store_for(ws.conn, bulk=counted if bulk else None)
    store._bulk_page = 1  # every page with a contact in it takes the bulk connection
    sync_engine.sync_with(store, enrolment)
    return len(opened)


def _snapshot(ws: Workspace) -> list[list[tuple]]:
    return [ws.conn.execute(query).fetchall() for query in SNAPSHOT]


def test_pages_on_the_bulk_connection_store_what_the_workspace_connection_stores(
    office: Office, tmp_path: Path
) -> None:
    central = office.office
    central.commands.record_declaration(office.lead, central.today(), text_version="2026-1")
    with central.engine.begin() as conn:  # one member objected: never sent, and the register reaches the PCs
        m = db.members
        number = conn.execute(select(m.c.phone).where(m.c.org_id == office.org).order_by(m.c.id)).scalar()
        registers.record(conn, office.org, [(number, None, None)], "import", central.clock())
    bulk, plain = _pc(office, tmp_path, "bulk"), _pc(office, tmp_path, "plain")
    try:
        assert _sync(bulk, bulk=True) == 1  # (the 40 contacts fit one page)
        assert _sync(plain, bulk=False) == 0
        contacts, register, meta, campaigns = _snapshot(bulk)
        assert len(contacts) == 40 and all(row[8] for row in contacts)  # cleared: every one with a number
        assert [row[2] for row in contacts] == list(range(40))  # queued in the order received
        assert len(register) == 1 and dict(meta)["pull_cursor"] and len(campaigns) == 1
        assert _snapshot(plain) == _snapshot(bulk)

        central.commands.release_campaign(
            office.org, "Zweite Aktion", "invitation", office.resolution, content=CONTENT
        )
        assert _sync(bulk, bulk=True) == 1
        _sync(plain, bulk=False)
        contacts = _snapshot(bulk)[0]
        assert len(contacts) == 79 and [row[2] for row in contacts] == list(range(79))  # the objected one not
        assert _snapshot(plain) == _snapshot(bulk)
    finally:
        bulk.close()
        plain.close()
