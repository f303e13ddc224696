"""Small charts drawn with QPainter (only PySide6-Essentials is installed: no QtCharts). Calm colours, labels in
the palette's text colour, sizes from the font so they scale with the user's setting."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

BLUE = QColor("#1565c0")
GREEN = QColor("#2e7d32")
GREY = QColor("#9e9e9e")
RED = QColor("#b00020")
AMBER = QColor("#ef8f00")
PALETTE = (
    GREEN,
    BLUE,
    GREY,
    AMBER,
    QColor("#6a1b9a"),
    QColor("#00838f"),
    RED,
    QColor("#795548"),
    QColor("#5d4037"),
)


class BarList(QWidget):
    """One horizontal bar per (label, value, colour); the value is written beside the bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, int, QColor]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

    def set_rows(self, rows: Sequence[tuple[str, int, QColor]]) -> None:
        self.rows = list(rows)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        line = self.fontMetrics().height() + 8
        return QSize(360, max(1, len(self.rows)) * line + 4)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = self.fontMetrics()
        line = fm.height() + 8
        label_w = max((fm.horizontalAdvance(r[0]) for r in self.rows), default=0) + 12
        value_w = fm.horizontalAdvance("0000000") + 8
        bar_w = max(10, self.width() - label_w - value_w)
        top = max((r[1] for r in self.rows), default=0) or 1
        text = self.palette().text().color()
        for i, (label, value, colour) in enumerate(self.rows):
            y = i * line + 2
            p.setPen(text)
            p.drawText(
                QRectF(0, y, label_w - 8, line),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                label,
            )
            w = bar_w * value / top
            p.fillRect(QRectF(label_w, y + 3, max(w, 1 if value else 0), line - 6), colour)
            p.drawText(QRectF(label_w + w + 6, y, value_w, line), Qt.AlignmentFlag.AlignVCenter, str(value))
        p.end()


class ColumnChart(QWidget):
    """Vertical columns per bucket; each column is a stack of (value, colour) parts; a label under every n-th."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns: list[tuple[str, list[tuple[int, QColor]]]] = []
        self.empty_text = ""
        self.setMinimumHeight(160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_columns(
        self, columns: Sequence[tuple[str, list[tuple[int, QColor]]]], empty_text: str = ""
    ) -> None:
        self.columns = list(columns)
        self.empty_text = empty_text
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        fm = self.fontMetrics()
        text = self.palette().text().color()
        bottom = self.height() - fm.height() - 6
        left = fm.horizontalAdvance("0000") + 6
        top = max((sum(v for v, _ in parts) for _, parts in self.columns), default=0)
        p.setPen(QPen(GREY, 1))
        p.drawLine(left, bottom, self.width(), bottom)
        if not top:
            p.setPen(text)
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.empty_text)
            p.end()
            return
        p.setPen(text)
        p.drawText(QRectF(0, 0, left - 4, fm.height()), Qt.AlignmentFlag.AlignRight, str(top))
        n = len(self.columns)
        slot = (self.width() - left) / max(n, 1)
        bar = max(2.0, slot * 0.7)
        every = max(1, int((fm.horizontalAdvance("00:00") + 8) // max(slot, 1)) + 1)
        height = bottom - fm.height()
        for i, (label, parts) in enumerate(self.columns):
            x = left + i * slot + (slot - bar) / 2
            y = float(bottom)
            for value, colour in parts:
                h = height * value / top
                p.fillRect(QRectF(x, y - h, bar, h), colour)
                y -= h
            if i % every == 0:
                p.setPen(text)
                p.drawText(
                    QRectF(left + i * slot - slot, bottom + 3, slot * 3, fm.height()),
                    Qt.AlignmentFlag.AlignHCenter,
                    label,
                )
        p.end()
