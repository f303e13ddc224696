"""The crash handler (style.md habit 10, R1/DP-8): a report that helps to find the bug and holds nothing personal.

`install(app_version)` replaces `sys.excepthook` and `threading.excepthook` (and Qt's message handler, for fatal
messages). A crash report under `desktop.paths.crash_dir()` holds only:

- the time (UTC), the app version, the Python and Qt versions, the platform;
- the exception's TYPE (module + class name), for the exception and the ones chained to it;
- for each traceback frame: the file (relative to the app, never a home directory), the line number and the
  function name.

Never the exception's message, never local variables or argument values, never the source line: any of them may
hold a name, a number or a note. A Qt fatal message is recorded by file, line and function only, without its text.

Afterwards, if a QApplication exists, a short translated message says what happened and the app exits (exit code
70); the workspace stays encrypted and every saved report stays saved (it was committed before it was shown).
"""

from __future__ import annotations

import os
import platform
import sys
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from desktop import paths
from desktop.storage.atomic import write_atomic

EXIT_CODE = 70  # EX_SOFTWARE
KEEP_REPORTS = 20
MAX_FRAMES = 60
MAX_CHAIN = 5
REPORT_PREFIX = "crash-"

_APP_ROOT = Path(__file__).resolve().parent.parent  # the folder that holds desktop/ and sync/


def app_version() -> str:
    try:
        from importlib.metadata import PackageNotFoundError, version
    except ImportError:  # pragma: no cover
        return "unknown"
    try:
        return version("telefonaktion")
    except PackageNotFoundError:
        return "unknown"


# --------------------------------------------------------------------------------------------- the report


def safe_path(filename: str) -> str:
    """A frame's file without anything that may name the user (a home directory such as C:\\Users\\erika.b).

    Files of the app are shown relative to it (desktop/app.py), installed packages from their package folder
    (PySide6/…), anything else by its base name only.
    """
    if not filename or filename.startswith("<"):
        return filename[:60]  # <frozen importlib._bootstrap>, <string>
    text = filename.replace("\\", "/")
    root = _APP_ROOT.as_posix().rstrip("/") + "/"
    if text.startswith(root):
        return text[len(root) :]
    parts = [p for p in text.split("/") if p]
    for marker in ("site-packages", "dist-packages", "_internal"):
        if marker in parts[:-1]:
            return "/".join(parts[len(parts) - parts[::-1].index(marker) :])
    return parts[-1] if parts else "?"


def type_name(exc_type: type[BaseException] | None) -> str:
    if exc_type is None:
        return "?"
    module = getattr(exc_type, "__module__", "") or ""
    name = str(getattr(exc_type, "__qualname__", None) or getattr(exc_type, "__name__", "?"))
    return name if module in ("builtins", "") else f"{module}.{name}"


def frames(tb: TracebackType | None) -> list[tuple[str, int, str]]:
    """(file, line, function) of each frame: read from the code objects only, never from the frames' locals."""
    out = []
    for frame, lineno in traceback.walk_tb(tb):
        code = frame.f_code
        out.append((safe_path(code.co_filename), int(lineno or 0), code.co_name))
    if len(out) > MAX_FRAMES:
        out = [*out[:10], ("…", 0, f"{len(out) - MAX_FRAMES} frames left out"), *out[-(MAX_FRAMES - 10) :]]
    return out


def _qt_version() -> str:
    if "PySide6.QtCore" not in sys.modules:  # never import Qt just for the report
        return "not loaded"
    try:
        import PySide6
        from PySide6.QtCore import qVersion

        return f"{qVersion()} (PySide6 {PySide6.__version__})"
    except Exception:  # noqa: BLE001 (a report must be written whatever Qt does)
        return "unknown"


def format_report(
    exc_type: type[BaseException] | None,
    exc: BaseException | None,
    tb: TracebackType | None,
    *,
    version: str,
    where: str = "main thread",
    now: datetime | None = None,
) -> str:
    """The text of a report. `exc` is used only to follow the chain of causes: its message is never read."""
    now = now or datetime.now(UTC)
    lines = [
        "Telefonaktion crash report (no personal data: exception types and code locations only)",
        f"time: {now.strftime('%Y-%m-%dT%H:%M:%SZ')}",
        f"app: {version}",
        f"python: {platform.python_version()} ({platform.python_implementation()})",
        f"qt: {_qt_version()}",
        f"platform: {platform.system()} {platform.release()} {platform.machine()}",
        f"where: {where}",
        "",
    ]
    chain: list[tuple[str, type[BaseException] | None, TracebackType | None]] = [("exception", exc_type, tb)]
    seen = {id(exc)}
    current = exc
    while current is not None and len(chain) < MAX_CHAIN:
        nxt = current.__cause__ or (None if current.__suppress_context__ else current.__context__)
        if nxt is None or id(nxt) in seen:
            break
        seen.add(id(nxt))
        chain.append(
            ("caused by" if current.__cause__ is not None else "while handling", type(nxt), nxt.__traceback__)
        )
        current = nxt
    for label, etype, etb in chain:
        lines.append(f"{label}: {type_name(etype)}")
        lines.extend(f"  {file}:{line} in {function}" for file, line, function in frames(etb))
    return "\n".join(lines) + "\n"


def write_report(text: str, now: datetime | None = None) -> Path:
    """Write a report atomically into the crash folder; keep the newest KEEP_REPORTS."""
    now = now or datetime.now(UTC)
    folder = paths.crash_dir()
    target = folder / f"{REPORT_PREFIX}{now.strftime('%Y%m%dT%H%M%S%fZ')}-{os.getpid()}.txt"
    write_atomic(target, text.encode("utf-8"))
    reports = sorted(p for p in folder.glob(f"{REPORT_PREFIX}*.txt") if p.is_file())
    for old in reports[:-KEEP_REPORTS]:
        try:
            old.unlink()
        except OSError:
            pass
    return target


# --------------------------------------------------------------------------------------------- the hooks


def _message_box(report: Path | None) -> None:
    """A short translated message; the report's path is shown, nothing of the error itself."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    text = QCoreApplication.translate(
        "Crash",
        "Telefonaktion has hit an unexpected error and must close. Every report that was shown as "
        "saved is saved; the workspace stays encrypted. Please start the app again.",
    )
    if report is not None:
        text += "\n\n" + QCoreApplication.translate(
            "Crash", "A report without personal data was written to: %1"
        ).replace("%1", str(report))
    box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("Crash", "Telefonaktion"), text)
    box.exec()


def _tell_user_and_quit(report: Path | None) -> None:
    """On the GUI thread: the message, then the app leaves its event loop (run() then shuts down cleanly)."""
    app = _qapp()
    try:
        _message_box(report)
    finally:
        if app is not None:
            app.exit(EXIT_CODE)


tell_user_and_quit: Callable[[Path | None], None] = _tell_user_and_quit  # tests replace this


def _qapp() -> Any:
    if "PySide6.QtWidgets" not in sys.modules:
        return None
    from PySide6.QtWidgets import QApplication

    return QApplication.instance()


@dataclass
class Handler:
    """The installed hooks; `uninstall()` puts the previous ones back (tests)."""

    version: str
    previous_excepthook: Callable[..., Any]
    previous_threading_hook: Callable[..., Any]
    notifier: Any = None
    previous_qt_handler: Any = None
    qt_handler_installed: bool = False
    last_report: Path | None = None

    # ------------------------------------------------------------------ recording

    def record(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
        where: str,
    ) -> Path | None:
        try:
            path = write_report(format_report(exc_type, exc, tb, version=self.version, where=where))
        except Exception:  # noqa: BLE001 (a full disk must not turn the crash into a loop)
            path = None
        self.last_report = path
        try:
            note = f"Telefonaktion: unexpected error ({type_name(exc_type)})"
            print(note + (f"; report: {path}" if path else "; no report could be written"), file=sys.stderr)
        except Exception:  # noqa: BLE001 (no stderr in a windowed app)
            pass
        return path

    # ------------------------------------------------------------------ hooks

    def excepthook(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)  # Ctrl+C carries no data; keep Python's behaviour
            return
        path = self.record(exc_type, exc, tb, "main thread")
        self._tell_and_quit(path)

    def threading_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        name = args.thread.name if args.thread is not None else "?"
        path = self.record(args.exc_type, args.exc_value, args.exc_traceback, f"thread {name[:40]}")
        if self.notifier is not None:
            self.notifier.crashed.emit(str(path) if path else "")  # queued to the GUI thread

    def _tell_and_quit(self, path: Path | None) -> None:
        app = _qapp()
        if app is None:
            return  # no GUI: Python ends the process after the hook (exit code 1)
        from PySide6.QtCore import QThread

        if QThread.currentThread() is not app.thread():
            if self.notifier is not None:
                self.notifier.crashed.emit(str(path) if path else "")
            return
        tell_user_and_quit(path)

    def qt_message(self, msg_type: Any, context: Any, message: str) -> None:
        from PySide6.QtCore import QtMsgType

        if msg_type == QtMsgType.QtFatalMsg:
            where = f"Qt fatal message at {safe_path(context.file or '')}:{context.line} in {context.function or '?'}"
            try:
                write_report(format_report(None, None, None, version=self.version, where=where))
            except Exception:  # noqa: BLE001
                pass
        if callable(self.previous_qt_handler):
            self.previous_qt_handler(msg_type, context, message)
        else:
            try:
                print(message, file=sys.stderr)
            except Exception:  # noqa: BLE001
                pass

    def uninstall(self) -> None:
        sys.excepthook = self.previous_excepthook
        threading.excepthook = self.previous_threading_hook
        if self.qt_handler_installed:
            from PySide6.QtCore import qInstallMessageHandler

            qInstallMessageHandler(self.previous_qt_handler)
            self.qt_handler_installed = False


def _make_notifier() -> Any:
    """A QObject living on the GUI thread: a crash in a worker thread is shown and ends the app there."""
    from PySide6.QtCore import QObject, Signal, Slot

    class Notifier(QObject):
        crashed = Signal(str)

        def __init__(self) -> None:
            super().__init__()
            self.crashed.connect(self.on_crash)  # the receiver lives on the GUI thread: queued from workers

        @Slot(str)
        def on_crash(self, path: str) -> None:
            tell_user_and_quit(Path(path) if path else None)

    return Notifier()


def install(version: str | None = None, *, qt_messages: bool = True) -> Handler:
    """Install the hooks (call early, after the QApplication exists when there is a GUI)."""
    handler = Handler(version or app_version(), sys.excepthook, threading.excepthook)
    sys.excepthook = handler.excepthook
    threading.excepthook = handler.threading_hook
    if _qapp() is not None:
        handler.notifier = _make_notifier()
        if qt_messages:
            from PySide6.QtCore import qInstallMessageHandler

            handler.previous_qt_handler = qInstallMessageHandler(handler.qt_message)
            handler.qt_handler_installed = True
    return handler
