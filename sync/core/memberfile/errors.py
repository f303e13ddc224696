"""Stable codes for a refused file (:class:`ErrorCode`) and a refused row or value (:class:`RowCode`), their short
English texts, and the exceptions. No personal data in any of them: codes, row numbers and column headers only."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from .limits import MAX_COLUMNS, MAX_FILE_BYTES, MAX_ROWS, MAX_VALUE_CHARS


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


ERROR_TEXT: dict[ErrorCode, str] = {
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


ROW_TEXT: dict[RowCode, str] = {
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


class MemberFileError(Exception):
    """The whole file is refused. ``code`` is stable; ``message`` is short English; ``row`` if known."""

    def __init__(self, code: ErrorCode, detail: str = "", *, row: int | None = None) -> None:
        self.code = code
        self.message = ERROR_TEXT[code]
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
