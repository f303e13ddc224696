"""A membership file as a table: the bytes (path, bytes or binary file object, size-limited), told apart by
content (XLSX zip, old XLS, else CSV text), and handed on as numbered rows of cells."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from . import limits
from .errors import ErrorCode, MemberFileError


@dataclass
class _Table:
    format: str
    encoding: str | None
    delimiter: str | None
    sheet: str | None
    rows: Iterator[tuple[int, list[Any]]]
    estimate: int
    all_text: bool
    """Every cell is a str (CSV): the row loop can take shortcuts."""


def _load_bytes(source: Any, filename: str | None) -> tuple[bytes, str]:
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        name = filename or ""
    elif isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        name = filename or os.path.basename(path)
        try:
            size = os.stat(path).st_size
            if size > limits.MAX_FILE_BYTES:
                raise MemberFileError(ErrorCode.FILE_TOO_LARGE, f"{size} bytes")
            with open(path, "rb") as fh:
                data = fh.read(limits.MAX_FILE_BYTES + 1)
        except OSError as exc:
            raise MemberFileError(ErrorCode.FILE_UNREADABLE, type(exc).__name__) from None
    elif hasattr(source, "read"):
        data = source.read(limits.MAX_FILE_BYTES + 1)
        if not isinstance(data, bytes):
            raise MemberFileError(ErrorCode.INVALID_OPTION, "file object must be opened in binary mode")
        name = filename or os.path.basename(str(getattr(source, "name", "")))
    else:
        raise MemberFileError(ErrorCode.INVALID_OPTION, f"unsupported source type {type(source).__name__}")
    if len(data) > limits.MAX_FILE_BYTES:
        raise MemberFileError(ErrorCode.FILE_TOO_LARGE, f"{len(data)} bytes")
    if not data.strip(b" \t\r\n\x00"):
        raise MemberFileError(ErrorCode.EMPTY_FILE)
    return data, name
