"""Fonts and the style sheet: sizes derive from the system font, so text scales with the user's setting."""

from __future__ import annotations

from PySide6.QtGui import QFont, QGuiApplication


def heading_font(scale: float, bold: bool = True) -> QFont:
    font = QFont(QGuiApplication.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(bold)
    return font


STYLE_SHEET = """
QWidget#unlockPanel, QFrame#card, QFrame#scriptPane, QFrame#questionBar { background: palette(base); }
QLabel#errorLabel { color: #b00020; }
QLabel#savedLabel { color: #1b5e20; font-weight: bold; }
QLabel#demoHint { color: #555; }
QLineEdit, QComboBox, QDateTimeEdit, QSpinBox { padding: 5px 6px; border: 1px solid #8a8a8a; border-radius: 3px;
    background: palette(base); }
QPushButton { padding: 6px 14px; border: 1px solid #8a8a8a; border-radius: 3px; background: #f4f4f4; }
QPushButton:disabled { color: #9a9a9a; }
QPushButton:focus, QComboBox:focus, QLineEdit:focus, QDateTimeEdit:focus, QSpinBox:focus,
QTextBrowser:focus, QListWidget:focus, QCheckBox:focus { border: 2px solid #1565c0; }
QWidget#unlockPanel { padding: 12px; }
QPushButton#objection { color: #b00020; }
QFrame#clockNotice { background: #fff4ce; border: 1px solid #c9a227; border-radius: 3px; }
QListWidget#peopleList::item { padding: 6px 4px; }
"""
