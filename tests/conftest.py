"""Shared fixtures. Qt must run offscreen before anything imports it (pytest-qt aborts without a display)."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.fonts.warning=false")

from pathlib import Path

import pytest

from desktop.paths import WorkspacePaths

ROOT = Path(__file__).resolve().parent.parent


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
