"""The calling rules both the PC and the central office apply (design.md "Calling", "Sync").

One definition of each: the outcomes of a call and their Zetkin state codes, the statuses of a contact, the
status one report gives, the fixed precedence by which reports combine (objection wins and is never undone),
and which reports still count once corrections arrived. The desktop's queue fold, the central office's
ingest and the PC's reconciliation of pulled statuses all call these functions.

Pure code: no Qt, no I/O, no desktop or server imports.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum


class Outcome(StrEnum):
    """Outcomes follow Zetkin's call report; each maps 1:1 to a Zetkin state code for export, plus the two
    Zetkin has no code for: objection (Art. 21 GDPR) and number not in service (data quality)."""

    REACHED = "reached"  # 1
    NO_PICKUP = "no_pickup"  # 11
    BUSY = "busy"  # 12
    CALL_BACK = "call_back"  # 13: reached but could not talk
    NOT_AVAILABLE = "not_available"  # 14: someone else answered / person not there
    VOICEMAIL = "voicemail"  # 15: no pickup, voicemail left
    WRONG_NUMBER = "wrong_number"  # 21
    OBJECTION = "objection"  # "Bitte nicht mehr anrufen" (no Zetkin code)
    NOT_IN_SERVICE = "not_in_service"  # "Kein Anschluss unter dieser Nummer" (no Zetkin code)

    @property
    def zetkin_code(self) -> int | None:
        return ZETKIN_CODES[self]

    @property
    def is_final_for_contact(self) -> bool:
        """Outcomes after which the person is never offered again (DP-17, DP-18)."""
        return self in FINAL_OUTCOMES

    @property
    def reached(self) -> bool:
        return self in (Outcome.REACHED, Outcome.CALL_BACK)


ZETKIN_CODES: dict[Outcome, int | None] = {
    Outcome.REACHED: 1,
    Outcome.NO_PICKUP: 11,
    Outcome.BUSY: 12,
    Outcome.CALL_BACK: 13,
    Outcome.NOT_AVAILABLE: 14,
    Outcome.VOICEMAIL: 15,
    Outcome.WRONG_NUMBER: 21,
    Outcome.OBJECTION: None,
    Outcome.NOT_IN_SERVICE: None,
}
FINAL_OUTCOMES = frozenset({Outcome.OBJECTION, Outcome.WRONG_NUMBER, Outcome.NOT_IN_SERVICE})


class ContactStatus(StrEnum):
    """A contact's status. The central office's verdict is authoritative; reports combine by precedence."""

    OPEN = "open"  # may be offered (subject to queue rules)
    DONE = "done"  # reached and finished
    OBJECTION = "objection"
    WRONG_NUMBER = "wrong_number"
    NOT_IN_SERVICE = "not_in_service"
    ORGANIZER_ACTION = "organizer_action"  # waiting for the lead / organizer


# Higher wins when reports of a contact disagree: objection over everything, a dead or wrong number over an
# organizer action, that over done, done over open. A total order, so the result never depends on the order
# in which reports arrive (client clocks are for display only).
STATUS_PRECEDENCE: dict[ContactStatus, int] = {
    ContactStatus.OPEN: 0,
    ContactStatus.DONE: 1,
    ContactStatus.ORGANIZER_ACTION: 2,
    ContactStatus.WRONG_NUMBER: 3,
    ContactStatus.NOT_IN_SERVICE: 4,
    ContactStatus.OBJECTION: 5,
}


def report_status(
    outcome: Outcome,
    organizer_action: bool = False,
    callback: bool = False,
    organizer_resolution: str | None = None,
) -> ContactStatus:
    """The status one report alone gives its contact.

    Objection is final; not in service and wrong number too, until a corrected number reopens the contact at the
    central office (``organizer_resolution`` "reopen"); otherwise a flagged organizer action waits for the
    lead — until the central office resolved it (inbox v1, ``organizer_resolution``: ``done`` closes the
    contact, ``reopen`` returns it to the queue); reached without a requested call-back is done; anything else
    stays open.
    """
    if outcome is Outcome.OBJECTION:
        return ContactStatus.OBJECTION
    if outcome in (Outcome.NOT_IN_SERVICE, Outcome.WRONG_NUMBER) and organizer_resolution == "reopen":
        return ContactStatus.OPEN  # a corrected number arrived (issues 13.2, 14.3)
    if outcome is Outcome.NOT_IN_SERVICE:
        return ContactStatus.NOT_IN_SERVICE
    if outcome is Outcome.WRONG_NUMBER:
        return ContactStatus.WRONG_NUMBER
    if organizer_action and organizer_resolution == "done":
        return ContactStatus.DONE
    if organizer_action and organizer_resolution == "reopen":
        return ContactStatus.OPEN
    if organizer_action:
        return ContactStatus.ORGANIZER_ACTION
    if outcome is Outcome.REACHED and not callback:
        return ContactStatus.DONE
    return ContactStatus.OPEN


def combine_statuses(statuses: Iterable[ContactStatus]) -> ContactStatus:
    """The status of a contact whose counting reports give ``statuses``: the one of highest precedence
    (OPEN when there are none). Used for the fold on the PC, at the central office, and to reconcile a
    pulled status with the local one (a local status of higher precedence stays until it is pushed)."""
    return max(statuses, key=STATUS_PRECEDENCE.__getitem__, default=ContactStatus.OPEN)


def still_counts(outcome: Outcome, corrected: bool) -> bool:
    """Whether a report still counts for its contact's status: a corrected report no longer does, except an
    objection, which no correction undoes (DP-17)."""
    return not corrected or outcome is Outcome.OBJECTION
