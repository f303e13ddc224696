"""Screenshots of every call-lead screen (offscreen Qt, widget.grab()) → docs/screenshots/lead-*.png

  .venv/bin/python scripts/screenshots_lead.py [--lang de|en]

Uses the demo workspace (desktop/services/demo.py, passphrase "demo-passwort") in a temporary folder, plus
invented calls and one invented list file: only invented people, numbers from the film/TV blocks.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop import i18n  # noqa: E402
from desktop.domain.models import CallReport, Campaign, Role  # noqa: E402
from desktop.paths import WorkspacePaths  # noqa: E402
from desktop.services import session  # noqa: E402
from desktop.services.calling import CallingService  # noqa: E402
from desktop.services.demo import DEMO_PASSPHRASE, create_demo_workspace, demo_contacts  # noqa: E402
from desktop.services.session import unlock  # noqa: E402
from desktop.storage import campaign_store, contact_store, people_store  # noqa: E402
from desktop.storage.timefmt import utcnow  # noqa: E402
from desktop.storage.workspace import Workspace, list_slots  # noqa: E402
from desktop.tasks import TaskRunner  # noqa: E402
from desktop.views.style import STYLE_SHEET  # noqa: E402
from sync.core.rules import Outcome  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
OUTCOMES = (
    Outcome.REACHED,
    Outcome.REACHED,
    Outcome.NO_PICKUP,
    Outcome.NO_PICKUP,
    Outcome.VOICEMAIL,
    Outcome.BUSY,
    Outcome.CALL_BACK,
    Outcome.OBJECTION,
    Outcome.WRONG_NUMBER,
    Outcome.REACHED,
)
_FIRST = ("Quirinella", "Bertolde", "Wendeline", "Ansgarion", "Fridolind", "Hildrun", "Ottokar", "Sieglinde")
_LAST = ("Zwirbelmoos", "Knorrenbach", "Glimmerstein", "Haselwurz", "Pfefferkorn", "Rabenfels", "Distelhof")


def wait(app: QApplication, condition: Callable[[], bool], timeout: float = 20.0) -> None:
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError("screen did not appear")
        app.processEvents()
        time.sleep(0.01)


def invented_calls(ws: Workspace, campaign_id: str, count: int, rng: random.Random) -> None:
    now = utcnow()
    caller_ids = [ws.person.id] + [p[0] for p in people_store.people(ws.conn) if p[2] == "caller"]
    for i in range(count):
        at = now - timedelta(minutes=rng.randint(1, 11 * 60))
        contact_id = contact_store.next_contact_id(
            ws.conn, campaign_id, now=at, me="screenshot", max_attempts=3, cooldown=timedelta(0)
        )
        if contact_id is None:
            break
        outcome = OUTCOMES[i % len(OUTCOMES)]
        caller = caller_ids[i % len(caller_ids)]
        ws.person = ws.person.model_copy(update={"id": caller})
        report = CallReport(
            campaign_id=campaign_id,
            contact_id=contact_id,
            caller_id=caller,
            outcome=outcome,
            created_at=at,
            callback_after=at + timedelta(days=1) if outcome is Outcome.CALL_BACK else None,
        )
        CallingService(ws, clock=lambda at=at: at).record(report)
    ws.person = ws.person.model_copy(update={"id": caller_ids[0]})


def invented_list(path: Path) -> Path:
    rows = ["Mitgliedsnummer;Vorname;Nachname;Straße;PLZ;Ort;Telefon;Mobil;E-Mail;Geburtsdatum;IBAN;Status"]
    for i in range(60):
        phone = f"030 23125 {600 + i:03d}" if i != 7 else "12345"
        status = "Mitglied" if i != 11 else "Interessent"
        rows.append(
            f"M-{90000 + i};{_FIRST[i % 8]};{_LAST[i % 7]};Erfundene Straße {i};12345;Musterstadt;{phone};"
            f";person{i}@example.org;01.02.1961;DE00 0000 0000 {i:010d};{status}"
        )
    rows.append(rows[3].replace("M-90002", "M-90099"))  # a duplicate
    path.write_text("\r\n".join(rows) + "\r\n", encoding="utf-8")
    return path


def prepare(root: Path) -> WorkspacePaths:
    paths = WorkspacePaths(root / "demo")
    ws = create_demo_workspace(paths)
    from tests.lead.lead_support import clear_workspace  # DP-11: the list import needs a clearance

    clear_workspace(ws)
    rng = random.Random(11)
    for label, opt_in in (("Olga O.", True), ("Paul P.", False), ("Kim S.", True)):
        person = ws.add_person(label=label, role=Role.CALLER, passphrase="demo-passwort-2")
        if opt_in:
            with ws.transaction() as conn:
                conn.execute("UPDATE people SET ranking_opt_in = 1 WHERE id = ?", (person.id,))
    demo = campaign_store.list_campaigns(ws.conn)[0]
    invented_calls(ws, demo.id, 70, rng)
    # a campaign released by the central office, with results still waiting for the sync
    central = Campaign(
        title="Mitgliederbefragung Herbst",
        purpose="survey",
        ends_on=utcnow().date() + timedelta(7),
        starts_on=utcnow().date() - timedelta(7),
        transparency=demo.transparency,
        script=demo.script,
    )
    with ws.transaction() as conn:
        campaign_store.insert_campaign(conn, central, created_at=utcnow(), origin="central")
        contact_store.insert_contacts(conn, demo_contacts(central.id, 40, seed=3))
    invented_calls(ws, central.id, 6, rng)
    ws.close()
    return paths


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", choices=("de", "en"), default="de")
    args = ap.parse_args(argv)
    app = QApplication.instance() or QApplication([])
    translators = i18n.install(app, args.lang)  # noqa: F841 (keep alive)
    suffix = "" if args.lang == "de" else "-en"
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="telefonaktion-lead-shots-") as tmp:
        paths = prepare(Path(tmp))
        lead_slot = next(s for s in list_slots(paths) if s.role is Role.LEAD)
        ws = unlock(paths, lead_slot.slot_id, DEMO_PASSPHRASE)
        db = TaskRunner("db")
        from desktop.views.lead.area import LeadArea

        area = LeadArea(db, ws)
        area.setStyleSheet(STYLE_SHEET)
        area.resize(1280, 860)
        area.show()
        wait(app, lambda: area.chooser.count() == 2 and not db.busy)

        def shot(name: str) -> None:
            wait(app, lambda: not db.busy)
            app.processEvents()
            area.grab().save(str(OUT / f"lead-{name}{suffix}.png"))
            print("wrote", f"lead-{name}{suffix}.png")

        demo_index = next(
            i for i in range(area.chooser.count()) if "Jahresempfang" in area.chooser.itemText(i)
        )
        central_index = 1 - demo_index
        area.chooser.setCurrentIndex(demo_index)
        area.tabs.setCurrentIndex(area.TAB_PREPARE)
        shot("prepare")
        area.editor.questions.list.setCurrentRow(1)
        area.editor.title.clear()
        area.editor.save()
        wait(app, lambda: bool(area.editor.problems.text()))
        shot("prepare-problems")
        area.editor.load(area._info(area.campaign_id))

        area.tabs.setCurrentIndex(area.TAB_IMPORT)
        w = area.wizard
        shot("import-1-file")
        w.choose_file(str(invented_list(Path(tmp) / "mitglieder.csv")))
        wait(app, lambda: w.stack.currentIndex() == w.PAGE_MAPPING and w.next_button.isEnabled())
        shot("import-2-columns")
        w.next()
        shot("import-3-dropped")
        w.next()
        wait(app, lambda: w.model.result is not None and w.next_button.isEnabled())
        shot("import-4-problems")
        w.next()
        shot("import-5-preview")
        w.next()
        wait(app, lambda: w.stack.currentIndex() == w.PAGE_DONE)
        shot("import-6-done")

        area.tabs.setCurrentIndex(area.TAB_SLICES)
        wait(app, lambda: area.slices.people.count() > 0)
        area.slices.extra_pcs.setValue(1)
        area.slices.split()
        wait(app, lambda: area.slices.table.rowCount() > 0)
        shot("slices")

        area.tabs.setCurrentIndex(area.TAB_PROGRESS)
        wait(app, lambda: area.dashboard.progress is not None and area.dashboard.progress.calls > 0)
        shot("progress")

        area.chooser.setCurrentIndex(central_index)
        area.tabs.setCurrentIndex(area.TAB_END)
        wait(app, lambda: area.end_view.preview is not None and bool(area.end_view.preview.unsynced))
        area.end_view.accept_unsynced.setChecked(True)
        shot("end")

        area.tabs.setCurrentIndex(area.TAB_PEOPLE)
        wait(app, lambda: len(area.people.people) == 4)
        area.people.select("Paul P.")
        shot("people")
        remove = area.people.open_remove()
        assert remove is not None
        wait(app, remove.isVisible)
        app.processEvents()
        remove.grab().save(str(OUT / f"lead-people-remove{suffix}.png"))
        print("wrote", f"lead-people-remove{suffix}.png")
        for _ in range(4):  # four wrong tries before (on disk): the unlock screen's delay holds here too
            session.count_failure(paths, session.read_throttle(paths), utcnow())
        for field in remove.fields.values():
            field.setText("falsch geraten")
        remove.ok.click()
        wait(app, lambda: "warte" in remove.message.text() or "wait" in remove.message.text())
        app.processEvents()
        remove.grab().save(str(OUT / f"lead-people-remove-wait{suffix}.png"))
        print("wrote", f"lead-people-remove-wait{suffix}.png")
        remove.reject()

        # the PC clock jumped far ahead: the notice with „Uhr bestätigen“ (#15.7)
        area._show_clock(utcnow() + timedelta(days=60))
        area.resize(1024, 768)  # the smallest office screen
        wait(app, lambda: area.width() == 1024)
        shot("clock")
        area._ask_clock()
        shot("clock-confirm")
        area.tabs.setCurrentIndex(area.TAB_IMPORT)
        shot("import-1024")

        area.dashboard_model.stop()
        wait(app, lambda: not db.busy)
        area.close()
        db.run_sync(ws.close)
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
