"""Errors of the local store. Each carries a stable code; the views turn codes into translated sentences.

Environment failures (a damaged file, a wrong passphrase) are WorkspaceError; anything else is a bug.
"""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    NO_WORKSPACE = "no_workspace"
    PLAINTEXT_DATABASE = "plaintext_database"
    DAMAGED = "damaged"
    KEYSLOTS_DAMAGED = "keyslots_damaged"
    WRONG_PASSPHRASE = "wrong_passphrase"
    THROTTLED = "throttled"  # refused during the delay after wrong passphrases; nothing was checked
    NEWER_SCHEMA = "newer_schema"
    WEAK_KDF = "weak_kdf"
    NO_SQLCIPHER = "no_sqlcipher"
    EXISTS = "exists"


class WorkspaceError(Exception):
    def __init__(self, code: ErrorCode, detail: str = "") -> None:
        super().__init__(f"{code.value}: {detail}" if detail else code.value)
        self.code = code
        self.detail = detail
