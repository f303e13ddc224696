"""The results exports in a real browser (issue 14.4): the membership-system file with member numbers, Zetkin's
import file, each download in the audit log with its format and the staff member."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select

from sync.server import db
from tests.server.helpers import Env
from tests.server.test_exports import _org_with_numbers
from tests.web.web_support import Staff, sign_in


def _download(page: Any, label: str) -> list[str]:
    page.get_by_label(label).check()
    with page.expect_download() as info:
        page.get_by_role("button", name="Herunterladen").click()
    return Path(info.value.path()).read_text(encoding="utf-8").strip().splitlines()


def test_mgl_and_zetkin_exports_download_and_are_audited(page: Any, web: Env, staff: Staff) -> None:
    org, numbers = _org_with_numbers(web, n=3)
    device = org.enrol()
    contacts = {c.phone: c.contact_id for c in org.contacts(device)}
    first = min(contacts)  # the first fiction number belongs to row 2
    device.client.push([org.report(device, contacts[first], "reached")])
    sign_in(page, staff)
    page.goto(f"/web/export?org={org.org_id}")
    assert _download(page, "Mitgliederverwaltung (MGL)") == [
        "mitgliedsnummer;ergebnis;ergebnis_code;datum;widerspruch;nummernproblem",
        f"{numbers[2]};erreicht;reached;{web.office.today().isoformat()};nein;",
    ]
    assert _download(page, "Zetkin-Personenimport") == [
        "ext_id,Telefonaktion,Telefonaktion Widerspruch,Telefonaktion Nummer",
        f"{numbers[2]},Telefonaktion: erreicht,,",
    ]
    al = db.audit_log
    with web.office.engine.connect() as conn:
        rows = conn.execute(
            select(al.c.ref_ids, al.c.actor_id).where(
                al.c.action == "results.export", al.c.org_id == org.org_id
            )
        ).all()
    assert [(r.ref_ids, r.actor_id) for r in rows] == [
        ([org.org_id, "mgl"], staff.id),
        ([org.org_id, "zetkin"], staff.id),
    ]
