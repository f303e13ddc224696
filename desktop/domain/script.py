"""The campaign's call script (Leitfaden) for one contact and caller, as plain text and as Qt rich text.

The placeholders and the renderer live in ``sync.core.script`` (shared with the central office's live preview).
Contact fields are substituted only when the campaign's purpose allows the field, else empty (DP-4/DP-7).
"""

from __future__ import annotations

from desktop.domain.models import Campaign, Contact
from sync.core.script import (
    CONTACT_PLACEHOLDERS,
    PLACEHOLDERS,
    RenderedScript,
    render_template,
)
from sync.core.script import (
    PLACEHOLDER_RE as _PLACEHOLDER,
)

__all__ = [
    "CONTACT_PLACEHOLDERS",
    "PLACEHOLDERS",
    "_PLACEHOLDER",
    "RenderedScript",
    "placeholder_values",
    "render_script",
    "render_template",
]


def placeholder_values(campaign: Campaign, contact: Contact | None, caller_name: str) -> dict[str, str]:
    """The value of every known placeholder; contact fields the purpose does not allow are empty."""
    allowed = campaign.allowed_fields
    values = {"caller_name": caller_name, "campaign_title": campaign.title}
    for name, field in CONTACT_PLACEHOLDERS.items():
        values[name] = getattr(contact, field.value, "") if contact is not None and field in allowed else ""
    return values


def render_script(
    campaign: Campaign, *, contact: Contact | None, caller_name: str, template: str | None = None
) -> RenderedScript:
    """Render ``template`` (default: ``campaign.script``) for one contact and caller."""
    source = campaign.script if template is None else template
    return render_template(source, placeholder_values(campaign, contact, caller_name))
