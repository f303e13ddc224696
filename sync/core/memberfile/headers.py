"""The header row: which column means what (German and English aliases in three tiers, the lead's overrides),
and which columns are dropped and why (DP-4: only the fields of the campaign's purpose are kept)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from ..purposes import Field, Purpose
from .errors import ErrorCode, MemberFileError
from .results import ColumnMapping, DropReason, MappedColumn, Role, Target
from .text import _keys, _norm, _split

# Tier 1: specific names. Tier 2: generic names that only count when nothing specific claimed the target.
_ALIASES_T1: dict[Target, tuple[str, ...]] = {
    Field.FIRST_NAME: _split("Vorname|Vornamen|Rufname|First name|Firstname|Given name|Forename"),
    Field.LAST_NAME: _split("Nachname|Familienname|Zuname|Last name|Lastname|Surname|Family name"),
    Field.PHONE: _split(
        "Telefon|Telefonnummer|Tel|Tel.|Tel.-Nr.|Telefon-Nr.|Telefon privat|Tel. privat|Festnetz",
        "Festnetznummer|Telefon (Festnetz)|Rufnummer|Phone|Telephone|Phone number|Telephone number",
        "Landline|Home phone",
    ),
    Field.PHONE2: _split(
        "Mobil|Mobilnummer|Handy|Handynummer|Mobiltelefon|Mobilfunk|Mobilfunknummer|Mobil privat",
        "Handy privat|Telefon mobil|Telefon (mobil)|Mobile|Mobile phone|Mobile number|Cell|Cellphone",
        "Cell phone",
    ),
    Field.POSTCODE: _split("PLZ|Postleitzahl|Zip|Zip code|Zipcode|Postcode|Postal code|Post code"),
    Field.LOCALITY: _split("Ort|Wohnort|Stadt|Gemeinde|City|Town|Locality"),
    Field.DISTRICT: _split(
        "Ortsteil|Stadtteil|Bezirk|Stadtbezirk|District|Neighbourhood|Neighborhood|Borough"
    ),
    Role.CATEGORY: _split(
        "Kategorie|Mitgliedsstatus|Mitgliederstatus|Mitgliedschaft|Mitgliedsart|Personengruppe",
        "Art der Mitgliedschaft|Category|Membership status|Member status|Membership",
    ),
    Role.CONSENT_DATE: _split(
        "Einwilligung|Einwilligung am|Einwilligung vom|Einwilligung (Datum)|Einwilligungsdatum",
        "Datum Einwilligung|Datum der Einwilligung|Einwilligung Datum|Consent|Consent date|Date of consent",
        "Consent given",
    ),
}
_ALIASES_T2: dict[Target, tuple[str, ...]] = {
    Field.LAST_NAME: ("Name",),
    Role.CATEGORY: _split("Status|Gruppe|Type"),
}
# Tier 3: headers that start with these words ("Telefon dienstlich", "Handy 2").
_PREFIX_T3: dict[str, Field] = {
    **dict.fromkeys(_split("telefon|tel|festnetz|phone|telephone|rufnummer|telefonnummer"), Field.PHONE),
    **dict.fromkeys(_split("mobil|handy|mobiltelefon|mobile|mobilnummer|handynummer|cell"), Field.PHONE2),
}


def _alias_index(table: Mapping[Target, tuple[str, ...]]) -> dict[str, Target]:
    out: dict[str, Target] = {}
    for target, aliases in table.items():
        for a in aliases:
            for k in _keys(a):
                out[k] = target
    return out


_T1 = _alias_index(_ALIASES_T1)
_T2 = _alias_index(_ALIASES_T2)
_PHONE_FIELDS = (Field.PHONE, Field.PHONE2)
_NAME_FIELDS = (Field.FIRST_NAME, Field.LAST_NAME)


_DATA_LIKE = re.compile(r"^\+?[\d ()/.\-]{6,}$|@")


def _looks_like_data(headers: Sequence[str]) -> bool:
    filled = [h for h in headers if h]
    if not filled:
        return True
    if not any(any(ch.isalpha() for ch in h) for h in filled):
        return True
    return any(_DATA_LIKE.search(h) for h in filled)


def _coerce_target(value: Any) -> Target | None:
    if value is None or isinstance(value, (Field, Role)):
        return value
    if isinstance(value, str):
        for enum in (Field, Role):
            try:
                return enum(value)
            except ValueError:
                pass
    raise MemberFileError(ErrorCode.INVALID_OPTION, f"unknown mapping target {value!r}")


def _auto_target(header: str) -> tuple[int, Target] | None:
    spaced = _norm(header)
    if not spaced:
        return None
    key = spaced.replace(" ", "")
    if key in _T1:
        return 1, _T1[key]
    if key in _T2:
        return 2, _T2[key]
    first = spaced.split(" ", 1)[0]
    if first in _PREFIX_T3:
        return 3, _PREFIX_T3[first]
    return None


def _build_mapping(
    headers: Sequence[str], override: Mapping[str | int, Any] | None, purpose: Purpose
) -> ColumnMapping:
    n = len(headers)
    targets: list[Target | None] = [None] * n
    overridden = [False] * n
    duplicate = [False] * n
    claimed: set[Target] = set()
    if override:
        for key, value in override.items():
            if isinstance(key, int) and not isinstance(key, bool):
                idxs = [key] if 0 <= key < n else []
            elif isinstance(key, str) and re.fullmatch(r"#\d+", key.strip()):
                pos = int(key.strip()[1:]) - 1
                idxs = [pos] if 0 <= pos < n else []
            elif isinstance(key, str):
                idxs = [i for i, h in enumerate(headers) if h == key.strip()]
                if not idxs:
                    idxs = [i for i, h in enumerate(headers) if h and _norm(h) == _norm(key)]
            else:
                idxs = []
            if not idxs:
                raise MemberFileError(ErrorCode.INVALID_OPTION, f"mapping names unknown column {key!r}")
            target = _coerce_target(value)
            for i in idxs[:1]:
                if target is not None and target in claimed:
                    raise MemberFileError(ErrorCode.INVALID_OPTION, f"two columns mapped to {target.value}")
                targets[i], overridden[i] = target, True
                if target is not None:
                    claimed.add(target)
    detected = [None if overridden[i] else _auto_target(h) for i, h in enumerate(headers)]
    for tier in (1, 2, 3):
        for i, d in enumerate(detected):
            if d is None or d[0] != tier:
                continue
            target = d[1]
            if target in claimed and target is Field.PHONE and Field.PHONE2 not in claimed and tier == 3:
                target = Field.PHONE2  # "Telefon privat" + "Telefon dienstlich" → two numbers
            if target in claimed:
                targets[i] = target
                duplicate[i] = True
                continue
            targets[i] = target
            claimed.add(target)
    cols = []
    seen_headers: set[str] = set()
    for i, h in enumerate(headers):
        if not h:
            label = f"#{i + 1}"
        elif h in seen_headers:
            label = f"{h} #{i + 1}"
        else:
            label = h
        seen_headers.add(h)
        t = targets[i]
        if t is None:
            kept, reason = False, DropReason.NOT_A_CONTACT_FIELD
        elif duplicate[i]:
            kept, reason = False, DropReason.DUPLICATE_COLUMN
        elif isinstance(t, Field) and t not in purpose.fields:
            kept, reason = False, DropReason.NOT_IN_PURPOSE
        else:
            kept, reason = True, None
        cols.append(MappedColumn(i, h, t, kept, reason, overridden[i], label))
    return ColumnMapping(tuple(cols))
