"""The desktop part of the R1 leak-scan scenario, run in its own process so that its temporary directory and
home directory are ones the test controls and scans (tests/security/test_leak_scan.py).

    python scenario_child.py DATA_DIR CSV_FILE MARKERS_JSON SNAPSHOT_DIR

The workspace was enrolled before by `telefonaktion enrol` (the CLI). Here, as a call lead would: unlock, sync,
admit a volunteer, create a local campaign and import a membership CSV into it, a shift of calls with notes and
messages to the organizer (both campaigns allow notes), sync again, export the results and the record of
processing, lock. Prints one JSON line with counts.

Files that live only while the workspace is open (the WAL, the -shm index) are gone after the lock, so the
workspace folder is copied twice while it is open (after the calls, and just before the lock) into SNAPSHOT_DIR,
which the test scans as well.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

from desktop import paths
from desktop.domain.models import CallReport, Role
from desktop.services import lead, lead_export, lead_import, lead_record, session, sync_engine, volunteers
from desktop.services.calling import CallingService
from desktop.storage import campaign_store
from desktop.storage.workspace import list_slots
from sync.core.rules import Outcome

PASS = "ein langes passwort"


def main() -> None:
    data_dir, csv_file, markers = Path(sys.argv[1]), Path(sys.argv[2]), json.loads(sys.argv[3])
    snapshots = Path(sys.argv[4])
    paths.configure(data_dir)
    wp = paths.workspace()
    slot = next(s.slot_id for s in list_slots(wp) if s.role is Role.LEAD)
    ws = session.unlock(wp, slot, PASS)
    first = sync_engine.sync_once(ws.conn)

    volunteers.admit(
        ws,
        label="Kai V.",
        passphrase="kais eigenes passwort",
        typed_name="Kai V.",
        confirmed=True,
        purpose="invitation",
    )

    # The central campaign: the lead allows notes on this PC (as the demo's lead prepares its campaign).
    (central,) = list(campaign_store.list_campaigns(ws.conn))
    with ws.transaction() as conn:
        updated = central.model_copy(
            update={"rules": central.rules.model_copy(update={"notes_enabled": True})}
        )
        conn.execute(
            "UPDATE campaigns SET definition = ? WHERE id = ?", (updated.model_dump_json(), central.id)
        )

    # A local campaign with notes, and the lead's import of a membership CSV into it.
    local = lead.new_campaign("Einladung Stammtisch", "invitation")
    local = local.model_copy(update={"rules": local.rules.model_copy(update={"notes_enabled": True})})
    lead.create_campaign(ws, local)
    imported = lead_import.import_members(ws, local.id, csv_file, assume_category="member")

    # A shift of calls: every marker person in both campaigns, with notes and messages naming them.
    service = CallingService(ws)
    reports = 0
    for campaign_id in (central.id, local.id):
        for person in markers["people"]:
            row = ws.conn.execute(
                "SELECT id FROM contacts WHERE campaign_id = ? AND last_name = ?",
                (campaign_id, person["last"]),
            ).fetchone()
            assert row is not None, "marker person missing from the list"
            text = f"{person['first']} {person['last']} bittet um Rückruf unter {person['national']}"
            service.record(
                CallReport(
                    campaign_id=campaign_id,
                    contact_id=row[0],
                    caller_id=ws.person.id,
                    outcome=Outcome.CALL_BACK if reports % 2 else Outcome.REACHED,
                    created_at=service.clock(),
                    note=text[:200],
                    organizer_action=True,
                    organizer_message=f"Bitte {person['first']} {person['last']} anrufen: {person['e164']}",
                )
            )
            reports += 1
    shutil.copytree(wp.root, snapshots / "after-calls")
    second = sync_engine.sync_once(ws.conn)

    exports = data_dir / "exports"
    exports.mkdir(exist_ok=True)
    exported = [
        lead_export.export_results(ws, c, exports / f"ergebnisse-{i}.csv").rows
        for i, c in enumerate((central.id, local.id))
    ]
    lead_record.write_record(ws, local.id, exports / "verzeichnis.html")
    shutil.copytree(wp.root, snapshots / "before-lock")
    session.lock(ws)
    print(
        json.dumps(
            {
                "pulled": first.contacts,
                "imported": imported.done.imported,
                "reports": reports,
                "pushed": second.pushed,
                "exported": exported,
            }
        ),
        flush=True,
    )


if __name__ == "__main__":
    main()
