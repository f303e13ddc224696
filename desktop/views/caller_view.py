"""The calling screen: the card, the script, and the report bar at the bottom. Keyboard first."""

from __future__ import annotations

import html

import phonenumbers
from PySide6.QtCore import QLocale, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeyEvent
from PySide6.QtWidgets import (
    QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QSplitter, QTextBrowser, QVBoxLayout, QWidget,
)

from desktop.domain.models import Outcome
from desktop.services.calling import Card, EmptyQueue, ReportSaved
from desktop.views.style import heading_font

# Digit key → outcome, in the order volunteers meet them most often.
OUTCOME_KEYS: tuple[tuple[str, Outcome], ...] = (
    ("1", Outcome.REACHED),
    ("2", Outcome.NO_PICKUP),
    ("3", Outcome.BUSY),
    ("4", Outcome.VOICEMAIL),
    ("5", Outcome.CALL_BACK),
    ("6", Outcome.NOT_AVAILABLE),
    ("7", Outcome.WRONG_NUMBER),
    ("8", Outcome.NOT_IN_SERVICE),
    ("9", Outcome.OBJECTION),
)


def display_number(e164: str) -> str:
    try:
        parsed = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL
                                      if parsed.country_code == 49 else phonenumbers.PhoneNumberFormat.INTERNATIONAL)


class CallerView(QWidget):
    outcome_chosen = Signal(object)  # Outcome
    next_requested = Signal()
    pause_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callerView")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._card: Card | EmptyQueue | None = None
        self._waiting_for_next = False

        root = QVBoxLayout(self)
        top = QHBoxLayout()
        self.campaign_title = QLabel("", self)
        self.campaign_title.setFont(heading_font(1.15))
        self.counts = QLabel("", self)
        self.pause = QPushButton(self.tr("Pause"), self)
        self.pause.setAccessibleName(self.tr("Take a break (locks the screen)"))
        self.pause.clicked.connect(self.pause_requested)
        top.addWidget(self.campaign_title, 1)
        top.addWidget(self.counts)
        top.addWidget(self.pause)
        root.addLayout(top)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        card = QFrame(split)
        card.setObjectName("card")
        card_layout = QVBoxLayout(card)
        self.name = QLabel("", card)
        self.name.setFont(heading_font(1.8))
        self.name.setAccessibleName(self.tr("Name"))
        self.locality = QLabel("", card)
        self.locality.setFont(heading_font(1.1, bold=False))
        number_row = QHBoxLayout()
        self.number = QLabel("", card)
        self.number.setFont(heading_font(1.6))
        self.number.setAccessibleName(self.tr("Phone number"))
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.dial = QPushButton(self.tr("Call"), card)
        self.dial.setAccessibleName(self.tr("Call with the phone of this PC"))
        self.dial.clicked.connect(self._dial)
        number_row.addWidget(self.number, 1)
        number_row.addWidget(self.dial)
        self.history = QLabel("", card)
        self.history.setWordWrap(True)
        self.history.setAccessibleName(self.tr("Earlier attempts"))
        card_layout.addWidget(self.name)
        card_layout.addWidget(self.locality)
        card_layout.addSpacing(12)
        card_layout.addLayout(number_row)
        card_layout.addWidget(self.history)
        card_layout.addStretch(1)

        self.script = QTextBrowser(split)
        self.script.setObjectName("scriptPane")
        self.script.setAccessibleName(self.tr("Script"))
        self.script.setOpenLinks(False)
        split.addWidget(card)
        split.addWidget(self.script)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        root.addWidget(split, 1)

        bar = QFrame(self)
        bar.setObjectName("questionBar")
        bar_layout = QVBoxLayout(bar)
        self.question = QLabel(self.tr("How did the call go?"), bar)
        self.question.setFont(heading_font(1.1))
        bar_layout.addWidget(self.question)
        grid = QGridLayout()
        self.buttons: dict[Outcome, QPushButton] = {}
        for index, (key, outcome) in enumerate(OUTCOME_KEYS):
            button = QPushButton(f"[{key}] {self.outcome_label(outcome)}", bar)
            button.setAccessibleName(self.outcome_label(outcome))
            button.clicked.connect(lambda _=False, o=outcome: self._choose(o))
            if outcome is Outcome.OBJECTION:
                button.setObjectName("objection")
            grid.addWidget(button, index // 5, index % 5)
            self.buttons[outcome] = button
        bar_layout.addLayout(grid)
        self.status = QLabel("", bar)
        self.status.setObjectName("savedLabel")
        self.status.setAccessibleName(self.tr("Status"))
        bar_layout.addWidget(self.status)
        root.addWidget(bar)

    # ------------------------------------------------------------------ texts

    def outcome_label(self, outcome: Outcome) -> str:
        labels = {
            Outcome.REACHED: self.tr("Reached"),
            Outcome.NO_PICKUP: self.tr("No answer"),
            Outcome.BUSY: self.tr("Busy"),
            Outcome.VOICEMAIL: self.tr("Voicemail left"),
            Outcome.CALL_BACK: self.tr("Call back later"),
            Outcome.NOT_AVAILABLE: self.tr("Not available"),
            Outcome.WRONG_NUMBER: self.tr("Wrong number"),
            Outcome.NOT_IN_SERVICE: self.tr("Number not in service"),
            Outcome.OBJECTION: self.tr("Please don't call again"),
        }
        return labels[outcome]

    # ------------------------------------------------------------------ showing

    def show_card(self, card: Card | EmptyQueue, caller_label: str) -> None:
        self._card = card
        self._waiting_for_next = False
        self.status.clear()
        self.campaign_title.setText(card.campaign.title)
        if isinstance(card, EmptyQueue):
            self.name.setText(self.tr("Nobody to call right now"))
            if card.waiting_callbacks:
                when = QLocale().toString(card.next_callback.astimezone(), QLocale.FormatType.ShortFormat) \
                    if card.next_callback else ""
                self.locality.setText(self.tr("%n people wait for their call-back, the next at %1.", "",
                                              card.waiting_callbacks).replace("%1", when))
            else:
                self.locality.setText(self.tr("Everyone on the list has been called. Thank you!"))
            self.number.clear()
            self.history.clear()
            self.script.clear()
            self._set_buttons(False)
            return
        contact = card.contact
        self.name.setText(contact.display_name)
        self.locality.setText(contact.locality)
        self.number.setText(display_number(contact.phone) if card.numbers_visible else "••• ••• •••")
        self.dial.setEnabled(card.numbers_visible and bool(contact.phone))
        self.history.setText(self._history_text(card))
        self.script.setHtml(self._script_html(card, caller_label))
        self._set_buttons(True)
        self.setFocus()

    def _history_text(self, card: Card) -> str:
        if not card.attempts:
            return self.tr("First call")
        parts = [f"{QLocale().toString(a.at.astimezone().date(), QLocale.FormatType.ShortFormat)} "
                 f"{self.outcome_label(a.outcome)}" for a in card.attempts]
        return self.tr("Earlier attempts: %1").replace("%1", " · ".join(parts))

    def _script_html(self, card: Card, caller_label: str) -> str:
        values = {"first_name": card.contact.first_name, "last_name": card.contact.last_name,
                  "locality": card.contact.locality, "caller_name": caller_label,
                  "campaign_title": card.campaign.title}
        text = card.campaign.script
        for key, value in values.items():
            text = text.replace("{" + key + "}", value)
        return "<br>".join(html.escape(line) for line in text.splitlines())

    def _set_buttons(self, enabled: bool) -> None:
        for button in self.buttons.values():
            button.setEnabled(enabled)

    def show_saved(self, saved: ReportSaved) -> None:
        self._waiting_for_next = True
        self._set_buttons(False)
        self.status.setText(self.tr("Saved. Press Enter for the next person."))
        self.counts.setText(self.tr("%1 calls · %2 reached · %3 waiting to upload")
                            .replace("%1", str(saved.shift.calls)).replace("%2", str(saved.shift.reached))
                            .replace("%3", str(saved.pending_uploads)))
        self.name.setText(self.tr("Saved"))
        self.number.clear()
        self.locality.clear()
        self.history.clear()

    # ------------------------------------------------------------------ input

    def _choose(self, outcome: Outcome) -> None:
        if isinstance(self._card, Card) and not self._waiting_for_next:
            self.status.setText(self.tr("Saving …"))
            self._set_buttons(False)
            self.outcome_chosen.emit(outcome)

    def _dial(self) -> None:
        if isinstance(self._card, Card) and self._card.numbers_visible and self._card.contact.phone:
            QDesktopServices.openUrl(QUrl("tel:" + self._card.contact.phone))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt naming)
        key = event.text()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._waiting_for_next:
                self.next_requested.emit()
            return
        for digit, outcome in OUTCOME_KEYS:
            if key == digit:
                self._choose(outcome)
                return
        super().keyPressEvent(event)
