"""The one owner of every path the desktop app reads or writes.

Order of precedence: `--data-dir DIR` (set through `configure`), the environment variable
`TELEFONAKTION_DATA_DIR`, portable mode (a file named `portable.txt` beside the executable puts the data in
`data/` beside it), then the platform's user data directory (platformdirs).
Nothing else in the app builds paths from scratch.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "Telefonaktion"
ENV_DATA_DIR = "TELEFONAKTION_DATA_DIR"
PORTABLE_MARKER = "portable.txt"

_override: Path | None = None


def configure(data_dir: str | os.PathLike[str] | None) -> None:
    """Set the data directory for this process (from `--data-dir`)."""
    global _override
    _override = Path(data_dir).resolve() if data_dir else None


def _executable_dir() -> Path:
    return Path(sys.executable).resolve().parent


def data_dir() -> Path:
    if _override is not None:
        return _override
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).resolve()
    if getattr(sys, "frozen", False) and (_executable_dir() / PORTABLE_MARKER).exists():
        return _executable_dir() / "data"
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


@dataclass(frozen=True)
class WorkspacePaths:
    """Files of one encrypted workspace (one organisation on one PC)."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / "workspace.db"

    @property
    def keyslots(self) -> Path:
        return self.root / "keyslots.json"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def state(self) -> Path:
        """Non-personal state readable before unlock (trusted-time high-water mark, lock settings)."""
        return self.root / "state.json"

    def exists(self) -> bool:
        return self.keyslots.exists() or self.database.exists()


def workspace(name: str = "workspace") -> WorkspacePaths:
    return WorkspacePaths(data_dir() / name)


def demo_root() -> Path:
    return data_dir() / "demo"


def crash_dir() -> Path:
    return data_dir() / "crashes"


def log_dir() -> Path:
    """The support log's folder: the platform's log folder (e.g. %LOCALAPPDATA%\\Telefonaktion\\Logs,
    ~/.local/state/Telefonaktion/log), or `logs/` under an explicitly chosen data directory (--data-dir,
    the environment variable, portable mode) so that such a setup keeps everything in one place."""
    if (
        _override is not None
        or os.environ.get(ENV_DATA_DIR)
        or (getattr(sys, "frozen", False) and (_executable_dir() / PORTABLE_MARKER).exists())
    ):
        return data_dir() / "logs"
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def resources_dir() -> Path:
    """Translations, icons and texts shipped with the app (also inside a PyInstaller bundle)."""
    base = getattr(sys, "_MEIPASS", None)
    if base:
        return Path(base) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"
