"""The reader against a plain reference: the same records, number problems, duplicates, refused rows and counts,
record by record, for varied synthetic CSV exports (issue 17.1: the reader's fast paths must not change a result).

The reference does everything the obvious way, one row at a time: the csv module, ``phonenumbers`` for every
number, the category aliases and the consent-date rule of ``memberfile.categories``, de-duplication by a dict.
Only the header detection (``plan``, not a fast path) is taken from the reader. Names are invented; numbers come
from the Bundesnetzagentur's fiction ranges, plus invalid, premium-rate and garbage values."""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
import re
import unicodedata
from typing import Any

import phonenumbers
import pytest

from sync.core import memberfile as mf
from sync.core.memberfile.categories import _CATEGORY_INDEX, _consent_date
from sync.core.memberfile.errors import ROW_TEXT, RowCode
from sync.core.memberfile.results import Duplicate, MemberRecord, RowIssue

TODAY = dt.date(2026, 12, 1)
ALLOWED = ("member", "former_member", "consent")
HEADER = ["Mitgliedsnummer", "Vorname", "Nachname", "PLZ", "Ort", "Ortsteil", "Telefon", "Mobil", "Status"]
HEADER_CONSENT = [*HEADER, "Einwilligungsdatum"]
_FICTION = ("30 23125", "69 90009", "40 66969", "221 4710", "89 99998")
_SYLLABLES = (
    "",
    "",
    "",
    "ba",
    "bel",
    "dor",
    "fen",
    "gri",
    "hal",
    "ka",
    "lin",
    "mo",
    "nor",
    "pe",
    "ras",
    "sil",
)
_ARABIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def _spell(rng: random.Random, national: str) -> str:
    """One German number ("30 23125 123": area code and subscriber number) in one of many spellings."""
    area, sub = national.split(" ", 1)
    sub_plain = sub.replace(" ", "")
    style = rng.randrange(14)
    if style == 0:
        return f"0{area} {sub}"
    if style == 1:
        return f"0{area}/{sub_plain}"
    if style == 2:
        return f"(0{area}) {sub_plain[:-3]}-{sub_plain[-3:]}"
    if style == 3:
        return f"+49 {area} {sub_plain}"
    if style == 4:
        return f"0049 {area} {sub}"
    if style == 5:
        return f"+49 (0){area} {sub_plain}"
    if style == 6:
        return f"+49{area}{sub_plain}"
    if style == 7:
        return f"0{area}.{sub_plain}"
    if style == 8:
        return f"0{area}\u00a0{sub_plain}"  # no-break space, as spreadsheets write it
    if style == 9:
        return f" 0{area}-{sub_plain} "
    if style == 10:
        return (
            f"0{area} {sub_plain}".translate(_ARABIC)
            if rng.random() < 0.5
            else f"0{area} " + sub_plain.translate(_ARABIC)
        )
    if style == 11:
        return f"+49 (0) {area} {sub_plain}"
    if style == 12:
        return f"0049-{area}-{sub_plain}"
    return f"tel. 0{area} {sub_plain}"  # a word in it: refused, never guessed


_BAD_NUMBERS = (
    "12345",
    "n/a",
    "4,93023E+10",
    "0000",
    "0900 1234567",  # premium rate
    "0137 9123456",  # premium rate (televoting)
    "+49 30",
    "030 2",
    "abends",
    "+1 202 555 0143",  # valid elsewhere, not German: kept as E.164
    "+44 20 7946 0018",
    "0049 (0)0 30",
    "+49 (0)900 1234567",
    "01",
    "(030) 23125-000 / 0152 28817386",
)


def _numbers(rng: random.Random, n: int) -> list[str]:
    """``n`` different numbers: half of them fixed-line from the fiction ranges, half mobile."""
    fixed = [f"{block} {k:03d}" for block in _FICTION for k in range(1000)]
    mobiles = [f"15{rng.choice('27')} {k}" for k in rng.sample(range(10**7, 10**8), n)]
    return [
        fixed.pop(rng.randrange(len(fixed))) if rng.random() < 0.5 and fixed else mobiles[i] for i in range(n)
    ]


def _rows(rng: random.Random, count: int, with_consent: bool) -> list[list[str]]:
    numbers = _numbers(rng, count)
    firsts = ["Anna", "anna", "Änne", "Ánne", "Bo", "  Karl  Heinz ", "Zoë", "", "Ömer", "Jo"]
    lasts = ["Beispiel", "BEISPIEL", "Muster-Frau", "Ölberg", "", "Fiktiv", "de  la Test"]
    statuses = [
        "Mitglied",
        "Mitglied",
        "ehemalig",
        "Ex-Mitglied",
        "Sympathisant*in",
        "",
        "Vorstand",
        "Sonstige",
    ]
    out: list[list[str]] = []
    for i in range(count):
        roll = rng.random()
        if roll < 0.04:
            phone = rng.choice(_BAD_NUMBERS)
        elif roll < 0.08 and i:
            phone = _spell(rng, numbers[rng.randrange(i)])  # the number of an earlier row
        elif roll < 0.1:
            phone = ""
        else:
            phone = _spell(rng, numbers[i])
        roll = rng.random()
        if roll < 0.6:
            mobile = ""
        elif roll < 0.7:
            mobile = phone  # the same number twice
        elif roll < 0.75:
            mobile = rng.choice(_BAD_NUMBERS)
        elif roll < 0.8 and i:
            mobile = _spell(rng, numbers[rng.randrange(i)])
        else:
            mobile = _spell(rng, f"15{rng.choice('27')} {rng.randrange(10**7, 10**8)}")
        # a value over the length limit only in the first block: it sends its whole block the per-row way
        too_long = i < 1000 and rng.random() < 0.05
        postcode = rng.choice(["1067", " 01067 ", "", "x" * 201 if too_long else "80331"])
        postcode = postcode if rng.random() < 0.2 else f"{rng.randrange(1067, 99999):05d}"
        row = [
            f"M-{i}",
            rng.choice(firsts) + rng.choice(_SYLLABLES),
            rng.choice(lasts) + rng.choice(_SYLLABLES) + rng.choice(_SYLLABLES),
            postcode,
            rng.choice(["Musterstadt", " Beispielhausen ", "Fiktivdorf", ""]),
            rng.choice(["Nord", "", "Am  Bach"]),
            phone,
            mobile,
            rng.choice(statuses) if rng.random() < 0.3 else "Mitglied",
        ]
        roll = rng.random()
        if roll < 0.02:
            row[1] = row[2] = ""  # no name
        elif roll < 0.08 and out and len(out[j := rng.randrange(len(out))]) > 3:
            # the same person again under another number: the first name in other case or with the umlaut
            # spelled out, the same last name and postcode
            row[1] = rng.choice(
                [out[j][1].upper(), out[j][1].replace("Ä", "Ae").replace("Ö", "Oe"), out[j][1]]
            )
            row[2], row[3] = out[j][2], out[j][3]
        if with_consent:
            row.append(rng.choice(["01.02.2020", "", "2019-05-04", "31.02.2020", "01.01.2030", "1.1.85"]))
        if rng.random() < 0.01:
            row = [""] * len(row) if rng.random() < 0.5 else []  # a blank line
        elif i < 1000 and rng.random() < 0.01:  # only here, so that the other blocks take the column path
            row = row[:4] if rng.random() < 0.5 else [*row, "", "überzählig"]  # too short; too long: refused
        out.append(row)
    return out


# ---------------------------------------------------------------------------------------------- the reference

_SIMPLE = re.compile(r"^[+0-9 ()/.\-\u00a0\u2009\u202f]+$")
_COMPACT = re.compile("[ /.\\-\u00a0\u2009\u202f]+")
_SCI = re.compile(r"^[+-]?\d+(?:[.,]\d+)?[eE][+-]?\d+$")
_LETTER = re.compile(r"[^\W\d_]")
_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def _ref_norm(text: str) -> str:
    s = unicodedata.normalize("NFC", text).casefold().translate(_FOLD)
    s = "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^0-9a-z]+", " ", s).split())


def _ref_phone(raw: str) -> tuple[str | None, RowCode | None]:
    """What the reader promises for one number (module doc of memberfile.phones), with phonenumbers for all."""
    if _SIMPLE.match(raw):
        text = _COMPACT.sub("", raw)
    elif _SCI.match(raw.replace(" ", "")):
        return None, RowCode.PHONE_SCIENTIFIC_NOTATION
    elif _LETTER.search(raw):
        return None, RowCode.PHONE_UNPARSEABLE
    else:
        text = raw
    try:
        num = phonenumbers.parse(text, "DE")
    except phonenumbers.NumberParseException:
        return None, RowCode.PHONE_UNPARSEABLE
    kind = phonenumbers.number_type(num)
    if kind == phonenumbers.PhoneNumberType.UNKNOWN:
        return None, RowCode.PHONE_INVALID
    if kind == phonenumbers.PhoneNumberType.PREMIUM_RATE:
        return None, RowCode.PHONE_PREMIUM_RATE
    return phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164), None


def _reference(data: bytes, encoding: str, allowed: tuple[str, ...]) -> dict[str, Any]:
    plan = mf.plan(data, filename="liste.csv")
    kept = plan.mapping.kept()
    col = {t.value: c.index for t, c in kept.items()}
    labels = {t.value: c.label for t, c in kept.items()}
    width = len(plan.mapping.columns)
    text = data.decode(encoding).removeprefix("\ufeff")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    records: list[MemberRecord] = []
    invalid: list[RowIssue] = []
    refused: list[RowIssue] = []
    duplicates: list[Duplicate] = []
    index: dict[object, int] = {}
    total = blank = 0

    def cell(cells: list[str], field: str) -> str:
        i = col.get(field, -1)
        return cells[i] if 0 <= i < len(cells) else ""

    def refuse(rownum: int, code: RowCode) -> None:
        refused.append(RowIssue(rownum, code, ROW_TEXT[code]))

    for rownum, cells in enumerate(rows, start=1):
        if rownum <= plan.header_row:
            continue
        if not "".join(cells).strip():
            blank += 1
            continue
        total += 1
        if any(c.strip() for c in cells[width:]):
            refuse(rownum, RowCode.ROW_TOO_LONG)
            continue
        raw_cat = cell(cells, "category").strip()
        if not raw_cat:
            refuse(rownum, RowCode.CATEGORY_MISSING)
            continue
        category = _CATEGORY_INDEX.get(_ref_norm(raw_cat).replace(" ", ""))
        if category is None:
            refuse(rownum, RowCode.CATEGORY_UNKNOWN)
            continue
        if category not in allowed:
            refuse(rownum, RowCode.CATEGORY_NOT_ALLOWED)
            continue
        consent = None
        if category == "consent":
            if "consent_date" not in col:
                refuse(rownum, RowCode.CONSENT_DATE_MISSING)
                continue
            consent, code = _consent_date(cell(cells, "consent_date"), TODAY)
            if code is not None:
                refuse(rownum, code)
                continue
        first, last, loc, dist = (
            " ".join(cell(cells, f).split()) for f in ("first_name", "last_name", "locality", "district")
        )
        if not first and not last:
            refuse(rownum, RowCode.NO_NAME)
            continue
        pc = cell(cells, "postcode").strip()
        if len(pc) == 4 and pc.isascii() and pc.isdigit():
            pc = "0" + pc
        if max(map(len, (first, last, loc, dist, pc))) > 200:
            refuse(rownum, RowCode.VALUE_TOO_LONG)
            continue
        numbers = []
        for field in ("phone", "phone2"):
            raw = cell(cells, field).strip()
            if raw:
                number, code = _ref_phone(raw)
                if code is not None:
                    invalid.append(RowIssue(rownum, code, ROW_TEXT[code], labels[field]))
                elif number not in numbers:
                    numbers.append(number)
        if not numbers:
            refuse(rownum, RowCode.NO_VALID_PHONE)
            continue
        rec = MemberRecord(
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
        )
        # duplicates: same number (either), else same normalised name and postcode; merged into the first
        name_key = (_ref_norm(first), _ref_norm(last), pc) if first and last and pc else None
        target, code = None, RowCode.SAME_PHONE
        for num in numbers:
            if target is None:
                target = index.get(num)
        if target is None and name_key is not None:
            target, code = index.get(name_key), RowCode.SAME_NAME_POSTCODE
        if target is None:
            index.update(dict.fromkeys([*numbers, *([name_key] if name_key else [])], len(records)))
            records.append(rec)
            continue
        old = records[target]
        duplicates.append(Duplicate(rownum, old.row, code))
        changes: dict[str, Any] = {}
        for num in numbers:
            if old.phone2 is None and "phone2" not in changes and num != old.phone:
                changes["phone2"] = num
            index.setdefault(num, target)
        for name in ("first_name", "last_name", "locality", "district", "postcode"):
            if getattr(old, name) is None and getattr(rec, name) is not None:
                changes[name] = getattr(rec, name)
        records[target] = old._replace(**changes)
        if name_key is not None:
            index.setdefault(name_key, target)
    return {
        "records": tuple(records),
        "invalid_rows": tuple(invalid),
        "duplicates": tuple(duplicates),
        "refused_rows": tuple(refused),
        "total_rows": total,
        "blank_rows": blank,
    }


@pytest.mark.parametrize(
    ("seed", "encoding", "with_consent", "rows"),
    [
        (1, "utf-8", False, 6000),
        (2, "utf-8-sig", True, 6000),
        (3, "cp1252", True, 3000),
        (4, "utf-16", False, 2500),
    ],
)
def test_reader_gives_what_a_plain_reference_gives(
    monkeypatch: pytest.MonkeyPatch, seed: int, encoding: str, with_consent: bool, rows: int
) -> None:
    """Every record (fields, numbers, merged duplicates), every number problem, duplicate and refused row, and
    the counts, in the same order, as the obvious row-by-row reading with phonenumbers for every number."""
    print("seed", seed)
    rng = random.Random(seed)
    body = _rows(rng, rows, with_consent)
    buf = io.StringIO()
    csv.writer(buf, delimiter=";", lineterminator="\r\n").writerows(
        [HEADER_CONSENT if with_consent else HEADER, *body]
    )
    text = buf.getvalue()
    if seed % 2:  # the last line without its line end
        text = text.removesuffix("\r\n")
    if encoding == "cp1252":  # Arabic-Indic digits do not exist there: Latin digits instead
        text = text.translate({ord(c): ord("0") + i for i, c in enumerate("٠١٢٣٤٥٦٧٨٩")})
    data = text.encode(encoding)
    through_columns: list[int] = []
    many = mf.rows.RowParser.many

    def counted(self: Any, cells_list: Any, rownums: Any) -> Any:
        through_columns.append(len(cells_list))
        return many(self, cells_list, rownums)

    monkeypatch.setattr(mf.rows.RowParser, "many", counted)
    got = mf.read(data, filename="liste.csv", allowed_categories=ALLOWED, today=TODAY)
    want = _reference(data, "utf-16" if encoding == "utf-16" else encoding, ALLOWED)
    assert got.plan.encoding == ("utf-8" if encoding == "utf-8" else encoding)
    # the file exercises what it should, most of it on the column-at-a-time path
    assert sum(through_columns) > rows - 1500
    assert got.duplicates and got.invalid_rows and got.refused_rows and got.blank_rows
    assert any(r.phone2 for r in got.records)
    assert {i.code for i in got.invalid_rows} >= {RowCode.PHONE_INVALID, RowCode.PHONE_PREMIUM_RATE}
    for field, expected in want.items():
        actual = getattr(got, field)
        if isinstance(expected, tuple):
            assert len(actual) == len(expected), field
            for a, e in zip(actual, expected, strict=True):
                assert a == e, (field, a, e)
        else:
            assert actual == expected, field
