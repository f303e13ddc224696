"""Campaign content the tests release campaigns with (a central campaign needs script + transparency answer)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

SCRIPT = "Hallo {first_name}, hier ist {caller_name} aus {locality}.\n- Kommst du zur **Versammlung**?"
TRANSPARENCY = (
    "Deine Nummer stammt aus der Mitgliederverwaltung; wir nutzen sie nur für diese Aktion. "
    "Widerspruch jederzeit; Datenschutz: datenschutz@example.org"
)
CONTENT: dict[str, Any] = {"script": SCRIPT, "transparency": TRANSPARENCY}
# Calls allowed at every hour of every day: for tests that call with the real clock, which would otherwise be
# refused outside the default calling hours (weekdays 10-20, Saturday 10-16, Berlin time) and fail at night.
ALL_DAY: dict[str, Any] = {
    "windows": {str(day): {"start": "00:00:00", "end": "23:59:59"} for day in range(7)},
    "skip_public_holidays": False,
}
CONTENT_ALL_DAY: dict[str, Any] = {**CONTENT, "calling_hours": ALL_DAY}


def content_files(directory: Path) -> tuple[str, ...]:
    """``--script FILE --transparency FILE`` for the central office's command line."""
    script, transparency = directory / "leitfaden.txt", directory / "transparenz.txt"
    script.write_text(SCRIPT, encoding="utf-8")
    transparency.write_text(TRANSPARENCY, encoding="utf-8")
    return ("--script", str(script), "--transparency", str(transparency))
