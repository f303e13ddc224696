"""What every workspace command needs: the passphrase (never as an argument), the person, clear errors."""

from __future__ import annotations

import argparse
import math
import os
import sys
from pathlib import Path

from desktop import paths
from desktop.domain.models import Role
from desktop.services import session
from desktop.storage.errors import ErrorCode, WorkspaceError
from desktop.storage.workspace import Workspace, list_slots

ENV_PASSPHRASE = "TELEFONAKTION_PASSPHRASE"


class CommandError(Exception):
    """A user-facing error: printed to standard error, exit code 2 (1 for 'did not work')."""

    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def add_workspace_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help=f"read the passphrase from FILE (default: environment variable {ENV_PASSPHRASE})",
    )
    parser.add_argument(
        "--person", metavar="LABEL", help="whose key slot to use (default: the only lead on this PC)"
    )


def read_passphrase(args: argparse.Namespace) -> str:
    if getattr(args, "passphrase_file", None):
        try:
            text = Path(args.passphrase_file).read_text("utf-8")
        except OSError as exc:
            raise CommandError(f"cannot read the passphrase file: {exc.strerror}") from None
        passphrase = text.rstrip("\r\n")
    else:
        passphrase = os.environ.get(ENV_PASSPHRASE, "")
    if not passphrase:
        raise CommandError(f"no passphrase: set {ENV_PASSPHRASE} or use --passphrase-file FILE")
    return passphrase


def choose_slot(wp: paths.WorkspacePaths, label: str | None) -> str:
    slots = list_slots(wp)
    if label is not None:
        matches = [s for s in slots if s.label == label]
        if not matches:
            raise CommandError("no person with that label on this PC")
        return matches[0].slot_id
    leads = [s for s in slots if s.role is Role.LEAD]
    if len(leads) != 1:
        raise CommandError("several people may unlock this workspace: name one with --person LABEL")
    return leads[0].slot_id


def open_workspace(args: argparse.Namespace) -> Workspace:
    """Unlock the workspace under --data-dir for a command (audit-logged like a GUI unlock)."""
    wp = paths.workspace()
    passphrase = read_passphrase(args)
    try:
        return session.unlock(wp, choose_slot(wp, getattr(args, "person", None)), passphrase)
    except session.ThrottledError as exc:
        seconds = max(1, math.ceil(exc.wait.total_seconds()))
        if exc.code is ErrorCode.THROTTLED:
            message = (
                f"throttled: too many wrong passphrases, the passphrase was not checked; wait {seconds} s"
            )
        elif exc.wait:
            message = f"{exc.code.value}; wait {seconds} s before the next try"
        else:
            message = exc.code.value
        raise CommandError(f"cannot open the workspace: {message}", exit_code=1) from None
    except WorkspaceError as exc:
        raise CommandError(f"cannot open the workspace: {exc.code.value}", exit_code=1) from None


def run_command(handler, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    try:
        return int(handler(args) or 0)
    except CommandError as exc:
        print(f"telefonaktion: {exc}", file=sys.stderr)
        return exc.exit_code
    except WorkspaceError as exc:
        print(f"telefonaktion: {exc.code.value}", file=sys.stderr)
        return 1
