"""CSV source: encoding (BOM → UTF-8 → cp1252 → latin-1), binary garbage refused, control characters removed,
delimiter sniffed (; , tab |), rows numbered as the spreadsheet shows them."""

from __future__ import annotations

import csv
import itertools
import operator
import re
from collections.abc import Iterator
from typing import Any

from . import limits
from .errors import ErrorCode, MemberFileError
from .source import _Table

# C0 controls except \t \n \r and the vertical tab / form feed (some tools write \x0b for a line break in a
# cell), DEL, C1 controls, and stray BOMs / zero-width characters.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufeff\u200b\u2028\u2029]")
_SOFT_BREAK = re.compile("[\x0b\x0c]")
_ANY_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\u200b\u2028\u2029]")

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
            text = text.removeprefix("\ufeff")
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
    if ctrl or _ANY_CONTROL.search(text, len(head)):  # one scan for both kinds (nearly always: none)
        if ctrl or _CONTROL.search(text, len(head)):
            text = _CONTROL.sub("", text)
        if _SOFT_BREAK.search(text):
            text = _SOFT_BREAK.sub(" ", text)
    elif _SOFT_BREAK.search(head):
        text = _SOFT_BREAK.sub(" ", text)
    if "\n" not in text and "\r" in text:  # classic Mac line ends
        text = text.replace("\r", "\n")
    return text, encoding


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text``, each with its "\\n" (only "\\n" ends a line: the csv module handles "\\r").

    A megabyte at a time is split by one C call and the lines are handed on by C iterators: a Python step per
    line cost a tenth of reading a large file."""
    return itertools.chain.from_iterable(_line_blocks(text))


_LINE_BLOCK = 1 << 20


def _line_blocks(text: str) -> Iterator[Iterator[str]]:
    start, n = 0, len(text)
    while start < n:
        end = text.find("\n", start + _LINE_BLOCK)
        if end < 0:
            end = n
        else:
            end += 1
        parts = text[start:end].split("\n")
        tail = parts.pop()  # after the block's last "\n": "" unless the text ends without one
        yield map(operator.add, parts, itertools.repeat("\n"))
        if tail:
            yield iter((tail,))
        start = end


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


def _open_csv(data: bytes) -> _Table:
    text, encoding = _decode(data)
    delim = _sniff_delimiter(text)
    estimate = text.count("\n") + 1

    def rows() -> Iterator[tuple[int, list[Any]]]:
        reader = csv.reader(_lines(text), delimiter=delim)
        numbers = itertools.count(1)
        numbered = zip(numbers, reader)  # noqa: B905 (count() is endless; zip takes the number first)
        try:
            yield from itertools.islice(numbered, limits.MAX_ROWS)
            if next(numbered, None) is not None:
                raise MemberFileError(ErrorCode.TOO_MANY_ROWS)
        except csv.Error as exc:
            # zip took the failing row's number from ``numbers`` before the reader raised
            raise MemberFileError(ErrorCode.CSV_MALFORMED, str(exc)[:120], row=next(numbers) - 1) from None

    return _Table("csv", encoding, delim, None, rows(), estimate, True)
