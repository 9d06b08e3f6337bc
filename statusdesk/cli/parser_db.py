"""The grammar of `db init | migrate | copy | password` (issue #17: a team desk on
PostgreSQL). The rest of the grammar is in parser.py."""

from __future__ import annotations

import argparse
from typing import Any

Handler = Any

DB_EPILOG = """\
examples:
  statusdesk --db postgresql://desk@db.example/statusdesk db init
  statusdesk db copy --to postgresql://desk@db.example/statusdesk
  statusdesk --db postgresql://desk@db.example/statusdesk incident list
  statusdesk setting set store.url postgresql://desk@db.example/statusdesk

A workspace's records live in its folder's SQLite file (the default: nothing to install), or on
a PostgreSQL server a team shares, named with --db before the command or kept as the folder's
store.url setting (then every command and the app use it; `--db local` opens the folder's own
file once). The folder still holds
this machine's logs, exports and local status page; secrets stay in the keyring. A password
never goes in the URL: `statusdesk db password URL` keeps it in the keyring (or use ~/.pgpass).
Add ?sslmode=verify-full to the URL for TLS to the server."""


def add_db_parsers(sub: Any, handlers: dict[str, Handler], formatter: type) -> None:
    db = sub.add_parser(
        "db",
        help="where the workspace's records live: init, migrate, copy to PostgreSQL",
        description="Set up the database holding the workspace's records.",
        epilog=DB_EPILOG,
        formatter_class=formatter,
    )
    verbs = db.add_subparsers(dest="db_command", metavar="VERB", required=True)
    init = verbs.add_parser(
        "init",
        help="create the schema in an empty database (--db URL), or the workspace's file",
        description="Create the workspace's schema in the database --db names (an empty one), "
        "or in the workspace folder's SQLite file. Up to date already: says so and changes "
        "nothing.",
        formatter_class=formatter,
    )
    init.set_defaults(handler=handlers["db init"])
    migrate = verbs.add_parser(
        "migrate",
        help="upgrade the schema to this statusdesk's version",
        description="Apply the schema versions the database (--db URL, or the workspace's "
        "file) lacks. A database written by a newer statusdesk is refused.",
        formatter_class=formatter,
    )
    migrate.set_defaults(handler=handlers["db migrate"])
    copy = verbs.add_parser(
        "copy",
        help="copy the workspace's records from its SQLite file into an empty PostgreSQL database",
        description="Copy every record of the workspace (its SQLite file) into an empty "
        "PostgreSQL database, creating the schema, then compare each table's rows and hash. A "
        "database that already holds a workspace is refused; the SQLite file is not changed.",
        formatter_class=formatter,
    )
    copy.add_argument("--to", metavar="URL", required=True, help="postgresql://user@host/db")
    copy.set_defaults(handler=handlers["db copy"])
    password = verbs.add_parser(
        "password",
        help="keep a PostgreSQL server's password in the keyring",
        description="Ask for the password of the server URL names (never on the command line) "
        "and keep it in the OS keyring, where the desk and `statusdesk run` read it.",
        formatter_class=formatter,
    )
    password.add_argument("url", metavar="URL", help="postgresql://user@host/db, no password")
    password.set_defaults(handler=handlers["db password"])


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="URL",
        help="a PostgreSQL database holding the workspace's records (a team desk): "
        "postgresql://user@host/db, or `local` for the folder's own file; give it before the "
        "command. Without it, the folder's store.url setting says",
    )
