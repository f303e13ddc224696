"""Atomic file writes: temp file in the same folder, fsync, rename, fsync the folder (Electrum storage.py).

The temp file is created 0600 (mkstemp) and keeps that mode through the rename: written files are private.
A process killed between mkstemp and the rename leaves its temp file behind (for the key-slot file: wrapped
keys, perhaps of a person removed since); the next write of the same file removes such leftovers once they are
older than ``LEFTOVER_AGE`` (a younger one may belong to a write still under way)."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

LEFTOVER_AGE = 60.0  # seconds


def write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    remove_leftovers(path)
    fsync_dir(path.parent)


def remove_leftovers(path: Path, *, older_than: float = LEFTOVER_AGE) -> list[Path]:
    """Delete the temp files of earlier, interrupted writes of ``path``; returns those removed."""
    removed, limit = [], time.time() - older_than
    for leftover in path.parent.glob(f".{path.name}.*.tmp"):
        try:
            if leftover.stat().st_mtime < limit:
                leftover.unlink()
                removed.append(leftover)
        except FileNotFoundError:
            pass
    return removed


def fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    dfd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(dfd)
    finally:
        os.close(dfd)
