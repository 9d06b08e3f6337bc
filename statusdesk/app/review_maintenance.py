"""A maintenance window submitted for review (issue #17): what `review.py` keeps of it and how
it is opened on approval.

Submitted, the maintenance is checked as opening it would check it, and the review keeps the
request (the window, components, channels, the first announcement's text, when to announce it)
and every announcement's text as written then. Approved, it is checked again against the
workspace and the clock as they are then — an announcement time that passed while it waited
is announced at once — and opened only if every announcement still reads as submitted (a
template edited meanwhile would change what the reviewer approved: it is refused, to be
returned and submitted again)."""

from __future__ import annotations

from typing import Any

from statusdesk.app.maintenance import MaintenanceChecked, MaintenanceRequest
from statusdesk.core.errors import Rejected
from statusdesk.core.model import BilingualText, ComponentStatus, Impact, Problem
from statusdesk.core.timefmt import iso, parse_iso
from statusdesk.core.words import QT_TRANSLATE_NOOP


def _texts(checked: MaintenanceChecked) -> list[dict[str, Any]]:
    return [
        {
            "template": announcement.template,
            "state": announcement.state.value,
            "at": iso(announcement.at) if announcement.at else None,
            "body": {"en": draft.body.en, "ar": draft.body.ar},
        }
        for announcement, draft in zip(checked.announcements, checked.drafts, strict=True)
    ]


def maintenance_submission(checked: MaintenanceChecked, *, anyway: bool) -> dict[str, Any]:
    """Everything needed to open the maintenance again as submitted (JSON). Its first
    announcement is the review's `draft`, as an update's is, for every list that shows one."""
    request, first = checked.request, checked.drafts[0]
    return {
        "kind": "maintenance",
        "incident_id": None,
        "title": {"en": request.title.en, "ar": request.title.ar},
        "incident_kind": "maintenance",
        "impact": request.impact.value,
        "scheduled_for": iso(request.announce_at) if request.announce_at else None,
        "draft": {
            "body": {"en": first.body.en, "ar": first.body.ar},
            "state": first.state.value,
            "impact": request.impact.value,
            "component_status": {},
            "author": request.author,
            "overrides": dict(first.overrides),
        },
        "channels": [c.name for c in checked.channels],
        "skip_reason": request.skip_reason,
        "anyway": anyway,
        "maintenance": {
            "window_start": iso(request.window_start),
            "window_end": iso(request.window_end),
            "channel_names": list(request.channel_names)
            if request.channel_names is not None
            else None,
            "components": {k: v.value for k, v in request.components.items()},
            "remind_min": request.remind_min,
            "cadence_min": request.cadence_min,
            "body": {"en": request.body.en, "ar": request.body.ar},
            "overrides": dict(request.overrides),
        },
        "announcements": _texts(checked),
    }


def maintenance_request(data: dict[str, Any], now_passed: bool) -> MaintenanceRequest:
    """The request a review kept; `now_passed`: its announcement time has passed (announced
    at once)."""
    kept = data["maintenance"]
    title = data["title"]
    announce = data.get("scheduled_for")
    return MaintenanceRequest(
        title=BilingualText(title["en"], title["ar"]),
        window_start=parse_iso(kept["window_start"]),
        window_end=parse_iso(kept["window_end"]),
        channel_names=tuple(kept["channel_names"]) if kept["channel_names"] is not None else None,
        components={k: ComponentStatus(v) for k, v in kept["components"].items()},
        impact=Impact(data["impact"]),
        remind_min=int(kept["remind_min"]),
        cadence_min=int(kept["cadence_min"]),
        author=str(data["draft"].get("author", "")),
        body=BilingualText(kept["body"]["en"], kept["body"]["ar"]),
        overrides=dict(kept["overrides"]),
        announce_at=parse_iso(announce) if announce and not now_passed else None,
        skip_reason=data.get("skip_reason"),
    )


def refuse_if_rewritten(data: dict[str, Any], checked: MaintenanceChecked) -> None:
    """Each announcement still reads as it did when submitted (by template), else Rejected."""
    then = {a["template"]: a["body"] for a in data.get("announcements", [])}
    for now in _texts(checked):
        was = then.get(now["template"])
        if was is not None and was != now["body"]:
            raise Rejected(
                [
                    Problem(
                        "review",
                        QT_TRANSLATE_NOOP(
                            "Problems",
                            "The maintenance's {template} announcement no longer reads as it "
                            "did when it was submitted (its template was edited since, or its "
                            "time passed): return it, so that its author submits it again.",
                        ).format(template=now["template"]),
                    )
                ]
            )
