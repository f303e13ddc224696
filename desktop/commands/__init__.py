"""Subcommands of `telefonaktion`. Each module has `register(subparsers)` that adds its parsers and sets
`handler=function(args) -> exit code` as the parser default."""

from __future__ import annotations

import argparse
import importlib

MODULES = ("desktop.commands.lead", "desktop.commands.sync")


def register_all(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    for name in MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue  # not written yet
        module.register(sub)
