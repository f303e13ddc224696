"""The two command lines and the start script as a new office meets them (#15.3)."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

from desktop import logs, paths
from tests.conftest import ROOT


def _run(cmd: list[str], env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        cmd,
        check=False,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        env={**os.environ, **(env or {})},
    )


def test_start_script_passes_its_arguments_to_the_app_not_to_apt(tmp_path: Path) -> None:
    """`start.sh --lang en --data-dir DIR status` reaches the app: the log lands in DIR, nothing goes to apt."""
    data = tmp_path / "daten"
    out = _run(["bash", "scripts/start.sh", "--lang", "en", "--data-dir", str(data), "status"])
    assert "apt-get" not in out.stdout + out.stderr
    assert "no passphrase" in out.stderr  # the app's own answer to `status` without a passphrase
    assert (data / "logs" / logs.LOG_FILE).exists()
    version = _run(["bash", "scripts/start.sh", "--demo", "--version"])
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip().startswith("telefonaktion ")


def test_both_command_lines_print_their_version() -> None:
    for module, prog in (("desktop.cli", "telefonaktion"), ("sync.server.cli", "telefonaktion-zentrale")):
        out = _run([sys.executable, "-m", module, "--version"])
        assert out.returncode == 0, out.stderr
        name, version = out.stdout.split()
        assert name == prog
        assert version[0].isdigit()


def test_help_shows_no_internal_command() -> None:
    out = _run([sys.executable, "-m", "desktop.cli", "--help"])
    assert out.returncode == 0
    assert "_qtcheck" not in out.stdout and "SUPPRESS" not in out.stdout
    assert "selftest" in out.stdout and "enrol" in out.stdout


def test_log_file_blanks_numbers_and_addresses_and_stays_small(tmp_path: Path) -> None:
    paths.configure(tmp_path)
    try:
        target = logs.install()
        assert target == tmp_path / "logs" / logs.LOG_FILE
        log = logging.getLogger("telefonaktion.test")
        log.warning("sync refused for +49 30 23125811 and zyx.q@example.org (code %s)", "E42")
        for i in range(30_000):
            log.warning("filler line %d to make the file rotate", i)
        log.error("import refused in row 12, 030 23125-811, code %s", "E43")
    finally:
        logs.uninstall()
        paths.configure(None)
    files = sorted((tmp_path / "logs").iterdir())
    assert len(files) == 1 + logs.BACKUPS
    assert all(f.stat().st_size <= logs.MAX_BYTES for f in files)
    text = "".join(f.read_text("utf-8") for f in files)
    assert "23125811" not in text and "example.org" not in text
    assert "filler line 29999" in text
    assert "import refused in row 12, [number], code E43" in text
