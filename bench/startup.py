"""Process start to main window shown (offscreen), against a bare PySide6 window in the same run.

    python bench/startup.py [--runs 7]

Scenarios: a bare QMainWindow (the floor), the same window holding the desk's kinds of widgets
built with PySide6 alone (bench/floors.py: what any PySide6 desk pays), the bare window having
first imported the desk's modules (the floor under "ready": nothing built, nothing read),
statusdesk on an empty workspace, and statusdesk on a workspace of 1,000 incidents and 20,000
updates. The app is started the way a user starts it (`python -m statusdesk --home DIR`);
STATUSDESK_EXIT_AFTER_SHOW=1 makes it quit once its desk is built and painted, and print when
two moments came after launch (STATUSDESK_STARTUP_T0):

- shown: the first paint of the app's window (statusdesk shows its window, saying the workspace
  is opening, before it builds the desk into it — statusdesk/gui/desk/shell.py);
- ready: the first paint of the desk (list, incident page, composer; keys live).

The bare window notes its first paint the same way. Goals: the large workspace's window shown
within 1.5x the bare window's (issue #2), and its desk ready within 1.5x the bare window's first
paint (issue #16). Each figure is the median of `--runs` runs, interleaved; each process's
whole run (start to exit) is printed beside them.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.floors import DESK_WIDGETS_NAME, with_desk_widgets
from bench.seed import seed

BARE = """
import os, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not hasattr(self, "at"):
            self.at = time.time()
            QTimer.singleShot(0, app.quit)
        return False

app = QApplication([])
window = QMainWindow()
window.setWindowTitle("bare")
window.resize(1200, 800)
probe = FirstPaint(window)
window.installEventFilter(probe)
window.show()
app.exec()
since = float(os.environ["STATUSDESK_STARTUP_T0"])
print(f"bare: main window shown after {(probe.at - since) * 1000:.0f} ms", file=sys.stderr)
"""

# The bare window, having first imported the modules the desk's first frame is made of: the
# launcher and the desk (list, incident page, composer, keys) with what they import, nothing
# built and nothing read. No desk can be ready sooner than this in this design: it is the floor
# under "ready", and how far it is above the bare window is what Python's imports cost.
IMPORTS_ONLY = BARE.replace(
    "app = QApplication([])",
    "from statusdesk.gui.runtime.pyside_imports import read_sources_lightly\n"
    "read_sources_lightly()\n"
    "import statusdesk.gui.launch.app, statusdesk.gui.desk.main_window\napp = QApplication([])",
)
assert IMPORTS_ONLY != BARE

MOMENT = re.compile(r"(shown|ready) after (\d+) ms")
IMPORTS = "bare window, desk's modules imported first"


class Run:
    def __init__(self, whole: float, moments: dict[str, float]) -> None:
        self.whole = whole
        self.shown = moments["shown"]
        self.ready = moments.get("ready", moments["shown"])


def timed(command: list[str], env: dict[str, str]) -> Run:
    start = time.time()
    done = subprocess.run(
        command,
        env=env | {"STATUSDESK_STARTUP_T0": repr(start)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    whole = time.time() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}")
    moments = {name: float(ms) / 1000 for name, ms in MOMENT.findall(done.stderr)}
    if "shown" not in moments:
        raise SystemExit(
            f"{' '.join(command)} did not say when its window was shown:\n{done.stderr}"
        )
    return Run(whole, moments)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        # An installed statusdesk has its bytecode compiled (pip does it at install time), as
        # PySide6 has; a shell with PYTHONDONTWRITEBYTECODE would otherwise make every run
        # recompile statusdesk from source and measure the compiler, not the start-up.
        env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
        env |= {
            "QT_QPA_PLATFORM": "offscreen",
            "STATUSDESK_EXIT_AFTER_SHOW": "1",
            "PYTHONPYCACHEPREFIX": str(Path(tmp) / "pycache"),
        }
        empty = Path(tmp) / "empty"
        large = Path(tmp) / "large"
        seed(large, incidents=1000, updates=20000)
        scenarios = {
            "bare PySide6 window": [sys.executable, "-c", BARE],
            DESK_WIDGETS_NAME: [sys.executable, "-c", with_desk_widgets(BARE)],
            IMPORTS: [sys.executable, "-c", IMPORTS_ONLY],
            "statusdesk, empty workspace": [
                sys.executable,
                "-m",
                "statusdesk",
                "--home",
                str(empty),
            ],
            "statusdesk, 1,000 incidents / 20,000 updates": [
                sys.executable,
                "-m",
                "statusdesk",
                "--home",
                str(large),
            ],
        }
        # One warm-up each (creates the empty workspace, warms the page cache), then interleave
        # the runs so that machine noise falls on every scenario alike.
        for command in scenarios.values():
            timed(command, env)
        samples: dict[str, list[Run]] = {name: [] for name in scenarios}
        for _ in range(args.runs):
            for name, command in scenarios.items():
                samples[name].append(timed(command, env))

    def median(name: str, figure: str) -> float:
        return statistics.median(getattr(run, figure) for run in samples[name])

    floor = median("bare PySide6 window", "shown")
    print(
        f"{'scenario (medians, ms)':46} {'shown':>7} {'x bare':>7} {'ready':>7} {'x bare':>7} "
        f"{'whole run':>10}"
    )
    for name in samples:
        shown, ready = median(name, "shown"), median(name, "ready")
        print(
            f"{name:46} {shown * 1000:7.0f} {shown / floor:7.2f} {ready * 1000:7.0f} "
            f"{ready / floor:7.2f} {median(name, 'whole') * 1000:10.0f}"
        )
    large = "statusdesk, 1,000 incidents / 20,000 updates"
    for moment, what, issue in (("shown", "window shown", 2), ("ready", "desk ready", 16)):
        ratio = median(large, moment) / floor
        print(
            f"{'' if issue == 16 else chr(10)}goal (issue #{issue}): large workspace's {what} "
            f"within 1.50x the bare window's first paint -> {ratio:.2f}x "
            f"({'met' if ratio <= 1.5 else 'NOT met'})"
        )
    imports = median(IMPORTS, "shown") / floor
    widgets = median(DESK_WIDGETS_NAME, "shown") / floor
    print(
        f"floors under 'ready': the desk's kinds of widgets shown by PySide6 alone take "
        f"{widgets:.2f}x (leaving {1.5 - widgets:.2f}x of the goal to all of statusdesk's code); "
        f"importing the desk's modules alone takes {imports:.2f}x; 'ready' is "
        f"{median(large, 'ready') / median(IMPORTS, 'shown'):.2f}x that"
    )
    print(f"{args.runs} runs each, interleaved, offscreen; medians")


if __name__ == "__main__":
    main()
