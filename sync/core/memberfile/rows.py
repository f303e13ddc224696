"""One data row → the kept, minimised fields of one contact, or the reason the row is refused.

Per row, in this order: too many values, bad XLSX cells, the category guard (DP-2, with the consent date for
"other with consent"), names, locality/district/postcode (DE: a postcode that lost its leading zero gets it
back), the length limit, then the phone numbers (E.164; an invalid one next to a valid one is noted and the
row kept). Only the columns the purpose keeps are ever looked at (DP-4)."""

from __future__ import annotations

import datetime as dt
from itertools import repeat
from operator import itemgetter
from sys import intern
from typing import Any

from ..purposes import Field
from . import limits
from .categories import _CATEGORY_INDEX, _consent_date
from .errors import ROW_TEXT, RowCode
from .phones import _PhoneNormaliser, de_plain_pattern
from .results import MappedColumn, MemberRecord, Role, RowIssue, Target
from .text import _Bad, _cell_text, _is_blank, _norm

_new_record = tuple.__new__  # MemberRecord from a ready tuple, without the keyword-argument machinery


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

        # in the order _fields() takes them
        self.cols = (
            col(Role.CATEGORY),
            col(Role.CONSENT_DATE),
            col(Field.FIRST_NAME),
            col(Field.LAST_NAME),
            col(Field.LOCALITY),
            col(Field.DISTRICT),
            col(Field.POSTCODE),
            col(Field.PHONE),
            col(Field.PHONE2),
        )
        self.used = [i for i in self.cols if i >= 0]
        # A CSV row with every used column present (nearly all of them): one C call fetches the cells; a
        # missing column (-1) reads the "" appended to the row.
        self.need = max(self.used) + 1
        self.fetch = itemgetter(*self.cols)
        self.has_category = self.cols[0] >= 0
        self.has_consent = self.cols[1] >= 0
        self.h_phone = kept[Field.PHONE].label if Field.PHONE in kept else None
        self.h_phone2 = kept[Field.PHONE2].label if Field.PHONE2 in kept else None
        self.width = width
        self.all_text = all_text
        self.allowed = allowed
        self.assume_category = assume_category
        self.pad_postcode = region == "DE"
        self.phone_of = _PhoneNormaliser(region)
        self.plain = de_plain_pattern().fullmatch if region == "DE" else None
        self.fetch_used = itemgetter(*self.used) if len(self.used) > 1 else None
        self.today = today
        self.cat_cache: dict[str, str | RowCode] = {}
        self.invalid: list[RowIssue] = []

    def __call__(self, rownum: int, cells: list[Any]) -> MemberRecord | RowCode:
        n = len(cells)
        if n > self.width and not _is_blank(cells[self.width :]):
            return RowCode.ROW_TOO_LONG
        if self.all_text and n >= self.need:
            cells.append("")
            return self._fields(rownum, *self.fetch(cells))
        if not self.all_text:
            for i in self.used:
                if i < n and isinstance(cells[i], _Bad):
                    return cells[i].code  # type: ignore[no-any-return]
        i_cat, i_consent, *rest = self.cols
        return self._fields(
            rownum,
            _cell_text(cells, n, i_cat),
            cells[i_consent] if 0 <= i_consent < n else None,
            *(_cell_text(cells, n, i) for i in rest),
        )

    def _category(self, raw: str) -> str | RowCode:
        """The DP-2 guard for one category cell: the category (``"consent"`` still needs its date) or why the
        row is refused. Remembered per distinct cell text."""
        raw = raw.strip()
        if self.has_category:
            if not raw:
                return RowCode.CATEGORY_MISSING
            category = _CATEGORY_INDEX.get(_norm(raw).replace(" ", ""))
            if category is None:
                return RowCode.CATEGORY_UNKNOWN
        else:
            category = self.assume_category
        if category not in self.allowed:
            return RowCode.CATEGORY_NOT_ALLOWED
        if category == "consent" and not self.has_consent:
            return RowCode.CONSENT_DATE_MISSING
        return category

    def _fields(
        self,
        rownum: int,
        raw_cat: str,
        consent_cell: Any,
        first: str,
        last: str,
        loc: str,
        dist: str,
        pc: str,
        phone: str,
        phone2: str,
    ) -> MemberRecord | RowCode:
        category = self.cat_cache.get(raw_cat)
        if category is None:
            category = self.cat_cache[raw_cat] = self._category(raw_cat)
        if type(category) is RowCode:
            return category  # refused: nothing else of the row is looked at
        pc = pc.strip()
        if self.pad_postcode and len(pc) == 4 and pc.isascii() and pc.isdigit():
            pc = "0" + pc  # Excel ate the leading zero of an East German postcode
        return self._decide(
            rownum,
            category,
            consent_cell,
            " ".join(first.split()) or None,
            " ".join(last.split()) or None,
            " ".join(loc.split()) or None,
            " ".join(dist.split()) or None,
            pc or None,
            phone.strip(),
            None,
            phone2.strip(),
            None,
        )

    def many(self, rows: list[list[str]], rownums: list[int]) -> list[MemberRecord | RowCode]:
        """The same as calling the parser on each row, for text rows (CSV) that all have between ``need`` and
        ``width`` cells and none blank; a column at a time, so most of the work is one C call per cell instead
        of Python code per row. Only the rows that need a decision of their own (a refused category, "other
        with consent", no name, a number the column pattern does not take, a value near the length limit)
        take the per-row steps of :meth:`_decide`; the others are built by one C loop per block."""
        assert self.all_text and self.fetch_used is not None
        used = self.used
        size = len(rows)
        columns = dict(zip(used, zip(*map(self.fetch_used, rows), strict=True), strict=True))
        nothing: tuple[None, ...] = (None,) * size

        i_cat, i_consent, i_first, i_last, i_loc, i_dist, i_pc, i_phone, i_phone2 = self.cols
        cache = self.cat_cache
        raw_cats = columns[i_cat] if i_cat >= 0 else ("",) * size
        for raw in set(raw_cats).difference(cache):
            cache[raw] = self._category(raw)
        cats = list(map(cache.__getitem__, raw_cats))
        consents = columns[i_consent] if i_consent >= 0 else nothing
        limit = limits.MAX_VALUE_CHARS
        longest = 0

        # Names, places and postcodes repeat (a Kreisverband has a few dozen places and postcodes, many people
        # share a first name): each distinct cell text is cleaned once, and one string object per distinct
        # value keeps a large list small (1M rows: see docs/performance.md). An empty value is None, as in the
        # record.
        def words(i: int) -> list[str | None] | tuple[None, ...]:
            nonlocal longest
            if i < 0:
                return nothing
            cells = columns[i]
            distinct = set(cells)
            if len(distinct) * 2 > size:  # mostly different values (last names): clean each cell
                clean = list(map(intern, map(" ".join, map(str.split, cells))))
                longest = max(longest, max(map(len, clean), default=0))
                return [c or None for c in clean]
            table = {raw: intern(" ".join(raw.split())) or None for raw in distinct}
            longest = max(longest, max(map(len, filter(None, table.values())), default=0))
            return list(map(table.__getitem__, cells))

        first, last, loc, dist = words(i_first), words(i_last), words(i_loc), words(i_dist)
        pcs: list[str | None] | tuple[None, ...] = nothing
        if i_pc >= 0:
            codes = list(map(str.strip, columns[i_pc]))
            if self.pad_postcode:  # Excel ate the leading zero of an East German postcode
                codes = ["0" + pc if len(pc) == 4 and pc.isascii() and pc.isdigit() else pc for pc in codes]
            longest = max(longest, max(map(len, codes), default=0))
            pcs = [pc or None for pc in map(intern, codes)]

        def phones(i: int) -> tuple[list[str] | tuple[str, ...], list[Any] | tuple[None, ...]]:
            if i < 0:
                return ("",) * size, nothing
            cells = list(map(str.strip, columns[i]))
            if self.plain is None:
                return cells, nothing
            joined = "\n".join(cells)
            if joined.count("\n") != size - 1:  # a cell with a line break: the per-row path decides
                return cells, nothing
            for sep in " /-.()":
                if sep in joined:
                    joined = joined.replace(sep, "")
            return cells, list(map(self.plain, joined.split("\n")))

        phone1, plain1 = phones(i_phone)
        phone2, plain2 = phones(i_phone2)

        # The rows that need steps of their own; all others: a valid category (not "consent"), a name, a first
        # number the pattern takes, a second one empty or taken by the pattern.
        if longest > limit:
            odd: set[int] | range = range(size)
        else:
            odd = set()
            kinds = set(cats)
            if "consent" in kinds or any(type(k) is RowCode for k in kinds):
                odd.update(n for n, c in enumerate(cats) if type(c) is RowCode or c == "consent")
            if None in first and None in last:
                odd.update(
                    n for n, (f, la) in enumerate(zip(first, last, strict=True)) if f is None and la is None
                )
            if None in plain1:
                odd.update(n for n, m in enumerate(plain1) if m is None)
            if None in plain2:
                odd.update(n for n, (p, m) in enumerate(zip(phone2, plain2, strict=True)) if m is None and p)
        number1 = [None if m is None else "+49" + m[1] for m in plain1]
        number2 = [
            None if m is None or (e := "+49" + m[1]) == a else e for a, m in zip(number1, plain2, strict=True)
        ]
        out: list[MemberRecord | RowCode] = list(
            map(
                _new_record,
                repeat(MemberRecord),
                zip(rownums, cats, number1, number2, first, last, loc, dist, pcs, nothing, strict=True),
            )
        )
        for n in sorted(odd):  # in row order: the invalid numbers are listed in row order
            out[n] = self._decide(
                rownums[n],
                cats[n],
                consents[n],
                first[n],
                last[n],
                loc[n],
                dist[n],
                pcs[n],
                phone1[n],
                plain1[n],
                phone2[n],
                plain2[n],
            )
        return out

    def _decide(
        self,
        rownum: int,
        category: str | RowCode,
        consent_cell: Any,
        f: str | None,
        la: str | None,
        lo: str | None,
        di: str | None,
        pc: str | None,
        p1: str,
        m1: Any,
        p2: str,
        m2: Any,
    ) -> MemberRecord | RowCode:
        """The steps of one row from its cleaned values (empty ones None): category, consent date, name, length,
        numbers; the record or why the row is refused. :meth:`_fields` (one row at a time) and :meth:`many` (the
        rows of a block that need them) both end here. ``m1``/``m2``: see :meth:`_numbers`."""
        if type(category) is RowCode:
            return category
        consent = None
        if category == "consent":
            consent, code = _consent_date(consent_cell, self.today)
            if code is not None:
                return code
        if f is None and la is None:
            return RowCode.NO_NAME
        if (
            max(len(f or ""), len(la or ""), len(lo or ""), len(di or ""), len(pc or ""))
            > limits.MAX_VALUE_CHARS
        ):
            return RowCode.VALUE_TOO_LONG
        number, number2 = self._numbers(rownum, p1, m1, p2, m2)
        if number is None:
            return RowCode.NO_VALID_PHONE
        return _new_record(MemberRecord, (rownum, category, number, number2, f, la, lo, di, pc, consent))

    def _numbers(self, rownum: int, p1: str, m1: Any, p2: str, m2: Any) -> tuple[str | None, str | None]:
        """The row's number and second number (E.164; the second only when it differs), each problem noted
        in ``invalid``. ``p1``/``p2``: the stripped cells; ``m1``/``m2``: the column pattern's match of the cell
        when :meth:`many` has one (the number is then "+49" and its group), else None."""
        number = number2 = None
        if m1 is not None:
            number = "+49" + m1[1]
        elif p1:
            number, code = self.phone_of(p1)
            if code is not None:
                self.invalid.append(RowIssue(rownum, code, ROW_TEXT[code], self.h_phone))
        if p2:
            if m2 is not None:
                e164, code = "+49" + m2[1], None
            else:
                e164, code = self.phone_of(p2)
            if code is not None:
                self.invalid.append(RowIssue(rownum, code, ROW_TEXT[code], self.h_phone2))
            elif number is None:
                number = e164
            elif e164 != number:
                number2 = e164
        return number, number2
