"""The lead's screens driven like a lead would (pytest-qt, offscreen): editor, import wizard, slices, progress, end."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop import i18n
from desktop.storage import audit, campaign_store, contact_store, report_store
from desktop.tasks import TaskRunner
from desktop.views.lead.area import LeadArea
from desktop.views.lead.import_wizard import ImportWizard
from sync.core.rules import Outcome
from tests.lead.lead_support import call, csv_bytes, make_campaign, member_csv, person_row, seed_contacts


@pytest.fixture
def german(qapp):  # type: ignore[no-untyped-def]
    translators = i18n.install(qapp, "de")
    yield
    for t in translators:
        qapp.removeTranslator(t)


@pytest.fixture
def runner(qapp):  # type: ignore[no-untyped-def]
    db = TaskRunner("db-test")
    yield db
    db.close()


@pytest.fixture
def area(qtbot, runner, ws, german):  # type: ignore[no-untyped-def]
    widget = LeadArea(runner, ws)  # closed here, not by qtbot: first let the runner deliver everything
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitUntil(lambda: not widget.campaign_model.busy, timeout=10000)
    yield widget
    widget.dashboard_model.stop()
    qtbot.waitUntil(lambda: not runner.busy, timeout=10000)
    widget.close()
    widget.deleteLater()
    qtbot.wait(1)


def db(runner, fn):  # type: ignore[no-untyped-def]
    return runner.run_sync(fn)


def test_editor_creates_a_campaign_with_questions_and_live_preview(qtbot, area, runner, ws) -> None:  # type: ignore[no-untyped-def]
    e = area.editor
    assert area.tabs.tabText(0) == "Aktion vorbereiten"
    assert "Nachname" in e.fields_label.text()
    e.purpose.setCurrentIndex(e.purpose.findData("keep-in-touch"))
    assert "Nachname" not in e.fields_label.text() and "Vorname" in e.fields_label.text()
    e.script.setPlainText("Hallo {first_name} {last_name} aus {locality}, hier {caller_name}.")
    preview = e.preview.toPlainText()
    assert "Hallo Renate aus Köln-Ehrenfeld, hier Vera L." in preview  # last name not in this purpose
    assert "Lindenblatt" not in preview
    assert "Woher habt ihr meine Nummer" in preview or "Nummer" in preview
    e.save()  # no title yet
    qtbot.waitUntil(lambda: "Titel" in e.problems.text(), timeout=5000)
    qtbot.keyClicks(e.title, "Sommerfest 2026")
    e.questions.add()
    e.questions.kind.setCurrentIndex(e.questions.kind.findData("single"))
    e.questions.prompt.setText("Wann passt es dir?")
    e.questions.options.setPlainText("nur eins")
    e.save()
    qtbot.waitUntil(lambda: "Frage 1" in e.problems.text(), timeout=5000)
    e.questions.options.setPlainText("Vormittag\nNachmittag\nAbend")
    e.questions.add()
    e.questions.prompt.setText("Kommst du?")
    e.questions.move(-1)
    e.notes.setChecked(True)
    e.hours.days[6][0].setChecked(True)  # Sunday on
    e.hours.region.setCurrentIndex(e.hours.region.findData("BY"))
    e.res_body.setText("Kreisvorstand")
    e.save()
    qtbot.waitUntil(lambda: e.status.text() == "Aktion angelegt.", timeout=5000)
    qtbot.waitUntil(lambda: area.chooser.count() == 1 and area.campaign_id == e.campaign_id, timeout=5000)
    c = db(runner, lambda: campaign_store.get_campaign(ws.conn, e.campaign_id))
    assert c.title == "Sommerfest 2026" and c.purpose == "keep-in-touch"
    assert [q.prompt for q in c.questions] == ["Kommst du?", "Wann passt es dir?"]
    assert c.questions[1].options == ("Vormittag", "Nachmittag", "Abend")
    assert c.rules.notes_enabled and 6 in c.rules.calling_hours.windows
    assert c.rules.calling_hours.holiday_region == "BY"
    assert db(runner, lambda: [x.kind for x in audit.entries(ws.conn)]) == ["campaign_created"]
    # an edit saves what changed
    e.title.setText("Sommerfest 2026 (neu)")
    e.save()
    qtbot.waitUntil(lambda: e.status.text() == "Gespeichert.", timeout=5000)


def _walk_wizard(qtbot, w: ImportWizard, path: Path) -> None:  # type: ignore[no-untyped-def]
    w.choose_file(str(path))
    qtbot.waitUntil(
        lambda: w.stack.currentIndex() == w.PAGE_MAPPING and w.next_button.isEnabled(), timeout=10000
    )


def test_import_wizard_walks_every_step_and_imports_in_one_go(qtbot, area, runner, ws, tmp_path) -> None:  # type: ignore[no-untyped-def]
    c = db(runner, lambda: make_campaign(ws))
    area.refresh()
    qtbot.waitUntil(lambda: area.campaign_id == c.id, timeout=5000)
    rows = [person_row(i) for i in range(30)] + [
        person_row(30, phone="12"),
        person_row(31, phone=person_row(3)[6]),
    ]
    (tmp_path / "liste.csv").write_bytes(csv_bytes(rows))
    w = area.wizard
    area.tabs.setCurrentIndex(area.TAB_IMPORT)
    _walk_wizard(qtbot, w, tmp_path / "liste.csv")
    headers = [w.mapping_table.item(r, 0).text() for r in range(w.mapping_table.rowCount())]
    assert "Geburtsdatum" in headers
    w.next()
    assert w.stack.currentIndex() == w.PAGE_DROPPED
    assert w.dropped_label.text().startswith("Diese Spalten werden nicht übernommen: ")
    for name in ("Geburtsdatum", "IBAN", "E-Mail", "Straße", "Mitgliedsnummer"):
        assert name in w.dropped_label.text()
    w.next()
    qtbot.waitUntil(lambda: w.model.result is not None and w.next_button.isEnabled(), timeout=10000)
    problems = [w.problem_table.item(r, 1).text() for r in range(w.problem_table.rowCount())]
    assert any("nicht eingelesen" in p for p in problems)  # the row with "12"
    assert any("zusammengeführt" in p for p in problems)  # the duplicate
    assert "30 können eingelesen werden" in w.summary.text()
    w.next()
    assert w.stack.currentIndex() == w.PAGE_PREVIEW
    cols = [w.preview_table.horizontalHeaderItem(i).text() for i in range(w.preview_table.columnCount())]
    assert "Geburtsdatum" not in cols and "IBAN" not in cols and "Telefon" in cols
    assert w.preview_table.rowCount() == 10
    assert (
        db(runner, lambda: contact_store.contact_count(ws.conn, c.id)) == 0
    )  # nothing stored before the last step
    w.next()
    qtbot.waitUntil(lambda: w.stack.currentIndex() == w.PAGE_DONE, timeout=10000)
    assert "30" in w.done_label.text()
    assert w.import_progress.value() == w.import_progress.maximum()
    assert db(runner, lambda: contact_store.contact_count(ws.conn, c.id)) == 30
    qtbot.waitUntil(lambda: "30" in area.chooser.currentText(), timeout=5000)


def test_wizard_override_and_missing_category_confirmation(qtbot, area, runner, ws, tmp_path) -> None:  # type: ignore[no-untyped-def]
    c = db(runner, lambda: make_campaign(ws))
    area.refresh()
    qtbot.waitUntil(lambda: area.campaign_id == c.id, timeout=5000)
    header = ["Vorname", "Nachname", "Telefon", "Wohnbezirk"]
    (tmp_path / "x.csv").write_bytes(csv_bytes([["Anna", "Birke", "030 23125 501", "Nord"]], header=header))
    w = area.wizard
    area.tabs.setCurrentIndex(area.TAB_IMPORT)
    w.choose_file(str(tmp_path / "x.csv"))
    qtbot.waitUntil(lambda: w.stack.currentIndex() == w.PAGE_MAPPING, timeout=10000)
    assert w.assume.isVisible() and not w.next_button.isEnabled()  # no category column: confirm first
    assert "nein" in w.mapping_table.item(3, 2).text()
    combo = w.mapping_table.cellWidget(3, 1)
    combo.setCurrentIndex(combo.findData("district"))  # the lead knows better than the detection
    qtbot.waitUntil(lambda: w.mapping_table.item(3, 2).text() == "ja", timeout=10000)
    w.assume.setCurrentIndex(w.assume.findData("member"))
    qtbot.waitUntil(w.next_button.isEnabled, timeout=10000)
    w.next()
    assert "Ortsteil" in w.kept_label.text()
    assert not w.model.plan.needs_category_assumption


def test_hostile_file_in_the_wizard_gives_a_clear_message(qtbot, area, runner, ws, tmp_path) -> None:  # type: ignore[no-untyped-def]
    c = db(runner, lambda: make_campaign(ws))
    area.refresh()
    qtbot.waitUntil(lambda: area.campaign_id == c.id, timeout=5000)
    (tmp_path / "bild.csv").write_bytes(bytes(range(256)) * 20)
    w = area.wizard
    w.choose_file(str(tmp_path / "bild.csv"))
    qtbot.waitUntil(lambda: "keine CSV-Textdatei" in w.error.text(), timeout=10000)
    assert w.stack.currentIndex() == w.PAGE_FILE and not w.next_button.isEnabled()
    assert "Nichts wurde geändert" in w.error.text()


def test_failed_import_leaves_the_list_unchanged_and_says_so(
    qtbot, area, runner, ws, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from desktop.services import lead_import

    c = db(runner, lambda: make_campaign(ws))
    area.refresh()
    qtbot.waitUntil(lambda: area.campaign_id == c.id, timeout=5000)
    w = area.wizard
    _walk_wizard(qtbot, w, member_csv(tmp_path / "m.csv", 40))
    w.next()
    w.next()
    qtbot.waitUntil(w.next_button.isEnabled, timeout=10000)
    w.next()
    monkeypatch.setattr(lead_import, "INSERT_CHUNK", 10)
    original = lead_import.audit.append

    def fail(*a, **k):  # type: ignore[no-untyped-def]
        raise OSError("disk full (injected)")

    monkeypatch.setattr(lead_import.audit, "append", fail)
    w.next()
    qtbot.waitUntil(lambda: "unverändert" in w.error.text(), timeout=10000)
    monkeypatch.setattr(lead_import.audit, "append", original)
    assert db(runner, lambda: contact_store.contact_count(ws.conn, c.id)) == 0


def test_progress_slices_export_and_end(qtbot, area, runner, ws, tmp_path) -> None:  # type: ignore[no-untyped-def]
    c = db(runner, lambda: make_campaign(ws, origin="central"))  # reports wait for the sync
    db(runner, lambda: seed_contacts(ws, c.id, 12))
    db(runner, lambda: [call(ws, c.id, o) for o in (Outcome.REACHED, Outcome.OBJECTION, Outcome.NO_PICKUP)])
    area.refresh()
    qtbot.waitUntil(lambda: area.campaign_id == c.id and area.call_button.isEnabled(), timeout=5000)
    with qtbot.waitSignal(area.start_calling_requested, timeout=2000) as sig:
        area.call_button.click()
    assert sig.args == [c.id]

    area.tabs.setCurrentIndex(area.TAB_PROGRESS)
    d = area.dashboard
    assert area.dashboard_model.timer.isActive()
    qtbot.waitUntil(lambda: d.progress is not None and d.progress.calls == 3, timeout=5000)
    assert (d.reached.value.text(), d.objections.value.text(), d.open.value.text()) == ("1", "1", "10")
    d.grab()  # the charts paint without warnings
    d.choose_export_path = lambda: str(tmp_path / "ergebnisse.csv")
    d.export_button.click()
    qtbot.waitUntil(lambda: "3 Ergebnisse" in d.message.text(), timeout=5000)
    assert "contact_id" in (tmp_path / "ergebnisse.csv").read_text("utf-8-sig")
    d.choose_record_path = lambda: str(tmp_path / "vvt.html")
    d.record_button.click()
    qtbot.waitUntil((tmp_path / "vvt.html").exists, timeout=5000)

    area.tabs.setCurrentIndex(area.TAB_SLICES)
    assert not area.dashboard_model.timer.isActive()  # no refresh while not shown
    s = area.slices
    qtbot.waitUntil(lambda: s.people.count() == 1, timeout=5000)
    s.people.item(0).setCheckState(Qt.CheckState.Checked)
    s.extra_pcs.setValue(1)
    s.split_button.click()
    qtbot.waitUntil(lambda: s.table.rowCount() == 2, timeout=5000)
    assert sorted(int(s.table.item(r, 2).text()) for r in range(2)) == [5, 5]  # 12 people, 2 no longer open
    s.table.selectRow(1)
    s.release_button.click()
    qtbot.waitUntil(lambda: "zurück" in s.table.item(1, 4).text(), timeout=5000)

    area.tabs.setCurrentIndex(area.TAB_END)
    v = area.end_view
    qtbot.waitUntil(lambda: v.preview is not None and len(v.preview.unsynced) == 3, timeout=5000)
    assert v.table.rowCount() == 3 and not v.end_button.isEnabled()
    v.accept_unsynced.setChecked(True)
    assert v.end_button.isEnabled()
    asked = []
    v.confirm = lambda text: asked.append(text) or False
    v.end_button.click()
    assert (
        asked and db(runner, lambda: contact_store.contact_count(ws.conn, c.id)) == 12
    )  # cancelled: nothing happened
    v.confirm = lambda text: True
    v.end_button.click()
    qtbot.waitUntil(lambda: "12" in v.message.text(), timeout=10000)
    assert db(runner, lambda: contact_store.contact_count(ws.conn, c.id)) == 0
    assert db(runner, lambda: len(report_store.all_reports(ws.conn))) == 3
    qtbot.waitUntil(lambda: "beendet" in area.chooser.currentText(), timeout=5000)
    assert not area.call_button.isEnabled()
