"""The `telefonaktion` command: the desktop app, and its command-line tools.

Passphrases never come as arguments: from TELEFONAKTION_PASSPHRASE or --passphrase-file.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from desktop import logs, paths
from desktop.commands import register_all
from desktop.commands.common import run_command


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="telefonaktion",
        description="Telefonaktion: phone campaigns for local offices, offline first. "
        "Without a command the desktop app starts (the welcome screen when this PC has no workspace yet).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {app_version()}")
    parser.add_argument(
        "--data-dir", metavar="DIR", help=f"put every workspace file under DIR (also ${paths.ENV_DATA_DIR})"
    )
    parser.add_argument(
        "--lang", choices=("de", "en"), help="language of the user interface (default: German)"
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open a demo workspace with invented people (throwaway unless --data-dir is given)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.add_parser("selftest", help="check encryption, Qt and translations on this machine")
    register_all(sub)
    return parser


def app_version() -> str:
    from desktop.crash import app_version as version

    return version()


QT_CHECK = "_qtcheck"  # internal: the selftest's child process; not a command for people, so not in --help


def main(argv: Sequence[str] | None = None) -> int:
    if os.name == "posix":  # whatever the app writes (workspace, exports, crash notes) is the user's alone
        os.umask(0o077)
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == [QT_CHECK]:
        from desktop import selftest

        return selftest.qt_child()
    args = build_parser().parse_args(argv)
    paths.configure(args.data_dir)
    logs.install()
    logging.getLogger("telefonaktion").info("start %s, command %s", app_version(), args.command or "app")
    if args.command == "selftest":
        from desktop import selftest

        return selftest.run()
    if getattr(args, "handler", None) is not None:
        return run_command(args.handler, args)
    from desktop.app import AppOptions, run

    return run(AppOptions(demo=args.demo, lang=args.lang, data_dir=args.data_dir))


if __name__ == "__main__":
    sys.exit(main())
