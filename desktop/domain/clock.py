"""The one wall clock of the desktop: aware UTC. Code that needs "now" takes a clock defaulting to this."""

from __future__ import annotations

from datetime import UTC, datetime


def utcnow() -> datetime:
    return datetime.now(UTC)
