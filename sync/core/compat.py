"""Forward compatibility of the wire (docs/sync.md "Compatibility"): what a PC reads from the central office may
carry fields a newer server added; what the central office reads from a PC may not.

Every wire model forbids unknown fields (``extra="forbid"``: the OpenAPI document says
``additionalProperties: false`` and the server refuses a request with a field it does not know). A reader that
validates with :data:`IGNORE_UNKNOWN` as pydantic's validation context drops the fields its model does not
know, at every level (the context reaches nested models), before the strict check runs. The PC's sync client
decodes every reply that way; the server never does. Signed payloads (clearance claims, revocation lists) are
never read leniently: a claim an old PC does not know could restrict what it may do.
"""

from __future__ import annotations

from typing import Any, Final

from pydantic import BaseModel, ValidationInfo, model_validator

IGNORE_UNKNOWN: Final = {"unknown_fields": "ignore"}


class Tolerant(BaseModel):
    """Base of the wire models: strict, unless validated with the context :data:`IGNORE_UNKNOWN`."""

    @model_validator(mode="before")
    @classmethod
    def _drop_unknown(cls, data: Any, info: ValidationInfo) -> Any:
        context = info.context
        if context is None or context.get("unknown_fields") != "ignore" or not isinstance(data, dict):
            return data
        known = cls.model_fields
        return {key: value for key, value in data.items() if key in known}
