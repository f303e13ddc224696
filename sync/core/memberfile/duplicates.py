"""Duplicates: a row with the same E.164 number as an earlier one, or (when the purpose keeps both names and the
postcode) the same normalised full name and postcode, is merged into the first occurrence — its missing
fields filled in, never overwritten — and listed."""

from __future__ import annotations

from typing import Any

from .errors import RowCode
from .results import Duplicate, MemberRecord
from .text import _norm

_MERGED = ("first_name", "last_name", "locality", "district", "postcode")


class Deduplicator:
    def __init__(self, *, name_key_ok: bool) -> None:
        self.name_key_ok = name_key_ok
        self.records: list[MemberRecord] = []
        self.duplicates: list[Duplicate] = []
        self._index: dict[str, int] = {}
        self._name_norm: dict[str, str] = {}

    def _nkey(self, s: str) -> str:
        k = self._name_norm.get(s)
        if k is None:
            k = self._name_norm[s] = _norm(s)
        return k

    def add(self, rec: MemberRecord) -> None:
        """Keep ``rec`` as a new record, or merge it into the earlier one it duplicates."""
        index = self._index
        phone, phone2 = rec.phone, rec.phone2
        name_key = None
        if self.name_key_ok and rec.first_name and rec.last_name and rec.postcode:
            name_key = f"{self._nkey(rec.first_name)}|{self._nkey(rec.last_name)}|{rec.postcode}"
        target = index.get(phone)
        if target is None and phone2 is not None:
            target = index.get(phone2)
        code = RowCode.SAME_PHONE
        if target is None and name_key is not None:
            target, code = index.get(name_key), RowCode.SAME_NAME_POSTCODE
        if target is None:
            pos = len(self.records)
            self.records.append(rec)
            index[phone] = pos
            if phone2 is not None:
                index[phone2] = pos
            if name_key is not None:
                index[name_key] = pos
            return
        self._merge(target, rec, code, name_key)

    def add_many(self, recs: list[MemberRecord]) -> None:
        """The same as :meth:`add` for each record in turn, in one loop (a block of the reader's rows)."""
        index = self._index
        records = self.records
        keep = records.append
        look = index.get
        norm = self._name_norm
        known = norm.get
        name_key_ok = self.name_key_ok
        for rec in recs:
            _row, _cat, phone, phone2, first, last, _loc, _dist, postcode, _consent = rec
            name_key = None
            if name_key_ok and first and last and postcode:
                f = known(first)
                if f is None:
                    f = norm[first] = _norm(first)
                la = known(last)
                if la is None:
                    la = norm[last] = _norm(last)
                name_key = f"{f}|{la}|{postcode}"
            target = look(phone)
            if target is None and phone2 is not None:
                target = look(phone2)
            code = RowCode.SAME_PHONE
            if target is None and name_key is not None:
                target, code = look(name_key), RowCode.SAME_NAME_POSTCODE
            if target is None:
                pos = len(records)
                keep(rec)
                index[phone] = pos
                if phone2 is not None:
                    index[phone2] = pos
                if name_key is not None:
                    index[name_key] = pos
            else:
                self._merge(target, rec, code, name_key)

    def _merge(self, target: int, rec: MemberRecord, code: RowCode, name_key: str | None) -> None:
        kept = self.records[target]
        self.duplicates.append(Duplicate(rec.row, kept.row, code))
        changes: dict[str, Any] = {}
        for num in (rec.phone, rec.phone2):
            if num is None:
                continue
            if kept.phone2 is None and "phone2" not in changes and num != kept.phone:
                changes["phone2"] = num
            self._index.setdefault(num, target)
        for name in _MERGED:
            value = getattr(rec, name)
            if getattr(kept, name) is None and value is not None:
                changes[name] = value
        if changes:
            self.records[target] = kept._replace(**changes)
        if name_key is not None:
            self._index.setdefault(name_key, target)
