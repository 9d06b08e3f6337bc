"""The command line (DESIGN §7): `statusdesk` alone opens the desktop app; subcommands script
the same workspace through the same Desk the GUI holds.

Nothing here imports Qt: the GUI is imported only when it is asked for, so the CLI runs on a
server without a display or without PySide6 at all.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from statusdesk.channels.registry import UnknownChannelKind
from statusdesk.cli import output
from statusdesk.cli.commands import HANDLERS
from statusdesk.cli.errors import CliError, Exit
from statusdesk.cli.inputs import repair_arguments
from statusdesk.cli.parser import build_parser
from statusdesk.desk import Desk, Rejected
from statusdesk.store import WorkspaceError


def version() -> str:
    from importlib import metadata

    try:
        return metadata.version("statusdesk")
    except metadata.PackageNotFoundError:
        return "0+unknown (not installed: run from a source tree)"


def open_gui(home: str | None) -> int:
    try:
        from statusdesk.gui.app import run
    except ImportError as exc:
        output.err(
            f"statusdesk: the desktop app cannot start here ({exc}). Install it with "
            "`pip install PySide6-Essentials` (and Qt's system libraries, e.g. Debian's libegl1 "
            "libxkbcommon-x11-0), or use the command line: `statusdesk --help`."
        )
        return Exit.WORKSPACE
    return run(home)


@contextlib.contextmanager
def _log_to(folder: Path) -> Iterator[None]:
    """Channel errors and tracebacks go to the workspace log, not over the command's output;
    each delivery's line already says what went wrong."""
    try:
        handler: logging.Handler = logging.FileHandler(folder / "statusdesk.log", encoding="utf-8")
    except OSError:
        handler = logging.NullHandler()  # a log is a help, never a reason to fail
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield
    finally:
        root.removeHandler(handler)
        handler.close()


def _rejected(exc: Rejected) -> None:
    output.err("statusdesk: nothing was published; fix this and try again:")
    for problem in exc.problems:
        output.err(f"  {problem.field}: {problem}")


def _run(args: argparse.Namespace) -> int:
    with Desk(args.home) as desk, _log_to(desk.paths.logs):
        code: int = args.handler(desk, args)
        return code


def main(argv: Sequence[str] | None = None) -> int:
    output.use_utf8()
    parser = build_parser(HANDLERS, version())
    try:
        args = parser.parse_args(repair_arguments(sys.argv[1:] if argv is None else argv))
    except CliError as exc:
        output.err(f"statusdesk: {exc}")
        return exc.code
    except SystemExit as exc:  # --help, --version, or a usage error already printed
        return exc.code if isinstance(exc.code, int) else Exit.USAGE
    if args.command is None:
        return open_gui(args.home)
    try:
        return _run(args)
    except CliError as exc:
        output.err(f"statusdesk: {exc}")
        return exc.code
    except Rejected as exc:
        _rejected(exc)
        return Exit.REJECTED
    except (WorkspaceError, UnknownChannelKind) as exc:
        output.err(f"statusdesk: {exc}")
        return Exit.WORKSPACE
    except BrokenPipeError:  # a write outside output.out (argparse's help, say)
        output.detach_stdout()
        return Exit.OK
    except KeyboardInterrupt:
        output.err("statusdesk: interrupted; whatever was recorded stays recorded.")
        return Exit.INTERRUPTED


__all__ = ["Exit", "main"]
