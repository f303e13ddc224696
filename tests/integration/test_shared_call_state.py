"""Shared call state (issue 13.3) and number problems (issues 13.2, 14.3) end to end: two PCs of one office, two
campaigns, the real sync engine, a real server process on SQLite and on PostgreSQL.

- a call-back promised on PC 1 is due on PC 2 once both synced, and PC 2 does not call before it;
- attempts are summed across PCs and the attempt cap applies to the sum; the cooldown runs on the other PC too;
- a wrong or dead number is not released again (campaign 2), a person with a second number is called on it, and
  a staff correction or a new import with a new number releases the person into the running campaign.

The PCs' clocks are moved forward by hand (a call-back "in three hours" is tested three hours later).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.domain import queue
from desktop.domain.models import CallReport, Outcome
from desktop.services import sync_engine
from desktop.services.calling import CallingService, Card
from desktop.storage import campaign_store, contact_store
from desktop.storage.workspace import Workspace
from sync.core.memberfile import MemberRecord
from sync.server import db
from tests.content_support import CONTENT
from tests.integration.conftest import Office, make_office
from tests.integration.test_campaign_content import ALWAYS
from tests.integration.test_engine import new_pc
from tests.integration.test_shared_state import phones, zentrale
from tests.server.conftest import NO_LIMITS, make_database, pg_admin_url  # noqa: F401 (fixtures)

RULES = {**CONTENT, "calling_hours": ALWAYS, "cooldown_hours": 4, "max_attempts": 3}


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def office(request: pytest.FixtureRequest, tmp_path: Path, make_database) -> Iterator[Office]:  # noqa: F811
    url = None if request.param == "sqlite" else make_database("postgres")
    with make_office(tmp_path, *NO_LIMITS, url=url) as seeded:
        seeded.office.commands.record_declaration(seeded.lead, seeded.office.today())
        yield seeded


def release(office: Office, title: str) -> str:
    campaign, _ = office.office.commands.release_campaign(
        office.org, title, "invitation", office.resolution, content=RULES
    )
    return campaign


def at(t: datetime) -> Callable[[], datetime]:
    return lambda: t


def report(
    ws: Workspace, campaign: str, contact: str, outcome: Outcome, when: datetime, **extra: object
) -> None:
    CallingService(ws, clock=at(when)).record(
        CallReport(
            campaign_id=campaign,
            contact_id=contact,
            caller_id=ws.person.id,
            outcome=outcome,
            created_at=when,
            **extra,
        )
    )


def next_id(ws: Workspace, campaign: str, when: datetime) -> str | None:
    card = CallingService(ws, clock=at(when)).next_card(campaign)
    return card.contact.id if isinstance(card, Card) else None


def availability(ws: Workspace, campaign: str, contact: str, when: datetime) -> queue.Availability:
    state = contact_store.get_state(ws.conn, contact)
    rules = campaign_store.get_campaign(ws.conn, campaign)
    assert state is not None and rules is not None
    return queue.availability(state, now=when, rules=rules.rules, me=ws.person.id)


def lease_all(ws: Workspace) -> set[str]:
    sync_engine.size_leases(ws.conn, size=100, hours=48)
    sync_engine.sync_once(ws.conn)
    return {r[0] for r in ws.conn.execute("SELECT contact_id FROM leases")}


def hand_over(pc1: Workspace, pc2: Workspace) -> set[str]:
    """PC 1 syncs and gives everything back (end of its evening); PC 2 syncs and takes everything."""
    sync_engine.sync_once(pc1.conn)
    sync_engine.give_back(pc1.conn)
    assert sync_engine.sync_once(pc1.conn).leased == 0
    return lease_all(pc2)


def test_a_call_back_promised_on_one_pc_is_due_on_the_other(office: Office, tmp_path: Path) -> None:
    campaign = release(office, "Rückrufe")
    pc1, pc2 = new_pc(office, tmp_path / "pc1"), new_pc(office, tmp_path / "pc2")
    lease_all(pc1)
    t0 = datetime.now(UTC)
    person = next_id(pc1, campaign, t0)
    assert person is not None
    report(pc1, campaign, person, Outcome.CALL_BACK, t0, callback_after=t0 + timedelta(hours=3))
    assert person in hand_over(pc1, pc2)

    # PC 2 knows the promise: not offered before it is due (although never called by PC 2) …
    assert availability(pc2, campaign, person, t0 + timedelta(hours=1)) is queue.Availability.CALLBACK_PENDING
    assert next_id(pc2, campaign, t0 + timedelta(hours=1)) != person
    # … and first of all once it is due, ahead of everybody never called.
    assert next_id(pc2, campaign, t0 + timedelta(hours=3, minutes=1)) == person
    state = contact_store.get_state(pc2.conn, person)
    assert state is not None and state.attempts == 1
    for pc in (pc1, pc2):
        pc.close()


def test_attempts_are_summed_across_pcs_and_the_cap_and_cooldown_hold_on_the_other_pc(
    office: Office, tmp_path: Path
) -> None:
    campaign = release(office, "Mehrere Versuche")
    pc1, pc2 = new_pc(office, tmp_path / "pc1"), new_pc(office, tmp_path / "pc2")
    lease_all(pc1)
    t0 = datetime.now(UTC)
    person = next_id(pc1, campaign, t0)
    assert person is not None
    report(pc1, campaign, person, Outcome.NO_PICKUP, t0)
    report(pc1, campaign, person, Outcome.NO_PICKUP, t0 + timedelta(hours=5))  # after the 4-hour cooldown
    assert person in hand_over(pc1, pc2)

    # The cooldown from PC 1's last call runs on PC 2: PC 2 works everybody else it is offered, not that person.
    assert availability(pc2, campaign, person, t0 + timedelta(hours=6)) is queue.Availability.COOLDOWN
    called, when = [], t0 + timedelta(hours=6)
    while (contact := next_id(pc2, campaign, when)) is not None:
        report(pc2, campaign, contact, Outcome.REACHED, when)
        called.append(contact)
    assert person not in called and len(called) == 39
    # After the cooldown PC 2 makes the third attempt; then the cap (3) is reached: counted over both PCs.
    assert next_id(pc2, campaign, t0 + timedelta(hours=10)) == person
    report(pc2, campaign, person, Outcome.BUSY, t0 + timedelta(hours=10))
    assert availability(pc2, campaign, person, t0 + timedelta(hours=15)) is queue.Availability.EXHAUSTED
    assert next_id(pc2, campaign, t0 + timedelta(hours=15)) is None

    sync_engine.sync_once(pc2.conn)
    with office.office.engine.connect() as conn:
        attempts = conn.execute(
            select(db.campaign_contacts.c.attempts).where(db.campaign_contacts.c.id == person)
        ).scalar_one()
    assert attempts == 3
    sync_engine.sync_once(pc1.conn)  # PC 1 learns PC 2's attempt too
    back_on_pc1 = contact_store.get_state(pc1.conn, person)
    assert back_on_pc1 is not None and back_on_pc1.attempts == 3
    # Given back, the exhausted contact is not leased to anybody again: the cap holds at the central office too.
    assert person not in hand_over(pc2, pc1)
    for pc in (pc1, pc2):
        pc.close()


def member(row: int, phone: str, phone2: str | None = None) -> MemberRecord:
    return MemberRecord(
        row=row, category="member", phone=phone, phone2=phone2, first_name="Notburga",
        last_name="Zwiebelmann", locality="Fiktivhausen", postcode="99999",
    )  # fmt: skip


def contact_with(ws: Workspace, campaign: str, number: str) -> str:
    return next(
        s.contact_id
        for s in contact_store.all_states(ws.conn, campaign)
        if number in (contact_store.get_contact(ws.conn, s.contact_id) or CONTACT_NONE).phones
    )


CONTACT_NONE = type("NoContact", (), {"phones": ()})()

DEAD, ONLY, MAIN, SECOND, FIXED, IMPORTED = (f"+493023125{n}" for n in (901, 902, 903, 904, 905, 906))


def test_a_number_problem_is_not_released_again_until_a_corrected_number_arrives(
    office: Office, tmp_path: Path
) -> None:
    commands = office.office.commands
    # Three invented members with member numbers: one number (dead), one number (wrong), two numbers.
    commands.import_members(
        office.org,
        [member(2, DEAD), member(3, ONLY), member(4, MAIN, SECOND)],
        member_numbers={2: "M-2", 3: "M-3", 4: "M-4"},
    )
    campaign1 = release(office, "Erste Aktion")
    pc1, pc2 = new_pc(office, tmp_path / "pc1"), new_pc(office, tmp_path / "pc2")
    lease_all(pc1)
    now = datetime.now(UTC)
    only_in_1 = contact_with(pc1, campaign1, ONLY)
    for number, outcome in ((DEAD, Outcome.NOT_IN_SERVICE), (ONLY, Outcome.WRONG_NUMBER)):
        report(pc1, campaign1, contact_with(pc1, campaign1, number), outcome, now, wrong_numbers=("phone",))
    report(
        pc1,
        campaign1,
        contact_with(pc1, campaign1, MAIN),
        Outcome.WRONG_NUMBER,
        now,
        wrong_numbers=("phone",),
    )
    sync_engine.sync_once(pc1.conn)

    listed = zentrale(office, "numbers", "list", "--org", office.org, "--json")
    assert listed.returncode == 0, listed.stderr
    problems = json.loads(listed.stdout)
    assert {(e["kind"], e["callable"]) for e in problems} == {
        ("not_in_service", False), ("wrong_number", False), ("wrong_number", True)
    }  # fmt: skip
    assert "+49" not in listed.stdout.replace("+4930…", "")  # masked: never a whole number
    only_person = next(e["person_id"] for e in problems if e["number"].endswith(ONLY[-2:]))

    # Campaign 2 leaves out both people without a good number; the person with two is called on the second.
    campaign2, released = office.office.commands.release_campaign(
        office.org, "Zweite Aktion", "invitation", office.resolution, content=RULES
    )
    assert released == 40 + 3 - 2
    lease_all(pc2)
    assert contact_store.contact_count(pc2.conn, campaign2) == released
    on_pc2 = phones(pc2, campaign2)
    assert DEAD not in on_pc2 and ONLY not in on_pc2 and MAIN not in on_pc2 and SECOND in on_pc2
    second = contact_with(pc2, campaign2, SECOND)
    sync_engine.sync_once(pc1.conn)  # campaign 1's other contacts of that person would be re-sent as well
    assert next_id(pc2, campaign2, now) is not None
    assert contact_store.get_contact(pc2.conn, second).phone == SECOND  # type: ignore[union-attr]

    # Staff enter the corrected number: released into campaign 2 at the next pull, and callable there.
    corrected = zentrale(
        office, "numbers", "correct", "--org", office.org, "--person", only_person, "--number", "030 23125905"
    )
    assert corrected.returncode == 0, corrected.stderr
    assert FIXED not in corrected.stdout  # masked in the answer too
    leased = lease_all(pc2)
    assert FIXED in phones(pc2, campaign2) and contact_with(pc2, campaign2, FIXED) in leased
    # ... and in campaign 1, where the wrong number closed the contact, it is open again with the new number.
    assert contact_store.get_status(pc1.conn, only_in_1) == "wrong_number"
    sync_engine.sync_once(pc1.conn)
    reopened = contact_store.get_contact(pc1.conn, only_in_1)
    assert contact_store.get_status(pc1.conn, only_in_1) == "open"
    assert reopened is not None and reopened.phone == FIXED

    # A new membership import with a new number for the dead one: released too; the same dead number is not.
    commands.import_members(office.org, [member(2, DEAD)], member_numbers={2: "M-2"})
    lease_all(pc2)
    assert DEAD not in phones(pc2, campaign2)
    commands.import_members(office.org, [member(2, IMPORTED)], member_numbers={2: "M-2"})
    lease_all(pc2)
    assert IMPORTED in phones(pc2, campaign2) and DEAD not in phones(pc2, campaign2)
    assert zentrale(office, "numbers", "correct", "--org", office.org, "--person", only_person,
                    "--number", "12").returncode != 0  # fmt: skip
    for pc in (pc1, pc2):
        pc.close()
