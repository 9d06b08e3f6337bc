"""The GUI thread never waits on the network (the house rule), which on a team desk means it
never sends a statement to the PostgreSQL server (issue #17): every read and write the window
does on the team's records runs on the task runner. Every statement psycopg sends is watched,
and those sent from the GUI thread fail the test with what sent them."""

from __future__ import annotations

import contextlib
import threading
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox

from statusdesk import settings as registry
from statusdesk.app.startup import first_read
from statusdesk.gui.desk.main_window import MainWindow
from statusdesk.gui.keys.bindings import key_for
from statusdesk.gui.runtime.session import Session
from tests.gui.keys import press, type_text
from tests.gui.test_team_desk_app import team_workspace
from tests.servers.postgres import Postgres
from tests.unit.test_cli_support import call


class GuiThreadStatements:
    """Each statement sent on the GUI thread while `watching`, with the lines of statusdesk
    that sent it."""

    def __init__(self) -> None:
        self.watching = False
        self.sent: list[tuple[str, list[str]]] = []

    def report(self) -> str:
        return "\n".join(f"{q}  <- {' < '.join(reversed(w))}" for q, w in self.sent)

    def seen(self, query: object) -> None:
        if self.watching and threading.current_thread() is threading.main_thread():
            ours = [
                f"{frame.filename.split('statusdesk/', 1)[-1]}:{frame.lineno} {frame.name}"
                for frame in traceback.extract_stack()
                if "/statusdesk/" in frame.filename and "/tests/" not in frame.filename
            ]
            self.sent.append((str(query)[:80], ours[-6:]))


def focused_away_from(window: MainWindow) -> bool:
    """Whether the keyboard is in another window or in a popup over `window`."""
    widget, popup = QApplication.focusWidget(), window.popups.current
    popup_up = popup is not None and popup.isVisible()
    return widget is not None and (widget.window() is not window or popup_up)


def server_rows(url: str, sql: str, watch: GuiThreadStatements) -> list[tuple[Any, ...]]:
    """Rows read by the test itself, on a connection of its own (not watched)."""
    import psycopg

    watching, watch.watching = watch.watching, False
    try:
        with psycopg.connect(url) as connection:
            return list(connection.execute(sql).fetchall())
    finally:
        watch.watching = watching


def drafts_kept(url: str, watch: GuiThreadStatements) -> list[tuple[Any, ...]]:
    return server_rows(url, "SELECT target FROM draft", watch)


def updates_kept(url: str, watch: GuiThreadStatements) -> list[tuple[Any, ...]]:
    return server_rows(url, "SELECT id FROM update", watch)


@pytest.fixture
def gui_thread_statements(monkeypatch: pytest.MonkeyPatch) -> Iterator[GuiThreadStatements]:
    import psycopg

    watch = GuiThreadStatements()
    execute = psycopg.Cursor.execute

    def watched(cursor: Any, query: Any, *args: Any, **kwargs: Any) -> Any:
        watch.seen(query)
        return execute(cursor, query, *args, **kwargs)

    monkeypatch.setattr(psycopg.Cursor, "execute", watched)
    yield watch


@contextlib.contextmanager
def team_window(
    qtbot: Any, home: Path, url: str, watch: GuiThreadStatements
) -> Iterator[MainWindow]:
    """The desk on the team's workspace as the launcher opens it — the first read and the pool
    made off the GUI thread (prefetch.py) — watched from the moment the GUI thread takes over."""
    first: list[Any] = []
    reader = threading.Thread(target=lambda: first.append(first_read(home, None, url)))
    reader.start()
    reader.join()
    watch.watching = True
    session = Session(home, checked=True, db=url, records=first[0].records)
    window = MainWindow(session, first=first[0])
    try:
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: window.model.rowCount() == 1)
        window.activateWindow()
        window.browser.list.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is window.browser.list)
        yield window
    finally:
        watch.watching = False
        window.ask_before_discarding = False
        window.close()
        session.close()
        window.deleteLater()


def test_the_window_reads_and_writes_the_team_s_records_off_the_gui_thread(
    qtbot,  # type: ignore[no-untyped-def]
    postgres_server: Postgres,
    home: Path,
    capsys: pytest.CaptureFixture[str],
    gui_thread_statements: GuiThreadStatements,
) -> None:
    url = team_workspace(postgres_server, home, capsys)
    with team_window(qtbot, home, url, gui_thread_statements) as window:
        # Typing in the composer: the draft is kept as it is typed.
        window.composer.body_en.setFocus()
        qtbot.keyClicks(window.composer.body_en, "Still looking.")
        qtbot.waitUntil(lambda: bool(drafts_kept(url, gui_thread_statements)))
        window.browser.list.setFocus()
        qtbot.keyClick(window.browser.list, Qt.Key.Key_Down)
        qtbot.waitUntil(lambda: not window.browser._refresher._running)
        # Publishing an update with the keys, and the deliveries followed to the end.
        window.complete(painted=True)
        press(key_for("new-update"))
        type_text("Payments work again.")
        press(key_for("switch-language"))
        type_text("عادت المدفوعات للعمل.")
        press(key_for("publish"))
        qtbot.waitUntil(lambda: len(updates_kept(url, gui_thread_statements)) == 2)
        qtbot.waitUntil(lambda: not window.session.tasks.busy)
        # Every window a key opens, each closed again.
        # Keys that write a setting or rebuild the page, without a window of their own.
        for command in ("toggle-preview-column", "toggle-preview-column", "rebuild-status-page"):
            press(key_for(command))
            qtbot.waitUntil(lambda: not window.session.tasks.busy)
        # A setting saved in its window: the digits then in force are read with the save.
        press(key_for("settings"))
        settings = window.windows.settings_window
        qtbot.waitUntil(lambda: settings.isVisible() and bool(settings._loaded))
        digits = settings.controls[registry.DIGITS]
        assert isinstance(digits, QComboBox)
        digits.setCurrentIndex(digits.findData("arab"))
        settings.save_button.click()
        qtbot.waitUntil(lambda: not settings.isVisible())
        assert server_rows(url, "SELECT value FROM setting", gui_thread_statements) == [("arab",)]
        windows = ("settings", "channels", "subscribers", "palette", "export", "keys", "templates")
        for command in windows:
            press(key_for(command))
            qtbot.waitUntil(lambda: focused_away_from(window))
            qtbot.waitUntil(lambda: not window.session.tasks.busy)
            press("Escape")
            qtbot.waitUntil(lambda: not focused_away_from(window))
    assert gui_thread_statements.sent == [], gui_thread_statements.report()


def test_review_in_the_window_reads_and_writes_off_the_gui_thread(
    qtbot,  # type: ignore[no-untyped-def]
    postgres_server: Postgres,
    home: Path,
    capsys: pytest.CaptureFixture[str],
    gui_thread_statements: GuiThreadStatements,
) -> None:
    url = team_workspace(postgres_server, home, capsys)
    db = ("--home", str(home), "--db", url)
    assert call(capsys, *db, "setting", "set", "review.required", "on").code == 0
    submitted = call(
        capsys, *db, "incident", "update", "1", "--state", "monitoring", "--en", "Fixed.",
        "--ar", "أُصلح.",
        "--author", "nadia",
    )  # fmt: skip
    assert submitted.lines[0] == "1 in_review", submitted.stderr
    with team_window(qtbot, home, url, gui_thread_statements) as window:
        window.complete(painted=True)
        press(key_for("new-update"))
        type_text("Still looking.")
        press(key_for("switch-language"))
        type_text("ما زلنا نبحث.")
        press(key_for("publish"))  # submitted, not published
        qtbot.waitUntil(lambda: "in_review" in window.statusBar().currentMessage())
        press("Ctrl+Shift+W")
        review = window.windows.review.window
        qtbot.waitUntil(lambda: review.isVisible() and review.list.count() == 2)
        review.list.setCurrentRow(0)
        qtbot.waitUntil(lambda: review.english.text() == "Fixed.")
        press("Ctrl+Shift+A")  # nadia's, approved and published from this desk
        qtbot.waitUntil(lambda: len(updates_kept(url, gui_thread_statements)) == 2)
        qtbot.waitUntil(lambda: review.list.count() == 1)
        press("Ctrl+Shift+M")  # this desk's own, returned with a comment
        comment = window.windows.review.comment
        qtbot.waitUntil(lambda: comment is not None and comment.isVisible())
        type_text("Withdrawn.")
        press("Return")
        qtbot.waitUntil(lambda: review.list.count() == 0)
        qtbot.waitUntil(lambda: not window.session.tasks.busy)
    assert gui_thread_statements.sent == [], gui_thread_statements.report()
