"""Synthetic data for the lead tests. Every name is invented; every number is from the film/TV blocks
(+49 30 23125xxx, +49 40 66969xxx, +49 69 90009xxx, +49 221 4710xxx, +49 89 99998xxx)."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from desktop.domain.models import CallReport, Campaign, Question, QuestionKind, Role
from desktop.paths import WorkspacePaths
from desktop.services import lead
from desktop.services.calling import CallingService
from desktop.storage import campaign_store, contact_store, meta_store
from desktop.storage.workspace import Workspace
from sync.core.rules import Outcome

PASSPHRASE = "lead-passwort-1"
NOW = datetime(2026, 11, 10, 15, 0, tzinfo=UTC)

FIRST = ("Quirinella", "Bertolde", "Wendeline", "Ansgarion", "Fridolind", "Hildrun", "Ottokar", "Sieglinde")
LAST = ("Zwirbelmoos", "Knorrenbach", "Glimmerstein", "Haselwurz", "Pfefferkorn", "Rabenfels", "Distelhof")
BLOCKS = ("030 23125 {:03d}", "040 66969 {:03d}", "069 90009 {:03d}", "0221 4710 {:03d}", "089 99998 {:03d}")
HEADER = [
    "Mitgliedsnummer",
    "Vorname",
    "Nachname",
    "Straße",
    "PLZ",
    "Ort",
    "Telefon",
    "Mobil",
    "E-Mail",
    "Geburtsdatum",
    "IBAN",
    "Status",
]


def person_row(i: int, *, phone: str | None = None, status: str = "Mitglied") -> list[str]:
    return [
        f"M-{80000 + i}",
        f"{FIRST[i % len(FIRST)]}{i}",
        f"{LAST[i % len(LAST)]}{i}",
        f"Erfundene Straße {i}",
        "10115",
        "Musterstadt",
        phone if phone is not None else BLOCKS[(i // 1000) % 5].format(i % 1000),
        "",
        f"person{i}@example.org",
        "01.02.1961",
        f"DE00 1234 5678 {i:010d}",
        status,
    ]


def csv_bytes(rows: list[list[str]], header: list[str] | None = HEADER, encoding: str = "utf-8") -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    if header:
        w.writerow(header)
    w.writerows(rows)
    return buf.getvalue().encode(encoding)


def member_csv(path: Path, n: int, **kw) -> Path:  # type: ignore[no-untyped-def]
    path.write_bytes(csv_bytes([person_row(i) for i in range(n)], **kw))
    return path


def make_lead_workspace(paths: WorkspacePaths, *, cleared: bool = True) -> Workspace:
    """A lead's workspace; `cleared` (default) also enrols it with a valid clearance (clear_workspace)."""
    ws = lead.init_workspace(paths, org_name="KV Teststadt", label="Vera L.", passphrase=PASSPHRASE, now=NOW)
    if cleared:
        clear_workspace(ws)
    return ws


def make_campaign(
    ws: Workspace,
    *,
    title: str = "Einladung Sommerfest",
    purpose: str = "invitation",
    ends_on: date = date(2026, 11, 30),
    questions: bool = True,
    categories: tuple[str, ...] = ("member",),
    origin: str = "local",
) -> Campaign:
    """A campaign made by the lead (origin 'local': its reports never leave the PC) or, with
    origin='central', one as released by the central office (its reports wait in the outbox until synced)."""
    c = lead.new_campaign(title, purpose, starts_on=date(2026, 11, 1), ends_on=ends_on, categories=categories)
    if questions:
        c = c.model_copy(
            update={
                "questions": (
                    Question(id="comes", kind=QuestionKind.YES_NO, prompt="Kommst du?"),
                    Question(
                        id="helps",
                        kind=QuestionKind.MULTI,
                        prompt="Wobei hilfst du?",
                        options=("Aufbau", "Abbau"),
                    ),
                    Question(id="wish", kind=QuestionKind.TEXT, prompt="Wunsch?"),
                )
            }
        )
    if origin == "local":
        lead.create_campaign(ws, c, now=NOW)
    else:
        with ws.transaction() as conn:
            campaign_store.insert_campaign(conn, c, created_at=NOW, origin=origin)
    return c


def call(ws: Workspace, campaign_id: str, outcome: Outcome, *, at: datetime = NOW, **kw) -> CallReport:  # type: ignore[no-untyped-def]
    """Report on the next person of the queue (the calling service's clearance gate is not under test here)."""
    contact_id = contact_store.next_contact_id(
        ws.conn, campaign_id, now=at, me=ws.person.id, max_attempts=10, cooldown=timedelta(0)
    )
    assert contact_id is not None
    report = CallReport(
        campaign_id=campaign_id,
        contact_id=contact_id,
        caller_id=ws.person.id,
        outcome=outcome,
        created_at=at,
        **kw,
    )
    CallingService(ws, clock=lambda: at).record(report)
    return report


def add_caller(ws: Workspace, label: str, opt_in: bool = False) -> str:
    person = ws.add_person(label=label, role=Role.CALLER, passphrase="caller-passwort", now=NOW)
    if opt_in:
        with ws.transaction() as conn:
            conn.execute("UPDATE people SET ranking_opt_in = 1 WHERE id = ?", (person.id,))
    return person.id


# --------------------------------------------------------------------------------------------- SQLCipher pages

PAGE = 4096
RESERVE = 80  # IV (16) + HMAC-SHA512 (64): SQLCipher 4 defaults


def _decrypt_page(raw: bytes, key: bytes, first: bool) -> bytes:
    iv = raw[PAGE - RESERVE : PAGE - RESERVE + 16]
    start = 16 if first else 0  # page 1 starts with the salt
    body = raw[start : PAGE - RESERVE]
    dec = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return dec.update(body) + dec.finalize()


def decrypted_pages(db: Path, key: bytes) -> list[bytes]:
    """Every page of the main file and of the WAL, decrypted with the raw key (freed pages included)."""
    out = []
    data = db.read_bytes()
    for n in range(len(data) // PAGE):
        out.append(_decrypt_page(data[n * PAGE : (n + 1) * PAGE], key, n == 0))
    wal = db.with_name(db.name + "-wal")
    if wal.exists():
        w = wal.read_bytes()
        pos = 32
        while pos + 24 + PAGE <= len(w):
            pgno = int.from_bytes(w[pos : pos + 4], "big")
            out.append(_decrypt_page(w[pos + 24 : pos + 24 + PAGE], key, pgno == 1))
            pos += 24 + PAGE
    return out


def plaintext_hits(db: Path, key: bytes, needles: list[str]) -> set[str]:
    pages = decrypted_pages(db, key)
    blob = b"".join(pages)
    return {n for n in needles if n.encode("utf-8") in blob}


def later(hours: float) -> datetime:
    return NOW + timedelta(hours=hours)


def seed_contacts(ws: Workspace, campaign_id: str, n: int) -> list[str]:
    """Contacts as the central office releases them (for campaigns of origin 'central')."""
    from desktop.domain.models import Contact

    contacts = []
    for i in range(n):
        row = person_row(i)
        digits = row[6].replace(" ", "")
        contacts.append(
            Contact(
                campaign_id=campaign_id,
                first_name=row[1],
                last_name=row[2],
                locality=row[5],
                postcode=row[4],
                phone="+49" + digits[1:],
            )
        )
    with ws.transaction() as conn:
        contact_store.insert_contacts(conn, contacts)
    return [c.id for c in contacts]


TEST_SIGNING_KEY = bytes(range(1, 33))  # a fixed test key; the real one never leaves the central office


def clear_workspace(ws: Workspace, *, org_id: str = "org-test", now: datetime | None = None) -> None:
    """Make `ws` an enrolled PC with a valid signed clearance for every purpose, as a sync would leave it
    (DP-11: member data only with a clearance). Signed with a fixed test key pinned here; valid for a week
    around the real clock (the gate checks the present, whatever time the test's reports carry)."""
    import base64
    import json

    from desktop.storage.timefmt import to_db, utcnow
    from sync.core import clearance as clr
    from sync.core.purposes import PURPOSES

    key = clr.load_signing_key(TEST_SIGNING_KEY)
    start = (now or utcnow()).replace(microsecond=0) - timedelta(hours=1)
    claims = clr.ClearanceClaims(
        clearance_id="clr-test",
        kid=key.kid,
        person_id="person-test",
        device_id="device-test",
        org_id=org_id,
        purposes=sorted(PURPOSES),
        resolution_id="res-test",
        role="lead",
        issued_at=start,
        not_before=start,
        expires_at=start + timedelta(days=7),
    )
    revocations = clr.RevocationList(
        version=1, org_id=org_id, issued_at=start, expires_at=start + timedelta(days=7)
    )
    public = base64.urlsafe_b64encode(key.public_bytes()).rstrip(b"=").decode("ascii")
    with ws.transaction() as conn:
        for name, value in (
            ("server_url", "http://127.0.0.1:9"),  # nobody listens: the PC stays offline
            ("device_id", "device-test"),
            ("device_secret", "not-a-secret"),
            ("org_id", org_id),
            ("server_person_id", "person-test"),
            ("pinned_keys", json.dumps({key.kid: public})),
            ("revocations", key.sign_revocations(revocations).model_dump_json()),
            ("revocations_version", "1"),
        ):
            meta_store.set_meta(conn, name, value)
        conn.execute(
            "INSERT INTO clearances (resolution_id, purposes, signed, received_at) VALUES (?, ?, ?, ?)",
            (
                "res-test",
                json.dumps(sorted(PURPOSES)),
                key.sign_clearance(claims).model_dump_json(),
                to_db(start),
            ),
        )
