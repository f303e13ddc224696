"""Sentences for error codes of the lower layers (they only know codes; the views speak)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.viewmodels.session import ErrorCode


def wait_text(seconds: int) -> str:
    """How long until the next try, after wrong passphrases: the same sentence on every screen that asks for one."""
    return QCoreApplication.translate(
        "Messages", "Please wait %n second(s) before the next try.", "", seconds
    )


def workspace_error(code: str) -> str:
    texts = {
        ErrorCode.WRONG_PASSPHRASE: QCoreApplication.translate(
            "Messages", "That did not work. Please check your name and passphrase."
        ),
        ErrorCode.THROTTLED: QCoreApplication.translate(
            "Messages", "Too many wrong tries on this PC. The passphrase was not checked this time."
        ),
        ErrorCode.PLAINTEXT_DATABASE: QCoreApplication.translate(
            "Messages",
            "The workspace file is not encrypted. For your members' safety it is not opened. "
            "Please ask your call lead or the central office.",
        ),
        ErrorCode.DAMAGED: QCoreApplication.translate(
            "Messages",
            "The workspace is damaged and cannot be opened. Nothing was changed. "
            "Please ask your call lead: a backup can be restored or the list pulled again from the central office.",
        ),
        ErrorCode.KEYSLOTS_DAMAGED: QCoreApplication.translate(
            "Messages",
            "The list of people who may unlock this workspace is damaged. Nothing was changed. "
            "Please ask your call lead.",
        ),
        ErrorCode.NEWER_SCHEMA: QCoreApplication.translate(
            "Messages",
            "This workspace was written by a newer version of Telefonaktion. Please update the app.",
        ),
        ErrorCode.WEAK_KDF: QCoreApplication.translate(
            "Messages", "The key slot settings are weaker than allowed; the workspace is not opened."
        ),
        ErrorCode.NO_SQLCIPHER: QCoreApplication.translate(
            "Messages", "Encryption is not available in this installation. Please reinstall the app."
        ),
        ErrorCode.NO_WORKSPACE: QCoreApplication.translate(
            "Messages", "There is no workspace on this PC yet."
        ),
        ErrorCode.EXISTS: QCoreApplication.translate("Messages", "A workspace already exists here."),
    }
    try:
        return texts[ErrorCode(code)]
    except (KeyError, ValueError):
        return QCoreApplication.translate("Messages", "Something went wrong. Nothing was changed.")
