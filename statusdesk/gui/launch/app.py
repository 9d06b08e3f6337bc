"""`run(home)`: the GUI's entry point (`statusdesk` with no subcommand calls it).

Creates the QApplication, opens the workspace, shows the main window and returns the exit code.
A workspace that cannot be used (read-only, locked, damaged, from a newer version) is an
environment fault, not a bug: a message box says what and how to fix it, and the exit code is
non-zero. Nothing is written to the workspace before it has opened cleanly.

One app per workspace (single_instance.py): a launch on a workspace already open hands its
arguments to the app that has it, which comes to the front, and exits 0 before it has shown
anything. The log is the platform's (statusdesk/logs.py); an uncaught error writes a crash
report and says so in a dialog (crashes.py).
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from statusdesk.gui.desk.shell import AppShell, when_painted
from statusdesk.gui.i18n import language
from statusdesk.gui.launch.prefetch import WorkspacePrefetch
from statusdesk.gui.launch.single_instance import Handover, SingleInstance
from statusdesk.gui.runtime import startup_probe
from statusdesk.gui.runtime.tasks import Aside
from statusdesk.workspace import resolve_home

if TYPE_CHECKING:
    from statusdesk.gui.desk.main_window import MainWindow
    from statusdesk.gui.runtime.collector import GuiThreadCollector
    from statusdesk.gui.runtime.crashes import CrashReporter
    from statusdesk.gui.runtime.early_check import EarlyCheck
    from statusdesk.gui.runtime.session import Session
    from statusdesk.logs import LogSession

log = logging.getLogger(__name__)

EXIT_WORKSPACE = 1  # the workspace cannot be opened; the message box said why


def application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("statusdesk")
    app.setDesktopFileName("io.github.statusdesk.StatusDesk")  # the .desktop file (Wayland)
    # The chrome's language and direction (mirrored for Arabic) are set by run(), from
    # --ui-language, ui.language or the system's locale (gui/i18n/language.py); the editors and
    # the texts of each language pin their own direction (editors.py), so neither depends on it.
    app.setWindowIcon(app_icon())
    return app


def app_icon() -> QIcon:
    """The app icon, from the PNGs packaging/render-icons.py made of statusdesk.svg at the
    freedesktop sizes: the SVG itself would load QtSvg and its icon plugin, some 0.7 MB held
    for the life of the app only to draw the same picture (issue #16). The SVG when there are
    no PNGs; no icon when there is neither."""
    folder = icons_folder()
    if folder is None:
        return QIcon()
    pngs = sorted((folder / "hicolor").glob("*x*/apps/*.png"))
    if not pngs:
        svg = folder / "statusdesk.svg"
        return QIcon(str(svg)) if svg.is_file() else QIcon()
    icon = QIcon()
    for png in pngs:
        icon.addFile(str(png))
    return icon


def icons_folder() -> Path | None:
    """The icons from the installed package, or from the source tree when run from it."""
    candidates = []
    with contextlib.suppress(ModuleNotFoundError):  # not installed: run from the source tree
        candidates.append(Path(str(resources.files("statusdesk.resources"))) / "icons")
    candidates.append(Path(__file__).resolve().parents[2] / "resources" / "icons")
    for folder in candidates:
        if (folder / "statusdesk.svg").is_file():
            return folder
    return None


def show_message(title: str, text: str, parent: QWidget | None = None) -> None:
    from PySide6.QtCore import Qt  # here: its first use costs start-up some 15 ms (issue #16)

    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # it may quote a server's words: never markup
    box.setObjectName("fatal-message")
    # No window manager gives a new window focus: it must take it (ARCHITECTURE §8).
    QTimer.singleShot(0, box.raise_)
    QTimer.singleShot(0, box.activateWindow)
    box.exec()


def _log_versions() -> None:
    from statusdesk.crash import versions
    from statusdesk.gui.runtime.crashes import qt_versions

    log.info("running %s", ", ".join(f"{k} {v}" for k, v in versions(qt_versions()).items()))


def _another_launch(shell: AppShell, message: dict[str, Any]) -> None:
    """A later launch on this workspace handed over (single_instance.py)."""
    token = message.get("activation_token")
    if isinstance(token, str) and token:
        # Qt's Wayland plugin raises a window with the token it finds here (and clears it).
        os.environ["XDG_ACTIVATION_TOKEN"] = token
    log.info(
        "another launch asked for this workspace (arguments %s, from %s)",
        message.get("argv"),
        message.get("cwd"),
    )
    shell.answer_another_launch()


def _hand_over(instance: SingleInstance, argv: Sequence[str]) -> int | None:
    """Give the launch to the app that has the workspace: its exit code, or None when that app
    ended meanwhile and this launch holds the workspace now."""
    outcome = instance.hand_over(argv)
    if outcome is Handover.FIRST_NOW:
        return None
    if outcome is Handover.HANDED_OVER:
        print(
            f"statusdesk: {instance.workspace} is open already; its window was brought forward.",
            file=sys.stderr,
        )
        return 0
    holder = instance.holder()
    print(
        f"statusdesk: {instance.workspace} is open in another statusdesk"
        f"{f' (process {holder})' if holder else ''}, which does not answer. Close it (or end "
        "that process) and start again.",
        file=sys.stderr,
    )
    return EXIT_WORKSPACE


def run(
    home: str | None,
    opening: WorkspacePrefetch | None = None,
    argv: Sequence[str] | None = None,
    *,
    ui_language: str | None = None,
    early: EarlyCheck | None = None,
    db: str | None = None,
) -> int:
    """`ui_language`: the command line's --ui-language (ar, en, system), over ui.language.
    `early`: the workspace's integrity check, started before Qt was loaded (__main__).
    `db`: the workspace's records on PostgreSQL (a team desk, issue #17)."""
    # Before anything that shows: a launch on a workspace open already only hands over.
    instance = SingleInstance(resolve_home(home))
    if not instance.claim():
        code = _hand_over(instance, sys.argv[1:] if argv is None else argv)
        if code is not None:
            return code
    launch: _Launch | None = None
    spoken: language.Installed | None = None
    try:
        app = application()
        # Before the first widget: its texts are translated when it is built.
        spoken = language.install(app, language.choose(ui_language, instance.workspace))
        shell = AppShell()
        startup_probe.install(shell)
        # The window is on screen first; the desk is built into it once it has been painted
        # (shell.py says why).
        shell.show()
        shell.raise_()
        shell.activateWindow()
        launch = _Launch(app, shell, opening or WorkspacePrefetch(home, early, db), instance, db)
        shell.after_first_paint(launch.build)
        return app.exec()
    finally:
        if launch is not None:
            launch.close()
        instance.close()
        if spoken is not None:  # the QApplication outlives run() in tests
            spoken.remove(app)


class _Launch:
    """Builds the desk into the shown window: waits for the workspace the prefetch opened,
    then loads the desk's modules and builds it. A workspace that cannot be used ends the app
    with EXIT_WORKSPACE after a message saying why."""

    def __init__(
        self,
        app: QApplication,
        shell: AppShell,
        opening: WorkspacePrefetch,
        instance: SingleInstance,
        db: str | None = None,
    ) -> None:
        self.app = app
        self.db = db
        self.shell = shell
        self.opening = opening
        self.instance = instance
        self.session: Session | None = None
        self.collector: GuiThreadCollector | None = None
        self.logs: LogSession | None = None
        self.reporter: CrashReporter | None = None
        self.versions: Aside[None] | None = None

    def build(self) -> None:
        from statusdesk.gui.runtime.crashes import CrashReporter
        from statusdesk.logs import start

        # First, so that whatever goes wrong from here on is in the log and reported.
        self.logs = start(self.instance.workspace)
        if self.instance.unguarded is not None:
            log.warning("another launch may open this workspace too: %s", self.instance.unguarded)
        self.reporter = CrashReporter(lambda: self.shell, self.logs, self.instance.workspace)
        self.reporter.install()
        try:
            self._build()
        except Exception as bug:  # say so and end, rather than leave "opening…" up for good
            self.reporter.report((type(bug), bug, bug.__traceback__), fatal=True)
            self.app.exit(EXIT_WORKSPACE)

    def _build(self) -> None:
        # The desk's modules first: they load while the prefetch's thread is still inside SQLite
        # (the integrity check, the list's query), which lets go of the GIL — the two overlap
        # instead of following each other (issue #16).
        from statusdesk.gui.desk.main_window import MainWindow
        from statusdesk.gui.i18n import localised
        from statusdesk.gui.runtime.collector import GuiThreadCollector
        from statusdesk.gui.runtime.session import Session
        from statusdesk.gui.widgets import focus_style
        from statusdesk.store import WorkspaceError

        try:
            opened = self.opening.result()
            # A team desk's pool was made by the prefetch, off this thread (app/startup.py).
            self.session = Session(opened.home, checked=True, db=self.db, records=opened.records)
        except WorkspaceError as error:
            log.warning("cannot open the workspace: %s", error)
            show_message(
                QCoreApplication.translate("Launch", "statusdesk — cannot open the workspace"),
                localised(error),  # the store's words, in the interface's language
                self.shell,
            )
            self.app.exit(EXIT_WORKSPACE)
            return
        # The keyboard focus shows on editors and lists too. Here, after the first paint, not
        # in application(): loading Qt's style classes first delays the window by some 30 ms.
        focus_style.install(self.app)

        self.collector = GuiThreadCollector(self.app)
        # The list, the page, the composer and the keys; the rest once they are painted
        # (_settle), or when a key asks for it first (main_window.py, issue #16).
        desk = MainWindow(self.session, first=opened, staged=True)
        startup_probe.install_ready(desk)
        self.shell.take(desk)
        # What can wait until the desk is on screen: the desk's other parts, QtNetwork and the
        # package metadata.
        when_painted(desk, lambda: self._settle(desk))

    def _settle(self, desk: MainWindow) -> None:
        desk.complete(painted=True)
        server = self.instance.listen()
        if server is not None:
            server.asked.connect(lambda message: _another_launch(self.shell, message))
        # The package metadata takes some 30 ms to load: not on the thread that takes keys.
        self.versions = Aside(_log_versions, "log-versions")

    def close(self) -> None:
        if self.reporter is not None:
            self.reporter.uninstall()
        if self.session is not None:
            self.session.close()
        if self.collector is not None:
            self.collector.stop()
        if self.versions is not None:
            self.versions.wait(timeout=5)  # its line, then the last one: not into closed files
        if self.logs is not None:
            log.info("statusdesk ends")
            self.logs.close()
