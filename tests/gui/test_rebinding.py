"""A key rebound in the Keyboard shortcuts window works at once in the real main window, is
shown by the cheat sheet and in messages, and is still there the next time the app starts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from statusdesk.gui.keys.actions import shown_key
from tests.gui.conftest import WindowFactory
from tests.gui.keys import focused, press


def _rebind_new_update_to_ctrl_j(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    press("Ctrl+,")
    keys = window.tools._keys_window
    assert keys is not None
    qtbot.waitUntil(lambda: keys.isVisible() and not keys.working)
    qtbot.waitUntil(lambda: focused() is keys.table)
    keys.table.setCurrentCell(0, 0)
    for _ in range(keys.table.rowCount()):
        if keys.selected() == "new-update":
            break
        press("Down")
    press("Return")
    press("Ctrl+J")
    with qtbot.waitSignal(keys.keymap_changed, timeout=5000):
        press("Return")
    press("Escape")
    qtbot.waitUntil(lambda: not keys.isVisible())


def test_a_rebound_key_works_now_and_after_a_restart(
    qtbot, home: Path, active_incident: int, launch: WindowFactory
) -> None:
    window = launch()
    _rebind_new_update_to_ctrl_j(qtbot, window)
    assert window.actions_by_command["new-update"].shortcut().toString() == "Ctrl+J"
    assert shown_key("new-update") == "Ctrl+J"

    press("Ctrl+U")  # the old key does nothing any more
    assert focused() is not window.composer.body_en
    press("Ctrl+J")
    qtbot.waitUntil(lambda: focused() is window.composer.body_en)

    press("F1")
    sheet = window.windows.cheat_sheet
    qtbot.waitUntil(sheet.isVisible)
    assert ("new-update", "Ctrl+J") in {(c, k) for c, k, _ in sheet.rows()}
    press("Escape")
    qtbot.waitUntil(lambda: not sheet.isVisible())

    window.ask_before_discarding = False
    window.close()
    again = launch()
    assert again.actions_by_command["new-update"].shortcut().toString() == "Ctrl+J"
    assert QApplication.focusWidget() is not again.composer.body_en
    press("Ctrl+J")
    qtbot.waitUntil(lambda: focused() is again.composer.body_en)
