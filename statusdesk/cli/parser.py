"""The command line's grammar and help texts (ARCHITECTURE §7). Handlers live in commands.py."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from statusdesk.cli import inputs
from statusdesk.cli.parser_components import add_component_parsers
from statusdesk.cli.parser_db import add_db_option, add_db_parsers
from statusdesk.cli.parser_export import add_export_parser
from statusdesk.cli.parser_outbox import add_channel_parsers, add_delivery_parsers, add_run_parser
from statusdesk.cli.parser_page import add_postmortem_parser
from statusdesk.cli.parser_schedule import (
    SCHEDULE_EPILOG,
    add_scheduling_options,
    add_update_parsers,
)
from statusdesk.cli.parser_settings import add_channel_change_parsers, add_setting_parsers
from statusdesk.cli.parser_subscribers import add_subscriber_parsers
from statusdesk.core.model import INCIDENT_STATES, MAINTENANCE_STATES, IncidentKind, IncidentState

Handler = Callable[..., int]
DEFAULT_TIMEOUT = 60.0

EXIT_CODES = """\
exit codes:
  0  done
  1  the workspace cannot be used (read-only, locked by another program, damaged,
     from a newer statusdesk), the desktop app cannot start, or an export file
     cannot be written (disk full, no permission); nothing was changed
  2  usage: the command line itself is malformed
  3  rejected input: empty or invalid text, unbalanced direction controls, a file that
     is not UTF-8, an unknown incident or channel, English and Arabic texts that
     disagree (without --anyway); the message says what and where
  4  recorded, but at least one channel did not get it (failed, or no outcome within
     --timeout); the other channels still went out
"""

MAIN_EPILOG = f"""\
examples:
  statusdesk                                   open the desktop app
  statusdesk incident open --title-en "API outage" --title-ar "تعطل الواجهة البرمجية" \\
      --impact major --component API=major_outage \\
      --en "We are investigating failed API requests." \\
      --ar "نحقق في فشل طلبات الواجهة البرمجية."
  statusdesk incident update 1 --state identified --en-file en.txt --ar-file - < ar.txt
  statusdesk incident list --json
  statusdesk --home /srv/statusdesk incident show 1 --json
  statusdesk export 1 --format pdf -o incident-1.pdf --tz Asia/Riyadh

{EXIT_CODES}
The workspace is --home DIR, else $STATUSDESK_HOME, else the platform's user data folder."""

STATES_HELP = (
    f"incident: {', '.join(s.value for s in INCIDENT_STATES)}; "
    f"maintenance: {', '.join(s.value for s in MAINTENANCE_STATES)}"
)

OPEN_EPILOG = f"""\
examples:
  statusdesk incident open --title-en "Login failures" --title-ar "تعذر تسجيل الدخول" \\
      --en "Some users cannot log in. We are investigating." \\
      --ar "يتعذر على بعض المستخدمين تسجيل الدخول. نحقق في الأمر."
  statusdesk incident open --kind maintenance --title-en "Database upgrade" \\
      --title-ar "ترقية قاعدة البيانات" --component Database=under_maintenance \\
      --en-file notice-en.txt --ar-file notice-ar.txt --channels site

The new incident's id is printed alone on the first line, then one line per channel:
  site: sent file:///…/site/index.html
  x: failed — X rejected the post: credentials expired — re-enter them in Channels

{SCHEDULE_EPILOG}

{EXIT_CODES}"""

UPDATE_EPILOG = f"""\
examples:
  statusdesk incident update 7 --state identified \\
      --en "The cause is a failed database node; we are moving traffic." \\
      --ar "السبب عطل في أحد خوادم قاعدة البيانات، ونعمل على نقل الحركة."
  statusdesk incident update 7 --state resolved --component API=operational \\
      --en-file resolved-en.txt --ar-file - < resolved-ar.txt
  statusdesk incident update 7 --component "Payments API=operational"

An update that only changes components needs no text (nor --state: the incident's stays); it
goes out as "Payments API: Operational" / "حالة Payments API: يعمل". Resolving (or completing a
maintenance) puts every affected component back to operational unless --component sets it.
English and Arabic texts that disagree (a number, time, link or id) are refused unless --anyway.

The new update's id is printed alone on the first line, then one line per channel.

{SCHEDULE_EPILOG}

{EXIT_CODES}"""


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Descriptions (one paragraph) are filled to the terminal's width; epilogs (examples and
    exit codes, laid out by hand over several lines) keep their lines."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if "\n" in text:
            return super()._fill_text(text, width, indent)
        return argparse.HelpFormatter._fill_text(self, text, width, indent)


def _json_option(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument(
        "--json", action="store_true", help=f"print {what} as one JSON document (for scripts)"
    )


def _publishing_options(parser: argparse.ArgumentParser) -> None:
    """The body, impact, components and channel options shared by `open` and `update`."""
    body = parser.add_argument_group("the update's text (at least one language; see --channels)")
    en = body.add_mutually_exclusive_group()
    en.add_argument("--en", metavar="BODY", help="the English text of the update")
    en.add_argument(
        "--en-file", metavar="FILE", help="read the English text from a UTF-8 file ('-': stdin)"
    )
    ar = body.add_mutually_exclusive_group()
    ar.add_argument("--ar", metavar="BODY", help="the Arabic text of the update")
    ar.add_argument(
        "--ar-file", metavar="FILE", help="read the Arabic text from a UTF-8 file ('-': stdin)"
    )
    what = parser.add_argument_group("what it says about the service")
    what.add_argument(
        "--impact",
        choices=inputs.IMPACTS,
        metavar="I",
        help="how bad it is: none, minor, major or critical (open: default none; "
        "update: unchanged)",
    )
    what.add_argument(
        "--component",
        metavar="NAME=STATUS",
        type=inputs.component_change,
        action="append",
        default=[],
        dest="components",
        help="set an affected component's status; repeat for several. A name the workspace "
        f"does not know yet is created. STATUS: {', '.join(inputs.COMPONENT_STATUSES)}",
    )
    what.add_argument(
        "--anyway",
        action="store_true",
        help="publish even though the English and Arabic texts disagree (a number, time, "
        "link or id in one and not the other); without it such an update is refused (exit 3) "
        "naming both values",
    )
    how = parser.add_argument_group("where it goes")
    how.add_argument(
        "--channels",
        metavar="A,B",
        type=inputs.channel_names,
        help="comma-separated channel names (see `statusdesk channel list`); default: every "
        "enabled channel. A language may stay empty only if no chosen channel publishes it",
    )
    how.add_argument(
        "--skip-reason",
        metavar="TEXT",
        help="why the enabled channels --channels leaves out get nothing: required when it "
        "leaves any out; each gets a `skipped` delivery with this reason, shown in the "
        "timeline (a recorded decision, not a missed update)",
    )
    how.add_argument(
        "--text-for",
        metavar="CHANNEL=TEXT",
        type=inputs.setting,
        action="append",
        default=[],
        dest="overrides",
        help="a chosen channel's own text for this update instead of the body, e.g. a custom "
        "post for X: --text-for x='API errors: fix deployed, monitoring'; repeat per channel",
    )
    how.add_argument(
        "--author",
        metavar="NAME",
        help="who writes this, recorded in the audit log (default: your login name)",
    )
    how.add_argument(
        "--timeout",
        metavar="S",
        type=inputs.seconds,
        default=DEFAULT_TIMEOUT,
        help="seconds to wait for every channel's outcome (default: %(default)g). A delivery "
        "still open after that is left pending and the exit code is 4; an attempt already in "
        "flight is let finish and record its outcome first",
    )
    how.add_argument(
        "--no-wait",
        action="store_true",
        help="record the update and its deliveries and return at once, sending nothing here: "
        "`statusdesk run` (or the desktop app) sends them",
    )


def _incident_parsers(
    sub: Any, handlers: dict[str, Handler], formatter: type[argparse.HelpFormatter]
) -> None:
    incident = sub.add_parser(
        "incident",
        help="open, update, list and show incidents and maintenances",
        description="Incidents and scheduled maintenances, with their bilingual updates.",
        formatter_class=formatter,
    )
    verbs = incident.add_subparsers(dest="verb", metavar="ACTION", required=True)

    opened = verbs.add_parser(
        "open",
        help="open an incident with its first update and publish it",
        description="Open an incident (or maintenance) with its first bilingual update and "
        "publish it to the channels now, waiting for each channel's outcome.",
        epilog=OPEN_EPILOG,
        formatter_class=formatter,
    )
    title = opened.add_argument_group("the incident")
    title.add_argument("--title-en", metavar="T", default="", help="the English title")
    title.add_argument("--title-ar", metavar="T", default="", help="the Arabic title")
    title.add_argument(
        "--kind",
        choices=[k.value for k in IncidentKind],
        default=IncidentKind.INCIDENT.value,
        metavar="K",
        help="incident (unplanned) or maintenance (planned); default: %(default)s",
    )
    title.add_argument(
        "--state",
        choices=[s.value for s in IncidentState],
        metavar="S",
        help=f"the state it opens in (default: the kind's first state). {STATES_HELP}",
    )
    title.add_argument(
        "--started-at",
        metavar="WHEN",
        help="when the incident really began, if before now (backdating): an ISO date-time "
        '(2026-03-29T14:30, with or without an offset), "14:30" (today, or yesterday if '
        'that is ahead), "yesterday 23:10" or "40m ago"; shown on the status page and '
        "used by the timeline's metrics. Default: now",
    )
    _publishing_options(opened)
    add_scheduling_options(opened, opening=True)
    _json_option(opened, "the new incident (with its update and deliveries)")
    opened.set_defaults(handler=handlers["incident open"])

    listed = verbs.add_parser(
        "list",
        help="list incidents, active ones first",
        description="Every incident, active ones first, then the most recent.",
        formatter_class=formatter,
    )
    _json_option(listed, "the incidents as a bare array")
    listed.set_defaults(handler=handlers["incident list"])

    shown = verbs.add_parser(
        "show",
        help="one incident with its updates, deliveries and silence",
        description="An incident with its updates (oldest first), each channel's delivery, "
        "the next-update promise and, per channel, whether it missed the latest update.",
        formatter_class=formatter,
    )
    shown.add_argument(
        "id", metavar="ID", type=inputs.record_id("incident"), help="the incident's id"
    )
    _json_option(shown, "the incident as an object")
    shown.set_defaults(handler=handlers["incident show"])

    updated = verbs.add_parser(
        "update",
        help="publish a new update on an incident",
        description="Publish a new bilingual update on an incident now, waiting for each "
        "channel's outcome.",
        epilog=UPDATE_EPILOG,
        formatter_class=formatter,
    )
    updated.add_argument(
        "id", metavar="ID", type=inputs.record_id("incident"), help="the incident's id"
    )
    updated.add_argument(
        "--state",
        choices=[s.value for s in IncidentState],
        metavar="S",
        help=f"the incident's state with this update (required unless --template brings "
        f"one, or the update only changes components). {STATES_HELP}",
    )
    _publishing_options(updated)
    add_scheduling_options(updated, opening=False)
    _json_option(updated, "the new update (with its deliveries)")
    updated.set_defaults(handler=handlers["incident update"])
    add_postmortem_parser(verbs, handlers["incident postmortem"], formatter)


def build_parser(handlers: dict[str, Handler], version: str) -> argparse.ArgumentParser:
    formatter = HelpFormatter
    parser = argparse.ArgumentParser(
        prog="statusdesk",
        description="Bilingual (English/Arabic) incident updates to every channel at once. "
        "Without a command, opens the desktop app.",
        epilog=MAIN_EPILOG,
        formatter_class=formatter,
    )
    parser.add_argument(
        "--home",
        metavar="DIR",
        help="the workspace folder (wins over $STATUSDESK_HOME); give it before the command",
    )
    add_db_option(parser)
    parser.add_argument(
        "--version", action="version", version=f"statusdesk {version}", help="print the version"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _incident_parsers(sub, handlers, formatter)

    deliveries = sub.add_parser(
        "deliveries",
        help="every delivery of an incident: per update, per channel",
        description="Each update of an incident, per channel: delivery id, state, attempts and "
        "the last error.",
        formatter_class=formatter,
    )
    deliveries.add_argument(
        "incident", metavar="INCIDENT", type=inputs.record_id("incident"), help="the incident's id"
    )
    _json_option(deliveries, "the deliveries as a bare array")
    deliveries.set_defaults(handler=handlers["deliveries"])

    channel = sub.add_parser(
        "channel",
        help="the channels updates go to",
        description="The channels updates are published to.",
        formatter_class=formatter,
    )
    channel_verbs = channel.add_subparsers(dest="verb", metavar="ACTION", required=True)
    listed = channel_verbs.add_parser(
        "list",
        help="list the channels",
        description="Every channel: name, kind, whether enabled, language and order.",
        formatter_class=formatter,
    )
    _json_option(listed, "the channels as a bare array")
    listed.set_defaults(handler=handlers["channel list"])
    add_channel_parsers(channel_verbs, handlers, formatter)
    add_channel_change_parsers(channel_verbs, handlers, formatter)
    add_setting_parsers(sub, handlers, formatter)
    add_db_parsers(sub, handlers, formatter)
    add_delivery_parsers(sub, handlers, formatter)
    add_run_parser(sub, handlers, formatter)
    add_update_parsers(sub, handlers, formatter)
    add_subscriber_parsers(sub, handlers, formatter)
    add_component_parsers(sub, handlers, formatter)
    add_export_parser(sub, handlers, formatter)

    site = sub.add_parser(
        "site",
        help="the local status page",
        description="The local static status page in <workspace>/site/.",
        formatter_class=formatter,
    )
    site_verbs = site.add_subparsers(dest="verb", metavar="ACTION", required=True)
    built = site_verbs.add_parser(
        "build",
        help="rebuild the local status page now",
        description="Rebuild the local status page from the workspace (atomically) and print "
        "where it is. Only pages whose content changed are rendered; the others are linked "
        "from the current version.",
        formatter_class=formatter,
    )
    built.add_argument(
        "--full",
        action="store_true",
        help="render every page again instead of reusing unchanged ones (same output)",
    )
    built.set_defaults(handler=handlers["site build"])
    published = site_verbs.add_parser(
        "publish",
        help="publish the page to the site channels' targets now",
        description="Rebuild the page and publish it to every enabled site channel that has a "
        "`publish` target (git, sftp, s3), or to the channels named: what a settings, component "
        "or postmortem change does, and what an update's deliveries do. Only what changed is "
        "uploaded. Exit 4 when a target could not be reached or refused.",
        formatter_class=formatter,
    )
    published.add_argument("names", nargs="*", metavar="NAME", help="site channels (default: all)")
    published.set_defaults(handler=handlers["site publish"])
    return parser
