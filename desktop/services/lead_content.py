"""Content of central campaigns on the PC (issue 14.1, content v1 of the protocol).

The central office authors a released campaign's content (script, transparency answer, questions, rules) and
sends each new version in the pull; ``campaign_store.apply_campaign_content`` stores it with its version number. The
organisation's call lead may adapt script and questions (:func:`adapt_content`): the change applies on this PC
at once and travels as a ``content`` outbox item; the central office makes it the next version, which reaches
every PC of the organisation. Runs on the task thread, never imports Qt.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from desktop.domain.models import Campaign, Question, new_id
from desktop.services.lead import LeadError, require_lead
from desktop.storage import campaign_store, contact_store, organizer_store, outbox_store
from desktop.storage.timefmt import utcnow
from desktop.storage.workspace import Workspace
from sync.core.content import ContentAdaptation, content_problems


@dataclass(frozen=True)
class ContentAdapted:
    """What an adaptation changed: the campaign as it is now called with, and the version it started from."""

    campaign: Campaign
    base_version: int
    adaptation_id: str


def adapt_content(
    ws: Workspace,
    campaign_id: str,
    *,
    script: str | None = None,
    questions: Sequence[Question] | None = None,
    now: datetime | None = None,
) -> ContentAdapted:
    """The lead's own script / questions for a central campaign (everything else stays the central office's)."""
    require_lead(ws)
    now = now or utcnow()
    with ws.transaction() as conn:
        campaign = campaign_store.get_campaign(conn, campaign_id)
        row = campaign_store.campaign_row(conn, campaign_id)
        if campaign is None or row is None:
            raise LeadError("unknown_campaign")
        if row[1] != "central":
            raise LeadError("not_a_central_campaign")
        if row[0] == "ended":
            raise LeadError("campaign_ended")
        version, _ = campaign_store.campaign_content_version(conn, campaign_id)
        if version is None:
            raise LeadError("no_central_content_yet")
        new_script = campaign.script if script is None else script
        new_questions = tuple(campaign.questions if questions is None else questions)
        problems = content_problems(new_script, campaign.transparency, new_questions)
        if problems:
            raise LeadError("invalid_campaign", ", ".join(f"{p.field}:{p.code}" for p in problems))
        updated = Campaign.model_validate(
            {**campaign.model_dump(), "script": new_script, "questions": new_questions}
        )
        adaptation = ContentAdaptation(
            adaptation_id=new_id(),
            campaign_id=campaign_id,
            base_version=version,
            script=new_script,
            questions=new_questions,
            created_at=now,
        )
        campaign_store.set_campaign_content(conn, updated, None, "lead")
        outbox_store.enqueue(
            conn,
            item_id=adaptation.adaptation_id,
            kind="content",
            payload=adaptation.model_dump(mode="json"),
            created_at=now,
        )
    return ContentAdapted(updated, version, adaptation.adaptation_id)


def campaign_settings(ws: Workspace, campaign_id: str) -> dict[str, object]:
    """A campaign's settings and content version as plain data (no contact data): `campaign show --json`."""
    conn = ws.conn
    campaign = campaign_store.get_campaign(conn, campaign_id)
    row = campaign_store.campaign_row(conn, campaign_id)
    if campaign is None or row is None:
        raise LeadError("unknown_campaign")
    version, author = campaign_store.campaign_content_version(conn, campaign_id)
    problems = content_problems(campaign.script, campaign.transparency, campaign.questions)
    return {
        "campaign_id": campaign.id,
        "title": campaign.title,
        "purpose": campaign.purpose,
        "categories": list(campaign.categories),
        "status": row[0],
        "origin": row[1],
        "content_version": version,
        "content_author": author,
        "callable": not problems,
        "problems": [f"{p.field}:{p.code}" for p in problems],
        "starts_on": campaign.starts_on.isoformat() if campaign.starts_on else None,
        "ends_on": campaign.ends_on.isoformat() if campaign.ends_on else None,
        "script": campaign.script,
        "transparency": campaign.transparency,
        "questions": [q.model_dump(mode="json") for q in campaign.questions],
        "rules": campaign.rules.model_dump(mode="json"),
        "contacts": contact_store.contact_count(conn, campaign_id),
        "organizer_open": organizer_store.organizer_open_count(conn, campaign_id),
    }
