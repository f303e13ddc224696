"""Run the venv's check tools (ruff, mypy, lint-imports) as subprocesses, and copy trees to plant violations."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

BIN = Path(sys.executable).parent


def run_tool(
    name: str, *args: str, cwd: Path = ROOT, timeout: float = 280
) -> subprocess.CompletedProcess[str]:
    """`name` from the venv's bin directory; PYTHONPATH is the tree under test (so a copy is checked, not ROOT)."""
    env = {**os.environ, "PYTHONPATH": str(cwd), "NO_COLOR": "1"}
    env.pop("MYPYPATH", None)
    return subprocess.run(
        [str(BIN / name), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def copy_tree(dest: Path) -> Path:
    """The project's Python packages and settings, copied to `dest` (no caches, no templates or assets)."""
    skip = shutil.ignore_patterns("__pycache__", "*.pyc", "static", "templates", "*.sql", "*.ini")
    for package in ("desktop", "sync"):
        shutil.copytree(ROOT / package, dest / package, ignore=skip)
    shutil.copy2(ROOT / "pyproject.toml", dest / "pyproject.toml")
    return dest


def plant(root: Path, relative: str, source: str) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    for parent in path.relative_to(root).parents:
        if parent != Path(".") and not (root / parent / "__init__.py").exists():
            (root / parent / "__init__.py").write_text("")
    path.write_text(source, encoding="utf-8")
    return path
