"""`STATUSDESK_EXIT_AFTER_SHOW=1`: quit as soon as the main window has been shown and painted.

Used by bench/startup.py to time process start to a usable window, and by packaging smoke tests
to prove a bundle starts. Prints one line so a caller can tell a real start from a crash.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

ENV = "STATUSDESK_EXIT_AFTER_SHOW"


class _FirstPaint(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._done and event.type() == QEvent.Type.Paint:
            self._done = True
            # Let the paint finish, then leave through the normal exit path.
            QTimer.singleShot(0, self._quit)
        return False

    def _quit(self) -> None:
        print(
            f"statusdesk: main window shown after {time.process_time():.3f}s cpu", file=sys.stderr
        )
        app = QApplication.instance()
        if app is not None:
            app.quit()


def install(window: QWidget) -> None:
    """Arm the probe on `window` when the environment asks for it; otherwise do nothing."""
    if os.environ.get(ENV) != "1":
        return
    window.installEventFilter(_FirstPaint(window))
