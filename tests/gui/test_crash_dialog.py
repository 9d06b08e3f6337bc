"""Uncaught errors: the crash dialog (what happened, drafts kept, the log's and the report's
paths, Copy report), the hooks that raise it from the GUI thread and from worker threads, and
no secret set through `channel secret` in the log, the report or the clipboard."""

from __future__ import annotations

import io
import logging
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow

from statusdesk import logs, redact
from statusdesk.crash import Crash
from statusdesk.desk import Desk
from statusdesk.gui.runtime.crash_dialog import DRAFTS_KEPT, CrashDialog
from statusdesk.gui.runtime.crashes import CrashReporter
from tests.gui.keys import press
from tests.memkeyring import memory_keyring

__all__ = ["memory_keyring"]  # a fixture, used by name

SECRET = "whsec-Zq81/+=كلمة-sign"


@pytest.fixture
def window(qtbot) -> QMainWindow:  # type: ignore[no-untyped-def]
    main = QMainWindow()
    main.setWindowTitle("statusdesk — test")
    main.setCentralWidget(QLineEdit())  # a draft's editor, say
    qtbot.addWidget(main)
    with qtbot.waitActive(main):
        main.show()
        main.activateWindow()
    main.centralWidget().setFocus()
    return main


@pytest.fixture
def log_session(tmp_path: Path) -> Iterator[logs.LogSession]:
    session = logs.start(tmp_path / "workspace", folder=tmp_path / "log")
    yield session
    session.close()


@pytest.fixture
def reporter(window: QMainWindow, log_session: logs.LogSession) -> Iterator[CrashReporter]:
    made = CrashReporter(lambda: window, log_session, Path("/srv/workspace"))
    yield made
    made.uninstall()
    if made.dialog is not None:
        made.dialog.close()


def a_crash(tmp_path: Path) -> Crash:
    return Crash(
        summary="KeyError: 'incident 7'",
        text="statusdesk crash report\nerror: KeyError: 'incident 7'\n",
        report=tmp_path / "crash" / "crash-20250301T123005Z-42.txt",
        log=tmp_path / "statusdesk.log",
    )


def raise_in(error: BaseException) -> tuple[type[BaseException], BaseException, object]:
    try:
        raise error
    except BaseException as caught:
        return (type(caught), caught, caught.__traceback__)


def test_the_dialog_says_what_happened_where_the_files_are_and_copies_the_report(
    qtbot, window: QMainWindow, tmp_path: Path
) -> None:
    crash = a_crash(tmp_path)
    dialog = CrashDialog(crash, parent=window)
    qtbot.addWidget(dialog)
    dialog.open()
    # It takes the keyboard itself (ARCHITECTURE §8), on "Copy report".
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.copy_button)
    assert "KeyError: 'incident 7'" in dialog.what.text()
    assert DRAFTS_KEPT in [label.text() for label in dialog.findChildren(type(dialog.what))]
    assert str(crash.log) in dialog.log_line.text()
    assert str(crash.report) in dialog.report_line.text()
    QApplication.clipboard().setText("something else")
    press("Space")  # the focused button
    assert QApplication.clipboard().text() == crash.text
    assert "clipboard" in dialog.copied.text()
    press("Escape")
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.centralWidget())


def test_an_error_in_a_slot_is_logged_reported_and_shown(
    qtbot, reporter: CrashReporter, log_session: logs.LogSession
) -> None:
    reporter.install(fatal_log=False)  # here: pytest-qt sets its own hook for the test's call

    def slot() -> None:
        raise ValueError("a bug in a slot")

    QTimer.singleShot(0, slot)
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    dialog = reporter.dialog
    assert dialog is not None
    [report] = list(reporter.folder.glob("crash-*.txt"))
    assert dialog.crash.report == report
    assert str(report) in dialog.report_line.text()
    assert "ValueError: a bug in a slot" in dialog.what.text()
    text = report.read_text(encoding="utf-8")
    assert "thread: MainThread" in text and "in slot" in text
    assert "workspace: /srv/workspace" in text and "PySide6: " in text and "Qt: " in text
    assert log_session.path is not None
    logged = log_session.path.read_text(encoding="utf-8")
    assert "uncaught error" in logged and f"crash report written to {report}" in logged
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.copy_button)


def test_the_same_error_again_is_logged_but_reported_and_shown_once(
    reporter: CrashReporter, log_session: logs.LogSession
) -> None:
    def fail() -> tuple[type[BaseException], BaseException, object]:
        return raise_in(RuntimeError("again"))

    for _ in range(3):
        reporter.excepthook(*fail())  # type: ignore[arg-type]
    assert len(list(reporter.folder.glob("crash-*.txt"))) == 1
    assert reporter.dialog is not None and reporter.dialog.isVisible()
    assert log_session.path is not None
    assert log_session.path.read_text(encoding="utf-8").count("the same error again") == 2


def test_an_error_in_a_worker_thread_is_shown_on_the_gui_thread(
    qtbot, reporter: CrashReporter, monkeypatch: pytest.MonkeyPatch
) -> None:
    from statusdesk.gui.runtime import crash_dialog

    made_on: list[str] = []

    class NotingDialog(CrashDialog):
        def __init__(self, *args: object, **kwargs: object) -> None:
            made_on.append(threading.current_thread().name)
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(crash_dialog, "CrashDialog", NotingDialog)
    reporter.install(fatal_log=False)  # here: pytest sets its own thread hook for the call

    def work() -> None:
        raise OSError("disk gone in a worker")

    worker = threading.Thread(target=work, name="export-worker")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    assert made_on == [threading.main_thread().name]
    [report] = list(reporter.folder.glob("crash-*.txt"))
    assert "thread: export-worker" in report.read_text(encoding="utf-8")


def test_a_report_that_cannot_be_written_is_still_shown_to_copy(
    reporter: CrashReporter, tmp_path: Path
) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the crash folder should be")
    reporter.folder = blocked / "crash"
    reporter.excepthook(*raise_in(KeyError("k")))  # type: ignore[arg-type]
    dialog = reporter.dialog
    assert dialog is not None
    assert dialog.crash.report is None
    assert "could not be saved" in dialog.report_line.text()
    dialog.copy_report()
    assert "KeyError" in QApplication.clipboard().text()


def test_no_secret_set_through_the_cli_reaches_the_log_the_report_or_the_clipboard(
    memory_keyring: object,
    home: Path,
    reporter: CrashReporter,
    log_session: logs.LogSession,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from statusdesk.cli import main

    url = "url=http://127.0.0.1:9/hook"
    assert main(["--home", str(home), "channel", "add", "webhook", "hook", "--set", url]) == 0
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SECRET.encode())))
    assert main(["--home", str(home), "channel", "secret", "hook", "signing_secret"]) == 0
    # The app is another process than the command: it knows no secret until it reads one.
    monkeypatch.setattr(redact, "_known", None)
    monkeypatch.setattr(redact, "_values", set())

    with Desk(home) as desk:  # as the webhook channel reads it to sign
        value = desk.secrets.get("hook", "signing_secret")
    assert value == SECRET
    logging.getLogger("statusdesk.channels.webhook").info("signing with %s", value)
    reporter.excepthook(*raise_in(RuntimeError(f"refused the signature made with {value}")))  # type: ignore[arg-type]
    dialog = reporter.dialog
    assert dialog is not None and dialog.crash.report is not None
    dialog.copy_report()

    needle = SECRET.encode()
    written = {p: p.read_bytes() for p in log_session.folder.rglob("*") if p.is_file()}
    assert dialog.crash.report in written and log_session.path in written
    assert [p for p, data in written.items() if needle in data] == []
    assert b"signing with [redacted]" in written[log_session.path]
    assert b"refused the signature made with [redacted]" in written[dialog.crash.report]
    assert SECRET not in QApplication.clipboard().text()
    assert "refused the signature made with [redacted]" in QApplication.clipboard().text()
    assert SECRET not in dialog.what.text()


def test_the_dialog_is_named_tabbed_and_shows_its_focus(
    qtbot, window: QMainWindow, tmp_path: Path
) -> None:
    from statusdesk.gui.widgets import focus_style
    from tests.gui.test_accessibility import check_window

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.style().name()
    focus_style.install(app)  # as the app's launch does
    try:
        dialog = CrashDialog(a_crash(tmp_path), parent=window)
        qtbot.addWidget(dialog)
        dialog.open()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.copy_button)
        check_window(dialog)
        press("Escape")
    finally:
        app.setStyle(before)


def test_a_desk_that_cannot_be_built_says_so_reports_it_and_ends(
    qapp: QApplication, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from statusdesk.gui.desk import main_window
    from statusdesk.gui.launch.app import EXIT_WORKSPACE, run
    from statusdesk.gui.runtime.crash_dialog import DRAFTS_KEPT_FATAL

    def broken(*args: object, **kwargs: object) -> None:
        raise LookupError("no such binding: ctrl+shift+q")

    monkeypatch.setattr(main_window, "MainWindow", broken)
    seen: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, CrashDialog):
            QTimer.singleShot(50, answer)
            return
        seen.extend(label.text() for label in dialog.findChildren(type(dialog.what)))
        dialog.close_button.click()

    QTimer.singleShot(50, answer)
    assert run(str(home), argv=[]) == EXIT_WORKSPACE
    assert any("LookupError: no such binding" in text for text in seen)
    assert DRAFTS_KEPT_FATAL in seen
    [report] = list(logs.crash_dir().glob("crash-*.txt"))
    assert any(str(report) in text for text in seen)
    assert "no such binding: ctrl+shift+q" in report.read_text(encoding="utf-8")
    assert not list(logs.crash_dir().glob("fatal-*.txt"))  # no hard crash: nothing kept
