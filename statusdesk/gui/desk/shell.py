"""The top-level window, up before the desk inside it is built.

Loading statusdesk's GUI modules and building the desk (list, incident page, composer, previews,
menus) takes longer than loading Qt itself. Rather than leave the user looking at nothing for
that long after they launched it, the launcher shows this window first — the app's title, its
size and a line saying the workspace is opening — and builds the desk into it once that has
been painted. The desk is a MainWindow (menus, status bar, keys) embedded as this window's
central widget, so it is the same window from the first frame to the last: no second window
appears, nothing moves, and the window manager sees one window throughout.

Until the desk is in, the title is "statusdesk (opening …)"; the desk's own title ("statusdesk —
<workspace>") replaces it, which is how a test or a screen reader can tell the desk is ready.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QWidget

from statusdesk.gui.i18n import QT_TRANSLATE_NOOP
from statusdesk.gui.widgets.geometry import SIZE, fitted_size

# English as the source text; translated where shown (gui/i18n)
OPENING_TITLE = QT_TRANSLATE_NOOP("AppShell", "statusdesk (opening the workspace…)")
# If no paint ever comes (a window that starts minimised), build the desk anyway.
BUILD_FALLBACK_MS = 500
ANOTHER_LAUNCH = QT_TRANSLATE_NOOP("AppShell", "Another launch asked for this workspace")
NOTE_MS = 10_000


class AppShell(QMainWindow):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("app-shell")
        self.setWindowTitle(self.tr(OPENING_TITLE))
        self.resize(fitted_size(*SIZE))
        waiting = QLabel(self.tr("Opening the workspace…"))
        waiting.setObjectName("opening-workspace")
        waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCentralWidget(waiting)
        self.desk_window: QMainWindow | None = None
        self._note: str | None = None  # for the desk's status bar, once it is in

    def after_first_paint(self, build: Callable[[], None]) -> None:
        """Call `build` once this window has been painted (it must be shown first)."""
        when_painted(self, build)

    def answer_another_launch(self) -> None:
        """A second launch on this workspace (single_instance.py): come to the front, with
        the keyboard — or bring up what holds it (a question, a warning) — and say why."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()
        popup = QApplication.activeModalWidget()
        if popup is not None and popup is not self:
            popup.raise_()
            popup.activateWindow()
        self.note(self.tr(ANOTHER_LAUNCH))

    def note(self, text: str) -> None:
        """A line in the desk's status bar; kept for the desk if it is not in yet."""
        if self.desk_window is None:
            self._note = text
            return
        self.desk_window.statusBar().showMessage(text, NOTE_MS)

    def take(self, desk_window: QMainWindow) -> None:
        """Embed the built desk: its title becomes this window's, and closing this window asks
        the desk first (an unpublished draft)."""
        self.desk_window = desk_window
        self.setWindowTitle(desk_window.windowTitle())
        desk_window.windowTitleChanged.connect(self.setWindowTitle)
        # Where the desk put the keyboard while it was built (the incident list, ARCHITECTURE §8);
        # reparenting does not carry that over.
        focus = desk_window.focusWidget()
        self.setCentralWidget(desk_window)  # reparents: the desk stops being a window of its own
        desk_window.show()
        if focus is not None:
            focus.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
        if self._note is not None:
            self.note(self._note)
            self._note = None

    def closeEvent(self, event: QCloseEvent) -> None:
        desk_window = self.desk_window
        # QWidget.close() on the embedded desk runs its closeEvent (the draft question) and
        # says whether it accepted.
        if desk_window is not None and desk_window.isVisible() and not desk_window.close():
            event.ignore()
            return
        super().closeEvent(event)


def when_painted(window: QWidget, build: Callable[[], None]) -> None:
    """Call `build` once `window` (any widget, shown) has been painted."""
    _OnFirstPaint(window, build)


class _OnFirstPaint(QObject):
    """Runs `build` on the next turn of the event loop after the first paint of `window`, so
    the frame is on screen before the long build starts; or after BUILD_FALLBACK_MS at most."""

    def __init__(self, window: QWidget, build: Callable[[], None]) -> None:
        super().__init__(window)
        self._window = window
        self._build: Callable[[], None] | None = build
        window.installEventFilter(self)
        QTimer.singleShot(BUILD_FALLBACK_MS, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._build is not None:
            QTimer.singleShot(0, self._run)
        return False

    def _run(self) -> None:
        build, self._build = self._build, None
        if build is None:
            return
        self._window.removeEventFilter(self)
        build()
