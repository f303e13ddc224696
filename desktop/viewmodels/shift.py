"""The calling shift: asks for the next card, saves reports, keeps the caller's own counts.

All work goes through the database runner; "saved" is emitted only after the durable commit.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, Signal

from desktop.domain.models import CallReport, Outcome
from desktop.services.calling import Card, CallingService, EmptyQueue, ReportSaved
from desktop.storage.timefmt import utcnow
from desktop.storage.workspace import Workspace
from desktop.tasks import TaskRunner


class ShiftViewModel(QObject):
    campaigns_loaded = Signal(list)
    card_ready = Signal(object)  # Card | EmptyQueue
    saved = Signal(object)  # ReportSaved
    failed = Signal(str)

    def __init__(self, db: TaskRunner, workspace: Workspace, clock=utcnow, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.clock = clock
        self.service = CallingService(workspace, clock)
        self.campaign_id: str | None = None
        self.card: Card | EmptyQueue | None = None
        self.saving = False

    @property
    def caller_label(self) -> str:
        return self.service.ws.person.label

    def start(self) -> None:
        self.db.submit(self.service.campaigns, self._campaigns, self._error)

    def _campaigns(self, campaigns: list) -> None:
        self.campaigns_loaded.emit(campaigns)
        if campaigns:
            self.campaign_id = campaigns[0].id
            self.next_card()

    def next_card(self) -> None:
        assert self.campaign_id is not None
        campaign_id = self.campaign_id
        self.db.submit(lambda: self.service.next_card(campaign_id), self._card, self._error)

    def _card(self, card: Card | EmptyQueue) -> None:
        self.card = card
        self.card_ready.emit(card)

    def report(self, outcome: Outcome, *, callback_after: datetime | None = None) -> bool:
        """Save a report for the current card. Returns False when there is no card or a save is running."""
        card = self.card
        if not isinstance(card, Card) or self.saving:
            return False
        self.saving = True
        report = CallReport(
            campaign_id=card.campaign.id, contact_id=card.contact.id, caller_id=self.service.caller_id,
            outcome=outcome, created_at=self.clock(), callback_after=callback_after,
        )
        self.db.submit(lambda: self.service.record(report), self._saved, self._error)
        return True

    def _saved(self, result: ReportSaved) -> None:
        self.saving = False
        self.saved.emit(result)

    def _error(self, error: BaseException) -> None:
        self.saving = False
        self.failed.emit(type(error).__name__)
        raise error
