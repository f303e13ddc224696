"""A write killed between its temp file and the rename leaves the temp file behind; for the key-slot file it
holds wrapped keys (perhaps of a person removed since). The next write of the same file removes it."""

from __future__ import annotations

import os
import time
from pathlib import Path

from desktop.domain.models import Role
from desktop.paths import WorkspacePaths
from desktop.storage.atomic import LEFTOVER_AGE, write_atomic
from desktop.storage.workspace import Workspace


def _leftover(folder: Path, name: str, age: float) -> Path:
    leftover = folder / f".{name}.k1ll3d{int(age)}.tmp"
    leftover.write_bytes(b'{"slots": "wrapped keys of an interrupted save"}')
    then = time.time() - age
    os.utime(leftover, (then, then))
    return leftover


def test_the_next_write_removes_what_an_interrupted_write_left(tmp_path: Path) -> None:
    target = tmp_path / "keyslots.json"
    old = _leftover(tmp_path, target.name, LEFTOVER_AGE + 5)
    young = _leftover(tmp_path, target.name, 0)  # may be a write still under way: left alone
    other = _leftover(tmp_path, "state.json", LEFTOVER_AGE + 5)  # another file's: not this write's business
    write_atomic(target, b"{}")
    assert target.read_bytes() == b"{}"
    assert not old.exists() and young.exists() and other.exists()


def test_adding_a_person_clears_a_key_slot_leftover(tmp_path: Path) -> None:
    """The real file: the workspace's next key-slot save (here: adding a person) removes an old leftover."""
    paths = WorkspacePaths(tmp_path / "ws")
    ws = Workspace.create(
        paths, org_name="KV Test", label="Erika B.", role=Role.LEAD, passphrase="ein langes passwort"
    )
    try:
        old = _leftover(paths.keyslots.parent, paths.keyslots.name, LEFTOVER_AGE + 5)
        ws.add_person(label="Mia S.", role=Role.CALLER, passphrase="mia hat auch eins")
        assert not old.exists()
        assert sorted(p.name for p in paths.keyslots.parent.glob(f".{paths.keyslots.name}.*")) == []
    finally:
        ws.close()
