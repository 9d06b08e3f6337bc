"""A next-update promise that lapsed, visible without the app (issue #12 §2).

`incident list --json` says per incident whether its promise is overdue; `statusdesk run`
writes one line per lapse ("incident 7: next update overdue by 3 min") to its output and its
log — once per lapse, not at every poll, and again only when a new promise lapses. The rule is
the app's countdown's (core/promise.py): a promise is broken from the moment it is due.
Pure: callers pass `now`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from statusdesk.core.model import Incident
from statusdesk.core.promise import Level, promise_status
from statusdesk.scheduling.when import span


@dataclass(frozen=True)
class Lapse:
    incident_id: int
    due: str  # the promise that lapsed: a new update makes a new one
    overdue_seconds: float

    def line(self) -> str:
        return f"incident {self.incident_id}: next update overdue by {span(self.overdue_seconds)}"


def is_overdue(incident: Incident, now: datetime) -> bool:
    """The incident is open and its promised next update is due or past."""
    if not incident.is_active:
        return False
    return promise_status(incident.next_update_due, now).level is Level.RED


def lapses(incidents: Iterable[Incident], now: datetime) -> list[Lapse]:
    found = []
    for incident in incidents:
        if incident.next_update_due is not None and is_overdue(incident, now):
            left = promise_status(incident.next_update_due, now).seconds_left or 0.0
            found.append(Lapse(incident.id, incident.next_update_due, -left))
    return found


class LapseWatch:
    """Which lapses were told already: each is told once, a new one (a later promise of the
    same incident that lapses too) again."""

    def __init__(self) -> None:
        self._told: dict[int, str] = {}

    def fresh(self, incidents: Iterable[Incident], now: datetime) -> list[Lapse]:
        current = lapses(incidents, now)
        new = [lapse for lapse in current if self._told.get(lapse.incident_id) != lapse.due]
        self._told = {lapse.incident_id: lapse.due for lapse in current}
        return new
