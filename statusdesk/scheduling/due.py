"""Due updates: each goes out exactly once, or turns stale — never posted by itself when late.

`fire_due` is what every poll of `statusdesk run` (and the GUI's timer) calls. For each scheduled
update whose time has come:

- late by less than the grace window (setting `schedule.grace_minutes`, default 5): published —
  claimed with one conditional UPDATE (`scheduled` → `published`) inside the transaction that
  also applies its effects and creates its deliveries (delivery/outbox.py `publish_planned`).
  Of two processes racing on the same workspace, exactly one wins; the other's UPDATE matches
  no row and it moves on. `scheduled_for` keeps the intended time, `published_at` the actual;
- later than that (nothing ran when it fell due: the machine slept, the app was closed):
  `stale`, with the same kind of claim, and it waits for a person (`update send | discard`).
  An hour-old "we are investigating" is never posted by itself.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from statusdesk import settings
from statusdesk.core.model import UpdateStatus
from statusdesk.core.timefmt import iso, parse_iso
from statusdesk.delivery.outbox import Published, publish_planned, refresh_promise
from statusdesk.store import Store

log = logging.getLogger(__name__)

GRACE_SETTING = settings.GRACE  # "schedule.grace_minutes", statusdesk/settings.py
DEFAULT_GRACE_MINUTES = 5.0


@dataclass(frozen=True)
class Fired:
    published: Published
    scheduled_for: str
    late_seconds: float


@dataclass(frozen=True)
class Staled:
    update_id: int
    incident_id: int
    scheduled_for: str
    late_seconds: float


@dataclass(frozen=True)
class DueReport:
    fired: list[Fired] = field(default_factory=list)
    stale: list[Staled] = field(default_factory=list)

    @property
    def delivery_ids(self) -> list[int]:
        return [d for f in self.fired for d in f.published.delivery_ids]


def grace_from(value: str | None) -> timedelta:
    """The grace window from its setting (minutes, may be fractional); the default when the
    setting is absent or unreadable (logged: a typo must not make every update stale)."""
    if value is None:
        return timedelta(minutes=DEFAULT_GRACE_MINUTES)
    try:
        minutes = float(value)
    except ValueError:
        minutes = -1.0
    if not 0 <= minutes <= 24 * 60:
        log.warning(
            "setting %s=%r is not a number of minutes (0 to 1440); using %g",
            GRACE_SETTING,
            value,
            DEFAULT_GRACE_MINUTES,
        )
        return timedelta(minutes=DEFAULT_GRACE_MINUTES)
    return timedelta(minutes=minutes)


def is_late(scheduled_for: datetime, now: datetime, grace: timedelta) -> bool:
    """Too late to go out by itself: late by the grace window or more."""
    return now - scheduled_for >= grace


def fire_due(store: Store, now: datetime, grace: timedelta, actor: str) -> DueReport:
    """Publish every due scheduled update still within its grace window; mark the rest stale.
    Safe to call from any number of processes at once: each update is claimed by one."""
    stamp = iso(now)
    report = DueReport()
    for update in store.schedule.due_updates(stamp):
        assert update.scheduled_for is not None
        due = parse_iso(update.scheduled_for)
        late = (now - due).total_seconds()
        if not is_late(due, now, grace):
            published = publish_planned(
                store,
                update_id=update.id,
                now=stamp,
                from_statuses=(UpdateStatus.SCHEDULED,),
                actor=actor,
                trigger="due",
                due_by=stamp,
            )
            if published is not None:
                report.fired.append(Fired(published, update.scheduled_for, late))
        elif mark_stale(store, update.id, update.incident_id, stamp, actor, late, grace):
            report.stale.append(Staled(update.id, update.incident_id, update.scheduled_for, late))
    return report


def mark_stale(
    store: Store,
    update_id: int,
    incident_id: int,
    now: str,
    actor: str,
    late_seconds: float,
    grace: timedelta,
) -> bool:
    with store.transaction():
        if not store.schedule.take_update(
            update_id, (UpdateStatus.SCHEDULED,), UpdateStatus.STALE, due_by=now
        ):
            return False
        refresh_promise(store, incident_id)
        store.audit.log_event(
            "update.stale",
            now,
            actor=actor,
            incident_id=incident_id,
            update_id=update_id,
            data={
                "late_seconds": late_seconds,
                "grace_seconds": grace.total_seconds(),
            },
        )
    return True
