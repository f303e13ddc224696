"""mypy with the project's settings (pyproject [tool.mypy]): strict, with a short list of exceptions."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.checks.tools import plant, run_tool
from tests.conftest import ROOT

UNTYPED = "def total(items):\n    return sum(items)\n"
WRONG = "def count() -> int:\n    return 'three'\n"


def test_mypy_is_clean_on_the_tree() -> None:
    # The cache lives in the checkout (.mypy_cache, ignored by git): later runs take seconds, not minutes.
    out = run_tool("mypy", timeout=600)
    assert out.returncode == 0, out.stdout[-6000:] + out.stderr[-2000:]
    assert "Success: no issues found" in out.stdout


@pytest.mark.parametrize(
    "package", ["desktop/domain", "desktop/storage", "desktop/services", "sync/core", "sync/server"]
)
def test_mypy_is_strict_on_the_core(package: str, tmp_path: Path) -> None:
    """An unannotated function is an error in the core (strict), and so is a plain type error."""
    shutil.copy2(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    plant(tmp_path, f"{package}/planted.py", UNTYPED + "\n\n" + WRONG)
    out = run_tool(
        "mypy",
        "--no-incremental",
        "--cache-dir",
        str(tmp_path / "cache"),
        package.split("/")[0],
        cwd=tmp_path,
    )
    assert out.returncode == 1, out.stdout
    assert (
        f"{package}/planted.py:1: error: Function is missing a type annotation  [no-untyped-def]"
        in out.stdout
    )
    assert f"{package}/planted.py:6: error: Incompatible return value type" in out.stdout
    assert "Found 2 errors in 1 file" in out.stdout
