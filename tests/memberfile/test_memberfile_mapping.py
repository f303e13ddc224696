"""Column detection, overrides, minimisation by purpose (DP-4)."""

from __future__ import annotations

import json

import pytest

from sync.core import memberfile as mf
from sync.core.memberfile import DropReason, ErrorCode, Role
from sync.core.purposes import Field
from tests.memberfile.memberfile_support import BERLIN, HEADER, csv_bytes, csv_text, member_row


@pytest.mark.parametrize(
    ("header", "target"),
    [
        ("Vorname", Field.FIRST_NAME),
        ("  VORNAME ", Field.FIRST_NAME),
        ("First Name", Field.FIRST_NAME),
        ("Nachname", Field.LAST_NAME),
        ("Familienname", Field.LAST_NAME),
        ("Surname", Field.LAST_NAME),
        ("Name", Field.LAST_NAME),
        ("Telefon", Field.PHONE),
        ("Telefonnummer", Field.PHONE),
        ("Tel.", Field.PHONE),
        ("Festnetz", Field.PHONE),
        ("Phone", Field.PHONE),
        ("Telefon (privat)", Field.PHONE),
        ("Mobil", Field.PHONE2),
        ("Mobilnummer", Field.PHONE2),
        ("Handy", Field.PHONE2),
        ("Mobiltelefon", Field.PHONE2),
        ("Mobile phone", Field.PHONE2),
        ("PLZ", Field.POSTCODE),
        ("Postleitzahl", Field.POSTCODE),
        ("ZIP code", Field.POSTCODE),
        ("Ort", Field.LOCALITY),
        ("Wohnort", Field.LOCALITY),
        ("Stadt", Field.LOCALITY),
        ("City", Field.LOCALITY),
        ("Ortsteil", Field.DISTRICT),
        ("Stadtteil", Field.DISTRICT),
        ("Bezirk", Field.DISTRICT),
        ("Kategorie", Role.CATEGORY),
        ("Status", Role.CATEGORY),
        ("Mitgliedsstatus", Role.CATEGORY),
        ("MITGLIEDS-STATUS", Role.CATEGORY),
        ("Einwilligung (Datum)", Role.CONSENT_DATE),
        ("Geburtsdatum", None),
        ("IBAN", None),
        ("E-Mail", None),
        ("Straße", None),
        ("Strasse", None),
        ("Mitgliedsnummer", None),
        ("Beitrag", None),
    ],
)
def test_header_detection(header: str, target: Field | Role | None) -> None:
    headers = ["Vorname" if target is not Field.FIRST_NAME else "Zuname", header]
    if target not in (Field.PHONE, Field.PHONE2):
        headers.append("Telefon")
    if target is not Role.CATEGORY:
        headers.append("Kategorie")
    p = mf.plan(csv_bytes([], header=headers) + b"x;y;z;w\r\n")
    assert p.mapping.as_dict()[header.strip() if header.strip() else header] == target


def test_umlaut_and_spacing_insensitive_category_values() -> None:
    rows = [
        member_row(i, status=s)
        for i, s in enumerate(
            [
                "MITGLIED",
                " mitglied ",
                "Ehemaliges Mitglied",
                "Ex-Mitglied",
                "Sympathisant*in",
                "Regelmäßiger Kontakt",
                "regelmaessiger kontakt",
                "regelmassiger Kontakt",
                "Former member",
            ]
        )
    ]
    res = mf.read(csv_bytes(rows), allowed_categories=("member", "former_member", "regular_contact"))
    assert [r.category for r in res.records] == [
        "member",
        "member",
        "former_member",
        "former_member",
        "regular_contact",
        "regular_contact",
        "regular_contact",
        "regular_contact",
        "former_member",
    ]


def test_dropped_columns_listed_by_name_before_import() -> None:
    data = csv_bytes([member_row(1), member_row(2)])
    p = mf.plan(data)
    assert p.dropped_columns == ("Mitgliedsnummer", "Straße", "E-Mail", "Geburtsdatum", "IBAN")
    assert {d.reason for d in p.dropped} == {DropReason.NOT_A_CONTACT_FIELD}
    res = mf.read(data)
    assert res.dropped_columns == p.dropped_columns
    # nothing of the dropped columns reaches a record or the report
    blob = json.dumps([r.to_dict() for r in res.records]) + json.dumps(res.to_json())
    for marker in ("M-70001", "Erfundene", "example.org", "1961", "DE00"):
        assert marker not in blob
    assert set(res.records[0].to_dict()) == {
        "row",
        "category",
        "first_name",
        "last_name",
        "phone",
        "locality",
        "postcode",
    }


def test_keep_in_touch_drops_last_name() -> None:
    data = csv_bytes([member_row(1)])
    p = mf.plan(data, purpose="keep-in-touch")
    assert "Nachname" in p.dropped_columns
    (d,) = [d for d in p.dropped if d.header == "Nachname"]
    assert (d.reason, d.target) == (DropReason.NOT_IN_PURPOSE, Field.LAST_NAME)
    res = mf.read(data, purpose="keep-in-touch")
    assert res.records[0].last_name is None
    assert res.records[0].first_name == "Vorna1"
    assert "Nachfikt" not in json.dumps(res.records[0].to_dict())


def test_keep_in_touch_with_only_last_name_has_no_name_column() -> None:
    data = csv_bytes([["Muster", BERLIN.format(1), "Mitglied"]], header=["Nachname", "Telefon", "Status"])
    with pytest.raises(mf.MemberFileError) as ei:
        mf.plan(data, purpose="keep-in-touch")
    assert ei.value.code is ErrorCode.NO_NAME_COLUMN
    assert "last_name" in ei.value.detail


def test_override_mapping() -> None:
    header = ["Kontakt", "Rufname", "Nachname", "Wohnort", "Gruppe"]
    data = csv_bytes([[BERLIN.format(1), "Anna", "Ausgedacht", "Musterstadt", "Mitglied"]], header=header)
    with pytest.raises(mf.MemberFileError) as ei:
        mf.plan(data)
    assert ei.value.code is ErrorCode.NO_PHONE_COLUMN
    res = mf.read(data, mapping={"Kontakt": Field.PHONE, 2: None, "wohnort": "district"})
    assert res.mapping.as_dict() == {
        "Kontakt": Field.PHONE,
        "Rufname": Field.FIRST_NAME,
        "Nachname": None,
        "Wohnort": Field.DISTRICT,
        "Gruppe": Role.CATEGORY,
    }
    assert "Nachname" in res.dropped_columns
    r = res.records[0]
    assert (r.phone, r.first_name, r.last_name, r.district, r.locality) == (
        "+493023125001",
        "Anna",
        None,
        "Musterstadt",
        None,
    )


@pytest.mark.parametrize(
    "mapping",
    [
        {"Gibtsnicht": Field.PHONE},
        {"Telefon": "street"},
        {99: None},
        {"Telefon": Field.PHONE, "Mobil": Field.PHONE},
    ],
)
def test_invalid_override(mapping: dict) -> None:
    with pytest.raises(mf.MemberFileError) as ei:
        mf.plan(csv_bytes([member_row(1)]), mapping=mapping)
    assert ei.value.code is ErrorCode.INVALID_OPTION


def test_override_wins_over_detection() -> None:
    # Mapping "Mobil" to phone makes the detected "Telefon" a duplicate column (dropped, listed).
    p = mf.plan(csv_bytes([member_row(1)]), mapping={"Mobil": Field.PHONE})
    cols = {c.header: c for c in p.mapping.columns}
    assert cols["Mobil"].target is Field.PHONE and cols["Mobil"].overridden
    assert cols["Telefon"].drop_reason is DropReason.DUPLICATE_COLUMN


def test_two_landlines_and_a_mobile() -> None:
    header = ["Vorname", "Telefon privat", "Telefon dienstlich", "Handy", "Status"]
    p = mf.plan(csv_bytes([["Bo", "1", "2", "3", "Mitglied"]], header=header))
    assert p.mapping.as_dict() == {
        "Vorname": Field.FIRST_NAME,
        "Telefon privat": Field.PHONE,
        "Telefon dienstlich": Field.PHONE,
        "Handy": Field.PHONE2,
        "Status": Role.CATEGORY,
    }
    assert [(d.header, d.reason) for d in p.dropped] == [("Telefon dienstlich", DropReason.DUPLICATE_COLUMN)]
    header2 = ["Vorname", "Telefon privat", "Telefon dienstlich", "Status"]
    p2 = mf.plan(csv_bytes([["Bo", "1", "2", "Mitglied"]], header=header2))
    assert p2.mapping.as_dict()["Telefon dienstlich"] is Field.PHONE2
    assert p2.dropped == ()


def test_generic_name_yields_to_specific() -> None:
    header = ["Name", "Vorname", "Nachname", "Telefon", "Status"]
    p = mf.plan(csv_bytes([["Bo Beispiel", "Bo", "Beispiel", BERLIN.format(1), "Mitglied"]], header=header))
    assert p.mapping.as_dict()["Nachname"] is Field.LAST_NAME
    assert [d.header for d in p.dropped] == ["Name"]


def test_unnamed_middle_column_is_dropped_as_hash_n() -> None:
    header = ["Vorname", "", "Telefon", "Status", "", ""]  # trailing empty headers are ignored
    p = mf.plan(csv_bytes([["Bo", "geheim", BERLIN.format(1), "Mitglied"]], header=header))
    assert p.dropped_columns == ("#2",)


def test_plan_json_is_serialisable() -> None:
    p = mf.plan(csv_bytes([member_row(1)]))
    j = json.loads(json.dumps(p.to_json()))
    assert j["dropped_columns"] == list(p.dropped_columns)
    assert j["mapping"]["Telefon"] == "phone"
    assert j["needs_category_assumption"] is False


@pytest.mark.parametrize(
    ("header", "code"),
    [
        (["Straße", "Geburtsdatum"], ErrorCode.NO_HEADER),
        (["Vorname", "Nachname", "Ort"], ErrorCode.NO_PHONE_COLUMN),
        (["Telefon", "Ort", "E-Mail"], ErrorCode.NO_NAME_COLUMN),
    ],
)
def test_missing_columns(header: list[str], code: ErrorCode) -> None:
    rows = [["x"] * len(header)]
    if code is ErrorCode.NO_HEADER:
        data = csv_bytes([["Erika", BERLIN.format(1), "10115"]] * 3, header=None)
    else:
        data = csv_bytes(rows, header=header)
    with pytest.raises(mf.MemberFileError) as ei:
        mf.plan(data)
    assert ei.value.code is code


def test_unknown_purpose_is_invalid_option() -> None:
    with pytest.raises(mf.MemberFileError) as ei:
        mf.plan(csv_bytes([member_row(1)]), purpose="marketing")
    assert ei.value.code is ErrorCode.INVALID_OPTION


def test_csv_text_helper_header() -> None:
    assert csv_text([], header=HEADER).startswith("Mitgliedsnummer;Vorname")


def test_override_with_title_line_above_header() -> None:
    header = ["Kontakt", "Rufname", "Gruppe"]
    text = "Liste Ortsverband;;\r\n" + csv_text([[BERLIN.format(1), "Anna", "Mitglied"]], header=header)
    res = mf.read(text.encode(), mapping={"Kontakt": "phone"})
    assert res.plan.header_row == 2 and res.records[0].phone == "+493023125001"


def test_duplicate_headers_get_distinct_labels() -> None:
    header = ["Vorname", "Telefon", "Notiz", "Notiz", "Status"]
    p = mf.plan(csv_bytes([["Bo", BERLIN.format(1), "a", "b", "Mitglied"]], header=header))
    assert p.dropped_columns == ("Notiz", "Notiz #4")
    assert list(p.mapping.as_dict()) == ["Vorname", "Telefon", "Notiz", "Notiz #4", "Status"]
    p2 = mf.plan(
        csv_bytes([["Bo", BERLIN.format(1), "a", "b", "Mitglied"]], header=header),
        mapping={"#4": Field.DISTRICT},
    )
    assert p2.dropped_columns == ("Notiz",)
