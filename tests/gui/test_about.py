"""Help ▸ About (statusdesk/gui/about.py): opens over the window with the keyboard, says which
statusdesk, Qt, Python and workspace, where the log is; Esc closes it and gives the keyboard
back."""

from __future__ import annotations

import sys
from importlib import metadata
from pathlib import Path

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow

from statusdesk import logs
from statusdesk.gui.about.about import AboutDialog, show_about, workspace_of
from tests.gui.conftest import WindowFactory
from tests.gui.keys import press


def test_about_opens_with_the_keyboard_says_what_it_is_and_esc_closes_it(
    qtbot, tmp_path: Path
) -> None:
    window = QMainWindow()
    field = QLineEdit()
    window.setCentralWidget(field)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)

    show_about(window, tmp_path / "workspace")
    dialog = window.findChild(AboutDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.close_button)
    assert QApplication.activeWindow() is dialog
    text = dialog.body.text()
    for expected in (
        f"statusdesk {metadata.version('statusdesk')}",
        f"Qt {qVersion()}",
        f"PySide6 {PySide6.__version__}",
        f"Python {sys.version.split()[0]}",
        f"Workspace: {tmp_path / 'workspace'}",
        f"Log: {logs.log_dir() / 'statusdesk.log'}",
        f"Crash reports: {logs.crash_dir()}",
        "Licence: MIT",
    ):
        assert expected in text, expected

    show_about(window, tmp_path / "workspace")  # again: the same box, not a second one
    assert len(window.findChildren(AboutDialog)) == 1

    press("Escape")
    qtbot.waitUntil(lambda: window.findChild(AboutDialog) is None)  # closed, and let go of
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)


def test_about_finds_the_workspace_of_the_main_window(
    qtbot, home: Path, active_incident: int, launch: WindowFactory
) -> None:
    window = launch()
    assert workspace_of(window.composer) == home
    show_about(window)
    dialog = window.findChild(AboutDialog)
    assert dialog is not None
    assert f"Workspace: {home}" in dialog.body.text()
    dialog.copy()
    assert f"Workspace: {home}" in QApplication.clipboard().text()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.close_button)
    press("Escape")
    qtbot.waitUntil(lambda: window.findChild(AboutDialog) is None)


def test_about_is_named_tabbed_and_shows_its_focus(qtbot, tmp_path: Path) -> None:
    from statusdesk.gui.widgets import focus_style
    from tests.gui.test_accessibility import check_window

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.style().name()
    focus_style.install(app)  # as the app's launch does
    try:
        window = QMainWindow()
        qtbot.addWidget(window)
        with qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        show_about(window, tmp_path)
        dialog = window.findChild(AboutDialog)
        assert dialog is not None
        qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.close_button)
        check_window(dialog)
        press("Escape")
    finally:
        app.setStyle(before)
