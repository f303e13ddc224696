"""Platform adapters that tell the LockGuard when the OS session locks, switches user or sleeps.

Linux: D-Bus signals of the screen saver (org.freedesktop.ScreenSaver / org.gnome.ScreenSaver ActiveChanged)
and of logind (PrepareForSleep, session Lock). Windows: WM_WTSSESSION_CHANGE (after
WTSRegisterSessionNotification) and WM_POWERBROADCAST/PBT_APMSUSPEND through a native event filter.
macOS: not wired yet (the idle lock still applies). Where nothing reports, only the idle lock works; the
security document says so.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable

from PySide6.QtCore import QAbstractNativeEventFilter, QByteArray, QObject, Slot

Notify = Callable[[str], None]

WM_WTSSESSION_CHANGE = 0x02B1
WTS_CONSOLE_DISCONNECT = 0x2
WTS_SESSION_LOCK = 0x7
WM_POWERBROADCAST = 0x0218
PBT_APMSUSPEND = 0x4


def windows_reason(message: int, wparam: int) -> str | None:
    """Map a Windows message to a lock reason (pure, so it is testable on every platform)."""
    if message == WM_WTSSESSION_CHANGE and wparam == WTS_SESSION_LOCK:
        return "os_lock"
    if message == WM_WTSSESSION_CHANGE and wparam == WTS_CONSOLE_DISCONNECT:
        return "user_switch"
    if message == WM_POWERBROADCAST and wparam == PBT_APMSUSPEND:
        return "sleep"
    return None


class _WindowsFilter(QAbstractNativeEventFilter):
    def __init__(self, notify: Notify) -> None:
        super().__init__()
        self.notify = notify

    def nativeEventFilter(self, event_type: QByteArray, message: int) -> tuple[bool, int]:
        if bytes(event_type) == b"windows_generic_MSG":
            from ctypes import wintypes

            msg = wintypes.MSG.from_address(int(message))
            reason = windows_reason(msg.message, msg.wParam)
            if reason:
                self.notify(reason)
        return False, 0


class _DBusListener(QObject):
    def __init__(self, notify: Notify) -> None:
        super().__init__()
        self.notify = notify
        from PySide6.QtDBus import QDBusConnection

        self.connected = []
        session = QDBusConnection.sessionBus()
        system = QDBusConnection.systemBus()
        for bus, service, path, interface, name, slot in (
            (
                session,
                "",
                "/org/freedesktop/ScreenSaver",
                "org.freedesktop.ScreenSaver",
                "ActiveChanged",
                "screensaver(bool)",
            ),
            (
                session,
                "",
                "/org/gnome/ScreenSaver",
                "org.gnome.ScreenSaver",
                "ActiveChanged",
                "screensaver(bool)",
            ),
            (
                system,
                "",
                "/org/freedesktop/login1",
                "org.freedesktop.login1.Manager",
                "PrepareForSleep",
                "sleeping(bool)",
            ),
        ):
            if bus.isConnected():
                self.connected.append(bus.connect(service, path, interface, name, self, "2" + slot))

    @Slot(bool)
    def screensaver(self, active: bool) -> None:
        if active:
            self.notify("os_lock")

    @Slot(bool)
    def sleeping(self, starting: bool) -> None:
        if starting:
            self.notify("sleep")


def install(app: object, notify: Notify, window: object | None = None) -> object | None:
    """Install the adapter for this platform; returns the object to keep alive (or None).

    On Windows the session notifications go to a window: pass the main window (after it was shown)."""
    if sys.platform == "win32":
        event_filter = _WindowsFilter(notify)
        app.installNativeEventFilter(event_filter)  # type: ignore[attr-defined]
        if window is not None:
            notify_for_this_session = 0
            try:
                ctypes.windll.wtsapi32.WTSRegisterSessionNotification(  # type: ignore[attr-defined]
                    int(window.winId()), notify_for_this_session
                )  # type: ignore[attr-defined]
            except (AttributeError, OSError):
                pass  # the idle lock still applies
        return event_filter
    if sys.platform.startswith("linux"):
        try:
            return _DBusListener(notify)
        except Exception:  # noqa: BLE001 (no D-Bus on this machine): the idle lock still applies
            return None
    return None
