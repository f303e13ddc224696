"""Lead fixtures. Deriving a key slot (Argon2id, 64 MiB) takes most of a second, so one lead workspace is made
per session and copied for each test, opened with its raw key (the key-slot path is tested in tests/unit)."""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path

import pytest

from desktop.domain.models import Person, Role
from desktop.paths import WorkspacePaths
from desktop.storage.database import open_encrypted
from desktop.storage.keyslots import KeySlotFile
from desktop.storage.workspace import Workspace
from tests.lead.lead_support import make_lead_workspace


@pytest.fixture(scope="session")
def lead_template(tmp_path_factory) -> tuple[Path, bytes, Person]:  # type: ignore[no-untyped-def]
    root = tmp_path_factory.mktemp("lead-template") / "ws"
    ws = make_lead_workspace(WorkspacePaths(root))
    key, person = ws._key, ws.person
    ws.close()
    return root, key, person


def copy_workspace(template: tuple[Path, bytes, Person], dest: Path) -> Workspace:
    root, key, person = template
    shutil.copytree(root, dest)
    paths = WorkspacePaths(dest)
    conn = open_encrypted(paths.database, key)
    return Workspace(paths, conn, KeySlotFile.load(paths.keyslots), person, key)


@pytest.fixture
def ws(lead_template, tmp_path) -> Workspace:  # type: ignore[no-untyped-def]
    workspace = copy_workspace(lead_template, tmp_path / "ws")
    assert workspace.person.role is Role.LEAD
    yield workspace
    with contextlib.suppress(Exception):
        workspace.close()
