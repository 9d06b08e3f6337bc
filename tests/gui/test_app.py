"""`run(home)`, the GUI's entry point, and the window-level flows around it: a workspace that
cannot be opened, the status page in the browser, quitting with a draft."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox

from statusdesk.desk import Desk
from statusdesk.gui.launch.app import EXIT_WORKSPACE, run
from tests.conftest import read_only
from tests.gui.conftest import WindowFactory
from tests.gui.keys import press, type_text


def answer_message_box(
    seen: list[str], button: str | None = None, formats: list[Qt.TextFormat] | None = None
) -> None:
    """When a modal message box is up: note its text (and in `formats` its text's format) and
    click the button whose text starts with `button` (Esc when None)."""

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, poll)
            return
        seen.append(box.text())
        if formats is not None:
            formats.append(box.textFormat())
        if button is None:
            press("Escape")
            return
        [chosen] = [b for b in box.buttons() if b.text().replace("&", "").startswith(button)]
        chosen.click()

    QTimer.singleShot(50, poll)


def digest(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


def test_run_shows_the_window_and_returns_zero(
    qapp: QApplication, home: Path, active_incident: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The start-up probe (bench/startup.py) quits once the window has painted.
    monkeypatch.setenv("STATUSDESK_EXIT_AFTER_SHOW", "1")
    assert run(str(home)) == 0
    assert QApplication.applicationName() == "statusdesk"


def test_a_read_only_workspace_is_a_clear_message_and_a_non_zero_exit(
    qapp: QApplication, home: Path, active_incident: int
) -> None:
    before = digest(home)
    seen: list[str] = []
    with read_only(home):
        answer_message_box(seen, "OK")
        code = run(str(home))
    assert code == EXIT_WORKSPACE != 0
    assert len(seen) == 1
    assert "cannot be written" in seen[0] or "read-only" in seen[0]
    assert "Nothing was changed" in seen[0]
    assert digest(home) == before
    with Desk(home) as desk:  # still a sound workspace
        assert desk.store.incidents.incident(active_incident) is not None


def test_a_workspace_locked_by_another_program_is_a_clear_message(
    qapp: QApplication, home: Path, active_incident: int
) -> None:
    holder = sqlite3.connect(home / "statusdesk.db", isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    seen: list[str] = []
    try:
        answer_message_box(seen, "OK")
        code = run(str(home))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert code != 0
    assert len(seen) == 1 and "locked" in seen[0]


def test_an_empty_database_beside_a_status_page_is_refused_with_a_message(
    qapp: QApplication, home: Path, active_incident: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 12 §4: never started afresh over a workspace's history."""
    # Should it start anyway, the start-up probe ends it once ready (and the test fails).
    monkeypatch.setenv("STATUSDESK_EXIT_AFTER_SHOW", "1")
    assert (home / "site" / "index.html").is_file()
    for leftover in ("statusdesk.db-wal", "statusdesk.db-shm"):
        (home / leftover).unlink(missing_ok=True)
    (home / "statusdesk.db").write_bytes(b"")
    seen: list[str] = []
    answer_message_box(seen, "OK")
    code = run(str(home))
    assert code == EXIT_WORKSPACE != 0
    assert len(seen) == 1
    assert "The database is empty but this workspace has a status page" in seen[0]
    assert "restore it from a backup" in seen[0]
    assert (home / "statusdesk.db").stat().st_size == 0


class UrlCatcher(QObject):
    """Where QDesktopServices sends a URL instead of starting a browser (Qt's own hook)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []
        self.threads: list[bool] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)
        self.threads.append(threading.current_thread() is threading.main_thread())


def test_open_status_page_hands_the_local_site_to_the_browser(
    qtbot, home: Path, active_incident: int, launch: WindowFactory
) -> None:
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "open")
    try:
        window = launch()
        press("Ctrl+O")
        qtbot.waitUntil(lambda: len(catcher.urls) == 1, timeout=10_000)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert Path(catcher.urls[0].toLocalFile()) == home / "site" / "index.html"
    assert catcher.threads == [True]  # Qt objects are used on the GUI thread only
    assert "Opened the status page" in window.statusBar().currentMessage()


def test_quitting_with_a_draft_asks_and_esc_keeps_it(
    qtbot, home: Path, active_incident: int, launch: WindowFactory
) -> None:
    window = launch()
    press("Ctrl+U")
    type_text("Half an update")
    seen: list[str] = []
    answer_message_box(seen)  # Esc
    press("Ctrl+Q")
    assert len(seen) == 1 and "not been published" in seen[0]
    assert window.isVisible()
    assert window.composer.body_en.toPlainText() == "Half an update"
    answer_message_box(seen, "Discard")
    window.close()
    assert len(seen) == 2
    assert not window.isVisible()
    with Desk(home) as desk:  # thrown away: nothing comes back next time
        assert desk.store.drafts.saved_drafts() == []


def test_quitting_and_keeping_the_draft_brings_it_back_next_time(
    qtbot, home: Path, active_incident: int, launch: WindowFactory
) -> None:
    window = launch()
    press("Ctrl+U")
    type_text("Half an update")
    seen: list[str] = []
    answer_message_box(seen, "Quit, keep it")  # written at once, not half a second later
    press("Ctrl+Q")
    assert len(seen) == 1 and not window.isVisible()
    again = launch()
    qtbot.waitUntil(lambda: again.composer.target == active_incident)
    assert again.composer.body_en.toPlainText() == "Half an update"


def test_rebuild_status_page_writes_both_languages(
    qtbot, home: Path, active_incident: int, launch: WindowFactory
) -> None:
    window = launch()
    for page in (home / "site" / "index.html", home / "site" / "ar" / "index.html"):
        if page.exists():
            page.unlink()
    press("Ctrl+Shift+B")
    qtbot.waitUntil(
        lambda: "Status page rebuilt" in window.statusBar().currentMessage(), timeout=20_000
    )
    assert "We are investigating elevated error rates." in (
        (home / "site" / "index.html").read_text(encoding="utf-8")
    )
    assert "نحقق في ارتفاع معدلات الأخطاء." in (
        (home / "site" / "ar" / "index.html").read_text(encoding="utf-8")
    )


def test_a_failed_site_build_says_so_and_the_window_carries_on(
    qtbot, home: Path, active_incident: int, launch: WindowFactory
) -> None:
    window = launch()
    with read_only(home):
        press("Ctrl+Shift+B")
        qtbot.waitUntil(
            lambda: window.statusBar().currentMessage().startswith("Site build failed: "),
            timeout=20_000,
        )
    press("Ctrl+U")
    type_text("Still here.")
    assert window.composer.body_en.toPlainText() == "Still here."


def test_an_empty_workspace_starts_ready_for_a_new_incident(
    home: Path, launch: WindowFactory
) -> None:
    window = launch()
    assert window.model.rowCount() == 0
    assert window.composer.is_new_incident
    press("Ctrl+U")
    assert "Ctrl+N opens one" in window.statusBar().currentMessage()
    press("Ctrl+N")
    assert QApplication.focusWidget() is window.composer.title_en
