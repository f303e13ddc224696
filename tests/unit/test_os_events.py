"""The platform adapter maps the OS's lock, user-switch and sleep messages to lock reasons."""

from __future__ import annotations

from desktop import os_events


def test_windows_session_messages_map_to_lock_reasons() -> None:
    assert os_events.windows_reason(os_events.WM_WTSSESSION_CHANGE, os_events.WTS_SESSION_LOCK) == "os_lock"
    assert (
        os_events.windows_reason(os_events.WM_WTSSESSION_CHANGE, os_events.WTS_CONSOLE_DISCONNECT)
        == "user_switch"
    )
    assert os_events.windows_reason(os_events.WM_POWERBROADCAST, os_events.PBT_APMSUSPEND) == "sleep"
    assert os_events.windows_reason(os_events.WM_WTSSESSION_CHANGE, 0x8) is None  # unlock: nothing to do
    assert os_events.windows_reason(0x0001, 0) is None
