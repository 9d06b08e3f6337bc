"""Ctrl+F filters the incident list by a few letters of a title, in English or Arabic (ARCHITECTURE
§8); Esc empties the filter; the current incident stays current; what the list does not show
still counts for promises and the tray."""

from __future__ import annotations

from pathlib import Path

from tests.gui.conftest import WindowFactory, open_incident
from tests.gui.keys import focused, press, type_text


def shown_titles(window) -> list[str]:  # type: ignore[no-untyped-def]
    model = window.model
    return [model.summary(row).incident.title.en for row in range(model.rowCount())]


def test_ctrl_f_filters_in_either_language_and_esc_brings_everything_back(
    qtbot, home: Path, active_incident: int, launch: WindowFactory
) -> None:
    open_incident(home, ("Slow dashboard", "بطء لوحة التحكم"), ("Slow.", "بطء."))
    open_incident(home, ("Payments failing", "فشل المدفوعات"), ("Failing.", "فشل."))
    window = launch()
    assert len(shown_titles(window)) == 3
    press("Ctrl+F")
    assert focused() is window.filter
    type_text("dash")
    assert shown_titles(window) == ["Slow dashboard"]
    press("Escape")
    assert focused() is window.list and len(shown_titles(window)) == 3

    press("Ctrl+F")
    type_text("المدفوعات")
    assert shown_titles(window) == ["Payments failing"]
    assert window.filter.accessibleDescription() == "1 of 3 incidents shown"
    assert len(window.model.summaries()) == 3  # the others still count (promises, tray)
    press("Return")  # to the list, on the match
    assert focused() is window.list
    qtbot.waitUntil(lambda: window.composer.target is not None)
    chosen = window.model.summary(window.list.currentIndex().row())
    assert chosen is not None and chosen.incident.title.en == "Payments failing"
