"""Fixtures of the security tests: the German UI of the Qt tests."""

from __future__ import annotations

from tests.qt.conftest import german  # noqa: F401 (a fixture)
