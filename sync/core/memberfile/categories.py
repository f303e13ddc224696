"""The category guard (DP-2) and the consent date: category cell → one of ``purposes.CATEGORIES`` (German and
English aliases), "other with consent" only with a valid past consent date."""

from __future__ import annotations

import datetime as dt
from typing import Any

from .errors import RowCode
from .text import _keys, _split, _text

_CATEGORY_ALIASES: dict[str, tuple[str, ...]] = {
    "member": _split("Mitglied|Mitglieder|Aktives Mitglied|Vollmitglied|Member"),
    "former_member": _split(
        "ehemaliges Mitglied|ehemalig|ehemalige|Ex-Mitglied|Exmitglied|früheres Mitglied|ausgetreten",
        "Former member|Former|Ex-member",
    ),
    "regular_contact": _split(
        "Sympathisant*in|Sympathisant:in|Sympathisant_in|SympathisantIn|Sympathisant|Sympathisantin",
        "Sympathisanten|Sympathisierende|regelmäßiger Kontakt|regelmäßige Kontakte|Regular contact",
    ),
    # "Other with consent": accepted only with a consent date (DP-2, Art. 9(2)(a)).
    "consent": _split(
        "Einwilligung|mit Einwilligung|Sonstige mit Einwilligung|Sonstige Person mit Einwilligung|Sonstige",
        "Sonstiges|Andere|Interessent*in|Interessent|Interessentin|Interessent:in|Other|Other with consent",
        "Consent",
    ),
}
_CATEGORY_INDEX: dict[str, str] = {
    k: cat for cat, al in _CATEGORY_ALIASES.items() for a in (*al, cat) for k in _keys(a)
}
_ASSUMABLE = ("member", "former_member", "regular_contact")


_DATE_FORMATS = ("%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%Y/%m/%d")


def _consent_date(value: Any, today: dt.date) -> tuple[str | None, RowCode | None]:
    if isinstance(value, dt.datetime):
        d = value.date()
    elif isinstance(value, dt.date):
        d = value
    else:
        s = _text(value)
        if not s:
            return None, RowCode.CONSENT_DATE_MISSING
        s = s.split(" ", 1)[0].split("T", 1)[0]
        d = None
        for fmt in _DATE_FORMATS:
            try:
                d = dt.datetime.strptime(s, fmt).date()
                break
            except ValueError:
                continue
        if d is None:
            return None, RowCode.CONSENT_DATE_INVALID
    if d is None or d > today or d.year < 1990:
        return None, RowCode.CONSENT_DATE_INVALID
    return d.isoformat(), None
