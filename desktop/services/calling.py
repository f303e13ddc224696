"""Use cases of a calling shift: the next card, saving a report durably, the caller's own counts.

Runs on the task thread. Every mutation returns what changed, so the views refresh from it (Anki operations).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from desktop.domain.models import (
    CallReport, Campaign, Contact, ContactState, ContactStatus, Outcome,
)
from desktop.storage import audit, repo
from desktop.storage.timefmt import from_db, utcnow
from desktop.storage.workspace import Workspace

Clock = Callable[[], datetime]


@dataclass(frozen=True)
class Attempt:
    outcome: Outcome
    at: datetime
    mine: bool
    note: str = ""


@dataclass(frozen=True)
class Card:
    """Everything the call card shows, already restricted to the campaign's allowed fields."""

    campaign: Campaign
    contact: Contact
    attempts: tuple[Attempt, ...]
    numbers_visible: bool = True


@dataclass(frozen=True)
class EmptyQueue:
    campaign: Campaign
    open_count: int
    waiting_callbacks: int
    next_callback: datetime | None


@dataclass(frozen=True)
class ShiftCounts:
    calls: int = 0
    reached: int = 0
    started_at: datetime | None = None

    def per_hour(self, now: datetime) -> float:
        if not self.started_at or self.calls == 0:
            return 0.0
        hours = max((now - self.started_at).total_seconds() / 3600, 1 / 60)
        return self.calls / hours


@dataclass(frozen=True)
class ReportSaved:
    """What changed when a report was saved: the views refresh from this, nothing else."""

    report: CallReport
    contact_state: ContactState
    outbox_seq: int
    pending_uploads: int
    shift: ShiftCounts = field(default_factory=ShiftCounts)


def _apply_report(state: ContactState, report: CallReport, now: datetime) -> ContactState:
    status = state.status
    if report.outcome is Outcome.OBJECTION:
        status = ContactStatus.OBJECTION
    elif report.outcome is Outcome.WRONG_NUMBER:
        status = ContactStatus.WRONG_NUMBER
    elif report.outcome is Outcome.NOT_IN_SERVICE:
        status = ContactStatus.NOT_IN_SERVICE
    elif report.organizer_action:
        status = ContactStatus.ORGANIZER_ACTION
    elif report.outcome is Outcome.REACHED and report.callback_after is None:
        status = ContactStatus.DONE
    return state.model_copy(update={
        "status": status, "attempts": state.attempts + 1, "last_attempt_at": report.created_at,
        "callback_after": report.callback_after, "reserved_by": None, "reserved_until": None,
    })


class CallingService:
    def __init__(self, workspace: Workspace, clock: Clock = utcnow) -> None:
        self.ws = workspace
        self.clock = clock
        self.shift_started_at = clock()
        self._shift = ShiftCounts(started_at=self.shift_started_at)

    @property
    def caller_id(self) -> str:
        return self.ws.person.id

    def campaigns(self) -> list[Campaign]:
        return repo.list_campaigns(self.ws.conn)

    def next_card(self, campaign_id: str) -> Card | EmptyQueue:
        conn = self.ws.conn
        campaign = repo.get_campaign(conn, campaign_id)
        if campaign is None:
            raise KeyError(campaign_id)
        now = self.clock()
        contact_id = repo.next_contact_id(
            conn, campaign_id, now=now, me=self.caller_id, max_attempts=campaign.rules.max_attempts,
            cooldown=timedelta(hours=campaign.rules.cooldown_hours))
        if contact_id is None:
            counts = repo.status_counts(conn, campaign_id)
            row = conn.execute(
                "SELECT count(*), min(callback_after) FROM contacts WHERE campaign_id = ? AND status = 'open' "
                "AND callback_after IS NOT NULL", (campaign_id,)).fetchone()
            return EmptyQueue(campaign, counts.get("open", 0), row[0], from_db(row[1]))
        contact = repo.get_contact(conn, contact_id)
        assert contact is not None
        history = tuple(
            Attempt(r.outcome, r.created_at, r.caller_id == self.caller_id,
                    r.note if campaign.rules.notes_enabled else "")
            for r in repo.reports_for_contact(conn, contact_id)
        )
        return Card(campaign, contact.restricted_to(campaign.allowed_fields), history)

    def record(self, report: CallReport) -> ReportSaved:
        """Save a report durably: report row, contact state and outbox row in one transaction."""
        if report.caller_id != self.caller_id:
            raise PermissionError("a report is always the signed-in person's own")
        with self.ws.transaction() as conn:
            state = repo.get_state(conn, report.contact_id)
            if state is None:
                raise KeyError(report.contact_id)
            new_state = _apply_report(state, report, self.clock())
            repo.insert_report(conn, report)
            repo.save_state(conn, new_state)
            seq = repo.enqueue(conn, item_id=report.id, kind="report",
                               payload=report.model_dump(mode="json"), created_at=report.created_at)
            if report.outcome is Outcome.OBJECTION:
                audit.append(conn, audit.AuditKind.OBJECTION, at=report.created_at, person_id=self.caller_id,
                             subject=report.contact_id)
            pending = repo.pending_count(conn)
        self._shift = ShiftCounts(
            calls=self._shift.calls + 1,
            reached=self._shift.reached + (1 if report.outcome.reached else 0),
            started_at=self._shift.started_at,
        )
        return ReportSaved(report, new_state, seq, pending, self._shift)

    @property
    def shift(self) -> ShiftCounts:
        return self._shift
