"""People on the PC (#15.2) and the PC clock (#15.7) for the screens: every call runs on the database runner, results
come back by signal, refusals as short codes the views word (never contents, never a passphrase)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import shiboken6
from PySide6.QtCore import QObject, Signal

from desktop.domain.models import Role
from desktop.services import people, session, volunteers
from desktop.services.people import ClockConfirmed, PersonOnPc, Removed
from desktop.storage.errors import WorkspaceError
from desktop.storage.timefmt import utcnow
from desktop.tasks import TaskRunner
from desktop.viewmodels.lead_base import LeadModel, Workspace

__all__ = ["ClockConfirmed", "PeopleModel", "PersonOnPc", "Removed", "Role"]


def refusal_code(error: BaseException) -> str:
    if isinstance(error, people.PeopleRefused | volunteers.AdmissionRefused):
        return error.code
    if isinstance(error, WorkspaceError):
        return f"workspace:{error.code.value}"
    return "error"


def refusal_wait(error: BaseException) -> float:
    """Seconds the next try must wait (the delay after wrong passphrases), 0.0 when there is none."""
    if isinstance(error, people.PeopleRefused | session.ThrottledError):
        return error.wait.total_seconds()
    return 0.0


class PeopleModel(LeadModel):
    loaded = Signal(list)  # list[PersonOnPc]
    added = Signal(str)  # label
    add_refused = Signal(str)
    removed = Signal(object)  # Removed
    remove_refused = Signal(str, float)  # code, seconds to wait before the next try (the delay)
    passphrase_changed = Signal()
    passphrase_refused = Signal(str, float)  # code, seconds to wait before the next try (the delay)
    clock_state = Signal(object)  # datetime of the doubtful reading, or None
    clock_confirmed = Signal(object)  # ClockConfirmed
    pledge_loaded = Signal(str)

    def __init__(
        self,
        db: TaskRunner,
        workspace: Workspace,
        parent: QObject | None = None,
        *,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        super().__init__(db, workspace, parent)
        self.clock = clock

    def refresh(self) -> None:
        self.run(people.people_on_pc, self.loaded.emit)

    def load_pledge(self, lang: str) -> None:
        """The confidentiality pledge in the UI's language (a file: read on the database thread)."""
        self.run(lambda _ws: volunteers.pledge_text(lang), self.pledge_loaded.emit)

    def add(
        self, label: str, role: Role, passphrase: str, typed_name: str, confirmed: bool, purpose: str
    ) -> None:
        clock = self.clock

        def work(ws: Workspace) -> str:
            return people.add_person(
                ws,
                label=label,
                role=role,
                passphrase=passphrase,
                typed_name=typed_name,
                confirmed=confirmed,
                purpose=purpose,
                clock=clock,
            ).label

        def done(added: str) -> None:
            self.added.emit(added)
            self.refresh()

        self.run(work, done, lambda exc: self._refused(self.add_refused, exc, waits=False))

    def remove(self, slot_ids: list[str], passphrases: dict[str, str]) -> None:
        clock = self.clock

        def done(result: Removed) -> None:
            self.removed.emit(result)
            self.refresh()

        self.run(
            lambda ws: people.remove_people(ws, slot_ids, passphrases, clock),
            done,
            lambda exc: self._refused(self.remove_refused, exc),
        )

    def change_own_passphrase(self, old: str, new: str) -> None:
        clock = self.clock

        self.run(
            lambda ws: people.change_own_passphrase(ws, old, new, clock),
            lambda _none: self.passphrase_changed.emit(),
            lambda exc: self._refused(self.passphrase_refused, exc),
        )

    def check_clock(self) -> None:
        self.run(people.clock_waiting, self.clock_state.emit)

    def confirm_clock(self) -> None:
        clock = self.clock

        self.run(lambda ws: people.confirm_clock(ws, clock), self.clock_confirmed.emit)

    def _refused(self, signal, exc: BaseException, *, waits: bool = True) -> None:  # type: ignore[no-untyped-def]
        """Emit the refusal (with the seconds to wait where the signal carries them); a bug is raised on."""
        code = refusal_code(exc)
        if waits:
            signal.emit(code, refusal_wait(exc))
        else:
            signal.emit(code)
        if code == "error":
            raise exc

    def run(self, work, on_done=None, on_error=None) -> None:  # type: ignore[no-untyped-def]
        """As LeadModel.run; a refusal the screen words is expected, not an error worth a log line."""
        if on_error is None:
            super().run(work, on_done)
            return

        def error(exc: BaseException) -> None:
            on_error(exc)

        ws, db = self.ws, self.db
        self._running += 1
        if self._running == 1:
            self.busy_changed.emit(True)

        def done(result) -> None:  # type: ignore[no-untyped-def]
            if shiboken6.isValid(self):
                self._finish()
                if on_done is not None:
                    on_done(result)

        def failed(exc: BaseException) -> None:
            if shiboken6.isValid(self):
                self._finish()
                error(exc)

        db.submit(lambda: work(ws), done, failed)
