"""Dialing helpers: tel: links, QR codes, and a clipboard copy that clears itself (DP-14, DP-25)."""

from __future__ import annotations

import io

import phonenumbers
import segno
from PySide6.QtCore import QObject, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QPixmap

CLIPBOARD_SECONDS = 30


def display_number(e164: str) -> str:
    """National format for German numbers (as people read them), international for others."""
    try:
        parsed = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    fmt = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if parsed.country_code == 49
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return phonenumbers.format_number(parsed, fmt)


MASKED_DIGITS = 3


def mask_number(e164: str) -> str:
    """The one masking of a number where it is named but not needed in full (the wrong-number step, the
    recap): country and area code and the first digits, the last three hidden, e.g. "+49 30 2312 5…"."""
    try:
        parsed = phonenumbers.parse(e164, None)
        groups = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL).split()
    except phonenumbers.NumberParseException:
        groups = [e164[:3], e164[3:]]
    head, subscriber = groups[:2], "".join(groups[2:])
    digits = "".join(c for c in subscriber if c.isdigit())
    if len(digits) <= MASKED_DIGITS:  # too short to show any of it
        return " ".join(head) + " …"
    kept = digits[:-MASKED_DIGITS]
    return " ".join([*head, *(kept[i : i + 4] for i in range(0, len(kept), 4))]) + "…"


def tel_url(e164: str) -> QUrl:
    return QUrl("tel:" + e164)


def open_dialer(e164: str) -> bool:
    """Hand the number to the softphone or office phone registered for tel: links."""
    return QDesktopServices.openUrl(tel_url(e164))


def qr_pixmap(e164: str, scale: int = 6) -> QPixmap:
    """A QR code that dials the number on a phone. Rendered in memory: nothing is written to disk."""
    buffer = io.BytesIO()
    segno.make("tel:" + e164, error="m").save(buffer, kind="png", scale=scale, border=2)
    pixmap = QPixmap()
    pixmap.loadFromData(buffer.getvalue(), "PNG")
    return pixmap


class ClipboardGuard(QObject):
    """Copies a number and clears the clipboard after 30 s, if it still holds that number."""

    def __init__(self, parent: QObject | None = None, seconds: int = CLIPBOARD_SECONDS) -> None:
        super().__init__(parent)
        self._value: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(seconds * 1000)
        self._timer.timeout.connect(self.clear)

    def copy(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)
        self._value = text
        self._timer.start()

    def clear(self) -> None:
        """Clear now (also on lock and at the end of the shift)."""
        self._timer.stop()
        clipboard = QGuiApplication.clipboard()
        if self._value is not None and clipboard.text() == self._value:
            clipboard.clear()
        self._value = None

    @property
    def pending(self) -> bool:
        return self._timer.isActive()
