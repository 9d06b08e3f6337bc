"""The grammar of scheduling (issue #5, ARCHITECTURE §7): `--at`, `--template`, `--eta`,
`--cadence-min` and a maintenance's `--window-start/--window-end/--remind-min` on
`incident open|update`, and `update list|cancel|reschedule|send|discard|edit`.

Times are kept as text here and read by the command (statusdesk/scheduling/when.py) against
the clock and the local zone, so a time that cannot be used is rejected input (exit 3) with a
message saying what would work, like any other.
"""

from __future__ import annotations

import argparse
from typing import Any

from statusdesk.cli import inputs
from statusdesk.cli.parser_review import add_review_parsers
from statusdesk.core.model import IncidentState
from statusdesk.core.promise import MAX_CADENCE_MIN, MIN_CADENCE_MIN

Handler = Any

WHEN_HELP = (
    '"in 15m", "in 1h30m", "14:30" (today, or tomorrow if past), "tomorrow 09:00", or an '
    "ISO date-time with or without an offset (2026-03-29T14:30, 2026-03-29T14:30+02:00); "
    "local time is this machine's zone ($TZ)"
)

UPDATE_EPILOG = """\
examples:
  statusdesk update list
  statusdesk update reschedule 12 --at "in 30m"
  statusdesk update edit 12 --en "We expect to finish by 16:00 UTC." \\
      --ar "نتوقع الانتهاء بحلول 16:00 UTC."
  statusdesk update cancel 12
  statusdesk update send 14         a stale update: publish it now after all
  statusdesk update discard 14      a stale update: let it go

A scheduled update goes out when it falls due while `statusdesk run` or the desktop app is up.
One that fell due while neither ran goes out if it is less than the grace window late (setting
schedule.grace_minutes, default 5); later than that it turns stale and waits for send or discard.
Cancel, reschedule, edit, send and discard refuse (exit 3) an update that already went out or
was cancelled."""

SCHEDULE_EPILOG = """\
scheduling:
  statusdesk incident update 7 --state monitoring --at "in 30m" --en "..." --ar "..."
  statusdesk incident update 7 --template identified --cadence-min 15
  statusdesk incident open --kind maintenance --title-en "Database upgrade" \\
      --title-ar "ترقية قاعدة البيانات" --component Database=under_maintenance \\
      --window-start 2026-04-02T01:00 --window-end 2026-04-02T03:00 --remind-min 60

With --at the update is stored and the command returns at once: its id, then when it goes out
(local time and UTC); no channel gets anything until it falls due, when `statusdesk run` or the
desktop app (whichever is up) publishes it."""


def _minutes(low: int, high: int) -> Any:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of minutes") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"give {low} to {high} minutes (got {value})")
        return value

    return parse


def add_scheduling_options(parser: argparse.ArgumentParser, *, opening: bool) -> None:
    """--at, --template, --eta, --cadence-min; on `open` also the maintenance window."""
    when = parser.add_argument_group("when it goes out, and from what")
    when.add_argument(
        "--at",
        metavar="WHEN",
        help=f"schedule the update instead of publishing it now: {WHEN_HELP}",
    )
    when.add_argument(
        "--template",
        metavar="NAME",
        help="write the update from a bilingual template (investigating, identified, "
        "monitoring, resolved; maintenance: scheduled, reminder, in_progress, verifying, "
        "completed; or the workspace's own in <workspace>/templates/*.json). --en/--ar given "
        "too win for their language; the template's state is used unless --state says otherwise",
    )
    when.add_argument(
        "--eta", metavar="WHEN", help="fills {eta} in a template (same forms as --at)"
    )
    when.add_argument(
        "--cadence-min",
        metavar="N",
        type=_minutes(MIN_CADENCE_MIN, MAX_CADENCE_MIN),
        help="promise the next update within N minutes of each update (default: 30 for a new "
        "incident; update: unchanged)",
    )
    if not opening:
        return
    window = parser.add_argument_group(
        "a maintenance window (--kind maintenance): announced now, N minutes before, at the "
        "start and at the end, each from its template"
    )
    window.add_argument("--window-start", metavar="WHEN", help=f"when it starts: {WHEN_HELP}")
    window.add_argument("--window-end", metavar="WHEN", help="when it ends (same forms)")
    window.add_argument(
        "--remind-min",
        metavar="N",
        type=_minutes(0, 7 * 24 * 60),
        help="the reminder, N minutes before the start; 0: none (default: setting "
        "maintenance.remind_minutes, else 60)",
    )


def add_update_parsers(
    sub: Any, handlers: dict[str, Handler], formatter: type[argparse.HelpFormatter]
) -> None:
    update = sub.add_parser(
        "update",
        help="updates not out yet: scheduled, stale, or waiting for review (approve, return)",
        description="Updates that have not gone out yet: scheduled ones (waiting for their "
        "time) and stale ones (their time passed while nothing ran; they wait for a person).",
        epilog=UPDATE_EPILOG,
        formatter_class=formatter,
    )
    verbs = update.add_subparsers(dest="verb", metavar="ACTION", required=True)

    listed = verbs.add_parser(
        "list",
        help="scheduled and stale updates, soonest first",
        description="Every update not yet out (scheduled or stale), soonest first, with its "
        "incident, when it is due (local time and UTC) and its channels.",
        formatter_class=formatter,
    )
    listed.add_argument(
        "--incident", metavar="ID", type=inputs.record_id("incident"), help="only this incident's"
    )
    listed.add_argument(
        "--json", action="store_true", help="print them as a bare JSON array (for scripts)"
    )
    listed.set_defaults(handler=handlers["update list"])

    for verb, summary in (
        ("cancel", "a scheduled update will not go out"),
        ("discard", "a stale update will not go out"),
    ):
        parser = verbs.add_parser(
            verb, help=summary, description=f"{summary[0].upper()}{summary[1:]}; recorded.",
            formatter_class=formatter,
        )  # fmt: skip
        parser.add_argument(
            "update", metavar="UPDATE", type=inputs.record_id("update"), help="the update's id"
        )
        parser.set_defaults(handler=handlers[f"update {verb}"])

    moved = verbs.add_parser(
        "reschedule",
        help="give a scheduled (or stale) update a new time",
        description="Give an update that has not gone out a new time.",
        formatter_class=formatter,
    )
    moved.add_argument(
        "update", metavar="UPDATE", type=inputs.record_id("update"), help="the update's id"
    )
    moved.add_argument("--at", metavar="WHEN", required=True, help=WHEN_HELP)
    moved.set_defaults(handler=handlers["update reschedule"])

    sent = verbs.add_parser(
        "send",
        help="publish a stale (or scheduled) update now",
        description="Publish an update that has not gone out, now, and wait for each "
        "channel's outcome. Exit codes as for `incident update`.",
        formatter_class=formatter,
    )
    sent.add_argument(
        "update", metavar="UPDATE", type=inputs.record_id("update"), help="the update's id"
    )
    sent.add_argument(
        "--timeout",
        metavar="S",
        type=inputs.seconds,
        default=60.0,
        help="seconds to wait for every channel's outcome (default: %(default)g)",
    )
    sent.add_argument(
        "--no-wait", action="store_true", help="return at once; `statusdesk run` sends it"
    )
    sent.set_defaults(handler=handlers["update send"], json=False)

    edited = verbs.add_parser(
        "edit",
        help="change the text or state of an update not yet out",
        description="New text (a language not given keeps its text) or state for a scheduled "
        "or stale update, checked against its channels again.",
        formatter_class=formatter,
    )
    edited.add_argument(
        "update", metavar="UPDATE", type=inputs.record_id("update"), help="the update's id"
    )
    en = edited.add_mutually_exclusive_group()
    en.add_argument("--en", metavar="BODY", help="the new English text")
    en.add_argument("--en-file", metavar="FILE", help="read it from a UTF-8 file ('-': stdin)")
    ar = edited.add_mutually_exclusive_group()
    ar.add_argument("--ar", metavar="BODY", help="the new Arabic text")
    ar.add_argument("--ar-file", metavar="FILE", help="read it from a UTF-8 file ('-': stdin)")
    edited.add_argument(
        "--state",
        choices=[s.value for s in IncidentState],
        metavar="S",
        help="the state the incident takes when it goes out",
    )
    edited.add_argument(
        "--anyway",
        action="store_true",
        help="keep the edit even though the English and Arabic texts then disagree (a number, "
        "time, link or id in one and not the other); without it such an edit is refused",
    )
    edited.set_defaults(handler=handlers["update edit"])
    add_review_parsers(verbs, handlers, formatter)
