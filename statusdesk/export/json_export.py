"""The timeline as one JSON document, described by resources/export/timeline.schema.json (JSON
Schema, draft 2020-12) and checked against it in the tests.

Times are ISO-8601 in the chosen zone (`…Z` in UTC, `…+03:00` in Asia/Riyadh); durations are
seconds. Channels are named by name and kind only: their settings are never exported.
"""

from __future__ import annotations

import functools
import json
from datetime import tzinfo
from importlib import resources
from typing import Any

from statusdesk.export.model import (
    ChannelMetrics,
    DeliveryRecord,
    Issue,
    Promise,
    ReviewRef,
    Timeline,
    UpdateRecord,
)
from statusdesk.export.present import Shown, zone_label

FORMAT = "statusdesk-timeline"
VERSION = 1


@functools.cache
def schema() -> dict[str, Any]:
    raw = (
        resources.files("statusdesk.resources")
        .joinpath("export/timeline.schema.json")
        .read_text(encoding="utf-8")
    )
    loaded: dict[str, Any] = json.loads(raw)
    return loaded


def _delivery(record: DeliveryRecord, shown: Shown) -> dict[str, Any]:
    d = record.delivery
    return {
        "id": d.id,
        "channel": record.channel.name,
        "channel_kind": record.channel.kind,
        "state": d.state.value,
        "attempts": d.attempts,
        "sent_at": shown.iso(d.sent_at),
        "lag_seconds": record.lag_seconds,
        "remote_id": d.remote_id,
        "remote_url": d.remote_url,
        "last_error": d.last_error,
        "errors": list(record.errors),
        "decided_by": d.decided_by,
        "decision_note": d.decision_note,
        "history": [
            {"at": shown.iso(s.at), "event": s.event, "actor": s.actor, "detail": s.detail}
            for s in record.steps
        ],
    }


def _update(record: UpdateRecord, shown: Shown) -> dict[str, Any]:
    u = record.update
    return {
        "id": u.id,
        "state": u.state.value,
        "status": u.status.value,
        "body": {"en": u.body.en, "ar": u.body.ar},
        "author": u.author,
        "created_at": shown.iso(u.created_at),
        "scheduled_for": shown.iso(u.scheduled_for),
        "published_at": shown.iso(u.published_at),
        "deliveries": [_delivery(d, shown) for d in record.deliveries],
        "review": _review(record.review, shown),
    }


def _review(review: ReviewRef | None, shown: Shown) -> dict[str, Any] | None:
    """Who approved it and how long review took (issue #17); None: published without review."""
    if review is None:
        return None
    return {
        "state": review.state,
        "reviewer": review.reviewer,
        "submitted_at": shown.iso(review.submitted_at),
        "decided_at": shown.iso(review.decided_at),
        "review_seconds": review.seconds,
    }


def _promise(p: Promise, shown: Shown) -> dict[str, Any]:
    return {
        "update_id": p.update_id,
        "made_at": shown.iso(p.made_at),
        "due": shown.iso(p.due),
        "outcome": p.outcome,
        "met_by_update_id": p.met_by,
        "met_at": shown.iso(p.met_at),
        "late_seconds": p.late_seconds,
    }


def _channel(c: ChannelMetrics, shown: Shown) -> dict[str, Any]:
    return {
        "channel": c.channel.name,
        "channel_kind": c.channel.kind,
        "deliveries": c.deliveries,
        "sent": c.sent,
        "failed": c.failed,
        "skipped": c.skipped,
        "retried": c.retried,
        "outstanding": c.outstanding,
        "first_delivered_at": shown.iso(c.first_delivered_at),
        "first_delivery_lag_seconds": c.first_delivery_lag_seconds,
        "delivery_lag_mean_seconds": c.lag_mean_seconds,
        "delivery_lag_max_seconds": c.lag_max_seconds,
        "longest_silence_seconds": c.longest_silence_seconds,
        "longest_silence_from": shown.iso(c.longest_silence_from),
        "longest_silence_to": shown.iso(c.longest_silence_to),
        "last_delivered_at": shown.iso(c.last_delivered_at),
        "missed_latest": c.missed_latest,
        "skipped_latest": c.skipped_latest,
        "latest_state": c.latest_state,
    }


def _issue(issue: Issue) -> dict[str, Any]:
    return {
        "delivery_id": issue.delivery_id,
        "update_id": issue.update_id,
        "channel": issue.channel,
        "state": issue.state,
        "attempts": issue.attempts,
        "reasons": list(issue.reasons),
        "decided_by": issue.decided_by,
    }


def timeline_json(timeline: Timeline, zone: tzinfo) -> dict[str, Any]:
    shown = Shown(zone, timeline.digits)
    i = timeline.incident
    m = timeline.metrics
    return {
        "format": FORMAT,
        "version": VERSION,
        "generated_at": shown.iso(timeline.generated_at),
        "timezone": zone_label(zone),
        "incident": {
            "id": i.id,
            "title": {"en": i.title.en, "ar": i.title.ar},
            "kind": i.kind.value,
            "state": i.state.value,
            "impact": i.impact.value,
            "started_at": shown.iso(i.started_at),
            "resolved_at": shown.iso(i.resolved_at),
            "duration_seconds": m.duration_seconds,
            "cadence_min": i.cadence_min,
            "next_update_due": shown.iso(i.next_update_due),
            "window_start": shown.iso(i.window_start),
            "window_end": shown.iso(i.window_end),
            "components": [
                {"id": c.id, "name": {"en": c.name.en, "ar": c.name.ar}, "status": c.status.value}
                for c in timeline.components
            ],
        },
        "channels": [{"id": c.id, "name": c.name, "kind": c.kind} for c in timeline.channels],
        "metrics": {
            "first_update_at": shown.iso(m.first_update_at),
            "time_to_first_update_seconds": m.time_to_first_update_seconds,
            "updates_published": m.updates_published,
            "cadence": {
                "mean_gap_seconds": m.cadence_mean_seconds,
                "longest_gap_seconds": m.cadence_longest_gap_seconds,
                "longest_gap_from": shown.iso(m.cadence_longest_gap_from),
                "longest_gap_to": shown.iso(m.cadence_longest_gap_to),
            },
            "promises": {
                "kept": m.promises_kept,
                "missed": m.promises_missed,
                "open": m.promises_open,
                "items": [_promise(p, shown) for p in m.promises],
            },
            "channels": [_channel(c, shown) for c in m.channels],
            "deliveries": {
                "retried": [_issue(x) for x in m.retried],
                "failed": [_issue(x) for x in m.failed],
                "skipped": [_issue(x) for x in m.skipped],
            },
        },
        "updates": [_update(r, shown) for r in timeline.updates],
    }


_compact = json.JSONEncoder(ensure_ascii=False).encode  # the C encoder: no indent


def layout(value: Any, depth: int = 0) -> str:
    """Objects indented, level by level; an array one item per line, each item compact. So a
    long incident reads (and greps) update by update, promise by promise — and it is fast:
    Python's indenting encoder is pure Python (half a second for 2,000 updates), while each
    line here goes through the C one. `jq .` pretty-prints all of it."""
    pad = "  " * (depth + 1)
    end = "\n" + "  " * depth
    if isinstance(value, dict) and value:
        fields = [f"{pad}{_compact(k)}: {layout(v, depth + 1)}" for k, v in value.items()]
        return "{\n" + ",\n".join(fields) + end + "}"
    if isinstance(value, list) and value:
        return "[\n" + ",\n".join(pad + _compact(item) for item in value) + end + "]"
    return _compact(value)


def render_json(timeline: Timeline, zone: tzinfo) -> str:
    """Arabic as it is (UTF-8, not \\u escapes); laid out by `layout`."""
    return layout(timeline_json(timeline, zone)) + "\n"
