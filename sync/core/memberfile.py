"""Reader for a local office's membership export (CSV or XLSX) → minimised contact records.

Used by the desktop import wizard / CLI ("Liste einlesen", screens.md §4) and by the central office's
``members import``. Pure: bytes or a path in, a structured result out. No Qt, no desktop imports, no database.

Two steps, so the lead can confirm before anything is imported (DP-4):

``plan(source, purpose=...)``
    Decodes the file, finds the header row, maps the columns and says which columns will NOT be taken
    over (``dropped_columns``, by header name) and whether the file lacks a category column.
``read(source, purpose=..., allowed_categories=..., assume_category=...)``
    Does the whole import in memory and returns an :class:`ImportResult`, or raises
    :class:`MemberFileError` (with a stable ``code``) and returns nothing at all — never a partial result
    (R14).

Rules, in the words of data-protection.md:

* **DP-4 minimisation** — only the fields of the purpose (``sync.core.purposes``) are kept; every other column
  (birth date, IBAN, e-mail, street, member number, …) is dropped and listed. A column that maps to a field
  the purpose does not allow (e.g. last name for ``keep-in-touch``) is dropped too.
* **DP-2 category guard** — every record carries a category. Rows whose category is not in
  ``allowed_categories`` are refused and listed. A file without a category column is refused as a whole
  (``missing_category_column``) unless the caller passes ``assume_category`` — the lead confirms "everybody in
  this file is a member"; we never silently guess. A *blank* category cell in a file that has a category
  column is refused for that row (``category_missing``); ``assume_category`` does not fill blanks.
  "Other with consent" needs a consent date (column "Einwilligung (Datum)"); without one the row is refused.
* Phone numbers are normalised to E.164 with ``phonenumbers`` (default region DE). At most two numbers:
  ``phone`` and ``phone2``. The first valid of (Telefon, Mobil) becomes ``phone`` — if only the mobile number
  is there or valid, it becomes ``phone``. A row without any valid number is refused; an invalid number next
  to a valid one is noted in ``invalid_rows`` and the row is kept.
* Duplicates (same E.164 number, or same normalised full name + postcode when the purpose keeps both names
  and the postcode) are merged into the first occurrence and listed.
* Row numbers are the numbers the user sees in the spreadsheet: the header is row 1 in a plain file, data
  starts at row 2; blank lines and title lines above the header count as rows.

No personal data appears in messages, issues or ``to_json()``: row numbers, column headers and codes only.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
import unicodedata
import warnings
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import partial
from io import BytesIO
from typing import Any, NamedTuple

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType

from .purposes import CATEGORIES, DEFAULT_CATEGORIES, DEFAULT_PURPOSE, Field, Purpose, get_purpose

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_ROWS",
    "MAX_COLUMNS",
    "MAX_XLSX_UNCOMPRESSED_BYTES",
    "MAX_VALUE_CHARS",
    "ErrorCode",
    "RowCode",
    "DropReason",
    "Role",
    "MemberFileError",
    "ImportCancelled",
    "MappedColumn",
    "ColumnMapping",
    "DroppedColumn",
    "RowIssue",
    "Duplicate",
    "MemberRecord",
    "ImportPlan",
    "ImportResult",
    "plan",
    "read",
]

# ---------------------------------------------------------------------------------------- limits

MAX_FILE_BYTES = 50 * 1024 * 1024
"""Largest input file (CSV or XLSX as stored)."""
MAX_ROWS = 500_000
"""Most spreadsheet rows (header and blank rows included)."""
MAX_COLUMNS = 200
"""Most columns in the header row."""
MAX_XLSX_UNCOMPRESSED_BYTES = 256 * 1024 * 1024
"""Sum of the declared uncompressed sizes of an XLSX's parts (zip-bomb guard)."""
MAX_VALUE_CHARS = 200
"""Longest value of a kept field (names, locality, …); longer → the row is refused."""
HEADER_SEARCH_ROWS = 10
"""The header is looked for in the first this-many non-blank rows (title lines above it are skipped)."""
_PROGRESS_EVERY = 2000
_CANCEL_EVERY = 1000


# ---------------------------------------------------------------------------------------- codes


class ErrorCode(StrEnum):
    """Why a whole file is refused. Stable; the GUI translates them."""

    EMPTY_FILE = "empty_file"
    FILE_TOO_LARGE = "file_too_large"
    FILE_UNREADABLE = "file_unreadable"
    NOT_TEXT = "not_text"
    UNDECODABLE = "undecodable"
    XLS_UNSUPPORTED = "xls_unsupported"
    NOT_XLSX = "not_xlsx"
    XLSX_INVALID = "xlsx_invalid"
    XLSX_TOO_LARGE = "xlsx_too_large"
    CSV_MALFORMED = "csv_malformed"
    NO_HEADER = "no_header"
    NO_NAME_COLUMN = "no_name_column"
    NO_PHONE_COLUMN = "no_phone_column"
    MISSING_CATEGORY_COLUMN = "missing_category_column"
    NO_DATA_ROWS = "no_data_rows"
    TOO_MANY_ROWS = "too_many_rows"
    TOO_MANY_COLUMNS = "too_many_columns"
    INVALID_OPTION = "invalid_option"
    CANCELLED = "cancelled"


_ERROR_TEXT: dict[ErrorCode, str] = {
    ErrorCode.EMPTY_FILE: "The file is empty.",
    ErrorCode.FILE_TOO_LARGE: f"The file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB.",
    ErrorCode.FILE_UNREADABLE: "The file could not be opened.",
    ErrorCode.NOT_TEXT: "The file is not a CSV text file (it contains binary data).",
    ErrorCode.UNDECODABLE: "The file's text encoding could not be read.",
    ErrorCode.XLS_UNSUPPORTED: "Old Excel files (.xls) are not supported; save the list as .xlsx or CSV.",
    ErrorCode.NOT_XLSX: "The file is named .xlsx but is not an Excel workbook.",
    ErrorCode.XLSX_INVALID: "The Excel workbook is damaged or not a workbook.",
    ErrorCode.XLSX_TOO_LARGE: "The Excel workbook unpacks to more data than allowed.",
    ErrorCode.CSV_MALFORMED: "The CSV file is malformed.",
    ErrorCode.NO_HEADER: "The file has no header row with column names.",
    ErrorCode.NO_NAME_COLUMN: "No name column was found that the purpose allows.",
    ErrorCode.NO_PHONE_COLUMN: "No phone number column was found.",
    ErrorCode.MISSING_CATEGORY_COLUMN: (
        "The file has no category column (member, former member, …); confirm the category of everybody in it."
    ),
    ErrorCode.NO_DATA_ROWS: "The file has a header but no data rows.",
    ErrorCode.TOO_MANY_ROWS: f"The file has more than {MAX_ROWS} rows.",
    ErrorCode.TOO_MANY_COLUMNS: f"The file has more than {MAX_COLUMNS} columns.",
    ErrorCode.INVALID_OPTION: "Invalid import option.",
    ErrorCode.CANCELLED: "The import was cancelled.",
}


class RowCode(StrEnum):
    """Why a row (or one value of it) was not taken over. Stable; the GUI translates them."""

    # a single number (invalid_rows); the row may still be imported with its other number
    PHONE_UNPARSEABLE = "phone_unparseable"
    PHONE_INVALID = "phone_invalid"
    PHONE_PREMIUM_RATE = "phone_premium_rate"
    PHONE_SCIENTIFIC_NOTATION = "phone_scientific_notation"
    # a whole row (refused_rows)
    NO_VALID_PHONE = "no_valid_phone"
    NO_NAME = "no_name"
    CATEGORY_MISSING = "category_missing"
    CATEGORY_UNKNOWN = "category_unknown"
    CATEGORY_NOT_ALLOWED = "category_not_allowed"
    CONSENT_DATE_MISSING = "consent_date_missing"
    CONSENT_DATE_INVALID = "consent_date_invalid"
    ROW_TOO_LONG = "row_too_long"
    VALUE_TOO_LONG = "value_too_long"
    FORMULA_NO_CACHED_VALUE = "formula_no_cached_value"
    CELL_ERROR = "cell_error"
    # duplicates
    SAME_PHONE = "same_phone"
    SAME_NAME_POSTCODE = "same_name_postcode"


_ROW_TEXT: dict[RowCode, str] = {
    RowCode.PHONE_UNPARSEABLE: "Not a phone number.",
    RowCode.PHONE_INVALID: "Phone number is not valid (wrong length or unknown area code).",
    RowCode.PHONE_PREMIUM_RATE: "Premium-rate number; not called.",
    RowCode.PHONE_SCIENTIFIC_NOTATION: (
        "Number was mangled by a spreadsheet (scientific notation, digits lost)."
    ),
    RowCode.NO_VALID_PHONE: "No valid phone number.",
    RowCode.NO_NAME: "No name.",
    RowCode.CATEGORY_MISSING: "Category is empty.",
    RowCode.CATEGORY_UNKNOWN: "Category not recognised.",
    RowCode.CATEGORY_NOT_ALLOWED: "Category is not allowed for this campaign.",
    RowCode.CONSENT_DATE_MISSING: "Other person without a consent date.",
    RowCode.CONSENT_DATE_INVALID: "Consent date is not a valid past date.",
    RowCode.ROW_TOO_LONG: "Row has more values than the header has columns.",
    RowCode.VALUE_TOO_LONG: f"A value is longer than {MAX_VALUE_CHARS} characters.",
    RowCode.FORMULA_NO_CACHED_VALUE: "Formula without a stored result (open and save the file in Excel).",
    RowCode.CELL_ERROR: "Cell contains a spreadsheet error value.",
    RowCode.SAME_PHONE: "Same phone number as an earlier row.",
    RowCode.SAME_NAME_POSTCODE: "Same name and postcode as an earlier row.",
}


class DropReason(StrEnum):
    NOT_A_CONTACT_FIELD = "not_a_contact_field"
    """Not one of the fields a contact may carry (birth date, IBAN, e-mail, street, member number, …)."""
    NOT_IN_PURPOSE = "not_in_purpose"
    """A contact field, but the campaign's purpose does not allow it (e.g. last name for keep-in-touch)."""
    DUPLICATE_COLUMN = "duplicate_column"
    """A second column for a field that another column already fills."""


class Role(StrEnum):
    """Column targets that are not contact fields but drive the category guard (DP-2)."""

    CATEGORY = "category"
    CONSENT_DATE = "consent_date"


Target = Field | Role


# ---------------------------------------------------------------------------------------- errors


class MemberFileError(Exception):
    """The whole file is refused. ``code`` is stable; ``message`` is short English; ``row`` if known."""

    def __init__(self, code: ErrorCode, detail: str = "", *, row: int | None = None) -> None:
        self.code = code
        self.message = _ERROR_TEXT[code]
        self.detail = detail
        self.row = row
        text = f"{code.value}: {self.message}"
        if row is not None:
            text += f" (row {row})"
        if detail:
            text += f" [{detail}]"
        super().__init__(text)

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code.value, "message": self.message, "detail": self.detail, "row": self.row}


class ImportCancelled(MemberFileError):
    def __init__(self) -> None:
        super().__init__(ErrorCode.CANCELLED)


# ---------------------------------------------------------------------------------------- results


class RowIssue(NamedTuple):
    row: int
    code: RowCode
    text: str
    column: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"row": self.row, "code": self.code.value, "text": self.text, "column": self.column}


class Duplicate(NamedTuple):
    row: int
    merged_into_row: int
    code: RowCode

    def to_json(self) -> dict[str, Any]:
        return {"row": self.row, "merged_into_row": self.merged_into_row, "code": self.code.value}


@dataclass(frozen=True, slots=True)
class MappedColumn:
    index: int
    """0-based position in the file."""
    header: str
    target: Target | None
    """What the column means (detected or overridden), whether or not the purpose keeps it."""
    kept: bool
    drop_reason: DropReason | None
    overridden: bool
    label: str
    """How the column is named to the user and in ``dropped_columns``: the header; "#n" (1-based position)
    for a column without a header; "header #n" for the second and later columns with the same header."""


@dataclass(frozen=True, slots=True)
class DroppedColumn:
    index: int
    header: str
    reason: DropReason
    target: Target | None
    label: str

    def to_json(self) -> dict[str, Any]:
        return {
            "column": self.label,
            "index": self.index,
            "reason": self.reason.value,
            "target": self.target.value if self.target is not None else None,
        }


@dataclass(frozen=True, slots=True)
class ColumnMapping:
    columns: tuple[MappedColumn, ...]

    def as_dict(self) -> dict[str, Target | None]:
        """Source column (header, or "#n") → target (or None). Dropped columns keep their detected target."""
        return {c.label: c.target for c in self.columns}

    def kept(self) -> dict[Target, MappedColumn]:
        return {c.target: c for c in self.columns if c.kept and c.target is not None}

    def column_for(self, target: Target) -> MappedColumn | None:
        return self.kept().get(target)

    @property
    def dropped(self) -> tuple[DroppedColumn, ...]:
        return tuple(
            DroppedColumn(c.index, c.header, c.drop_reason, c.target, c.label)
            for c in self.columns
            if not c.kept and c.drop_reason is not None
        )


@dataclass(frozen=True, slots=True)
class MemberRecord:
    """One contact. Fields the purpose does not allow are always None."""

    row: int
    """Spreadsheet row it came from (the first one, if duplicates were merged into it)."""
    category: str
    phone: str
    phone2: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    locality: str | None = None
    district: str | None = None
    postcode: str | None = None
    consent_date: str | None = None
    """ISO date; only for category "consent" (DP-2: other with consent + date)."""

    def fields(self) -> dict[Field, str]:
        """The contact fields that are set (all of them allowed by the purpose)."""
        out: dict[Field, str] = {}
        for f in Field:
            v = getattr(self, f.value)
            if v is not None:
                out[f] = v
        return out

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"row": self.row, "category": self.category}
        d.update({f.value: v for f, v in self.fields().items()})
        if self.consent_date is not None:
            d["consent_date"] = self.consent_date
        return d


@dataclass(frozen=True)
class ImportPlan:
    """What ``read()`` will do, for the lead to confirm (mapping, dropped columns, missing category)."""

    format: str
    """"csv" or "xlsx"."""
    encoding: str | None
    delimiter: str | None
    sheet: str | None
    header_row: int
    purpose: str
    mapping: ColumnMapping
    dropped: tuple[DroppedColumn, ...]
    has_category_column: bool
    needs_category_assumption: bool
    """True when there is no category column and no ``assume_category`` was given: ``read()`` would refuse."""
    row_estimate: int
    """Approximate number of rows after the header (CSV: line count; XLSX: the sheet's declared size)."""

    @property
    def dropped_columns(self) -> tuple[str, ...]:
        return tuple(d.label for d in self.dropped)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "encoding": self.encoding,
            "delimiter": self.delimiter,
            "sheet": self.sheet,
            "header_row": self.header_row,
            "purpose": self.purpose,
            "mapping": {k: (v.value if v is not None else None) for k, v in self.mapping.as_dict().items()},
            "dropped_columns": list(self.dropped_columns),
            "dropped_column_details": [d.to_json() for d in self.dropped],
            "has_category_column": self.has_category_column,
            "needs_category_assumption": self.needs_category_assumption,
            "row_estimate": self.row_estimate,
        }


@dataclass(frozen=True)
class ImportResult:
    records: tuple[MemberRecord, ...]
    plan: ImportPlan
    invalid_rows: tuple[RowIssue, ...]
    """Invalid phone numbers, one entry per bad value (the row may still be imported with its other
    number)."""
    duplicates: tuple[Duplicate, ...]
    refused_rows: tuple[RowIssue, ...]
    """Rows not imported at all, one entry per row."""
    total_rows: int
    """Non-blank data rows after the header. Always == imported + len(refused_rows) + len(duplicates)."""
    blank_rows: int
    assumed_category: str | None

    @property
    def imported(self) -> int:
        return len(self.records)

    @property
    def mapping(self) -> ColumnMapping:
        return self.plan.mapping

    @property
    def dropped_columns(self) -> tuple[str, ...]:
        return self.plan.dropped_columns

    @property
    def encoding(self) -> str | None:
        return self.plan.encoding

    @property
    def delimiter(self) -> str | None:
        return self.plan.delimiter

    @property
    def format(self) -> str:
        return self.plan.format

    def to_json(self) -> dict[str, Any]:
        """A JSON-serialisable summary without personal data: counts as ints plus the details."""
        return {
            "format": self.plan.format,
            "encoding": self.plan.encoding,
            "delimiter": self.plan.delimiter,
            "sheet": self.plan.sheet,
            "header_row": self.plan.header_row,
            "purpose": self.plan.purpose,
            "assumed_category": self.assumed_category,
            "total_rows": self.total_rows,
            "blank_rows": self.blank_rows,
            "imported": self.imported,
            "invalid_rows": len(self.invalid_rows),
            "duplicates": len(self.duplicates),
            "refused_rows": len(self.refused_rows),
            "dropped_columns": list(self.dropped_columns),
            "dropped_columns_count": len(self.plan.dropped),
            "categories": _count(r.category for r in self.records),
            "details": {
                "dropped_columns": [d.to_json() for d in self.plan.dropped],
                "invalid_rows": [i.to_json() for i in self.invalid_rows],
                "duplicates": [d.to_json() for d in self.duplicates],
                "refused_rows": [i.to_json() for i in self.refused_rows],
            },
        }


def _count(items: Iterable[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for i in items:
        out[i] = out.get(i, 0) + 1
    return out


# ---------------------------------------------------------------------------------------- text helpers

_FOLD_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_FOLD_UMLAUTS_PLAIN = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
# C0 controls except \t \n \r and the vertical tab / form feed (some tools write \x0b for a line break in a
# cell), DEL, C1 controls, and stray BOMs / zero-width characters.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufeff\u200b\u2028\u2029]")
_SOFT_BREAK = re.compile("[\x0b\x0c]")


def _norm(text: str, table: dict[int, str] = _FOLD_UMLAUTS) -> str:
    """Case-, whitespace-, punctuation- and umlaut-insensitive key: "Tel. (privat)" → "tel privat"."""
    s = unicodedata.normalize("NFC", text).casefold().translate(table)
    s = "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))
    return " ".join(_NON_ALNUM.sub(" ", s).split())


def _keys(alias: str) -> set[str]:
    """Lookup keys of an alias: umlauts as "ae" and as "a", without spaces ("Mitglieds-Status")."""
    return {_norm(alias).replace(" ", ""), _norm(alias, _FOLD_UMLAUTS_PLAIN).replace(" ", "")}


# ---------------------------------------------------------------------------------------- header aliases


def _split(*parts: str) -> tuple[str, ...]:
    return tuple(a.strip() for part in parts for a in part.split("|") if a.strip())


# Tier 1: specific names. Tier 2: generic names that only count when nothing specific claimed the target.
_ALIASES_T1: dict[Target, tuple[str, ...]] = {
    Field.FIRST_NAME: _split("Vorname|Vornamen|Rufname|First name|Firstname|Given name|Forename"),
    Field.LAST_NAME: _split("Nachname|Familienname|Zuname|Last name|Lastname|Surname|Family name"),
    Field.PHONE: _split(
        "Telefon|Telefonnummer|Tel|Tel.|Tel.-Nr.|Telefon-Nr.|Telefon privat|Tel. privat|Festnetz",
        "Festnetznummer|Telefon (Festnetz)|Rufnummer|Phone|Telephone|Phone number|Telephone number",
        "Landline|Home phone",
    ),
    Field.PHONE2: _split(
        "Mobil|Mobilnummer|Handy|Handynummer|Mobiltelefon|Mobilfunk|Mobilfunknummer|Mobil privat",
        "Handy privat|Telefon mobil|Telefon (mobil)|Mobile|Mobile phone|Mobile number|Cell|Cellphone",
        "Cell phone",
    ),
    Field.POSTCODE: _split("PLZ|Postleitzahl|Zip|Zip code|Zipcode|Postcode|Postal code|Post code"),
    Field.LOCALITY: _split("Ort|Wohnort|Stadt|Gemeinde|City|Town|Locality"),
    Field.DISTRICT: _split(
        "Ortsteil|Stadtteil|Bezirk|Stadtbezirk|District|Neighbourhood|Neighborhood|Borough"
    ),
    Role.CATEGORY: _split(
        "Kategorie|Mitgliedsstatus|Mitgliederstatus|Mitgliedschaft|Mitgliedsart|Personengruppe",
        "Art der Mitgliedschaft|Category|Membership status|Member status|Membership",
    ),
    Role.CONSENT_DATE: _split(
        "Einwilligung|Einwilligung am|Einwilligung vom|Einwilligung (Datum)|Einwilligungsdatum",
        "Datum Einwilligung|Datum der Einwilligung|Einwilligung Datum|Consent|Consent date|Date of consent",
        "Consent given",
    ),
}
_ALIASES_T2: dict[Target, tuple[str, ...]] = {
    Field.LAST_NAME: ("Name",),
    Role.CATEGORY: _split("Status|Gruppe|Type"),
}
# Tier 3: headers that start with these words ("Telefon dienstlich", "Handy 2").
_PREFIX_T3: dict[str, Field] = {
    **dict.fromkeys(_split("telefon|tel|festnetz|phone|telephone|rufnummer|telefonnummer"), Field.PHONE),
    **dict.fromkeys(_split("mobil|handy|mobiltelefon|mobile|mobilnummer|handynummer|cell"), Field.PHONE2),
}


def _alias_index(table: Mapping[Target, tuple[str, ...]]) -> dict[str, Target]:
    out: dict[str, Target] = {}
    for target, aliases in table.items():
        for a in aliases:
            for k in _keys(a):
                out[k] = target
    return out


_T1 = _alias_index(_ALIASES_T1)
_T2 = _alias_index(_ALIASES_T2)
_PHONE_FIELDS = (Field.PHONE, Field.PHONE2)
_NAME_FIELDS = (Field.FIRST_NAME, Field.LAST_NAME)

# ---------------------------------------------------------------------------------------- categories

_CATEGORY_ALIASES: dict[str, tuple[str, ...]] = {
    "member": _split("Mitglied|Mitglieder|Aktives Mitglied|Vollmitglied|Member"),
    "former_member": _split(
        "ehemaliges Mitglied|ehemalig|ehemalige|Ex-Mitglied|Exmitglied|früheres Mitglied|ausgetreten",
        "Former member|Former|Ex-member",
    ),
    "regular_contact": _split(
        "Sympathisant*in|Sympathisant:in|Sympathisant_in|SympathisantIn|Sympathisant|Sympathisantin",
        "Sympathisanten|Sympathisierende|regelmäßiger Kontakt|regelmäßige Kontakte|Regular contact",
    ),
    # "Other with consent": accepted only with a consent date (DP-2, Art. 9(2)(a)).
    "consent": _split(
        "Einwilligung|mit Einwilligung|Sonstige mit Einwilligung|Sonstige Person mit Einwilligung|Sonstige",
        "Sonstiges|Andere|Interessent*in|Interessent|Interessentin|Interessent:in|Other|Other with consent",
        "Consent",
    ),
}
_CATEGORY_INDEX: dict[str, str] = {
    k: cat for cat, al in _CATEGORY_ALIASES.items() for a in (*al, cat) for k in _keys(a)
}
_ASSUMABLE = ("member", "former_member", "regular_contact")


# ---------------------------------------------------------------------------------------- phone numbers

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


# ---------------------------------------------------------------------------------------- input


def _load_bytes(source: Any, filename: str | None) -> tuple[bytes, str]:
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        name = filename or ""
    elif isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        name = filename or os.path.basename(path)
        try:
            size = os.stat(path).st_size
            if size > MAX_FILE_BYTES:
                raise MemberFileError(ErrorCode.FILE_TOO_LARGE, f"{size} bytes")
            with open(path, "rb") as fh:
                data = fh.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            raise MemberFileError(ErrorCode.FILE_UNREADABLE, type(exc).__name__) from None
    elif hasattr(source, "read"):
        data = source.read(MAX_FILE_BYTES + 1)
        if not isinstance(data, bytes):
            raise MemberFileError(ErrorCode.INVALID_OPTION, "file object must be opened in binary mode")
        name = filename or os.path.basename(str(getattr(source, "name", "")))
    else:
        raise MemberFileError(ErrorCode.INVALID_OPTION, f"unsupported source type {type(source).__name__}")
    if len(data) > MAX_FILE_BYTES:
        raise MemberFileError(ErrorCode.FILE_TOO_LARGE, f"{len(data)} bytes")
    if not data.strip(b" \t\r\n\x00"):
        raise MemberFileError(ErrorCode.EMPTY_FILE)
    return data, name


_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def _decode(data: bytes) -> tuple[str, str]:
    """BOM → strict UTF-8 → cp1252 → latin-1. Binary data (NUL bytes, many control characters) is refused."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                raise MemberFileError(
                    ErrorCode.UNDECODABLE, f"{enc} byte order mark but invalid {enc}"
                ) from None
            if text.startswith("\ufeff"):
                text = text[1:]
            encoding = {"utf-8-sig": "utf-8-sig", "utf-16": "utf-16", "utf-32": "utf-32"}[enc]
            break
    else:
        if b"\x00" in data:
            raise MemberFileError(
                ErrorCode.NOT_TEXT, "NUL bytes (binary file, or UTF-16 without byte order mark)"
            )
        for enc in ("utf-8", "cp1252", "latin-1"):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            encoding = enc
            break
        else:  # pragma: no cover - latin-1 decodes everything
            raise MemberFileError(ErrorCode.UNDECODABLE)
    if "\x00" in text:
        raise MemberFileError(ErrorCode.NOT_TEXT, "NUL characters")
    # Garbage renamed .csv decodes as latin-1 with lots of control characters; a real list has (nearly) none.
    head = text[: 1 << 20]
    ctrl = sum(1 for _ in _CONTROL.finditer(head))
    if ctrl > max(8, len(head) // 100):
        raise MemberFileError(ErrorCode.NOT_TEXT, f"{ctrl} control characters")
    if not text.strip():
        raise MemberFileError(ErrorCode.EMPTY_FILE)
    if ctrl or _CONTROL.search(text, len(head)):
        text = _CONTROL.sub("", text)
    if _SOFT_BREAK.search(text):
        text = _SOFT_BREAK.sub(" ", text)
    if "\n" not in text and "\r" in text:  # classic Mac line ends
        text = text.replace("\r", "\n")
    return text, encoding


def _lines(text: str) -> Iterator[str]:
    start, n = 0, len(text)
    find = text.find
    while start < n:
        end = find("\n", start)
        if end < 0:
            yield text[start:]
            return
        yield text[start : end + 1]
        start = end + 1


_DELIMITERS = (";", ",", "\t", "|")


def _sniff_delimiter(text: str) -> str:
    sample = text[: 1 << 16]
    if len(text) > len(sample) and "\n" in sample:
        sample = sample[: sample.rfind("\n") + 1]
    best: tuple[float, int, int] | None = None
    best_delim = ","
    for prio, delim in enumerate(_DELIMITERS):
        widths: list[int] = []
        try:
            for row in csv.reader(_lines(sample), delimiter=delim):
                if any(c.strip() for c in row):
                    widths.append(len(row))
                if len(widths) >= 50:
                    break
        except csv.Error:
            continue
        if not widths:
            continue
        mode = max(set(widths), key=lambda w: (widths.count(w), w))
        if mode < 2:
            continue
        score = (widths.count(mode) / len(widths), mode, -prio)
        if best is None or score > best:
            best, best_delim = score, delim
    return best_delim


class _Bad:
    """A cell that cannot be used (XLSX formula without cached value, or an error value like #DIV/0!)."""

    __slots__ = ("code",)

    def __init__(self, code: RowCode) -> None:
        self.code = code


_NO_CACHE = _Bad(RowCode.FORMULA_NO_CACHED_VALUE)
_CELL_ERROR = _Bad(RowCode.CELL_ERROR)
_OVERFLOW = "\x00overflow"  # stands for "non-empty cells beyond MAX_COLUMNS" in an XLSX row


@dataclass
class _Table:
    format: str
    encoding: str | None
    delimiter: str | None
    sheet: str | None
    rows: Iterator[tuple[int, list[Any]]]
    estimate: int
    all_text: bool
    """Every cell is a str (CSV): the row loop can take shortcuts."""


def _open_csv(data: bytes) -> _Table:
    text, encoding = _decode(data)
    delim = _sniff_delimiter(text)
    estimate = text.count("\n") + 1

    def rows() -> Iterator[tuple[int, list[Any]]]:
        reader = csv.reader(_lines(text), delimiter=delim)
        n = 0
        try:
            for n, row in enumerate(reader, 1):
                if n > MAX_ROWS:
                    raise MemberFileError(ErrorCode.TOO_MANY_ROWS)
                yield n, row
        except csv.Error as exc:
            raise MemberFileError(ErrorCode.CSV_MALFORMED, str(exc)[:120], row=n + 1) from None

    return _Table("csv", encoding, delim, None, rows(), estimate, True)


def _open_xlsx(data: bytes) -> _Table:
    try:
        with zipfile.ZipFile(BytesIO(data)) as zf:
            unpacked = sum(i.file_size for i in zf.infolist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise MemberFileError(ErrorCode.XLSX_INVALID, type(exc).__name__) from None
    if unpacked > MAX_XLSX_UNCOMPRESSED_BYTES:
        raise MemberFileError(ErrorCode.XLSX_TOO_LARGE, f"{unpacked} bytes unpacked")
    try:
        import openpyxl
        from openpyxl.utils.cell import coordinate_to_tuple
        from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser
        from openpyxl.xml.constants import SHEET_MAIN_NS

        is_tag = f"{{{SHEET_MAIN_NS}}}is"
        t_tag = f"{{{SHEET_MAIN_NS}}}t"
        run_t_path = f"{{{SHEET_MAIN_NS}}}r/{{{SHEET_MAIN_NS}}}t"

        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", module=r"openpyxl(\..*)?")
            wb = openpyxl.load_workbook(BytesIO(data), read_only=True, data_only=True, keep_links=False)
            sheets = [ws for ws in wb.worksheets if hasattr(ws, "_worksheet_path")]
            if not sheets:
                raise MemberFileError(ErrorCode.XLSX_INVALID, "no worksheet")
            ws = sheets[0]
            estimate = int(ws.max_row or 0)
    except MemberFileError:
        raise
    except Exception as exc:  # a hostile zip can make openpyxl / the XML parser raise nearly anything
        raise MemberFileError(ErrorCode.XLSX_INVALID, type(exc).__name__) from None

    class _Parser(WorkSheetParser):  # type: ignore[misc]
        """data_only=True loses the information that a cell held a formula; keep it. Inline strings (written
        by many export tools) are read directly: openpyxl's rich-text model costs ~50 µs per cell."""

        def parse_cell(self, element: Any) -> dict[str, Any]:
            if element.get("t") == "inlineStr" and element.find(FORMULA_TAG) is None:
                coordinate = element.get("r")
                if coordinate:
                    row, column = coordinate_to_tuple(coordinate)
                    self.col_counter = column
                else:
                    self.col_counter += 1
                    row, column = self.row_counter, self.col_counter
                value = None
                inline = element.find(is_tag)
                if inline is not None:  # plain <t> plus the <t> of rich-text runs; phonetic runs skipped
                    parts = [t.text or "" for t in inline.findall(t_tag)]
                    parts += [t.text or "" for t in inline.findall(run_t_path)]
                    value = "".join(parts)
                return {"row": row, "column": column, "value": value, "data_type": "s", "style_id": 0}
            cell = super().parse_cell(element)
            if cell["value"] is None and element.find(FORMULA_TAG) is not None:
                cell["value"] = _NO_CACHE
            elif cell["data_type"] == "e":
                cell["value"] = _CELL_ERROR
            return cell

    def rows() -> Iterator[tuple[int, list[Any]]]:
        # openpyxl warns about features it drops (extensions, legacy drawings, odd dates). Warnings are
        # silenced around each step only, never across a ``yield``: a catch_warnings block held open by a
        # suspended generator would restore the filters at the wrong moment.
        try:
            src = wb._archive.open(ws._worksheet_path)
            try:
                parser = _Parser(
                    src,
                    ws._shared_strings,
                    data_only=True,
                    epoch=wb.epoch,
                    date_formats=wb._date_formats,
                    timedelta_formats=wb._timedelta_formats,
                )
                it = parser.parse()
                expected = 1
                while True:
                    with warnings.catch_warnings():
                        warnings.simplefilter("ignore")
                        item = next(it, None)
                    if item is None:
                        break
                    idx, cells = item
                    if idx > MAX_ROWS:
                        raise MemberFileError(ErrorCode.TOO_MANY_ROWS)
                    if idx < expected:  # rows out of order or repeated: a damaged sheet
                        raise MemberFileError(ErrorCode.XLSX_INVALID, "rows out of order", row=idx)
                    while expected < idx:
                        yield expected, []
                        expected += 1
                    out: list[Any] = []
                    for c in cells:
                        col = c["column"]
                        v = c["value"]
                        if col > MAX_COLUMNS:
                            if v is not None and v != "":
                                out.extend([None] * (MAX_COLUMNS + 1 - len(out)))
                                out[MAX_COLUMNS] = _OVERFLOW
                            continue
                        if col > len(out):
                            out.extend([None] * (col - len(out)))
                        out[col - 1] = v
                    yield idx, out
                    expected = idx + 1
            finally:
                src.close()
        except MemberFileError:
            raise
        except Exception as exc:
            raise MemberFileError(ErrorCode.XLSX_INVALID, type(exc).__name__) from None
        finally:
            try:
                wb.close()
            except Exception:  # pragma: no cover
                pass

    return _Table("xlsx", None, None, ws.title, rows(), estimate, False)


def _open(data: bytes, name: str) -> _Table:
    lower = name.lower()
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise MemberFileError(ErrorCode.XLS_UNSUPPORTED)
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return _open_xlsx(data)
    if lower.endswith((".xlsx", ".xlsm")):
        raise MemberFileError(ErrorCode.NOT_XLSX, "not a zip archive")
    return _open_csv(data)


# ---------------------------------------------------------------------------------------- cells


def _text(v: Any) -> str:
    """A cell as text (CSV cells are text already). Formula-like text stays text: nothing is evaluated."""
    if v is None:
        return ""
    if isinstance(v, str):
        return v.strip()
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if v.is_integer() and abs(v) < 1e17:
            return str(int(v))
        return repr(v)
    if isinstance(v, dt.datetime):
        return v.date().isoformat() if v.time() == dt.time() else v.isoformat(sep=" ")
    if isinstance(v, (dt.date, dt.time, dt.timedelta)):
        return str(v)
    return str(v).strip()


def _cell_text(cells: Sequence[Any], n: int, i: int) -> str:
    if i < 0 or i >= n:
        return ""
    v = cells[i]
    return v.strip() if isinstance(v, str) else _text(v)


def _is_blank(cells: Sequence[Any]) -> bool:
    for c in cells:
        if c is None:
            continue
        if isinstance(c, str):
            if c.strip():
                return False
        else:
            return False
    return True


_DATA_LIKE = re.compile(r"^\+?[\d ()/.\-]{6,}$|@")


def _looks_like_data(headers: Sequence[str]) -> bool:
    filled = [h for h in headers if h]
    if not filled:
        return True
    if not any(any(ch.isalpha() for ch in h) for h in filled):
        return True
    return any(_DATA_LIKE.search(h) for h in filled)


# ---------------------------------------------------------------------------------------- mapping


def _coerce_target(value: Any) -> Target | None:
    if value is None or isinstance(value, (Field, Role)):
        return value
    if isinstance(value, str):
        for enum in (Field, Role):
            try:
                return enum(value)
            except ValueError:
                pass
    raise MemberFileError(ErrorCode.INVALID_OPTION, f"unknown mapping target {value!r}")


def _auto_target(header: str) -> tuple[int, Target] | None:
    spaced = _norm(header)
    if not spaced:
        return None
    key = spaced.replace(" ", "")
    if key in _T1:
        return 1, _T1[key]
    if key in _T2:
        return 2, _T2[key]
    first = spaced.split(" ", 1)[0]
    if first in _PREFIX_T3:
        return 3, _PREFIX_T3[first]
    return None


def _build_mapping(
    headers: Sequence[str], override: Mapping[str | int, Any] | None, purpose: Purpose
) -> ColumnMapping:
    n = len(headers)
    targets: list[Target | None] = [None] * n
    overridden = [False] * n
    duplicate = [False] * n
    claimed: set[Target] = set()
    if override:
        for key, value in override.items():
            if isinstance(key, int) and not isinstance(key, bool):
                idxs = [key] if 0 <= key < n else []
            elif isinstance(key, str) and re.fullmatch(r"#\d+", key.strip()):
                pos = int(key.strip()[1:]) - 1
                idxs = [pos] if 0 <= pos < n else []
            elif isinstance(key, str):
                idxs = [i for i, h in enumerate(headers) if h == key.strip()]
                if not idxs:
                    idxs = [i for i, h in enumerate(headers) if h and _norm(h) == _norm(key)]
            else:
                idxs = []
            if not idxs:
                raise MemberFileError(ErrorCode.INVALID_OPTION, f"mapping names unknown column {key!r}")
            target = _coerce_target(value)
            for i in idxs[:1]:
                if target is not None and target in claimed:
                    raise MemberFileError(ErrorCode.INVALID_OPTION, f"two columns mapped to {target.value}")
                targets[i], overridden[i] = target, True
                if target is not None:
                    claimed.add(target)
    detected = [None if overridden[i] else _auto_target(h) for i, h in enumerate(headers)]
    for tier in (1, 2, 3):
        for i, d in enumerate(detected):
            if d is None or d[0] != tier:
                continue
            target = d[1]
            if target in claimed and target is Field.PHONE and Field.PHONE2 not in claimed and tier == 3:
                target = Field.PHONE2  # "Telefon privat" + "Telefon dienstlich" → two numbers
            if target in claimed:
                targets[i] = target
                duplicate[i] = True
                continue
            targets[i] = target
            claimed.add(target)
    cols = []
    seen_headers: set[str] = set()
    for i, h in enumerate(headers):
        if not h:
            label = f"#{i + 1}"
        elif h in seen_headers:
            label = f"{h} #{i + 1}"
        else:
            label = h
        seen_headers.add(h)
        t = targets[i]
        if t is None:
            kept, reason = False, DropReason.NOT_A_CONTACT_FIELD
        elif duplicate[i]:
            kept, reason = False, DropReason.DUPLICATE_COLUMN
        elif isinstance(t, Field) and t not in purpose.fields:
            kept, reason = False, DropReason.NOT_IN_PURPOSE
        else:
            kept, reason = True, None
        cols.append(MappedColumn(i, h, t, kept, reason, overridden[i], label))
    return ColumnMapping(tuple(cols))


def _resolve_purpose(purpose: str | Purpose) -> Purpose:
    if isinstance(purpose, Purpose):
        return purpose
    try:
        return get_purpose(purpose)
    except (KeyError, ValueError, TypeError):
        raise MemberFileError(ErrorCode.INVALID_OPTION, f"unknown purpose {purpose!r}") from None


@dataclass
class _Prepared:
    plan: ImportPlan
    rows: Iterator[tuple[int, list[Any]]]
    width: int
    purpose: Purpose
    all_text: bool


def _prepare(
    source: Any,
    purpose: str | Purpose,
    mapping: Mapping[str | int, Any] | None,
    assume_category: str | None,
    filename: str | None,
) -> _Prepared:
    purp = _resolve_purpose(purpose)
    if assume_category is not None and assume_category not in _ASSUMABLE:
        raise MemberFileError(
            ErrorCode.INVALID_OPTION, f"assume_category must be one of {', '.join(_ASSUMABLE)}"
        )
    data, name = _load_bytes(source, filename)
    table = _open(data, name)
    del data
    rows = table.rows
    searched = 0
    chosen: tuple[int, list[str], ColumnMapping] | None = None
    first: tuple[int, list[str]] | None = None
    option_error: MemberFileError | None = None
    for rownum, cells in rows:
        if _is_blank(cells):
            continue
        headers = [_text(c) if not isinstance(c, _Bad) else "" for c in cells]
        while headers and not headers[-1]:
            headers.pop()
        headers = [" ".join(h.split()) for h in headers]
        if len(headers) > MAX_COLUMNS or _OVERFLOW in cells:
            raise MemberFileError(ErrorCode.TOO_MANY_COLUMNS, f"{len(headers)} columns", row=rownum)
        if first is None:
            first = (rownum, headers)
        searched += 1
        try:
            m = _build_mapping(headers, mapping if mapping else None, purp)
        except MemberFileError as exc:  # an override names a column this (title?) row does not have
            option_error = option_error or exc
        else:
            targets = {c.target for c in m.columns if c.drop_reason is not DropReason.DUPLICATE_COLUMN}
            if targets & set(_PHONE_FIELDS) and targets & set(_NAME_FIELDS):
                chosen = (rownum, headers, m)
                break
        if searched >= HEADER_SEARCH_ROWS:
            break
    if first is None:
        raise MemberFileError(ErrorCode.EMPTY_FILE)
    if chosen is None and option_error is not None:
        raise option_error
    if chosen is None:
        rownum, headers = first
        if _looks_like_data(headers) and not mapping:
            raise MemberFileError(ErrorCode.NO_HEADER, row=rownum)
        m = _build_mapping(headers, mapping if mapping else None, purp)
        chosen = (rownum, headers, m)
        # the column checks below name what is missing
    header_row, headers, colmap = chosen
    kept = colmap.kept()
    if not any(f in kept for f in _PHONE_FIELDS):
        raise MemberFileError(ErrorCode.NO_PHONE_COLUMN, row=header_row)
    if not any(f in kept for f in _NAME_FIELDS):
        present = [c.target.value for c in colmap.columns if c.target in _NAME_FIELDS]
        detail = f"name column(s) {', '.join(present)} not allowed by purpose {purp.id}" if present else ""
        raise MemberFileError(ErrorCode.NO_NAME_COLUMN, detail, row=header_row)
    has_cat = Role.CATEGORY in kept
    p = ImportPlan(
        format=table.format,
        encoding=table.encoding,
        delimiter=table.delimiter,
        sheet=table.sheet,
        header_row=header_row,
        purpose=purp.id,
        mapping=colmap,
        dropped=colmap.dropped,
        has_category_column=has_cat,
        needs_category_assumption=not has_cat and assume_category is None,
        row_estimate=max(0, table.estimate - header_row),
    )
    return _Prepared(p, rows, len(headers), purp, table.all_text)


# ---------------------------------------------------------------------------------------- public API


def plan(
    source: Any,
    *,
    purpose: str | Purpose = DEFAULT_PURPOSE,
    mapping: Mapping[str | int, Any] | None = None,
    assume_category: str | None = None,
    filename: str | None = None,
) -> ImportPlan:
    """Read the header only: format, encoding, delimiter, column mapping and the columns that will be dropped.

    ``source``: bytes, a path, or a binary file object. ``filename`` (for bytes) helps tell .xlsx from .csv.
    ``mapping`` overrides the detection: {header or 0-based index: Field / Role / their string value / None}.
    Raises :class:`MemberFileError` for files that cannot be imported at all.
    """
    return _prepare(source, purpose, mapping, assume_category, filename).plan


_DATE_FORMATS = ("%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%Y/%m/%d")


def _consent_date(value: Any, today: dt.date) -> tuple[str | None, RowCode | None]:
    if isinstance(value, dt.datetime):
        d = value.date()
    elif isinstance(value, dt.date):
        d = value
    else:
        s = _text(value)
        if not s:
            return None, RowCode.CONSENT_DATE_MISSING
        s = s.split(" ", 1)[0].split("T", 1)[0]
        d = None
        for fmt in _DATE_FORMATS:
            try:
                d = dt.datetime.strptime(s, fmt).date()
                break
            except ValueError:
                continue
        if d is None:
            return None, RowCode.CONSENT_DATE_INVALID
    if d > today or d.year < 1990:
        return None, RowCode.CONSENT_DATE_INVALID
    return d.isoformat(), None


def read(
    source: Any,
    *,
    purpose: str | Purpose = DEFAULT_PURPOSE,
    mapping: Mapping[str | int, Any] | None = None,
    allowed_categories: Iterable[str] = DEFAULT_CATEGORIES,
    assume_category: str | None = None,
    default_region: str = "DE",
    filename: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    today: dt.date | None = None,
) -> ImportResult:
    """Read, minimise, validate and de-duplicate a membership export. All or nothing.

    ``allowed_categories``: the campaign's categories (DP-2); rows of other categories are refused.
    ``assume_category``: category of everybody in a file *without* a category column (the lead confirms it);
    without it such a file raises ``missing_category_column``.
    ``progress(done_rows, total_rows)`` is called every few thousand rows and at the end (total is an estimate
    until the end). ``cancelled()`` is polled; if it returns True, :class:`ImportCancelled` is raised.
    """
    allowed = tuple(allowed_categories)
    bad = [c for c in allowed if c not in CATEGORIES]
    if bad or not allowed:
        raise MemberFileError(
            ErrorCode.INVALID_OPTION, f"unknown categories {bad!r}" if bad else "no categories"
        )
    try:
        region_ok = phonenumbers.country_code_for_region(default_region) != 0
    except Exception:
        region_ok = False
    if not region_ok:
        raise MemberFileError(ErrorCode.INVALID_OPTION, f"unknown region {default_region!r}")
    today = today or dt.date.today()
    prep = _prepare(source, purpose, mapping, assume_category, filename)
    p = prep.plan
    if p.needs_category_assumption:
        raise MemberFileError(ErrorCode.MISSING_CATEGORY_COLUMN, row=p.header_row)

    kept = p.mapping.kept()
    width = prep.width

    def col(target: Target) -> int:
        c = kept.get(target)
        return c.index if c is not None else -1

    i_first, i_last = col(Field.FIRST_NAME), col(Field.LAST_NAME)
    i_phone, i_phone2 = col(Field.PHONE), col(Field.PHONE2)
    i_loc, i_dist, i_pc = col(Field.LOCALITY), col(Field.DISTRICT), col(Field.POSTCODE)
    i_cat, i_consent = col(Role.CATEGORY), col(Role.CONSENT_DATE)
    h_phone = kept[Field.PHONE].label if i_phone >= 0 else None
    h_phone2 = kept[Field.PHONE2].label if i_phone2 >= 0 else None
    used = [i for i in (i_first, i_last, i_phone, i_phone2, i_loc, i_dist, i_pc, i_cat, i_consent) if i >= 0]
    name_key_ok = i_first >= 0 and i_last >= 0 and i_pc >= 0
    pad_postcode = default_region == "DE"
    allowed_set = frozenset(allowed)
    phone_of = _PhoneNormaliser(default_region)
    all_text = prep.all_text
    name_norm: dict[str, str] = {}

    def nkey(s: str) -> str:
        k = name_norm.get(s)
        if k is None:
            k = name_norm[s] = _norm(s)
        return k

    cat_cache: dict[str, str | None] = {}

    records: list[list[Any]] = []  # [row, category, phone, phone2, first, last, loc, dist, pc, consent]
    index: dict[str, int] = {}
    invalid: list[RowIssue] = []
    refused: list[RowIssue] = []
    dups: list[Duplicate] = []
    total = blank = 0
    estimate = max(1, p.row_estimate)
    done = 0

    def refuse(row: int, code: RowCode, column: str | None = None) -> None:
        refused.append(RowIssue(row, code, _ROW_TEXT[code], column))

    for rownum, cells in prep.rows:
        done += 1
        if done % _CANCEL_EVERY == 0 and cancelled is not None and cancelled():
            raise ImportCancelled()
        if progress is not None and done % _PROGRESS_EVERY == 0:
            estimate = max(estimate, done)
            progress(done, estimate)
        if (not "".join(cells).strip()) if all_text else _is_blank(cells):
            blank += 1
            continue
        total += 1
        n = len(cells)
        if n > width and not _is_blank(cells[width:]):
            refuse(rownum, RowCode.ROW_TOO_LONG)
            continue
        if not all_text:
            badcell = next((cells[i] for i in used if i < n and isinstance(cells[i], _Bad)), None)
            if badcell is not None:
                refuse(rownum, badcell.code)
                continue

        get = partial(_cell_text, cells, n)

        # --- category guard (DP-2)
        consent: str | None = None
        if i_cat >= 0:
            raw_cat = get(i_cat)
            if not raw_cat:
                refuse(rownum, RowCode.CATEGORY_MISSING)
                continue
            if raw_cat in cat_cache:
                category = cat_cache[raw_cat]
            else:
                category = cat_cache[raw_cat] = _CATEGORY_INDEX.get(_norm(raw_cat).replace(" ", ""))
            if category is None:
                refuse(rownum, RowCode.CATEGORY_UNKNOWN)
                continue
        else:
            category = assume_category  # type: ignore[assignment]
        if category not in allowed_set:
            refuse(rownum, RowCode.CATEGORY_NOT_ALLOWED)
            continue
        if category == "consent":
            if i_consent < 0:
                refuse(rownum, RowCode.CONSENT_DATE_MISSING)
                continue
            consent, ccode = _consent_date(cells[i_consent] if i_consent < n else None, today)
            if ccode is not None:
                refuse(rownum, ccode)
                continue

        # --- kept fields
        first = " ".join(get(i_first).split()) if i_first >= 0 else ""
        last = " ".join(get(i_last).split()) if i_last >= 0 else ""
        if not first and not last:
            refuse(rownum, RowCode.NO_NAME)
            continue
        loc = " ".join(get(i_loc).split()) if i_loc >= 0 else ""
        dist = " ".join(get(i_dist).split()) if i_dist >= 0 else ""
        pc = get(i_pc) if i_pc >= 0 else ""
        if pad_postcode and len(pc) == 4 and pc.isascii() and pc.isdigit():
            pc = "0" + pc  # Excel ate the leading zero of an East German postcode
        if max(len(first), len(last), len(loc), len(dist), len(pc)) > MAX_VALUE_CHARS:
            refuse(rownum, RowCode.VALUE_TOO_LONG)
            continue

        # --- phone numbers
        numbers: list[str] = []
        for i, header in ((i_phone, h_phone), (i_phone2, h_phone2)):
            raw = get(i)
            if not raw:
                continue
            e164, code = phone_of(raw)
            if e164 is None:
                assert code is not None
                invalid.append(RowIssue(rownum, code, _ROW_TEXT[code], header))
            elif e164 not in numbers:
                numbers.append(e164)
        if not numbers:
            refuse(rownum, RowCode.NO_VALID_PHONE)
            continue

        # --- duplicates
        name_key = f"{nkey(first)}|{nkey(last)}|{pc}" if name_key_ok and first and last and pc else None
        target = None
        dcode = RowCode.SAME_PHONE
        for num in numbers:
            if num in index:
                target = index[num]
                break
        if target is None and name_key is not None and name_key in index:
            target, dcode = index[name_key], RowCode.SAME_NAME_POSTCODE
        if target is not None:
            rec = records[target]
            dups.append(Duplicate(rownum, rec[0], dcode))
            for num in numbers:
                if rec[3] is None and num != rec[2]:
                    rec[3] = num
                index.setdefault(num, target)
            for k, v in ((4, first), (5, last), (6, loc), (7, dist), (8, pc)):
                if rec[k] is None and v:
                    rec[k] = v
            if name_key is not None:
                index.setdefault(name_key, target)
            continue
        pos = len(records)
        records.append(
            [
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
            ]
        )
        for num in numbers:
            index[num] = pos
        if name_key is not None:
            index[name_key] = pos

    if total == 0:
        raise MemberFileError(ErrorCode.NO_DATA_ROWS, row=p.header_row)
    if cancelled is not None and cancelled():
        raise ImportCancelled()
    if progress is not None:
        progress(done, done)

    out = tuple(
        MemberRecord(
            row=r[0],
            category=r[1],
            phone=r[2],
            phone2=r[3],
            first_name=r[4],
            last_name=r[5],
            locality=r[6],
            district=r[7],
            postcode=r[8],
            consent_date=r[9],
        )
        for r in records
    )
    return ImportResult(
        records=out,
        plan=p,
        invalid_rows=tuple(invalid),
        duplicates=tuple(dups),
        refused_rows=tuple(refused),
        total_rows=total,
        blank_rows=blank,
        assumed_category=assume_category if i_cat < 0 else None,
    )
