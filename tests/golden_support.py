"""The golden workspace written by schema version 1 (tests/golden/workspace_v1), opened by today's app."""

from __future__ import annotations

import shutil
from pathlib import Path

from desktop.paths import WorkspacePaths
from desktop.storage.workspace import Workspace, list_slots

GOLDEN = Path(__file__).resolve().parent / "golden"


def open_golden_v1(tmp_path: Path) -> Workspace:
    """A copy of tests/golden/workspace_v1 (passphrase 'golden passphrase') under ``tmp_path``, opened: which
    migrates it to the latest schema."""
    root = tmp_path / "ws"
    shutil.copytree(GOLDEN / "workspace_v1", root)
    paths = WorkspacePaths(root)
    return Workspace.open(paths, list_slots(paths)[0].slot_id, "golden passphrase")
