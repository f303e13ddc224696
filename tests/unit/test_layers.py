"""House rules as checks that fail (qutebrowser misc_checks). The layer rules are import-linter contracts:
tests/checks/test_import_contracts.py."""

from __future__ import annotations

import ast

from tests.conftest import ROOT


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
