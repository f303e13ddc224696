"""DP-11 on the central office: contacts withheld from a device without a clearance are re-sent, in chunks, once
one covers their purpose (sync.server.withholding) — to any PC, also one that does not know why they were
withheld (nothing new in the reply: an older PC gets them the same way)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import select

from sync.core import protocol as p
from sync.server import db, withholding
from sync.server.campaign_end import end_campaign
from tests.server.conftest import NO_LIMITS
from tests.server.helpers import Env, pull_all, pull_pages, serving


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def server(request: pytest.FixtureRequest, make_database, tmp_path_factory) -> Iterator[Env]:
    """A central office of this module's own: it ends a campaign, which the session's shared server's retention
    tests would count as theirs."""
    with serving(
        request.param, make_database(request.param), tmp_path_factory.mktemp("log"), *NO_LIMITS
    ) as env:
        yield env


def _withheld(server: Env, device_id: str) -> list[str]:
    with server.office.engine.connect() as conn:
        return withholding.withheld(conn, device_id)


def test_withheld_contacts_follow_in_chunks_once_a_clearance_covers_them(server: Env) -> None:
    org = server.org(n_members=7, declared=False)
    central, today = server.office, server.office.today()
    deputy = central.commands.add_person(org.org_id, "Vertretung Q.")  # cleared: calls one contact first
    central.commands.add_resolution(
        org.org_id, today, "Kreisvorstand", ["invitation"], [deputy], valid_until=today + timedelta(days=30)
    )
    central.commands.record_training(deputy, today)
    central.commands.record_declaration(deputy, today)
    helper = org.enrol(deputy, name="PC der Vertretung")
    called = pull_all(helper.client).contacts[0].contact_id
    pushed = helper.client.push([org.report(helper, called, "no_pickup")])
    assert pushed.results[0].status is p.ItemStatus.ACCEPTED

    device = org.enrol()  # the lead's PC: no declaration yet
    first = pull_pages(device.client, None, limit=3)
    assert [c for page in first for c in page.contacts] == []
    assert _withheld(server, device.device_id) == [org.campaign_id]
    cursor = first[-1].next_cursor

    central.commands.record_declaration(org.lead_id, today)
    pages = pull_pages(device.client, cursor, limit=3)
    sent = Counter(c.contact_id for page in pages for c in page.contacts)
    cc = db.campaign_contacts
    with server.office.engine.connect() as conn:
        everyone = set(conn.execute(select(cc.c.id).where(cc.c.campaign_id == org.campaign_id)).scalars())
    assert set(sent) == everyone and set(sent.values()) == {1}  # every contact, each once
    assert max(len(page.contacts) for page in pages) <= 3  # in chunks of the page size
    assert all(page.next_cursor == cursor for page in pages[:-1])  # the feed waits meanwhile …
    states = {s.contact_id: s.attempts for page in pages for s in page.call_states}
    assert states[called] == 1  # with the calls other PCs made before
    assert pages[-1].next_cursor == cursor  # (nothing new in the feed meanwhile)
    assert _withheld(server, device.device_id) == []
    assert pull_all(device.client, pages[-1].next_cursor).contacts == []  # sent once, not again


def test_a_pull_from_the_start_needs_no_re_send_and_an_ended_campaign_none(server: Env) -> None:
    org = server.org(n_members=3, declared=False)
    device = org.enrol()
    pull_all(device.client)
    assert _withheld(server, device.device_id) == [org.campaign_id]
    server.office.commands.record_declaration(org.lead_id, server.office.today())
    page = pull_all(device.client)  # from the start: the feed brings the contacts, nothing is left to re-send
    assert len(page.contacts) == 3 and _withheld(server, device.device_id) == []

    other = server.org(n_members=3, declared=False)
    device = other.enrol()
    cursor = pull_all(device.client).next_cursor
    assert _withheld(server, device.device_id) == [other.campaign_id]
    end_campaign(server.office, other.campaign_id)
    server.office.commands.record_declaration(other.lead_id, server.office.today())
    assert pull_all(device.client, cursor).contacts == []  # an ended campaign is not sent again
    assert _withheld(server, device.device_id) == []
