"""Encodings, delimiters, header position, XLSX basics."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest

from sync.core import memberfile as mf
from sync.core.purposes import Field
from tests.memberfile.memberfile_support import (
    BERLIN,
    HEADER,
    csv_bytes,
    csv_text,
    e164,
    member_row,
    xlsx_bytes,
)

NAMES = [("Jürgen", "Größlmeier"), ("Ænne", "Ödentaler"), ("Zoë", "Straßberger")]


def _rows() -> list[list[str]]:
    return [member_row(i, first=f, last=ln, town="Groß–Beispielhausen") for i, (f, ln) in enumerate(NAMES)]


@pytest.mark.parametrize(
    ("encoding", "reported"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16"),  # Python writes a BOM
        ("utf-16-le", None),  # written with an explicit BOM below
        ("utf-16-be", None),
        ("utf-32", "utf-32"),
        ("cp1252", "cp1252"),
    ],
)
def test_encodings(encoding: str, reported: str | None) -> None:
    text = csv_text(_rows())
    data = text.encode(encoding)
    if encoding == "utf-16-le":
        data = b"\xff\xfe" + data
    elif encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    res = mf.read(data)
    assert res.encoding == (reported or "utf-16")
    assert [(r.first_name, r.last_name) for r in res.records] == NAMES
    assert {r.locality for r in res.records} == {"Groß–Beispielhausen"}


def test_latin1_file_reads_identically_as_cp1252() -> None:
    # ISO-8859-1 and cp1252 agree on every printable latin-1 character; detection reports cp1252.
    rows = [member_row(i, first=f, last=ln) for i, (f, ln) in enumerate(NAMES)]
    res = mf.read(csv_bytes(rows, encoding="latin-1"))
    assert res.encoding == "cp1252"
    assert [(r.first_name, r.last_name) for r in res.records] == NAMES


def test_latin1_fallback_when_cp1252_fails() -> None:
    # 0x81 is undefined in cp1252: the file falls back to latin-1; the stray control character is removed.
    data = csv_bytes([member_row(1, first="Jörg")], encoding="latin-1").replace(
        "Jörg".encode("latin-1"), b"J\xf6\x81rg"
    )
    res = mf.read(data)
    assert res.encoding == "latin-1"
    assert res.records[0].first_name == "Jörg"


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_delimiters(delimiter: str) -> None:
    rows = [member_row(i) for i in range(5)]
    rows[2][5] = f"Ort{delimiter} mit Trenner"  # quoted by the writer
    res = mf.read(csv_bytes(rows, delimiter=delimiter))
    assert res.delimiter == delimiter
    assert res.imported == 5
    assert res.records[2].locality == " ".join(f"Ort{delimiter} mit Trenner".split())


def test_quoted_newline_counts_as_one_spreadsheet_row() -> None:
    rows = [member_row(1, town="Zeile\nzwei"), member_row(2, phone="kaputt")]
    res = mf.read(csv_bytes(rows))
    assert res.records[0].locality == "Zeile zwei"
    assert [(i.row, i.code) for i in res.refused_rows] == [(3, mf.RowCode.NO_VALID_PHONE)]


def test_title_lines_and_blank_lines_keep_spreadsheet_row_numbers() -> None:
    body = csv_text([member_row(1), member_row(2, phone="0")], header=HEADER)
    data = ("Mitgliederliste KV Musterstadt;;;\r\nStand: 01.11.2026\r\n\r\n" + body).encode()
    p = mf.plan(data)
    assert p.header_row == 4
    res = mf.read(data)
    assert res.records[0].row == 5
    assert [(i.row, i.code) for i in res.refused_rows] == [(6, mf.RowCode.NO_VALID_PHONE)]
    assert [i.row for i in res.invalid_rows] == [6]


def test_blank_rows_are_counted_but_not_data() -> None:
    text = csv_text([member_row(1)]) + ";;;\r\n\r\n" + csv_text([member_row(2)], header=None)
    res = mf.read(text.encode())
    assert res.blank_rows == 2
    assert res.total_rows == 2
    assert [r.row for r in res.records] == [2, 5]


def test_classic_mac_line_ends() -> None:
    text = csv_text([member_row(1), member_row(2)]).replace("\r\n", "\r")
    assert mf.read(text.encode()).imported == 2


def test_path_and_file_object_sources(tmp_path) -> None:
    p = tmp_path / "liste.csv"
    p.write_bytes(csv_bytes([member_row(1)]))
    assert mf.read(p).imported == 1
    assert mf.read(str(p)).imported == 1
    with open(p, "rb") as fh:
        assert mf.read(fh).imported == 1


def test_xlsx_basic_types() -> None:
    rows = [
        [
            "Vorname",
            "Nachname",
            "PLZ",
            "Ort",
            "Telefon",
            "Mobil",
            "Geburtsdatum",
            "Kategorie",
            "Einwilligung am",
        ],
        ["Frieda", "Fiktiva", 1067, "Dresden", 3023125001, None, dt.datetime(1970, 1, 1), "Mitglied", None],
        [
            "Gustav",
            "Gedacht",
            "10115",
            "Berlin",
            "030 23125 002",
            "",
            None,
            "Sonstige",
            dt.datetime(2025, 5, 4),
        ],
        ["Hanna", "Hypothese", 20095.0, "Hamburg", 4066969003.0, None, None, "Mitglied", None],
    ]
    data = xlsx_bytes(rows)
    p = mf.plan(data, filename="liste.xlsx")
    assert (p.format, p.sheet, p.encoding, p.delimiter) == ("xlsx", "Mitglieder", None, None)
    assert p.dropped_columns == ("Geburtsdatum",)
    res = mf.read(data, allowed_categories=("member", "consent"))
    assert [r.to_dict() for r in res.records] == [
        {
            "row": 2,
            "category": "member",
            "first_name": "Frieda",
            "last_name": "Fiktiva",
            "phone": e164(BERLIN, 1),
            "locality": "Dresden",
            "postcode": "01067",
        },
        {
            "row": 3,
            "category": "consent",
            "first_name": "Gustav",
            "last_name": "Gedacht",
            "phone": e164(BERLIN, 2),
            "locality": "Berlin",
            "postcode": "10115",
            "consent_date": "2025-05-04",
        },
        {
            "row": 4,
            "category": "member",
            "first_name": "Hanna",
            "last_name": "Hypothese",
            "phone": "+494066969003",
            "locality": "Hamburg",
            "postcode": "20095",
        },
    ]


def test_xlsx_sparse_rows_keep_sheet_row_numbers() -> None:
    rows = [
        ["Vorname", "Telefon", "Status"],
        [],
        [],
        ["Ida", BERLIN.format(7), "Mitglied"],
        ["Jan", "1", "Mitglied"],
    ]
    res = mf.read(xlsx_bytes(rows))
    assert [r.row for r in res.records] == [4]
    assert [(i.row, i.code) for i in res.refused_rows] == [(5, mf.RowCode.NO_VALID_PHONE)]
    assert res.mapping.as_dict() == {
        "Vorname": Field.FIRST_NAME,
        "Telefon": Field.PHONE,
        "Status": mf.Role.CATEGORY,
    }


def test_xlsx_inline_and_rich_text_strings() -> None:
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    rich = CellRichText([TextBlock(InlineFont(b=True), "Ad"), "a"])
    data = xlsx_bytes([["Vorname", "Telefon", "Status"], [rich, BERLIN.format(1), "Mitglied"]])
    assert b"inlineStr" in zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")
    assert mf.read(data).records[0].first_name == "Ada"
