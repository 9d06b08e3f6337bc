"""The grammar of `update approve | return | reviews`: a second pair of eyes before publishing
(issue #17, workspace setting review.required). The rest of `update` is in parser_schedule.py."""

from __future__ import annotations

import argparse
from typing import Any

from statusdesk.cli import inputs

Handler = Any


def add_review_parsers(verbs: Any, handlers: dict[str, Handler], formatter: type) -> None:
    approved = verbs.add_parser(
        "approve",
        help="publish an update submitted for review (another person's)",
        description="Approve an update submitted for review and publish it exactly as "
        "submitted, waiting for each channel's outcome. Its author cannot approve it (exit 3). "
        "Exit codes as for `incident update`.",
        formatter_class=formatter,
    )
    approved.add_argument(
        "review", metavar="ID", type=inputs.record_id("review"), help="the review's id"
    )
    _reviewer(approved, "who approves it")
    approved.add_argument(
        "--timeout",
        metavar="S",
        type=inputs.seconds,
        default=60.0,
        help="seconds to wait for every channel's outcome (default: %(default)g)",
    )
    approved.add_argument(
        "--no-wait", action="store_true", help="return at once; `statusdesk run` sends it"
    )
    approved.add_argument(
        "--json", action="store_true", help="print what was published as JSON (for scripts)"
    )
    approved.set_defaults(handler=handlers["update approve"])

    returned = verbs.add_parser(
        "return",
        help="send an update submitted for review back to its author, with a comment",
        description="Return an update submitted for review to its author with a comment; "
        "nothing is published.",
        formatter_class=formatter,
    )
    returned.add_argument(
        "review", metavar="ID", type=inputs.record_id("review"), help="the review's id"
    )
    returned.add_argument("--comment", metavar="TEXT", required=True, help="what to change, why")
    _reviewer(returned, "who returns it")
    returned.set_defaults(handler=handlers["update return"])

    waiting = verbs.add_parser(
        "reviews",
        help="updates waiting for review, oldest first",
        description="Every update submitted for review and not yet approved or returned; "
        "with --all, every review with its decision, reviewer and comment.",
        formatter_class=formatter,
    )
    waiting.add_argument(
        "--all",
        action="store_true",
        help="also those approved, returned (with the comment) or waived",
    )
    waiting.add_argument(
        "--json", action="store_true", help="print them as a bare JSON array (for scripts)"
    )
    waiting.set_defaults(handler=handlers["update reviews"])


def _reviewer(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument(
        "--author", metavar="NAME", help=f"{what} (default: this computer's user name)"
    )
