"""The strength hint under a new passphrase (welcome screen): length counts most."""

from __future__ import annotations

from desktop.domain.passphrase import Strength, strength


def test_hint_grows_with_length_and_variety() -> None:
    assert strength("") is Strength.TOO_SHORT
    assert strength("kurz123") is Strength.TOO_SHORT  # below the minimum the key slots accept
    assert strength("aaaaaaaaaaaa") is Strength.WEAK  # long but one letter
    assert strength("sommer2026") is Strength.WEAK
    assert strength("Sommerfest2026") is Strength.FAIR
    assert strength("drei lange wörter hier") is Strength.STRONG
    assert strength("x" * 40) is Strength.WEAK  # length alone, without variety, is not strong
