"""The grammar of `channel edit | remove | enable | disable` and `setting list | get | set`
(issue #12 §7). The rest of the grammar is in parser.py."""

from __future__ import annotations

import argparse
from typing import Any

from statusdesk import settings
from statusdesk.cli.parser_outbox import add_set_option

Handler = Any

EDIT_EPILOG = """\
examples:
  statusdesk channel edit team-chat --set format=slack --set language=en
  statusdesk channel edit mail --set host=smtp2.example.com --unset recipients

The settings are checked exactly as `channel add` checks them: a key the kind does not take is
refused with the keys it takes, and nothing is changed. `--unset KEY` goes back to the kind's
default. Secrets are not settings: `statusdesk channel secret NAME KEY`."""

REMOVE_EPILOG = """\
Its past deliveries stay in the record under its name (the timeline, `deliveries --json` and
exports still show it). Deliveries it had not sent yet are skipped with the reason "the channel
NAME was removed"; scheduled updates no longer go to it; its secrets are deleted from the
keyring. A new channel may then take the name. Refused while it is sending (exit 3)."""


def _setting_lines() -> str:
    lines = []
    for spec in settings.SETTINGS:
        page = " (rebuilds the status page)" if spec.affects_site else ""
        lines.append(f"  {spec.key} (default {spec.default}){page}")
        lines.append(f"      {spec.allowed}")
    return "\n".join(lines)


SETTING_EPILOG = f"""\
settings:
{_setting_lines()}

examples:
  statusdesk setting list
  statusdesk setting set incident.cadence_minutes 15
  statusdesk setting set site.title_ar "حالة خدمات أكمي"

A value that is not allowed is refused (exit 3) with the values allowed; every change is recorded
in the audit log."""


def add_channel_change_parsers(
    channel_verbs: Any, handlers: dict[str, Handler], formatter: type[argparse.HelpFormatter]
) -> None:
    edited = channel_verbs.add_parser(
        "edit",
        help="change a channel's settings",
        description="Change some settings of a channel (never secrets: see `channel secret`).",
        epilog=EDIT_EPILOG,
        formatter_class=formatter,
    )
    edited.add_argument("name", metavar="NAME", help="the channel's name")
    add_set_option(edited)
    edited.add_argument(
        "--unset",
        metavar="KEY",
        action="append",
        default=[],
        help="back to the kind's default; repeat for several",
    )
    edited.add_argument("--json", action="store_true", help="print the channel as a JSON object")
    edited.set_defaults(handler=handlers["channel edit"])

    removed = channel_verbs.add_parser(
        "remove",
        help="remove a channel (its past deliveries stay in the record)",
        description="Remove a channel: nothing goes to it any more.",
        epilog=REMOVE_EPILOG,
        formatter_class=formatter,
    )
    removed.add_argument("name", metavar="NAME", help="the channel's name")
    removed.set_defaults(handler=handlers["channel remove"])

    for verb, what in (("enable", "enabled"), ("disable", "disabled")):
        toggled = channel_verbs.add_parser(
            verb,
            help=f"{verb} a channel",
            description=f"{what.capitalize()} channels "
            + (
                "get every new update unless it leaves them out."
                if verb == "enable"
                else "get no update unless one names them (--channels)."
            ),
            formatter_class=formatter,
        )
        toggled.add_argument("name", metavar="NAME", help="the channel's name")
        toggled.set_defaults(handler=handlers[f"channel {verb}"])


def add_setting_parsers(
    sub: Any, handlers: dict[str, Handler], formatter: type[argparse.HelpFormatter]
) -> None:
    setting = sub.add_parser(
        "setting",
        help="the workspace's settings (cadence, grace, reminder, zone, digits, page name)",
        description="The workspace's settings, each with its meaning, default and allowed values.",
        epilog=SETTING_EPILOG,
        formatter_class=formatter,
    )
    verbs = setting.add_subparsers(dest="verb", metavar="ACTION", required=True)
    listed = verbs.add_parser(
        "list",
        help="every setting with its value, default and allowed values",
        description="Every setting: its value, default, allowed values and meaning.",
        formatter_class=formatter,
    )
    listed.add_argument(
        "--json",
        action="store_true",
        help="a bare array of objects with key, value, default, allowed and meaning",
    )
    listed.set_defaults(handler=handlers["setting list"])
    got = verbs.add_parser(
        "get",
        help="print one setting's value",
        description="Print one setting's value (its default when it was never set).",
        formatter_class=formatter,
    )
    got.add_argument("key", metavar="KEY", help="e.g. schedule.grace_minutes")
    got.set_defaults(handler=handlers["setting get"])
    changed = verbs.add_parser(
        "set",
        help="change one setting",
        description="Change one setting; a change the status page shows rebuilds it.",
        epilog=SETTING_EPILOG,
        formatter_class=formatter,
    )
    changed.add_argument("key", metavar="KEY", help="e.g. display.digits")
    changed.add_argument("value", metavar="VALUE", help="the new value")
    changed.set_defaults(handler=handlers["setting set"])
