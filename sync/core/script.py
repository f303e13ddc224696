"""Placeholders of a campaign's call script (Leitfaden): one renderer for the PC's script pane and the central
office's live preview.

Placeholders: {first_name}, {last_name}, {locality} (contact fields), {caller_name}, {campaign_title}.
Anything else in braces stays visible as written, and nothing here raises on odd input (no str.format).
Minimal markdown for the rich-text variant: **bold**, line breaks, and lines starting with "- " as bullets.
Markdown is read from the script only: values put into placeholders are always literal text.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from sync.core.purposes import Field as ContactField

CONTACT_PLACEHOLDERS: dict[str, ContactField] = {
    "first_name": ContactField.FIRST_NAME,
    "last_name": ContactField.LAST_NAME,
    "locality": ContactField.LOCALITY,
}
PLACEHOLDERS = frozenset({*CONTACT_PLACEHOLDERS, "caller_name", "campaign_title"})

PLACEHOLDER_RE = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
# Private-use code points mark where a value goes while the script's own markup is processed.
_MARK_OPEN, _MARK_CLOSE = "\ue000", "\ue001"
_MARK = re.compile(f"{_MARK_OPEN}(\\d+){_MARK_CLOSE}")
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


@dataclass(frozen=True)
class RenderedScript:
    plain: str  # placeholders filled, "**" markers removed; for copying or plain labels
    html: str  # escaped rich text (a fragment: <b>, <br>, <ul><li>)


def unknown_placeholders(template: str) -> list[str]:
    """Names in braces that are no placeholder (sorted): a typo the author should see."""
    return sorted({m.group(1) for m in PLACEHOLDER_RE.finditer(template)} - PLACEHOLDERS)


def render_template(template: str, values: dict[str, str]) -> RenderedScript:
    """Fill ``{name}`` placeholders from ``values``; unknown names stay as written."""
    template = _PRIVATE_USE.sub("", template.replace("\r\n", "\n").replace("\r", "\n"))
    clean = {name: _PRIVATE_USE.sub("", value) for name, value in values.items()}
    slots: list[str] = []

    def mark(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in clean:
            return match.group(0)
        slots.append(clean[name])
        return f"{_MARK_OPEN}{len(slots) - 1}{_MARK_CLOSE}"

    marked = PLACEHOLDER_RE.sub(mark, template)

    plain = _MARK.sub(lambda m: slots[int(m.group(1))], _BOLD.sub(r"\1", marked))
    rich = _MARK.sub(lambda m: html.escape(slots[int(m.group(1))], quote=False), _to_html(marked))
    return RenderedScript(plain=plain, html=rich)


def _inline(line: str) -> str:
    return _BOLD.sub(r"<b>\1</b>", html.escape(line, quote=False))


def _to_html(text: str) -> str:
    parts: list[str] = []
    bullets: list[str] = []
    pending_break = False
    for line in text.split("\n"):
        if line.startswith("- "):
            bullets.append(f"<li>{_inline(line[2:])}</li>")
            continue
        if bullets:
            parts.append("<ul>" + "".join(bullets) + "</ul>")
            bullets = []
            pending_break = False
        if pending_break:
            parts.append("<br>")
        parts.append(_inline(line))
        pending_break = True
    if bullets:
        parts.append("<ul>" + "".join(bullets) + "</ul>")
    return "".join(parts)
