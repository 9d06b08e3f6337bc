"""Process start to main window shown (offscreen), against a bare PySide6 window in the same run.

    python bench/startup.py [--runs 7]

Scenarios: a bare QMainWindow (the floor), statusdesk on an empty workspace, and statusdesk on a
workspace of 1,000 incidents and 20,000 updates. The app is started the way a user starts it
(`python -m statusdesk --home DIR`); STATUSDESK_EXIT_AFTER_SHOW=1 makes it quit as soon as its
main window has been shown and painted once. Goal: the large workspace within 1.5x the bare
window.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.seed import seed

BARE = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.setWindowTitle("bare")
window.resize(1200, 800)
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}")
    return elapsed


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
        samples: dict[str, list[float]] = {name: [] for name in scenarios}
        for _ in range(args.runs):
            for name, command in scenarios.items():
                samples[name].append(timed(command, env))
    floor = statistics.median(samples["bare PySide6 window"])
    print(f"{'scenario':46} {'min ms':>8} {'median ms':>10} {'max ms':>8} {'x bare':>7}")
    for name, values in samples.items():
        median = statistics.median(values)
        print(
            f"{name:46} {min(values) * 1000:8.0f} {median * 1000:10.0f} "
            f"{max(values) * 1000:8.0f} {median / floor:7.2f}"
        )
    ratio = statistics.median(samples["statusdesk, 1,000 incidents / 20,000 updates"]) / floor
    print(
        f"\ngoal: large workspace within 1.50x the bare window -> {ratio:.2f}x "
        f"({'met' if ratio <= 1.5 else 'NOT met'}); {args.runs} runs each, offscreen"
    )


if __name__ == "__main__":
    main()
