"""One data row → the kept, minimised fields of one contact, or the reason the row is refused.

Per row, in this order: too many values, bad XLSX cells, the category guard (DP-2, with the consent date for
"other with consent"), names, locality/district/postcode (DE: a postcode that lost its leading zero gets it
back), the length limit, then the phone numbers (E.164; an invalid one next to a valid one is noted and the
row kept). Only the columns the purpose keeps are ever looked at (DP-4)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from ..purposes import Field
from . import limits
from .categories import _CATEGORY_INDEX, _consent_date
from .errors import ROW_TEXT, RowCode
from .phones import _PhoneNormaliser
from .results import MappedColumn, Role, RowIssue, Target
from .text import _Bad, _cell_text, _is_blank, _norm

Parsed = list[Any]
"""[row, category, phone, phone2, first, last, locality, district, postcode, consent] (None when empty)."""


class RowParser:
    """Parses the data rows of one file; remembers the invalid numbers it met (``invalid``)."""

    def __init__(
        self,
        kept: dict[Target, MappedColumn],
        width: int,
        *,
        all_text: bool,
        allowed: frozenset[str],
        assume_category: str | None,
        region: str,
        today: dt.date,
    ) -> None:
        def col(target: Target) -> int:
            c = kept.get(target)
            return c.index if c is not None else -1

        self.i_first, self.i_last = col(Field.FIRST_NAME), col(Field.LAST_NAME)
        self.i_phone, self.i_phone2 = col(Field.PHONE), col(Field.PHONE2)
        self.i_loc, self.i_dist, self.i_pc = col(Field.LOCALITY), col(Field.DISTRICT), col(Field.POSTCODE)
        self.i_cat, self.i_consent = col(Role.CATEGORY), col(Role.CONSENT_DATE)
        self.h_phone = kept[Field.PHONE].label if self.i_phone >= 0 else None
        self.h_phone2 = kept[Field.PHONE2].label if self.i_phone2 >= 0 else None
        self.used = [
            i
            for i in (
                self.i_first,
                self.i_last,
                self.i_phone,
                self.i_phone2,
                self.i_loc,
                self.i_dist,
                self.i_pc,
                self.i_cat,
                self.i_consent,
            )
            if i >= 0
        ]
        self.width = width
        self.all_text = all_text
        self.allowed = allowed
        self.assume_category = assume_category
        self.pad_postcode = region == "DE"
        self.phone_of = _PhoneNormaliser(region)
        self.today = today
        self.cat_cache: dict[str, str | None] = {}
        self.invalid: list[RowIssue] = []

    def category(self, cells: Sequence[Any], n: int) -> tuple[str | None, str | None, RowCode | None]:
        """(category, consent date, None) or (None, None, why the row is refused) — the DP-2 guard."""
        if self.i_cat >= 0:
            raw = _cell_text(cells, n, self.i_cat)
            if not raw:
                return None, None, RowCode.CATEGORY_MISSING
            cache = self.cat_cache
            if raw in cache:
                category = cache[raw]
            else:
                category = cache[raw] = _CATEGORY_INDEX.get(_norm(raw).replace(" ", ""))
            if category is None:
                return None, None, RowCode.CATEGORY_UNKNOWN
        else:
            category = self.assume_category
        if category not in self.allowed:
            return None, None, RowCode.CATEGORY_NOT_ALLOWED
        if category != "consent":
            return category, None, None
        if self.i_consent < 0:
            return None, None, RowCode.CONSENT_DATE_MISSING
        consent, code = _consent_date(cells[self.i_consent] if self.i_consent < n else None, self.today)
        if code is not None:
            return None, None, code
        return category, consent, None

    def __call__(self, rownum: int, cells: Sequence[Any]) -> Parsed | RowCode:
        n = len(cells)
        if n > self.width and not _is_blank(cells[self.width :]):
            return RowCode.ROW_TOO_LONG
        if not self.all_text:
            for i in self.used:
                if i < n and isinstance(cells[i], _Bad):
                    return cells[i].code  # type: ignore[no-any-return]
        category, consent, why = self.category(cells, n)
        if why is not None:
            return why

        first = " ".join(_cell_text(cells, n, self.i_first).split())
        last = " ".join(_cell_text(cells, n, self.i_last).split())
        if not first and not last:
            return RowCode.NO_NAME
        loc = " ".join(_cell_text(cells, n, self.i_loc).split())
        dist = " ".join(_cell_text(cells, n, self.i_dist).split())
        pc = _cell_text(cells, n, self.i_pc)
        if self.pad_postcode and len(pc) == 4 and pc.isascii() and pc.isdigit():
            pc = "0" + pc  # Excel ate the leading zero of an East German postcode
        if max(len(first), len(last), len(loc), len(dist), len(pc)) > limits.MAX_VALUE_CHARS:
            return RowCode.VALUE_TOO_LONG

        numbers: list[str] = []
        for i, header in ((self.i_phone, self.h_phone), (self.i_phone2, self.h_phone2)):
            raw = _cell_text(cells, n, i)
            if not raw:
                continue
            e164, code = self.phone_of(raw)
            if e164 is None:
                assert code is not None
                self.invalid.append(RowIssue(rownum, code, ROW_TEXT[code], header))
            elif e164 not in numbers:
                numbers.append(e164)
        if not numbers:
            return RowCode.NO_VALID_PHONE
        return [
            rownum,
            category,
            numbers[0],
            numbers[1] if len(numbers) > 1 else None,
            first or None,
            last or None,
            loc or None,
            dist or None,
            pc or None,
            consent,
        ]
