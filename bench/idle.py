"""What the app costs while nothing happens: resident memory and CPU, against a bare PySide6
window in the same run (issue #16).

    python bench/idle.py [--settle 30] [--window 60]
    python bench/idle.py --minutes 60      # the hour-long check: memory must not grow

Scenarios, run side by side (each process's CPU time is its own, whatever the others do): a bare
QMainWindow (the floor), the same window holding the desk's kinds of widgets built with PySide6
alone (bench/floors.py: what any PySide6 desk holds), the bare window having first imported the
desk's modules (the floor under the desk's memory), statusdesk on an empty workspace, and
statusdesk on a workspace of 1,000 incidents and 20,000 updates (bench/seed.py). Each is started
the way a user starts it (`python -m statusdesk --home DIR`, offscreen) and left alone. After
`--settle` seconds its resident set (VmRSS) is read, then its CPU time over the next `--window`
seconds, as a percentage of one core.

Goals: the large workspace's resident memory at most 1.5x the bare window's, and its idle CPU at
most 0.1 % of a core. With `--minutes N` the resident set is also sampled every minute for N
minutes, and the table says how much it grew from the first sample to the last (goal: none
beyond noise, 2 MB).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.floors import DESK_WIDGETS_NAME, with_desk_widgets
from bench.seed import seed

BARE = """
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication([])
window = QMainWindow()
window.setWindowTitle("bare")
window.resize(1200, 800)
window.show()
app.exec()
"""

# The bare window, having first imported the modules the desk's first frame is made of
# (nothing built, nothing read): the floor under the desk's memory, which is what holding
# statusdesk's code costs before any widget or row exists (bench/startup.py has its twin).
IMPORTS_ONLY = BARE.replace(
    "app = QApplication([])",
    "from statusdesk.gui.runtime.pyside_imports import read_sources_lightly\n"
    "read_sources_lightly()\n"
    "import statusdesk.gui.launch.app, statusdesk.gui.desk.main_window\napp = QApplication([])",
)
assert IMPORTS_ONLY != BARE
IMPORTS = "bare window, desk's modules imported first"
LARGE = "statusdesk, 1,000 incidents / 20,000 updates"
MEMORY_GOAL = 1.5  # x the bare window's resident set
CPU_GOAL = 0.1  # % of one core
GROWTH_GOAL_MB = 2.0


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise SystemExit(f"no VmRSS for process {pid}")


def cpu_seconds(pid: int) -> float:
    # Fields 14 and 15 of /proc/PID/stat (after the command's closing parenthesis): user and
    # system time, in clock ticks.
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@dataclass
class Sample:
    process: subprocess.Popen[bytes]
    rss: float = 0.0
    cpu_percent: float = 0.0
    minutes: list[float] = field(default_factory=list)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--settle", type=float, default=30.0, help="seconds before measuring")
    parser.add_argument("--window", type=float, default=60.0, help="seconds of CPU measured")
    parser.add_argument("--minutes", type=int, default=0, help="also sample RSS for N minutes")
    args = parser.parse_args()
    if not Path("/proc/self/stat").exists():
        raise SystemExit("bench/idle.py reads /proc: Linux only")
    with tempfile.TemporaryDirectory() as tmp:
        env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
        env |= {"QT_QPA_PLATFORM": "offscreen", "PYTHONPYCACHEPREFIX": str(Path(tmp) / "pyc")}
        empty, large = Path(tmp) / "empty", Path(tmp) / "large"
        seed(large, incidents=1000, updates=20000)
        app = [sys.executable, "-m", "statusdesk", "--home"]
        scenarios = {
            "bare PySide6 window": [sys.executable, "-c", BARE],
            DESK_WIDGETS_NAME: [sys.executable, "-c", with_desk_widgets(BARE)],
            IMPORTS: [sys.executable, "-c", IMPORTS_ONLY],
            "statusdesk, empty workspace": [*app, str(empty)],
            LARGE: [*app, str(large)],
        }
        # Bytecode compiled once, so that no scenario measures the compiler.
        subprocess.run(
            [
                sys.executable,
                "-m",
                "compileall",
                "-q",
                str(Path(__file__).parent.parent / "statusdesk"),
            ],
            env=env,
            check=False,
            capture_output=True,
        )
        samples = {
            name: Sample(
                subprocess.Popen(
                    command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
                )
            )
            for name, command in scenarios.items()
        }
        try:
            time.sleep(args.settle)
            _alive(samples)
            before = {name: cpu_seconds(s.process.pid) for name, s in samples.items()}
            for sample in samples.values():
                sample.rss = rss_mb(sample.process.pid)
            started = time.monotonic()
            time.sleep(args.window)
            _alive(samples)
            spent = time.monotonic() - started
            for name, sample in samples.items():
                used = cpu_seconds(sample.process.pid) - before[name]
                sample.cpu_percent = 100 * used / spent
                sample.minutes.append(rss_mb(sample.process.pid))
            for _ in range(args.minutes):
                time.sleep(60)
                _alive(samples)
                for sample in samples.values():
                    sample.minutes.append(rss_mb(sample.process.pid))
        finally:
            for sample in samples.values():
                sample.process.terminate()
            for sample in samples.values():
                try:
                    sample.process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    sample.process.kill()
    report(samples, args)


def _alive(samples: dict[str, Sample]) -> None:
    for name, sample in samples.items():
        if sample.process.poll() is not None:
            raise SystemExit(f"{name} ended early (exit {sample.process.returncode})")


def report(samples: dict[str, Sample], args: argparse.Namespace) -> None:
    floor = samples["bare PySide6 window"].rss
    growth_title = f"{'growth MB':>10}" if args.minutes else ""
    print(f"{'scenario':46} {'RSS MB':>7} {'x bare':>7} {'CPU % core':>11} {growth_title}".rstrip())
    for name, sample in samples.items():
        growth = f"{sample.minutes[-1] - sample.minutes[0]:10.1f}" if args.minutes else ""
        print(
            f"{name:46} {sample.rss:7.1f} {sample.rss / floor:7.2f} "
            f"{sample.cpu_percent:11.3f} {growth}".rstrip()
        )
    large = samples[LARGE]
    ratio = large.rss / floor
    met = "met" if ratio <= MEMORY_GOAL else "NOT met"
    print(
        f"\ngoal: large workspace's resident memory within {MEMORY_GOAL:.2f}x the bare window's "
        f"after {args.settle:.0f} s -> {ratio:.2f}x ({met})"
    )
    widgets = samples[DESK_WIDGETS_NAME].rss / floor
    print(
        f"floors under it: the desk's kinds of widgets shown by PySide6 alone hold {widgets:.2f}x "
        f"(leaving {MEMORY_GOAL - widgets:.2f}x of the goal to all of statusdesk's code); "
        f"the desk's modules alone take the bare window to "
        f"{samples[IMPORTS].rss / floor:.2f}x; the desk holds "
        f"{large.rss - samples[IMPORTS].rss:.1f} MB more than that"
    )
    print(
        f"goal: its idle CPU at most {CPU_GOAL:.2f} % of a core over {args.window:.0f} s -> "
        f"{large.cpu_percent:.3f} % ({'met' if large.cpu_percent <= CPU_GOAL else 'NOT met'})"
    )
    if args.minutes:
        grown = large.minutes[-1] - large.minutes[0]
        print(
            f"goal: no growth over {args.minutes} min idle (at most {GROWTH_GOAL_MB:.0f} MB) -> "
            f"{grown:+.1f} MB ({'met' if grown <= GROWTH_GOAL_MB else 'NOT met'})"
        )


if __name__ == "__main__":
    main()
