"""`telefonaktion selftest`: one line per check, exit 0 only when every check holds."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from desktop.storage.database import MIN_CIPHER_VERSION, cipher_version, parse_version

MARKER = "SELFTEST-MARKER-Zq7Wv"


def check_sqlcipher() -> tuple[bool, str]:
    version = cipher_version()
    ok = bool(version) and parse_version(version) >= MIN_CIPHER_VERSION
    return ok, f"SQLCipher active, cipher_version {version or 'missing'} (need >= 4.6)"


def check_roundtrip() -> tuple[bool, str]:
    from desktop.domain.models import Campaign, Contact, Role
    from desktop.paths import WorkspacePaths
    from desktop.storage import campaign_store, contact_store
    from desktop.storage.workspace import Workspace, list_slots

    with tempfile.TemporaryDirectory(prefix="telefonaktion-selftest-") as tmp:
        wp = WorkspacePaths(Path(tmp) / "ws")
        ws = Workspace.create(
            wp, org_name=MARKER, label="Test T.", role=Role.LEAD, passphrase="selftest passphrase"
        )
        campaign = Campaign(title=MARKER)
        with ws.transaction() as conn:
            campaign_store.insert_campaign(conn, campaign, created_at=ws.person.created_at)
            contact_store.insert_contacts(
                conn, [Contact(campaign_id=campaign.id, first_name=MARKER, phone="+493023125000")]
            )
        ws.close()
        ws = Workspace.open(wp, list_slots(wp)[0].slot_id, "selftest passphrase")
        contact_names = contact_store.first_names(ws.conn)
        ws.close()
        needles = [MARKER.encode("utf-8"), MARKER.encode("utf-16-le"), MARKER.encode("utf-16-be")]
        leaks = [
            p.name for p in Path(tmp).rglob("*") if p.is_file() and any(n in p.read_bytes() for n in needles)
        ]
    ok = contact_names == [MARKER] and not leaks
    detail = "no plaintext marker in any file" if not leaks else f"plaintext marker found in {leaks}"
    return ok, f"encrypted workspace round-trip ({detail})"


def check_qt() -> tuple[bool, str]:
    """Start Qt in a child process, so a missing platform plugin is a failed line, not a crash."""
    cmd = [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "desktop.cli"]
    try:
        out = subprocess.run(
            [*cmd, "_qtcheck"],
            capture_output=True,
            text=True,
            timeout=60,
            env=os.environ.copy(),
            check=False,
        )
    except subprocess.TimeoutExpired:
        return False, "Qt starts: timed out"
    lines = out.stdout.strip().splitlines()
    if out.returncode == 0 and lines:
        return True, f"Qt starts on platform '{lines[-1]}'"
    return False, "Qt does not start: " + (out.stderr.strip().splitlines() or ["no output"])[-1]


def qt_child() -> int:
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication([sys.argv[0]])
    label = QLabel("Telefonaktion")
    label.resize(200, 50)
    pixmap = label.grab()
    print(app.platformName())
    return 0 if not pixmap.isNull() else 1


def check_translation() -> tuple[bool, str]:
    from PySide6.QtCore import QTranslator

    from desktop.i18n import qm_path

    translator = QTranslator()
    loaded = translator.load(qm_path("de"))
    text = translator.translate("UnlockView", "Unlock") if loaded else ""
    return loaded and text == "Entsperren", f"German translation loads ({qm_path('de')})"


CHECKS: tuple[Callable[[], tuple[bool, str]], ...] = (
    check_sqlcipher,
    check_roundtrip,
    check_qt,
    check_translation,
)


def run() -> int:
    failed = 0
    for check in CHECKS:
        try:
            ok, text = check()
        except Exception as exc:  # noqa: BLE001 (an environment failure must be a line, not a traceback
            ok, text = False, f"{check.__name__}: {type(exc).__name__}: {exc}"
        failed += not ok
        print(f"{'ok  ' if ok else 'FAIL'}  {text}", flush=True)
    print("selftest passed" if not failed else f"selftest failed: {failed} check(s)")
    return 0 if not failed else 1
