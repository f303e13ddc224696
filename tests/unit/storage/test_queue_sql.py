"""The SQL queue in storage picks exactly the contact the pure domain rule picks (property test)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.domain import queue
from desktop.domain.models import Campaign, CampaignRules, Contact, ContactState
from desktop.storage import campaign_store, contact_store, migrate
from desktop.storage.database import open_encrypted
from desktop.storage.keyslots import new_database_key
from desktop.storage.sync_store import WorkspaceSyncStore
from desktop.storage.timefmt import to_db
from sync.core import protocol as p
from sync.core.rules import ContactStatus

NOW = datetime(2026, 11, 25, 18, 0, tzinfo=UTC)
ME = "caller-me"

moments = st.integers(min_value=-72, max_value=72).map(lambda h: NOW + timedelta(hours=h))
states = st.builds(
    lambda status, attempts, last, callback, reserved, until: (
        status,
        attempts,
        last if attempts else None,
        callback,
        reserved,
        until if reserved else None,
    ),
    st.sampled_from(list(ContactStatus)),
    st.integers(min_value=0, max_value=5),
    moments,
    st.none() | moments,
    st.sampled_from([None, ME, "caller-other"]),
    moments,
)


def _stored(conn, rows, rules: CampaignRules, origin: str = "local") -> tuple[Campaign, list[ContactState]]:
    """A campaign with one contact per row of states, stored in list order; the domain's states returned."""
    campaign = Campaign(title="Q", rules=rules)
    conn.execute("BEGIN")
    campaign_store.insert_campaign(conn, campaign, created_at=NOW, origin=origin)
    contacts = [Contact(id=f"c{i:03d}", campaign_id=campaign.id) for i in range(len(rows))]
    contact_store.insert_contacts(conn, contacts)
    domain_states = []
    for i, (status, attempts, last, callback, reserved, until) in enumerate(rows):
        state = ContactState(
            contact_id=contacts[i].id,
            status=status,
            attempts=attempts,
            last_attempt_at=last,
            callback_after=callback,
            reserved_by=reserved,
            reserved_until=until,
            position=i,
        )
        contact_store.save_state(conn, state)
        domain_states.append(state)
    conn.execute("COMMIT")
    return campaign, domain_states


@settings(max_examples=100, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(
    rows=st.lists(states, min_size=0, max_size=25),
    max_attempts=st.integers(1, 4),
    cooldown=st.integers(0, 48),
)
def test_sql_queue_matches_the_domain_rule(tmp_path_factory, rows, max_attempts: int, cooldown: int) -> None:
    path: Path = tmp_path_factory.mktemp("q") / "q.db"
    conn = open_encrypted(path, new_database_key(), create=True)
    try:
        migrate.migrate(conn)
        rules = CampaignRules(max_attempts=max_attempts, cooldown_hours=cooldown)
        campaign, domain_states = _stored(conn, rows, rules)
        expected = queue.next_contact(domain_states, now=NOW, rules=rules, me=ME, reached_so_far=0).contact_id
        got = contact_store.next_contact_id(
            conn, campaign.id, now=NOW, me=ME, max_attempts=max_attempts, cooldown=timedelta(hours=cooldown)
        )
        assert got == expected
        assert [s.contact_id for s in contact_store.all_states(conn, campaign.id)] == [
            s.contact_id for s in domain_states
        ]
    finally:
        conn.close()


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(
    rows=st.lists(st.tuples(states, st.sampled_from(["none", "live", "expired"])), min_size=0, max_size=25),
    origin=st.sampled_from(["central", "local"]),
    max_attempts=st.integers(1, 4),
)
def test_with_leases_the_sql_queue_offers_only_this_pcs_live_leases(
    tmp_path_factory, rows, origin: str, max_attempts: int
) -> None:
    """Issue 13.3: once a PC takes part in leasing, a central campaign offers only contacts leased to this PC
    and not expired, in the domain's queue order; a lead's local campaign is not leased and offers everyone.
    (With leases each step reads an index over the leased rows only: leases are spread over the whole list.)"""
    path: Path = tmp_path_factory.mktemp("q") / "q.db"
    conn = open_encrypted(path, new_database_key(), create=True)
    try:
        migrate.migrate(conn)
        rules = CampaignRules(max_attempts=max_attempts, cooldown_hours=4)
        campaign, domain_states = _stored(conn, [state for state, _lease in rows], rules, origin)
        offerable = [
            state
            for state, (_row, lease) in zip(domain_states, rows, strict=True)
            if origin == "local" or lease == "live"
        ]
        leases = [
            p.Lease(
                campaign_id=campaign.id,
                contact_id=state.contact_id,
                expires_at=NOW + (timedelta(hours=2) if lease == "live" else -timedelta(minutes=1)),
            )
            for state, (_row, lease) in zip(domain_states, rows, strict=True)
            if lease != "none"
        ]
        store = WorkspaceSyncStore(conn, cleared_purposes=lambda _conn: set(), clock=lambda: NOW)
        everyone = [  # an earlier answer held every contact: the newer answer replaces it
            p.Lease(campaign_id=campaign.id, contact_id=state.contact_id, expires_at=NOW + timedelta(hours=9))
            for state in domain_states
        ]
        store.store_leases(p.LeaseResponse(server_time=NOW, leases=everyone))
        store.store_leases(p.LeaseResponse(server_time=NOW, leases=leases))
        expected = queue.next_contact(offerable, now=NOW, rules=rules, me=ME, reached_so_far=0).contact_id
        got = contact_store.next_contact_id(
            conn, campaign.id, now=NOW, me=ME, max_attempts=max_attempts, cooldown=timedelta(hours=4)
        )
        assert got == expected
    finally:
        conn.close()


def _leased_campaign(conn) -> tuple[Campaign, WorkspaceSyncStore]:
    campaign = Campaign(title="L", rules=CampaignRules(max_attempts=3, cooldown_hours=4))
    conn.execute("BEGIN")
    campaign_store.insert_campaign(conn, campaign, created_at=NOW, origin="central")
    conn.execute("COMMIT")
    return campaign, WorkspaceSyncStore(conn, cleared_purposes=lambda _conn: set(), clock=lambda: NOW)


def _next(conn, campaign: Campaign) -> str | None:
    return contact_store.next_contact_id(
        conn, campaign.id, now=NOW, me=ME, max_attempts=3, cooldown=timedelta(hours=4)
    )


def test_a_contact_that_arrives_after_its_lease_is_offered(tmp_path: Path) -> None:
    """A lease answer may name a contact this PC has not pulled yet (a re-pull after a clearance arrived, or a
    resync): once the pull brings the contact, it is offered, and a contact without a lease is not."""
    conn = open_encrypted(tmp_path / "l.db", new_database_key(), create=True)
    try:
        migrate.migrate(conn)
        campaign, store = _leased_campaign(conn)
        store.store_leases(
            p.LeaseResponse(
                server_time=NOW,
                leases=[
                    p.Lease(campaign_id=campaign.id, contact_id="c002", expires_at=NOW + timedelta(hours=2))
                ],
            )
        )
        assert _next(conn, campaign) is None
        conn.execute("BEGIN")
        values = ["Erna", "Testfrau", "Musterstadt", "", "", "+4930123456", "", "member"]
        contact_store.put_central_contacts(
            conn, [(f"c00{i}", campaign.id, values) for i in range(1, 4)], position=0
        )
        conn.execute("COMMIT")
        assert _next(conn, campaign) == "c002"
    finally:
        conn.close()


def test_leases_held_before_the_upgrade_are_offered_after_it(tmp_path: Path) -> None:
    """Migration 0012 copies the leases a PC held under schema 11 onto the contact rows: an office that updates
    mid-evening goes on calling the contacts it holds, and only those."""
    conn = open_encrypted(tmp_path / "m.db", new_database_key(), create=True)
    try:
        migrate.migrate(conn, target=11)
        campaign, _store = _leased_campaign(conn)
        conn.execute("BEGIN")
        contact_store.insert_contacts(
            conn, [Contact(id=f"c00{i}", campaign_id=campaign.id) for i in range(1, 4)]
        )
        conn.execute("INSERT INTO meta (key, value) VALUES ('leasing', '1')")
        conn.execute(
            "INSERT INTO leases (contact_id, campaign_id, expires_at) VALUES ('c003', ?, ?)",
            (campaign.id, to_db(NOW + timedelta(hours=2))),
        )
        conn.execute("COMMIT")
        assert migrate.migrate(conn) == [12, *range(13, migrate.LATEST + 1)]
        assert _next(conn, campaign) == "c003"
    finally:
        conn.close()


def test_a_lease_that_ran_out_is_not_offered(tmp_path: Path) -> None:
    """The central office may lease a contact to another PC once this PC's lease has run out: this PC stops
    offering it at that moment, even offline, and goes on with a contact whose lease still runs."""
    conn = open_encrypted(tmp_path / "x.db", new_database_key(), create=True)
    try:
        migrate.migrate(conn)
        campaign, store = _leased_campaign(conn)
        conn.execute("BEGIN")
        contact_store.insert_contacts(
            conn, [Contact(id=f"c00{i}", campaign_id=campaign.id) for i in range(1, 4)]
        )
        conn.execute("COMMIT")
        store.store_leases(
            p.LeaseResponse(
                server_time=NOW,
                leases=[
                    p.Lease(
                        campaign_id=campaign.id, contact_id="c001", expires_at=NOW - timedelta(seconds=1)
                    ),
                    p.Lease(
                        campaign_id=campaign.id, contact_id="c003", expires_at=NOW + timedelta(minutes=5)
                    ),
                ],
            )
        )
        assert _next(conn, campaign) == "c003"
    finally:
        conn.close()


def test_the_open_contacts_this_pc_does_not_hold_are_counted_apart_from_those_it_holds(
    tmp_path: Path,
) -> None:
    """The caller's "n more at the central office" counts the open contacts without a live lease here: not the
    one this PC still holds (and has not called yet), but the one whose lease ran out."""
    conn = open_encrypted(tmp_path / "n.db", new_database_key(), create=True)
    try:
        migrate.migrate(conn)
        campaign, store = _leased_campaign(conn)
        conn.execute("BEGIN")
        contact_store.insert_contacts(
            conn, [Contact(id=f"c00{i}", campaign_id=campaign.id) for i in range(1, 5)]
        )
        conn.execute("COMMIT")
        store.store_leases(
            p.LeaseResponse(
                server_time=NOW,
                leases=[
                    p.Lease(campaign_id=campaign.id, contact_id="c001", expires_at=NOW + timedelta(hours=1)),
                    p.Lease(
                        campaign_id=campaign.id, contact_id="c002", expires_at=NOW - timedelta(seconds=1)
                    ),
                ],
            )
        )
        assert [s.contact_id for s in contact_store.held_states(conn, campaign.id, NOW)] == ["c001"]
        assert contact_store.open_not_leased(conn, campaign.id, NOW, max_attempts=3) == 3
    finally:
        conn.close()
