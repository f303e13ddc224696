"""Phone numbers → E.164 (default region DE) with ``phonenumbers``, plus a fast path for plainly written German
numbers that gives the same result (property-tested). Invalid, premium-rate, scientific-notation and
letter-bearing values get a :class:`RowCode` instead of a number."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType

from .errors import RowCode

_LETTER = re.compile(r"[^\W\d_]")
_SCI = re.compile(r"^[+-]?\d+(?:[.,]\d+)?[eE][+-]?\d+$")
_SIMPLE_PHONE = re.compile(r"^[+0-9 ()/.\-\u00a0\u2009\u202f]+$")
_COMPACT = re.compile("[ /.\\-\u00a0\u2009\u202f]+")
# The same two character classes as translate tables (one C pass each instead of a regex match and a sub):
_DROP_SEPARATORS = str.maketrans(dict.fromkeys(" /.-\u00a0\u2009\u202f"))
_DROP_SIMPLE = str.maketrans(dict.fromkeys("+0123456789()"))
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
        valid = PhoneNumberType.FIXED_LINE  # stands for "some valid type" in verdict()
        premium = self._typed[0][0]
        rare = [d for d, _kind in self._typed[1:]]
        steps = [(self._general, _UNKNOWN), (premium, _PREMIUM)]
        steps += [(d, valid) for d in (self._fixed, self._mobile, *rare)]
        self._verdict_steps: list[tuple[frozenset[int], Callable[[str], object], int]] = [
            (d[0], d[1].fullmatch, outcome) for d, outcome in steps if d is not None
        ]
        if self._general is None:  # pragma: no cover - every region has a general pattern
            self._verdict_steps.insert(0, (frozenset({-1}), lambda _s: None, _UNKNOWN))

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

    def verdict(self, nsn: str) -> int:
        """``UNKNOWN`` (not valid), ``PREMIUM_RATE``, or some valid type — the only distinction the reader needs.

        The same partition as ``__call__`` (premium rate first, then any other type makes the number valid), but
        the common types are tried first (fixed line, mobile, then the rare ones), and each pattern is one
        ``fullmatch`` — what ``phonenumbers`` itself tests (``match`` and then ``fullmatch``)."""
        size = len(nsn)
        for lengths, full, outcome in self._verdict_steps:
            hit = False if lengths and size not in lengths else full(nsn) is not None
            if outcome == _UNKNOWN:  # the general pattern: a number outside it is invalid
                if not hit:
                    return _UNKNOWN
            elif hit:
                return outcome
        return _UNKNOWN


_DE_TYPE: _TypeClassifier | None = None


def _parse_phone_de_fast(compact: str) -> PhoneResult | None:
    """German numbers written plainly (0.., +49.., 0049..) without phonenumbers' text parser; else None.

    Gives the same E.164 result as ``phonenumbers.parse(x, "DE")`` + ``number_type`` for the shapes it
    accepts (property-tested), about 5× faster — it matters, a real list has one distinct number per row.
    """
    global _DE_TYPE
    d = compact.replace("(", "").replace(")", "") if "(" in compact or ")" in compact else compact
    international = True
    if d.startswith("+49"):
        rest = d[3:]
    elif d.startswith("0049"):
        rest = d[4:]
    elif d.startswith("0") and not d.startswith("00"):
        rest, international = d[1:], False
    else:
        return None
    if not (2 <= len(rest) <= 17 and rest.isascii() and rest.isdigit()):
        return None
    if _DE_TYPE is None:
        _DE_TYPE = _TypeClassifier("DE")
    if rest[0] == "0":
        # "+49 (0)30 …": the national prefix written after the country code. phonenumbers drops it when what
        # remains is a possible German number; a valid (or premium) number certainly is. Anything else: the
        # full parser decides.
        if not international or len(rest) < 3 or rest[1] == "0":
            return None
        kind = _DE_TYPE.verdict(rest[1:])
        if kind == _UNKNOWN:
            return None
        rest = rest[1:]
    else:
        kind = _DE_TYPE.verdict(rest)
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
        if raw.isascii():  # nearly always: str.replace beats a regex on short strings
            key = raw.replace(" ", "").replace("/", "").replace("-", "").replace(".", "")
            plain = key.replace("(", "").replace(")", "") if "(" in key or ")" in key else key
            digits = plain.replace("+", "") if "+" in plain else plain
            simple = not digits or digits.isdigit()  # == _SIMPLE_PHONE.match(raw) is not None
            if not simple:
                key = raw
        else:
            simple = _SIMPLE_PHONE.match(raw) is not None
            key = _COMPACT.sub("", raw) if simple else raw
        if simple and self.fast:
            res = _parse_phone_de_fast(key)
            if res is not None:
                return res
        hit = self.cache.get(key)
        if hit is not None:
            return hit
        self.parsed += 1
        res = None
        if simple:
            pass
        elif _SCI.match(raw.replace(" ", "")):
            res = (None, RowCode.PHONE_SCIENTIFIC_NOTATION)
        elif _LETTER.search(raw):
            # phonenumbers would read letters as a vanity number ("0800-FLOWERS"); in a member list they are
            # notes ("abends", "nur AB") or garbage, and dialling a guess is worse than asking.
            res = (None, RowCode.PHONE_UNPARSEABLE)
        if res is None:
            res = _parse_phone_slow(key, self.region)
        # Only these answers are remembered: the fast path is cheaper than a cache of a million distinct numbers
        # would be in memory.
        self.cache[key] = res
        return res


_DE_PLAIN: re.Pattern[str] | None = None


def _runs(lengths: frozenset[int]) -> list[str]:
    """{4, 5, 6, 9} → [r"\\d{4,6}", r"\\d{9,9}"]: one bounded repeat per run of lengths (an alternative per
    length made the pattern three times slower)."""
    out: list[str] = []
    ordered = sorted(lengths)
    start = prev = ordered[0]
    for n in [*ordered[1:], -1]:
        if n != prev + 1:
            out.append(rf"\d{{{start},{prev}}}")
            start = n
        prev = n
    return out


def de_plain_pattern() -> re.Pattern[str]:
    """One regular expression for "a plainly written, valid, not premium-rate German number" (separators already
    removed): ``+49``/``0049`` (perhaps followed by the national prefix ``0``) or ``0``, and a national number that ``_TypeClassifier.verdict`` calls valid. Group 1
    is the national number, so the E.164 form is ``"+49" + group 1``. Used by the reader's column-at-a-time path
    (one C call per cell); anything it does not match goes through :class:`_PhoneNormaliser` as before, so it
    only has to be exact where it matches: the same length sets and the same ``fullmatch`` of the same patterns,
    in a lookahead each (property-tested against ``phonenumbers``)."""
    global _DE_PLAIN, _DE_TYPE
    if _DE_PLAIN is None:
        if _DE_TYPE is None:
            _DE_TYPE = _TypeClassifier("DE")
        c = _DE_TYPE

        def alt(desc: tuple[frozenset[int], re.Pattern[str]] | None) -> str | None:
            if desc is None:
                return None
            lengths, pattern = desc
            size = f"(?=(?:{'|'.join(_runs(lengths))})\\Z)" if lengths else ""
            return f"{size}(?:{pattern.pattern})\\Z"

        general = alt(c._general)
        premium = alt(c._typed[0][0])
        valid = [a for a in (alt(d) for d in (c._fixed, c._mobile, *(d for d, _k in c._typed[1:]))) if a]
        if general is None or not valid:  # pragma: no cover - DE has all of them
            raise ValueError("DE metadata")
        body = rf"(?=\d{{2,17}}\Z)(?=[1-9])(?={general})"
        if premium is not None:
            body += f"(?!{premium})"
        body += "(?=" + "|".join(f"(?:{v})" for v in valid) + ")"
        # "+49 (0)30 …": the national prefix after the country code, as in _parse_phone_de_fast
        # re.ASCII: \d is [0-9] only. phonenumbers reads other scripts' digits as digits too, but turns them into
        # ASCII ones; a cell with such digits goes to _PhoneNormaliser (also about a third faster on ASCII).
        _DE_PLAIN = re.compile(rf"(?:(?:\+49|0049)0?|0)({body}\d+)", re.ASCII)
    return _DE_PLAIN
