"""The calling screen names the content version it calls with, and says why it calls nobody without a script or
transparency answer (issue 14.1). The versions themselves come from a real sync in
tests/integration/test_campaign_content.py; here the screen, offscreen, in German."""

from __future__ import annotations

import dataclasses

from desktop.app import App
from desktop.domain.queue import Availability, EmptyQueueExplanation, EmptyReason, QueueSummary
from desktop.services.calling import EmptyQueue, NoScript
from tests.qt.conftest import unlock, wait_for_card


def test_script_pane_shows_the_content_version(qtbot, app: App) -> None:
    unlock(qtbot, app)
    card = wait_for_card(qtbot, app)
    view = app.caller_view
    # the demo's campaign is released by its own central office with script and questions: version 1
    assert view.script_version.text() == "Version 1"
    view.show_card(dataclasses.replace(card, content_version=4, content_author="central"))
    assert view.script_version.text() == "Version 4"
    view.show_card(dataclasses.replace(card, content_version=5, content_author="lead"))
    assert view.script_version.text() == "Version 5, von deiner Verantwortlichen angepasst"


def test_no_script_is_explained_and_nothing_can_be_dialled(qtbot, app: App) -> None:
    unlock(qtbot, app)
    card = wait_for_card(qtbot, app)
    view = app.caller_view
    view.show_card(NoScript(card.campaign, ("transparency:missing",)))
    assert view.name.text().startswith("Für diese Aktion fehlt noch der Leitfaden")
    assert "Ohne sie wird niemand angerufen" in view.locality.text()
    assert view.number.text() == "" and not view.dial.isEnabled() and view.script_version.text() == ""


def test_a_pc_that_called_what_it_holds_says_a_sync_brings_more(qtbot, app: App) -> None:
    """Issue 13.3: an offline PC that called every contact leased to it says so, and what to do."""
    unlock(qtbot, app)
    card = wait_for_card(qtbot, app)
    view = app.caller_view
    summary = QueueSummary(total=3, counts={Availability.DONE: 3}, next_callback_at=None,
                           next_retry_at=None, next_reservation_end=None)  # fmt: skip
    why = EmptyQueueExplanation(EmptyReason.WAITING_FOR_LEASES, summary, None, 3, None, not_leased_here=12)
    view.show_card(EmptyQueue(card.campaign, why, 0))
    assert view.name.text() == "Gerade ist niemand anzurufen"
    assert view.locality.text().startswith("Alle, die dieser PC hat, sind angerufen. 12 weitere Personen")
    assert "die nächste Synchronisierung bringt diesem PC neue" in view.locality.text()
    assert "Alle auf der Liste" not in view.locality.text()
