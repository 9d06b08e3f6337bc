"""Two checkouts' start-ups in one run, interleaved, against a bare PySide6 window (issue #16).

    python bench/startup_compare.py OTHER_CHECKOUT [--runs 15]

On a machine other work shares, the bare window's first paint moves by half from one run of
bench/startup.py to the next, and the desk's "x bare" with it: two branches measured in
separate runs cannot be told apart by less than that. Here each round starts this checkout,
OTHER_CHECKOUT (each with the Python of its own `.venv`) and the bare window one after another,
on the same 1,000-incident workspace, so the same noise falls on all three. Each line gives the
medians of "shown" and "ready" (bench/startup.py's probe) and the process's CPU time up to the
probe's line, which noise moves least.
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

from bench.seed import seed
from bench.startup import BARE

PROBE = re.compile(r"shown after (\d+) ms, ready after (\d+) ms \(([\d.]+)s cpu\)")
BARE_PAINT = re.compile(r"shown after (\d+) ms")
HERE = Path(__file__).resolve().parent.parent


def start(command: list[str], env: dict[str, str]) -> str:
    done = subprocess.run(
        command,
        env=env | {"STATUSDESK_STARTUP_T0": repr(time.time())},
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tempfile.gettempdir(),  # not inside either checkout: each loads its own package
    )
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stderr


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("other", type=Path, help="another checkout, with its own .venv")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    checkouts = {"this checkout": HERE, str(args.other): args.other.resolve()}
    for folder in checkouts.values():
        if not (folder / ".venv" / "bin" / "python").is_file():
            raise SystemExit(f"{folder} has no .venv/bin/python")
    with tempfile.TemporaryDirectory() as tmp:
        large = Path(tmp) / "large"
        seed(large, incidents=1000, updates=20000)
        env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
        env |= {"QT_QPA_PLATFORM": "offscreen", "STATUSDESK_EXIT_AFTER_SHOW": "1"}
        apps = {
            name: [
                str(folder / ".venv" / "bin" / "python"),
                "-m",
                "statusdesk",
                "--home",
                str(large),
            ]
            for name, folder in checkouts.items()
        }
        caches = {name: str(Path(tmp) / f"pycache-{n}") for n, name in enumerate(apps)}
        figures: dict[str, list[tuple[float, float, float]]] = {name: [] for name in apps}
        bare: list[float] = []
        for round_ in range(args.runs + 1):  # the first round warms the caches
            for name, command in apps.items():
                said = PROBE.search(start(command, env | {"PYTHONPYCACHEPREFIX": caches[name]}))
                if said is None:
                    raise SystemExit(f"{name} did not say when it was ready")
                if round_:
                    figures[name].append((float(said[1]), float(said[2]), float(said[3]) * 1000))
            painted = BARE_PAINT.search(start([sys.executable, "-c", BARE], env))
            if painted is None:
                raise SystemExit("the bare window did not say when it was painted")
            if round_:
                bare.append(float(painted[1]))
    floor = statistics.median(bare)
    print(f"bare PySide6 window: first paint {floor:.0f} ms")
    print(
        f"{'checkout (medians)':40} {'shown':>7} {'x bare':>7} {'ready':>7} {'x bare':>7} "
        f"{'CPU':>7}"
    )
    for name, runs in figures.items():
        shown, ready, cpu = (statistics.median(column) for column in zip(*runs, strict=True))
        print(
            f"{name:40} {shown:7.0f} {shown / floor:7.2f} {ready:7.0f} {ready / floor:7.2f} "
            f"{cpu:7.0f}"
        )
    print(f"{args.runs} rounds, interleaved, offscreen, 1,000 incidents / 20,000 updates; ms")


if __name__ == "__main__":
    main()
