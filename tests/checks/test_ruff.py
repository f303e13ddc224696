"""ruff with the project's settings (pyproject [tool.ruff]): lint and format, both clean on the tree."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.checks.tools import plant, run_tool
from tests.conftest import ROOT


def test_ruff_check_is_clean() -> None:
    out = run_tool("ruff", "check", "--no-cache", "--output-format", "concise", ".")
    assert out.returncode == 0, out.stdout[-4000:] + out.stderr[-2000:]


def test_ruff_format_leaves_the_tree_unchanged() -> None:
    out = run_tool("ruff", "format", "--no-cache", "--check", ".")
    assert out.returncode == 0, out.stdout[-4000:] + out.stderr[-2000:]


def _project(tmp_path: Path) -> Path:
    shutil.copy2(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_ruff_check_fails_on_a_planted_finding(tmp_path: Path) -> None:
    root = _project(tmp_path)
    plant(
        root,
        "desktop/services/planted.py",
        "import os\nimport sys\n\n\ndef f(items=[]):\n    return sys.argv\n",
    )
    out = run_tool("ruff", "check", "--no-cache", "--output-format", "concise", ".", cwd=root)
    assert out.returncode == 1
    assert "desktop/services/planted.py:1:8: F401" in out.stdout  # unused import
    assert "B006" in out.stdout  # mutable default argument: a rule beyond ruff's defaults is on


def test_ruff_format_fails_on_a_planted_misformat(tmp_path: Path) -> None:
    root = _project(tmp_path)
    plant(root, "sync/core/planted.py", "x = { 'a':1 }\n")
    out = run_tool("ruff", "format", "--no-cache", "--check", ".", cwd=root)
    assert out.returncode == 1
    assert "sync/core/planted.py" in out.stdout + out.stderr
