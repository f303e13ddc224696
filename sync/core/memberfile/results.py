"""What the reader hands back: the column mapping, the plan the lead confirms, the records and the issues by row.
Plain, frozen values; ``to_json()`` never carries personal data (counts, row numbers, headers, codes)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, NamedTuple

from ..purposes import Field
from .errors import RowCode


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


class MemberRecord(NamedTuple):
    """One contact. Fields the purpose does not allow are always None.

    Immutable; a named tuple rather than a frozen dataclass because a list of a million is built in one go
    (a frozen dataclass costs about ten times as much to create)."""

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
