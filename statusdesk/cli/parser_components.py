"""The grammar of `component add|edit|list|remove` (ARCHITECTURE §7): the parts of the service
the status page lists, named in English and Arabic, in groups. The rest is in parser.py."""

from __future__ import annotations

import argparse
from typing import Any

Handler = Any

COMPONENT_EPILOG = """\
examples:
  statusdesk component add "Payments API" --name-ar "واجهة الدفع" --group Payments \\
      --group-ar "المدفوعات" --description-en "Card and wallet payments" \\
      --description-ar "الدفع بالبطاقات والمحافظ"
  statusdesk component edit "Payments API" --name-ar "واجهة المدفوعات"
  statusdesk component edit "Payments API" --group ""      (out of its group)
  statusdesk component list --json
  statusdesk component remove "Old API"

A component is named by its English name (any case) or its Arabic name. The Arabic page, the
Arabic emails and the Arabic X posts show the Arabic name; without one, the English name.
`incident open|update --component NAME=STATUS` still makes a component it does not know.
A group is made when a component first names it and goes when its last member leaves; it has
no status of its own (the page shows the worst of its members').
A component the history of an incident names (linked to it, or an update changed its status)
cannot be removed: the incident's pages would lose its name. Rename it instead."""


def _texts(parser: argparse.ArgumentParser, *, editing: bool) -> None:
    if editing:
        parser.add_argument("--name-en", metavar="TEXT", help="rename it in English")
    parser.add_argument(
        "--name-ar", metavar="TEXT", help="its Arabic name (shown on the Arabic page and posts)"
    )
    parser.add_argument(
        "--description-en", metavar="TEXT", help="a line under its name on the English page"
    )
    parser.add_argument(
        "--description-ar", metavar="TEXT", help="a line under its name on the Arabic page"
    )
    parser.add_argument(
        "--group",
        metavar="NAME",
        help="the group it is shown in (made if new"
        + ('; "" takes it out of its group)' if editing else ")"),
    )
    parser.add_argument("--group-ar", metavar="TEXT", help="the group's Arabic name (with --group)")


def add_component_parsers(
    sub: Any, handlers: dict[str, Handler], formatter: type[argparse.HelpFormatter]
) -> None:
    component = sub.add_parser(
        "component",
        help="the status page's components: names in both languages, groups (add, edit, list, "
        "remove)",
        description="The parts of the service the status page lists, and their groups.",
        epilog=COMPONENT_EPILOG,
        formatter_class=formatter,
    )
    verbs = component.add_subparsers(dest="verb", metavar="ACTION", required=True)

    added = verbs.add_parser(
        "add",
        help="add a component",
        description="Add a component (operational until an update says otherwise).",
        formatter_class=formatter,
    )
    added.add_argument("name", metavar="NAME", help="its English name, e.g. 'Payments API'")
    _texts(added, editing=False)
    added.add_argument("--json", action="store_true", help="print the new component as JSON")
    added.set_defaults(handler=handlers["component add"])

    edited = verbs.add_parser(
        "edit",
        help="change a component's names, description or group",
        description="Change what is given; the rest stays.",
        formatter_class=formatter,
    )
    edited.add_argument("name", metavar="NAME", help="the component's English or Arabic name")
    _texts(edited, editing=True)
    edited.add_argument("--json", action="store_true", help="print the component as JSON")
    edited.set_defaults(handler=handlers["component edit"])

    listed = verbs.add_parser(
        "list",
        help="list the components in page order",
        description="Every component in page order: names, group, status.",
        formatter_class=formatter,
    )
    listed.add_argument(
        "--json", action="store_true", help="print the components as a bare array (for scripts)"
    )
    listed.set_defaults(handler=handlers["component list"])

    removed = verbs.add_parser(
        "remove",
        help="remove a component no incident names",
        description="Remove a component; one the history of an incident names is kept.",
        formatter_class=formatter,
    )
    removed.add_argument("name", metavar="NAME", help="the component's English or Arabic name")
    removed.set_defaults(handler=handlers["component remove"])
