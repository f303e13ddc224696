"""The member number (Mitgliedsnummer) of each row, for the central office only.

The reader drops the member number like every column outside the purpose (DP-4): it never reaches a PC. The
central office keeps it as the external id that joins results back to the membership system (MGL) and to
Zetkin's person import (design.md "One system across PCs and campaigns"). This module reads that one column
of the same file, by the row numbers the reader's records carry (``MemberRecord.row``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..purposes import DEFAULT_PURPOSE
from .reader import _prepare
from .text import _keys, _split, _text

MAX_MEMBER_NUMBER = 64  # Zetkin's ext_id takes up to 96 characters; membership systems use far fewer

MEMBER_NUMBER_ALIASES = _split(
    "Mitgliedsnummer|Mitgliedsnr|Mitglieds-Nr.|Mitgliedernummer|Mitglieder-Nr.|Mitgl.-Nr.|Mitglied-Nr.",
    "Mitgliedsnummer (MGL)|MGL-Nummer|Member number|Membership number|Member no|Member ID|External ID|ext_id",
)
_KEYS = {k for alias in MEMBER_NUMBER_ALIASES for k in _keys(alias)}


def member_number_column(headers: list[str]) -> int | None:
    """Index of the member-number column (the first one whose header is a known alias), or None."""
    for i, header in enumerate(headers):
        if header and _keys(header) & _KEYS:
            return i
    return None


def member_numbers(
    source: Any,
    *,
    mapping: Mapping[str | int, Any] | None = None,
    assume_category: str | None = None,
    filename: str | None = None,
) -> dict[int, str]:
    """Row number -> member number, for every row that has one (a file without the column gives {})."""
    prep = _prepare(source, DEFAULT_PURPOSE, mapping, assume_category, filename)
    column = member_number_column([c.header for c in prep.plan.mapping.columns])
    if column is None:
        return {}
    out: dict[int, str] = {}
    for rownum, cells in prep.rows:
        value = _text(cells[column]) if column < len(cells) else ""
        if value and len(value) <= MAX_MEMBER_NUMBER:
            out[rownum] = value
    return out
