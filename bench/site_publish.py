"""Publishing one update to the local status page as the history grows (issue #14).

    python bench/site_publish.py [--runs 3] [--sizes 10:200,1000:20000,5000:100000]

For each size (incidents:updates), a workspace is seeded as bench/seed.py does (most incidents
resolved, a few active, every update delivered to the site channel), then one whole CLI process
publishes one update on an active incident and waits for the site channel's outcome:

    statusdesk --home DIR incident update ID --state monitoring --en … --ar …

timed from outside (interpreter start, imports, the check, the transaction, the page's build and
swap), --runs times, median first. Each run publishes on the workspace the previous run left,
so history grows by one update a run, as it does in an outage.
Goal (issue #14): the largest workspace within 1.5x the smallest.

Exits non-zero only on an error of its own, never on a missed goal (it prints "met" / "NOT met").
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.seed import seed  # noqa: E402

GOAL = 1.5
EN = "We are watching error rates recover; next update within 30 minutes."
AR = "نراقب تعافي معدلات الأخطاء؛ التحديث التالي خلال 30 دقيقة."


def parse_sizes(text: str) -> list[tuple[int, int]]:
    sizes = []
    for part in text.split(","):
        incidents, _, updates = part.partition(":")
        sizes.append((int(incidents), int(updates)))
    return sizes


def publish_once(home: Path, incident_id: int) -> float:
    command = [
        sys.executable,
        "-m",
        "statusdesk",
        "--home",
        str(home),
        "incident",
        "update",
        str(incident_id),
        "--state",
        "monitoring",
        "--en",
        EN,
        "--ar",
        AR,
        "--timeout",
        "120",
    ]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"the publish failed ({done.returncode}): {done.stderr or done.stdout}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--sizes", type=parse_sizes, default=parse_sizes("10:200,1000:20000,5000:100000")
    )
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="statusdesk-site-bench-") as tmp:
        for incidents, updates in args.sizes:
            home = Path(tmp) / f"w{incidents}"
            seed(home, incidents, updates)
            active = incidents  # the seed's last incidents are the active ones
            times = [publish_once(home, active) for _ in range(args.runs)]
            rows.append((incidents, updates, statistics.median(times), max(times)))
    smallest = rows[0][2]
    print(f"{'incidents':>10} {'updates':>9} {'median s':>9} {'worst s':>8} {'x smallest':>11}")
    for incidents, updates, median, worst in rows:
        times_smallest = median / smallest
        print(
            f"{incidents:>10,} {updates:>9,} {median:>9.2f} {worst:>8.2f} {times_smallest:>10.2f}x"
        )
    ratio = rows[-1][2] / smallest
    verdict = "met" if ratio <= GOAL else "NOT met"
    print(
        f"goal: the largest within {GOAL}x the smallest -> {ratio:.2f}x ({verdict}); "
        f"{args.runs} runs each, whole CLI processes"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
