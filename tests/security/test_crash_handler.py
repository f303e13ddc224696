"""The crash handler (desktop/crash.py, style.md habit 10, R1): a report with code locations and exception types,
never an exception message, an argument or a local variable; a short translated message; the app exits."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QTimer, QtMsgType
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import crash, paths
from tests.conftest import ROOT

NAME = "Zyxlinde Quabbelmann"
NUMBER = "+493023125987"
MARKERS = [NAME, "Zyxlinde", "Quabbelmann", NUMBER, "3023125987", "Rückruf"]
CHILD = Path(__file__).resolve().parent / "crash_child.py"
ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be")


def leaked(data: bytes) -> list[str]:
    return [m for m in MARKERS for e in ENCODINGS if m.encode(e) in data]


def run_child(mode: str, data_dir: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, str(CHILD), mode, str(data_dir), NAME, NUMBER],
        capture_output=True,
        cwd=ROOT,
        timeout=60,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
        check=False,
    )


@pytest.fixture
def crash_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(paths, "_override", tmp_path)
    return tmp_path / "crashes"


def test_an_uncaught_exception_writes_a_report_without_personal_data(tmp_path: Path) -> None:
    done = run_child("main", tmp_path)
    assert done.returncode == 1
    (report,) = (tmp_path / "crashes").glob("crash-*.txt")
    text = report.read_text("utf-8")
    for name in ("top_level_entry", "middle_function_wraps", "leaf_function_that_fails"):
        assert f"in {name}" in text
    assert "exception: RuntimeError" in text and "caused by: ValueError" in text
    assert "tests/security/crash_child.py:" in text and "app: 9.9.9-test" in text and "python: 3." in text
    assert leaked(report.read_bytes()) == []
    assert leaked(done.stderr + done.stdout) == [] and b"Traceback" not in done.stderr
    assert str(ROOT) not in text  # no absolute paths: a home directory can name the user


def test_an_uncaught_exception_in_a_thread_writes_a_report(tmp_path: Path) -> None:
    done = run_child("thread", tmp_path)
    assert done.returncode == 0 and done.stdout.strip() == b"ALIVE"  # without a GUI the process lives on
    (report,) = (tmp_path / "crashes").glob("crash-*.txt")
    text = report.read_text("utf-8")
    assert "where: thread db_worker" in text and "in leaf_function_that_fails" in text
    assert leaked(report.read_bytes()) == []


def test_report_format_and_paths(crash_dir: Path) -> None:
    def fails(secret: str) -> None:
        local_number = NUMBER  # noqa: F841 (a local variable the report must not show)
        raise KeyError(secret)

    try:
        fails(NAME)
    except KeyError as exc:
        text = crash.format_report(type(exc), exc, exc.__traceback__, version="1.2.3")
    assert "exception: KeyError" in text and "in fails" in text and "test_report_format_and_paths" in text
    assert leaked(text.encode()) == []
    assert crash.safe_path("/home/zyxlinde.quabbelmann/telefonaktion/x.py") == "x.py"
    assert crash.safe_path(r"C:\Users\zyxlinde\AppData\x\site-packages\PySide6\y.py") == "PySide6/y.py"
    assert crash.safe_path(str(ROOT / "desktop" / "app.py")) == "desktop/app.py"
    for _ in range(crash.KEEP_REPORTS + 3):
        crash.write_report("r\n")
    assert len(list(crash_dir.glob("crash-*.txt"))) == crash.KEEP_REPORTS


def test_with_a_gui_the_user_is_told_and_the_app_quits(
    qapp: QApplication, qtbot, crash_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[tuple[Path | None, bool]] = []
    monkeypatch.setattr(
        crash,
        "tell_user_and_quit",
        lambda report: told.append((report, threading.current_thread() is threading.main_thread())),
    )
    handler = crash.install("1.0", qt_messages=False)
    try:
        try:
            raise ValueError(NAME)
        except ValueError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
        assert told and told[0][1] and told[0][0] is not None and told[0][0].exists()

        def worker() -> None:
            raise RuntimeError(NUMBER)

        t = threading.Thread(target=worker, name="net")
        t.start()
        t.join()
        qtbot.waitUntil(lambda: len(told) == 2, timeout=5000)
        assert told[1][1], "the message is shown on the GUI thread"
    finally:
        handler.uninstall()
    reports = list(crash_dir.glob("crash-*.txt"))
    assert len(reports) == 2 and all(leaked(r.read_bytes()) == [] for r in reports)
    assert sys.excepthook is not handler.excepthook and threading.excepthook is not handler.threading_hook


def test_the_message_is_german_and_names_only_the_report(qapp: QApplication, german, crash_dir: Path) -> None:
    seen: list[str] = []

    def close_box() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.done(0)
        else:
            QTimer.singleShot(20, close_box)

    QTimer.singleShot(0, close_box)
    crash._message_box(crash_dir / "crash-x.txt")
    assert seen and "unerwarteten Fehler" in seen[0] and "crash-x.txt" in seen[0]


def test_a_qt_fatal_message_is_recorded_without_its_text(crash_dir: Path) -> None:
    passed: list[str] = []
    handler = crash.Handler(
        "1.0",
        sys.excepthook,
        threading.excepthook,
        previous_qt_handler=lambda _t, _c, message: passed.append(message),
    )
    context = SimpleNamespace(file="/home/zyxlinde/qwidget.cpp", line=42, function="QWidget::show")
    handler.qt_message(QtMsgType.QtWarningMsg, context, "harmless")
    handler.qt_message(QtMsgType.QtFatalMsg, context, f"fatal for {NAME}")
    assert passed == ["harmless", f"fatal for {NAME}"]  # Qt's own handling goes on (and aborts after fatal)
    (report,) = crash_dir.glob("crash-*.txt")
    text = report.read_text("utf-8")
    assert "Qt fatal message at qwidget.cpp:42 in QWidget::show" in text and leaked(report.read_bytes()) == []
