"""90-day uptime per component (issue #14), from the recorded status history.

The history is what was published: each published update's `component_changes` (old and new
status) at its `published_at`, and the component's status now. Walking a component's changes in
the window oldest first, its status before the first one is that change's old status (or, with
no change in the window, its status now); a change sets it from its moment on.

- **Days** are UTC calendar days (the page shows times in UTC), the last one today until now.
  A day is coloured by the worst status the component had during it, in this order:
  operational < under maintenance < degraded performance < partial outage < major outage.
  Days before the component existed (its `created_at`) have no data and count for nothing.
- **Uptime** is the share of the tracked time (from the later of the window's start and the
  component's creation, until now) that the component was in neither `partial_outage` nor
  `major_outage`. Both count in full as downtime (Statuspage weighs a partial outage at 30 %; a
  reader here is never shown a figure better than what was published). Degraded performance and
  maintenance count as up. Shown with two decimals, rounded down, so an hour's outage never
  reads as 100.00 %.

The result depends on the day the page is built: the bars move at midnight UTC.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from statusdesk.core.model import Component, ComponentStatus
from statusdesk.core.timefmt import parse_iso

DAYS = 90
RANK = {
    ComponentStatus.OPERATIONAL: 0,
    ComponentStatus.UNDER_MAINTENANCE: 1,
    ComponentStatus.DEGRADED_PERFORMANCE: 2,
    ComponentStatus.PARTIAL_OUTAGE: 3,
    ComponentStatus.MAJOR_OUTAGE: 4,
}
_STATUS = {s.value: s for s in ComponentStatus}
DOWN = frozenset({ComponentStatus.PARTIAL_OUTAGE, ComponentStatus.MAJOR_OUTAGE})


@dataclass(frozen=True)
class Change:
    at: datetime
    old: ComponentStatus
    new: ComponentStatus


@dataclass(frozen=True)
class Uptime:
    days: tuple[tuple[date, ComponentStatus | None], ...]  # oldest first; None: no data
    percent: float | None  # None: no time tracked yet


def worst(statuses: Iterable[ComponentStatus]) -> ComponentStatus:
    return max(statuses, key=RANK.__getitem__, default=ComponentStatus.OPERATIONAL)


def history(
    change_log: Iterable[tuple[str, Sequence[Mapping[str, Any]]]],
) -> dict[int, list[Change]]:
    """Component id → its published changes, oldest first, from a snapshot's change log
    ((published_at, changes) per update, in the order they were published)."""
    found: dict[int, list[Change]] = {}
    for published_at, listed_changes in change_log:
        at = parse_iso(published_at)
        for change in listed_changes:
            found.setdefault(int(change["component_id"]), []).append(
                Change(at, _STATUS[change["old_status"]], _STATUS[change["new_status"]])
            )
    for component_changes in found.values():
        component_changes.sort(key=lambda c: c.at)  # stable: same-second changes keep their order
    return found


def uptime(
    component: Component, changes: Sequence[Change], now: datetime, days: int = DAYS
) -> Uptime:
    today = now.date()
    first_day = today - timedelta(days=days - 1)
    window_start = datetime.combine(first_day, datetime.min.time(), tzinfo=now.tzinfo)
    created = parse_iso(component.created_at) if component.created_at else window_start
    tracked_start = min(max(window_start, created), now)
    in_window = [c for c in changes if window_start <= c.at <= now]
    status = in_window[0].old if in_window else component.status
    segments: list[tuple[datetime, datetime, ComponentStatus]] = []
    cursor = tracked_start
    for change in in_window:
        moment = max(change.at, tracked_start)
        segments.append((cursor, moment, status))
        status, cursor = change.new, moment
    segments.append((cursor, now, status))
    # One pass over the segments (in time order), each marking the days it touches: a build
    # costs the changes plus the days, not their product.
    rank: list[int] = [-1] * days  # -1: no data
    first_tracked = (tracked_start.date() - first_day).days
    for a, b, s in segments:
        if b < tracked_start or (a == b and a < tracked_start):
            continue
        start_day = (a.date() - first_day).days
        # A segment ending exactly at midnight does not touch the day that midnight opens.
        last = b if b == a or b.time() != datetime.min.time() else b - timedelta(microseconds=1)
        end_day = (last.date() - first_day).days
        for n in range(max(start_day, first_tracked, 0), min(end_day, days - 1) + 1):
            rank[n] = max(rank[n], RANK[s])
    by_rank = {r: s for s, r in RANK.items()}
    shown = tuple(
        (first_day + timedelta(days=n), by_rank[r] if r >= 0 else None) for n, r in enumerate(rank)
    )
    tick = timedelta(microseconds=1)
    total = (now - tracked_start) // tick
    down = sum((b - a) // tick for a, b, s in segments if s in DOWN)
    # In whole microseconds, so 99.95 % is not shown as 99.94 by a float's rounding.
    percent = (10_000 * (total - down) // total) / 100 if total > 0 else None
    return Uptime(shown, percent)
