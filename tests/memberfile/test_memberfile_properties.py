"""Property tests: any input gives a result or a MemberFileError, never another exception (R14); the fast
phone path agrees with phonenumbers."""

from __future__ import annotations

import csv
import io
import random

import phonenumbers
import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from sync.core import memberfile as mf
from sync.core.purposes import PURPOSES
from tests.memberfile.memberfile_support import BERLIN, HEADER, member_row, xlsx_bytes

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(data: bytes, **kw) -> None:
    try:
        res = mf.read(
            data, allowed_categories=("member", "former_member", "regular_contact", "consent"), **kw
        )
    except mf.MemberFileError as exc:
        assert isinstance(exc.code, mf.ErrorCode)
        return
    assert res.total_rows == res.imported + len(res.refused_rows) + len(res.duplicates)
    allowed = PURPOSES["invitation"].fields
    for r in res.records:
        assert r.phone.startswith("+")
        assert set(r.fields()) <= allowed
        assert r.category in ("member", "former_member", "regular_contact", "consent")
    res.to_json()


@FAST
@given(st.binary(max_size=2000), st.sampled_from(["x.csv", "x.xlsx", "x.txt", ""]))
@example(b"\x00\x01\x02", "x.csv")
@example(b"PK\x03\x04", "x.csv")
@example(b"\xff\xfe\x00", "x.csv")
def test_random_bytes(data: bytes, name: str) -> None:
    _check(data, filename=name)


_cell = st.one_of(
    st.sampled_from(
        [
            "Vorname",
            "Nachname",
            "Telefon",
            "Mobil",
            "PLZ",
            "Ort",
            "Status",
            "Einwilligung",
            "Mitglied",
            "Sonstige",
            "01.02.2020",
            BERLIN.format(1),
            BERLIN.format(2),
            "+49 30 23125003",
            "",
            " ",
            '"',
            ";",
            ",",
            "\t",
            "|",
            "\n",
            "\r",
            "=1+1",
            "@x",
            "-",
            "0",
            "10115",
        ]
    ),
    st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=12),
    st.text(max_size=4),
)


@FAST
@given(
    st.lists(st.lists(_cell, min_size=0, max_size=8), min_size=0, max_size=12),
    st.sampled_from([";", ",", "\t", "|"]),
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"]),
    st.booleans(),
)
def test_random_csv_text(rows: list[list[str]], delimiter: str, encoding: str, with_header: bool) -> None:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter)
    if with_header:
        w.writerow(["Vorname", "Telefon", "Status", "Einwilligung"])
    for r in rows:
        w.writerow(r)
    try:
        data = buf.getvalue().encode(encoding)
    except UnicodeEncodeError:
        assume(False)
        return
    _check(data)
    _check(data, assume_category="member", purpose="keep-in-touch")


@FAST
@given(st.text(max_size=600))
def test_random_text(text: str) -> None:
    _check(text.encode("utf-8", "surrogatepass"))


_XLSX = xlsx_bytes([HEADER, *(member_row(i) for i in range(5))])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(_XLSX) - 1), st.integers(0, 255)), min_size=1, max_size=8))
def test_corrupted_xlsx(flips: list[tuple[int, int]]) -> None:
    data = bytearray(_XLSX)
    for pos, val in flips:
        data[pos] = val
    _check(bytes(data), filename="x.xlsx")


# ---------------------------------------------------------------------------------------- phone fast path

_SEP = st.sampled_from(["", " ", "/", "-", ".", "(", ")", "\u00a0"])


@st.composite
def _german_looking(draw) -> str:
    prefix = draw(st.sampled_from(["0", "+49", "0049", "+49 (0)", "(0", "00", "+4", "049", "+490"]))
    digits = draw(st.text(alphabet="0123456789", min_size=0, max_size=16))
    out = prefix
    for d in digits:
        out += draw(_SEP) if draw(st.booleans()) else ""
        out += d
    return out


def _slow(raw: str) -> str | None:
    try:
        num = phonenumbers.parse(raw, "DE")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(num):
        return None
    if phonenumbers.number_type(num) == phonenumbers.PhoneNumberType.PREMIUM_RATE:
        return None
    return phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)


@settings(max_examples=600, deadline=None)
@given(_german_looking())
@example("030 23125 000")
@example("0900 1234567")
@example("0152 28817386")
@example("+49 (0)30 23125000")
@example("0049 (0)30 23125000")
@example("+49 (0)152 28817386")
@example("+49 (0)030 23125000")
@example("+49 (0)0 30")
@example("+49 (0)900 1234567")
@example("+490")
def test_fast_phone_path_agrees_with_phonenumbers(raw: str) -> None:
    got = mf.phones._PhoneNormaliser("DE")(raw)[0]
    assert got == _slow(raw)


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet="0123456789", min_size=1, max_size=17).filter(lambda s: s[0] != "0"))
def test_type_classifier_matches_number_type(nsn: str) -> None:
    num = phonenumbers.PhoneNumber(country_code=49, national_number=int(nsn))
    assert mf.phones._TypeClassifier("DE")(nsn) == phonenumbers.number_type(num)


def test_type_classifier_on_every_fiction_number() -> None:
    cls = mf.phones._TypeClassifier("DE")
    for block in ("3023125", "6990009", "4066969", "2214710", "8999998"):
        for i in range(1000):
            nsn = f"{block}{i:03d}"
            assert cls(nsn) == phonenumbers.number_type(phonenumbers.parse("0" + nsn, "DE"))


_DE = None


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet="0123456789", min_size=1, max_size=17).filter(lambda s: s[0] != "0"))
@example("3023125000")
@example("9001234567")
@example("15228817386")
def test_verdict_separates_invalid_premium_and_valid_like_number_type(nsn: str) -> None:
    global _DE
    _DE = _DE or mf.phones._TypeClassifier("DE")
    kind = phonenumbers.number_type(phonenumbers.PhoneNumber(country_code=49, national_number=int(nsn)))
    got = _DE.verdict(nsn)
    if kind in (phonenumbers.PhoneNumberType.UNKNOWN, phonenumbers.PhoneNumberType.PREMIUM_RATE):
        assert got == kind
    else:
        assert got not in (phonenumbers.PhoneNumberType.UNKNOWN, phonenumbers.PhoneNumberType.PREMIUM_RATE)


@settings(max_examples=600, deadline=None)
@given(_german_looking())
@example("030 23125 000")
@example("0900 1234567")
@example("+49 (0)30 23125000")
@example("+49 (0)900 1234567")
@example("0049 (0)0 30")
def test_column_phone_pattern_agrees_with_phonenumbers_where_it_matches(raw: str) -> None:
    """The reader's column-at-a-time path takes a number without phonenumbers when this pattern matches it;
    it must then give exactly phonenumbers' E.164 (and a valid, not premium-rate number)."""
    compact = raw
    for sep in " /-.()":
        compact = compact.replace(sep, "")
    m = mf.phones.de_plain_pattern().fullmatch(compact)
    if m is not None:
        assert "+49" + m[1] == _slow(raw)
    elif raw.isascii() and compact.isdigit() and _slow(raw) is not None and not raw.startswith(("+", "00")):
        # a plainly written, valid national number is never left to the slow path
        assert compact.startswith("00") or compact[1:2] == "0"


def test_column_path_and_row_path_give_the_same_result(monkeypatch) -> None:
    """The block-wise, column-at-a-time path (RowParser.many) gives the same records, issues and counts, in the
    same order, as parsing every row on its own."""
    seed = 1717
    print("seed", seed)
    rng = random.Random(seed)
    prefixes = [
        "030 23125 ",
        "+49 (0)30 23125",
        "0049 30/23125-",
        "0900 123",
        "0152 2881",
        "+49 152 2881",
        "abc",
    ]
    rows = [HEADER]
    for i in range(3000):
        cells = member_row(
            i,
            first=rng.choice([f"Vor{i % 40}", "", "  Anna   Maria "]),
            last=rng.choice([f"Nach{i % 37}", ""]),
            phone=rng.choice(prefixes) + f"{rng.randrange(1000):03d}",
            mobile=rng.choice(
                ["", "", "0152 2881" + f"{rng.randrange(1000):03d}", "+49 (0)30 23125" + "001"]
            ),
            status=rng.choice(["Mitglied", "Mitglied", "Interessent", "", "ehemalig"]),
            postcode=rng.choice(["10115", "1067", " 01067 ", "x" * 201]),
        )
        rows.append(cells if rng.random() > 0.01 else [])  # a blank line now and then
    data = "\n".join(";".join(r) for r in rows).encode("utf-8")
    blocks = []
    many = mf.rows.RowParser.many

    def counted(self, cells_list, rownums):  # type: ignore[no-untyped-def]
        blocks.append(len(cells_list))
        return many(self, cells_list, rownums)

    monkeypatch.setattr(mf.rows.RowParser, "many", counted)
    block = mf.read(data, filename="x.csv", allowed_categories=("member", "former_member"))
    assert sum(blocks) > 2900  # the file did go the column-at-a-time way

    def one_by_one(self, cells_list, rownums):  # type: ignore[no-untyped-def]
        return [self(n, c) for n, c in zip(rownums, cells_list, strict=True)]

    monkeypatch.setattr(mf.rows.RowParser, "many", one_by_one)
    rowwise = mf.read(data, filename="x.csv", allowed_categories=("member", "former_member"))
    assert block.records and block.invalid_rows and block.refused_rows and block.duplicates
    for field in ("records", "invalid_rows", "duplicates", "refused_rows", "total_rows", "blank_rows"):
        assert getattr(block, field) == getattr(rowwise, field), field


@pytest.mark.parametrize("name_key_ok", [True, False])
def test_deduplicating_a_block_at_once_is_the_same_as_one_record_at_a_time(name_key_ok: bool) -> None:
    """Deduplicator.add_many (the reader's block path) keeps, merges and lists exactly what add() does for each
    record in turn: same phone, a second number that is someone's first, same name and postcode, names that
    differ only in case and accents, missing fields filled in."""
    from sync.core.memberfile.duplicates import Deduplicator
    from sync.core.memberfile.results import MemberRecord

    seed = 4242
    print("seed", seed)
    rng = random.Random(seed)
    phones = [f"+493023125{i:04d}" for i in range(1500)]
    records = [
        MemberRecord(
            row=i + 2,
            category="member",
            phone=rng.choice(phones),
            phone2=rng.choice([None, None, rng.choice(phones)]),
            first_name=rng.choice([None, "Anna", "anna", "Änne", "Ánne", "Bo"]),
            last_name=rng.choice([None, "Beispiel", "BEISPIEL", "Muster"]),
            locality=rng.choice([None, "Musterstadt"]),
            district=rng.choice([None, "Nord"]),
            postcode=rng.choice([None, "10115", "01067"]),
        )
        for i in range(2000)
    ]
    one, block = Deduplicator(name_key_ok=name_key_ok), Deduplicator(name_key_ok=name_key_ok)
    for rec in records:
        one.add(rec)
    for i in range(0, len(records), 333):
        block.add_many(records[i : i + 333])
    assert block.duplicates and block.records
    assert (block.records, block.duplicates) == (one.records, one.duplicates)
