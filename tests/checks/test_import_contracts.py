"""The layer rules of README.md as import-linter contracts (pyproject [tool.importlinter]), run by `lint-imports`.

Each contract is shown to break on a planted violation in a copy of the tree, so a contract that cannot fail
(a typo in a module name, a forgotten `include_external_packages`) fails here."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from tests.checks.tools import copy_tree, plant, run_tool
from tests.conftest import ROOT

CONTRACTS = {
    c["id"]: c
    for c in tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"]
}

# contract id -> modules to plant (path, source) and the import the report must name
PLANTED = {
    "core-no-qt": (
        [("desktop/services/planted.py", "from PySide6 import QtCore\n")],
        "desktop.services.planted -> PySide6",
    ),
    "sync-no-desktop": (
        [("sync/core/planted.py", "import desktop.paths\n")],
        "sync.core.planted -> desktop.paths",
    ),
    "desktop-no-server": (
        [("desktop/services/planted.py", "import sync.server.db\n")],
        "desktop.services.planted -> sync.server.db",
    ),
    "views-no-storage": (
        [("desktop/views/planted.py", "from desktop.storage import workspace\n")],
        "desktop.views.planted -> desktop.storage.workspace",
    ),
    "domain-pure": (
        [("desktop/domain/planted.py", "from desktop.services import calling\n")],
        "desktop.domain.planted -> desktop.services.calling",
    ),
    "desktop-layers": (
        [("desktop/storage/planted.py", "from desktop.viewmodels import shift\n")],
        "desktop.storage.planted -> desktop.viewmodels.shift",
    ),
    "storage-acyclic": (
        [
            ("desktop/storage/planted_a.py", "from desktop.storage import planted_b\n"),
            ("desktop/storage/planted_b.py", "from desktop.storage import planted_a\n"),
        ],
        ".planted_",
    ),
}


def test_every_contract_holds_on_the_tree() -> None:
    out = run_tool("lint-imports", "--no-cache")
    assert out.returncode == 0, out.stdout[-4000:] + out.stderr[-2000:]
    assert f"Contracts: {len(CONTRACTS)} kept, 0 broken." in out.stdout


def test_every_contract_has_a_planted_violation() -> None:
    assert set(PLANTED) == set(CONTRACTS)


@pytest.mark.parametrize("contract_id", sorted(PLANTED))
def test_a_planted_violation_breaks_the_contract(contract_id: str, tmp_path: Path) -> None:
    tree = copy_tree(tmp_path)
    modules, named = PLANTED[contract_id]
    for relative, source in modules:
        plant(tree, relative, source)
    out = run_tool("lint-imports", "--no-cache", "--contract", contract_id, cwd=tree)
    assert out.returncode == 1, out.stdout[-4000:] + out.stderr[-2000:]
    assert f"{CONTRACTS[contract_id]['name']} BROKEN" in " ".join(out.stdout.split())
    assert named in out.stdout
