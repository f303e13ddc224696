"""People on this PC (#15.2): who may unlock the workspace, adding a person, removing one for real, and one's own
passphrase. Runs on the database thread like every service.

- The list comes from the key-slot file (label and role only; no secret, nothing beyond what the unlock screen
  shows).
- Adding a person is `volunteers.admit` (own passphrase, signed confidentiality pledge, sent to the central
  office on the next sync), for a caller or a further call lead.
- Removing a person is the rekey path (storage.rekey): the workspace moves to a new random key that only the
  remaining slots wrap, so the removed person's passphrase opens nothing any more, not even with a copy of the
  old key-slot file. A rekey needs the passphrase of every person who stays (each slot wraps the key under
  that person's passphrase); whoever is not at hand is removed in the same step and added again later.
- Every passphrase checked here (the remove dialog's, the old one when changing one's own) goes through the same
  delay after wrong passphrases as the unlock screen (session.passphrase_check): a wrong one grows the shared
  delay, during the delay nothing is checked, and a right one ends it. Otherwise these dialogs would be a way to
  guess passphrases at Argon2's speed.
- Confirming the PC clock (#15.7): a lead says the clock is right after a jump; the wipes and expiries that
  waited for it run at once.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from desktop.domain.models import Person, Role
from desktop.domain.passphrase import MIN_LENGTH
from desktop.services import lead_end, retention, session, volunteers
from desktop.storage import rekey, trusted_time
from desktop.storage.errors import ErrorCode
from desktop.storage.keyslots import KeySlotFile
from desktop.storage.timefmt import utcnow
from desktop.storage.workspace import Workspace

MAX_LABEL = 40


class PeopleRefused(Exception):
    """A refusal the screen words: not_a_lead, own_slot, unknown, wrong_passphrase:<slot id>, throttled,
    passphrase_too_short, nobody, clock_fine. ``wait``: how long the next try must wait (the delay after wrong
    passphrases; zero for every other refusal)."""

    def __init__(self, code: str, wait: timedelta = timedelta(0)) -> None:
        super().__init__(code)
        self.code = code
        self.wait = wait


@dataclass(frozen=True)
class PersonOnPc:
    slot_id: str
    person_id: str
    label: str
    role: Role
    is_me: bool


@dataclass(frozen=True)
class Removed:
    """What a removal changed: the labels gone, the backups moved to the new key, those left as they were."""

    labels: tuple[str, ...]
    backups_rekeyed: int
    backups_skipped: int


def people_on_pc(ws: Workspace) -> list[PersonOnPc]:
    ws.slots = KeySlotFile.load(ws.paths.keyslots)  # another task may have changed it (a passphrase, a rekey)
    return [
        PersonOnPc(m.slot_id, m.person_id, m.label, m.role, m.person_id == ws.person.id)
        for m in ws.slots.labels()
    ]


def _lead_only(ws: Workspace) -> None:
    if ws.person.role is not Role.LEAD:
        raise PeopleRefused("not_a_lead")


def add_person(
    ws: Workspace,
    *,
    label: str,
    role: Role,
    passphrase: str,
    typed_name: str,
    confirmed: bool,
    purpose: str,
    clock: Callable[[], datetime] = utcnow,
) -> Person:
    """A caller (or a further call lead) gets their own key slot and signs the pledge; see volunteers.admit.
    Refusals come as volunteers.AdmissionRefused codes (label_too_long added here)."""
    if len(label.strip()) > MAX_LABEL:
        raise volunteers.AdmissionRefused("label_too_long")
    ws.slots = KeySlotFile.load(ws.paths.keyslots)
    return volunteers.admit(
        ws,
        label=label,
        passphrase=passphrase,
        typed_name=typed_name,
        confirmed=confirmed,
        purpose=purpose,
        role=role,
        clock=clock,
    )


def remove_people(
    ws: Workspace,
    remove: Collection[str],
    passphrases: Mapping[str, str],
    clock: Callable[[], datetime] = utcnow,
) -> Removed:
    """Remove the key slots in `remove` by rekeying; `passphrases` holds the passphrase of everyone who stays.

    Everything is checked before anything is written (storage.rekey); a wrong passphrase is refused with the
    slot it belongs to, so the screen can say whose it was, and counts as one failed try of the delay after
    wrong passphrases (session.passphrase_check); during that delay no passphrase is checked ("throttled").
    Success ends the delay, as unlocking does: every passphrase typed was right.
    """
    _lead_only(ws)
    slots = {p.slot_id: p for p in people_on_pc(ws)}
    if not remove:
        raise PeopleRefused("nobody")
    if any(slot_id not in slots for slot_id in remove):
        raise PeopleRefused("unknown")
    if any(slots[slot_id].is_me for slot_id in remove):
        raise PeopleRefused("own_slot")
    try:
        with session.passphrase_check(ws.paths, clock()):
            result = rekey.rekey_with_result(ws, dict(passphrases), remove=remove)
    except rekey.MissingPassphrases as exc:  # nothing was checked: no failure counted
        raise PeopleRefused(f"wrong_passphrase:{exc.slot_ids[0]}") from None
    except session.ThrottledError as exc:
        if exc.code is ErrorCode.WRONG_PASSPHRASE:
            raise PeopleRefused(f"wrong_passphrase:{exc.detail}", exc.wait) from None
        raise PeopleRefused("throttled", exc.wait) from None
    return Removed(
        tuple(slots[s].label for s in result.removed),
        len(result.backups_rekeyed),
        len(result.backups_skipped),
    )


def change_own_passphrase(ws: Workspace, old: str, new: str, clock: Callable[[], datetime] = utcnow) -> None:
    """Anyone, while unlocked: the own slot rewrapped (the old passphrase must open it). The old passphrase is
    checked under the delay after wrong passphrases like the unlock screen's (session.ThrottledError:
    WRONG_PASSPHRASE with the wait, or THROTTLED when not checked)."""
    if len(new) < MIN_LENGTH:
        raise PeopleRefused("passphrase_too_short")
    with session.passphrase_check(ws.paths, clock()):
        rekey.change_own_passphrase(ws, old, new)


# ------------------------------------------------------------------------------------------ the PC clock


def clock_waiting(ws: Workspace) -> datetime | None:
    """The doubtful PC clock reading while wipes and expiries wait for it (None when all is well)."""
    return trusted_time.clock_unconfirmed(ws.conn)


@dataclass(frozen=True)
class ClockConfirmed:
    at: datetime
    campaigns_ended: int  # the lead's own campaigns past their end whose contact data went now
    central_wiped: int  # central campaigns whose access ran out


def confirm_clock(ws: Workspace, clock: Callable[[], datetime] = utcnow) -> ClockConfirmed:
    """A call lead confirms that the PC's clock is right; what waited for it happens now."""
    _lead_only(ws)
    now = clock()
    with ws.transaction() as conn:
        trusted_time.confirm_pc_clock(conn, now)
    wiped = retention.enforce(ws.conn, now)
    ended = lead_end.expire_campaigns(ws, trusted_time.destructive_now(ws.conn, now))
    return ClockConfirmed(now, len(ended), len(wiped))
