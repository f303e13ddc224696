"""Duplicates: a row with the same E.164 number as an earlier one, or (when the purpose keeps both names and the
postcode) the same normalised full name and postcode, is merged into the first occurrence — its missing
fields filled in, never overwritten — and listed."""

from __future__ import annotations

from .errors import RowCode
from .results import Duplicate, MemberRecord
from .rows import Parsed
from .text import _norm


class Deduplicator:
    def __init__(self, *, name_key_ok: bool) -> None:
        self.name_key_ok = name_key_ok
        self.records: list[Parsed] = []
        self.duplicates: list[Duplicate] = []
        self._index: dict[str, int] = {}
        self._name_norm: dict[str, str] = {}

    def _nkey(self, s: str) -> str:
        k = self._name_norm.get(s)
        if k is None:
            k = self._name_norm[s] = _norm(s)
        return k

    def add(self, rec: Parsed) -> None:
        """Keep ``rec`` as a new record, or merge it into the earlier one it duplicates."""
        rownum, _cat, phone, phone2, first, last, _loc, _dist, pc, _consent = rec
        numbers = (phone,) if phone2 is None else (phone, phone2)
        index = self._index
        name_key = (
            f"{self._nkey(first)}|{self._nkey(last)}|{pc}" if self.name_key_ok and first and last and pc else None
        )
        target = None
        code = RowCode.SAME_PHONE
        for num in numbers:
            if num in index:
                target = index[num]
                break
        if target is None and name_key is not None and name_key in index:
            target, code = index[name_key], RowCode.SAME_NAME_POSTCODE
        if target is None:
            pos = len(self.records)
            self.records.append(rec)
            for num in numbers:
                index[num] = pos
            if name_key is not None:
                index[name_key] = pos
            return
        kept = self.records[target]
        self.duplicates.append(Duplicate(rownum, kept[0], code))
        for num in numbers:
            if kept[3] is None and num != kept[2]:
                kept[3] = num
            index.setdefault(num, target)
        for k in (4, 5, 6, 7, 8):
            if kept[k] is None and rec[k] is not None:
                kept[k] = rec[k]
        if name_key is not None:
            index.setdefault(name_key, target)

    def member_records(self) -> tuple[MemberRecord, ...]:
        return tuple(
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
            for r in self.records
        )
