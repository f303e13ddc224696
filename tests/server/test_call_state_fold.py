"""The shared call state continued from where its fold stands (issue 17.3) equals the full fold (issue 13.3).

A push folds only a contact's new reports, from the state stored on its row, when they sort after the last report
folded and nothing rewrote the history since; otherwise it folds every report again. Checked on SQLite and
PostgreSQL, in-process (sync.server.device_sync.DeviceSync, no HTTP):

- for random histories (two PCs, reports arriving out of order, the same report sent again, corrections,
  organizer resolutions and reopened numbers in between) the stored fold always equals
  sync.core.callstate.fold_all over every report the central office holds;
- directed: each way the history changes other than by appending forces the full fold, with what a caller
  would notice if it did not (a used-up call-back promise still due, an attempt counted twice, a promise lost);
- a push that only appends does not read the contact's earlier reports (what the change is for).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import event, select, update

from sync.core import callstate
from sync.core import protocol as p
from sync.core.rules import ZETKIN_CODES, ContactStatus, Outcome
from sync.server import db, numbers
from sync.server.common import Device
from sync.server.device_sync import DeviceSync
from sync.server.inbox import OrganizerInbox
from sync.server.office import CentralOffice
from tests.content_support import CONTENT
from tests.server.conftest import make_database, pg_admin_url  # noqa: F401 (fixtures)
from tests.server.helpers import members

RELEASED = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)
NOW = RELEASED + timedelta(days=6)  # the central office's clock while reports arrive
T0 = RELEASED + timedelta(days=3)  # the calls of the random histories lie around this time
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@dataclass
class World:
    office: CentralOffice
    sync: DeviceSync
    org: str
    campaign: str
    pcs: list[Device]
    contacts: Iterator[tuple[str, str]]  # (contact id, member id), each used by one test or example
    seqs: dict[str, int] = field(default_factory=dict)

    def push(self, pc: Device, *payloads: p.ReportPayload) -> list[p.ItemStatus]:
        return self.push_items(pc, [self.item(pc, r) for r in payloads])

    def item(self, pc: Device, payload: p.ReportPayload) -> p.ReportItem:
        self.seqs[pc.id] = self.seqs.get(pc.id, 0) + 1
        return p.ReportItem(idempotency_key=uuid.uuid4(), seq=self.seqs[pc.id], payload=payload)

    def push_items(self, pc: Device, items: list[p.ReportItem]) -> list[p.ItemStatus]:
        return [r.status for r in self.sync.push(pc, p.PushRequest(items=items)).results]

    def report(
        self, contact: str, outcome: Outcome, at: datetime, report_id: str | None = None, **kw: Any
    ) -> p.ReportPayload:
        return p.ReportPayload(
            report_id=report_id or uuid.uuid4().hex,
            campaign_id=self.campaign,
            contact_id=contact,
            outcome=outcome,
            zetkin=ZETKIN_CODES[outcome],
            created_at=at,
            **kw,
        )

    def stored(self, contact: str) -> Any:
        cc = db.campaign_contacts
        with self.office.engine.connect() as conn:
            return conn.execute(select(cc).where(cc.c.id == contact)).one()

    def state(self, contact: str) -> callstate.CallState:
        row = self.stored(contact)
        return callstate.CallState(row.attempts, row.last_attempt_at, row.callback_after)

    def full_fold(self, contact: str) -> callstate.Folded:
        """The plain definition: fold_all over every report of the contact the central office holds."""
        r = db.reports
        with self.office.engine.connect() as conn:
            rows = conn.execute(select(r).where(r.c.contact_id == contact)).all()
        return callstate.fold_all(
            callstate.Call(
                row.report_id,
                Outcome(row.outcome),
                row.created_at,
                row.callback_after,
                row.corrects,
                row.organizer_action,
                row.organizer_resolution,
            )
            for row in rows
        )

    def stored_fold(self, contact: str) -> callstate.Folded | None:
        row = self.stored(contact)
        if row.fold_status is None:
            return None
        through = None if row.folded_through_id is None else (row.folded_through_at, row.folded_through_id)
        return callstate.Folded(
            callstate.CallState(row.attempts, row.last_attempt_at, row.callback_after),
            ContactStatus(row.fold_status),
            through,
        )

    def reopen_number(self, member: str) -> None:
        """A corrected number arrived for the member (sync.server.numbers: its number reports are resolved)."""
        with self.office.engine.begin() as conn:
            numbers._reopen_number_problems(conn, self.org, [member], NOW)


def _world(backend: str, make_database: Any, n_contacts: int) -> Iterator[World]:  # noqa: F811
    engine = db.open_database(make_database(backend), pool_size=2)
    try:
        office = CentralOffice(engine, clock=lambda: RELEASED)
        org = office.commands.add_org("KV Faltenhausen")
        lead = office.commands.add_person(org, "Frieda Falter")
        office.commands.import_members(org, members(n_contacts))
        resolution = office.commands.add_resolution(
            org, RELEASED.date() - timedelta(days=1), "KV", ["invitation"], [lead]
        )
        campaign, _ = office.commands.release_campaign(
            org, "Faltaktion", "invitation", resolution, ends_on=date(2026, 12, 31), content=CONTENT
        )
        cc = db.campaign_contacts
        with engine.connect() as conn:
            rows = conn.execute(select(cc.c.id, cc.c.member_id).order_by(cc.c.id)).all()
        sync = DeviceSync(office)
        pcs = []
        for name in ("PC Nord", "PC Süd"):
            code, _ = office.commands.create_enrolment_code(org, lead)
            enrolled = sync.enrol(p.EnrolRequest(code=code, device_name=name))
            pcs.append(Device(enrolled.device_id, org, lead))
        office.clock = lambda: NOW  # the device API and the inbox read it; the reports arrive days later
        yield World(office, sync, org, campaign, pcs, iter([(row.id, row.member_id) for row in rows]))
    finally:
        engine.dispose()


@pytest.fixture(scope="module", params=BACKENDS)
def world(request: pytest.FixtureRequest, make_database: Any) -> Iterator[World]:  # noqa: F811
    yield from _world(request.param, make_database, 1000)  # one contact per example, shrinking included


# ------------------------------------------------------------------------------------------ random histories

OUTCOMES = list(Outcome)


@st.composite
def histories(draw: st.DrawFn) -> list[tuple[str, Any]]:
    """Steps of one contact's history: pushes (new reports, corrections, reports sent again), organizer
    resolutions of a flagged report, a corrected number reopening a wrong or dead one."""
    steps: list[tuple[str, Any]] = []
    for _ in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(["push", "push", "push", "resolve", "reopen"]))
        if kind == "push":
            batch = [
                {
                    "what": draw(st.sampled_from(["new", "new", "new", "correct", "correct", "again"])),
                    "minutes": draw(st.integers(0, 90)),  # after the previous call (0: a tie, ordered by id)
                    "late": draw(st.integers(0, 3))
                    == 0,  # made that long before the previous call: out of order
                    "outcome": draw(st.sampled_from(OUTCOMES)),
                    "callback": draw(st.booleans()),
                    "flagged": draw(st.integers(0, 4)) == 0,
                    "id": draw(st.integers(0, 9)),  # ties of time are ordered by id
                    "pick": draw(st.integers(0, 1000)),  # which earlier report a correction or resend names
                    "pc": draw(st.integers(0, 1)),
                }
                for _ in range(draw(st.integers(1, 4)))
            ]
            steps.append((kind, batch))
        else:
            steps.append((kind, (draw(st.integers(0, 1000)), draw(st.sampled_from(["done", "reopen"])))))
    return steps


def _payload(
    world: World, contact: str, spec: dict, at: datetime, sent: list[p.ReportItem]
) -> p.ReportPayload:
    outcome: Outcome = spec["outcome"]
    kw: dict[str, Any] = {}
    if spec["callback"] and not outcome.is_final_for_contact:
        kw["callback_after"] = at + timedelta(days=1)
    if spec["flagged"]:
        kw |= {"organizer_action": True, "organizer_message": "bitte melden"}
    if spec["what"] == "correct" and sent:
        kw["corrects"] = sent[spec["pick"] % len(sent)].payload.report_id
    return world.report(contact, outcome, at, f"{spec['id']}-{uuid.uuid4().hex[:12]}", **kw)


def _check(world: World, contact: str) -> None:
    stored = world.stored_fold(contact)
    if stored is not None:  # where a fold is stored, it is the fold of every report held
        assert stored == world.full_fold(contact)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=histories())
def test_the_stored_fold_is_the_fold_of_every_report(world: World, steps: list) -> None:
    contact, member = next(world.contacts)
    clock = T0
    sent: list[tuple[int, p.ReportItem]] = []  # accepted reports, as sent, and by which PC
    for kind, arg in steps:
        if kind == "push":
            by_pc: dict[int, list[p.ReportItem]] = {}
            for spec in arg:
                pc = world.pcs[spec["pc"]]
                if (
                    spec["what"] == "again" and sent
                ):  # sent again: the same item (a lost answer), or another PC
                    by, earlier = sent[spec["pick"] % len(sent)]
                    item = earlier if by == spec["pc"] else world.item(pc, earlier.payload)
                else:
                    at = clock - timedelta(minutes=spec["minutes"] + 1) if spec["late"] else clock
                    clock = max(clock, at + timedelta(minutes=spec["minutes"]))
                    item = world.item(pc, _payload(world, contact, spec, at, [i for _, i in sent]))
                if item not in by_pc.setdefault(spec["pc"], []):
                    by_pc[spec["pc"]].append(item)
            for i, items in sorted(by_pc.items()):
                statuses = world.push_items(world.pcs[i], items)
                sent += [
                    (i, item) for item, s in zip(items, statuses, strict=True) if s is p.ItemStatus.ACCEPTED
                ]
                if p.ItemStatus.ACCEPTED in statuses:  # new reports: the fold is stored again
                    assert world.stored_fold(contact) is not None
        elif kind == "resolve":
            flagged = [i.payload.report_id for _, i in sent if i.payload.organizer_action]
            if flagged:
                OrganizerInbox(world.office).resolve(flagged[arg[0] % len(flagged)], arg[1])
                assert world.stored_fold(contact) is None
        else:
            world.reopen_number(member)
        _check(world, contact)


# ------------------------------------------------------------------------------------------ directed cases

AT = T0.replace(hour=10, minute=0)


@pytest.fixture(scope="module", params=BACKENDS)
def small(request: pytest.FixtureRequest, make_database: Any) -> Iterator[World]:  # noqa: F811
    yield from _world(request.param, make_database, 20)


def test_a_call_that_arrives_late_is_folded_in_its_place(small: World) -> None:
    """PC Süd was offline: its 9:00 call with a call-back promise arrives after PC Nord's 10:00 call, which used
    the promise up. The cooldown runs from 10:00 and no call-back is due (the full fold's answer)."""
    contact, _ = next(small.contacts)
    north, south = small.pcs
    assert small.push(north, small.report(contact, Outcome.NO_PICKUP, AT)) == [p.ItemStatus.ACCEPTED]
    late = small.report(
        contact, Outcome.REACHED, AT - timedelta(hours=1), callback_after=AT + timedelta(days=1)
    )
    assert small.push(south, late) == [p.ItemStatus.ACCEPTED]
    assert small.state(contact) == callstate.CallState(attempts=2, last_attempt_at=AT, callback_after=None)
    assert small.stored_fold(contact) == small.full_fold(contact)


def test_a_correction_replaces_the_call_it_corrects(small: World) -> None:
    """A correction is the same call said again: one attempt, at the time of the call, its own call-back."""
    contact, _ = next(small.contacts)
    north, _south = small.pcs
    first = small.report(contact, Outcome.REACHED, AT, callback_after=AT + timedelta(days=1))
    assert small.push(north, first) == [p.ItemStatus.ACCEPTED]
    fixed = small.report(contact, Outcome.NO_PICKUP, AT + timedelta(minutes=5), corrects=first.report_id)
    assert small.push(north, fixed) == [p.ItemStatus.ACCEPTED]
    assert small.state(contact) == callstate.CallState(attempts=1, last_attempt_at=AT, callback_after=None)


def test_an_organizer_resolution_is_folded_into_the_next_call(small: World) -> None:
    """A flagged call waits for the organizer; once the office reopens the contact, the call-back promised in
    the next call stands (while the stale fold said "organizer action" it would be dropped)."""
    contact, _ = next(small.contacts)
    north, _south = small.pcs
    flagged = small.report(
        contact, Outcome.REACHED, AT, organizer_action=True, organizer_message="bitte Adresse prüfen"
    )
    assert small.push(north, flagged) == [p.ItemStatus.ACCEPTED]
    assert small.stored_fold(contact).status is ContactStatus.ORGANIZER_ACTION  # type: ignore[union-attr]
    OrganizerInbox(small.office).resolve(flagged.report_id, "reopen")
    promise = AT + timedelta(days=1)
    again = small.report(contact, Outcome.NO_PICKUP, AT + timedelta(hours=2), callback_after=promise)
    assert small.push(north, again) == [p.ItemStatus.ACCEPTED]
    assert small.state(contact) == callstate.CallState(2, AT + timedelta(hours=2), promise)
    assert small.stored_fold(contact) == small.full_fold(contact)


def test_a_reopened_number_is_folded_into_the_next_call(small: World) -> None:
    """A wrong number closes the contact; a corrected number reopens it (sync.server.numbers) and the call-back
    promised on the new number stands."""
    contact, member = next(small.contacts)
    north, _south = small.pcs
    assert small.push(north, small.report(contact, Outcome.WRONG_NUMBER, AT)) == [p.ItemStatus.ACCEPTED]
    small.reopen_number(member)
    assert small.stored(contact).status == ContactStatus.OPEN
    promise = AT + timedelta(days=1)
    again = small.report(contact, Outcome.NO_PICKUP, AT + timedelta(hours=2), callback_after=promise)
    assert small.push(north, again) == [p.ItemStatus.ACCEPTED]
    assert small.state(contact) == callstate.CallState(2, AT + timedelta(hours=2), promise)


def test_reports_stored_before_the_upgrade_are_folded_in_full(small: World) -> None:
    """Migration 0012 leaves every contact without a stored fold: the first push folds all its reports (a flagged
    call stored by the old code still holds the contact for the organizer, so a new promise is not kept)."""
    contact, _ = next(small.contacts)
    north, _south = small.pcs
    flagged = small.report(
        contact, Outcome.REACHED, AT, organizer_action=True, organizer_message="bitte melden"
    )
    assert small.push(north, flagged) == [p.ItemStatus.ACCEPTED]
    with small.office.engine.begin() as conn:  # as the upgrade leaves it
        cc = db.campaign_contacts
        conn.execute(update(cc).where(cc.c.id == contact).values(**db.FOLD_AGAIN))
    later = small.report(
        contact, Outcome.NO_PICKUP, AT + timedelta(hours=2), callback_after=AT + timedelta(days=1)
    )
    assert small.push(north, later) == [p.ItemStatus.ACCEPTED]
    assert small.state(contact) == callstate.CallState(2, AT + timedelta(hours=2), None)
    assert small.stored_fold(contact) == small.full_fold(contact)


def test_a_report_sent_again_counts_once(small: World) -> None:
    """The same report from the other PC (re-enrolled after damage) is a duplicate: still one attempt."""
    contact, _ = next(small.contacts)
    north, south = small.pcs
    call = small.report(contact, Outcome.NO_PICKUP, AT)
    assert small.push(north, call) == [p.ItemStatus.ACCEPTED]
    assert small.push(south, call, small.report(contact, Outcome.NO_PICKUP, AT + timedelta(hours=1))) == [
        p.ItemStatus.DUPLICATE,
        p.ItemStatus.ACCEPTED,
    ]
    assert small.state(contact) == callstate.CallState(2, AT + timedelta(hours=1), None)


def test_a_push_that_only_appends_reads_no_earlier_report(small: World) -> None:
    """The point of the stored fold: a contact's earlier reports are not fetched again for a call after them."""
    contacts = [next(small.contacts)[0] for _ in range(3)]
    north, _south = small.pcs
    for contact in contacts:
        small.push(north, small.report(contact, Outcome.NO_PICKUP, AT))
    statements: list[str] = []

    def seen(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(statement)

    event.listen(small.office.engine, "before_cursor_execute", seen)
    try:
        later = [small.report(c, Outcome.NO_PICKUP, AT + timedelta(hours=5)) for c in contacts]
        assert small.push(north, *later) == [p.ItemStatus.ACCEPTED] * 3
    finally:
        event.remove(small.office.engine, "before_cursor_execute", seen)
    reads = [s for s in statements if s.lstrip().upper().startswith("SELECT") and "FROM reports" in s]
    assert reads == []
    assert all(small.state(c) == callstate.CallState(2, AT + timedelta(hours=5), None) for c in contacts)


def test_a_new_contact_is_folded_on_from_no_reports(small: World) -> None:
    """A contact is created with the fold of no reports stored (at the release, and when a corrected number
    releases a member into the running campaign later): its first call is folded on without reading reports,
    and what is stored then is the full fold (one attempt, the call-back promised)."""
    small.office.commands.import_members(small.org, members(1, start=900))
    m, cc = db.members, db.campaign_contacts
    with small.office.engine.begin() as conn:
        held = set(conn.execute(select(cc.c.member_id)).scalars())
        late = [mid for mid in conn.execute(select(m.c.id)).scalars() if mid not in held]
        assert numbers.release_into_running(conn, small.org, late, NOW) == 1
        added = conn.execute(select(cc.c.id).where(cc.c.member_id == late[0])).scalar_one()
    contacts = [next(small.contacts)[0], next(small.contacts)[0], added]
    assert all(small.stored_fold(c) == callstate.fold_all([]) for c in contacts)
    statements: list[str] = []

    def seen(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(statement)

    promise = AT + timedelta(days=2)
    event.listen(small.office.engine, "before_cursor_execute", seen)
    try:
        first = [small.report(c, Outcome.NO_PICKUP, AT, callback_after=promise) for c in contacts]
        assert small.push(small.pcs[0], *first) == [p.ItemStatus.ACCEPTED] * 3
    finally:
        event.remove(small.office.engine, "before_cursor_execute", seen)
    reads = [s for s in statements if s.lstrip().upper().startswith("SELECT") and "FROM reports" in s]
    assert reads == []
    for contact in contacts:
        assert small.state(contact) == callstate.CallState(1, AT, promise)
        assert small.stored_fold(contact) == small.full_fold(contact)


def test_fold_on_refuses_what_is_not_an_append() -> None:
    """The pure rule (sync.core.callstate.fold_on), on its own: exactly the three refusals, else the full fold."""
    calls = [callstate.Call(f"r{i}", Outcome.NO_PICKUP, AT + timedelta(minutes=10 * i)) for i in range(3)]
    base = callstate.fold_all(calls[:2])
    assert callstate.fold_on(base, calls[2:]) == callstate.fold_all(calls)
    assert callstate.fold_on(base, []) == base
    early = callstate.Call("r9", Outcome.NO_PICKUP, AT + timedelta(minutes=5))
    tie_before = callstate.Call("r0", Outcome.NO_PICKUP, AT + timedelta(minutes=10))  # same time, smaller id
    correction = callstate.Call("c1", Outcome.REACHED, AT + timedelta(hours=1), corrects="r1")
    twice = callstate.Call("r5", Outcome.NO_PICKUP, AT + timedelta(hours=2))
    for refused in ([early], [tie_before], [correction], [twice, twice]):
        assert callstate.fold_on(base, refused) is None
    tie_after = callstate.Call("r2", Outcome.NO_PICKUP, AT + timedelta(minutes=10))  # same time, larger id
    assert callstate.fold_on(base, [tie_after]) == callstate.fold_all([*calls[:2], tie_after])
    assert callstate.fold_on(callstate.Folded(), calls) == callstate.fold_all(calls)
