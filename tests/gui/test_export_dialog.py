"""The export popup (issue #7, Ctrl+E — the main window's binding is wired elsewhere): format,
file and zone; the export runs on the TaskRunner with its progress shown while the GUI thread
keeps turning; the file is written; errors are said in the popup; Esc gives the keyboard back.
Offscreen, with Qt warnings as failures (a PDF laid out on a worker thread must not warn)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from statusdesk.app.exports import Exports
from statusdesk.desk import Desk
from statusdesk.gui.export import export_dialog
from statusdesk.gui.export.export_dialog import ExportDialog, open_export_dialog
from statusdesk.gui.runtime.tasks import TaskRunner
from tests.gui.keys import focused, press

TITLE = "Elevated API errors"


@pytest.fixture
def setting(qtbot, home: Path, active_incident: int) -> Iterator[tuple[QWidget, Desk, TaskRunner]]:  # type: ignore[no-untyped-def]
    """A window with a text field that has the keyboard, a Desk and a TaskRunner, as the main
    window holds them."""
    desk = Desk(home)
    tasks = TaskRunner()
    window = QWidget()
    layout = QVBoxLayout(window)
    field = QLineEdit()
    field.setObjectName("where-the-keyboard-was")
    layout.addWidget(field)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    field.setFocus()
    qtbot.waitUntil(lambda: focused() is field)
    yield window, desk, tasks
    tasks.shutdown()
    desk.close()


def opened(qtbot, setting, incident_id: int) -> ExportDialog:  # type: ignore[no-untyped-def]
    window, desk, tasks = setting
    dialog = open_export_dialog(window, desk, tasks, incident_id, TITLE)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_a_pdf_is_exported_off_the_gui_thread(  # type: ignore[no-untyped-def]
    qtbot, setting, active_incident: int, tmp_path: Path
) -> None:
    dialog = opened(qtbot, setting, active_incident)
    assert TITLE in dialog.findChild(QWidget, "export-about").text()  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: focused() is dialog.format)
    assert dialog.path.text().endswith(f"exports/incident-{active_incident}-timeline.md")

    dialog.set_format("pdf")
    assert dialog.path.text().endswith(f"incident-{active_incident}-timeline.pdf")
    target = tmp_path / "pm.pdf"
    dialog.path.setText(str(target))
    with qtbot.waitSignal(dialog.exported, timeout=30_000) as done:
        press("Return")
    assert done.args == [target]
    assert target.read_bytes().startswith(b"%PDF-")
    assert dialog.progress.value() == 100
    assert dialog.status.text() == f"Saved {target}"
    assert dialog.isVisible() and not dialog.running and dialog.export_button.isEnabled()

    press("Escape")
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: focused().objectName() == "where-the-keyboard-was")


def test_progress_shows_while_the_gui_keeps_turning(  # type: ignore[no-untyped-def]
    qtbot, setting, active_incident: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The worker reports halfway, then waits: meanwhile the bar shows it, the inputs are
    locked, and timers on the GUI thread still fire — nothing waits on the export."""
    real = Exports.export_to_file
    release = threading.Event()
    worker: list[threading.Thread] = []

    def slow(*args, **kwargs):  # type: ignore[no-untyped-def]
        worker.append(threading.current_thread())
        kwargs["progress"](0.5, "Halfway there…")
        assert release.wait(20)
        return real(*args, **kwargs)

    monkeypatch.setattr(Exports, "export_to_file", slow)
    dialog = opened(qtbot, setting, active_incident)
    dialog.set_format("csv")
    target = tmp_path / "deliveries.csv"
    dialog.path.setText(str(target))
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.status.text() == "Halfway there…")
    assert dialog.progress.value() == 50
    assert dialog.running and not dialog.format.isEnabled() and not dialog.export_button.isEnabled()
    before = len(ticks)
    qtbot.waitUntil(lambda: len(ticks) >= before + 5)  # the GUI thread is free
    dialog.accept()  # Enter again while it runs: ignored, not a second export
    release.set()
    qtbot.waitUntil(lambda: not dialog.running, timeout=20_000)
    timer.stop()
    assert worker and worker[0] is not threading.main_thread()
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    assert dialog.progress.value() == 100 and dialog.format.isEnabled()


def test_problems_are_said_in_the_popup(  # type: ignore[no-untyped-def]
    qtbot, setting, active_incident: int, tmp_path: Path
) -> None:
    dialog = opened(qtbot, setting, active_incident)
    dialog.zone.setEditText("Mars/Olympus")
    dialog.accept()
    assert "'Mars/Olympus' is not a time zone" in dialog.status.text()
    assert not dialog.running

    dialog.zone.setEditText("Asia/Riyadh")
    dialog.path.setText(str(tmp_path / "missing" / "x.md"))
    dialog.accept()
    qtbot.waitUntil(lambda: "does not exist" in dialog.status.text())
    assert not dialog.running and dialog.export_button.isEnabled()

    dialog.path.setText("")
    dialog.accept()
    assert dialog.status.text() == "Give a file to export to."

    target = tmp_path / "riyadh.md"
    dialog.path.setText(str(target))
    with qtbot.waitSignal(dialog.exported, timeout=20_000):
        dialog.accept()
    assert "Times are in Asia/Riyadh" in target.read_text(encoding="utf-8")


def test_an_unknown_incident_is_said_not_crashed(qtbot, setting, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = opened(qtbot, setting, 999)
    dialog.path.setText(str(tmp_path / "x.md"))
    dialog.accept()
    qtbot.waitUntil(lambda: "There is no incident 999" in dialog.status.text())
    assert not (tmp_path / "x.md").exists()


def test_choose_asks_for_a_file_with_the_format_s_filter(  # type: ignore[no-untyped-def]
    qtbot, setting, active_incident: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[tuple[str, str]] = []

    def fake(parent, caption, start, filters):  # type: ignore[no-untyped-def]
        asked.append((start, filters))
        return str(tmp_path / "chosen.json"), filters

    monkeypatch.setattr(export_dialog.QFileDialog, "getSaveFileName", staticmethod(fake))
    dialog = opened(qtbot, setting, active_incident)
    dialog.set_format("json")
    dialog.choose_file()
    assert asked and asked[0][1].startswith("JSON (*.json)")
    assert dialog.path.text() == str(tmp_path / "chosen.json")
