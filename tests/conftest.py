"""Shared fixtures. Qt must run offscreen before anything imports it (pytest-qt aborts without a display)."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.fonts.warning=false")

import random
from pathlib import Path

import pytest

from desktop.paths import WorkspacePaths

ROOT = Path(__file__).resolve().parent.parent


def pytest_configure(config: pytest.Config) -> None:
    """Every Hypothesis run has a seed that is printed (in the header) and can be replayed."""
    from hypothesis import core

    seed = config.getoption("hypothesis_seed", None)
    if seed is None:
        seed = random.randrange(2**32)
        core.global_force_seed = seed
    config.stash[HYPOTHESIS_SEED] = str(seed)


def pytest_report_header(config: pytest.Config) -> str:
    seed = config.stash[HYPOTHESIS_SEED]
    return f"hypothesis seed {seed} (replay with --hypothesis-seed={seed}); other random runs print their own"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):
    """A failed Hypothesis test names the seed beside its output (the header is hidden with -q)."""
    report = yield
    if report.failed and item.get_closest_marker("hypothesis") is not None:
        seed = item.config.stash[HYPOTHESIS_SEED]
        report.sections.append(("hypothesis seed", f"replay with --hypothesis-seed={seed}"))
    return report


HYPOTHESIS_SEED = pytest.StashKey[str]()


@pytest.fixture
def workspace_paths(tmp_path: Path) -> WorkspacePaths:
    return WorkspacePaths(tmp_path / "ws")


def files_containing(root: Path, needles: list[str]) -> list[tuple[Path, str]]:
    """Every (file, needle) where a needle occurs as UTF-8 or UTF-16 bytes in a file below root."""
    hits = []
    for path in root.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        for needle in needles:
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                if needle.encode(encoding) in data:
                    hits.append((path, needle))
                    break
    return hits
