"""Screenshots of every screen for the README and the user guide (offscreen Qt, widget.grab()).

  .venv/bin/python scripts/screenshots.py [--lang de|en]

Uses the demo workspace in a temporary folder: only invented people appear.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TZ", "Europe/Berlin")  # the pictures show a German office's clock (call-back times)
if hasattr(time, "tzset"):
    time.tzset()

from PySide6.QtWidgets import QApplication

from desktop import i18n
from desktop.app import AppOptions, build
from desktop.services.calling import Card
from desktop.services.demo import DEMO_PASSPHRASE

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


def wait(app: QApplication, condition: Callable[[], bool], timeout: float = 20.0) -> None:
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError("screen did not appear")
        app.processEvents()
        time.sleep(0.01)


def shoot_report_steps(app: QApplication, built, suffix: str) -> None:
    """Walk the report flow of one card and photograph every kind of step (the flow is undone after)."""
    shift = built.shift

    def shot(name: str) -> None:
        app.processEvents()
        built.window.grab().save(str(OUT / f"report-{name}{suffix}.png"))

    paths = [
        ("1", "could-talk"),
        ("2", "call-back"),
        ("5", "call-back-at"),
    ]
    for key, name in paths:
        shift.press(key)
        shot(name)
    shift.back(), shift.back(), shift.back()
    for key, name in [
        ("2", "why-not"),
        ("1", "voicemail"),
        ("1", "organizer-action"),
        ("1", "organizer-message"),
    ]:
        shift.press(key)
        shot(name)
    shift.submit_text("")
    shot("done")
    for _ in range(5):
        shift.back()
    for key in ("1", "1", "2"):
        shift.press(key)
    shot("question-yes-no")
    shift.press("1")
    shot("question-choice")


def shoot_other_screens(app: QApplication, built, suffix: str) -> None:
    """The not-cleared screen, the status details, „Person hinzufügen“ and „Passwort ändern“."""
    from desktop.services.calling import NotCleared
    from desktop.services.clearance_gate import GateStatus

    view = built.caller_view
    card = built.shift.card
    view.show_card(
        NotCleared(card.campaign, GateStatus(False, "no_declaration", missing=("no_declaration",)))
    )
    app.processEvents()
    built.window.grab().save(str(OUT / f"not-cleared{suffix}.png"))
    view.show_card(card)
    change = built.change_own_passphrase()
    change.old.setText("demo-passwort")
    change.new.setText("vier neue lange wörter")
    change.repeat.setText("vier neue lange wörter")
    app.processEvents()
    change.grab().save(str(OUT / f"passphrase{suffix}.png"))
    change.reject()
    dialog = built.admit_volunteer()  # the lead's „Personen“ tab with „Person hinzufügen“ open
    wait(app, lambda: bool(dialog.pledge.toPlainText()))
    dialog.label.setText("Jonas K.")
    dialog.passphrase.setText("jonas sein langes passwort")
    dialog.repeat.setText("jonas sein langes passwort")
    app.processEvents()
    dialog.grab().save(str(OUT / f"people-add{suffix}.png"))
    dialog.reject()
    built.window.show_screen(built.caller_view)
    wait(app, lambda: built.status_button.status is not None)
    built.status_button.show_details()
    app.processEvents()
    details = [
        w
        for w in app.topLevelWidgets()
        if w.isVisible() and w.windowTitle() in ("Synchronisierung", "Synchronisation")
    ]
    if details:
        details[0].grab().save(str(OUT / f"sync-details{suffix}.png"))
        details[0].reject()


def shoot_calling_finish(app: QApplication, built, suffix: str) -> None:
    """The calling screen's finishing screens at 1024x768 (#15.4): the second number, call-back times,
    the wrong-number step, the recap, skipping and "Meine Anrufe" with a correction."""
    from desktop.domain.queue import SkipReason
    from desktop.domain.report_flow import StepKind

    window, shift, view = built.window, built.shift, built.caller_view
    window.show_screen(view)  # the earlier shots may have left the lead's screens open
    window.resize(1024, 768)
    wait(app, lambda: window.width() == 1024)

    def shot(name: str, widget=None) -> None:
        app.processEvents()
        (widget or window).grab().save(str(OUT / f"{name}{suffix}.png"))

    def ready() -> bool:
        return not shift.saving and isinstance(shift.card, Card) and shift.flow is not None

    def save() -> None:
        assert shift.flow.step.kind is StepKind.DONE
        before = shift.card
        shift.press("enter")
        wait(app, lambda: ready() and shift.card is not before)

    wait(app, ready)
    while shift.back():  # the earlier shots left this card's flow half answered
        pass
    while not shift.card.contact.phone2:  # a person with two numbers (every fourth invented person)
        before = shift.card
        shift.skip(SkipReason.OTHER)
        wait(app, lambda before=before: ready() and shift.card is not before)
    view.qr2.click()
    shot("caller-second-number")
    view.qr2.click()
    for key in ("2", "3"):
        shift.press(key)
    shot("report-wrong-number")
    shift.back(), shift.back()
    for key in ("1", "2"):
        shift.press(key)
    shot("report-call-back-times")
    shift.press("2")
    shift.press("1")
    shift.submit_text("Möchte Infos zur Mitgliederversammlung")
    shot("report-recap")
    save()
    for key in ("2", "2", "2"):
        shift.press(key)
    save()
    dialog = view.open_skip()
    dialog.reasons.setCurrentRow(2)
    dialog.text.setText("Headset rauscht")
    shot("skip", dialog)
    dialog.accept()
    wait(app, ready)
    view.open_shift_log()
    wait(app, lambda: view.log_dialog is not None and view.log_dialog.isVisible())
    view.log_dialog.list.setCurrentRow(1)
    shot("shift-log", view.log_dialog)
    view.log_dialog.choose()
    wait(app, lambda: ready() and shift.correcting is not None)
    shot("correction")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="de", choices=("de", "en"))
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    translators = i18n.install(app, args.lang)
    suffix = "" if args.lang == "de" else "-en"
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        built = build(AppOptions(demo=True, data_dir=tmp))
        window = built.window
        window.resize(1280, 720)
        window.show()
        built.start()
        wait(app, lambda: built.unlock_view.person.count() > 0)
        window.grab().save(str(OUT / f"unlock{suffix}.png"))
        built.session.unlock(built.unlock_view.person.currentData(), DEMO_PASSPHRASE)
        wait(app, lambda: built.shift is not None and isinstance(built.shift.card, Card))
        app.processEvents()
        window.grab().save(str(OUT / f"caller{suffix}.png"))
        shoot_report_steps(app, built, suffix)
        # the new calling screens at 1024x768 first, then the others at 1280x720
        shoot_calling_finish(app, built, suffix)
        window.resize(1280, 720)
        shoot_other_screens(app, built, suffix)
        built.shutdown()
    del translators
    print("screenshots written to", OUT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
