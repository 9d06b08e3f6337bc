"""Scheduled updates on time (issue #5): how late does a scheduled update reach its channels?

    python bench/schedule.py [--updates 50] [--span-seconds 120] [--receivers 2] [--poll 1]

--updates updates of one incident are scheduled over --span-seconds (due times are whole
seconds, as the workspace stores them), then left to `statusdesk run` as a real child process
(at its default 1 s poll unless --poll says otherwise). The channels are webhooks to local
receivers in this process (bench/soak_lib.py), answering at once. The lateness of each delivery
is when its request reached the receiver (wall clock) minus the update's due time; the table
gives p50, p99 and the worst, and says whether each update reached each receiver exactly once.
Goal: p99 under 1 s.

Exits non-zero only on an error of its own, never on a missed goal (it prints "met" / "NOT met").
"""

from __future__ import annotations

import argparse
import math
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.soak_lib import Receiver, RunnerProcess, _update_id, setup_workspace
from statusdesk.core.model import BilingualText, Draft, IncidentState
from statusdesk.desk import Desk

GOAL_P99_SECONDS = 1.0


def percentile(values: list[float], share: float) -> float:
    """Nearest rank: the smallest value at or above `share` of them."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def schedule(home: Path, updates: int, span: float, lead: float) -> dict[int, float]:
    """The updates, due from `lead` seconds from now over `span` seconds: id → due (epoch)."""
    first = math.ceil(time.time() + lead)
    due: dict[int, float] = {}
    states = [IncidentState.IDENTIFIED, IncidentState.MONITORING]
    with Desk(home) as desk:
        incident = desk.publishing.open_incident(
            title=BilingualText("Scheduled bench", "قياس الجدولة"),
            draft=Draft(BilingualText("Opened.", "فُتح."), IncidentState.INVESTIGATING),
            dispatch=False,
        ).incident_id
        for n in range(updates):
            at = first + math.floor(n * span / updates)
            published = desk.publishing.post_update(
                incident,
                Draft(
                    BilingualText(f"Planned update {n}.", f"التحديث المجدول {n}."),
                    states[n % 2],
                ),
                scheduled_for=datetime.fromtimestamp(at, UTC),
                dispatch=False,
            )
            due[published.update_id] = float(at)
    return due


def wait_delivered(home: Path, deadline: float) -> int:
    while time.monotonic() < deadline:
        conn = sqlite3.connect(home / "statusdesk.db", timeout=10)
        try:
            left = conn.execute(
                "SELECT (SELECT COUNT(*) FROM \"update\" WHERE status = 'scheduled') + "
                "(SELECT COUNT(*) FROM delivery WHERE state != 'sent')"
            ).fetchone()[0]
        finally:
            conn.close()
        if left == 0:
            return 0
        time.sleep(0.2)
    return int(left)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--updates", type=int, default=50)
    parser.add_argument("--span-seconds", type=float, default=120.0)
    parser.add_argument("--receivers", type=int, default=2)
    parser.add_argument("--poll", type=float, default=1.0, help="statusdesk run --poll")
    args = parser.parse_args()

    offset = time.time() - time.monotonic()  # receivers stamp with the monotonic clock
    receivers = [Receiver(f"hook{i}", i, respond_after=0.0).start() for i in range(args.receivers)]
    with tempfile.TemporaryDirectory(prefix="statusdesk-schedule-") as folder:
        home = Path(folder)
        setup_workspace(home, receivers)
        runner = RunnerProcess(home, poll=args.poll)
        try:
            if not runner.ready.wait(30):
                print(runner.output, file=sys.stderr)
                return 1
            started = time.monotonic()
            due = schedule(home, args.updates, args.span_seconds, lead=3.0)
            last = max(due.values()) - time.time()
            left = wait_delivered(home, time.monotonic() + last + 30)
            elapsed = time.monotonic() - started
        finally:
            code = runner.terminate()
            for receiver in receivers:
                receiver.stop()
        output = runner.output

    lateness: list[float] = []
    once = True
    for receiver in receivers:
        posts = [(p, _update_id(p.body)) for p in receiver.snapshot()]
        counts = Counter(update_id for _, update_id in posts)
        once = once and all(counts[u] == 1 for u in due)
        lateness += [p.at + offset - due[u] for p, u in posts if u in due]  # type: ignore[index]

    p50, p99 = percentile(lateness, 0.50), percentile(lateness, 0.99)
    print(
        f"{args.updates} updates scheduled over {args.span_seconds:g} s, {args.receivers} webhook "
        f"channel(s) to local receivers, `statusdesk run --poll {args.poll:g}`; "
        f"{elapsed:.0f} s in all"
    )
    print()
    print("| measure | n | p50 | p99 | max | min |")
    print("|---|---|---|---|---|---|")
    print(
        f"| delivery lateness (arrival at the receiver − due time) | {len(lateness)} | "
        f"{p50 * 1000:.0f} ms | {p99 * 1000:.0f} ms | {max(lateness) * 1000:.0f} ms | "
        f"{min(lateness) * 1000:.0f} ms |"
    )
    print()
    print(f"each update reached each receiver exactly once: {'yes' if once else 'NO'}")
    print(f"not out at the end: {left}; runner exit code {code}")
    verdict = "met" if p99 < GOAL_P99_SECONDS and once and left == 0 else "NOT met"
    print(f"goal p99 < {GOAL_P99_SECONDS:g} s: {verdict}")
    stale = [line for line in output.splitlines() if "is stale" in line]
    for line in stale[:3]:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
