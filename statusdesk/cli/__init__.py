"""The command line (ARCHITECTURE §7): subcommands script the same workspace through the
same Desk the GUI holds.

This module is the CLI's front door, kept to the standard library's argparse: it recognises the
arguments that ask for nothing but the desktop app (the entry point, statusdesk/__main__.py,
decides what to do with them) and answers `statusdesk --version` without loading the command
grammar, the store or the channels. Anything else is a command for `dispatch`.

The CLI never imports the GUI (the layer rule, ARCHITECTURE §1): when a command line
turns out to name no command, it calls the `open_app` it was given, or says that none is here.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Protocol


class AppOpener(Protocol):
    """Opens the desktop app on a workspace (its records on PostgreSQL with `db`); the exit
    code."""

    def __call__(
        self, home: str | None, ui_language: str | None = None, db: str | None = None
    ) -> int: ...


def _launcher_arguments(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]] | None:
    launcher = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    launcher.add_argument("--home")
    launcher.add_argument("--ui-language")  # the app's only (gui/i18n); the CLI stays English
    launcher.add_argument("--db")  # a team desk's records on PostgreSQL (issue #17)
    launcher.add_argument("--author")  # the app's: who this desk is for this run (issue #17)
    launcher.add_argument("--version", action="store_true")
    try:
        return launcher.parse_known_args(list(argv))
    except SystemExit:  # `--home` without a value: the full parser says so properly
        return None


def asks_for_the_app(argv: Sequence[str]) -> tuple[bool, str | None]:
    """(True, home) when the arguments ask for nothing but the desktop app, maybe on --home."""
    parsed = _launcher_arguments(argv)
    if parsed is None:
        return False, None
    known, rest = parsed
    return (not rest and not known.version), known.home


def ui_language(argv: Sequence[str]) -> str | None:
    """The app's `--ui-language` (ar, en or system) as given, None when not given."""
    parsed = _launcher_arguments(argv)
    return None if parsed is None else parsed[0].ui_language


def team_db(argv: Sequence[str]) -> str | None:
    """The `--db URL` given before the command (a team desk's PostgreSQL), None when not."""
    parsed = _launcher_arguments(argv)
    return None if parsed is None else parsed[0].db


def desk_author(argv: Sequence[str]) -> str | None:
    """The app's `--author NAME` (who this desk is, for this run), None when not given."""
    parsed = _launcher_arguments(argv)
    return None if parsed is None else parsed[0].author


def wants_version(argv: Sequence[str]) -> bool:
    """`statusdesk --version` (maybe with --home) and nothing else."""
    parsed = _launcher_arguments(argv)
    return parsed is not None and parsed[0].version and not parsed[1]


def main(argv: Sequence[str] | None = None, open_app: AppOpener | None = None) -> int:
    """The command line on `argv`; `open_app` is what no command means (None: there is no app
    here, and no command is a usage error)."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    if wants_version(arguments):
        from statusdesk.version import version

        print(f"statusdesk {version()}")
        return 0
    from statusdesk.cli.dispatch import dispatch

    return dispatch(arguments, open_app)


__all__ = [
    "AppOpener",
    "asks_for_the_app",
    "desk_author",
    "main",
    "team_db",
    "ui_language",
    "wants_version",
]
