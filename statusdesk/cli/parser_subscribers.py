"""The grammar of `subscriber add|edit|remove|list|import` (ARCHITECTURE §7): the people the email
channel mails. The rest of the grammar is in parser.py."""

from __future__ import annotations

import argparse
from typing import Any

Handler = Any

SUBSCRIBER_EPILOG = """\
examples:
  statusdesk subscriber add amal@example.com --language ar
  statusdesk subscriber add sam@example.com --components "API,Trading"
  statusdesk subscriber edit sam@example.com --all-components
  statusdesk subscriber remove amal@example.com
  statusdesk subscriber list --json
  statusdesk subscriber import subscribers.csv

Email channels without a fixed `recipients` setting mail every active subscriber who follows
one of the incident's components (or follows all of them; an incident naming no component
mails everyone), each in their language (ar, en or both; both follows the channel's order).
A subscriber follows every component unless given --components. Removing a subscriber records that
they unsubscribed: they are kept on file and an import does not sign them up again."""

IMPORT_EPILOG = """\
The file is CSV in UTF-8 (a byte-order mark, as spreadsheets write, is fine), one subscriber a
line: email,language,components. The header row and the language and components columns are
optional (language defaults to both; components to all of them); `;` works as the separator
too. Components are named in English or Arabic, separated by commas inside the cell (quoted,
as spreadsheets write it); an empty cell follows every component. Example:
  email,language,components
  amal@example.com,ar,
  sam@example.com,en,"API,Trading"

All or nothing: if any line is not a valid address, language or component, nothing is
imported and every bad line is listed (exit code 3). Addresses already on file are skipped, so
importing the same file again is harmless."""


def _json_option(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument(
        "--json", action="store_true", help=f"print {what} as one JSON document (for scripts)"
    )


def _components_option(parser: Any, default: str) -> None:
    parser.add_argument(
        "--components",
        metavar="NAMES",
        help="only updates about these components, named in English or Arabic and separated "
        f'by commas, e.g. "API,Trading" {default}; see `statusdesk component list`',
    )


def add_subscriber_parsers(
    sub: Any, handlers: dict[str, Handler], formatter: type[argparse.HelpFormatter]
) -> None:
    subscriber = sub.add_parser(
        "subscriber",
        help="the people email channels mail (add, edit, remove, list, import)",
        description="Email subscribers, their language and the components they follow.",
        epilog=SUBSCRIBER_EPILOG,
        formatter_class=formatter,
    )
    verbs = subscriber.add_subparsers(dest="verb", metavar="ACTION", required=True)

    added = verbs.add_parser(
        "add",
        help="subscribe an email address",
        description="Subscribe an address to the email channels' updates.",
        formatter_class=formatter,
    )
    added.add_argument("address", metavar="ADDR", help="the email address, e.g. amal@example.com")
    added.add_argument(
        "--language",
        choices=["ar", "en", "both"],
        default="both",
        metavar="L",
        help="which language they get: ar, en or both (default: %(default)s)",
    )
    _components_option(added, "(default: every component)")
    _json_option(added, "the new subscriber")
    added.set_defaults(handler=handlers["subscriber add"])

    edited = verbs.add_parser(
        "edit",
        help="change a subscriber's language or components",
        description="Change what an active subscriber gets; what is not given stays. Their "
        "unsubscribe link keeps working.",
        formatter_class=formatter,
    )
    edited.add_argument("address", metavar="ADDR", help="the subscribed email address")
    edited.add_argument(
        "--language",
        choices=["ar", "en", "both"],
        metavar="L",
        help="which language they get: ar, en or both",
    )
    which = edited.add_mutually_exclusive_group()
    _components_option(which, "instead of what they follow now")
    which.add_argument(
        "--all-components",
        action="store_true",
        help="follow every component (and updates that name none)",
    )
    _json_option(edited, "the subscriber")
    edited.set_defaults(handler=handlers["subscriber edit"])

    removed = verbs.add_parser(
        "remove",
        help="unsubscribe an email address (kept on record)",
        description="Unsubscribe an address: it gets no more email, and the time it left is "
        "recorded.",
        formatter_class=formatter,
    )
    removed.add_argument(
        "address",
        metavar="ADDR",
        help="the subscribed email address, or the token of an unsubscribe request (the "
        "token= of a List-Unsubscribe link, or what follows `unsubscribe` in the subject of "
        "an unsubscribe email)",
    )
    removed.set_defaults(handler=handlers["subscriber remove"])

    listed = verbs.add_parser(
        "list",
        help="list the subscribers",
        description="The active subscribers, oldest first: address, language, the components "
        "they follow and since when.",
        formatter_class=formatter,
    )
    listed.add_argument(
        "--all", action="store_true", help="include those who unsubscribed, with the date"
    )
    _json_option(listed, "the subscribers as a bare array")
    listed.set_defaults(handler=handlers["subscriber list"])

    imported = verbs.add_parser(
        "import",
        help="subscribe every address of a CSV file",
        description="Subscribe every address of a CSV file (email,language,components).",
        epilog=IMPORT_EPILOG,
        formatter_class=formatter,
    )
    imported.add_argument("file", metavar="FILE.csv", help="the CSV file (UTF-8)")
    _json_option(imported, "the counts and the skipped lines")
    imported.set_defaults(handler=handlers["subscriber import"])
