"""The demo workspace: about 200 invented members in one campaign, so a newcomer can try a shift at once.

Every name is invented; every number comes from the blocks the Bundesnetzagentur keeps for film and
television (030 23125 xxx, 040 66969 xxx, 069 90009 xxx, 0221 4710 xxx, 089 99998 xxx), so no real
person can be rung by mistake.
"""

from __future__ import annotations

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
from sync.core.demo_people import (
    DEMO_CAMPAIGN_TITLE,
    DEMO_LEAD_LABEL,
    DEMO_ORG,
    DEMO_PURPOSE,
    invented_people,
)

DEMO_PASSPHRASE = "demo-passwort"
__all__ = [
    "DEMO_LEAD_LABEL",
    "DEMO_ORG",
    "DEMO_PASSPHRASE",
    "create_demo_workspace",
    "demo_campaign",
    "demo_contacts",
]
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
        title=DEMO_CAMPAIGN_TITLE,
        purpose=DEMO_PURPOSE,
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
    return [
        Contact(
            campaign_id=campaign_id,
            first_name=p.first_name,
            last_name=p.last_name,
            locality=p.locality,
            postcode=p.postcode,
            phone=p.phone,
            phone2=p.phone2,
        )
        for p in invented_people(count, seed)
    ]


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
