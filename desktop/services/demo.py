"""The demo workspace: about 200 invented members in one campaign, so a newcomer can try a shift at once.

Every name is invented; every number comes from the blocks the Bundesnetzagentur keeps for film and
television (030 23125 xxx, 040 66969 xxx, 069 90009 xxx, 0221 4710 xxx, 089 99998 xxx), so no real
person can be rung by mistake.
"""

from __future__ import annotations

import random
from datetime import datetime, time

from desktop.domain.models import (
    CallingHours,
    Campaign,
    CampaignRules,
    Contact,
    DayWindow,
    Question,
    QuestionKind,
    Role,
)
from desktop.paths import WorkspacePaths
from desktop.storage import campaign_store, contact_store
from desktop.storage.timefmt import utcnow
from desktop.storage.workspace import Workspace

DEMO_PASSPHRASE = "demo-passwort"
DEMO_LEAD_LABEL = "Demo V."
DEMO_ORG = "KV Musterstadt (Demo)"

FICTION_BLOCKS = ("+493023125", "+494066969", "+496990009", "+492214710", "+498999998")

_FIRST = (
    "Renate",
    "Jonas",
    "Aylin",
    "Mehmet",
    "Friederike",
    "Ole",
    "Svetlana",
    "Karl",
    "Mira",
    "Tobias",
    "Hanna",
    "Emre",
    "Greta",
    "Luca",
    "Ingrid",
    "Samir",
    "Paula",
    "Bodo",
    "Zofia",
    "Till",
)
_LAST = (
    "Lindenblatt",
    "Morgentau",
    "Sonnfeld",
    "Kieselbach",
    "Brombeer",
    "Wolkenstein",
    "Haferkamp",
    "Ulmenhof",
    "Nesselrath",
    "Birkwald",
    "Tannhaus",
    "Ruhberg",
    "Feldmoos",
    "Quellbrink",
)
_PLACES = (
    ("Musterstadt-Nord", "12345"),
    ("Musterstadt-Süd", "12347"),
    ("Beispielheim", "12350"),
    ("Neudorf am See", "12355"),
    ("Altwiesen", "12360"),
)

DEMO_SCRIPT = (
    "Hallo {first_name}, hier ist {caller_name} von der Partei in {locality}.\n\n"
    "Wir laden dich herzlich zu unserem **Jahresempfang** am Samstag ein.\n"
    "- Hast du Zeit und Lust zu kommen?\n"
    "- Möchtest du beim Aufbau helfen?\n\n"
    "Danke dir und bis bald!"
)
DEMO_TRANSPARENCY = (
    "Deine Nummer stammt aus der Mitgliederverwaltung der Partei. Wir nutzen sie nur für diese Einladung. "
    "Du kannst jederzeit widersprechen – dann rufen wir dich nicht mehr an. "
    "Datenschutzbeauftragte*r: datenschutz@example.org"
)


def demo_campaign() -> Campaign:
    return Campaign(
        title="Einladung Jahresempfang",
        purpose="invitation",
        script=DEMO_SCRIPT,
        transparency=DEMO_TRANSPARENCY,
        # The demo may be tried at any hour; real campaigns keep the calling hours of DP-19.
        rules=CampaignRules(
            calling_hours=CallingHours(
                windows={day: DayWindow(start=time(0), end=time(23, 59, 59)) for day in range(7)},
                skip_public_holidays=False,
            )
        ),
        questions=(
            Question(id="comes", kind=QuestionKind.YES_NO, prompt="Kommt zum Jahresempfang?"),
            Question(
                id="helps", kind=QuestionKind.SINGLE, prompt="Hilft mit?", options=("Aufbau", "Abbau", "Nein")
            ),
        ),
    )


def demo_contacts(campaign_id: str, count: int = 200, seed: int = 7) -> list[Contact]:
    rng = random.Random(seed)
    pool = 1000 * len(FICTION_BLOCKS)
    # Distinct numbers while the fiction blocks suffice; larger (benchmark) lists repeat them.
    numbers = (
        rng.sample(range(pool), count * 2)
        if count * 2 <= pool
        else [rng.randrange(pool) for _ in range(count * 2)]
    )
    contacts = []
    for i in range(count):
        place, postcode = rng.choice(_PLACES)
        first = numbers[2 * i]
        second = numbers[2 * i + 1]
        contacts.append(
            Contact(
                campaign_id=campaign_id,
                first_name=rng.choice(_FIRST),
                last_name=rng.choice(_LAST),
                locality=place,
                postcode=postcode,
                phone=f"{FICTION_BLOCKS[first // 1000]}{first % 1000:03d}",
                phone2=f"{FICTION_BLOCKS[second // 1000]}{second % 1000:03d}" if i % 4 == 0 else "",
            )
        )
    return contacts


def create_demo_workspace(
    paths: WorkspacePaths, *, count: int = 200, now: datetime | None = None
) -> Workspace:
    now = now or utcnow()
    ws = Workspace.create(
        paths, org_name=DEMO_ORG, label=DEMO_LEAD_LABEL, role=Role.LEAD, passphrase=DEMO_PASSPHRASE, now=now
    )
    campaign = demo_campaign()
    with ws.transaction() as conn:
        ws.set_meta(conn, "demo", "1")
        campaign_store.insert_campaign(conn, campaign, created_at=now)
        contact_store.insert_contacts(conn, demo_contacts(campaign.id, count))
    return ws
