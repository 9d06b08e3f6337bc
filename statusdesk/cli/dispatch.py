"""Runs one CLI command: parses the full grammar (parser.py), opens the workspace as a Desk and
calls the command's handler (commands.py), turning what can go wrong into an exit code and a
message that says what to do."""

from __future__ import annotations

import argparse
import contextlib
import logging
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path

from statusdesk import private
from statusdesk.channels.registry import UnknownChannelKind
from statusdesk.cli import AppOpener, output
from statusdesk.cli.commands import HANDLERS
from statusdesk.cli.errors import CliError, Exit
from statusdesk.cli.inputs import repair_arguments
from statusdesk.cli.parser import build_parser
from statusdesk.core.errors import Rejected
from statusdesk.delivery.audience import FIELD as SKIP_REASON
from statusdesk.desk import Desk
from statusdesk.logs import QuietFileHandler
from statusdesk.redact import RedactingFilter
from statusdesk.store import WorkspaceError
from statusdesk.store.db import PERIODIC_CHECK_S, describe_sqlite_error


def version() -> str:
    from importlib import metadata

    try:
        return metadata.version("statusdesk")
    except metadata.PackageNotFoundError:
        return "0+unknown (not installed: run from a source tree)"


@contextlib.contextmanager
def _log_to(folder: Path) -> Iterator[None]:
    """Channel errors and tracebacks go to the workspace log, not over the command's output;
    each delivery's line already says what went wrong."""
    try:
        private.touch(folder / "statusdesk.log")  # 0600 whatever the umask
        handler: logging.Handler = QuietFileHandler(folder / "statusdesk.log", encoding="utf-8")
    except OSError:
        handler = logging.NullHandler()  # a log is a help, never a reason to fail
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter())  # no secret the keyring gave us is ever written here
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield
    finally:
        root.removeHandler(handler)
        handler.close()


def _rejected(exc: Rejected) -> None:
    output.err("statusdesk: nothing was changed; fix this and try again:")
    for problem in exc.problems:
        output.err(f"  {problem.field}: {problem}")
        if problem.field == SKIP_REASON:  # issue #12 §1: say how, in this command's words
            output.err(
                "    add --skip-reason TEXT to leave them out on purpose, or name them in "
                "--channels (without --channels an update goes to every enabled channel)."
            )


def _run(args: argparse.Namespace) -> int:
    # The database's integrity check reads the whole file (0.4 s on 100,000 updates): a one-shot
    # command runs it when none passed within PERIODIC_CHECK_S; `run`, which stays, at start.
    every = None if args.command == "run" else PERIODIC_CHECK_S
    if args.command == "db":  # sets up the database a Desk opens: no Desk
        code: int = args.handler(args)
        return code
    from statusdesk.workspace import records_url, resolve_home

    db = records_url(resolve_home(args.home), args.db)  # --db, else the folder's store.url
    with Desk(args.home, check_every=every, db=db) as desk, _log_to(desk.paths.logs):
        code = args.handler(desk, args)
        return code


def dispatch(argv: Sequence[str], open_app: AppOpener | None = None) -> int:
    """Run the command `argv` names; with no command, `open_app` (the entry point's, so the CLI
    never imports the GUI) or a usage error."""
    output.use_utf8()
    parser = build_parser(HANDLERS, version())
    try:
        args = parser.parse_args(repair_arguments(argv))
    except CliError as exc:
        output.err(f"statusdesk: {exc}")
        return exc.code
    except SystemExit as exc:  # --help, --version, or a usage error already printed
        return exc.code if isinstance(exc.code, int) else Exit.USAGE
    if args.command is None:
        if open_app is not None:
            return open_app(args.home) if args.db is None else open_app(args.home, db=args.db)
        output.err("statusdesk: no command given; `statusdesk --help` lists them.")
        return Exit.USAGE
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
    except sqlite3.DatabaseError as exc:
        # A page damaged since the last integrity check (store/db.py check_due), met as it is
        # read: said as the check would have said it, with where the backups are.
        text = str(exc).lower()
        if "malformed" not in text and "not a database" not in text:
            raise
        from statusdesk.workspace import WorkspacePaths, resolve_home

        db = WorkspacePaths(resolve_home(args.home)).db
        output.err(f"statusdesk: {describe_sqlite_error(exc, db)}")
        return Exit.WORKSPACE
    except BrokenPipeError:  # a write outside output.out (argparse's help, say)
        output.detach_stdout()
        return Exit.OK
    except KeyboardInterrupt:
        output.err("statusdesk: interrupted; whatever was recorded stays recorded.")
        return Exit.INTERRUPTED


__all__ = ["HANDLERS", "dispatch", "version"]
