"""Purpose presets shared by the central office and the desktop app (design.md, DP-1, DP-4).

A purpose decides which fields of a member record may ever reach a PC. The ids are used on every
command line and in the wire protocol. Nothing here imports Qt or the desktop package.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Field(StrEnum):
    """Fields a contact on a PC may carry. Anything else never leaves the central office."""

    FIRST_NAME = "first_name"
    LAST_NAME = "last_name"
    PHONE = "phone"
    PHONE2 = "phone2"
    LOCALITY = "locality"
    DISTRICT = "district"
    POSTCODE = "postcode"


@dataclass(frozen=True)
class Purpose:
    id: str
    label_de: str
    label_en: str
    fields: frozenset[Field]


_LOCALITY = {Field.LOCALITY, Field.DISTRICT, Field.POSTCODE}
_PHONES = {Field.PHONE, Field.PHONE2}

PURPOSES: dict[str, Purpose] = {
    p.id: p
    for p in (
        Purpose(
            "invitation",
            "Einladung / Wahlkampf",
            "Invitation / election campaign",
            frozenset({Field.FIRST_NAME, Field.LAST_NAME} | _PHONES | _LOCALITY),
        ),
        Purpose(
            "keep-in-touch",
            "In Kontakt bleiben",
            "Keep in touch",
            frozenset({Field.FIRST_NAME} | _PHONES | _LOCALITY),
        ),
        Purpose(
            "survey",
            "Mitgliederbefragung",
            "Member survey",
            frozenset({Field.FIRST_NAME, Field.LAST_NAME} | _PHONES | _LOCALITY),
        ),
    )
}

DEFAULT_PURPOSE = "invitation"


class UnknownPurpose(ValueError):
    pass


def get_purpose(purpose_id: str) -> Purpose:
    try:
        return PURPOSES[purpose_id]
    except KeyError:
        raise UnknownPurpose(purpose_id) from None


# Categories of people (DP-2). A campaign names the categories it may use; imports refuse others.
CATEGORIES = ("member", "former_member", "regular_contact", "consent")
DEFAULT_CATEGORIES = ("member",)
