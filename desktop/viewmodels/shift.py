"""The calling shift: the card on screen, the report flow for it, saving, correcting, the caller's counts.

All database work goes through the database runner; "saved" is emitted only after the durable commit, and
the next card comes back with it from the same task (so the next person appears as soon as the report is
safe). The report flow itself is the pure domain state machine (desktop.domain.report_flow).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Signal

from desktop.domain.models import Role
from desktop.domain.queue import SkipReason
from desktop.domain.report_flow import ReportFlow, Step, StepKind
from desktop.services.calling import CallingService, Card, NextCard, NoCampaign, ReportSaved, ShiftCounts
from desktop.storage.timefmt import utcnow
from desktop.storage.workspace import Workspace
from desktop.tasks import TaskRunner


class ShiftViewModel(QObject):
    campaigns_loaded = Signal(list)
    card_ready = Signal(object)  # NextCard
    step_changed = Signal(object)  # Step
    saved = Signal(object)  # ReportSaved
    skipped = Signal(object)  # ShiftCounts after a skip
    failed = Signal(str)

    def __init__(
        self,
        db: TaskRunner,
        workspace: Workspace,
        clock: Callable[[], datetime] = utcnow,
        parent: QObject | None = None,
        *,
        counts: ShiftCounts | None = None,
    ) -> None:
        """``counts``: the shift so far when it goes on after a break."""
        super().__init__(parent)
        self.db = db
        self.clock = clock
        self.service = CallingService(workspace, clock, counts)
        self.campaign_id: str | None = None
        self.purpose = "invitation"
        self.card: NextCard | None = None
        self.flow: ReportFlow | None = None
        self.correcting: str | None = None  # id of the report being corrected
        self.saving = False
        self.closed = False

    @property
    def caller_label(self) -> str:
        return self.service.ws.person.label

    @property
    def is_lead(self) -> bool:
        return self.service.ws.person.role is Role.LEAD

    @property
    def can_correct(self) -> bool:
        return self.service.last_report is not None and not self.saving

    # ------------------------------------------------------------------ cards

    def start(self) -> None:
        self._run(self.service.campaigns, self._campaigns)

    def _campaigns(self, campaigns: list) -> None:
        self.campaigns_loaded.emit(campaigns)
        if campaigns:
            self.campaign_id = campaigns[0].id
            self.purpose = campaigns[0].purpose
            self.next_card()
        else:
            self._show(NoCampaign())

    def select_campaign(self, campaign_id: str) -> None:
        """Call for another campaign (a lead chose it); the flow of an unsaved card is dropped."""
        if self.saving:
            return
        self.campaign_id = campaign_id
        self.correcting = None
        self.next_card()

    def next_card(self) -> None:
        if self.campaign_id is None:
            return
        campaign_id = self.campaign_id
        self._run(lambda: self.service.next_card(campaign_id), self._show)

    def _show(self, card: NextCard) -> None:
        self.card = card
        if isinstance(card, Card):
            contact = card.contact
            self.flow = ReportFlow(
                card.campaign,
                (contact.phone, contact.phone2),
                self.service.caller_id,
                contact.id,
                self.clock(),
            )
        else:
            self.flow = None
        self.card_ready.emit(card)
        if self.flow is not None:
            self.step_changed.emit(self.flow.step)

    # ------------------------------------------------------------------ the report flow

    @property
    def step(self) -> Step | None:
        return self.flow.step if self.flow is not None else None

    def press(self, key: str) -> bool:
        """A digit or "enter". Enter on the last step saves."""
        if self.flow is None or self.saving:
            return False
        if key == "enter" and self.flow.done:
            self.save()
            return True
        changed = self.flow.press(key)
        if changed and self.flow.objection:  # 9: "Bitte nicht mehr anrufen" is saved at once (DP-17)
            self.save()
            return True
        self._after_input(changed)
        return changed

    def object(self) -> bool:
        """ "Bitte nicht mehr anrufen": ends the card and saves at once (DP-17)."""
        if self.flow is None or self.saving or not self.flow.object():
            return False
        self.save()
        return True

    def submit_text(self, text: str) -> bool:
        if self.flow is None or self.saving:
            return False
        changed = self.flow.submit_text(text)
        self._after_input(changed)
        return changed

    def submit_datetime(self, when: datetime) -> bool:
        if self.flow is None or self.saving:
            return False
        changed = self.flow.submit_datetime(when)
        self._after_input(changed)
        return changed

    def back(self) -> bool:
        if self.flow is None or self.saving:
            return False
        changed = self.flow.back()
        self._after_input(changed)
        return changed

    def _after_input(self, changed: bool) -> None:
        if changed and self.flow is not None:
            self.step_changed.emit(self.flow.step)

    # ------------------------------------------------------------------ saving and correcting

    def save(self) -> None:
        flow = self.flow
        if flow is None or not flow.done or self.saving:
            return
        self.saving = True
        report = flow.build_report(created_at=self.clock(), corrects=self.correcting)
        self._run(lambda: self.service.record(report, then_next=True), self._saved)

    def _saved(self, result: ReportSaved) -> None:
        self.saving = False
        self.correcting = None
        self.saved.emit(result)
        if result.next is not None:
            self._show(result.next)

    def correct_last(self) -> bool:
        """Open the last saved report's card again; saving records a correction (a new fact)."""
        last = self.service.last_report
        if last is None:
            return False
        return self.correct(last.id)

    def correct(self, report_id: str) -> bool:
        """Open the card of a call of this shift again (from "Meine Anrufe" or F2); saving records a new report
        that supersedes it (a new fact, synced like any report; the old row is never edited)."""
        if self.saving:
            return False
        entry = self.service.shift.entry_of(report_id)
        last = self.service.last_report
        if entry is not None and entry.report is not None:
            campaign_id, contact_id = entry.campaign_id, entry.contact_id
        elif last is not None and last.id == report_id:
            campaign_id, contact_id = last.campaign_id, last.contact_id
        else:
            return False
        self.correcting = report_id
        self._run(lambda: self.service.card_for(campaign_id, contact_id), self._show)
        return True

    @property
    def correcting_entry(self):
        """The shift-list entry being corrected (for the banner), or None."""
        return None if self.correcting is None else self.service.shift.entry_of(self.correcting)

    def skip(self, reason: SkipReason, text: str = "") -> bool:
        """Skip the person on the card (no call, no attempt; desktop.domain.queue.skipped_out) and show the next."""
        card = self.card
        if not isinstance(card, Card) or self.saving or self.correcting is not None:
            return False
        self.flow = None
        self._run(
            lambda: self.service.skip(card.campaign.id, card.contact.id, reason, text), self._after_skip
        )
        return True

    def _after_skip(self, card: NextCard) -> None:
        self.skipped.emit(self.service.shift)
        self._show(card)

    def shift_lines(self, done: Callable[[list], None]) -> None:
        """This shift's list with first names and initials, read on the database thread."""
        self._run(self.service.shift_lines, done)

    def after_sync(self) -> None:
        """A sync may have brought a revocation, an objection, a new campaign or a clearance."""
        if self.saving:
            return
        card = self.card
        if isinstance(card, Card):

            def recheck() -> NextCard:
                return self.service.card_for(card.campaign.id, card.contact.id)

            self._run(recheck, lambda fresh: self._show(fresh) if not isinstance(fresh, Card) else None)
        elif self.campaign_id is None:
            self.start()
        else:
            self.next_card()

    def close(self) -> None:
        """The workspace is being locked: tasks not yet run are skipped, late results ignored."""
        self.closed = True

    def _run(self, fn, done, failed=None) -> None:
        """Submit to the database runner unless closed; checked again when the task runs (the lock's close
        of the workspace may be queued before it)."""
        if self.closed:
            return
        skipped = object()

        def guarded():
            return skipped if self.closed else fn()

        self.db.submit(
            guarded,
            lambda result: None if result is skipped or self.closed else done(result),
            failed or self._error,
        )

    def _error(self, error: BaseException) -> None:
        self.saving = False
        self.failed.emit(type(error).__name__)
        raise error


def is_text_step(step: Step | None) -> bool:
    return step is not None and step.kind is StepKind.TEXT
