"""Numbers (E.164), row numbers, duplicates, category guard (DP-2), progress and cancellation."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from sync.core import memberfile as mf
from sync.core.memberfile import ErrorCode, RowCode
from tests.memberfile.memberfile_support import (
    BERLIN,
    FRANKFURT,
    HAMBURG,
    KOELN,
    MUENCHEN,
    csv_bytes,
    e164,
    member_row,
)

TODAY = dt.date(2026, 11, 1)


def _read(rows, **kw) -> mf.ImportResult:
    res = mf.read(csv_bytes(rows), today=TODAY, **kw)
    # every data row is accounted for exactly once
    assert res.total_rows == res.imported + len(res.refused_rows) + len(res.duplicates)
    assert len({i.row for i in res.refused_rows}) == len(res.refused_rows)
    return res


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("030 23125 001", "+493023125001"),
        ("030/23125001", "+493023125001"),
        ("(030) 23125-001", "+493023125001"),
        ("+49 30 23125001", "+493023125001"),
        ("0049 30 23125 001", "+493023125001"),
        ("+49 (0)30 23125001", "+493023125001"),
        ("+49-30-231-25-001", "+493023125001"),
        ("030.23125.001", "+493023125001"),
        ("030\u00a023125001", "+493023125001"),
        ("3023125001", "+493023125001"),  # Excel ate the leading zero
        ("069 90009 123", "+496990009123"),
        ("0221 4710 999", "+492214710999"),
        ("0152 28817386", "+4915228817386"),
        ("+43 1 5midnight", None),
        ("+43 1 2345678", "+4312345678"),  # members abroad stay callable
    ],
)
def test_e164(raw: str, expected: str | None) -> None:
    res = _read([member_row(1, phone=raw)])
    if expected is None:
        assert res.imported == 0
    else:
        assert res.records[0].phone == expected


def test_invalid_numbers_listed_by_spreadsheet_row() -> None:
    rows = [
        member_row(1),  # row 2
        member_row(2, phone="12"),  # row 3: invalid, no other number → refused
        member_row(3, phone="0900 1234567"),  # row 4: premium rate
        member_row(4, phone="4,93023E+10"),  # row 5: Excel scientific notation
        member_row(5, phone="bitte nicht"),  # row 6
        member_row(6, phone="kaputt", mobile="0152 28817386"),  # row 7: kept with the mobile number
        member_row(7, phone="", mobile=""),  # row 8: no number at all
    ]
    res = _read(rows)
    assert [(i.row, i.code, i.column) for i in res.invalid_rows] == [
        (3, RowCode.PHONE_INVALID, "Telefon"),
        (4, RowCode.PHONE_PREMIUM_RATE, "Telefon"),
        (5, RowCode.PHONE_SCIENTIFIC_NOTATION, "Telefon"),
        (6, RowCode.PHONE_UNPARSEABLE, "Telefon"),
        (7, RowCode.PHONE_UNPARSEABLE, "Telefon"),
    ]
    assert [(i.row, i.code) for i in res.refused_rows] == [
        (r, RowCode.NO_VALID_PHONE) for r in (3, 4, 5, 6, 8)
    ]
    assert [(r.row, r.phone, r.phone2) for r in res.records] == [
        (2, e164(BERLIN, 1), None),
        (7, "+4915228817386", None),
    ]
    assert all(i.text for i in res.invalid_rows + res.refused_rows)


def test_only_mobile_becomes_phone_and_two_numbers_kept() -> None:
    rows = [
        member_row(1, phone="", mobile=FRANKFURT.format(1)),
        member_row(2, phone=HAMBURG.format(2), mobile=KOELN.format(2)),
        member_row(3, phone=MUENCHEN.format(3), mobile=MUENCHEN.format(3).replace(" ", "/")),  # same twice
    ]
    res = _read(rows)
    assert [(r.phone, r.phone2) for r in res.records] == [
        (e164(FRANKFURT, 1), None),
        (e164(HAMBURG, 2), e164(KOELN, 2)),
        (e164(MUENCHEN, 3), None),
    ]


def test_duplicates_merged() -> None:
    rows = [
        member_row(1, first="Ada", last="Ausgedacht", postcode="10115"),  # row 2
        member_row(2, phone="(030) 23125-001", first="Ada", last="Anders"),  # row 3: same number as row 2
        member_row(3, first="Bert", last="Beispiel", postcode="20095"),  # row 4
        member_row(
            4, first=" bert ", last="BEISPIEL", postcode="20095", phone="", mobile=KOELN.format(4)
        ),  # row 5
        member_row(5, phone=HAMBURG.format(5), mobile=BERLIN.format(3)),  # row 6: mobile = row 4's phone
        member_row(
            6, first="Bert", last="Beispiel", postcode="99999"
        ),  # row 7: other postcode, not a duplicate
    ]
    res = _read(rows)
    assert [(d.row, d.merged_into_row, d.code) for d in res.duplicates] == [
        (3, 2, RowCode.SAME_PHONE),
        (5, 4, RowCode.SAME_NAME_POSTCODE),
        (6, 4, RowCode.SAME_PHONE),
    ]
    assert [r.row for r in res.records] == [2, 4, 7]
    bert = res.records[1]
    # the merged row's extra number fills the free second slot
    assert (bert.phone, bert.phone2) == (e164(BERLIN, 3), e164(KOELN, 4))
    j = res.to_json()
    assert j["duplicates"] == 3 and j["details"]["duplicates"][0] == {
        "row": 3,
        "merged_into_row": 2,
        "code": "same_phone",
    }


def test_no_name_postcode_dedup_when_purpose_drops_last_name() -> None:
    rows = [member_row(1, first="Ada", last="A"), member_row(2, first="Ada", last="B")]
    res = _read(rows, purpose="keep-in-touch")
    assert res.imported == 2 and res.duplicates == ()


def test_category_guard_default_members_only() -> None:
    rows = [
        member_row(1, status="Mitglied"),
        member_row(2, status="ehemaliges Mitglied"),
        member_row(3, status="Sympathisant*in"),
        member_row(4, status="Vorstand?"),
        member_row(5, status=""),
        member_row(6, status="Sonstige"),
    ]
    res = _read(rows)
    assert [r.row for r in res.records] == [2]
    assert [(i.row, i.code) for i in res.refused_rows] == [
        (3, RowCode.CATEGORY_NOT_ALLOWED),
        (4, RowCode.CATEGORY_NOT_ALLOWED),
        (5, RowCode.CATEGORY_UNKNOWN),
        (6, RowCode.CATEGORY_MISSING),
        (7, RowCode.CATEGORY_NOT_ALLOWED),
    ]
    res2 = _read(rows, allowed_categories=("member", "former_member", "regular_contact"))
    assert [(r.row, r.category) for r in res2.records] == [
        (2, "member"),
        (3, "former_member"),
        (4, "regular_contact"),
    ]


def test_refused_category_rows_are_not_parsed_or_merged() -> None:
    rows = [
        member_row(1, status="ehemaliges Mitglied", phone="kaputt"),
        member_row(2),
        member_row(3, phone=BERLIN.format(2), status="Ex-Mitglied"),
    ]
    res = _read(rows)
    assert res.invalid_rows == ()
    assert res.duplicates == ()
    assert [(i.row, i.code) for i in res.refused_rows] == [
        (2, RowCode.CATEGORY_NOT_ALLOWED),
        (4, RowCode.CATEGORY_NOT_ALLOWED),
    ]


def test_other_with_consent_needs_a_past_date() -> None:
    header = ["Vorname", "Telefon", "Kategorie", "Einwilligung am"]
    rows = [
        ["Ada", BERLIN.format(1), "Sonstige mit Einwilligung", "03.04.2025"],
        ["Bo", BERLIN.format(2), "Interessent*in", "2025-04-03"],
        ["Cem", BERLIN.format(3), "Sonstige", ""],
        ["Dani", BERLIN.format(4), "Sonstige", "ja"],
        ["Eli", BERLIN.format(5), "Sonstige", "01.01.2030"],
        ["Fe", BERLIN.format(6), "Mitglied", ""],
    ]
    data = csv_bytes(rows, header=header)
    res = mf.read(data, allowed_categories=("member", "consent"), today=TODAY)
    assert [(r.row, r.category, r.consent_date) for r in res.records] == [
        (2, "consent", "2025-04-03"),
        (3, "consent", "2025-04-03"),
        (7, "member", None),
    ]
    assert [(i.row, i.code) for i in res.refused_rows] == [
        (4, RowCode.CONSENT_DATE_MISSING),
        (5, RowCode.CONSENT_DATE_INVALID),
        (6, RowCode.CONSENT_DATE_INVALID),
    ]
    assert res.records[0].to_dict()["consent_date"] == "2025-04-03"
    # without a consent column, "other" rows cannot be imported
    res2 = mf.read(
        csv_bytes([r[:3] for r in rows], header=header[:3]), allowed_categories=("member", "consent")
    )
    assert [i.code for i in res2.refused_rows] == [RowCode.CONSENT_DATE_MISSING] * 5


def test_file_without_category_column_needs_confirmation() -> None:
    header = ["Vorname", "Nachname", "Telefon"]
    data = csv_bytes([["Ada", "Ausgedacht", BERLIN.format(1)]], header=header)
    p = mf.plan(data)
    assert p.has_category_column is False and p.needs_category_assumption is True
    with pytest.raises(mf.MemberFileError) as ei:
        mf.read(data)
    assert ei.value.code is ErrorCode.MISSING_CATEGORY_COLUMN
    assert mf.plan(data, assume_category="member").needs_category_assumption is False
    res = mf.read(data, assume_category="member")
    assert [r.category for r in res.records] == ["member"]
    assert res.to_json()["assumed_category"] == "member"
    # assuming a category the campaign does not allow refuses every row
    res2 = mf.read(data, assume_category="former_member")
    assert [i.code for i in res2.refused_rows] == [RowCode.CATEGORY_NOT_ALLOWED]
    with pytest.raises(mf.MemberFileError) as ei:
        mf.read(data, assume_category="consent")
    assert ei.value.code is ErrorCode.INVALID_OPTION


@pytest.mark.parametrize(
    "kw", [{"allowed_categories": ("members",)}, {"allowed_categories": ()}, {"default_region": "XX"}]
)
def test_invalid_options(kw: dict) -> None:
    with pytest.raises(mf.MemberFileError) as ei:
        mf.read(csv_bytes([member_row(1)]), **kw)
    assert ei.value.code is ErrorCode.INVALID_OPTION


def test_values_are_tidied_and_bounded() -> None:
    rows = [
        member_row(1, first="  Ada   Maria ", town=" Neu   Erfunden "),
        member_row(2, first="x" * 201),
        member_row(3, first="", last=""),
        member_row(4, first='=HYPERLINK("http://example.invalid")'),  # formula-like text stays text
    ]
    res = _read(rows)
    assert (res.records[0].first_name, res.records[0].locality) == ("Ada Maria", "Neu Erfunden")
    assert [(i.row, i.code) for i in res.refused_rows] == [(3, RowCode.VALUE_TOO_LONG), (4, RowCode.NO_NAME)]
    assert res.records[1].first_name.startswith("=HYPERLINK")


def test_progress_and_cancel() -> None:
    rows = [member_row(i, phone=BERLIN.format(i % 1000)) for i in range(5000)]
    data = csv_bytes(rows)
    calls: list[tuple[int, int]] = []
    res = mf.read(data, progress=lambda d, t: calls.append((d, t)))
    assert calls[-1] == (5000, 5000)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    assert all(d <= t for d, t in calls)
    assert res.imported == 1000 and len(res.duplicates) == 4000
    polls = []

    def cancelled() -> bool:
        polls.append(1)
        return len(polls) >= 2

    with pytest.raises(mf.ImportCancelled) as ei:
        mf.read(data, cancelled=cancelled)
    assert ei.value.code is ErrorCode.CANCELLED


def test_result_json_has_counts_and_details() -> None:
    res = _read([member_row(1), member_row(2, phone="1"), member_row(3, phone=BERLIN.format(1))])
    j = json.loads(json.dumps(res.to_json()))
    assert {
        k: j[k] for k in ("imported", "invalid_rows", "duplicates", "refused_rows", "dropped_columns_count")
    } == {"imported": 1, "invalid_rows": 1, "duplicates": 1, "refused_rows": 1, "dropped_columns_count": 5}
    assert j["dropped_columns"] == ["Mitgliedsnummer", "Straße", "E-Mail", "Geburtsdatum", "IBAN"]
    assert j["details"]["refused_rows"] == [
        {"row": 3, "code": "no_valid_phone", "text": "No valid phone number.", "column": None}
    ]
    assert j["encoding"] == "utf-8" and j["delimiter"] == ";" and j["total_rows"] == 3
    # no personal data in the report
    for marker in ("Vorna", "Nachfikt", "23125", "Musterstadt", "10115"):
        assert marker not in json.dumps(j)
