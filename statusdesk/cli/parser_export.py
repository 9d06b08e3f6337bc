"""The grammar of `statusdesk export` (ARCHITECTURE §7, issue #7). The rest is in parser.py."""

from __future__ import annotations

import argparse
from typing import Any

from statusdesk.cli import inputs

Handler = Any
FORMATS = (
    "md",
    "html",
    "pdf",
    "csv",
    "json",
)  # statusdesk.export.api.FORMATS, kept Qt- and import-free

EXPORT_EPILOG = """\
examples:
  statusdesk export 12 --format md > postmortem-timeline.md
  statusdesk export 12 --format pdf -o incident-12.pdf --tz Asia/Riyadh
  statusdesk export 12 --format csv -o deliveries.csv      # one row per delivery
  statusdesk export 12 --format json | jq .metrics.promises

What it holds: titles in both languages, kind, impact, components, start, resolution and
duration; the time to the first public update, each channel's first-delivery lag and longest
silence, the cadence (mean and longest gap), next-update promises kept and missed, and every
delivery retried, failed or skipped with its reason; then each update with both texts and,
per channel, when it was sent, where it landed, how many attempts and which errors.

Formats: md (Markdown), html (one bilingual page), pdf (needs -o), csv (UTF-8 with a
byte-order mark, one row per delivery), json (schema: resources/export/timeline.schema.json).
Times are in UTC unless --tz names a zone. No secret and no channel setting is ever exported.
A file is written whole or not at all (a temporary file renamed into place); the path written
is printed.

exit codes: 0 done; 1 the workspace cannot be used, or the file could not be written (disk
full, no permission) — nothing was written; 2 usage (pdf without -o); 3 rejected input (an
unknown incident or time zone, a folder that does not exist)."""


def add_export_parser(
    sub: Any, handlers: dict[str, Handler], formatter: type[argparse.HelpFormatter]
) -> None:
    export = sub.add_parser(
        "export",
        help="an incident's timeline for the postmortem: md, html, pdf, csv or json",
        description="Export what was said about an incident — where, when, in which language "
        "and how late — with its metrics, for the postmortem.",
        epilog=EXPORT_EPILOG,
        formatter_class=formatter,
    )
    export.add_argument(
        "id", metavar="ID", type=inputs.record_id("incident"), help="the incident's id"
    )
    export.add_argument(
        "--format",
        "-f",
        required=True,
        choices=FORMATS,
        metavar="FORMAT",
        help=f"one of {', '.join(FORMATS)}",
    )
    export.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write to FILE (atomically) instead of standard output; required for pdf",
    )
    export.add_argument(
        "--tz",
        metavar="ZONE",
        default="UTC",
        help="the time zone times are written in: UTC (default) or an IANA name such as "
        "Asia/Riyadh",
    )
    export.set_defaults(handler=handlers["export"])
