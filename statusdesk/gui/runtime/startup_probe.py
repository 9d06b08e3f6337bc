"""`STATUSDESK_EXIT_AFTER_SHOW=1`: quit as soon as the desk is built, shown and painted.

Used by bench/startup.py to time the start-up, and by smoke tests to prove the app starts. Two
moments are noted: the window's first paint ("shown": the app's window on screen, still saying
the workspace is opening) and the desk's first paint ("ready": list, incident and composer
there, keys live). It prints one line with both, then quits through the normal exit path, so a
caller can tell a real start from a crash. `STATUSDESK_STARTUP_T0` (a `time.time()` taken by
the caller just before it started the process) makes the line say how long after launch each
moment came; without it, only the CPU time is given.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

ENV = "STATUSDESK_EXIT_AFTER_SHOW"
T0_ENV = "STATUSDESK_STARTUP_T0"


def armed() -> bool:
    return os.environ.get(ENV) == "1"


class _Milestones:
    def __init__(self) -> None:
        self.shown: float | None = None
        self.ready: float | None = None

    def line(self) -> str:
        start = os.environ.get(T0_ENV)
        cpu = f"{time.process_time():.3f}s cpu"
        if not start or self.shown is None or self.ready is None:
            return f"statusdesk: main window shown after {cpu}"
        since = float(start)
        return (
            f"statusdesk: main window shown after {(self.shown - since) * 1000:.0f} ms, "
            f"ready after {(self.ready - since) * 1000:.0f} ms ({cpu})"
        )


_MILESTONES = _Milestones()


class _FirstPaint(QObject):
    def __init__(self, window: QWidget, ready: bool) -> None:
        super().__init__(window)
        self._ready = ready
        self._done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._done and event.type() == QEvent.Type.Paint:
            self._done = True
            # Off the window at once: it may outlive this wrapper's Python half (a test's run()
            # returns while Qt still delivers the window's last events).
            watched.removeEventFilter(self)
            if self._ready:
                _MILESTONES.ready = time.time()
                # Let the paint finish, then leave through the normal exit path.
                QTimer.singleShot(0, self._quit)
            else:
                _MILESTONES.shown = time.time()
        return False

    def _quit(self) -> None:
        print(_MILESTONES.line(), file=sys.stderr)
        app = QApplication.instance()
        if app is not None:
            app.quit()


def install(window: QWidget) -> None:
    """Note the first paint of the app's window, when the environment asks for it."""
    if armed():
        window.installEventFilter(_FirstPaint(window, ready=False))


def install_ready(desk: QWidget) -> None:
    """Note the desk's first paint and quit after it, when the environment asks for it."""
    if armed():
        desk.installEventFilter(_FirstPaint(desk, ready=True))
