"""House rules as checks that fail (qutebrowser misc_checks; napari import-linter)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

QT_FREE = ("desktop.domain", "desktop.storage", "desktop.services", "sync")

_IMPORT_ALL_WITHOUT_QT = """
import importlib, pkgutil, sys

class BlockQt:
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith("PySide6.") or name.startswith("shiboken6"):
            raise ImportError("Qt is not allowed in this layer: " + name)
        return None

sys.meta_path.insert(0, BlockQt())
for package_name in sys.argv[1:]:
    package = importlib.import_module(package_name)
    for info in pkgutil.walk_packages(package.__path__, package_name + "."):
        importlib.import_module(info.name)
print("imported without Qt")
"""


def test_domain_storage_services_and_sync_import_no_qt() -> None:
    out = subprocess.run(
        [sys.executable, "-c", _IMPORT_ALL_WITHOUT_QT, *QT_FREE],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert "imported without Qt" in out.stdout


def test_the_qt_check_would_catch_a_qt_import(tmp_path: Path) -> None:
    pkg = tmp_path / "leaky"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "mod.py").write_text("from PySide6 import QtCore\n")
    out = subprocess.run(
        [sys.executable, "-c", _IMPORT_ALL_WITHOUT_QT, "leaky"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert out.returncode != 0
    assert "Qt is not allowed" in out.stderr


def test_sync_never_imports_desktop() -> None:
    offenders = []
    for path in (ROOT / "sync").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.relative_to(ROOT)}: {n}" for n in names if n.split(".")[0] == "desktop"]
    assert offenders == []


def _translate_calls(tree: ast.AST) -> list[ast.Call]:
    calls = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("tr", "translate")
        ):
            calls.append(node)
    return calls


def test_translatable_text_has_no_f_strings_or_concatenation() -> None:
    bad = []
    for path in (ROOT / "desktop").rglob("*.py"):
        for call in _translate_calls(ast.parse(path.read_text("utf-8"))):
            index = 1 if call.func.attr == "translate" else 0
            if len(call.args) > index and not (
                isinstance(call.args[index], ast.Constant) and isinstance(call.args[index].value, str)
            ):
                bad.append(f"{path.relative_to(ROOT)}:{call.lineno}")
    assert bad == [], "tr()/translate() must get a plain string literal"


def test_no_print_or_logging_of_contact_fields_in_lower_layers() -> None:
    """Nothing personal in logs: log calls in the Qt-free layers never pass contact fields."""
    fields = {
        "first_name",
        "last_name",
        "phone",
        "phone2",
        "locality",
        "display_name",
        "note",
        "organizer_message",
    }
    bad = []
    for package in ("desktop", "sync"):
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text("utf-8"))):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr in ("debug", "info", "warning", "error", "exception", "critical")
                ):
                    used = {
                        n.attr for arg in node.args for n in ast.walk(arg) if isinstance(n, ast.Attribute)
                    }
                    if used & fields:
                        bad.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert bad == []
