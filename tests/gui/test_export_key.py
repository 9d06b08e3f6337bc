"""Ctrl+E in the real window exports the current incident's timeline (issue #7), off the GUI
thread, and says where the file went."""

from __future__ import annotations

from pathlib import Path

from tests.gui.conftest import WindowFactory
from tests.gui.keys import focused, press


def test_ctrl_e_exports_the_current_incident(
    qtbot, home: Path, active_incident: int, launch: WindowFactory
) -> None:
    window = launch()
    qtbot.waitUntil(lambda: window.composer.target == active_incident)
    press("Ctrl+E")
    qtbot.waitUntil(lambda: focused().window() is not window.window())  # the popup has the keys
    press("Return")  # export with the defaults: Markdown into <workspace>/exports/
    target = home / "exports" / f"incident-{active_incident}-timeline.md"
    qtbot.waitUntil(target.exists, timeout=15_000)
    assert "Elevated API errors" in target.read_text("utf-8")
    qtbot.waitUntil(lambda: "Timeline exported" in window.statusBar().currentMessage())
