"""A second pair of eyes before publishing (issue #17): with the workspace setting
`review.required` on, `incident open|update` submit the update for review (printing the
review's id and `in_review`, sending nothing, exit 0); `update approve` publishes it and waits
like `incident update`; `update return` sends it back with a comment; `update reviews` lists
those waiting. The use case is statusdesk/app/review.py."""

from __future__ import annotations

import argparse
from typing import Any

from statusdesk.app.maintenance import MaintenanceRequest
from statusdesk.app.review import Submitted, fired_late
from statusdesk.cli import commands_page, commands_schedule, output, publishing
from statusdesk.cli.errors import CliError, Exit
from statusdesk.cli.output import NONE, err, out, print_json
from statusdesk.core.model import BilingualText, Impact, IncidentKind
from statusdesk.delivery.outbox import Published
from statusdesk.desk import Desk
from statusdesk.scheduling.when import local_zone
from statusdesk.store.reviews import Review


def review_json(review: Review) -> dict[str, Any]:
    data = review.submission
    draft = data.get("draft", {})
    title = data.get("title") or {}
    return {
        "id": review.id,
        "state": review.state,
        "kind": data.get("kind"),
        "incident_id": review.incident_id,
        "update_id": review.update_id,
        "title_en": title.get("en", ""),
        "title_ar": title.get("ar", ""),
        "incident_state": draft.get("state"),
        "body_en": draft.get("body", {}).get("en", ""),
        "body_ar": draft.get("body", {}).get("ar", ""),
        "channels": data.get("channels", []),
        "author": review.author,
        "submitted_at": review.submitted_at,
        "reviewer": review.reviewer,
        "decided_at": review.decided_at,
        "comment": review.comment,
    }


def incident_open(desk: Desk, args: argparse.Namespace) -> int:
    """`incident open` while review is required: checked now, submitted, nothing sent."""
    kind = IncidentKind(args.kind)
    if args.window_start is not None or args.window_end is not None:
        return _open_maintenance(desk, args, kind)
    if args.remind_min is not None:
        raise CliError("--remind-min goes with a maintenance window (--window-start/-end).")
    eta = commands_schedule._optional(desk, args, "eta")
    at = commands_schedule._optional(desk, args, "at")
    checked = desk.publishing.check_open(
        title=BilingualText(args.title_en, args.title_ar),
        draft=publishing.draft(args, commands_schedule._state(desk, args, kind)),
        kind=kind,
        impact=Impact(args.impact) if args.impact else Impact.NONE,
        channel_names=args.channels,
        cadence_min=getattr(args, "cadence_min", None),
        template=getattr(args, "template", None),
        eta=eta.at if eta else None,
        scheduled_for=at.at if at else None,
        skip_reason=args.skip_reason,
        started_at=commands_page.started_at(desk, args),
    )
    submitted = desk.reviews.submit(checked, anyway=args.anyway, dispatch=not args.no_wait)
    return _submitted(desk, args, submitted, opening=True)


def incident_update(desk: Desk, args: argparse.Namespace) -> int:
    """`incident update` while review is required: checked now, submitted, nothing sent."""
    incident = desk.views.incident(args.id)
    kind = incident.kind if incident else IncidentKind.INCIDENT
    eta = commands_schedule._optional(desk, args, "eta")
    at = commands_schedule._optional(desk, args, "at")
    checked = desk.publishing.check_update(
        args.id,
        publishing.draft(args, commands_schedule._state(desk, args, kind)),
        channel_names=args.channels,
        template=getattr(args, "template", None),
        eta=eta.at if eta else None,
        scheduled_for=at.at if at else None,
        cadence_min=getattr(args, "cadence_min", None),
        skip_reason=args.skip_reason,
    )
    submitted = desk.reviews.submit(checked, anyway=args.anyway, dispatch=not args.no_wait)
    return _submitted(desk, args, submitted, opening=False)


def _open_maintenance(desk: Desk, args: argparse.Namespace, kind: IncidentKind) -> int:
    """A maintenance with a window while review is required: its announcements written and
    checked now, submitted; approved, it is opened as submitted (app/review_maintenance.py)."""
    commands_schedule.refuse_maintenance_args(args, kind)
    zone = local_zone()
    start = commands_schedule.read_when(desk, args.window_start, "--window-start", zone)
    end = commands_schedule.read_when(desk, args.window_end, "--window-end", zone)
    at = commands_schedule._optional(desk, args, "at")
    request = MaintenanceRequest(
        title=BilingualText(args.title_en, args.title_ar),
        window_start=start.at,
        window_end=end.at,
        channel_names=tuple(args.channels) if args.channels is not None else None,
        components=dict(args.components),
        impact=Impact(args.impact) if args.impact else Impact.NONE,
        remind_min=desk.settings.remind_minutes() if args.remind_min is None else args.remind_min,
        cadence_min=args.cadence_min or desk.settings.default_cadence(),
        author=publishing.author(args),
        body=publishing.body(args),
        overrides=dict(args.overrides),
        announce_at=at.at if at else None,
        skip_reason=args.skip_reason,
    )
    submitted = desk.reviews.submit_maintenance(
        request, anyway=args.anyway, dispatch=not args.no_wait and at is None
    )
    return _submitted(desk, args, submitted, opening=True)


def _submitted(desk: Desk, args: argparse.Namespace, submitted: Submitted, *, opening: bool) -> int:
    review = submitted.review
    if submitted.published is None:
        if args.json:
            print_json(review_json(review))
        else:
            out(f"{review.id} {review.state}")  # first, alone: scripts read it
            at = review.submission.get("scheduled_for")
            goes = (
                f"schedules it for {commands_schedule.when_text(at)} (or publishes it at once "
                "if that time has passed by then)"
                if at
                else "publishes it"
            )
            out(
                f"Submitted for review; nothing was sent. Another person {goes} with "
                f"`statusdesk update approve {review.id} --author NAME`."
            )
        return Exit.OK
    err(f"statusdesk: review waived for a critical update (review {review.id}); published.")
    return _published(desk, args, submitted.published, opening=opening)


def _published(desk: Desk, args: argparse.Namespace, published: Published, *, opening: bool) -> int:
    """As `incident open|update` end: the id, the wait, the JSON and the report."""
    if not args.json:
        out(str(published.incident_id if opening else published.update_id))
    deliveries = publishing.wait(desk, published, args)
    if args.json:
        detail = desk.views.incident_detail(published.incident_id) or {}
        if opening:
            print_json(detail)
        else:
            found = [u for u in detail.get("updates", []) if u["id"] == published.update_id]
            print_json(found[0] if found else None)
    return publishing.report(desk, published, deliveries, args)


def update_approve(desk: Desk, args: argparse.Namespace) -> int:
    review = desk.reviews.review(args.review)
    opening = review is not None and review.submission.get("kind") == "open"
    scheduled = review is not None and bool(review.submission.get("scheduled_for"))
    published = desk.reviews.approve(
        args.review,
        publishing.author(args),
        dispatch=not args.no_wait,
    )
    if review is not None and fired_late(review, published):
        err("statusdesk: its time passed while it waited for review: published now.")
    elif scheduled:
        return _scheduled(desk, args, published, opening=opening)
    return _published(desk, args, published, opening=opening)


def _scheduled(desk: Desk, args: argparse.Namespace, published: Published, *, opening: bool) -> int:
    """An approved update submitted for a time: scheduled now, as `--at` does without review."""
    assert published.scheduled_for is not None
    if args.json:
        detail = desk.views.incident_detail(published.incident_id) or {}
        found = [u for u in detail.get("updates", []) if u["id"] == published.update_id]
        print_json(detail if opening else (found[0] if found else None))
        return Exit.OK
    if opening:
        out(str(published.incident_id))
    out(
        f"update {published.update_id} scheduled: goes out "
        f"{commands_schedule.when_text(published.scheduled_for)}"
    )
    return Exit.OK


def update_return(desk: Desk, args: argparse.Namespace) -> int:
    review = desk.reviews.return_(args.review, publishing.author(args), args.comment)
    out(f"{review.id} {review.state}: back to {review.author or NONE}; nothing was sent.")
    return Exit.OK


def update_reviews(desk: Desk, args: argparse.Namespace) -> int:
    found = desk.reviews.every_review() if args.all else desk.reviews.pending()
    listed = [review_json(r) for r in found]
    if args.json:
        print_json(listed)
        return Exit.OK
    if not listed:
        out("No update is waiting for review.")
        return Exit.OK
    headers = ["REVIEW", "INCIDENT", "STATE", "AUTHOR", "SUBMITTED", "TEXT"]
    if args.all:
        headers[2:3] = ["REVIEW STATE", "BY", "COMMENT"]
    rows = [
        [
            str(r["id"]),
            str(r["incident_id"]) if r["incident_id"] is not None else "new",
            *(
                [r["state"], r["reviewer"] or NONE, output.one_line(r["comment"], 40) or NONE]
                if args.all
                else [str(r["incident_state"])]
            ),
            r["author"] or NONE,
            r["submitted_at"],
            output.one_line(r["title_en"] or r["body_en"] or r["body_ar"], 60) or NONE,
        ]
        for r in listed
    ]
    out(output.table(headers, rows))
    return Exit.OK


HANDLERS = {
    "update approve": update_approve,
    "update return": update_return,
    "update reviews": update_reviews,
}
