"""The delay after wrong passphrases holds wherever a passphrase is checked, not only on the unlock screen (DP-13).

The "Personen" tab's remove dialog (everyone who stays types their passphrase) and "change my passphrase" while
unlocked both check passphrases with Argon2; without the delay they were a way to guess at Argon2's speed. Real
SQLCipher workspaces and the real key-slot file; the clock is injected (no waiting): no delay for the first two
failures, then 2 s, 4 s, 8 s … (session.failure_delay).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from desktop.domain.models import Role
from desktop.paths import WorkspacePaths
from desktop.services import people, session
from desktop.storage.errors import ErrorCode
from desktop.storage.keyslots import KeySlotFile
from desktop.storage.workspace import Workspace, list_slots

LEAD = "erika ihr langes passwort"
MIA = "mia hat auch eins"
JONAS = "jonas sein langes passwort"
T0 = datetime(2026, 11, 25, 18, 0, tzinfo=UTC)
DURING = T0 + timedelta(seconds=1)  # the third failure at T0 makes the next try wait 2 s
AFTER = T0 + timedelta(seconds=2)


def _slot(paths: WorkspacePaths, label: str) -> str:
    return next(s.slot_id for s in list_slots(paths) if s.label == label)


def _office(paths: WorkspacePaths) -> Workspace:
    """A lead, Mia and Jonas on this PC; unlocked by the lead (through the unlock screen's path)."""
    ws = Workspace.create(paths, org_name="KV Test", label="Erika B.", role=Role.LEAD, passphrase=LEAD)
    ws.add_person(label="Mia S.", role=Role.CALLER, passphrase=MIA)
    ws.add_person(label="Jonas K.", role=Role.CALLER, passphrase=JONAS)
    ws.close()
    return session.unlock(paths, _slot(paths, "Erika B."), LEAD, clock=lambda: T0)


def _slots_on_disk(paths: WorkspacePaths) -> list[tuple[str, bytes, tuple[bytes, ...]]]:
    """The slots as stored (ids, salts, wrapped keys): what a rekey or a passphrase change rewrites."""
    return [
        (s.meta.slot_id, s.salt, tuple(w.ciphertext for w in s.wrapped))
        for s in KeySlotFile.load(paths.keyslots).slots
    ]


def _remove_jonas(ws: Workspace, mia: str, at: datetime) -> people.Removed:
    paths = ws.paths
    return people.remove_people(
        ws,
        [_slot(paths, "Jonas K.")],
        {_slot(paths, "Erika B."): LEAD, _slot(paths, "Mia S."): mia},
        clock=lambda: at,
    )


def _refused(ws: Workspace, mia: str, at: datetime) -> people.PeopleRefused:
    with pytest.raises(people.PeopleRefused) as err:
        _remove_jonas(ws, mia, at)
    return err.value


def test_wrong_passphrases_in_the_remove_dialog_make_every_next_try_wait(
    workspace_paths: WorkspacePaths,
) -> None:
    paths = workspace_paths
    ws = _office(paths)
    before = _slots_on_disk(paths)
    for expected_wait in (0, 0, 2):  # Mia mistyped three times
        refusal = _refused(ws, "falsch geraten", T0)
        assert refusal.code == f"wrong_passphrase:{_slot(paths, 'Mia S.')}"  # the dialog says whose
        assert refusal.wait == timedelta(seconds=expected_wait)
    # within the delay even the right passphrases are refused unchecked ("wait", not "wrong") ...
    refusal = _refused(ws, MIA, DURING)
    assert (refusal.code, refusal.wait) == ("throttled", timedelta(seconds=1))
    # ... and nothing changed on disk: Jonas is still there, every slot exactly as it was, the old key in use
    assert _slots_on_disk(paths) == before
    assert [s.label for s in list_slots(paths)] == ["Erika B.", "Mia S.", "Jonas K."]
    session.lock(ws, clock=lambda: DURING)
    Workspace.open(paths, _slot(paths, "Jonas K."), JONAS).close()

    # the app is started again: its unlock screen waits for the same delay (it is in the key-slot file)
    with pytest.raises(session.ThrottledError) as err:
        session.unlock(paths, _slot(paths, "Erika B."), LEAD, clock=lambda: DURING)
    assert err.value.code is ErrorCode.THROTTLED and err.value.wait == timedelta(seconds=1)
    assert session.read_throttle(paths).failures == 3

    # after the delay the right passphrases remove Jonas for real, and that ends the delay
    ws = session.unlock(paths, _slot(paths, "Erika B."), LEAD, clock=lambda: AFTER)
    try:
        for _ in range(3):  # three more typos, so that a delay runs again ...
            _refused(ws, "falsch geraten", AFTER)
        assert session.read_throttle(paths).failures == 3
        later = AFTER + timedelta(seconds=2)
        assert _remove_jonas(ws, MIA, later).labels == ("Jonas K.",)
        assert session.read_throttle(paths) == session.UnlockThrottle()  # ... the right ones end it
    finally:
        session.lock(ws, clock=lambda: later)
    assert [s.label for s in list_slots(paths)] == ["Erika B.", "Mia S."]
    Workspace.open(paths, _slot(paths, "Mia S."), MIA).close()  # whoever stayed still gets in


def test_a_missing_passphrase_checks_nothing_and_counts_nothing(workspace_paths: WorkspacePaths) -> None:
    ws = _office(workspace_paths)
    try:
        with pytest.raises(people.PeopleRefused) as err:
            people.remove_people(ws, [_slot(workspace_paths, "Jonas K.")], {}, clock=lambda: T0)
        assert err.value.code.startswith("wrong_passphrase:")
        assert session.read_throttle(workspace_paths).failures == 0
    finally:
        session.lock(ws)


def test_wrong_tries_at_the_unlock_screen_make_the_remove_dialog_wait(
    workspace_paths: WorkspacePaths,
) -> None:
    paths = workspace_paths
    ws = _office(paths)
    try:
        for _ in range(3):  # someone guessed at the unlock screen (a second instance, or before this one)
            with pytest.raises(session.ThrottledError):
                session.unlock(paths, _slot(paths, "Mia S."), "falsch geraten", clock=lambda: T0)
        before = _slots_on_disk(paths)
        refusal = _refused(ws, MIA, DURING)
        assert (refusal.code, refusal.wait) == ("throttled", timedelta(seconds=1))
        assert _slots_on_disk(paths) == before
    finally:
        session.lock(ws)


def test_wrong_old_passphrases_when_changing_ones_own_make_every_next_try_wait(
    workspace_paths: WorkspacePaths,
) -> None:
    paths = workspace_paths
    ws = _office(paths)
    new = LEAD + " neu"
    for expected_wait in (0, 0, 2):
        with pytest.raises(session.ThrottledError) as err:
            people.change_own_passphrase(ws, "falsch geraten", new, clock=lambda: T0)
        assert err.value.code is ErrorCode.WRONG_PASSPHRASE
        assert err.value.wait == timedelta(seconds=expected_wait)
    before = _slots_on_disk(paths)
    with pytest.raises(session.ThrottledError) as err:  # the right old passphrase, within the delay
        people.change_own_passphrase(ws, LEAD, new, clock=lambda: DURING)
    assert err.value.code is ErrorCode.THROTTLED and err.value.wait == timedelta(seconds=1)
    assert _slots_on_disk(paths) == before  # not changed: the old passphrase still opens it
    session.lock(ws, clock=lambda: DURING)

    # restarted: the unlock screen waits too, and the old passphrase is still the one
    with pytest.raises(session.ThrottledError) as err:
        session.unlock(paths, _slot(paths, "Erika B."), LEAD, clock=lambda: DURING)
    assert err.value.code is ErrorCode.THROTTLED
    ws = session.unlock(paths, _slot(paths, "Erika B."), LEAD, clock=lambda: AFTER)
    try:
        for _ in range(3):
            with pytest.raises(session.ThrottledError):
                people.change_own_passphrase(ws, "falsch geraten", new, clock=lambda: AFTER)
        later = AFTER + timedelta(seconds=2)
        people.change_own_passphrase(ws, LEAD, new, clock=lambda: later)  # after the delay: changed ...
        assert session.read_throttle(paths) == session.UnlockThrottle()  # ... and the delay is over
    finally:
        session.lock(ws, clock=lambda: later)
    session.lock(session.unlock(paths, _slot(paths, "Erika B."), new, clock=lambda: later))
