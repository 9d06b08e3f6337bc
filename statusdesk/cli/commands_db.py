"""`db init | migrate | copy | password` (issue #17). They run without a Desk: they set up the
database a Desk then opens."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable

from statusdesk.app.database import StoreOpener, copy_to, initialise, keep_password
from statusdesk.cli.errors import CliError, Exit
from statusdesk.cli.output import err, out
from statusdesk.secrets import KeyringSecrets
from statusdesk.workspace import LOCAL_DB_FLAG, WorkspacePaths, records_url, resolve_home


def _opener(args: argparse.Namespace) -> StoreOpener:
    home = resolve_home(args.home)  # --db, else the folder's store.url, else its own file
    return StoreOpener(WorkspacePaths(home), records_url(home, args.db), KeyringSecrets())


def db_init(args: argparse.Namespace) -> int:
    return _initialised(args, "{where}: schema created at version {version}")


def db_migrate(args: argparse.Namespace) -> int:
    return _initialised(args, "{where}: {migrations} version(s) applied; now at {version}")


def _initialised(args: argparse.Namespace, applied: str) -> int:
    """The schema brought to this statusdesk's version; `applied` says what was done."""
    done = initialise(_opener(args))
    if done.migrations:
        out(applied.format(where=done.where, migrations=done.migrations, version=done.version))
    else:
        out(f"{done.where}: already at schema version {done.version}; nothing changed")
    return Exit.OK


def db_copy(args: argparse.Namespace) -> int:
    if args.db and args.db.strip().lower() != LOCAL_DB_FLAG:  # store.url does not matter here
        raise CliError(
            "db copy reads the workspace folder's SQLite file and writes to --to URL; "
            "leave out --db.",
            Exit.USAGE,
        )
    paths = WorkspacePaths(resolve_home(args.home))
    if not paths.db.exists():
        raise CliError(f"there is no workspace at {paths.home} to copy.", Exit.WORKSPACE)
    done = copy_to(
        paths, args.to, KeyringSecrets(), lambda table, rows: err(f"  {table}: {rows} rows")
    )
    total = sum(rows for _, rows in done.tables)
    out(
        f"copied {total} rows in {len(done.tables)} tables to {done.to}; every table's rows "
        "and hash match"
    )
    return Exit.OK


def db_password(args: argparse.Namespace) -> int:
    if not sys.stdin.isatty():
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass("Password: ")
    if not password:
        raise CliError("no password given; nothing was kept.", Exit.USAGE)
    server = keep_password(args.url, password, KeyringSecrets())
    out(f"the password for {server} is in the keyring")
    return Exit.OK


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "db init": db_init,
    "db migrate": db_migrate,
    "db copy": db_copy,
    "db password": db_password,
}
