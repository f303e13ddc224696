"""Messages by code (issue 14.8): every service error the central office raises names a message of the one
catalogue (sync.server.messages) in German and English, with the same placeholders in both, and the parameters
its raise site gives. Found by reading the source (every ``ServiceError(...)``, ``invalid(...)``,
``not_found(...)``, ``_refused(...)`` and content problem), so a new error without a catalogue entry fails here
before anyone sees a bare code on a page."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from sync.core import protocol as p
from sync.server import messages
from sync.server.common import ServiceError

ROOT = Path(__file__).resolve().parents[2]
SERVER = ROOT / "sync" / "server"
CONTENT_RULES = ROOT / "sync" / "core" / "content.py"


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _literal(node: ast.expr | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


HELPERS = {("common.py", "invalid"), ("device_sync.py", "_refused"), ("content.py", "content_error")}
"""The only functions that pass a code on instead of naming one; their callers are checked instead."""


def _calls(tree: ast.AST) -> list[tuple[ast.Call, str]]:
    """Every call with the name of the function it is made in ("" at module level)."""
    out: list[tuple[ast.Call, str]] = []

    def visit(node: ast.AST, inside: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                visit(child, child.name)
                continue
            if isinstance(child, ast.Call):
                out.append((child, inside))
            visit(child, inside)

    visit(tree, "")
    return out


def _raise_sites() -> list[tuple[str, str, set[str] | None]]:
    """(where, code, parameter names or None when they are not literal) of every error made in sync/server."""
    sites: list[tuple[str, str, set[str] | None]] = []
    for path in sorted(SERVER.rglob("*.py")):
        for node, inside in _calls(ast.parse(path.read_text(encoding="utf-8"))):
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            keywords = {k.arg for k in node.keywords if k.arg}
            if (path.name, inside) in HELPERS:
                continue
            if name == "ServiceError":
                code = _literal(node.args[0]) if node.args else None
                assert code is not None, f"{where}: the code of a ServiceError must be a literal"
                params = next((k.value for k in node.keywords if k.arg == "params"), None)
                if params is None and len(node.args) > 3:
                    params = node.args[3]
                names: set[str] | None
                if params is None:
                    names = set()
                elif isinstance(params, ast.Dict) and all(_literal(k) for k in params.keys):
                    names = {str(_literal(k)) for k in params.keys}
                else:
                    names = None
                sites.append((where, code, names))
            elif name == "invalid" and node.args:
                code = _literal(node.args[0])
                assert code is not None, f"{where}: invalid() takes a literal code"
                sites.append((where, code, keywords))
            elif name == "_refused" and node.args:
                attr = node.args[0]
                assert isinstance(attr, ast.Attribute), f"{where}: _refused() takes p.ErrorCode.X"
                sites.append((where, p.ErrorCode[attr.attr].value, keywords))
            elif name in ("not_found", "_one") and node.args:
                what = _literal(node.args[0] if name == "not_found" else node.args[-1])
                if what is not None:
                    assert what in messages.THINGS, f"{where}: {what!r} is not in messages.THINGS"
                    sites.append((where, "not_found", {"what", "id"}))
    return sites


def _content_problem_codes() -> set[str]:
    tree = ast.parse(CONTENT_RULES.read_text(encoding="utf-8"))
    return {
        f"content_{_literal(node.args[0])}_{_literal(node.args[1])}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "ContentProblem"
    }


def test_every_error_raised_in_the_central_office_has_a_catalogue_entry() -> None:
    sites = _raise_sites()
    assert len(sites) > 40  # the scan sees the raise sites (commands, content, inbox, devices, staff, ...)
    missing = [f"{where}: {code}" for where, code, _ in sites if code not in messages.MESSAGES]
    missing += [code for code in sorted(_content_problem_codes()) if code not in messages.MESSAGES]
    assert missing == []
    assert len(_content_problem_codes()) >= 4


def test_each_raise_site_gives_the_parameters_its_message_needs() -> None:
    wrong = []
    for where, code, names in _raise_sites():
        if names is None:
            continue
        for lang in messages.LANGUAGES:
            needed = _fields(messages.MESSAGES[code][lang])
            if not needed <= names:
                wrong.append(f"{where}: {code} ({lang}) needs {sorted(needed - names)}")
    for code in _content_problem_codes():
        assert _fields(messages.MESSAGES[code]["de"]) <= {"value"}, code
    assert wrong == []


def test_both_languages_say_the_same_with_the_same_placeholders() -> None:
    for code, texts in messages.MESSAGES.items():
        assert set(texts) == set(messages.LANGUAGES), code
        assert all(t.strip() for t in texts.values()), code
        assert _fields(texts["de"]) == _fields(texts["en"]), code
    for thing, texts in messages.THINGS.items():
        assert set(texts) == set(messages.LANGUAGES), thing


def test_every_device_api_code_the_server_raises_is_in_the_catalogue() -> None:
    """The codes a PC's ErrorBody carries come from the same catalogue (English there)."""
    raised = {code for _, code, _ in _raise_sites()}
    device_codes = {c.value for c in p.ErrorCode} & raised
    assert device_codes >= {"code_expired", "code_invalid", "unauthorized", "device_revoked", "malformed"}


@pytest.mark.parametrize(
    ("error", "de", "en"),
    [
        (
            ServiceError("not_found", status=404, params={"what": "campaign", "id": "c7"}),
            "Telefonaktion c7 gibt es nicht.",
            "campaign c7 not found",
        ),
        (
            ServiceError("resolution_responsible_count", params={"max": "3", "count": "4"}),
            "Ein Beschluss nennt 1 bis 3 Verantwortliche, nicht 4.",
            "a resolution names 1 to 3 responsible persons, not 4",
        ),
    ],
)
def test_a_message_in_both_languages(error: ServiceError, de: str, en: str) -> None:
    assert messages.message(error.code, error.params, "de") == de
    assert (
        messages.message(error.code, error.params, "en") == en == error.message
    )  # the CLI's and API's words


def test_no_sentence_is_translated_by_pattern_any_more() -> None:
    i18n = (SERVER / "web" / "i18n.py").read_text(encoding="utf-8")
    assert not re.search(r"re\.compile|service_message", i18n)
