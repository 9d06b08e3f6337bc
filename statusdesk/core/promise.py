"""The next-update promise: when an incident owes its readers the next word, and how close that is.

Pure: callers pass `now`. The GUI's countdown per incident is `promise_status(due, now)` on a
timer; the store keeps `incident.next_update_due`, set by `promised_due` whenever an update of
the incident goes out.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum
from typing import NamedTuple

from statusdesk import settings
from statusdesk.core.model import IncidentKind, IncidentState
from statusdesk.core.timefmt import parse_iso
from statusdesk.core.words import QT_TRANSLATE_NOOP, Words

DEFAULT_CADENCE_MIN = settings.DEFAULT_CADENCE_MIN  # the setting incident.cadence_minutes
MIN_CADENCE_MIN = settings.MIN_CADENCE_MIN
MAX_CADENCE_MIN = settings.MAX_CADENCE_MIN
AMBER_SECONDS = 5 * 60


class Level(StrEnum):
    NONE = "none"  # no promise: the incident is closed, or nothing is planned
    OK = "ok"
    AMBER = "amber"  # due within 5 minutes
    RED = "red"  # due now or overdue


class PromiseStatus(NamedTuple):
    seconds_left: float | None  # negative when overdue; None without a promise
    level: Level


def promise_status(next_update_due: str | datetime | None, now: datetime) -> PromiseStatus:
    """Seconds until the promised update and its colour: amber from 5 minutes before, red from
    the moment it is due (a promise not kept by its time is broken, not "almost")."""
    if next_update_due is None:
        return PromiseStatus(None, Level.NONE)
    due = parse_iso(next_update_due) if isinstance(next_update_due, str) else next_update_due
    left = (due - now).total_seconds()
    if left <= 0:
        return PromiseStatus(left, Level.RED)
    if left <= AMBER_SECONDS:
        return PromiseStatus(left, Level.AMBER)
    return PromiseStatus(left, Level.OK)


def promised_due(
    *,
    kind: IncidentKind,
    state: IncidentState,
    published_at: datetime | None,
    cadence_min: int,
    next_scheduled: datetime | None = None,
) -> datetime | None:
    """When the next update is owed after one went out at `published_at`.

    A closed incident owes nothing. A maintenance still in its `scheduled` state promises its
    next planned announcement (the reminder or the start), not one every half hour for days;
    without one planned it promises nothing. Everything else promises `published_at + cadence`
    (nothing before its first update has gone out).
    """
    if state.is_closed:
        return None
    if kind is IncidentKind.MAINTENANCE and state is IncidentState.SCHEDULED:
        return next_scheduled
    if published_at is None:
        return None
    return published_at + timedelta(minutes=cadence_min)


def cadence_problem(minutes: int) -> Words | None:
    """A cadence out of bounds, said as a sentence (None: within them)."""
    if MIN_CADENCE_MIN <= minutes <= MAX_CADENCE_MIN:
        return None
    return QT_TRANSLATE_NOOP(
        "Problems",
        "A cadence of {minutes} min is out of range; promise the next update within {low} to "
        "{high} minutes.",
    ).format(minutes=minutes, low=MIN_CADENCE_MIN, high=MAX_CADENCE_MIN)
