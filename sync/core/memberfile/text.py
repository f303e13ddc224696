"""Text helpers shared by the reader's modules: comparison keys for headers, categories and names, and a cell
(str from CSV; str, number, date or a marked bad cell from XLSX) as plain text."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from typing import Any

from .errors import RowCode

_FOLD_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_FOLD_UMLAUTS_PLAIN = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def _norm(text: str, table: dict[int, str] = _FOLD_UMLAUTS) -> str:
    """Case-, whitespace-, punctuation- and umlaut-insensitive key: "Tel. (privat)" → "tel privat"."""
    if text.isascii():  # nothing to compose, fold or strip: the same key, without the Unicode steps
        s = text.lower()
    else:
        s = unicodedata.normalize("NFC", text).casefold().translate(table)
        s = "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))
    return " ".join(_NON_ALNUM.sub(" ", s).split())


def _keys(alias: str) -> set[str]:
    """Lookup keys of an alias: umlauts as "ae" and as "a", without spaces ("Mitglieds-Status")."""
    return {_norm(alias).replace(" ", ""), _norm(alias, _FOLD_UMLAUTS_PLAIN).replace(" ", "")}


def _split(*parts: str) -> tuple[str, ...]:
    """Aliases written as "a|b|c" strings → a tuple of stripped, non-empty aliases."""
    return tuple(a.strip() for part in parts for a in part.split("|") if a.strip())


class _Bad:
    """A cell that cannot be used (XLSX formula without cached value, or an error value like #DIV/0!)."""

    __slots__ = ("code",)

    def __init__(self, code: RowCode) -> None:
        self.code = code


_NO_CACHE = _Bad(RowCode.FORMULA_NO_CACHED_VALUE)
_CELL_ERROR = _Bad(RowCode.CELL_ERROR)
_OVERFLOW = "\x00overflow"  # stands for "non-empty cells beyond MAX_COLUMNS" in an XLSX row


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
