"""The question bar at the bottom of the calling screen: one step of the report flow at a time.

Digits answer, Enter confirms, Backspace goes back; 9 or F9 is "Bitte nicht mehr anrufen". The bar only
renders the step it is given and forwards input to the view model: the rules live in the domain. Call-back
options show the moment they stand for, the wrong-number options the (masked) numbers, and the last step is
the recap: one line per answer with the digit that changes it, Enter saves.
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

from desktop.domain.calling_hours import callback_moment
from desktop.domain.report_flow import ENTER, Option, Step, StepKind
from desktop.views.dialing import mask_number
from desktop.views.labels import flow_label, recap_text, when_text
from desktop.views.style import heading_font

COLUMNS = 4
TIMED_COLUMNS = 3
RECAP_COLUMNS = 2


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
        self.when.dateTimeChanged.connect(self._preview_when)
        self.when_preview = QLabel("", self)
        self.when_preview.setObjectName("whenPreview")
        self.when_preview.setTextFormat(Qt.TextFormat.PlainText)
        self.when_preview.setWordWrap(True)
        self.when_preview.setAccessibleName(self.tr("Call-back time that will be saved"))
        for widget in (self.text, self.warning, self.when, self.when_preview):
            layout.addWidget(widget)
            widget.hide()

    # ------------------------------------------------------------------ rendering

    def show_step(self, step: Step, can_go_back: bool = True) -> None:
        self.step = step
        self.text.hide()
        self.warning.hide()
        self.when.hide()
        self.when_preview.hide()
        prompt = step.prompt_text or flow_label(step.prompt_id)
        self.prompt.setText(prompt)
        # the objection stays on every step, the last one included (#15.4); only an objection itself ends it
        self.objection.setEnabled(step.kind is not StepKind.DONE or step.objection_key is not None)
        digit_nine = step.objection_key is not None and step.kind is not StepKind.TEXT
        self.objection.setText(
            self.tr("[9] Please don't call again") if digit_nine else self.tr("[F9] Please don't call again")
        )
        shown = 0
        columns = COLUMNS
        if step.kind is StepKind.DONE:
            columns = RECAP_COLUMNS
        elif any(o.at is not None for o in step.options):  # longer texts with the moment: fewer columns
            columns = TIMED_COLUMNS
        for option in step.options:
            label = self._option_label(option)
            key = "↵" if option.key == ENTER else option.key
            mark = (
                "☑ "
                if option.selected
                else ("☐ " if step.kind is StepKind.MULTI and option.key != ENTER else "")
            )
            button = self._button(shown)
            button.setText(f"[{key}] {mark}{label}")
            button.setAccessibleName(
                self.tr("Change: %1").replace("%1", label) if option.recap is not None else label
            )
            button.setProperty("key", option.key)
            self.options.removeWidget(button)
            self.options.addWidget(button, shown // columns, shown % columns)
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
            self.when_preview.show()
            self._preview_when()
            self.when.setFocus()
        self.back_button.setEnabled(can_go_back)

    @staticmethod
    def _option_label(option: Option) -> str:
        if option.recap is not None:
            return recap_text(option.recap)
        label = option.text or flow_label(option.label_id)
        if option.at is not None:  # a call-back preset: the moment it stands for, before it is chosen
            return f"{label} · {when_text(option.at)}"
        if option.number:
            return f"{label}: {mask_number(option.number)}"
        return label

    def _preview_when(self) -> None:
        """The moment a picked call-back will really have: inside the campaign's calling hours."""
        step = self.step
        if step is None or step.kind is not StepKind.DATETIME:
            return
        picked = self.when.dateTime().toPython().astimezone()
        moment = callback_moment(picked, step.calling_hours) if step.calling_hours else picked
        text = self.tr("Call-back: %1").replace("%1", when_text(moment))
        if moment != picked:
            text += " " + self.tr("(the chosen time is outside the calling hours: the next possible time)")
        self.when_preview.setText(text)

    def preview_text(self) -> str:
        return self.when_preview.text()

    def _button(self, index: int) -> QPushButton:
        """Option buttons are made once and reused: a new step only changes their text (fast, no flicker)."""
        while len(self._buttons) <= index:
            button = QPushButton(self)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.clicked.connect(lambda _=False, b=button: self.key_pressed.emit(b.property("key")))
            position = len(self._buttons)
            self.options.addWidget(button, position // COLUMNS, position % COLUMNS)
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
