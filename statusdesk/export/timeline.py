"""The post-incident timeline (issue #7): what was said, where, when, in which language — read
from the Store once, as plain typed values every export format is written from.

`build_timeline` reads an incident in the same ten or so bulk queries whatever its size (the
incident, the components, the channels, its updates, its deliveries and its delivery events —
the last two through the export reads of `store.deliveries` and `store.audit`, which leave out
what an export never shows): an incident of 2,000 updates on 6 channels costs what one of 3
updates does, in queries. The metrics are computed in metrics.py; nothing here formats
anything.

Secrets never get in: a channel is exported as its id, name and kind only; its settings are
read just to know what to hide, and every text that came back from a channel (a remote URL,
an error) passes the `Scrubber`, which hides the URLs configured in channel settings (a
webhook URL is often its own credential).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from statusdesk.core.model import Channel, Delivery, Update, UpdateStatus
from statusdesk.core.timefmt import iso
from statusdesk.core.words import QT_TRANSLATE_NOOP
from statusdesk.export.metrics import compute_metrics
from statusdesk.export.model import (
    ChannelRef,
    DeliveryRecord,
    ExportError,
    ReviewRef,
    Step,
    Timeline,
    UpdateRecord,
)
from statusdesk.export.scrub import Scrubber
from statusdesk.export.stamps import moment
from statusdesk.store import Store
from statusdesk.store.records import DeliveryEvent

# -- reading ------------------------------------------------------------------------------------


# An event's data says why only when it holds an error or a reason as text; most (an attempt
# starting, a post sent: `"error": null`) do not, and are not worth parsing.
_SAYS_WHY = re.compile(r'"(?:error|reason)"\s*:\s*"')
FAILING = frozenset({"retry_wait", "failed", "unknown", "needs_decision", "abandoned"})


def _steps(events: Sequence[DeliveryEvent], scrub: Scrubber) -> dict[int, list[Step]]:
    """Delivery events by delivery id, oldest first (a tight loop: a long incident has tens of
    thousands)."""
    found: dict[int, list[Step]] = {}
    says_why = _SAYS_WHY.search
    for delivery_id, at, kind, actor, raw in events:
        detail = ""
        if raw and says_why(raw):
            data = json.loads(raw)
            detail = scrub(str(data.get("error") or data.get("reason") or ""))
        step = Step(at, kind[9:], actor or "", detail)
        bucket = found.get(delivery_id)
        if bucket is None:
            found[delivery_id] = [step]
        else:
            bucket.append(step)
    return found


def cadence_changes(events: Sequence[tuple[str, str]]) -> list[tuple[str, int]]:
    """(at, cadence_min) as the incident's cadence was set, oldest first; the opening cadence
    first when the audit log has it."""
    changes = []
    for at, data in events:
        value = json.loads(data or "{}").get("cadence_min")
        if isinstance(value, int):
            changes.append((at, value))
    return changes


def _record(
    delivery: Delivery,
    update: Update,
    channel: ChannelRef,
    steps: list[Step],
    scrub: Scrubber,
) -> DeliveryRecord:
    d = delivery
    url, remote_id = scrub.optional(d.remote_url), scrub.optional(d.remote_id)
    error, note = scrub.optional(d.last_error), scrub.optional(d.decision_note)
    clean = d
    # Most rows have nothing to hide: kept as they are (12,000 copies cost 0.2 s). Which
    # process held a row (`owner`) is not part of the story.
    said = (url, remote_id, error, note, None)
    if said != (d.remote_url, d.remote_id, d.last_error, d.decision_note, d.owner):
        clean = replace(
            d, remote_url=url, remote_id=remote_id, last_error=error, decision_note=note, owner=None
        )
    lag = None
    if delivery.sent_at and update.published_at:
        lag = (moment(delivery.sent_at) - moment(update.published_at)).total_seconds()
    errors: list[str] = []
    for step in steps:
        if step.event in FAILING and step.detail and step.detail not in errors:
            errors.append(step.detail)
    if clean.last_error and clean.last_error not in errors:
        errors.append(clean.last_error)
    retried = d.attempts > 1 or any(step.event == "retry" for step in steps)
    return DeliveryRecord(clean, channel, lag, tuple(errors), tuple(steps), retried)


def _reviews(store: Store, incident_id: int) -> dict[int, ReviewRef]:
    """The review each published update went through (approved or waived), by update id."""
    found = {}
    for review in store.reviews.reviews_of(incident_id):
        if review.update_id is None or review.state not in ("approved", "waived"):
            continue
        seconds = None
        if review.decided_at:
            seconds = (moment(review.decided_at) - moment(review.submitted_at)).total_seconds()
        found[review.update_id] = ReviewRef(
            review.state, review.reviewer, review.submitted_at, review.decided_at, seconds
        )
    return found


def build_timeline(store: Store, incident_id: int, now: datetime) -> Timeline:
    """The incident's timeline as it stands at `now` (an open incident's promise may be overdue
    by then). Raises ExportError for an unknown incident."""
    from statusdesk.scheduling.compose import digits

    incident = store.incidents.incident(incident_id)
    if incident is None:
        raise ExportError(
            QT_TRANSLATE_NOOP(
                "Problems", "There is no incident {id} (`statusdesk incident list` shows them)."
            ).format(id=incident_id)
        )
    components = {c.id: c for c in store.components.components()}
    channels: list[Channel] = store.channels.channels(
        include_removed=True
    )  # a removed one sent some
    refs = {c.id: ChannelRef.of(c) for c in channels}
    scrub = Scrubber.from_channels(channels)
    updates = store.incidents.updates(incident_id)
    grouped = store.deliveries.incident_deliveries(incident_id)
    steps = _steps(store.audit.delivery_events(incident_id), scrub)
    reviews = _reviews(store, incident_id)

    records = []
    for update in updates:
        records.append(
            UpdateRecord(
                update,
                tuple(
                    _record(d, update, refs[d.channel_id], steps.get(d.id, []), scrub)
                    for d in grouped.get(update.id, [])
                ),
                reviews.get(update.id),
            )
        )
    records.sort(
        key=lambda r: (r.update.status is not UpdateStatus.PUBLISHED, r.moment, r.update.id)
    )
    metrics = compute_metrics(
        incident,
        updates,
        grouped,
        channels,
        records,
        cadence_changes(store.audit.cadence_events(incident_id)),
        now,
    )
    shown = tuple(m.channel for m in metrics.channels)
    return Timeline(
        incident=incident,
        components=tuple(components[c] for c in incident.component_ids if c in components),
        channels=shown,
        updates=tuple(records),
        metrics=metrics,
        generated_at=iso(now),
        digits=digits(store),
    )


__all__ = ["ExportError", "Timeline", "build_timeline", "cadence_changes"]
