"""Sync client of the desktop app: the HTTP transport over sync.core.protocol (no Qt, no desktop imports)."""

from sync.client.transport import (
    InsecureTransport,
    Refused,
    ResyncRequired,
    SyncClient,
    SyncError,
    Unreachable,
    check_url,
)

__all__ = [
    "InsecureTransport",
    "Refused",
    "ResyncRequired",
    "SyncClient",
    "SyncError",
    "Unreachable",
    "check_url",
]
