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

One module per job: ``limits``, ``errors`` (codes, texts, exceptions), ``results`` (mapping, plan, records,
issues), ``text`` (comparison keys, cell text), ``headers`` (column aliases and mapping), ``categories`` (the
category guard's vocabulary, consent dates), ``phones`` (E.164), ``source`` / ``source_csv`` / ``source_xlsx``
(bytes → numbered rows), ``rows`` (one row → fields or a refusal), ``duplicates``, ``reader`` (``plan``/``read``).
"""

from __future__ import annotations

from . import limits
from .errors import ErrorCode, ImportCancelled, MemberFileError, RowCode
from .external_ids import member_numbers
from .limits import MAX_COLUMNS, MAX_FILE_BYTES, MAX_ROWS, MAX_VALUE_CHARS, MAX_XLSX_UNCOMPRESSED_BYTES
from .reader import plan, read
from .results import (
    ColumnMapping,
    DroppedColumn,
    DropReason,
    Duplicate,
    ImportPlan,
    ImportResult,
    MappedColumn,
    MemberRecord,
    Role,
    RowIssue,
)

__all__ = [
    "MAX_COLUMNS",
    "MAX_FILE_BYTES",
    "MAX_ROWS",
    "MAX_VALUE_CHARS",
    "MAX_XLSX_UNCOMPRESSED_BYTES",
    "ColumnMapping",
    "DropReason",
    "DroppedColumn",
    "Duplicate",
    "ErrorCode",
    "ImportCancelled",
    "ImportPlan",
    "ImportResult",
    "MappedColumn",
    "MemberFileError",
    "MemberRecord",
    "Role",
    "RowCode",
    "RowIssue",
    "limits",
    "member_numbers",
    "plan",
    "read",
]
