"""The two public steps: ``plan()`` (header, mapping, dropped columns — for the lead to confirm) and ``read()``
(the whole file checked in memory, all or nothing). Everything else is delegated to one module per job."""

from __future__ import annotations

import datetime as dt
import gc
import math
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import islice
from operator import itemgetter
from typing import Any

import phonenumbers

from ..purposes import CATEGORIES, DEFAULT_CATEGORIES, DEFAULT_PURPOSE, Field, Purpose, get_purpose
from . import limits
from .categories import _ASSUMABLE
from .duplicates import Deduplicator
from .errors import ROW_TEXT, ErrorCode, ImportCancelled, MemberFileError, RowCode
from .headers import _NAME_FIELDS, _PHONE_FIELDS, _build_mapping, _looks_like_data
from .results import ColumnMapping, DropReason, ImportPlan, ImportResult, MemberRecord, Role, RowIssue
from .rows import RowParser
from .source import _load_bytes, _Table
from .text import _OVERFLOW, _Bad, _is_blank, _text

_first_cell = itemgetter(0)


def _open(data: bytes, name: str) -> _Table:
    lower = name.lower()
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise MemberFileError(ErrorCode.XLS_UNSUPPORTED)
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        from .source_xlsx import _open_xlsx

        return _open_xlsx(data)
    if lower.endswith((".xlsx", ".xlsm")):
        raise MemberFileError(ErrorCode.NOT_XLSX, "not a zip archive")
    from .source_csv import _open_csv

    return _open_csv(data)


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
        if len(headers) > limits.MAX_COLUMNS or _OVERFLOW in cells:
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
        if searched >= limits.HEADER_SEARCH_ROWS:
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
    # The reader makes millions of objects and no reference cycle: the cyclic garbage collector would walk the
    # growing list of records again and again for nothing (about 7 % of a read; docs/performance.md).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _read(
            source,
            purpose,
            mapping,
            allowed,
            assume_category,
            default_region,
            filename,
            progress,
            cancelled,
            today,
        )
    finally:
        if collecting:
            gc.enable()


def _read(
    source: Any,
    purpose: str | Purpose,
    mapping: Mapping[str | int, Any] | None,
    allowed: tuple[str, ...],
    assume_category: str | None,
    default_region: str,
    filename: str | None,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
    today: dt.date,
) -> ImportResult:
    prep = _prepare(source, purpose, mapping, assume_category, filename)
    p = prep.plan
    if p.needs_category_assumption:
        raise MemberFileError(ErrorCode.MISSING_CATEGORY_COLUMN, row=p.header_row)
    kept = p.mapping.kept()
    parse = RowParser(
        kept,
        prep.width,
        all_text=prep.all_text,
        allowed=frozenset(allowed),
        assume_category=assume_category,
        region=default_region,
        today=today,
    )
    dedup = Deduplicator(
        name_key_ok=all(f in kept for f in (Field.FIRST_NAME, Field.LAST_NAME, Field.POSTCODE))
    )
    add, add_many = dedup.add, dedup.add_many
    refused: list[RowIssue] = []
    all_text = prep.all_text
    total = blank = done = 0
    estimate = max(1, p.row_estimate)
    cancel_every, progress_every = limits.CANCEL_EVERY, limits.PROGRESS_EVERY
    if all_text and parse.fetch_used is not None:
        # Text rows (CSV) a block at a time, a column at a time (RowParser.many); a block with an odd row (too
        # short, or too long with something in the extra cells) goes row by row. The block ends where the row
        # loop below would poll ``cancelled`` or report progress, so both happen at the same rows.
        step = math.gcd(cancel_every, progress_every)
        width, need = parse.width, parse.need
        rows = prep.rows
        while True:
            block = list(islice(rows, step))
            if not block:
                break
            done += len(block)
            if done % cancel_every == 0 and cancelled is not None and cancelled():
                raise ImportCancelled()
            if progress is not None and done % progress_every == 0:
                estimate = max(estimate, done)
                progress(done, estimate)
            nums, cells_list = zip(*block, strict=True)
            lens = list(map(len, cells_list))
            regular = (min(lens) >= need or all(need <= n or not n for n in lens)) and (
                max(lens) <= width or all(_is_blank(c[width:]) for c in cells_list if len(c) > width)
            )
            if regular:
                # No row is blank when every first cell has text (nearly always: a member number or a name);
                # else each row's text decides.
                if min(lens) and all(map(str.strip, map(_first_cell, cells_list))):
                    texts: list[str] = []
                else:
                    texts = list(map(str.strip, map("".join, cells_list)))
                if not texts or all(texts):
                    kept_nums, kept_cells = list(nums), list(cells_list)
                else:
                    pairs = [(n, c) for n, c, t in zip(nums, cells_list, texts, strict=True) if t]
                    blank += len(block) - len(pairs)
                    kept_nums = [n for n, _c in pairs]
                    kept_cells = [c for _n, c in pairs]
                total += len(kept_cells)
                results = parse.many(kept_cells, kept_nums) if kept_cells else []
            else:
                kept_nums, results = [], []
                for rownum, cells in block:
                    if not "".join(cells).strip():
                        blank += 1
                        continue
                    total += 1
                    kept_nums.append(rownum)
                    results.append(parse(rownum, cells))
            if RowCode in set(map(type, results)):
                good: list[MemberRecord] = []
                for rownum, rec in zip(kept_nums, results, strict=True):
                    if type(rec) is RowCode:
                        refused.append(RowIssue(rownum, rec, ROW_TEXT[rec]))
                    else:
                        good.append(rec)  # type: ignore[arg-type]
                add_many(good)
            else:
                add_many(results)  # type: ignore[arg-type]
    for rownum, cells in prep.rows:  # other sources (XLSX): row by row
        done += 1
        if done % cancel_every == 0 and cancelled is not None and cancelled():
            raise ImportCancelled()
        if progress is not None and done % progress_every == 0:
            estimate = max(estimate, done)
            progress(done, estimate)
        if (not "".join(cells).strip()) if all_text else _is_blank(cells):
            blank += 1
            continue
        total += 1
        rec = parse(rownum, cells)
        if isinstance(rec, RowCode):
            refused.append(RowIssue(rownum, rec, ROW_TEXT[rec]))
        else:
            add(rec)

    if total == 0:
        raise MemberFileError(ErrorCode.NO_DATA_ROWS, row=p.header_row)
    if cancelled is not None and cancelled():
        raise ImportCancelled()
    if progress is not None:
        progress(done, done)
    return ImportResult(
        records=tuple(dedup.records),
        plan=p,
        invalid_rows=tuple(parse.invalid),
        duplicates=tuple(dedup.duplicates),
        refused_rows=tuple(refused),
        total_rows=total,
        blank_rows=blank,
        assumed_category=assume_category if Role.CATEGORY not in kept else None,
    )
