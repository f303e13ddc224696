"""The calling screen: card, script, and the question bar. Keyboard first, calm, nothing extra (screens.md 2).

Keys: digits answer, Enter confirms (on the recap: saves), Backspace goes back, 9 or F9 "Bitte nicht mehr
anrufen", F1 the answer to "where do you have my number from?", F2 corrects the last report, F3 "Meine Anrufe"
(this shift's calls; Enter corrects one), F4 skips the person with a short reason, Ctrl+L takes a break.
"""

from __future__ import annotations

import itertools
from datetime import datetime

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.queue import EmptyReason
from desktop.domain.report_flow import StepKind
from desktop.domain.script import render_script
from desktop.services.calling import (
    Card,
    EmptyQueue,
    NextCard,
    NoCampaign,
    NoScript,
    NotCleared,
    OutsideHours,
    ReportSaved,
    ShiftCounts,
)
from desktop.viewmodels.shift import ShiftViewModel
from desktop.views.dialing import ClipboardGuard, display_number, open_dialer, qr_pixmap
from desktop.views.labels import clearance_explanation, outcome_label
from desktop.views.report_bar import ReportBar
from desktop.views.shift_dialogs import ShiftLogDialog, SkipDialog
from desktop.views.style import heading_font
from desktop.views.widgets import ElidedLabel


class CallerView(QWidget):
    pause_requested = Signal()
    end_shift_requested = Signal()
    admit_requested = Signal()
    prepare_requested = Signal()

    def __init__(self, shift: ShiftViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callerView")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.shift = shift
        self.card: NextCard | None = None
        self.clipboard = ClipboardGuard(self)
        self.skip_dialog: SkipDialog | None = None
        self.log_dialog: ShiftLogDialog | None = None
        self._qr_number = ""

        root = QVBoxLayout(self)
        root.addLayout(self._top_bar())
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self._card_pane(split))
        split.addWidget(self._script_pane(split))
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        root.addWidget(split, 1)
        self.bar = ReportBar(self)
        root.addWidget(self.bar)
        self.status = QLabel("", self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.status.setObjectName("savedLabel")
        self.status.setAccessibleName(self.tr("Status"))
        root.addWidget(self.status)

        self.bar.key_pressed.connect(self._press)
        self.bar.text_submitted.connect(self.shift.submit_text)
        self.bar.datetime_submitted.connect(self._submit_datetime)
        self.bar.back_requested.connect(self.shift.back)
        self.bar.objection_requested.connect(self._object)
        shift.card_ready.connect(self.show_card)
        shift.step_changed.connect(self._show_step)
        shift.saved.connect(self.show_saved)
        shift.skipped.connect(self._show_skipped)
        for sequence, slot in (
            (QKeySequence("F1"), self.toggle_transparency),
            (QKeySequence("F2"), self._correct),
            (QKeySequence("F3"), self.open_shift_log),
            (QKeySequence("F4"), self.open_skip),
            (QKeySequence("F9"), self._object),
        ):
            shortcut = QShortcut(sequence, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self._chain_tab_order()

    def _chain_tab_order(self) -> None:
        """Tab follows what the eye reads: the top bar left to right, the card, the script, the question bar."""
        chain: list[QWidget] = [
            self.correct,
            self.prepare,
            self.admit,
            self.pause,
            self.end_shift,
            self.dial,
            self.qr,
            self.copy,
            self.skip,
            self.my_calls,
            self.dial2,
            self.qr2,
            self.copy2,
            self.script,
            self.transparency_button,
            *self.bar.tab_chain(),
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # ------------------------------------------------------------------ building

    def _top_bar(self) -> QHBoxLayout:
        """Title and counts shrink (the title is cut with "…", the counts wrap) so that the buttons stay on
        screen from 1024 pixels up, with long titles and large counts (#15.4)."""
        top = QHBoxLayout()
        self.campaign_title = ElidedLabel("", self)
        self.campaign_title.setFont(heading_font(1.15))
        self.campaign_title.setAccessibleName(self.tr("Campaign"))
        self.counts = QLabel(self.tr("No calls yet in this shift"), self)
        self.counts.setWordWrap(True)
        self.counts.setMinimumWidth(120)
        self.counts.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.counts.setAccessibleName(self.tr("Your shift"))
        self.correct = QPushButton(self.tr("Correct (F2)"), self)
        self.correct.setAccessibleName(self.tr("Correct the last report (F2)"))
        self.correct.setEnabled(False)
        self.correct.clicked.connect(self._correct)
        self.pause = QPushButton(self.tr("Break (Ctrl+L)"), self)
        self.pause.setAccessibleName(self.tr("Take a break: locks the screen"))
        self.pause.clicked.connect(self.pause_requested)
        self.end_shift = QPushButton(self.tr("End shift"), self)
        self.end_shift.setAccessibleName(self.tr("End shift and sign out"))
        self.end_shift.clicked.connect(self.end_shift_requested)
        top.addWidget(self.campaign_title, 3)
        top.addWidget(self.counts, 2)
        self.admit = QPushButton(self.tr("Admit a volunteer"), self)
        self.admit.setAccessibleName(self.tr("Admit a volunteer (responsible persons only)"))
        self.admit.clicked.connect(self.admit_requested)
        self.admit.setVisible(self.shift.is_lead)
        self.prepare = QPushButton(self.tr("Prepare campaigns"), self)
        self.prepare.setAccessibleName(
            self.tr("Prepare campaigns, lists and progress (responsible persons only)")
        )
        self.prepare.clicked.connect(self.prepare_requested)
        self.prepare.setVisible(self.shift.is_lead)
        top.addWidget(self.correct)
        top.addWidget(self.prepare)
        top.addWidget(self.admit)
        top.addWidget(self.pause)
        top.addWidget(self.end_shift)
        return top

    def _card_pane(self, parent: QWidget) -> QFrame:
        card = QFrame(parent)
        card.setObjectName("card")
        layout = QVBoxLayout(card)
        self.correction_banner = QLabel(
            self.tr("Correcting the last report: the new answers replace it."), card
        )
        self.correction_banner.setObjectName("errorLabel")
        self.correction_banner.hide()
        self.name = QLabel("", card)
        self.name.setTextFormat(Qt.TextFormat.PlainText)
        self.name.setFont(heading_font(1.8))
        self.name.setWordWrap(True)
        self.name.setAccessibleName(self.tr("Name"))
        self.locality = QLabel("", card)
        self.locality.setFont(heading_font(1.1, bold=False))
        self.locality.setWordWrap(True)
        self.locality.setTextFormat(Qt.TextFormat.PlainText)
        self.number = QLabel("", card)
        self.number.setFont(heading_font(1.6))
        self.number.setAccessibleName(self.tr("Phone number"))
        self.number2 = QLabel("", card)
        self.number2.setTextFormat(Qt.TextFormat.PlainText)
        self.number2.setAccessibleName(self.tr("Second phone number"))
        buttons = QHBoxLayout()
        self.dial = QPushButton(self.tr("&Call"), card)
        self.dial.setAccessibleName(self.tr("Call with the phone of this PC"))
        self.dial.clicked.connect(self._dial)
        self.qr = QPushButton(self.tr("&QR code"), card)
        self.qr.setAccessibleName(self.tr("Show a QR code to dial with your own phone"))
        self.qr.clicked.connect(self._toggle_qr)
        self.copy = QPushButton(self.tr("Cop&y"), card)
        self.copy.setAccessibleName(self.tr("Copy the number (cleared after 30 seconds)"))
        self.copy.clicked.connect(self._copy)
        self.skip = QPushButton(self.tr("Skip (F4)"), card)
        self.skip.setAccessibleName(self.tr("Skip this person with a short reason (F4)"))
        self.skip.clicked.connect(self.open_skip)
        # the shift's own list sits with the card (the top bar must fit 1024 pixels with the lead's buttons)
        self.my_calls = QPushButton(self.tr("My calls (F3)"), card)
        self.my_calls.setAccessibleName(self.tr("My calls in this shift, to correct any of them (F3)"))
        self.my_calls.clicked.connect(self.open_shift_log)
        for button in (self.dial, self.qr, self.copy, self.skip, self.my_calls):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            buttons.addWidget(button)
        buttons.addStretch(1)
        # the second number is dialled like the first: softphone, QR code, clipboard (#15.4)
        second = QHBoxLayout()
        self.dial2 = QPushButton(self.tr("Call"), card)
        self.dial2.setAccessibleName(self.tr("Call the second number with the phone of this PC"))
        self.dial2.clicked.connect(lambda: self._dial(second=True))
        self.qr2 = QPushButton(self.tr("QR code"), card)
        self.qr2.setAccessibleName(self.tr("Show a QR code to dial the second number with your own phone"))
        self.qr2.clicked.connect(lambda: self._toggle_qr(second=True))
        self.copy2 = QPushButton(self.tr("Copy"), card)
        self.copy2.setAccessibleName(self.tr("Copy the second number (cleared after 30 seconds)"))
        self.copy2.clicked.connect(lambda: self._copy(second=True))
        second.addWidget(self.number2)
        for button in (self.dial2, self.qr2, self.copy2):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            second.addWidget(button)
            button.hide()
        second.addStretch(1)
        self.qr_image = QLabel(card)
        self.qr_image.setAccessibleName(self.tr("QR code of the number"))
        self.qr_note = QLabel(
            self.tr(
                "Note: the number then stays in your phone's call log. Please delete it there after the call."
            ),
            card,
        )
        self.qr_note.setWordWrap(True)
        self.qr_image.hide()
        self.qr_note.hide()
        self.history = QLabel("", card)
        self.history.setTextFormat(Qt.TextFormat.PlainText)  # other callers' notes are data, never markup
        self.history.setWordWrap(True)
        self.history.setAccessibleName(self.tr("Earlier attempts"))
        for widget in (self.correction_banner, self.name, self.locality, self.number):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        layout.addLayout(second)
        layout.addWidget(self.qr_image)
        layout.addWidget(self.qr_note)
        layout.addWidget(self.history)
        layout.addStretch(1)
        return card

    def _script_pane(self, parent: QWidget) -> QWidget:
        pane = QFrame(parent)
        pane.setObjectName("scriptPane")
        layout = QVBoxLayout(pane)
        title = QLabel(self.tr("Script"), pane)
        title.setFont(heading_font(1.1))
        self.script_version = QLabel("", pane)
        self.script_version.setObjectName("scriptVersion")
        self.script = QTextBrowser(pane)
        self.script.setAccessibleName(self.tr("Script"))
        self.script.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.transparency_button = QPushButton(self.tr("“Where do you have my number from?” (F1)"), pane)
        self.transparency_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.transparency_button.clicked.connect(self.toggle_transparency)
        self.transparency = QLabel("", pane)
        self.transparency.setTextFormat(Qt.TextFormat.PlainText)
        self.transparency.setWordWrap(True)
        self.transparency.setAccessibleName(self.tr("Answer: where we have the number from"))
        self.transparency.hide()
        layout.addWidget(title)
        layout.addWidget(self.script_version)
        layout.addWidget(self.script, 1)
        layout.addWidget(self.transparency_button)
        layout.addWidget(self.transparency)
        return pane

    # ------------------------------------------------------------------ showing a card

    def show_card(self, card: NextCard) -> None:
        self.card = card
        self._show_correction_banner()
        self.qr_image.hide()
        self.qr_note.hide()
        self.transparency.hide()
        self.correct.setEnabled(self.shift.can_correct)
        self.skip.setEnabled(isinstance(card, Card) and self.shift.correcting is None)
        if not isinstance(card, Card):
            self._show_no_card(card)
            return
        campaign, contact = card.campaign, card.contact
        self.campaign_title.setText(campaign.title)
        self.name.setText(contact.display_name)
        self.locality.setText(
            " ".join(p for p in (contact.postcode, contact.locality, contact.district) if p)
        )
        self.number.setText(display_number(contact.phone))
        self.number2.setText(
            self.tr("Second number: %1").replace("%1", display_number(contact.phone2))
            if contact.phone2
            else ""
        )
        for button in (self.dial, self.qr, self.copy):
            button.setEnabled(bool(contact.phone))
        for button in (self.dial2, self.qr2, self.copy2):
            button.setVisible(bool(contact.phone2))
            button.setEnabled(bool(contact.phone2))
        self.history.setText(self._history_text(card))
        self.script.setHtml(
            render_script(campaign, contact=contact, caller_name=self.shift.caller_label).html
        )
        if card.content_version is None:
            self.script_version.clear()
        elif card.content_author == "lead":
            self.script_version.setText(
                self.tr("Version %1, adapted by your call lead").replace("%1", str(card.content_version))
            )
        else:
            self.script_version.setText(self.tr("Version %1").replace("%1", str(card.content_version)))
        self.transparency.setText(
            campaign.transparency
            or self.tr(
                "Your number comes from the party's membership records. We use it only for this campaign. "
                "You can object at any time, and we will not call you again."
            )
        )
        self.bar.setEnabled(True)
        self.bar.show()
        self.setFocus()

    def _show_no_card(self, card: NextCard) -> None:
        for widget in (self.number, self.number2, self.history, self.locality):
            widget.clear()
        self.script.clear()
        self.script_version.clear()
        self.bar.setEnabled(False)
        self.bar.hide()
        for button in (self.dial, self.qr, self.copy, self.skip):
            button.setEnabled(False)
        for button in (self.dial2, self.qr2, self.copy2):
            button.hide()
        if isinstance(card, NoCampaign):
            self.campaign_title.clear()
            self.name.setText(self.tr("No campaign on this PC yet"))
            self.locality.setText(self.tr("Your call lead prepares one, or it arrives with the next sync."))
            return
        self.campaign_title.setText(card.campaign.title)
        if isinstance(card, NoScript):
            self.name.setText(
                self.tr(
                    "This campaign has no script or no answer to “Where do you have my number from?” yet."
                )
            )
            self.locality.setText(
                self.tr(
                    "Nobody is called without them. Ask your call lead or the central office to add them."
                )
            )
            return
        if isinstance(card, NotCleared):
            self.name.setText(self.tr("This campaign still lacks the clearance of the central office."))
            self.locality.setText(clearance_explanation(card.gate))
            return
        if isinstance(card, OutsideHours):
            self.name.setText(self.tr("Outside calling hours"))
            verdict = card.verdict
            when = (
                QLocale().toString(verdict.next_allowed, QLocale.FormatType.ShortFormat)
                if verdict.next_allowed
                else ""
            )
            if verdict.reason == "public_holiday":
                text = (
                    self.tr("Today is a public holiday (%1). Calls are possible again from %2.")
                    .replace("%1", verdict.holiday_name or "")
                    .replace("%2", when)
                )
            else:
                text = self.tr("We do not call at this time. Calls are possible again from %1.").replace(
                    "%1", when
                )
            self.locality.setText(text)
            return
        assert isinstance(card, EmptyQueue)
        self.name.setText(self.tr("Nobody to call right now"))
        self.locality.setText(self._explain(card))

    def _explain(self, card: EmptyQueue) -> str:
        explanation = card.explanation
        summary = explanation.summary
        fmt = QLocale().toString
        if explanation.reason == EmptyReason.GOAL_MET:
            return self.tr("The campaign's goal is reached. Thank you!")
        if explanation.reason == EmptyReason.NO_CONTACTS:
            return self.tr("The call list is empty.")
        parts = []
        if explanation.not_leased_here:
            parts.append(
                self.tr(
                    "You have called everyone this PC holds. %n more people on the list are with the central "
                    "office or another PC: the next synchronisation brings this PC new ones.",
                    "",
                    explanation.not_leased_here,
                )
            )
        if summary.callbacks_pending and summary.next_callback_at is not None:
            parts.append(
                self.tr(
                    "%n people wait for their call-back, the next at %1.", "", summary.callbacks_pending
                ).replace("%1", fmt(summary.next_callback_at.astimezone(), QLocale.FormatType.ShortFormat))
            )
        if summary.cooling_down and summary.next_retry_at is not None:
            parts.append(
                self.tr("%n people can be tried again from %1.", "", summary.cooling_down).replace(
                    "%1", fmt(summary.next_retry_at.astimezone(), QLocale.FormatType.ShortFormat)
                )
            )
        if summary.reserved_by_others:
            parts.append(
                self.tr("%n people are reserved for another PC or caller.", "", summary.reserved_by_others)
            )
        if card.skipped:
            parts.append(
                self.tr("You skipped %n people for this shift; other callers call them.", "", card.skipped)
            )
        if not parts:
            parts.append(self.tr("Everyone on the list has been called. Thank you!"))
        return " ".join(parts)

    def _history_text(self, card: Card) -> str:
        if not card.attempts:
            return self.tr("First call")
        parts = []
        for attempt in card.attempts:
            day = QLocale().toString(attempt.at.astimezone().date(), QLocale.FormatType.ShortFormat)
            parts.append(
                f"{day} {outcome_label(attempt.outcome)}" + (f" – {attempt.note}" if attempt.note else "")
            )
        return self.tr("Earlier attempts: %1").replace("%1", " · ".join(parts))

    def _show_step(self, step) -> None:
        flow = self.shift.flow
        known = len(self.bar.tab_chain())
        self.bar.show_step(step, can_go_back=flow is not None and flow.can_go_back)
        if len(self.bar.tab_chain()) != known:  # new option buttons were made
            self._chain_tab_order()
        if step.kind not in (StepKind.TEXT, StepKind.DATETIME):
            self.setFocus()

    def show_counts(self, shift: ShiftCounts, now: datetime) -> None:
        """This shift's counts (they survive a break; "waiting to upload" lives in the status bar alone)."""
        if shift.calls == 0:
            self.counts.setText(self.tr("No calls yet in this shift"))
            return
        self.counts.setText(
            " · ".join(
                (
                    self.tr("%n calls", "", shift.calls),
                    self.tr("%n reached", "", shift.reached),
                    self.tr("%1 per hour").replace("%1", QLocale().toString(shift.per_hour(now), "f", 1)),
                )
            )
        )

    def show_saved(self, saved: ReportSaved) -> None:
        self.clipboard.clear()
        self.show_counts(saved.shift, saved.report.created_at)
        self.status.setText(self.tr("Saved: %1").replace("%1", outcome_label(saved.report.outcome)))
        self.correct.setEnabled(True)

    # ------------------------------------------------------------------ actions

    def _press(self, key: str) -> None:
        self.shift.press(key)

    def _object(self) -> None:
        if self.shift.object():
            self.status.setText(self.tr("Saving …"))

    def _submit_datetime(self, when) -> None:
        self.shift.submit_datetime(when)

    def _correct(self) -> None:
        if self.shift.correct_last():
            self.status.setText(self.tr("Correcting the last report …"))

    def _number(self, second: bool) -> str:
        if not isinstance(self.card, Card):
            return ""
        return self.card.contact.phone2 if second else self.card.contact.phone

    def _dial(self, second: bool = False) -> None:
        if number := self._number(second):
            open_dialer(number)

    def _toggle_qr(self, second: bool = False) -> None:
        """Show the QR code of the chosen number; the same button again (or the other number's) hides or
        switches it."""
        number = self._number(second)
        if not number:
            return
        visible = not (self.qr_image.isVisible() and self._qr_number == number)
        if visible:
            self.qr_image.setPixmap(qr_pixmap(number))
            self.qr_image.setAccessibleName(
                self.tr("QR code of the second number") if second else self.tr("QR code of the number")
            )
            self._qr_number = number
        else:
            self.qr_image.clear()
            self._qr_number = ""
        self.qr_image.setVisible(visible)
        self.qr_note.setVisible(visible)

    def shown_qr_number(self) -> str:
        return self._qr_number if self.qr_image.isVisible() else ""

    def _copy(self, second: bool = False) -> None:
        if number := self._number(second):
            self.clipboard.copy(number)
            self.status.setText(self.tr("Number copied. The clipboard is cleared in 30 seconds."))

    # ------------------------------------------------------------------ skipping and the shift list

    def open_skip(self) -> SkipDialog | None:
        """F4: skip the person on the card with a short reason (not an attempt)."""
        if not isinstance(self.card, Card) or not self.skip.isEnabled() or self.shift.saving:
            return None
        dialog = SkipDialog(self)
        dialog.accepted.connect(lambda: self._skip(dialog))
        dialog.finished.connect(self._dialog_closed)
        if self.skip_dialog is not None:
            self.skip_dialog.deleteLater()
        self.skip_dialog = dialog
        dialog.open()
        return dialog

    def _skip(self, dialog: SkipDialog) -> None:
        if self.shift.skip(dialog.reason(), dialog.short_text()):
            self.clipboard.clear()
            self.status.setText(self.tr("Skipping …"))

    def _show_skipped(self, _shift: ShiftCounts) -> None:
        self.status.setText(self.tr("Skipped. That was no call attempt; the person stays on the list."))

    def open_shift_log(self) -> None:
        """F3: this shift's calls (names are read on the database thread, then the list opens)."""
        if self.shift.saving:
            return
        self.shift.shift_lines(self._show_shift_log)

    def _show_shift_log(self, lines: list) -> None:
        dialog = ShiftLogDialog(lines, self)
        dialog.accepted.connect(lambda: self._correct_from_log(dialog))
        dialog.finished.connect(self._dialog_closed)
        if self.log_dialog is not None:
            self.log_dialog.deleteLater()
        self.log_dialog = dialog
        dialog.open()

    def _dialog_closed(self) -> None:
        self.activateWindow()
        self.setFocus()

    def _correct_from_log(self, dialog: ShiftLogDialog) -> None:
        if dialog.chosen_report and self.shift.correct(dialog.chosen_report):
            self.status.setText(self.tr("Opening the call for correction …"))

    def _show_correction_banner(self) -> None:
        entry = self.shift.correcting_entry
        if self.shift.correcting is None:
            self.correction_banner.hide()
            return
        if entry is not None:
            text = self.tr("Correcting the call of %1: the new answers replace it.").replace(
                "%1", entry.at.astimezone().strftime("%H:%M")
            )
        else:
            text = self.tr("Correcting the last report: the new answers replace it.")
        self.correction_banner.setText(text)
        self.correction_banner.show()

    def toggle_transparency(self) -> None:
        if isinstance(self.card, Card):
            self.transparency.setVisible(not self.transparency.isVisible())

    def clear_for_lock(self) -> None:
        """Nothing personal stays on screen or in the clipboard."""
        self.clipboard.clear()
        for dialog in (self.skip_dialog, self.log_dialog):
            if dialog is not None:
                dialog.reject()
        for widget in (self.name, self.locality, self.number, self.number2, self.history, self.transparency):
            widget.clear()
        self.qr_image.clear()
        self.script.clear()

    # ------------------------------------------------------------------ keys

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.shift.press("enter")
            return
        if key == Qt.Key.Key_Backspace:
            self.shift.back()
            return
        text = event.text()
        if len(text) == 1 and text.isdigit():
            self.shift.press(text)
            return
        # the function keys are shortcuts; when the window is not the active one (just after a dialog
        # closed) they arrive here instead
        action = {
            Qt.Key.Key_F1: self.toggle_transparency,
            Qt.Key.Key_F2: self._correct,
            Qt.Key.Key_F3: self.open_shift_log,
            Qt.Key.Key_F4: self.open_skip,
            Qt.Key.Key_F9: self._object,
        }.get(Qt.Key(key))
        if action is not None:
            action()
            return
        super().keyPressEvent(event)
