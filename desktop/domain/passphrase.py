"""How strong a new passphrase looks, for the hint under the field (no rule beyond the minimum length).

Long beats clever: several words are easy to remember and hard to guess, so length counts most.
"""

from __future__ import annotations

from enum import IntEnum

MIN_LENGTH = 8  # the key slots refuse shorter ones (storage.keyslots / services)


class Strength(IntEnum):
    TOO_SHORT = 0
    WEAK = 1
    FAIR = 2
    STRONG = 3


def strength(passphrase: str) -> Strength:
    if len(passphrase) < MIN_LENGTH:
        return Strength.TOO_SHORT
    kinds = sum(
        (
            any(c.islower() for c in passphrase),
            any(c.isupper() for c in passphrase),
            any(c.isdigit() for c in passphrase),
            any(not c.isalnum() for c in passphrase),
        )
    )
    distinct = len(set(passphrase.lower()))
    if len(passphrase) >= 16 and distinct >= 8:
        return Strength.STRONG
    if len(passphrase) >= 12 and kinds >= 2 and distinct >= 6:
        return Strength.FAIR
    return Strength.WEAK
