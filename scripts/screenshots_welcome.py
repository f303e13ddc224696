"""Screenshots of the first-run screens (welcome, set up with the central office, prepare offline) and of the
calling screen at 1024x768 (offscreen Qt, widget.grab()).

  .venv/bin/python scripts/screenshots_welcome.py

A fresh temporary data folder: no workspace, so the welcome screen comes first. No person's data appears;
the 1024x768 calling screen uses the demo (invented people).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication

from desktop import i18n
from desktop.app import AppOptions, build
from desktop.services.calling import Card
from desktop.services.demo import DEMO_PASSPHRASE
from scripts.screenshots import OUT, wait


def main() -> int:
    app = QApplication.instance() or QApplication([])
    translators = i18n.install(app, "de")
    with tempfile.TemporaryDirectory() as tmp:
        built = build(AppOptions(data_dir=str(Path(tmp) / "pc")))
        built.window.resize(1280, 720)
        built.window.show()
        built.start()
        view = built.welcome

        def shot(name: str) -> None:
            app.processEvents()
            built.window.grab().save(str(OUT / f"{name}.png"))

        shot("welcome")
        view.choose_setup.setChecked(True)
        view._next()
        view.server.setText("https://zentrale.example.org")
        view.code.setText("K7P2-9QXM-4RTA")
        view.pc_name.setText("Büro-PC 2")
        view.setup_label.setText("Erika B.")
        view.setup_pass.first.setText("drei lange wörter hier")
        view.setup_pass.repeat.setText("drei lange wörter hier")
        view.show_error("code_expired")
        shot("welcome-setup-error")
        view.setup_error.clear()
        view.show_progress("pulling", 1240)
        shot("welcome-setup-progress")
        view.set_busy(False)
        view.stack.setCurrentIndex(view.PAGE_OFFLINE)
        view.org.setText("KV Musterstadt")
        view.offline_label.setText("Vera L.")
        view.offline_pass.first.setText("sommerfest")
        shot("welcome-offline")
        view.choose_demo.setChecked(True)
        view.stack.setCurrentIndex(view.PAGE_CHOICE)
        view._next()  # the demo, to show the calling screen on a small office screen
        wait(app, lambda: built.unlock_view.person.count() == 1, 60)
        built.unlock_view.passphrase.setText(DEMO_PASSPHRASE)
        built.unlock_view._submit() if hasattr(built.unlock_view, "_submit") else built.session.unlock(
            built.unlock_view.person.currentData(), DEMO_PASSPHRASE
        )
        wait(app, lambda: built.shift is not None and isinstance(built.shift.card, Card), 60)
        built.window.resize(1024, 768)
        wait(app, lambda: built.window.width() == 1024)
        shot("caller-1024")
        built.shutdown()
    del translators
    return 0


if __name__ == "__main__":
    sys.exit(main())
