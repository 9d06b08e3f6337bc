"""A maintenance window's announcements, planned at once (pure).

A maintenance with a window announces itself four times, each an ordinary update (listed,
editable, cancellable like any other): when it is created (state `scheduled`), a reminder N
minutes before the start (`scheduled`), at the start (`in_progress`: the components named get
their maintenance status) and at the end (`completed`: they are operational again).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from statusdesk import settings
from statusdesk.core.model import ComponentStatus, IncidentState, Problem, Severity

REMIND_SETTING = settings.REMIND  # "maintenance.remind_minutes", statusdesk/settings.py
DEFAULT_REMIND_MINUTES = 60
MAX_REMIND_MINUTES = 7 * 24 * 60


@dataclass(frozen=True)
class Announcement:
    template: str  # the default template it is written from
    state: IncidentState
    at: datetime | None  # None: at once
    component_status: dict[str, ComponentStatus] = field(default_factory=dict)


@dataclass(frozen=True)
class MaintenancePlan:
    announcements: list[Announcement]
    problems: list[Problem]  # errors block; warnings say what was left out and why


def plan_maintenance(
    *,
    now: datetime,
    window_start: datetime,
    window_end: datetime,
    remind_min: int,
    components: Mapping[str, ComponentStatus],
    announce_at: datetime | None = None,
) -> MaintenancePlan:
    problems: list[Problem] = []
    if window_end <= window_start:
        problems.append(
            Problem("window_end", "The maintenance window ends before it starts; check the end.")
        )
    if window_start <= now:
        problems.append(
            Problem("window_start", "The maintenance window starts in the past; check the start.")
        )
    if announce_at is not None and announce_at >= window_start:
        problems.append(
            Problem(
                "at", "The maintenance is announced after its window starts; use an earlier --at."
            )
        )
    if not 0 <= remind_min <= MAX_REMIND_MINUTES:
        problems.append(
            Problem("remind_min", f"--remind-min must be 0 to {MAX_REMIND_MINUTES} minutes.")
        )
    during: dict[str, ComponentStatus] = {
        name: (ComponentStatus.UNDER_MAINTENANCE if s is ComponentStatus.OPERATIONAL else s)
        for name, s in components.items()
    }
    after = {name: ComponentStatus.OPERATIONAL for name in components}
    plan = [Announcement("scheduled", IncidentState.SCHEDULED, announce_at)]
    reminder = window_start - timedelta(minutes=remind_min)
    if remind_min > 0:
        if reminder > (announce_at or now):
            plan.append(Announcement("reminder", IncidentState.SCHEDULED, reminder))
        else:
            problems.append(
                Problem(
                    "remind_min",
                    f"No reminder: the window starts less than {remind_min} min after the "
                    "announcement.",
                    Severity.WARNING,
                )
            )
    plan.append(Announcement("in_progress", IncidentState.IN_PROGRESS, window_start, during))
    plan.append(Announcement("completed", IncidentState.COMPLETED, window_end, after))
    return MaintenancePlan(plan, problems)
