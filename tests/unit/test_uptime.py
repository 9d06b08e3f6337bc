"""The 90-day uptime of one component (channels/site/uptime.py), on its edges: midnight,
no history, a component made just now, a change before the window."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from statusdesk.channels.site.uptime import Change, uptime
from statusdesk.core.model import BilingualText, Component, ComponentStatus

NOW = datetime(2026, 3, 20, 12, 0, tzinfo=UTC)
OK = ComponentStatus.OPERATIONAL
MAJOR = ComponentStatus.MAJOR_OUTAGE
PARTIAL = ComponentStatus.PARTIAL_OUTAGE
MAINT = ComponentStatus.UNDER_MAINTENANCE


def component(status: ComponentStatus = OK, created: str = "2025-01-01T00:00:00Z") -> Component:
    return Component(1, BilingualText("API"), status, created_at=created)


def midnight(days_ago: int) -> datetime:
    return datetime(2026, 3, 20, tzinfo=UTC) - timedelta(days=days_ago)


def test_no_history_is_the_status_now_every_day() -> None:
    shown = uptime(component(), [], NOW)
    assert len(shown.days) == 90 and {s for _, s in shown.days} == {OK}
    assert shown.days[0][0].isoformat() == "2025-12-21" and shown.percent == 100.0
    down = uptime(component(MAJOR), [], NOW)
    assert {s for _, s in down.days} == {MAJOR} and down.percent == 0.0


def test_an_outage_ending_at_midnight_leaves_the_next_day_alone() -> None:
    changes = [Change(midnight(3) - timedelta(hours=1), OK, MAJOR), Change(midnight(3), MAJOR, OK)]
    shown = uptime(component(), changes, NOW)
    # 16 March 23:00 until 17 March 00:00: the 16th only.
    assert [s for _, s in shown.days[-6:]] == [OK, MAJOR, OK, OK, OK, OK]
    # One hour down out of 90 days less 12 hours: 2148 h tracked.
    assert shown.percent == 99.95


def test_maintenance_is_not_downtime_and_partial_outage_is() -> None:
    changes = [
        Change(midnight(2), OK, MAINT),
        Change(midnight(2) + timedelta(hours=6), MAINT, PARTIAL),
        Change(midnight(1), PARTIAL, OK),
    ]
    shown = uptime(component(created="2026-03-18T00:00:00Z"), changes, NOW)
    assert [s for _, s in shown.days[-3:]] == [PARTIAL, OK, OK]
    assert shown.days[-4][1] is None  # before it existed
    assert shown.percent == 70.0  # 18 h partial out of 60 h tracked


def test_a_change_before_the_window_only_sets_the_starting_status() -> None:
    old = Change(NOW - timedelta(days=200), OK, MAJOR)
    shown = uptime(component(MAJOR), [old], NOW)
    assert {s for _, s in shown.days} == {MAJOR}


def test_a_component_made_just_now_has_no_figure_yet() -> None:
    made = component(MAJOR, created="2026-03-20T12:00:00Z")
    shown = uptime(made, [Change(NOW, OK, MAJOR)], NOW)
    assert shown.percent is None
    assert shown.days[-1][1] is MAJOR and shown.days[-2][1] is None
