"""Slices (DP-16) and the progress figures (DP-26)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop.services import lead_progress, lead_slices
from desktop.services.lead import LeadError
from desktop.services.lead_import import import_members
from desktop.storage import contact_store
from sync.core.rules import Outcome
from tests.lead.lead_support import NOW, add_caller, call, later, make_campaign, member_csv


def next_for(ws, campaign_id, me, now):  # type: ignore[no-untyped-def]
    """What the calling queue would offer ``me`` now (the SQL queue honours reservations)."""
    return contact_store.next_contact_id(
        ws.conn, campaign_id, now=now, me=me, max_attempts=1, cooldown=timedelta(hours=20)
    )


@pytest.fixture
def listed(ws, tmp_path):  # type: ignore[no-untyped-def]
    c = make_campaign(ws)
    import_members(ws, c.id, member_csv(tmp_path / "m.csv", 10), now=NOW)
    return c


def test_split_makes_disjoint_slices_that_cover_the_free_contacts(ws, listed) -> None:  # type: ignore[no-untyped-def]
    holders = [lead_slices.Holder(f"p{i}", f"Person {i}") for i in range(3)]
    changed = lead_slices.split(ws, listed.id, holders, until=later(4), now=NOW)
    assert [s.size for s in changed.slices] == [4, 3, 3]
    assert changed.affected_contacts == 10
    members = [
        {r[0] for r in ws.conn.execute("SELECT id FROM contacts WHERE slice_id = ?", (s.id,))}
        for s in changed.slices
    ]
    assert set.union(*members) == {r[0] for r in ws.conn.execute("SELECT id FROM contacts")}
    assert sum(len(m) for m in members) == 10
    with pytest.raises(LeadError, match="nothing_to_split"):
        lead_slices.split(ws, listed.id, holders, until=later(4), now=NOW)


def test_a_caller_only_gets_their_own_slice_until_the_deadline(ws, listed) -> None:  # type: ignore[no-untyped-def]
    me, other = ws.person.id, "someone-else"
    changed = lead_slices.split(
        ws,
        listed.id,
        [lead_slices.Holder(other, "PC 2", "device"), lead_slices.Holder(me, "Vera L.")],
        until=later(2),
        now=NOW,
    )
    mine = {
        r[0] for r in ws.conn.execute("SELECT id FROM contacts WHERE slice_id = ?", (changed.slices[1].id,))
    }
    offered = set()
    for _ in range(5):
        offered.add(call(ws, listed.id, Outcome.NO_PICKUP, at=later(1)).contact_id)
    assert offered == mine
    assert next_for(ws, listed.id, me, later(1.5)) is None  # the rest belongs to the other PC until 2 h
    # past the deadline the other PC's slice returns to the pool (DP-16)
    late = next_for(ws, listed.id, me, later(3))
    assert late is not None and late not in mine
    assert lead_slices.expire_slices(ws, later(3)) == 2  # both deadlines passed
    infos = lead_slices.list_slices(ws, listed.id)
    assert infos[0].released_at is not None and infos[0].holder is None


def test_release_and_reserve(ws, listed) -> None:  # type: ignore[no-untyped-def]
    s = lead_slices.split(
        ws, listed.id, [lead_slices.Holder("a", "A"), lead_slices.Holder("b", "B")], until=later(2), now=NOW
    ).slices
    again = lead_slices.reserve(ws, s[0].id, lead_slices.Holder("c", "C"), until=later(5), now=NOW)
    assert again.affected_contacts == 5
    assert {
        r[0] for r in ws.conn.execute("SELECT reserved_by FROM contacts WHERE slice_id = ?", (s[0].id,))
    } == {"c"}
    released = lead_slices.release(ws, s[1].id, now=NOW)
    assert released.affected_contacts == 5
    assert len(contact_store.free_open_contact_ids(ws.conn, listed.id, NOW)) == 5
    with pytest.raises(LeadError, match="slice_released"):
        lead_slices.reserve(ws, s[1].id, lead_slices.Holder("c", "C"), until=later(5), now=NOW)
    with pytest.raises(LeadError, match="deadline_in_past"):
        lead_slices.split(ws, listed.id, [lead_slices.Holder("x", "X")], until=NOW - timedelta(1), now=NOW)


def test_progress_counts_and_names_only_opted_in_volunteers(ws, listed) -> None:  # type: ignore[no-untyped-def]
    call(ws, listed.id, Outcome.REACHED, at=later(-2))
    call(ws, listed.id, Outcome.OBJECTION, at=later(-1))
    call(ws, listed.id, Outcome.CALL_BACK, at=later(-1), callback_after=later(20))
    call(ws, listed.id, Outcome.NO_PICKUP, at=later(-0.5))
    add_caller(ws, "Olga O.", opt_in=True)
    add_caller(ws, "Paul P.", opt_in=False)
    p = lead_progress.progress(ws, listed.id, now=NOW)
    assert (p.total, p.reached, p.objections, p.callbacks, p.calls) == (10, 2, 1, 1, 4)
    assert p.open == 8 and p.by_status["done"] == 1 and p.by_status["objection"] == 1
    assert sum(b.calls for b in p.per_hour) == 4 and p.per_hour[-1].start <= NOW
    assert sum(d.calls for d in p.per_day) == 4
    assert p.callers == 1 and p.pending_uploads == 0  # a lead's local campaign: reports never leave the PC
    assert p.volunteers == ()  # the lead did not opt in; Olga opted in but made no call
    with ws.transaction() as conn:
        conn.execute("UPDATE people SET ranking_opt_in = 1 WHERE id = ?", (ws.person.id,))
    assert [
        (v.label, v.calls, v.reached) for v in lead_progress.progress(ws, listed.id, now=NOW).volunteers
    ] == [("Vera L.", 4, 2)]
