"""A release's feed rows carry the organisation of their campaign (issue 17.2, migration 0011).

``feed.org_id`` lost its foreign key to ``orgs`` (PostgreSQL checked it once per row of a release: 100k checks
of the same organisation for 100k members). What the key guaranteed, and more, now holds by construction: the
release writes each feed row with the organisation it writes the campaign with. These tests check
that a feed row of a release never names another organisation than its campaign's (which a foreign key could not
catch either), that each organisation's PCs receive exactly its own contacts, and that the migration drops and
restores the key on both backends."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import func, inspect, select

from sync.server import db
from tests.content_support import CONTENT
from tests.server.helpers import Env


def test_feed_rows_of_releases_in_two_organisations_name_their_campaigns_organisation(server: Env) -> None:
    first, second = server.org(n_members=7), server.org(n_members=4)
    assert first.resolution_id is not None
    again, _ = server.office.commands.release_campaign(
        first.org_id, "Zweite Runde", "invitation", first.resolution_id, content=CONTENT
    )
    f, cc, c = db.feed, db.campaign_contacts, db.campaigns
    with server.office.engine.connect() as conn:
        # the check query: feed rows of contacts or campaigns whose organisation is not their campaign's
        of_contacts = (
            select(func.count())
            .select_from(f.join(cc, cc.c.id == f.c.ref_id).join(c, c.c.id == cc.c.campaign_id))
            .where(f.c.kind == "contact", f.c.org_id != c.c.org_id)
        )
        of_campaigns = (
            select(func.count())
            .select_from(f.join(c, c.c.id == f.c.ref_id))
            .where(f.c.kind == "campaign", f.c.org_id != c.c.org_id)
        )
        assert conn.execute(of_contacts).scalar_one() == 0
        assert conn.execute(of_campaigns).scalar_one() == 0
        for org, campaigns in ((first, {first.campaign_id, again}), (second, {second.campaign_id})):
            contacts = set(
                conn.scalars(select(cc.c.id).where(cc.c.campaign_id.in_(sorted(campaigns))))  # type: ignore[arg-type]
            )
            fed = conn.execute(
                select(f.c.kind, f.c.ref_id).where(
                    f.c.org_id == org.org_id, f.c.kind.in_(["contact", "campaign"])
                )
            ).all()
            assert sorted(ref for kind, ref in fed if kind == "contact") == sorted(contacts)
            assert {ref for kind, ref in fed if kind == "campaign"} == campaigns
    # what the PCs see: each organisation's PC receives its own contacts, all of them, and nobody else's
    pulled_first = first.contacts(first.enrol())
    pulled_second = second.contacts(second.enrol())
    assert len(pulled_first) == 14 and {x.campaign_id for x in pulled_first} == {first.campaign_id, again}
    assert len(pulled_second) == 4 and {x.campaign_id for x in pulled_second} == {second.campaign_id}


def _feed_foreign_keys(engine: object) -> list[tuple[list[str], str]]:
    keys = inspect(engine).get_foreign_keys("feed")
    return [(k["constrained_columns"], k["referred_table"]) for k in keys]


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_migration_0011_drops_the_feed_key_and_its_downgrade_restores_it(make_database, backend: str) -> None:
    engine = db.open_database(make_database(backend), pool_size=1)
    cfg = Config()
    cfg.set_main_option("script_location", str(db.MIGRATIONS_DIR))
    try:
        with engine.begin() as conn:
            org = db.new_id()
            conn.execute(
                db.orgs.insert().values(id=org, name="KV Migrationsdorf", created_at=datetime.now(UTC))
            )
            conn.execute(db.feed.insert().values(org_id=org, kind="campaign", ref_id="c1"))
        assert _feed_foreign_keys(engine) == []
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0010")
        assert _feed_foreign_keys(engine) == [(["org_id"], "orgs")]
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
        assert _feed_foreign_keys(engine) == []
        with engine.connect() as conn:  # the feed rows survive both ways (SQLite copies the table)
            assert conn.execute(select(db.feed.c.org_id, db.feed.c.kind, db.feed.c.ref_id)).all() == [
                (org, "campaign", "c1")
            ]
    finally:
        engine.dispose()


def test_campaigns_released_one_after_another_sort_in_that_order(server: Env) -> None:
    """Time-first campaign ids: each release's contacts go to the end of the indexes that begin with the
    campaign, on the central office and on the PCs that pull them, not between earlier campaigns' entries."""
    org = server.org(n_members=3)
    assert org.resolution_id is not None
    released = [org.campaign_id]
    for n in range(8):
        time.sleep(0.002)
        campaign, _ = server.office.commands.release_campaign(
            org.org_id, f"Runde {n}", "invitation", org.resolution_id, content=CONTENT
        )
        released.append(campaign)
    assert sorted(released) == released
    assert all(len(c) == 32 and int(c, 16) >= 0 for c in released)
