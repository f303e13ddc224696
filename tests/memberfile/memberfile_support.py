"""Synthetic membership exports for the memberfile tests. All names are invented; numbers are from the
Bundesnetzagentur's fiction ranges (030 23125 000–999, 069 90009 …, 040 66969 …, 0221 4710 …, 089 99998 …)."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Mapping, Sequence
from typing import Any

import openpyxl

BERLIN = "030 23125 {:03d}"
FRANKFURT = "069 90009 {:03d}"
HAMBURG = "040 66969 {:03d}"
KOELN = "0221 4710 {:03d}"
MUENCHEN = "089 99998 {:03d}"


def e164(template: str, n: int) -> str:
    digits = template.format(n).replace(" ", "")
    return "+49" + digits[1:]


HEADER = [
    "Mitgliedsnummer",
    "Vorname",
    "Nachname",
    "Straße",
    "PLZ",
    "Ort",
    "Telefon",
    "Mobil",
    "E-Mail",
    "Geburtsdatum",
    "IBAN",
    "Status",
]


def member_row(
    i: int,
    *,
    first: str | None = None,
    last: str | None = None,
    phone: str | None = None,
    mobile: str = "",
    status: str = "Mitglied",
    postcode: str = "10115",
    town: str = "Musterstadt",
) -> list[str]:
    return [
        f"M-{70000 + i}",
        first if first is not None else f"Vorna{i}",
        last if last is not None else f"Nachfikt{i}",
        f"Erfundene Straße {i}",
        postcode,
        town,
        phone if phone is not None else BERLIN.format(i),
        mobile,
        f"person{i}@example.org",
        "01.02.1961",
        f"DE00 1234 5678 {i:010d}",
        status,
    ]


def csv_text(
    rows: Sequence[Sequence[Any]], delimiter: str = ";", header: Sequence[str] | None = HEADER
) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    if header is not None:
        w.writerow(header)
    for r in rows:
        w.writerow(r)
    return buf.getvalue()


def csv_bytes(
    rows: Sequence[Sequence[Any]],
    *,
    delimiter: str = ";",
    encoding: str = "utf-8",
    header: Sequence[str] | None = HEADER,
) -> bytes:
    return csv_text(rows, delimiter, header).encode(encoding)


def xlsx_bytes(
    rows: Sequence[Sequence[Any]],
    *,
    raw_cells: Mapping[str, str] | None = None,
    text_cells: Sequence[str] = (),
) -> bytes:
    """An XLSX written by openpyxl. ``raw_cells`` replaces whole <c> elements (coordinate → XML) so a test
    can have formulas with or without a cached result; ``text_cells`` forces cells to be strings even if they
    start with "=" (openpyxl would otherwise write a formula)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Mitglieder"
    for r in rows:
        ws.append(list(r))
    for coord in text_cells:
        ws[coord].data_type = "s"
    for coord in raw_cells or {}:
        ws[coord] = f"PLACEHOLDER-{coord}"
    buf = io.BytesIO()
    wb.save(buf)
    if not raw_cells:
        return buf.getvalue()
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                xml = data.decode()
                for coord, element in raw_cells.items():
                    xml, n = re.subn(rf'<c r="{coord}"[^>]*>.*?</c>', element, xml, count=1)
                    assert n == 1, coord
                data = xml.encode()
            dst.writestr(info, data)
    return out.getvalue()
