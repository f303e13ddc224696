"""Reports taken back after a restore (desktop.services.take_back) enter the workspace as a call does: the
contact's state follows, and a local campaign's objection still reaches the organisation's register (Art. 21
GDPR; issue 13.1) - real workspace, real outbox."""

from __future__ import annotations

from datetime import timedelta

from desktop.domain.models import CallReport
from desktop.services.lead_import import import_members
from desktop.services.take_back import take_back
from desktop.storage import contact_store, outbox_store, report_store
from sync.core.rules import ContactStatus, Outcome
from tests.lead.lead_support import NOW, make_campaign, member_csv


def test_a_local_objection_taken_back_reaches_the_register(ws, tmp_path) -> None:  # type: ignore[no-untyped-def]
    campaign = make_campaign(ws, questions=False)
    import_members(ws, campaign.id, member_csv(tmp_path / "m.csv", 2), now=NOW)
    contact_id = contact_store.next_contact_id(
        ws.conn, campaign.id, now=NOW, me=ws.person.id, max_attempts=10, cooldown=timedelta(0)
    )
    assert contact_id is not None
    objection = CallReport(
        campaign_id=campaign.id,
        contact_id=contact_id,
        caller_id=ws.person.id,
        outcome=Outcome.OBJECTION,
        created_at=NOW,
    )
    before = outbox_store.outbox_rows(ws.conn)

    assert take_back(ws.conn, [objection.model_dump(mode="json")]) == [objection.id]

    assert [r.id for r in report_store.reports_for_contact(ws.conn, contact_id)] == [objection.id]
    state = contact_store.get_state(ws.conn, contact_id)
    assert state is not None and state.status is ContactStatus.OBJECTION
    added = outbox_store.outbox_rows(ws.conn)[len(before) :]
    assert sorted(kind for _, _, kind, _ in added) == ["objection", "report"]
    # taken back once: a second salvage of the same report adds nothing
    assert take_back(ws.conn, [objection.model_dump(mode="json")]) == []
    assert len(outbox_store.outbox_rows(ws.conn)) == len(before) + 2
