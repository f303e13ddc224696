"""Limits of what the membership-file reader accepts (read at call time, so a test can lower them)."""

from __future__ import annotations

MAX_FILE_BYTES = 512 * 1024 * 1024
"""Largest input file (CSV or XLSX as stored); a 1M-row export of 16 columns is about 150 MB."""
MAX_ROWS = 2_000_000
"""Most spreadsheet rows (header and blank rows included); memory is the real bound (docs/performance.md)."""
MAX_COLUMNS = 200
"""Most columns in the header row."""
MAX_XLSX_UNCOMPRESSED_BYTES = 256 * 1024 * 1024
"""Sum of the declared uncompressed sizes of an XLSX's parts (zip-bomb guard)."""
MAX_VALUE_CHARS = 200
"""Longest value of a kept field (names, locality, …); longer → the row is refused."""
HEADER_SEARCH_ROWS = 10
"""The header is looked for in the first this-many non-blank rows (title lines above it are skipped)."""
PROGRESS_EVERY = 2000
CANCEL_EVERY = 1000
