"""The app at 200 %, measured: run by test_accessibility.py in a process of its own, with
QT_SCALE_FACTOR=2 on an offscreen 1920×1080 screen (960×540 to lay out in).

    python -m tests.gui.scale_probe WORKSPACE

Starts the app as `statusdesk --home WORKSPACE` does (statusdesk.gui.launch.app.run: the window
shown, then the desk built into it), opens every window reachable by key and closes it with Esc, and
prints one line of JSON: the screen's free area, the app's style, and each window's size,
geometry and minimum size (logical pixels, which is what the 960×540 is in).
"""

from __future__ import annotations

import json
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QSize, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from tests.gui.keys import press

if TYPE_CHECKING:
    from statusdesk.gui.desk.shell import AppShell

# The windows that open by a key alone. The schedule picker and the disagreement popup need a
# draft first, and are small (about 560×200 and 520×130).
POPUPS = ("cheat-sheet", "palette", "channels", "subscribers", "keys", "templates", "export")


def wait(until: Callable[[], bool], timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while not until():
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out waiting for {until}")
        QApplication.processEvents()
        time.sleep(0.01)


def rect(r: QRect) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]


def size(s: QSize) -> list[int]:
    return [s.width(), s.height()]


def measured(window: QWidget) -> dict[str, list[int]]:
    return {
        "size": size(window.size()),
        "geometry": rect(window.frameGeometry()),
        "minimum": size(window.minimumSizeHint().expandedTo(window.minimumSize())),
    }


class Probe:
    """Measures the running app from inside its event loop, then quits it."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.report: dict[str, object] = {}

    def opening(self) -> None:
        """The first turn of the loop: the window is up, the desk not built into it yet."""
        from statusdesk.gui.desk.shell import AppShell

        shell = next(w for w in self.app.topLevelWidgets() if isinstance(w, AppShell))
        self.report["screen"] = rect(self.app.primaryScreen().availableGeometry())
        self.report["opening"] = measured(shell)
        QTimer.singleShot(0, lambda: self.measure(shell))

    def measure(self, shell: AppShell) -> None:
        try:
            self.desk(shell)
        except BaseException:  # a slot's exception would only be printed: fail the process
            traceback.print_exc()
            self.app.exit(3)

    def desk(self, shell: AppShell) -> None:
        from statusdesk.gui.keys.bindings import key_for

        wait(lambda: shell.desk_window is not None)
        desk = shell.desk_window
        assert desk is not None
        tasks = desk.session.tasks
        wait(lambda: shell.isActiveWindow() and not tasks.busy)
        self.report["style"] = type(self.app.style()).__name__
        self.report["desk"] = measured(shell)
        for command in POPUPS:
            press(key_for(command))

            def popped() -> bool:
                return QApplication.activeWindow() not in (None, shell) and not tasks.busy

            wait(popped)
            popup = QApplication.activeWindow()
            assert popup is not None
            self.report[command] = measured(popup)
            press("Escape")
            wait(lambda: QApplication.activeWindow() is shell)
        print(json.dumps(self.report))
        desk.ask_before_discarding = False
        self.app.quit()


def main(home: Path) -> None:
    """Start the app as `statusdesk --home HOME` does, measured from inside its event loop."""
    from statusdesk.gui.launch.app import application, run

    probe = Probe(application())
    QTimer.singleShot(0, probe.opening)  # queued before run() shows anything: its first turn
    code = run(str(home))
    sys.exit(code)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
