"""The postmortem's figures, from what the timeline read (pure: `now` is passed in).

Definitions (the README's Export section says the same to users):
- time to first public update: the incident's start → the first update that went out;
- cadence: the gaps between consecutive updates that went out (mean and longest);
- a promise: after each update goes out, the next update is owed by `promised_due` (the same
  rule that sets the incident's countdown, core/promise.py) with the cadence in force
  then; it is kept when the next update went out by then, missed when it went out later (or
  had not gone out by `now`, the incident still open), open while not due yet;
- first-delivery lag (per channel): the first update going out → this channel's first
  delivery; delivery lag: each update going out → its delivery on the channel;
- longest silence (per channel): the longest stretch with nothing delivered on the channel,
  from the first update going out until the resolution (or `now` while open);
- the channel's standing on the latest update comes from core/cadence.py (`channel_silence`)
  and core/parity.py (`channel_parity`), as `incident show` reports it.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from datetime import datetime

from statusdesk.core.cadence import channel_silence
from statusdesk.core.model import (
    Channel,
    Delivery,
    DeliveryState,
    Incident,
    IncidentKind,
    Update,
    UpdateStatus,
)
from statusdesk.core.parity import channel_parity
from statusdesk.core.promise import DEFAULT_CADENCE_MIN, promised_due
from statusdesk.core.timefmt import iso, parse_iso
from statusdesk.export.model import (
    ChannelMetrics,
    ChannelRef,
    DeliveryRecord,
    Issue,
    Metrics,
    Promise,
    UpdateRecord,
)
from statusdesk.export.stamps import moment

FAILED = (DeliveryState.FAILED, DeliveryState.NEEDS_DECISION)


def _seconds(start: str, end: str) -> float:
    return (moment(end) - moment(start)).total_seconds()


def published_in_order(updates: Sequence[Update]) -> list[Update]:
    """The updates that went out, in the order they went out (as core/cadence.py orders them:
    a scheduled update written first may go out last)."""
    return sorted(
        (u for u in updates if u.status is UpdateStatus.PUBLISHED),
        key=lambda u: (u.published_at or u.created_at, u.id),
    )


def cadence_at(moment: str, changes: Sequence[tuple[str, int]], current: int) -> int:
    """The cadence in force at `moment`: the last one set by then. Before the first recorded
    change the opening cadence is not in the audit log: the default when it changed later,
    else the incident's own (it never changed)."""
    if not changes:
        return current
    found = DEFAULT_CADENCE_MIN
    for at, minutes in changes:
        if at <= moment:
            found = minutes
    return found


def promises(
    incident: Incident,
    published: Sequence[Update],
    changes: Sequence[tuple[str, int]],
    now: datetime,
) -> list[Promise]:
    found = []
    for index, update in enumerate(published):
        made_at = update.published_at or update.created_at
        following = published[index + 1] if index + 1 < len(published) else None
        planned = (
            parse_iso(following.scheduled_for)
            if following is not None and following.scheduled_for
            else None
        )
        due = promised_due(
            kind=incident.kind,
            state=update.state,
            published_at=parse_iso(made_at),
            cadence_min=cadence_at(made_at, changes, incident.cadence_min),
            next_scheduled=planned if incident.kind is IncidentKind.MAINTENANCE else None,
        )
        if due is None:
            continue
        if following is not None:
            met_at = following.published_at or following.created_at
            late = (parse_iso(met_at) - due).total_seconds()
            outcome = "kept" if late <= 0 else "missed"
            found.append(
                Promise(
                    update.id,
                    made_at,
                    iso(due),
                    outcome,
                    following.id,
                    met_at,
                    late if late > 0 else None,
                )
            )
        else:
            late = (now - due).total_seconds()
            outcome = "missed" if late > 0 else "open"
            found.append(
                Promise(
                    update.id, made_at, iso(due), outcome, None, None, late if late > 0 else None
                )
            )
    return found


def _silence(
    sent: Sequence[str], start: str | None, end: str
) -> tuple[float | None, str | None, str | None]:
    """The longest stretch without a delivery between `start` and `end`."""
    if start is None:
        return None, None, None
    points = [start, *sorted(s for s in sent if s >= start), end]
    best: tuple[float, str, str] | None = None
    for before, after in itertools.pairwise(points):
        gap = _seconds(before, after)
        if gap > 0 and (best is None or gap > best[0]):
            best = (gap, before, after)
    return best if best is not None else (0.0, None, None)


def _channel_metrics(
    ref: ChannelRef,
    records: Sequence[DeliveryRecord],
    first_at: str | None,
    end: str,
    silence: tuple[str | None, bool, bool],
    latest_state: str | None,
) -> ChannelMetrics:
    sent = [r for r in records if r.delivery.state is DeliveryState.SENT]
    sent_at = [r.delivery.sent_at for r in sent if r.delivery.sent_at]
    lags = [r.lag_seconds for r in sent if r.lag_seconds is not None]
    first = min(sent_at) if sent_at else None
    longest, gap_from, gap_to = _silence(sent_at, first_at, end)
    last_delivered, missed, skipped = silence
    return ChannelMetrics(
        channel=ref,
        deliveries=len(records),
        sent=len(sent),
        failed=sum(1 for r in records if r.delivery.state in FAILED),
        skipped=sum(1 for r in records if r.delivery.state is DeliveryState.SKIPPED),
        retried=sum(1 for r in records if r.retried),
        outstanding=sum(
            1
            for r in records
            if r.delivery.state not in (DeliveryState.SENT, DeliveryState.SKIPPED, *FAILED)
        ),
        first_delivered_at=first,
        first_delivery_lag_seconds=_seconds(first_at, first) if first and first_at else None,
        lag_mean_seconds=sum(lags) / len(lags) if lags else None,
        lag_max_seconds=max(lags) if lags else None,
        longest_silence_seconds=longest,
        longest_silence_from=gap_from,
        longest_silence_to=gap_to,
        last_delivered_at=last_delivered,
        missed_latest=missed,
        skipped_latest=skipped,
        latest_state=latest_state,
    )


def _issue(record: DeliveryRecord, reasons: Sequence[str]) -> Issue:
    d = record.delivery
    return Issue(
        d.id,
        d.update_id,
        record.channel.name,
        d.state.value,
        d.attempts,
        tuple(reasons),
        d.decided_by,
    )


def compute_metrics(
    incident: Incident,
    updates: Sequence[Update],
    deliveries: Mapping[int, Sequence[Delivery]],
    channels: Sequence[Channel],
    records: Sequence[UpdateRecord],
    changes: Sequence[tuple[str, int]],
    now: datetime,
) -> Metrics:
    published = published_in_order(updates)
    first_at = (published[0].published_at or published[0].created_at) if published else None
    moments = [u.published_at or u.created_at for u in published]
    gaps = [(_seconds(a, b), a, b) for a, b in itertools.pairwise(moments)]
    longest = max(gaps, key=lambda g: g[0]) if gaps else None
    end = incident.resolved_at or iso(now)

    by_channel: dict[int, list[DeliveryRecord]] = {}
    for record in records:
        for d in record.deliveries:
            by_channel.setdefault(d.channel.id, []).append(d)
    silence = {s.channel: s for s in channel_silence(updates, deliveries, channels)}
    parity = channel_parity(updates, deliveries, channels)
    channel_rows = []
    for channel in channels:
        standing = silence.get(channel.name)
        if standing is None and channel.id not in by_channel:
            continue  # neither used by this incident nor enabled: not part of its story
        found = parity.get(channel.name)
        channel_rows.append(
            _channel_metrics(
                ChannelRef.of(channel),
                by_channel.get(channel.id, []),
                first_at,
                end,
                (
                    standing.last_delivered_at if standing else None,
                    standing.missed_latest if standing else False,
                    standing.skipped if standing else False,
                ),
                found.latest_state.value if found and found.latest_state else None,
            )
        )

    every = [d for r in records for d in r.deliveries]
    return Metrics(
        duration_seconds=_seconds(incident.started_at, incident.resolved_at)
        if incident.resolved_at
        else None,
        first_update_at=first_at,
        time_to_first_update_seconds=_seconds(incident.started_at, first_at) if first_at else None,
        updates_published=len(published),
        cadence_mean_seconds=sum(g[0] for g in gaps) / len(gaps) if gaps else None,
        cadence_longest_gap_seconds=longest[0] if longest else None,
        cadence_longest_gap_from=longest[1] if longest else None,
        cadence_longest_gap_to=longest[2] if longest else None,
        promises=tuple(promises(incident, published, changes, now)),
        channels=tuple(channel_rows),
        retried=tuple(_issue(d, d.errors) for d in every if d.retried),
        failed=tuple(
            _issue(d, [d.delivery.last_error or "no error recorded"])
            for d in every
            if d.delivery.state in FAILED
        ),
        skipped=tuple(
            _issue(d, [d.delivery.decision_note or "no reason recorded"])
            for d in every
            if d.delivery.state is DeliveryState.SKIPPED
        ),
    )
