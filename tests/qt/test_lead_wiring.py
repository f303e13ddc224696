"""A lead switches between calling and preparing; a volunteer never sees the lead's screens."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.app import App
from tests.qt.conftest import unlock, wait_for_card


def test_the_lead_prepares_and_comes_back_to_calling(qtbot, app: App) -> None:
    unlock(qtbot, app)
    card = wait_for_card(qtbot, app)
    assert app.caller_view.prepare.isVisible()
    qtbot.mouseClick(app.caller_view.prepare, Qt.MouseButton.LeftButton)
    area = app.lead_area
    assert area is not None and app.window.stack.currentWidget() is area
    qtbot.waitUntil(lambda: area.campaign_id == card.campaign.id, timeout=15000)
    qtbot.mouseClick(area.call_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: app.window.stack.currentWidget() is app.caller_view, timeout=15000)
    assert wait_for_card(qtbot, app).campaign.id == card.campaign.id
    app.lock("pause")
    qtbot.waitUntil(lambda: app.session.workspace is None, timeout=15000)
    assert app.lead_area is None  # nothing of the lead's screens survives a lock
