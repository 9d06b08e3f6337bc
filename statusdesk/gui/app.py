"""`run(home)`: the GUI's entry point (`statusdesk` with no subcommand calls it).

Creates the QApplication, opens the workspace, shows the main window and returns the exit code.
A workspace that cannot be used (read-only, locked, damaged, from a newer version) is an
environment fault, not a bug: a message box says what and how to fix it, and the exit code is
non-zero. Nothing is written before the workspace has opened cleanly.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import traceback
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from statusdesk.gui import startup_probe
from statusdesk.gui.prefetch import WorkspacePrefetch
from statusdesk.gui.shell import AppShell

if TYPE_CHECKING:
    from statusdesk.gui.collector import GuiThreadCollector
    from statusdesk.gui.session import Session

log = logging.getLogger(__name__)

EXIT_WORKSPACE = 1  # the workspace cannot be opened; the message box said why


def application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("statusdesk")
    app.setDesktopFileName("io.github.statusdesk.StatusDesk")  # the .desktop file (Wayland)
    # The chrome follows the user's locale (mirrored for Arabic); the editors and the texts of
    # each language pin their own direction (editors.py), so neither depends on this.
    app.setLayoutDirection(QLocale.system().textDirection())
    icon = icon_path()
    if icon is not None:
        app.setWindowIcon(QIcon(str(icon)))
    return app


def icon_path() -> Path | None:
    """The app icon from the installed package, or from the source tree when run from it."""
    candidates = []
    with contextlib.suppress(ModuleNotFoundError):  # not installed: run from the source tree
        candidates.append(Path(str(resources.files("statusdesk.resources"))) / "icons")
    candidates.append(Path(__file__).resolve().parents[2] / "resources" / "icons")
    for folder in candidates:
        path = folder / "statusdesk.svg"
        if path.is_file():
            return path
    return None


def show_message(title: str, text: str, parent: QWidget | None = None) -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("fatal-message")
    # No window manager gives a new window focus: it must take it (DESIGN §8).
    QTimer.singleShot(0, box.raise_)
    QTimer.singleShot(0, box.activateWindow)
    box.exec()


def _log_to_workspace(logs: Path) -> None:
    try:
        handler = logging.FileHandler(logs / "statusdesk.log", encoding="utf-8")
    except OSError:
        return  # logging is a help, not a condition for working
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def _report_bug(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    """A bug in a slot: log it with its traceback and say so, instead of dying silently."""
    log.error("unexpected error", exc_info=(kind, value, tb))
    traceback.print_exception(kind, value, tb)
    show_message(
        "statusdesk — internal error",
        f"Something went wrong inside statusdesk ({kind.__name__}: {value}).\n\n"
        "Your drafts are still in the window. The details are in the workspace's "
        "logs/statusdesk.log; please report them.",
    )


def run(home: str | None, opening: WorkspacePrefetch | None = None) -> int:
    app = application()
    shell = AppShell()
    startup_probe.install(shell)
    # The window is on screen first; the desk is built into it once it has been painted
    # (shell.py says why).
    shell.show()
    shell.raise_()
    shell.activateWindow()
    launch = _Launch(app, shell, opening or WorkspacePrefetch(home))
    shell.after_first_paint(launch.build)
    try:
        return app.exec()
    finally:
        launch.close()


class _Launch:
    """Builds the desk into the shown window: waits for the workspace the prefetch opened,
    then loads the desk's modules and builds it. A workspace that cannot be used ends the app
    with EXIT_WORKSPACE after a message saying why."""

    def __init__(self, app: QApplication, shell: AppShell, opening: WorkspacePrefetch) -> None:
        self.app = app
        self.shell = shell
        self.opening = opening
        self.session: Session | None = None
        self.collector: GuiThreadCollector | None = None
        self.previous_hook = sys.excepthook

    def build(self) -> None:
        from statusdesk.gui.session import Session
        from statusdesk.store import WorkspaceError

        try:
            opened = self.opening.result()
            self.session = Session(opened.home, checked=True)
        except WorkspaceError as error:
            show_message("statusdesk — cannot open the workspace", str(error), self.shell)
            self.app.exit(EXIT_WORKSPACE)
            return
        from statusdesk.gui import focus_style
        from statusdesk.gui.collector import GuiThreadCollector
        from statusdesk.gui.main_window import MainWindow

        # The keyboard focus shows on editors and lists too. Here, after the first paint, not
        # in application(): loading Qt's style classes first delays the window by some 30 ms.
        focus_style.install(self.app)

        _log_to_workspace(self.session.desk.paths.logs)
        sys.excepthook = _report_bug
        self.collector = GuiThreadCollector(self.app)
        try:
            desk = MainWindow(self.session, summaries=opened.summaries, drafts=opened.drafts)
        except Exception as bug:  # say so and end, rather than leave "opening…" up for good
            _report_bug(type(bug), bug, bug.__traceback__)
            self.app.exit(EXIT_WORKSPACE)
            return
        startup_probe.install_ready(desk)
        self.shell.take(desk)

    def close(self) -> None:
        sys.excepthook = self.previous_hook
        if self.session is not None:
            self.session.close()
        if self.collector is not None:
            self.collector.stop()
