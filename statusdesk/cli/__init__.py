"""The command line (DESIGN §7): `statusdesk` alone opens the desktop app; subcommands script
the same workspace through the same Desk the GUI holds.

This module is the launcher, kept to the standard library's argparse: `statusdesk` and
`statusdesk --home DIR` go straight to the GUI, without loading the command grammar, the store
or the channels first (they cost a quarter of the app's start-up, and the GUI loads what it
needs itself); `statusdesk --version` answers without them too. Anything else is a command for
`dispatch`.

Nothing here imports Qt: the GUI is imported only when it is asked for, so the CLI runs on a
server without a display or without PySide6 at all.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

EXIT_WORKSPACE = 1  # Exit.WORKSPACE, without importing the command modules for it


def _launcher_arguments(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]] | None:
    launcher = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    launcher.add_argument("--home")
    launcher.add_argument("--version", action="store_true")
    try:
        return launcher.parse_known_args(list(argv))
    except SystemExit:  # `--home` without a value: the full parser says so properly
        return None


def gui_home(argv: Sequence[str]) -> tuple[bool, str | None]:
    """(True, home) when the arguments ask for nothing but the desktop app, maybe on --home."""
    parsed = _launcher_arguments(argv)
    if parsed is None:
        return False, None
    known, rest = parsed
    return (not rest and not known.version), known.home


def wants_version(argv: Sequence[str]) -> bool:
    """`statusdesk --version` (maybe with --home) and nothing else."""
    parsed = _launcher_arguments(argv)
    return parsed is not None and parsed[0].version and not parsed[1]


def open_gui(home: str | None) -> int:
    try:
        from statusdesk.gui.launch.app import run
    except ImportError as exc:
        from statusdesk.cli import output

        output.err(
            f"statusdesk: the desktop app cannot start here ({exc}). Install it with "
            "`pip install PySide6-Essentials` (and Qt's system libraries, e.g. Debian's libegl1 "
            "libxkbcommon-x11-0), or use the command line: `statusdesk --help`."
        )
        return EXIT_WORKSPACE
    return run(home)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if wants_version(arguments):
        from statusdesk.version import version

        print(f"statusdesk {version()}")
        return 0
    wants_gui, home = gui_home(arguments)
    if wants_gui:
        return open_gui(home)
    from statusdesk.cli.dispatch import dispatch

    return dispatch(arguments)


__all__ = ["main"]
