"""Small widget helpers shared by the screens.

- ``PlainTextLabels``: an application-wide event filter that makes every QLabel plain text when it is first
  polished, so a member's name, a caller's note or a campaign title made of HTML tags is shown as the
  characters it is, never rendered (a name like ``<h1 style=color:red>ACHTUNG …`` must not become a warning).
  The few labels that show our own rich text opt out with ``allow_rich_text(label)``.
- ``ElidedLabel``: one line that shrinks with "…" instead of forcing the window wider (top bars).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

_RICH = "telefonaktionRichText"


def allow_rich_text(label: QLabel) -> QLabel:
    """For labels whose text is our own markup with every piece of data escaped (html.escape)."""
    label.setProperty(_RICH, True)
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


def make_plain(label: QLabel) -> None:
    if label.property(_RICH) is not True and label.textFormat() != Qt.TextFormat.PlainText:
        label.setTextFormat(Qt.TextFormat.PlainText)


class PlainTextLabels(QObject):
    """Install once on the QApplication: every label polished afterwards is plain text."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Polish and isinstance(watched, QLabel):
            make_plain(watched)
        return False


class ElidedLabel(QLabel):
    """A single line of plain text that is cut with "…" when space is short (it never widens its window)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(80)
        self._full = ""
        self.setText(text)

    def setText(self, text: str) -> None:
        self._full = text
        self._elide()

    def clear(self) -> None:
        self.setText("")

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, max(self.width(), 40))
        super().setText(shown)
        self.setAccessibleDescription(self._full)
