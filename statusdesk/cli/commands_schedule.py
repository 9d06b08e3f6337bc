"""Scheduling from the command line (issue #5): `incident open|update` with `--at`,
`--template`, `--eta`, `--cadence-min` or a maintenance window, and `update list|cancel|
reschedule|send|discard|edit`.

Times are read here, against the Desk's clock and this machine's zone, with the same parser the
GUI's picker uses (statusdesk/scheduling/when.py); every time printed is shown in local time
and UTC side by side.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import datetime, tzinfo

from statusdesk.app.jsonview import pending_update_json
from statusdesk.cli import commands_page, output, publishing
from statusdesk.cli.errors import CliError, Exit
from statusdesk.cli.output import NONE, out, print_json
from statusdesk.core.model import (
    BilingualText,
    Impact,
    IncidentKind,
    IncidentState,
    Update,
    UpdateStatus,
    initial_state,
)
from statusdesk.core.timefmt import parse_iso
from statusdesk.delivery.outbox import Published
from statusdesk.desk import Desk
from statusdesk.scheduling.when import When, WhenError, display, local_zone, parse_when

SCHEDULING_OPTIONS = (
    "at", "template", "eta", "cadence_min", "window_start", "window_end", "remind_min",
)  # fmt: skip
LABELS = {
    "scheduled": "announcement",
    "reminder": "reminder",
    "in_progress": "start",
    "completed": "end",
}


def wants(args: argparse.Namespace) -> bool:
    """Whether `incident open|update` uses anything of this module's (else the plain path)."""
    return any(getattr(args, name, None) is not None for name in SCHEDULING_OPTIONS) or (
        getattr(args, "state", "") is None and hasattr(args, "id")
    )


def read_when(desk: Desk, text: str, option: str, zone: tzinfo | None = None) -> When:
    try:
        return parse_when(text, desk.clock.now(), zone or local_zone())
    except WhenError as exc:
        raise CliError(f"{option} {text!r}: {exc}.") from None


def when_text(at: datetime | str, zone: tzinfo | None = None, when: When | None = None) -> str:
    moment = parse_iso(at) if isinstance(at, str) else at
    shown = str(display(moment, zone or local_zone()))
    if when is not None and when.day:
        shown += f" ({when.day})"
    return shown


def _notes(*whens: When | None) -> None:
    for when in whens:
        if when is not None and when.note:
            out(f"note: {when.note}")


def _optional(desk: Desk, args: argparse.Namespace, name: str) -> When | None:
    text = getattr(args, name, None)
    if text is None:
        return None
    return read_when(desk, text, "--" + name.replace("_", "-"))


def _state(desk: Desk, args: argparse.Namespace, kind: IncidentKind) -> IncidentState:
    if args.state:
        return IncidentState(args.state)
    if args.template:
        templates = desk.templating.templates()
        if args.template not in templates:
            raise CliError(
                f"--template: There is no template {args.template!r}; known: "
                f"{', '.join(sorted(templates))}."
            )
        return templates[args.template].state
    if hasattr(args, "title_en"):  # open
        return initial_state(kind)
    if _components_only(args):  # the incident's state stays as it is
        incident = desk.views.incident(args.id)
        if incident is not None:
            return incident.state
    raise CliError(
        "incident update: the following arguments are required: --state (or --template NAME, "
        "which brings its state)",
        Exit.USAGE,
    )


def _components_only(args: argparse.Namespace) -> bool:
    """`incident update ID --component NAME=STATUS` and no text (issue #12 §2)."""
    texts = (args.en, args.ar, args.en_file, args.ar_file, args.template)
    return bool(args.components) and all(t is None for t in texts)


def incident_open(desk: Desk, args: argparse.Namespace) -> int:
    kind = IncidentKind(args.kind)
    if args.window_start is not None or args.window_end is not None:
        return _open_maintenance(desk, args, kind)
    if args.remind_min is not None:
        raise CliError("--remind-min goes with a maintenance window (--window-start/-end).")
    at, eta = _optional(desk, args, "at"), _optional(desk, args, "eta")
    draft = publishing.draft(args, _state(desk, args, kind))
    published = desk.publishing.open_incident(
        title=BilingualText(args.title_en, args.title_ar),
        draft=draft,
        kind=kind,
        impact=Impact(args.impact) if args.impact else Impact.NONE,
        channel_names=args.channels,
        cadence_min=args.cadence_min or desk.settings.default_cadence(),
        dispatch=not args.no_wait and at is None,
        scheduled_for=at.at if at else None,
        template=args.template,
        eta=eta.at if eta else None,
        anyway=args.anyway,
        skip_reason=args.skip_reason,
        started_at=commands_page.started_at(desk, args),
    )
    if not args.json:
        out(str(published.incident_id))
    return _finish(
        desk, args, published, at, lambda: desk.views.incident_detail(published.incident_id)
    )


def refuse_maintenance_args(args: argparse.Namespace, kind: IncidentKind) -> None:
    """What a maintenance with a window cannot be given (also when submitted for review)."""
    if kind is not IncidentKind.MAINTENANCE:
        raise CliError("--window-start/--window-end are for --kind maintenance.")
    if getattr(args, "started_at", None) is not None:
        raise CliError(
            "a maintenance with a window begins at its window's start; leave out --started-at."
        )
    if args.window_start is None or args.window_end is None:
        raise CliError("--window-start and --window-end go together: give both.")
    if args.state not in (None, IncidentState.SCHEDULED.value):
        raise CliError("a maintenance with a window opens as scheduled; leave out --state.")
    if args.template:
        raise CliError(
            "a maintenance with a window is written from its templates (scheduled, reminder, "
            "in_progress, completed); leave out --template, or give --en/--ar for the first."
        )


def _open_maintenance(desk: Desk, args: argparse.Namespace, kind: IncidentKind) -> int:
    refuse_maintenance_args(args, kind)
    zone = local_zone()
    start = read_when(desk, args.window_start, "--window-start", zone)
    end = read_when(desk, args.window_end, "--window-end", zone)
    at = _optional(desk, args, "at")
    opened = desk.maintenance.open_maintenance(
        title=BilingualText(args.title_en, args.title_ar),
        window_start=start.at,
        window_end=end.at,
        channel_names=args.channels,
        components=dict(args.components),
        impact=Impact(args.impact) if args.impact else Impact.NONE,
        remind_min=args.remind_min,
        cadence_min=args.cadence_min or desk.settings.default_cadence(),
        author=publishing.author(args),
        body=publishing.body(args),
        overrides=dict(args.overrides),
        announce_at=at.at if at else None,
        dispatch=not args.no_wait and at is None,
        anyway=args.anyway,
        skip_reason=args.skip_reason,
    )
    first = opened.announcements[0][1]
    if args.json:
        print_json(desk.views.incident_detail(opened.incident_id))
        return Exit.OK
    out(str(opened.incident_id))
    code: int = Exit.OK
    if at is None:
        code = publishing.report(desk, first, publishing.wait(desk, first, args), args)
    for announcement, published in opened.announcements:
        if published.scheduled_for:
            label = LABELS.get(announcement.template, announcement.template)
            out(
                f"update {published.update_id} {label} ({announcement.state.value}): goes out "
                f"{when_text(published.scheduled_for, zone)}"
            )
    _notes(start, end, at)
    for warning in opened.warnings:
        out(f"note: {warning.message}")
    return code


def incident_update(desk: Desk, args: argparse.Namespace) -> int:
    incident = desk.views.incident(args.id)
    kind = incident.kind if incident else IncidentKind.INCIDENT
    at, eta = _optional(desk, args, "at"), _optional(desk, args, "eta")
    published = desk.publishing.post_update(
        args.id,
        publishing.draft(args, _state(desk, args, kind)),
        channel_names=args.channels,
        dispatch=not args.no_wait and at is None,
        scheduled_for=at.at if at else None,
        template=args.template,
        eta=eta.at if eta else None,
        anyway=args.anyway,
        cadence_min=args.cadence_min,
        skip_reason=args.skip_reason,
    )
    if not args.json:
        out(str(published.update_id))

    def detail() -> object:
        found = desk.views.incident_detail(published.incident_id) or {}
        return next((u for u in found.get("updates", []) if u["id"] == published.update_id), None)

    return _finish(desk, args, published, at, detail)


def _finish(
    desk: Desk,
    args: argparse.Namespace,
    published: Published,
    at: When | None,
    detail: Callable[[], object],
) -> int:
    """After `open`/`update`: a scheduled update says when it goes out and returns at once;
    one published now waits for its channels as the plain path does."""
    if at is None:
        deliveries = publishing.wait(desk, published, args)
        if args.json:
            print_json(detail())
        return publishing.report(desk, published, deliveries, args)
    if args.json:
        print_json(detail())
        return Exit.OK
    out(f"update {published.update_id} scheduled: goes out {when_text(at.at, when=at)}")
    _notes(at)
    return Exit.OK


# -- update list | cancel | reschedule | send | discard | edit ---------------------------------


def update_list(desk: Desk, args: argparse.Namespace) -> int:
    updates = desk.scheduling.pending_updates(args.incident)
    channels = {c.id: c for c in desk.views.channels()}
    rows = []
    for update in updates:
        plan = desk.views.update_plan(update.id)
        chosen = [channels[i] for i in (plan.channel_ids if plan else ()) if i in channels]
        row = pending_update_json(update, desk.views.incident(update.incident_id), chosen)
        # Due but still `scheduled`: nothing that fires updates (`statusdesk run`, the app)
        # has run since; the first that does sends it, or marks it stale if too late.
        row["overdue"] = bool(
            update.status is UpdateStatus.SCHEDULED
            and update.scheduled_for
            and parse_iso(update.scheduled_for) <= desk.clock.now()
        )
        rows.append(row)
    if args.json:
        print_json(rows)
        return Exit.OK
    if not rows:
        out("No scheduled or stale updates.")
        return Exit.OK
    zone = local_zone()
    headers = [
        "UPDATE",
        "INCIDENT",
        "STATUS",
        "STATE",
        "DUE (LOCAL)",
        "DUE (UTC)",
        "CHANNELS · TEXT",
    ]
    table = []
    for row in rows:
        shown = display(parse_iso(row["scheduled_for"]), zone)
        text = output.one_line(row["body_en"] or row["body_ar"], 50)
        table.append(
            [
                str(row["id"]),
                str(row["incident_id"]),
                row["status"] + (" (overdue)" if row["overdue"] else ""),
                row["state"],
                shown.local,
                shown.utc,
                f"{','.join(row['channels']) or NONE} · {text}",
            ]
        )
    out(output.table(headers, table))
    if any(row["overdue"] for row in rows):
        out(
            "overdue: due, but nothing has sent it yet — start `statusdesk run` or the desktop "
            "app; it goes out if less than the grace window late, else it turns stale"
        )
    return Exit.OK


def _due(update: Update) -> str:
    return when_text(update.scheduled_for) if update.scheduled_for else NONE


def update_cancel(desk: Desk, args: argparse.Namespace) -> int:
    update = desk.scheduling.cancel_update(args.update)
    out(f"update {update.id} cancelled: it was due {_due(update)}; it will not go out")
    return Exit.OK


def update_discard(desk: Desk, args: argparse.Namespace) -> int:
    update = desk.scheduling.discard_update(args.update)
    out(f"update {update.id} discarded: it was due {_due(update)}; it will not go out")
    return Exit.OK


def update_reschedule(desk: Desk, args: argparse.Namespace) -> int:
    at = read_when(desk, args.at, "--at")
    update = desk.scheduling.reschedule_update(args.update, at.at)
    out(f"update {update.id} rescheduled: goes out {when_text(at.at, when=at)}")
    _notes(at)
    return Exit.OK


def update_send(desk: Desk, args: argparse.Namespace) -> int:
    before = desk.views.update(args.update)
    published = desk.scheduling.send_update(args.update, dispatch=not args.no_wait)
    due = _due(before) if before else NONE
    out(f"update {published.update_id} published now (it was due {due})")
    return publishing.report(desk, published, publishing.wait(desk, published, args), args)


def update_edit(desk: Desk, args: argparse.Namespace) -> int:
    body = publishing.body(args)
    if not body.en and not body.ar and args.state is None:
        raise CliError("update edit: give --en, --ar (or their files) or --state.", Exit.USAGE)
    update = desk.scheduling.edit_update(
        args.update,
        body=body,
        state=IncidentState(args.state) if args.state else None,
        anyway=args.anyway,
    )
    out(f"update {update.id} edited; it goes out {_due(update)}")
    return Exit.OK


HANDLERS = {
    "update list": update_list,
    "update cancel": update_cancel,
    "update discard": update_discard,
    "update reschedule": update_reschedule,
    "update send": update_send,
    "update edit": update_edit,
}
