"""Phone numbers → E.164 (default region DE) with ``phonenumbers``, plus a fast path for plainly written German
numbers that gives the same result (property-tested). Invalid, premium-rate, scientific-notation and
letter-bearing values get a :class:`RowCode` instead of a number."""

from __future__ import annotations

import re
from typing import Any

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType

from .errors import RowCode

_LETTER = re.compile(r"[^\W\d_]")
_SCI = re.compile(r"^[+-]?\d+(?:[.,]\d+)?[eE][+-]?\d+$")
_SIMPLE_PHONE = re.compile(r"^[+0-9 ()/.\-\u00a0\u2009\u202f]+$")
_COMPACT = re.compile("[ /.\\-\u00a0\u2009\u202f]+")
_E164 = PhoneNumberFormat.E164
_UNKNOWN = PhoneNumberType.UNKNOWN
_PREMIUM = PhoneNumberType.PREMIUM_RATE

PhoneResult = tuple[str | None, RowCode | None]


def _parse_phone_slow(text: str, region: str) -> PhoneResult:
    try:
        num = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None, RowCode.PHONE_UNPARSEABLE
    return _classify(num)


def _classify(num: phonenumbers.PhoneNumber) -> PhoneResult:
    kind = phonenumbers.number_type(num)  # UNKNOWN exactly when the number is not valid
    if kind == _UNKNOWN:
        return None, RowCode.PHONE_INVALID
    if kind == _PREMIUM:
        return None, RowCode.PHONE_PREMIUM_RATE
    return phonenumbers.format_number(num, _E164), None


class _TypeClassifier:
    """``phonenumbers``' number-type decision for one region, with the region's patterns compiled once.

    Mirrors ``phonenumberutil._number_type_helper`` step by step (same order, same length pre-check, same
    ``match`` + end-of-string test); the library re-looks-up every pattern in ``re``'s cache on each call,
    which is most of its cost. Equivalence with ``phonenumbers.number_type`` is property-tested.
    """

    _ORDER = (
        ("premium_rate", PhoneNumberType.PREMIUM_RATE),
        ("toll_free", PhoneNumberType.TOLL_FREE),
        ("shared_cost", PhoneNumberType.SHARED_COST),
        ("voip", PhoneNumberType.VOIP),
        ("personal_number", PhoneNumberType.PERSONAL_NUMBER),
        ("pager", PhoneNumberType.PAGER),
        ("uan", PhoneNumberType.UAN),
        ("voicemail", PhoneNumberType.VOICEMAIL),
    )

    def __init__(self, region: str) -> None:
        from phonenumbers.phonemetadata import PhoneMetadata

        md = PhoneMetadata.metadata_for_region(region)
        if md is None:  # pragma: no cover - only called for DE
            raise ValueError(region)
        self._general = self._desc(md.general_desc)
        self._typed = [(self._desc(getattr(md, name)), kind) for name, kind in self._ORDER]
        self._fixed = self._desc(md.fixed_line)
        self._mobile = self._desc(md.mobile)
        self._same = bool(md.same_mobile_and_fixed_line_pattern)

    @staticmethod
    def _desc(desc: Any) -> tuple[frozenset[int], re.Pattern[str]] | None:
        if desc is None or not desc.national_number_pattern:
            return None
        return frozenset(desc.possible_length or ()), re.compile(desc.national_number_pattern)

    @staticmethod
    def _matches(nsn: str, desc: tuple[frozenset[int], re.Pattern[str]] | None) -> bool:
        if desc is None:
            return False
        lengths, pattern = desc
        if lengths and len(nsn) not in lengths:
            return False
        m = pattern.match(nsn)
        return m is not None and m.end() == len(nsn)

    def __call__(self, nsn: str) -> int:
        match = self._matches
        if not match(nsn, self._general):
            return _UNKNOWN
        for desc, kind in self._typed:
            if match(nsn, desc):
                return kind
        if match(nsn, self._fixed):
            if self._same or match(nsn, self._mobile):
                return PhoneNumberType.FIXED_LINE_OR_MOBILE
            return PhoneNumberType.FIXED_LINE
        if not self._same and match(nsn, self._mobile):
            return PhoneNumberType.MOBILE
        return _UNKNOWN


_DE_TYPE: _TypeClassifier | None = None


def _parse_phone_de_fast(compact: str) -> PhoneResult | None:
    """German numbers written plainly (0.., +49.., 0049..) without phonenumbers' text parser; else None.

    Gives the same E.164 result as ``phonenumbers.parse(x, "DE")`` + ``number_type`` for the shapes it
    accepts (property-tested), about 5× faster — it matters, a real list has one distinct number per row.
    """
    global _DE_TYPE
    d = compact.replace("(", "").replace(")", "") if "(" in compact or ")" in compact else compact
    if d.startswith("+49"):
        rest = d[3:]
    elif d.startswith("0049"):
        rest = d[4:]
    elif d.startswith("0") and not d.startswith("00"):
        rest = d[1:]
    else:
        return None
    if not (2 <= len(rest) <= 17 and rest.isascii() and rest.isdigit() and rest[0] != "0"):
        return None
    if _DE_TYPE is None:
        _DE_TYPE = _TypeClassifier("DE")
    kind = _DE_TYPE(rest)
    if kind == _UNKNOWN:
        return None, RowCode.PHONE_INVALID
    if kind == _PREMIUM:
        return None, RowCode.PHONE_PREMIUM_RATE
    return "+49" + rest, None


class _PhoneNormaliser:
    """raw cell text → (E.164 or None, problem code or None), cached per distinct (compacted) string."""

    def __init__(self, region: str) -> None:
        self.region = region
        self.cache: dict[str, PhoneResult] = {}
        self.parsed = 0
        self.fast = region == "DE"

    def __call__(self, raw: str) -> PhoneResult:
        simple = _SIMPLE_PHONE.match(raw) is not None
        key = _COMPACT.sub("", raw) if simple else raw
        hit = self.cache.get(key)
        if hit is not None:
            return hit
        self.parsed += 1
        res: PhoneResult | None = None
        if simple:
            if self.fast:
                res = _parse_phone_de_fast(key)
        elif _SCI.match(raw.replace(" ", "")):
            res = (None, RowCode.PHONE_SCIENTIFIC_NOTATION)
        elif _LETTER.search(raw):
            # phonenumbers would read letters as a vanity number ("0800-FLOWERS"); in a member list they are
            # notes ("abends", "nur AB") or garbage, and dialling a guess is worse than asking.
            res = (None, RowCode.PHONE_UNPARSEABLE)
        if res is None:
            res = _parse_phone_slow(key, self.region)
        self.cache[key] = res  # at most two per row, so bounded by MAX_ROWS
        return res


