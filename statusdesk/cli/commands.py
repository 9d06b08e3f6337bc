"""One function per command. Each takes the open Desk and the parsed arguments and returns the
exit code; input errors are raised (CliError, Rejected) and turned into messages by main."""

from __future__ import annotations

import argparse
import errno
import getpass
from typing import Any

from statusdesk.app.jsonview import channel_json, incident_json
from statusdesk.channels.base import ChannelError
from statusdesk.cli import (
    commands_export,
    commands_outbox,
    commands_schedule,
    commands_settings,
    commands_subscribers,
    inputs,
    output,
)
from statusdesk.cli.errors import CliError, Exit
from statusdesk.cli.output import NONE, err, out, print_json
from statusdesk.core.model import (
    BilingualText,
    Delivery,
    DeliveryState,
    Draft,
    Impact,
    IncidentKind,
    IncidentState,
    initial_state,
)
from statusdesk.delivery.outbox import Published
from statusdesk.desk import Desk
from statusdesk.scheduling.lapses import is_overdue

OPEN_STATES = (DeliveryState.PENDING, DeliveryState.SENDING, DeliveryState.RETRY_WAIT)


def _author(args: argparse.Namespace) -> str:
    if args.author is not None:
        return str(args.author)
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def _body(args: argparse.Namespace) -> BilingualText:
    if args.en_file == inputs.STDIN and args.ar_file == inputs.STDIN:
        raise CliError(
            "--en-file - and --ar-file - cannot both read standard input; put one in a file.",
            Exit.USAGE,
        )
    return BilingualText(
        inputs.body_text(args.en, args.en_file, "--en-file"),
        inputs.body_text(args.ar, args.ar_file, "--ar-file"),
    )


def _draft(args: argparse.Namespace, state: IncidentState) -> Draft:
    return Draft(
        body=_body(args),
        state=state,
        impact=Impact(args.impact) if args.impact else None,
        component_status=dict(args.components),
        author=_author(args),
        overrides=dict(args.overrides),
    )


def _wait(desk: Desk, published: Published, args: argparse.Namespace) -> list[Delivery]:
    """The update's deliveries once each has an outcome, or as they stand after --timeout."""
    if args.no_wait:
        return desk.store.deliveries.deliveries_for_update(published.update_id)
    deliveries = desk.deliveries.wait_for(published.update_id, args.timeout)
    if any(d.state in OPEN_STATES for d in deliveries):
        # Out of time: stop retry timers and queued attempts (they stay pending for the runner)
        # but let an attempt already on the wire finish and record what happened to it, so no
        # row is left `sending` with nobody to finish it.
        desk.dispatcher.shutdown(wait=True)
        deliveries = desk.store.deliveries.deliveries_for_update(published.update_id)
    return deliveries


def _report(
    desk: Desk, published: Published, deliveries: list[Delivery], args: argparse.Namespace
) -> int:
    """One line per channel (not with --json); the exit code for the publish as a whole."""
    names = {c.id: c.name for c in desk.store.channels.channels()}
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


def incident_open(desk: Desk, args: argparse.Namespace) -> int:
    if commands_schedule.wants(args):  # --at, --template, a maintenance window, ...
        return commands_schedule.incident_open(desk, args)
    kind = IncidentKind(args.kind)
    state = IncidentState(args.state) if args.state else initial_state(kind)
    published = desk.publishing.open_incident(
        title=BilingualText(args.title_en, args.title_ar),
        draft=_draft(args, state),
        kind=kind,
        impact=Impact(args.impact) if args.impact else Impact.NONE,
        channel_names=args.channels,
        dispatch=not args.no_wait,
        anyway=args.anyway,
        skip_reason=args.skip_reason,
    )
    if not args.json:
        out(str(published.incident_id))  # first, alone: scripts read it before we wait
    deliveries = _wait(desk, published, args)
    if args.json:
        print_json(desk.views.incident_detail(published.incident_id))
    return _report(desk, published, deliveries, args)


def incident_update(desk: Desk, args: argparse.Namespace) -> int:
    if commands_schedule.wants(args):  # --at, --template, --cadence-min, ...
        return commands_schedule.incident_update(desk, args)
    published = desk.publishing.post_update(
        args.id,
        _draft(args, IncidentState(args.state)),
        channel_names=args.channels,
        dispatch=not args.no_wait,
        anyway=args.anyway,
        skip_reason=args.skip_reason,
    )
    if not args.json:
        out(str(published.update_id))
    deliveries = _wait(desk, published, args)
    if args.json:
        detail = desk.views.incident_detail(published.incident_id) or {}
        updates = [u for u in detail.get("updates", []) if u["id"] == published.update_id]
        print_json(updates[0] if updates else None)
    return _report(desk, published, deliveries, args)


def incident_list(desk: Desk, args: argparse.Namespace) -> int:
    components = {c.id: c for c in desk.store.components.components()}
    summaries = {s.incident.id: s for s in desk.store.incidents.incident_summaries()}
    now = desk.clock.now()
    listed = []
    for incident in desk.store.incidents.incidents():
        item = incident_json(incident, components)
        summary = summaries.get(incident.id)
        item["last_published_at"] = summary.last_published_at if summary else None
        item["update_count"] = summary.update_count if summary else 0
        item["overdue"] = is_overdue(incident, now)
        listed.append(item)
    if args.json:
        print_json(listed)
        return Exit.OK
    if not listed:
        out("No incidents yet. Open one with `statusdesk incident open` (see --help).")
        return Exit.OK
    headers = ["ID", "KIND", "STATE", "IMPACT", "UPDATES", "LAST UPDATE", "TITLE"]
    rows = [
        [
            str(i["id"]),
            i["kind"],
            i["state"],
            i["impact"],
            str(i["update_count"]),
            i["last_published_at"] or NONE,
            " · ".join(t for t in (i["title_en"], i["title_ar"]) if t),
        ]
        for i in listed
    ]
    out(output.table(headers, rows))
    return Exit.OK


def _known_incident(desk: Desk, incident_id: int) -> dict[str, Any]:
    detail = desk.views.incident_detail(incident_id)
    if detail is None:
        raise CliError(
            f"incident {incident_id}: there is no such incident in {desk.paths.home} "
            "(`statusdesk incident list` shows them)."
        )
    return detail


def _indented(label: str, text: str) -> list[str]:
    lines = text.splitlines() or [""]
    return [f"    {label}: {lines[0]}", *(f"        {line}" for line in lines[1:])]


def _components(detail: dict[str, Any]) -> str:
    named = [f"{c['name_en'] or c['name_ar']} ({c['status']})" for c in detail["components"]]
    return ", ".join(named) or NONE


def _show_lines(detail: dict[str, Any]) -> list[str]:
    titles = " · ".join(t for t in (detail["title_en"], detail["title_ar"]) if t)
    lines = [
        f"Incident {detail['id']}: {titles}",
        f"  {detail['kind']} · {detail['state']} · impact {detail['impact']} · "
        f"started {detail['started_at']} · resolved {detail['resolved_at'] or NONE}",
        f"  next update due: {detail['next_update_due'] or NONE}",
        f"  components: {_components(detail)}",
        "",
        f"Updates ({len(detail['updates'])}, oldest first):",
    ]
    for update in detail["updates"]:
        when = update["published_at"] or (
            f"due {update['scheduled_for']}" if update["scheduled_for"] else update["created_at"]
        )
        lines.append(
            f"  update {update['id']} · {update['state']} · {update['status']} · "
            f"{when} · by {update['author'] or NONE}"
        )
        lines += _indented("en", update["body_en"]) + _indented("ar", update["body_ar"])
        for delivery in update["deliveries"]:
            lines.append(
                f"    → {delivery['channel']}: {output.delivery_outcome(delivery)} "
                f"(delivery {delivery['id']}, {delivery['attempts']} attempt(s))"
            )
    lines += ["", "Silence per channel:"]
    for name, silence in detail["silence"].items():
        verdict = (
            "skipped the latest update (a recorded decision)"
            if silence["skipped"]
            else "MISSED the latest update"
            if silence["missed_latest"]
            else "has the latest update"
        )
        last = silence["last_delivered_at"] or "never"
        lines.append(f"  {name}: {verdict}; last delivered {last}")
    return lines


def incident_show(desk: Desk, args: argparse.Namespace) -> int:
    detail = _known_incident(desk, args.id)
    if args.json:
        print_json(detail)
    else:
        out("\n".join(_show_lines(detail)))
    return Exit.OK


def deliveries(desk: Desk, args: argparse.Namespace) -> int:
    _known_incident(desk, args.incident)
    rows = desk.views.deliveries_view(args.incident)
    if args.json:
        print_json(rows)
        return Exit.OK
    if not rows:
        out(f"Incident {args.incident} has no deliveries.")
        return Exit.OK
    headers = ["DELIVERY", "UPDATE", "CHANNEL", "STATE", "ATTEMPTS", "DETAIL"]
    table = [
        [
            str(d["id"]),
            str(d["update_id"]),
            str(d["channel"]),
            d["state"],
            str(d["attempts"]),
            output.one_line(output.delivery_detail(d), 100) or NONE,
        ]
        for d in rows
    ]
    out(output.table(headers, table))
    return Exit.OK


def channel_list(desk: Desk, args: argparse.Namespace) -> int:
    channels = [channel_json(c) for c in desk.store.channels.channels()]
    if args.json:
        print_json(channels)
        return Exit.OK
    headers = ["ID", "NAME", "KIND", "ENABLED", "LANGUAGE", "ORDER"]
    rows = [
        [
            str(c["id"]),
            c["name"],
            c["kind"],
            "yes" if c["enabled"] else "no",
            c["language"],
            c["order"],
        ]
        for c in channels
    ]
    out(output.table(headers, rows))
    return Exit.OK


def site_build(desk: Desk, args: argparse.Namespace) -> int:
    try:
        path = desk.settings.build_site()
    except ChannelError as exc:  # a full disk, a folder it cannot write: the message says so
        cause = exc.__cause__
        if isinstance(cause, OSError) and cause.errno in (errno.ENOSPC, errno.EDQUOT):
            raise CliError(
                f"the disk holding {desk.paths.home} is full ({cause.strerror}): the status "
                "page could not be written. Free some space and run `statusdesk site build` "
                "again; the previous page stays online.",
                Exit.WORKSPACE,
            ) from None
        raise CliError(str(exc), Exit.WORKSPACE) from None
    except OSError as exc:
        raise CliError(
            f"the status page could not be written to {desk.paths.site}: "
            f"{exc.strerror or exc}. Check the folder's permissions and free space.",
            Exit.WORKSPACE,
        ) from None
    out(str(path))
    return Exit.OK


HANDLERS = {
    **commands_export.HANDLERS,
    **commands_outbox.HANDLERS,
    **commands_schedule.HANDLERS,
    **commands_settings.HANDLERS,
    **commands_subscribers.HANDLERS,
    "incident open": incident_open,
    "incident update": incident_update,
    "incident list": incident_list,
    "incident show": incident_show,
    "deliveries": deliveries,
    "channel list": channel_list,
    "site build": site_build,
}
