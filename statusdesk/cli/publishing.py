"""What every command that publishes shares, whether it publishes now (commands.py) or on a
schedule (commands_schedule.py): the draft read from the arguments, the wait for its deliveries,
and the one line per channel with the exit code for the whole. Both command modules import this
one, so neither imports the other (ARCHITECTURE §1: no import cycles)."""

from __future__ import annotations

import argparse

from statusdesk.app.context import current_user
from statusdesk.cli import inputs, output
from statusdesk.cli.errors import CliError, Exit
from statusdesk.cli.output import err, out
from statusdesk.core.model import (
    BilingualText,
    Delivery,
    DeliveryState,
    Draft,
    Impact,
    IncidentState,
)
from statusdesk.delivery.outbox import Published
from statusdesk.desk import Desk

OPEN_STATES = (DeliveryState.PENDING, DeliveryState.SENDING, DeliveryState.RETRY_WAIT)


def author(args: argparse.Namespace) -> str:
    if args.author is not None:
        return str(args.author)
    return current_user()


def body(args: argparse.Namespace) -> BilingualText:
    if args.en_file == inputs.STDIN and args.ar_file == inputs.STDIN:
        raise CliError(
            "--en-file - and --ar-file - cannot both read standard input; put one in a file.",
            Exit.USAGE,
        )
    return BilingualText(
        inputs.body_text(args.en, args.en_file, "--en-file"),
        inputs.body_text(args.ar, args.ar_file, "--ar-file"),
    )


def draft(args: argparse.Namespace, state: IncidentState) -> Draft:
    return Draft(
        body=body(args),
        state=state,
        impact=Impact(args.impact) if args.impact else None,
        component_status=dict(args.components),
        author=author(args),
        overrides=dict(args.overrides),
    )


def wait(desk: Desk, published: Published, args: argparse.Namespace) -> list[Delivery]:
    """The update's deliveries once each has an outcome, or as they stand after --timeout."""
    if args.no_wait:
        return desk.views.deliveries_for_update(published.update_id)
    deliveries = desk.deliveries.wait_for(published.update_id, args.timeout)
    if any(d.state in OPEN_STATES for d in deliveries):
        # Out of time: stop retry timers and queued attempts (they stay pending for the runner)
        # but let an attempt already on the wire finish and record what happened to it, so no
        # row is left `sending` with nobody to finish it.
        desk.dispatcher.shutdown(wait=True)
        deliveries = desk.views.deliveries_for_update(published.update_id)
    return deliveries


def report(
    desk: Desk, published: Published, deliveries: list[Delivery], args: argparse.Namespace
) -> int:
    """One line per channel (not with --json); the exit code for the publish as a whole."""
    names = {c.id: c.name for c in desk.views.channels()}
    waited = None if args.no_wait else float(args.timeout)
    if not args.json:
        for delivery in deliveries:
            name = names.get(delivery.channel_id, f"channel {delivery.channel_id}")
            out(output.delivery_result_line(name, delivery, waited))
    if args.no_wait:
        return Exit.OK
    # A channel left out on purpose (skipped, with its reason) is a decision, not a failure.
    missing = [d for d in deliveries if d.state not in (DeliveryState.SENT, DeliveryState.SKIPPED)]
    if missing:
        sent = [d for d in deliveries if d.state is not DeliveryState.SKIPPED]
        err(
            f"statusdesk: {len(missing)} of {len(sent)} channel(s) did not get this update; "
            f"the others did. See `statusdesk deliveries {published.incident_id}`."
        )
        return Exit.CHANNEL_FAILED
    return Exit.OK


__all__ = ["OPEN_STATES", "author", "body", "draft", "report", "wait"]
