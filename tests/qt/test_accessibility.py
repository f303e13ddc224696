"""Keyboard and screen-reader basics of the calling screen (issue 3, point 7)."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QWidget

from desktop.app import App
from tests.qt.conftest import unlock, wait_for_card


def visible_controls(root: QWidget) -> list[QWidget]:
    return [
        w
        for w in root.findChildren(QWidget)
        if isinstance(w, QAbstractButton | QLineEdit) and w.isVisibleTo(root) and w.isEnabled()
    ]


def test_every_control_has_a_name_and_is_reachable_by_tab(qtbot, app: App) -> None:
    unlock(qtbot, app)
    wait_for_card(qtbot, app)
    view = app.caller_view
    controls = visible_controls(view)
    assert len(controls) >= 10
    unnamed = [w for w in controls if not (w.accessibleName() or getattr(w, "text", lambda: "")())]
    assert unnamed == []
    app.window.activateWindow()
    view.setFocus()
    reached = set()
    widget = view
    for _ in range(200):
        widget = widget.nextInFocusChain()
        reached.add(widget)
    missing = [w.accessibleName() or w.text() for w in controls if w not in reached]
    assert missing == []


def test_text_follows_the_system_font_size(qtbot, app: App) -> None:
    unlock(qtbot, app)
    wait_for_card(qtbot, app)
    normal = app.caller_view.name.font().pointSizeF()
    base = QApplication.font()
    bigger = QFont(base)
    bigger.setPointSizeF(base.pointSizeF() * 1.5)
    QApplication.setFont(bigger)
    try:
        from desktop.views.style import heading_font

        assert heading_font(1.8).pointSizeF() > normal * 1.4  # new screens pick the larger size up
    finally:
        QApplication.setFont(base)


def test_usable_at_1280_by_720(qtbot, app: App) -> None:
    unlock(qtbot, app)
    wait_for_card(qtbot, app)
    app.window.resize(1280, 720)
    qtbot.waitUntil(lambda: app.window.width() == 1280, timeout=5000)
    view = app.caller_view
    for w in visible_controls(view):  # nothing clipped off the window
        top_left = w.mapTo(app.window, w.rect().topLeft())
        assert top_left.x() >= 0 and top_left.x() + w.width() <= app.window.width() + 1
        assert top_left.y() >= 0 and top_left.y() + w.height() <= app.window.height() + 1
