"""Translations are complete and compiled; the command lines do what they say."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "scripts" / "i18n.py")
i18n_tool = importlib.util.module_from_spec(spec)
spec.loader.exec_module(i18n_tool)


def test_every_german_string_is_translated() -> None:
    assert i18n_tool.unfinished("de") == []


def test_the_ts_files_know_every_translatable_string(tmp_path: Path) -> None:
    """lupdate over the sources into a copy finds nothing that the committed .ts lacks."""
    for lang in i18n_tool.LANGS:
        copy = tmp_path / f"telefonaktion_{lang}.ts"
        copy.write_bytes((i18n_tool.I18N / copy.name).read_bytes())
        subprocess.run(
            [
                i18n_tool._tool("lupdate"),
                "-no-obsolete",
                "-locations",
                "none",
                *i18n_tool.sources(),
                "-ts",
                str(copy),
            ],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        assert copy.read_text("utf-8") == (i18n_tool.I18N / copy.name).read_text("utf-8"), (
            "run: python scripts/i18n.py update, translate, release"
        )


def test_compiled_qm_files_match_their_sources(tmp_path: Path) -> None:
    i18n_tool.release(tmp_path)
    for lang in i18n_tool.LANGS:
        name = f"telefonaktion_{lang}.qm"
        assert (tmp_path / name).read_bytes() == (i18n_tool.I18N / name).read_bytes(), (
            "run: python scripts/i18n.py release"
        )


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env={**os.environ, **(env or {})},
        check=False,
    )


def test_selftest_passes_here_and_prints_one_line_per_check() -> None:
    out = _run("selftest", env={"QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stdout + out.stderr
    lines = out.stdout.strip().splitlines()
    assert [line.split()[0] for line in lines[:4]] == ["ok"] * 4
    assert "cipher_version 4." in lines[0]
    assert lines[-1] == "selftest passed"


def test_selftest_fails_when_qt_cannot_start() -> None:
    out = _run("selftest", env={"QT_QPA_PLATFORM": "no-such-platform"})
    assert out.returncode == 1
    assert any(line.startswith("FAIL") and "Qt" in line for line in out.stdout.splitlines())
    assert "Traceback" not in out.stdout


def test_help_names_the_global_options() -> None:
    out = _run("--help")
    assert out.returncode == 0
    for option in ("--data-dir", "--lang", "--demo", "selftest"):
        assert option in out.stdout
