"""What the public status page shows beyond updates (issue #14): `incident postmortem ID
--en-file F --ar-file F` (`-` reads standard input), and `--started-at` read for `incident
open` (when the incident really began, before anyone wrote about it)."""

from __future__ import annotations

import argparse
from datetime import datetime

from statusdesk.app.postmortems import MAX_POSTMORTEM_CHARS
from statusdesk.cli import inputs
from statusdesk.cli.errors import CliError, Exit
from statusdesk.cli.output import out, print_json
from statusdesk.core.model import BilingualText
from statusdesk.desk import Desk
from statusdesk.scheduling.when import WhenError, local_zone, parse_past


def incident_postmortem(desk: Desk, args: argparse.Namespace) -> int:
    if args.en_file == inputs.STDIN and args.ar_file == inputs.STDIN:
        raise CliError(
            "--en-file - and --ar-file - cannot both read standard input; put one in a file.",
            Exit.USAGE,
        )
    body = BilingualText(
        inputs.read_body_file(args.en_file, "--en-file", max_chars=MAX_POSTMORTEM_CHARS),
        inputs.read_body_file(args.ar_file, "--ar-file", max_chars=MAX_POSTMORTEM_CHARS),
    )
    outcome = desk.postmortems.publish(args.id, body, by=args.author or "")
    kept = outcome.postmortem
    if args.json:
        print_json(
            {
                "incident_id": kept.incident_id,
                "body_en": kept.body.en,
                "body_ar": kept.body.ar,
                "author": kept.author,
                "published_at": kept.published_at,
                "updated_at": kept.updated_at,
                "replaced": outcome.replaced,
                "site": str(outcome.site) if outcome.site else None,
            }
        )
        return Exit.OK
    verb = "rewritten" if outcome.replaced else "published"
    out(f"postmortem of incident {kept.incident_id} {verb} ({kept.updated_at})")
    if outcome.site is not None:
        out(f"status page rebuilt: {outcome.site}")
    if outcome.site_note:
        out(outcome.site_note if outcome.site is not None else f"note: {outcome.site_note}")
    return Exit.OK


def started_at(desk: Desk, args: argparse.Namespace) -> datetime | None:
    """`--started-at`: a moment in the past (or now), read like --at in this machine's zone."""
    text = getattr(args, "started_at", None)
    if text is None:
        return None
    try:
        return parse_past(text, desk.clock.now(), local_zone()).at
    except WhenError as exc:
        raise CliError(f"--started-at {text!r}: {exc}.") from None


HANDLERS = {"incident postmortem": incident_postmortem}
