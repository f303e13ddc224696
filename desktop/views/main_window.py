"""The main window: a thin shell that stacks the screens. The title never names a person or a number."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QStackedWidget, QWidget

from desktop.views.style import STYLE_SHEET
from desktop.views.widgets import PlainTextLabels


class CurrentPageStack(QStackedWidget):
    """A stack whose size hints are those of the page on screen: a wide page kept in the stack (the lead's
    screens) must not stop the calling screen from fitting a 1024-pixel office screen."""

    def sizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.minimumSizeHint() if page is not None else super().minimumSizeHint()


class MainWindow(QMainWindow):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plain_labels = PlainTextLabels(self)  # data is never rendered as rich text, on any screen
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.plain_labels)
        self.setWindowTitle(self.tr("Telefonaktion"))
        self.setStyleSheet(STYLE_SHEET)
        self.stack = CurrentPageStack(self)
        self.setCentralWidget(self.stack)
        self.status_label = QLabel("", self)
        self.statusBar().addPermanentWidget(self.status_label)
        self.resize(1280, 720)

    def show_screen(self, widget: QWidget) -> None:
        if self.stack.indexOf(widget) < 0:
            self.stack.addWidget(widget)
        self.stack.setCurrentWidget(widget)
        self.stack.updateGeometry()  # the window's minimum follows the page now on screen

    def drop_screen(self, widget: QWidget) -> None:
        if self.stack.indexOf(widget) >= 0:
            self.stack.removeWidget(widget)
        widget.deleteLater()
