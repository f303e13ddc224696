"""Invented people for the demo, shared by the PC's demo workspace and the demo central office.

Every name is invented; every number comes from the blocks the Bundesnetzagentur keeps for film and
television (030 23125 xxx, 040 66969 xxx, 069 90009 xxx, 0221 4710 xxx, 089 99998 xxx), so no real
person can be rung by mistake.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

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

DEMO_CAMPAIGN_TITLE = "Einladung Jahresempfang"
DEMO_PURPOSE = "invitation"


@dataclass(frozen=True)
class InventedPerson:
    first_name: str
    last_name: str
    locality: str
    postcode: str
    phone: str
    phone2: str  # "" when none


def invented_people(count: int = 200, seed: int = 7) -> list[InventedPerson]:
    """`count` invented members, the same for the same seed."""
    rng = random.Random(seed)
    pool = 1000 * len(FICTION_BLOCKS)
    # Distinct numbers while the fiction blocks suffice; larger (benchmark) lists repeat them.
    numbers = (
        rng.sample(range(pool), count * 2)
        if count * 2 <= pool
        else [rng.randrange(pool) for _ in range(count * 2)]
    )
    people = []
    for i in range(count):
        place, postcode = rng.choice(_PLACES)
        first = numbers[2 * i]
        second = numbers[2 * i + 1]
        people.append(
            InventedPerson(
                first_name=rng.choice(_FIRST),
                last_name=rng.choice(_LAST),
                locality=place,
                postcode=postcode,
                phone=f"{FICTION_BLOCKS[first // 1000]}{first % 1000:03d}",
                phone2=f"{FICTION_BLOCKS[second // 1000]}{second % 1000:03d}" if i % 4 == 0 else "",
            )
        )
    return people
