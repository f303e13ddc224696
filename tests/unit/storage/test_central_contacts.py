"""A pull page's contacts stored with a few statements (issue 17.2) behave as one contact at a time did: a
contact sent again keeps its place in the queue and its status, new ones queue behind in the order received."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from desktop.domain.models import Campaign
from desktop.storage import campaign_store, contact_store, migrate
from desktop.storage.database import open_encrypted
from desktop.storage.keyslots import new_database_key

NOW = datetime(2026, 12, 4, 18, 0, tzinfo=UTC)


def _values(first: str, phone: str) -> tuple[str, ...]:
    return (first, "Beispiel", "Erfundenstadt", "", "99999", phone, "", "member")


def test_a_page_updates_known_contacts_in_place_and_queues_new_ones_in_order(tmp_path: Path) -> None:
    conn = open_encrypted(tmp_path / "w.db", new_database_key(), create=True)
    try:
        migrate.migrate(conn)
        conn.execute("BEGIN")
        campaign = Campaign(title="Z")
        campaign_store.insert_campaign(conn, campaign, created_at=NOW)
        cid = campaign.id
        first = [
            ("k1", cid, _values("Anna", "+4915550000001")),
            ("k2", cid, _values("Berta", "+4915550000002")),
        ]
        assert contact_store.put_central_contacts(conn, first, position=0) == 2
        assert contact_store.set_statuses(conn, [("k2", "done")]) == 1

        second = [
            ("k3", cid, _values("Clara", "+4915550000003")),
            ("k2", cid, _values("Berta", "+4915550000022")),  # a corrected number for a known contact
            ("k4", cid, _values("Dora", "+4915550000004")),
            ("k4", cid, _values("Dora", "+4915550000044")),  # the same contact twice in one page: last wins
        ]
        position = contact_store.next_position_overall(conn)
        assert contact_store.put_central_contacts(conn, second, position=position) == 2

        rows = conn.execute("SELECT id, position, phone, status FROM contacts ORDER BY position").fetchall()
        assert rows == [
            ("k1", 0, "+4915550000001", "open"),
            ("k2", 1, "+4915550000022", "done"),  # its place and what this PC recorded stay
            ("k3", 2, "+4915550000003", "open"),
            ("k4", 3, "+4915550000044", "open"),
        ]
        assert contact_store.get_statuses(conn, ["k1", "k2", "unknown"]) == {"k1": "open", "k2": "done"}
        assert contact_store.get_call_states(conn, ["k3", "unknown"]) == {"k3": (0, None, None)}
        assert contact_store.set_call_states(conn, [("k3", 2, NOW, None)]) == 1
        assert contact_store.get_call_states(conn, ["k3"]) == {"k3": (2, NOW, None)}
        conn.execute("ROLLBACK")
    finally:
        conn.close()
