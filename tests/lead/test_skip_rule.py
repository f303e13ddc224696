"""Skipping a person (#15.4): not an attempt, nothing stored or queued for upload, and the skipped person
returns by the one rule (desktop.domain.queue.skipped_out) - real workspace, real queue SQL."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.models import CallReport
from desktop.domain.queue import SkipReason, skipped_out
from desktop.services.calling import CallingService, Card, EmptyQueue, ShiftCounts, ShiftEntry
from desktop.services.lead import update_campaign
from desktop.services.lead_import import import_members
from desktop.storage import contact_store, outbox_store, report_store
from sync.core.rules import Outcome
from tests.lead.lead_support import NOW, make_campaign, member_csv


def test_skipped_out_rule() -> None:
    skips = {"a": SkipReason.PHONE_TROUBLE, "b": SkipReason.KNOWN_PERSONALLY, "c": SkipReason.LANGUAGE}
    assert skipped_out(skips, others_left=True) == {"a", "b", "c"}
    assert skipped_out(skips, others_left=False) == {"b", "c"}  # only "phone trouble" comes back
    assert skipped_out({}, others_left=False) == frozenset()


def test_a_skip_is_no_attempt_and_the_person_returns_when_nobody_else_is_left(ws, tmp_path) -> None:  # type: ignore[no-untyped-def]
    campaign = make_campaign(ws, questions=False)
    campaign = campaign.model_copy(update={"script": "Hallo {first_name}", "transparency": "Aus der Kartei."})
    update_campaign(ws, campaign)
    import_members(ws, campaign.id, member_csv(tmp_path / "m.csv", 3), now=NOW)
    service = CallingService(ws, clock=lambda: NOW)
    outbox_before = len(outbox_store.outbox_rows(ws.conn))

    first = service.next_card(campaign.id)
    assert isinstance(first, Card)
    second = service.skip(campaign.id, first.contact.id, SkipReason.PHONE_TROUBLE, "  Headset  ")
    assert isinstance(second, Card) and second.contact.id != first.contact.id
    third = service.skip(campaign.id, second.contact.id, SkipReason.KNOWN_PERSONALLY)
    assert isinstance(third, Card) and third.contact.id not in {first.contact.id, second.contact.id}
    # skipping stored nothing, counted nothing, queued nothing
    for card in (first, second):
        state = contact_store.get_state(ws.conn, card.contact.id)
        assert state.attempts == 0 and state.last_attempt_at is None
        assert report_store.reports_for_contact(ws.conn, card.contact.id) == []
    assert len(outbox_store.outbox_rows(ws.conn)) == outbox_before
    assert service.shift.calls == 0 and [e.skip_text for e in service.shift.log] == ["Headset", ""]

    busy = CallReport(
        campaign_id=campaign.id,
        contact_id=third.contact.id,
        caller_id=ws.person.id,
        outcome=Outcome.BUSY,
        created_at=NOW,
    )
    saved = service.record(busy, then_next=True)
    # nobody else is left (the busy one cools down): "phone trouble" comes back, "known personally" not
    assert isinstance(saved.next, Card) and saved.next.contact.id == first.contact.id
    service.record(busy.model_copy(update={"id": "r2", "contact_id": first.contact.id}))
    empty = service.next_card(campaign.id)
    assert isinstance(empty, EmptyQueue) and empty.skipped == 1
    # a new shift (and so every other caller) is offered the person this caller knows
    other = CallingService(ws, clock=lambda: NOW)
    offered = other.next_card(campaign.id)
    assert isinstance(offered, Card) and offered.contact.id == second.contact.id


def test_the_short_skip_text_keeps_at_most_80_characters(ws, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The skip dialog's text box takes 80 characters; the service keeps no more than that either."""
    campaign = make_campaign(ws, questions=False)
    campaign = campaign.model_copy(update={"script": "Hallo {first_name}", "transparency": "Aus der Kartei."})
    update_campaign(ws, campaign)
    import_members(ws, campaign.id, member_csv(tmp_path / "m.csv", 3), now=NOW)
    service = CallingService(ws, clock=lambda: NOW)
    first = service.next_card(campaign.id)
    assert isinstance(first, Card)
    exactly, longer = "x" * 80, "y" * 81
    second = service.skip(campaign.id, first.contact.id, SkipReason.OTHER, exactly)
    assert isinstance(second, Card)
    service.skip(campaign.id, second.contact.id, SkipReason.OTHER, longer)
    assert [e.skip_text for e in service.shift.log] == [exactly, "y" * 80]


def _walk(log) -> dict:  # type: ignore[no-untyped-def]
    """The definition: a skip adds the person, a call takes them out, in the order of the shift's list."""
    skipped: dict = {}
    for entry in log:
        if entry.skip_reason is not None:
            skipped[entry.contact_id] = entry.skip_reason
        else:
            skipped.pop(entry.contact_id, None)
    return skipped


@settings(max_examples=200, deadline=None)
@given(
    events=st.lists(
        st.tuples(st.sampled_from("abcd"), st.one_of(st.none(), st.sampled_from(list(SkipReason)))),
        max_size=30,
    )
)
def test_the_skips_a_shift_keeps_are_its_lists_skips_not_called_since(events) -> None:  # type: ignore[no-untyped-def]
    """The shift keeps who was skipped as it goes (a long shift must not walk its whole list for every card):
    after any mix of skips and calls it is what the list says."""
    shift = ShiftCounts(started_at=NOW)
    for contact, reason in events:
        if reason is None:
            report = CallReport(
                campaign_id="k", contact_id=contact, caller_id="me", outcome=Outcome.BUSY, created_at=NOW
            )
            shift = shift.appended(ShiftEntry(NOW, "k", contact, report), calls=shift.calls + 1)
        else:
            shift = shift.appended(ShiftEntry(NOW, "k", contact, skip_reason=reason))
        assert shift.skips == _walk(shift.log)
    assert shift.calls == sum(1 for _, r in events if r is None)
