"""Timestamps in the database: UTC, one fixed-width text format, so that text order is time order."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import overload

from desktop.domain.clock import utcnow as utcnow  # re-exported: storage and services read the clock here

_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


@overload
def to_db(moment: datetime) -> str: ...
@overload
def to_db(moment: None) -> None: ...
@overload
def to_db(moment: datetime | None) -> str | None: ...
def to_db(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    if moment.tzinfo is None:
        raise ValueError("naive datetimes are not stored")
    return moment.astimezone(UTC).strftime(_FORMAT)


def from_db(text: str | None) -> datetime | None:
    if text is None:
        return None
    return datetime.strptime(text, _FORMAT).replace(tzinfo=UTC)
