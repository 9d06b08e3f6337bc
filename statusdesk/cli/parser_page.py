"""The grammar of `incident postmortem` (issue #14; statusdesk/cli/commands_page.py)."""

from __future__ import annotations

import argparse

from statusdesk.cli import inputs

POSTMORTEM_HELP = "the postmortem in {language}, from a UTF-8 file (- for standard input)"


def add_postmortem_parser(
    verbs: argparse._SubParsersAction,  # type: ignore[type-arg]
    handler: object,
    formatter: type[argparse.HelpFormatter],
) -> None:
    parser = verbs.add_parser(
        "postmortem",
        help="add (or rewrite) a resolved incident's bilingual postmortem",
        description="Publish a resolved incident's postmortem in English and Arabic: its page "
        "on the status page shows it, both Atom feeds and the api/v2 JSON "
        "(postmortem_body) carry it. Running it again rewrites it; the first publication "
        "time is kept.",
        epilog="example:\n  statusdesk incident postmortem 7 --en-file pm-en.md --ar-file pm-ar.md",
        formatter_class=formatter,
    )
    parser.add_argument(
        "id", metavar="ID", type=inputs.record_id("incident"), help="the incident's id"
    )
    parser.add_argument(
        "--en-file", metavar="F", required=True, help=POSTMORTEM_HELP.format(language="English")
    )
    parser.add_argument(
        "--ar-file", metavar="F", required=True, help=POSTMORTEM_HELP.format(language="Arabic")
    )
    parser.add_argument("--author", metavar="NAME", help="who wrote it (default: you)")
    parser.add_argument("--json", action="store_true", help="print the postmortem as an object")
    parser.set_defaults(handler=handler)
