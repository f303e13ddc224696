"""Campaign content the tests release campaigns with (a central campaign needs script + transparency answer)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

SCRIPT = "Hallo {first_name}, hier ist {caller_name} aus {locality}.\n- Kommst du zur **Versammlung**?"
TRANSPARENCY = (
    "Deine Nummer stammt aus der Mitgliederverwaltung; wir nutzen sie nur für diese Aktion. "
    "Widerspruch jederzeit; Datenschutz: datenschutz@example.org"
)
# Calling hours of every minute of every day, no holidays: for tests that call whenever they run (the default
# hours, weekdays 10-20 and Saturday 10-16 in Berlin, would make them fail in the evening and on Sundays).
ALWAYS_CALLABLE: dict[str, Any] = {
    "windows": {str(day): {"start": "00:00:00", "end": "23:59:59"} for day in range(7)},
    "skip_public_holidays": False,
}
# Tests run at any hour (CI at night, on a Sunday): every test campaign may be called always, unless a test sets
# calling hours of its own.
CONTENT: dict[str, Any] = {"script": SCRIPT, "transparency": TRANSPARENCY, "calling_hours": ALWAYS_CALLABLE}


def content_files(directory: Path) -> tuple[str, ...]:
    """``--script FILE --transparency FILE`` for the central office's command line."""
    script, transparency = directory / "leitfaden.txt", directory / "transparenz.txt"
    script.write_text(SCRIPT, encoding="utf-8")
    transparency.write_text(TRANSPARENCY, encoding="utf-8")
    return ("--script", str(script), "--transparency", str(transparency))
