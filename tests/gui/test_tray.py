"""The tray (issue #8): all clear, an overdue update or a failed delivery at a glance, and a
menu that reaches the window, the palette and the incident that spoke last."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QSystemTrayIcon

from statusdesk.core.model import BilingualText, Impact, Incident, IncidentKind, IncidentState
from statusdesk.gui.desk.tray import TrayLevel, overdue_incidents, tray_status
from tests.gui.conftest import WindowFactory
from tests.gui.keys import focused

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


def incident(
    number: int, due: str | None, state: IncidentState = IncidentState.IDENTIFIED
) -> Incident:
    return Incident(
        id=number,
        title=BilingualText(f"Incident {number}", ""),
        kind=IncidentKind.INCIDENT,
        state=state,
        impact=Impact.MAJOR,
        started_at="2026-11-26T10:00:00Z",
        created_at="2026-11-26T10:00:00Z",
        updated_at="2026-11-26T10:00:00Z",
        next_update_due=due,
    )


def test_a_failure_outranks_an_overdue_update_which_outranks_all_clear() -> None:
    late = [incident(1, "2026-11-26T11:30:00Z")]
    assert tray_status(0, []).level is TrayLevel.ALL_CLEAR
    assert tray_status(0, late).level is TrayLevel.OVERDUE
    assert "#1" in tray_status(0, late).tooltip
    assert tray_status(2, late).level is TrayLevel.FAILED
    assert "2 deliveries need you" in tray_status(2, late).tooltip


def test_only_open_incidents_past_their_promise_are_overdue() -> None:
    incidents = [
        incident(1, "2026-11-26T11:59:00Z"),
        incident(2, "2026-11-26T12:30:00Z"),
        incident(3, "2026-11-26T11:00:00Z", IncidentState.RESOLVED),
        incident(4, None),
    ]
    assert [i.id for i in overdue_incidents(incidents, NOW)] == [1]


# The offscreen platform has no tray to dock into and says so; the icon and its menu still work.
@pytest.mark.qt_log_ignore("systemTrayWindowChanged", "This plugin does not support")
def test_the_menu_reaches_the_palette_and_the_last_incident(
    qtbot, home: Path, active_incident: int, launch: WindowFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    window = launch()
    tray = window.tray
    assert tray.icon is not None and tray.status.level is TrayLevel.ALL_CLEAR
    texts = [a.text() for a in tray.menu.actions() if a.text()]
    assert texts == [
        "Show statusdesk",
        "Command palette…",
        f"Last incident: #{active_incident} Elevated API errors",
        "Quit",
    ]
    palette_action = tray.menu.actions()[1]
    palette_action.trigger()
    qtbot.waitUntil(lambda: focused() is window.tools.palette.query)


def badge_pixel(tray) -> str:  # type: ignore[no-untyped-def]
    """The colour in the middle of the icon's badge (badged(): a dot in the lower corner)."""
    image = tray.icon.icon().pixmap(64, 64).toImage()
    middle = int(64 - 64 * 0.45 / 2 - 1)
    return str(image.pixelColor(middle, middle).name())


@pytest.mark.qt_log_ignore("systemTrayWindowChanged", "This plugin does not support")
def test_the_badge_takes_its_colour_from_the_theme_in_both_schemes(
    qtbot, home: Path, active_incident: int, launch: WindowFactory, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from statusdesk.gui.widgets import theme
    from statusdesk.gui.widgets.theme import DARK, LIGHT, Role

    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    theme.apply("light")
    window = launch()
    tray = window.tray
    try:
        assert badge_pixel(tray) == LIGHT[Role.OK]
        tray.show_status(tray_status(2, []))  # deliveries need a person
        assert badge_pixel(tray) == LIGHT[Role.ALARM]
        theme.apply("dark")  # at once, not at the next change of status
        assert badge_pixel(tray) == DARK[Role.ALARM]
    finally:
        theme.apply("light")
