"""Enrolment, push (idempotency, precedence, gaps), pull (pages, minimisation, clearances, resync) against a
real server process, on SQLite and on PostgreSQL."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from sqlalchemy import update

from sync.client import Refused, ResyncRequired, SyncClient
from sync.core import clearance as clr
from sync.core import protocol as p
from sync.core.rules import ContactStatus, Outcome
from sync.server import db
from tests.content_support import CONTENT
from tests.server.helpers import FIRST_NAMES, LAST_NAMES, Env, fiction_phone, now, pull_all, report_item

ACCEPTED, DUPLICATE, REJECTED = p.ItemStatus.ACCEPTED, p.ItemStatus.DUPLICATE, p.ItemStatus.REJECTED


# ------------------------------------------------------------------------------------------------ enrolment


def test_enrolment_code_is_one_time(server: Env) -> None:
    org = server.org()
    code, expires_at = server.office.commands.create_enrolment_code(org.org_id, org.lead_id)
    assert timedelta(hours=23) < expires_at - now() <= timedelta(hours=24)
    first = SyncClient.enrol(server.url, code.lower().replace("-", " "), "Büro-PC 1")  # typed sloppily
    assert first.org_id == org.org_id and first.person_id == org.lead_id
    assert [k.kid for k in first.signing_keys] == [server.office.signing.signing_key().kid]
    with pytest.raises(Refused) as exc:
        SyncClient.enrol(server.url, code, "Büro-PC 2")
    assert (exc.value.status, exc.value.code) == (403, "code_invalid")
    with pytest.raises(Refused) as exc:
        SyncClient.enrol(server.url, "AAAA-BBBB-CCCC-DDDD", "Büro-PC 3")
    assert exc.value.code == "code_invalid"


def test_enrolment_code_expires(server: Env) -> None:
    org = server.org()
    code, _ = server.office.commands.create_enrolment_code(org.org_id, org.lead_id)
    with server.office.engine.begin() as conn:  # 24 h later
        conn.execute(
            update(db.enrolment_codes)
            .where(db.enrolment_codes.c.org_id == org.org_id)
            .values(expires_at=now() - timedelta(seconds=1))
        )
    with pytest.raises(Refused) as exc:
        SyncClient.enrol(server.url, code, "Büro-PC")
    assert (exc.value.status, exc.value.code) == (403, "code_expired")


# ------------------------------------------------------------------------------------------------ push


def test_push_replays_duplicates_and_rejects_key_reuse(server: Env) -> None:
    org = server.org()
    device = org.enrol()
    contact = org.contacts(device)[0].contact_id
    item = org.report(device, contact, "reached")
    assert device.client.push([item]).results[0].status is ACCEPTED
    again = device.client.push([item])  # the lost-response retry
    assert again.results[0].status is DUPLICATE and again.results[0].idempotency_key == item.idempotency_key
    other_body = item.model_copy(
        update={"payload": item.payload.model_copy(update={"outcome": Outcome.BUSY, "zetkin": 12})}
    )
    reused = device.client.push([other_body]).results[0]
    assert (reused.status, reused.reason) == (REJECTED, p.RejectReason.KEY_REUSE)
    assert server.reports_of([device.device_id]) == (1, 1)


def test_rejected_items_replay_their_rejection(server: Env) -> None:
    org = server.org()
    device = org.enrol()
    item = org.report(device, "nosuchcontact")
    for _ in range(2):
        result = device.client.push([item]).results[0]
        assert (result.status, result.reason) == (REJECTED, p.RejectReason.UNKNOWN_CONTACT)
    assert device.client.health().missing == []  # a rejected item still counts as received


def test_status_precedence_objection_wins(server: Env) -> None:
    org = server.org(n_members=3)
    lead, second = org.enrol(), org.enrol(name="Büro-PC 2")
    a, b, c = (contact.contact_id for contact in org.contacts(lead))
    cursor = pull_all(second.client).next_cursor
    objection = org.report(lead, a, "objection")
    results = lead.client.push(
        [
            org.report(lead, a, "reached"),
            objection,
            org.report(lead, a, "reached"),
            org.report(lead, a, "reached", corrects=objection.payload.report_id),
            org.report(lead, b, "reached"),
            org.report(lead, b, "wrong_number"),
            org.report(lead, b, "reached"),
            org.report(lead, c, "not_in_service"),
        ]
    ).results
    assert all(r.status is ACCEPTED for r in results)
    # another device of the org pulls the objection (and the other final statuses)
    page = pull_all(second.client, cursor)
    assert {s.contact_id: s.status for s in page.statuses} == {
        a: ContactStatus.OBJECTION,
        b: ContactStatus.WRONG_NUMBER,
        c: ContactStatus.NOT_IN_SERVICE,
    }
    assert [s.contact_id for s in page.objections] == [a]


def test_corrections_and_organizer_action(server: Env) -> None:
    org = server.org(n_members=2)
    device = org.enrol()
    a, _ = (contact.contact_id for contact in org.contacts(device))
    wrong = org.report(device, a, "wrong_number")
    flagged = org.report(device, a, "reached", organizer_action=True, organizer_message="bitte Rückruf")
    device.client.push([wrong, flagged])
    assert _status(org, device, a) is ContactStatus.WRONG_NUMBER
    device.client.push([org.report(device, a, "reached", corrects=wrong.payload.report_id)])
    assert _status(org, device, a) is ContactStatus.ORGANIZER_ACTION
    device.client.push([org.report(device, a, "reached", corrects=flagged.payload.report_id)])
    assert _status(org, device, a) is ContactStatus.DONE
    bad = device.client.push([org.report(device, a, "reached", corrects=uuid.uuid4().hex)]).results[0]
    assert bad.reason is p.RejectReason.UNKNOWN_CORRECTION


def _status(org, device, contact_id: str) -> ContactStatus:
    return {c.contact_id: c.status for c in org.contacts(device)}[contact_id]


def test_gap_detection(server: Env) -> None:
    org = server.org()
    device = org.enrol()
    contact = org.contacts(device)[0].contact_id
    items = [report_item(seq, org.campaign_id, contact, "no_pickup") for seq in (1, 2, 5, 6, 9)]
    response = device.client.push(items[:3])
    assert response.highest_seq == 5 and response.missing == [p.SeqGap(first=3, last=4)]
    response = device.client.push(items[3:])
    assert response.missing == [p.SeqGap(first=3, last=4), p.SeqGap(first=7, last=8)]
    health = device.client.health()
    assert (health.received, health.highest_seq, health.missing) == (5, 9, response.missing)
    assert server.office.queries.device_health(device.device_id) == health
    # a client that lost rows and reuses a sequence number for a new item is noticed, never merged
    reused = device.client.push([report_item(2, org.campaign_id, contact, "busy")]).results[0]
    assert (reused.status, reused.reason) == (REJECTED, p.RejectReason.SEQ_REUSED)
    twice = device.client.push([report_item(s, org.campaign_id, contact, "busy") for s in (10, 10)]).results
    assert [(r.status, r.reason) for r in twice] == [(ACCEPTED, None), (REJECTED, p.RejectReason.SEQ_REUSED)]
    filled = device.client.push([report_item(s, org.campaign_id, contact, "busy") for s in (3, 4, 7, 8)])
    assert filled.missing == [] and device.client.health().received == 10


def test_pledge_round_trip(server: Env) -> None:
    org = server.org()
    device = org.enrol()
    cursor = pull_all(device.client).next_cursor
    pledge = p.PledgeItem(
        idempotency_key=uuid.uuid4(),
        seq=device.next_seq(),
        payload=p.PledgePayload(
            pledge_id=uuid.uuid4().hex,
            volunteer_id=uuid.uuid4().hex,
            volunteer_label="Wunibald Q.",
            text_version="2025-1",
            signed_at=now(),
        ),
    )
    event = p.AuditEventItem(
        idempotency_key=uuid.uuid4(),
        seq=device.next_seq(),
        payload=p.AuditEventPayload(
            event_id=uuid.uuid4().hex,
            action="workspace.unlock",
            at=now(),
            ref_ids=[org.lead_id],
            chain_hash="ab" * 32,
        ),
    )
    assert [r.status for r in device.client.push([pledge, event]).results] == [ACCEPTED, ACCEPTED]
    [row] = server.office.queries.list_pledges(org.org_id)
    assert (row.id, row.status, row.lead_person_id) == (pledge.payload.pledge_id, "pending", org.lead_id)
    server.office.commands.decide_pledge(row.id, confirm=True)
    [decision] = pull_all(device.client, cursor).pledge_decisions
    assert (decision.pledge_id, decision.status) == (row.id, "confirmed")
    assert server.count(db.audit_log, db.audit_log.c.event_id == event.payload.event_id) == 1


# ------------------------------------------------------------------------------------------------ pull


def test_pull_pages_and_minimisation(server: Env) -> None:
    org = server.org(n_members=7, purposes=("keep-in-touch",), purpose="keep-in-touch")
    device = org.enrol()
    pages, cursor = [], None
    while not pages or pages[-1].has_more:
        pages.append(device.client.pull(cursor, limit=3))
        cursor = pages[-1].next_cursor
    assert len(pages) == 3  # 1 campaign + 7 contacts = 8 feed entries
    contacts = [c for page in pages for c in page.contacts]
    assert len({c.contact_id for c in contacts}) == 7
    [campaign] = pages[0].campaigns
    assert campaign.purpose == "keep-in-touch" and "last_name" not in campaign.fields
    for contact in contacts:  # keep-in-touch: first name, phones, locality; never the last name
        assert contact.last_name is None and contact.first_name in FIRST_NAMES
        assert contact.phone.startswith("+493023125") and contact.locality == "Fiktivhausen"
    assert device.client.pull(cursor).contacts == []  # nothing new
    # pseudonymous ids: new per campaign, not the member ids
    second_id, _ = server.office.commands.release_campaign(
        org.org_id, "Zweite Runde", "keep-in-touch", org.resolution_id, content=CONTENT
    )
    second = [c for c in pull_all(device.client, cursor).contacts if c.campaign_id == second_id]
    assert len(second) == 7 and not {c.contact_id for c in second} & {c.contact_id for c in contacts}


def test_resync_required(server: Env) -> None:
    org = server.org()
    device = org.enrol()
    page = pull_all(device.client)
    epoch, position = page.next_cursor.split(":")
    for cursor in ("0badc0de:3", f"{epoch}:{int(position) + 10**9}"):  # another server / restored backup
        with pytest.raises(ResyncRequired) as exc:
            device.client.pull(cursor)
        assert exc.value.page.next_cursor == f"{epoch}:0" and exc.value.page.contacts == []
    assert len(pull_all(device.client, exc.value.page.next_cursor).contacts) == 5
    with pytest.raises(Refused) as bad:
        device.client.pull("not a cursor")
    assert (bad.value.status, bad.value.code) == (400, "malformed")


def _verify(page: p.PullPage, device, org, previous_version: int | None = None):
    pinned = clr.pin_keys(*(k.public_bytes for k in device.enrolment.signing_keys))
    rl = clr.verify_revocations(
        page.revocations, pinned=pinned, org_id=org.org_id, now=now(), previous_version=previous_version
    )
    return pinned, rl


def test_clearance_issued_and_verifiable_offline(server: Env) -> None:
    org = server.org()
    device = org.enrol()
    page = pull_all(device.client)
    assert page.clearance_refusals == []
    [grant] = page.clearances
    pinned, rl = _verify(page, device, org)
    claims = clr.verify_clearance(
        grant.clearance,
        pinned=pinned,
        person_id=org.lead_id,
        device_id=device.device_id,
        org_id=org.org_id,
        purpose="invitation",
        now=now(),
        revocations=rl,
    )
    assert (claims.resolution_id, claims.role) == (org.resolution_id, "lead")
    assert timedelta(days=6) < claims.expires_at - now() <= timedelta(days=7)
    assert (
        pull_all(device.client).clearances[0].clearance == grant.clearance
    )  # reused, not re-signed each pull

    revoked = server.office.commands.revoke_clearance(org.lead_id)
    assert revoked.changed and revoked.clearances == 1 and revoked.revocation_version > rl.version
    page = pull_all(device.client)
    assert page.clearances == [] and page.clearance_refusals[0].reasons == [p.ClearanceReason.REVOKED]
    _, newer = _verify(page, device, org, previous_version=rl.version)
    assert newer.version == revoked.revocation_version and org.lead_id in newer.revoked_person_ids
    again = server.office.commands.revoke_clearance(org.lead_id)  # nothing left to revoke: nothing changes
    assert (again.changed, again.clearances, again.revocation_version) == (False, 0, newer.version)
    assert claims.clearance_id in newer.revoked_clearance_ids
    with pytest.raises(clr.ClearanceInvalid) as exc:
        clr.verify_clearance(
            grant.clearance,
            pinned=pinned,
            person_id=org.lead_id,
            device_id=device.device_id,
            org_id=org.org_id,
            purpose="invitation",
            now=now(),
            revocations=newer,
        )
    assert exc.value.reason is clr.Reason.REVOKED


@pytest.mark.parametrize(
    ("setup", "reasons"),
    [
        ({"trained": False}, ["no_training"]),
        ({"declared": False, "trained": False}, ["no_training", "no_declaration"]),
        ({"responsible": False}, ["not_responsible"]),
        ({"resolution": False}, ["no_resolution"]),
    ],
)
def test_clearance_refusal_reasons(server: Env, setup: dict, reasons: list[str]) -> None:
    org = server.org(**setup)
    page = pull_all(org.enrol().client)
    assert page.clearances == []
    assert [[r.value for r in refusal.reasons] for refusal in page.clearance_refusals] == [reasons]


def test_clearance_refused_when_resolution_expired(server: Env) -> None:
    org = server.org()
    device = org.enrol()
    with server.office.engine.begin() as conn:
        conn.execute(
            update(db.resolutions)
            .where(db.resolutions.c.id == org.resolution_id)
            .values(valid_until=now().date() - timedelta(days=1))
        )
        conn.execute(
            update(db.clearances).where(db.clearances.c.org_id == org.org_id).values(revoked_at=now())
        )
    [refusal] = pull_all(device.client).clearance_refusals
    assert (refusal.purpose, refusal.reasons) == ("invitation", [p.ClearanceReason.RESOLUTION_EXPIRED])


def test_openapi_document(server: Env) -> None:
    with server.http() as http:
        doc = http.get("/openapi.json").json()
    assert {"/v1/enrol", "/v1/push", "/v1/pull", "/v1/health"} <= set(doc["paths"])
    body = doc["paths"]["/v1/push"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert body["$ref"].rsplit("/", 1)[1] in doc["components"]["schemas"]
    assert "ReportPayload" in doc["components"]["schemas"]


def test_server_log_has_no_personal_data(server: Env) -> None:
    org = server.org()
    device = org.enrol()
    contact = org.contacts(device)[0].contact_id
    device.client.push([org.report(device, contact, "objection")])
    with server.http() as http:
        http.post(
            "/v1/push",
            content=b'{"protocol_version": 1, "items": [{"x": "Quastenberg"}]}',
            headers=device.auth(),
        )
    log = server.server.log_path.read_text(encoding="utf-8")
    # (spellings that cannot occur inside a random hex id: the E.164 form with "+", the national one with a space)
    for marker in (*FIRST_NAMES, *LAST_NAMES, "Leitfigur", "Fiktivhausen", fiction_phone(0), "030 23125"):
        assert marker not in log


def test_a_report_resent_by_a_reenrolled_pc_counts_once(server: Env) -> None:
    """After damage a PC is enrolled again and re-sends what it salvaged: new device, new keys, same report ids."""
    org = server.org()
    old, new = org.enrol(), org.enrol(name="Büro-PC neu")
    contact = org.contacts(old)[0].contact_id
    first = org.report(old, contact, "voicemail")
    assert old.client.push([first]).results[0].status is p.ItemStatus.ACCEPTED
    again = report_item(
        new.next_seq(), org.campaign_id, contact, "voicemail", report_id=first.payload.report_id
    )
    both = [again, org.report(new, contact, "busy")]
    results = new.client.push(both).results
    assert [r.status for r in results] == [p.ItemStatus.DUPLICATE, p.ItemStatus.ACCEPTED]
    assert server.reports_of([old.device_id, new.device_id]) == (2, 2)
