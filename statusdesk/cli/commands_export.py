"""`statusdesk export ID --format md|html|pdf|csv|json [-o FILE] [--tz ZONE]` (issue #7).

Text formats go to standard output without -o; a PDF needs -o (binary on a terminal helps
nobody). With -o the file is written atomically and its absolute path printed alone on stdout.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from statusdesk.cli import output
from statusdesk.cli.errors import CliError, Exit
from statusdesk.desk import Desk
from statusdesk.export.api import BINARY, parse_zone
from statusdesk.export.files import ExportWriteError
from statusdesk.export.model import ExportError


def _stdout(data: bytes) -> None:
    """The bytes as they are (the CSV keeps its byte-order mark); a reader that went away
    (`| head`) is not an error."""
    try:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        output.detach_stdout()


def export(desk: Desk, args: argparse.Namespace) -> int:
    if args.format in BINARY and not args.output:
        raise CliError(
            f"--format {args.format} writes a binary file: give it one with -o FILE, e.g. "
            f"-o incident-{args.id}.{args.format}",
            Exit.USAGE,
        )
    try:
        zone = parse_zone(args.tz)
        if args.output:
            written = desk.exports.export_to_file(
                args.id, args.format, Path(args.output), zone=zone
            )
            output.out(str(written))
        else:
            data = desk.exports.export(args.id, args.format, zone=zone)
            _stdout(data)
    except ExportWriteError as exc:
        raise CliError(str(exc), Exit.WORKSPACE) from exc
    except ExportError as exc:
        raise CliError(str(exc), Exit.REJECTED) from exc
    return Exit.OK


HANDLERS = {"export": export}
