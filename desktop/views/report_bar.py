"""The question bar at the bottom of the calling screen: one step of the report flow at a time.

Digits answer, Enter confirms, Backspace goes back; 9 or F9 is "Bitte nicht mehr anrufen". The bar only
renders the step it is given and forwards input to the view model: the rules live in the domain.
"""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.report_flow import ENTER, Step, StepKind
from desktop.views.labels import flow_label
from desktop.views.style import heading_font


class ReportBar(QFrame):
    key_pressed = Signal(str)  # "0".."9" | "enter"
    text_submitted = Signal(str)
    datetime_submitted = Signal(object)  # aware datetime
    back_requested = Signal()
    objection_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("questionBar")
        self.step: Step | None = None
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        self.prompt = QLabel("", self)
        self.prompt.setFont(heading_font(1.25))
        self.prompt.setWordWrap(True)
        self.prompt.setAccessibleName(self.tr("Question"))
        self.back_button = QPushButton(self.tr("Back (Backspace)"), self)
        self.back_button.setAccessibleName(self.tr("Back to the previous question"))
        self.back_button.clicked.connect(self.back_requested)
        self.objection = QPushButton(self.tr("[9] Please don't call again"), self)
        self.objection.setObjectName("objection")
        self.objection.setAccessibleName(self.tr("Please don't call again (objection, key 9 or F9)"))
        self.objection.clicked.connect(self.objection_requested)
        head.addWidget(self.prompt, 1)
        head.addWidget(self.back_button)
        head.addWidget(self.objection)
        layout.addLayout(head)

        self.options = QGridLayout()
        layout.addLayout(self.options)
        self._buttons: list[QPushButton] = []

        self.text = QLineEdit(self)
        self.text.setAccessibleName(self.tr("Answer"))
        self.text.installEventFilter(self)
        self.warning = QLabel("", self)
        self.warning.setObjectName("errorLabel")
        self.warning.setWordWrap(True)
        self.when = QDateTimeEdit(self)
        self.when.setCalendarPopup(True)
        self.when.setAccessibleName(self.tr("Call-back date and time"))
        self.when.installEventFilter(self)
        for widget in (self.text, self.warning, self.when):
            layout.addWidget(widget)
            widget.hide()

    # ------------------------------------------------------------------ rendering

    def show_step(self, step: Step, can_go_back: bool = True) -> None:
        self.step = step
        self.text.hide()
        self.warning.hide()
        self.when.hide()
        prompt = step.prompt_text or flow_label(step.prompt_id)
        self.prompt.setText(prompt)
        # the objection stays on every step, the last one included (#15.4); only an objection itself ends it
        self.objection.setEnabled(step.kind is not StepKind.DONE or step.objection_key is not None)
        digit_nine = step.objection_key is not None and step.kind is not StepKind.TEXT
        self.objection.setText(
            self.tr("[9] Please don't call again") if digit_nine else self.tr("[F9] Please don't call again")
        )
        shown = 0
        for option in step.options:
            label = option.text or flow_label(option.label_id)
            key = "↵" if option.key == ENTER else option.key
            mark = (
                "☑ "
                if option.selected
                else ("☐ " if step.kind is StepKind.MULTI and option.key != ENTER else "")
            )
            button = self._button(shown)
            button.setText(f"[{key}] {mark}{label}")
            button.setAccessibleName(label)
            button.setProperty("key", option.key)
            button.show()
            shown += 1
        for button in self._buttons[shown:]:
            button.hide()
        if step.kind is StepKind.TEXT:
            self.text.clear()
            self.text.setMaxLength(step.max_length or 500)
            self.text.show()
            self.text.setFocus()
            if step.dp6_warning:
                self.warning.setText(flow_label("report.note.warning"))
                self.warning.show()
        elif step.kind is StepKind.DATETIME:
            assert step.min_datetime is not None
            start = QDateTime(step.min_datetime.astimezone())
            self.when.setMinimumDateTime(start)
            if step.max_datetime is not None:
                self.when.setMaximumDateTime(QDateTime(step.max_datetime.astimezone()))
            self.when.setDateTime(start.addSecs(3600))
            self.when.show()
            self.when.setFocus()
        self.back_button.setEnabled(can_go_back)

    def _button(self, index: int) -> QPushButton:
        """Option buttons are made once and reused: a new step only changes their text (fast, no flicker)."""
        while len(self._buttons) <= index:
            button = QPushButton(self)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.clicked.connect(lambda _=False, b=button: self.key_pressed.emit(b.property("key")))
            position = len(self._buttons)
            self.options.addWidget(button, position // 4, position % 4)
            self._buttons.append(button)
        return self._buttons[index]

    def tab_chain(self) -> list[QWidget]:
        """The bar's focusable controls in visual order: the head row, then the options row by row."""
        return [self.back_button, self.objection, *self._buttons, self.text, self.when]

    def option_texts(self) -> list[str]:
        return [b.text() for b in self._buttons if not b.isHidden()]

    # ------------------------------------------------------------------ input from the inputs

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if watched is self.text:
                self.text_submitted.emit(self.text.text())
            elif watched is self.when:
                self.datetime_submitted.emit(self.when.dateTime().toPython().astimezone())
            return True
        if key == Qt.Key.Key_Backspace and watched is self.text and not self.text.text():
            self.back_requested.emit()
            return True
        if key == Qt.Key.Key_Escape:
            self.back_requested.emit()
            return True
        if key == Qt.Key.Key_F9:
            self.objection_requested.emit()
            return True
        return False
