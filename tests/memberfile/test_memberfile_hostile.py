"""R14: bad input gets a clear error (MemberFileError with a code) and nothing partial."""

from __future__ import annotations

import importlib.util
import io
import zipfile
from pathlib import Path

import pytest

from sync.core import memberfile as mf
from sync.core.memberfile import ErrorCode, RowCode
from tests.memberfile.memberfile_support import BERLIN, HEADER, csv_bytes, member_row, xlsx_bytes

ROOT = Path(__file__).resolve().parents[2]


def _code(data, **kw) -> ErrorCode:
    with pytest.raises(mf.MemberFileError) as ei:
        mf.read(data, **kw)
    assert ei.value.message and str(ei.value)
    return ei.value.code


@pytest.mark.parametrize("data", [b"", b"   \r\n\r\n", b"\xef\xbb\xbf", b"\xff\xfe", b"\xef\xbb\xbf \r\n"])
def test_empty(data: bytes) -> None:
    assert _code(data) is ErrorCode.EMPTY_FILE


def test_binary_renamed_csv(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
    p = tmp_path / "mitglieder.csv"
    p.write_bytes(png)
    assert _code(p) is ErrorCode.NOT_TEXT
    # high bytes without NULs: decodable only as latin-1, full of control characters
    garbage = bytes((i * 37 + 129) % 256 or 1 for i in range(4000))
    assert _code(garbage, filename="x.csv") is ErrorCode.NOT_TEXT


def test_utf16_without_bom_is_not_guessed() -> None:
    assert _code(csv_bytes([member_row(1)], encoding="utf-16-le")) is ErrorCode.NOT_TEXT


def test_bom_promises_more_than_the_bytes_hold() -> None:
    assert _code(b"\xef\xbb\xbfVorname;Telefon\r\n\xff\xfe\xfd;1\r\n") is ErrorCode.UNDECODABLE


def test_xlsx_that_is_not_a_zip() -> None:
    assert _code(csv_bytes([member_row(1)]), filename="liste.xlsx") is ErrorCode.NOT_XLSX
    assert _code(b"PK\x03\x04 not really a zip", filename="liste.xlsx") is ErrorCode.XLSX_INVALID


def test_zip_that_is_not_a_workbook() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "nothing to see")
    assert _code(buf.getvalue(), filename="liste.xlsx") is ErrorCode.XLSX_INVALID


def test_old_xls() -> None:
    assert (
        _code(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, filename="liste.xls")
        is ErrorCode.XLS_UNSUPPORTED
    )


def test_xlsx_zip_bomb_guard(monkeypatch: pytest.MonkeyPatch) -> None:
    data = xlsx_bytes([["Vorname", "Telefon", "Status"], ["Ada", BERLIN.format(1), "Mitglied"]])
    monkeypatch.setattr(mf.limits, "MAX_XLSX_UNCOMPRESSED_BYTES", 1000)
    assert _code(data) is ErrorCode.XLSX_TOO_LARGE


def test_ragged_rows() -> None:
    text = (
        "Vorname;Nachname;Telefon;Ort;Status;;\r\n"
        f"Ada;Ausgedacht;{BERLIN.format(1)};Musterstadt;Mitglied\r\n"  # complete
        f"Bo;Beispiel;{BERLIN.format(2)}\r\n"  # shorter: locality and category missing
        f"Cem;Erfunden;{BERLIN.format(3)};Musterstadt;Mitglied;;;;\r\n"  # longer, but only empty cells
        f"Dani;Fiktiv; Straße 1;{BERLIN.format(4)};Musterstadt;Mitglied\r\n"  # longer with data: shifted
        f"Eli\r\n"  # a single cell
    )
    res = mf.read(text.encode())
    assert [r.row for r in res.records] == [2, 4]
    assert [(i.row, i.code) for i in res.refused_rows] == [
        (3, RowCode.CATEGORY_MISSING),
        (5, RowCode.ROW_TOO_LONG),
        (6, RowCode.CATEGORY_MISSING),
    ]
    text2 = f"Vorname;Telefon;Ort\r\nBo;{BERLIN.format(2)}\r\n"
    rec = mf.read(text2.encode(), assume_category="member").records[0]
    assert (rec.first_name, rec.phone, rec.locality) == ("Bo", "+493023125002", None)


def test_xlsx_formulas_are_never_evaluated() -> None:
    rows = [
        ["Vorname", "Nachname", "Telefon", "Alter", "Status"],
        [
            "=cmd|' /C calc'!A0",
            "Formelfrei",
            BERLIN.format(1),
            None,
            "Mitglied",
        ],  # text that looks like a formula
        ["Bo", None, None, None, "Mitglied"],  # row 3: Telefon is a formula with a cached result
        ["Cem", "Erfunden", None, None, "Mitglied"],  # row 4: Telefon is a formula without cached result
        [
            "Dani",
            "Dachte",
            BERLIN.format(4),
            None,
            "Mitglied",
        ],  # row 5: formula (no result) in a dropped column
        ["Eli", "Error", None, None, "Mitglied"],  # row 6: error value
        ["+Fe", "@Plus", "-030 23125 006", None, "Mitglied"],  # row 7: + - @ text
    ]
    raw = {
        "B3": '<c r="B3" t="str"><f>UPPER("ausgedacht")</f><v>AUSGEDACHT</v></c>',
        "C3": '<c r="C3" t="str"><f>"030 23125"&amp;"003"</f><v>030 23125003</v></c>',
        "C4": '<c r="C4"><f>"030 23125"&amp;"004"</f><v /></c>',
        "D5": '<c r="D5"><f>DATEDIF(A1,TODAY(),"y")</f></c>',
        "C6": '<c r="C6" t="e"><f>1/0</f><v>#DIV/0!</v></c>',
    }
    data = xlsx_bytes(rows, raw_cells=raw, text_cells=["A2"])
    res = mf.read(data)
    by_row = {r.row: r for r in res.records}
    assert sorted(by_row) == [2, 3, 5, 7]
    assert by_row[2].first_name == "=cmd|' /C calc'!A0"
    assert (by_row[3].last_name, by_row[3].phone) == ("AUSGEDACHT", "+493023125003")
    assert (by_row[7].first_name, by_row[7].last_name) == ("+Fe", "@Plus")
    assert [(i.row, i.code) for i in res.refused_rows] == [
        (4, RowCode.FORMULA_NO_CACHED_VALUE),
        (6, RowCode.CELL_ERROR),
    ]
    assert "Alter" in res.dropped_columns


def test_too_many_columns() -> None:
    header = ["Vorname", "Telefon"] + [f"Feld {i}" for i in range(mf.MAX_COLUMNS)]
    assert _code(csv_bytes([], header=header)) is ErrorCode.TOO_MANY_COLUMNS
    row = ["Vorname", "Telefon", "Status"] + [None] * 300 + ["x"]
    assert _code(xlsx_bytes([row])) is ErrorCode.TOO_MANY_COLUMNS


def test_too_many_rows_is_all_or_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mf.limits, "MAX_ROWS", 50)
    rows = [member_row(i) for i in range(60)]
    assert _code(csv_bytes(rows)) is ErrorCode.TOO_MANY_ROWS
    assert _code(xlsx_bytes([HEADER, *rows])) is ErrorCode.TOO_MANY_ROWS
    assert mf.read(csv_bytes(rows[:40])).imported == 40


def test_sparse_xlsx_row_far_below_is_too_many_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    # One row numbered 5000: the rows in between count (they are what the user sees), so the limit applies.
    monkeypatch.setattr(mf.limits, "MAX_ROWS", 1000)
    data = xlsx_bytes([["Vorname", "Telefon", "Status"], ["Ada", BERLIN.format(1), "Mitglied"]])
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(buf, "w") as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename.endswith("sheet1.xml"):
                for old, new in (
                    (b'<row r="2"', b'<row r="5000"'),
                    (b'r="A2"', b'r="A5000"'),
                    (b'r="B2"', b'r="B5000"'),
                    (b'r="C2"', b'r="C5000"'),
                ):
                    content = content.replace(old, new)
            dst.writestr(info, content)
    assert _code(buf.getvalue()) is ErrorCode.TOO_MANY_ROWS
    monkeypatch.setattr(mf.limits, "MAX_ROWS", 10_000)
    assert [r.row for r in mf.read(buf.getvalue()).records] == [5000]


def test_file_too_large(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    data = csv_bytes([member_row(i) for i in range(20)])
    monkeypatch.setattr(mf.limits, "MAX_FILE_BYTES", 500)
    assert _code(data) is ErrorCode.FILE_TOO_LARGE
    p = tmp_path / "gross.csv"
    p.write_bytes(data)
    assert _code(p) is ErrorCode.FILE_TOO_LARGE


def test_unreadable_path(tmp_path: Path) -> None:
    assert _code(tmp_path / "fehlt.csv") is ErrorCode.FILE_UNREADABLE
    assert _code(tmp_path) is ErrorCode.FILE_UNREADABLE


def test_huge_field_is_malformed_csv() -> None:
    text = "Vorname;Telefon;Status\r\n" + '"' + "a" * 200_000 + f'";{BERLIN.format(1)};Mitglied\r\n'
    with pytest.raises(mf.MemberFileError) as ei:
        mf.read(text.encode())
    assert ei.value.code is ErrorCode.CSV_MALFORMED and ei.value.row == 2


def test_header_only() -> None:
    assert _code(csv_bytes([])) is ErrorCode.NO_DATA_ROWS


def test_wrong_encoding_guess_is_still_readable_text() -> None:
    # UTF-8 that was mangled once already (mojibake) is valid UTF-8: it is read as such, not refused.
    text = "Vorname;Telefon;Status\r\nJÃ¼rgen;030 23125 001;Mitglied\r\n"
    res = mf.read(text.encode("utf-8"))
    assert res.encoding == "utf-8" and res.records[0].first_name == "JÃ¼rgen"


def _bench():
    spec = importlib.util.spec_from_file_location("import_bench", ROOT / "bench" / "import_bench.py")
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    return mod


def test_100k_rows(tmp_path: Path) -> None:
    bench = _bench()
    path = tmp_path / "gross.csv"
    stats = bench.generate(path, 100_000)
    res = mf.read(path, allowed_categories=("member", "former_member", "regular_contact"))
    assert res.total_rows == 100_000
    assert res.total_rows == res.imported + len(res.refused_rows) + len(res.duplicates)
    assert res.imported > 97_000
    assert len(res.invalid_rows) >= stats["invalid"]
    assert res.dropped_columns == (
        "Mitgliedsnummer",
        "Anrede",
        "Straße",
        "Hausnummer",
        "E-Mail",
        "Geburtsdatum",
        "Eintrittsdatum",
        "IBAN",
    )
    assert all(r.phone.startswith("+49") for r in res.records)
    # No time limit here (house rule: no timed assertions); bench/import_bench.py measures it.
