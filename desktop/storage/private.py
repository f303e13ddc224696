"""Every file and folder of a workspace is private to the user who owns it (issue 16 point 6).

POSIX: folders 0700, files 0600. New files are created with that mode (the database before SQLCipher opens it,
so that SQLite gives its -wal and -shm files the same mode; temp files of atomic writes are 0600 by mkstemp),
and every unlock tightens whatever an older version or a copy left looser.

Windows: the data folder under %LOCALAPPDATA% is private to the user by its inherited ACL already. For a
folder elsewhere (portable mode, --data-dir) ``restrict_tree`` removes inherited entries and grants only the
current user, SYSTEM and Administrators full control with icacls. That path is written but NOT tested here
(no Windows machine in this workplace); CI on Windows would have to cover it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700


def private_dir(path: Path) -> None:
    """Create ``path`` (and parents) if needed; the folder itself is made private."""
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    if os.name == "posix":
        os.chmod(path, DIR_MODE)


def create_private_file(path: Path) -> None:
    """Create an empty file with mode 0600 (refuses an existing one, like O_EXCL)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), FILE_MODE)
    os.close(fd)


def make_private(path: Path) -> None:
    if os.name == "posix":
        os.chmod(path, DIR_MODE if path.is_dir() else FILE_MODE)


def restrict_tree(root: Path) -> None:
    """``root`` and everything below it private to the user (cheap: a workspace holds a handful of files)."""
    if os.name == "posix":
        for path in [root, *root.rglob("*")]:
            try:
                if not path.is_symlink():
                    make_private(path)
            except FileNotFoundError:  # a temp file that went away meanwhile
                continue
    elif sys.platform == "win32":  # pragma: no cover - untested here, see the module docstring
        _restrict_windows(root)


def _restrict_windows(root: Path) -> None:  # pragma: no cover - Windows only
    user = os.environ.get("USERNAME", "")
    if not user:
        return
    subprocess.run(
        [
            "icacls",
            str(root),
            "/inheritance:r",
            "/grant:r",
            f"{user}:(OI)(CI)F",
            "/grant:r",
            "*S-1-5-18:(OI)(CI)F",  # SYSTEM
            "/grant:r",
            "*S-1-5-32-544:(OI)(CI)F",  # Administrators
            "/T",
            "/Q",
        ],
        check=False,
        capture_output=True,
        creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
    )
