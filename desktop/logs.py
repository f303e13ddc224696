"""The support log: a rotating file under the platform's log folder (paths.log_dir()).

It records what the app did (started, synchronised, a task failed with an error type), never who or which
number: the code logs ids, counts and error types only, and a last filter here blanks anything that still looks
like a phone number or an e-mail address (R1). Size is bounded: 3 files of at most 1 MB.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

from desktop import paths

LOG_FILE = "telefonaktion.log"
MAX_BYTES = 1_000_000
BACKUPS = 2
_NUMBER = re.compile(r"\+?\d[\d ()/.-]{5,}\d")
_MAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


class _Scrub(logging.Filter):
    """Blanks phone-number-like digit runs and e-mail addresses in the formatted message."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = _MAIL.sub("[e-mail]", _NUMBER.sub("[number]", message))
        if cleaned != message:
            record.msg, record.args = cleaned, None
        record.exc_info = None  # tracebacks belong in the crash report, which strips values (desktop.crash)
        record.exc_text = None
        return True


_handler: logging.Handler | None = None


def install(level: int = logging.INFO) -> Path | None:
    """Attach the rotating file to the root logger (once per process; again after configure() moved it)."""
    global _handler
    folder = paths.log_dir()
    target = folder / LOG_FILE
    if _handler is not None:
        if getattr(_handler, "baseFilename", None) == str(target):
            return target
        uninstall()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            target, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
        )
    except OSError:
        return None  # a read-only profile must not stop the app
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(_Scrub())
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    _handler = handler
    return target


def uninstall() -> None:
    global _handler
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
        _handler = None
