"""The main window: a thin shell that stacks the screens. The title never names a person or a number."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QStackedWidget, QWidget

from desktop.views.style import STYLE_SHEET
from desktop.views.widgets import PlainTextLabels


class MainWindow(QMainWindow):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plain_labels = PlainTextLabels(self)  # data is never rendered as rich text, on any screen
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.plain_labels)
        self.setWindowTitle(self.tr("Telefonaktion"))
        self.setStyleSheet(STYLE_SHEET)
        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)
        self.status_label = QLabel("", self)
        self.statusBar().addPermanentWidget(self.status_label)
        self.resize(1280, 720)

    def show_screen(self, widget: QWidget) -> None:
        if self.stack.indexOf(widget) < 0:
            self.stack.addWidget(widget)
        self.stack.setCurrentWidget(widget)

    def drop_screen(self, widget: QWidget) -> None:
        if self.stack.indexOf(widget) >= 0:
            self.stack.removeWidget(widget)
        widget.deleteLater()
