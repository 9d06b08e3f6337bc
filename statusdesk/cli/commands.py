"""One function per command. Each takes the open Desk and the parsed arguments and returns the
exit code; input errors are raised (CliError, Rejected) and turned into messages by main."""

from __future__ import annotations

import argparse
import errno
from collections.abc import Callable
from typing import Any

from statusdesk.app.jsonview import channel_json, incident_json
from statusdesk.channels.base import ChannelError
from statusdesk.cli import (
    commands_components,
    commands_db,
    commands_outbox,
    commands_page,
    commands_review,
    commands_schedule,
    commands_settings,
    commands_subscribers,
    output,
    publishing,
)
from statusdesk.cli.errors import CliError, Exit
from statusdesk.cli.output import NONE, out, print_json
from statusdesk.core.model import (
    BilingualText,
    Impact,
    IncidentKind,
    IncidentState,
    initial_state,
)
from statusdesk.desk import Desk
from statusdesk.scheduling.lapses import is_overdue


def incident_open(desk: Desk, args: argparse.Namespace) -> int:
    if desk.reviews.required():  # submitted for review instead (issue #17)
        return commands_review.incident_open(desk, args)
    if commands_schedule.wants(args):  # --at, --template, a maintenance window, ...
        return commands_schedule.incident_open(desk, args)
    kind = IncidentKind(args.kind)
    state = IncidentState(args.state) if args.state else initial_state(kind)
    published = desk.publishing.open_incident(
        title=BilingualText(args.title_en, args.title_ar),
        draft=publishing.draft(args, state),
        kind=kind,
        impact=Impact(args.impact) if args.impact else Impact.NONE,
        channel_names=args.channels,
        dispatch=not args.no_wait,
        anyway=args.anyway,
        skip_reason=args.skip_reason,
        started_at=commands_page.started_at(desk, args),
    )
    if not args.json:
        out(str(published.incident_id))  # first, alone: scripts read it before we wait
    deliveries = publishing.wait(desk, published, args)
    if args.json:
        print_json(desk.views.incident_detail(published.incident_id))
    return publishing.report(desk, published, deliveries, args)


def incident_update(desk: Desk, args: argparse.Namespace) -> int:
    if desk.reviews.required():  # submitted for review instead (issue #17)
        return commands_review.incident_update(desk, args)
    if commands_schedule.wants(args):  # --at, --template, --cadence-min, ...
        return commands_schedule.incident_update(desk, args)
    published = desk.publishing.post_update(
        args.id,
        publishing.draft(args, IncidentState(args.state)),
        channel_names=args.channels,
        dispatch=not args.no_wait,
        anyway=args.anyway,
        skip_reason=args.skip_reason,
    )
    if not args.json:
        out(str(published.update_id))
    deliveries = publishing.wait(desk, published, args)
    if args.json:
        detail = desk.views.incident_detail(published.incident_id) or {}
        updates = [u for u in detail.get("updates", []) if u["id"] == published.update_id]
        print_json(updates[0] if updates else None)
    return publishing.report(desk, published, deliveries, args)


def incident_list(desk: Desk, args: argparse.Namespace) -> int:
    components = {c.id: c for c in desk.views.components()}
    summaries = {s.incident.id: s for s in desk.views.incident_summaries()}
    now = desk.clock.now()
    listed = []
    for incident in desk.views.incidents():
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


def _postmortem_lines(postmortem: dict[str, Any] | None) -> list[str]:
    if not postmortem:
        return []
    return [
        f"  postmortem: published {postmortem['published_at']} · updated "
        f"{postmortem['updated_at']} · by {postmortem['author'] or NONE}"
    ]


def _show_lines(detail: dict[str, Any]) -> list[str]:
    titles = " · ".join(t for t in (detail["title_en"], detail["title_ar"]) if t)
    lines = [
        f"Incident {detail['id']}: {titles}",
        f"  {detail['kind']} · {detail['state']} · impact {detail['impact']} · "
        f"started {detail['started_at']} · resolved {detail['resolved_at'] or NONE}",
        f"  next update due: {detail['next_update_due'] or NONE}",
        f"  components: {_components(detail)}",
        *_postmortem_lines(detail.get("postmortem")),
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
    channels = [channel_json(c) for c in desk.views.channels()]
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


def site_publish(desk: Desk, args: argparse.Namespace) -> int:
    """`statusdesk site publish [NAME…]`: one line per target; exit 4 when one failed."""
    done = desk.settings.publish_pages(args.names)
    if not done:
        out("no enabled site channel publishes the page (`channel add site NAME --set publish=…`)")
        return Exit.OK
    for outcome in done:
        out(outcome.line())
    return Exit.OK if all(o.ok for o in done) else Exit.CHANNEL_FAILED


def site_build(desk: Desk, args: argparse.Namespace) -> int:
    try:
        path = desk.settings.build_site(full=args.full)
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


def export(desk: Desk, args: argparse.Namespace) -> int:
    # Imported when used: the exporters (and what they load) are not needed by other commands.
    from statusdesk.cli import commands_export

    return commands_export.export(desk, args)


# Each takes (desk, args), but `db`'s take (args): they set up the database a Desk opens.
HANDLERS: dict[str, Callable[..., int]] = {
    **commands_components.HANDLERS,
    **commands_db.HANDLERS,
    **commands_page.HANDLERS,
    **commands_review.HANDLERS,
    "export": export,
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
    "site publish": site_publish,
}
