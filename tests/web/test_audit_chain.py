"""The desktop's hash-chained audit events re-verified by the central office on ingest (issue 5 point 5, DP-21),
against the real server process (SQLite and PostgreSQL): a whole chain over several batches, each kind of
break, older apps without chain fields, a chain continued after re-enrolment; shown by `device health` and on
the sync-health page."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from sync.client import Refused
from sync.core import protocol as p
from sync.core.audit_chain import GENESIS, entry_hash
from sync.server import cli
from tests.server.helpers import Device, Env
from tests.web.web_support import Staff, sign_in

T0 = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)


def desktop_chain(
    n: int, *, start: int = 1, prev: str = GENESIS, person_id: str = "p1"
) -> list[dict[str, Any]]:
    """Entries as desktop/storage/audit.py writes them (the outbox payload)."""
    entries = []
    for seq in range(start, start + n):
        body = {
            "seq": seq,
            "id": uuid.uuid4().hex,
            "at": (T0 + timedelta(seconds=seq, microseconds=seq * 7)).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
            "kind": "unlock" if seq % 2 else "lock",
            "person_id": person_id,
            "subject": None if seq % 3 else uuid.uuid4().hex,
        }
        entry = {**body, "prev_hash": prev, "hash": entry_hash(prev, body)}
        entries.append(entry)
        prev = entry["hash"]
    return entries


def push_entries(device: Device, entries: list[dict[str, Any]]) -> list[p.ItemResult]:
    items = [
        p.AuditEventItem(
            idempotency_key=uuid.uuid4(),
            seq=device.next_seq(),
            payload=p.AuditEventPayload.from_chain_entry(e),
        )
        for e in entries
    ]
    return device.client.push(items).results


def chain_of(web: Env, device: Device) -> Any:
    return web.office.queries.audit_chain(device.device_id)


def health_output(web: Env, device: Device, capsys: pytest.CaptureFixture[str]) -> list[str]:
    capsys.readouterr()
    assert (
        cli.main(["device", "health", "--device", device.device_id, "--database", web.server.database_url])
        == 0
    )
    return capsys.readouterr().out.splitlines()


def test_mapping_reproduces_the_desktop_hash() -> None:
    [entry] = desktop_chain(1)
    payload = p.AuditEventPayload.from_chain_entry(entry)
    assert payload.chain_entry() == entry  # `at` survives the round trip through an aware datetime exactly
    assert payload.ref_ids == [] and payload.action == "unlock" and payload.chain_seq == 1
    with pytest.raises(ValueError):
        p.AuditEventPayload(
            event_id="e1", action="unlock", at=T0, chain_seq=1, chain_hash="a" * 64
        )  # no prev_hash
    old = p.AuditEventPayload(event_id="e1", action="unlock", at=T0, chain_hash="a" * 64)  # an older app
    assert old.chain_entry() is None


def test_whole_chain_over_several_batches(server: Env, capsys: pytest.CaptureFixture[str]) -> None:
    device = server.org().enrol()
    entries = desktop_chain(7)
    for batch in (entries[:3], entries[3:4], entries[4:]):
        assert {r.status for r in push_entries(device, batch)} == {p.ItemStatus.ACCEPTED}
    chain = chain_of(server, device)
    assert (chain.verified_seq, chain.breaks) == (7, [])
    assert "audit chain: intact, verified up to entry 7, 0 breaks" in health_output(server, device, capsys)
    # A retried batch is a duplicate and does not disturb the chain.
    items = [
        p.AuditEventItem(
            idempotency_key=uuid.uuid4(),
            seq=device.next_seq(),
            payload=p.AuditEventPayload.from_chain_entry(entries[6]),
        )
    ]
    device.client.push(items)
    assert device.client.push(items).results[0].status is p.ItemStatus.DUPLICATE
    assert (
        chain_of(server, device).breaks[0].reason == "seq_repeated"
    )  # the same entry under a new key is not


@pytest.mark.parametrize(
    "damage, found, verified",
    [
        ("drop", [(3, "missing_entries")], 6),
        ("relink", [(3, "wrong_prev_hash")], 6),
        ("edit", [(3, "wrong_hash")], 6),  # another kind under the old hash; entry 4 still links to that hash
        (
            "rehash",
            [(3, "wrong_hash"), (4, "wrong_prev_hash")],
            6,
        ),  # the hash replaced: 4 links to the old one
        (
            "rollback",
            [(4, "seq_repeated")],
            5,
        ),  # the PC's log was put back to entry 2 and grew again from there
    ],
)
def test_each_break_is_found(server: Env, damage: str, found: list[tuple[int, str]], verified: int) -> None:
    device = server.org().enrol()
    entries = desktop_chain(6)
    if damage == "drop":
        del entries[2]
    elif damage == "relink":
        entries[2] = {**entries[2], "prev_hash": "b" * 64}
    elif damage == "edit":
        entries[2] = {**entries[2], "kind": "export"}
    elif damage == "rehash":
        entries[2] = {**entries[2], "hash": "c" * 64}
    elif damage == "rollback":
        entries = entries[:3] + desktop_chain(3, start=3, prev=entries[1]["hash"])
    push_entries(device, entries[:2])
    push_entries(device, entries[2:])
    chain = chain_of(server, device)
    assert [(b.expected_seq, b.reason) for b in chain.breaks] == found
    assert chain.verified_seq == verified and not chain.intact


def test_older_apps_without_chain_fields_are_not_judged(server: Env) -> None:
    device = server.org().enrol()
    event = p.AuditEventItem(
        idempotency_key=uuid.uuid4(),
        seq=device.next_seq(),
        payload=p.AuditEventPayload(
            event_id=uuid.uuid4().hex, action="workspace.unlock", at=T0, chain_hash="ab" * 32
        ),
    )
    assert device.client.push([event]).results[0].status is p.ItemStatus.ACCEPTED
    assert (chain_of(server, device).verified_seq, chain_of(server, device).breaks) == (0, [])


def test_a_chain_continues_after_re_enrolment(server: Env) -> None:
    org = server.org()
    first, second = org.enrol(), org.enrol(name="Büro-PC neu")
    entries = desktop_chain(6)
    push_entries(first, entries[:4])
    push_entries(second, entries[4:])  # the same workspace, enrolled again
    assert chain_of(server, second).breaks == [] and chain_of(server, second).verified_seq == 6
    stranger = server.org().enrol()  # another org's device cannot borrow that chain
    push_entries(stranger, desktop_chain(2, start=5, prev=entries[3]["hash"]))
    assert [b.reason for b in chain_of(server, stranger).breaks] == ["missing_entries"]


def test_malformed_chain_fields_are_refused(server: Env) -> None:
    device = server.org().enrol()
    with server.http() as http:
        body = {
            "protocol_version": 1,
            "items": [
                {
                    "kind": "audit_event",
                    "idempotency_key": str(uuid.uuid4()),
                    "seq": 1,
                    "payload": {
                        "event_id": "e1",
                        "action": "unlock",
                        "at": "2026-11-02T09:30:00.000000Z",
                        "chain_seq": 1,
                        "prev_hash": "XYZ",
                        "chain_hash": "a" * 64,
                    },
                }
            ],
        }
        response = http.post("/v1/push", json=body, headers=device.auth())
    assert (response.status_code, response.json()["code"]) == (422, "invalid")
    with pytest.raises(Refused):
        device.client.push(
            [
                p.AuditEventItem.model_construct(
                    idempotency_key=uuid.uuid4(),
                    seq=1,
                    kind="audit_event",
                    payload=p.AuditEventPayload.model_construct(
                        event_id="e1",
                        action="unlock",
                        at=T0,
                        ref_ids=[],
                        chain_hash=None,
                        chain_seq=1,
                        prev_hash=GENESIS,
                        person_id=None,
                        subject=None,
                    ),
                )
            ]
        )


def test_breaks_are_shown_on_the_sync_health_page(
    page: Any, web: Env, staff: Staff, capsys: pytest.CaptureFixture[str]
) -> None:
    org = web.org()
    device = org.enrol(name="PC mit Lücke")
    entries = desktop_chain(5)
    push_entries(device, entries[:2] + entries[3:])  # entry 3 never arrives
    lines = health_output(web, device, capsys)
    assert "audit chain: BROKEN, verified up to entry 5, 1 breaks" in lines
    assert any(line.startswith("audit chain break at entry 3 (got 4): missing_entries") for line in lines)
    sign_in(page, staff)
    page.goto(f"/web/health?org={org.org_id}")
    row = page.get_by_role("row", name="PC mit Lücke")
    assert "Brüche: 1, geprüft bis Eintrag 5" in row.inner_text()
    row.get_by_role("link", name="PC mit Lücke").click()
    assert "Eintrag 3: Einträge fehlen (erhalten: 4" in page.locator("main").inner_text()
