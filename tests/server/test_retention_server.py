"""Retention at the central office (issue 14.6) with a clock that moves: organizer messages go a set time after
they were resolved, notes and messages after the campaign ended, and the contact rows of an ended campaign lose
their member link after the export or the grace period — and `serve` runs it on its timer."""

from __future__ import annotations

import time as systime
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select, update

from sync.server import db, retention
from sync.server.db import open_database
from sync.server.devtools import running_server
from sync.server.exports import export
from sync.server.inbox import OrganizerInbox
from sync.server.office import CentralOffice
from tests.server.helpers import Env, pull_all

NOTE, MESSAGE = "Hat einen Hund", "Bitte Rückruf wegen Plakaten"


class Clock:
    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now

    def move(self, days: float) -> None:
        self.now += timedelta(days=days)


def _free_text(env: Env, campaign_id: str) -> list[tuple[str, str]]:
    r = db.reports
    with env.office.engine.connect() as conn:
        return sorted(
            (row.note, row.organizer_message)
            for row in conn.execute(
                select(r.c.note, r.c.organizer_message).where(r.c.campaign_id == campaign_id)
            )
        )


def _linked(env: Env, campaign_id: str) -> int:
    cc = db.campaign_contacts
    with env.office.engine.connect() as conn:
        return len(
            conn.execute(
                select(cc.c.id).where(cc.c.campaign_id == campaign_id, cc.c.member_id.is_not(None))
            ).all()
        )


def test_retention_moves_the_clock_and_deletes_in_order(server: Env, tmp_path: Path) -> None:
    org = server.org(n_members=4)
    clock = Clock()
    office = CentralOffice(server.office.engine, clock=clock)
    with office.engine.begin() as conn:  # the campaign ends tomorrow
        conn.execute(
            update(db.campaigns)
            .where(db.campaigns.c.id == org.campaign_id)
            .values(ends_on=office.today() + timedelta(days=1))  # the office's calendar day (Berlin)
        )
    device = org.enrol()
    a, b, c, _ = [x.contact_id for x in org.contacts(device)]
    resolved = org.report(device, a, "reached", organizer_action=True, organizer_message=MESSAGE)
    device.client.push(
        [
            resolved,
            org.report(device, b, "reached", organizer_action=True, organizer_message=MESSAGE + "!"),
            org.report(device, c, "no_pickup", note=NOTE),
        ]
    )
    OrganizerInbox(office).resolve(resolved.payload.report_id, "done")

    assert retention.run(office) == retention.RetentionReport()  # nothing is due yet
    clock.move(retention.FREE_TEXT_GRACE.days - 1)
    assert retention.run(office).messages_blanked == 0
    clock.move(1.01)  # a resolved message goes 14 days after its resolution; the open one stays
    assert retention.run(office).messages_blanked == 1
    assert _free_text(server, org.campaign_id) == [("", ""), ("", MESSAGE + "!"), (NOTE, "")]

    clock.move(2)  # the campaign ended 14 days ago (end date + 1 day): notes and messages go
    report = retention.run(office)
    assert (report.messages_blanked, report.notes_blanked, report.campaigns_wiped) == (1, 1, 0)
    assert _free_text(server, org.campaign_id) == [("", ""), ("", ""), ("", "")]
    assert _linked(server, org.campaign_id) == 4

    clock.move(retention.CONTACT_GRACE.days - retention.FREE_TEXT_GRACE.days)  # 30 days after the end
    report = retention.run(office)
    assert (report.campaigns_wiped, report.contacts_unlinked) == (1, 4)
    assert _linked(server, org.campaign_id) == 0
    assert pull_all(org.enrol(name="Neuer PC").client).contacts == []  # nobody travels any more
    assert retention.run(office) == retention.RetentionReport()  # idempotent


def test_an_export_after_the_end_lets_the_contacts_go_before_the_grace_period(
    server: Env, tmp_path: Path
) -> None:
    org = server.org(n_members=2)
    clock = Clock()
    office = CentralOffice(server.office.engine, clock=clock)
    with office.engine.begin() as conn:
        conn.execute(
            update(db.campaigns).where(db.campaigns.c.id == org.campaign_id).values(ended_at=clock.now)
        )
    assert retention.run(office).campaigns_wiped == 0  # ended, but not exported and still in grace
    clock.move(1)
    export(office, org.org_id, tmp_path / "mgl.csv", "mgl")
    assert retention.run(office).campaigns_wiped == 1 and _linked(server, org.campaign_id) == 0


def test_serve_runs_retention_on_its_timer(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'zentrale.db'}"
    engine = open_database(url)
    office = CentralOffice(engine)
    env = Env("sqlite", None, office)  # type: ignore[arg-type]
    org = Env.org(env, n_members=3)
    long_ago = datetime.now(UTC) - timedelta(days=90)
    with engine.begin() as conn:
        conn.execute(
            update(db.campaigns).where(db.campaigns.c.id == org.campaign_id).values(ended_at=long_ago)
        )
    with running_server(url, log_dir=tmp_path):
        deadline = systime.monotonic() + 60
        while _linked(env, org.campaign_id) and systime.monotonic() < deadline:
            systime.sleep(0.2)
    assert _linked(env, org.campaign_id) == 0
    engine.dispose()
