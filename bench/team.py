"""A team desk at work (issue #17): three `statusdesk run` processes and two desks on one
PostgreSQL workspace, against the same run on SQLite.

    python bench/team.py [--updates 500] [--incidents 20] [--receivers 5] [--moves 200]

Desk A (this process) opens --incidents incidents and posts updates to them round-robin until
--updates have been written, leaving each to the runners (dispatch=False, as a desk whose
laptop is about to sleep would). The channels are webhooks to --receivers local receivers
(bench/soak_lib.py), answering at once. Three runners (child processes, each its own owner, as
on three hosts) deliver them. Desk B (this process, its own connections) is the colleague's
desk: after each publish on A the bench waits until B has heard of it and read it (B's live
view: LISTEN/NOTIFY, then one read), and that time is "publish to appearance". Then desk A
moves --moves times between the incidents and the languages it edits (presence), and each time
the bench waits until B, woken by the server, reads A's move: "presence to appearance".

The table says, per backend: whether every update reached every receiver exactly once; the
throughput (updates written and deliveries sent per second, from the first publish to the last
delivery sent); and on PostgreSQL the appearance times' p50 and p99 (goal: p99 under 1 s). On
SQLite desk B has no live view (it asks PRAGMA data_version on a timer): only throughput is
compared. Needs Debian's postgresql (tests/servers/postgres.py starts a server).
"""

from __future__ import annotations

import argparse
import math
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.soak_lib import Receiver, RunnerProcess, _update_id, rows, setup_workspace
from statusdesk.core.model import BilingualText, Draft, IncidentState
from statusdesk.desk import Desk
from tests.servers.postgres import Postgres

GOAL_P99_S = 1.0
RUNNERS = 3
WAIT_S = 600.0  # a deadline for the runners and for desk B, not an expectation


@dataclass
class Outcome:
    backend: str
    updates: int = 0
    deliveries: int = 0
    exactly_once: bool = False
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0
    appearance: list[float] = field(default_factory=list)
    presence: list[float] = field(default_factory=list)  # a move on A to B showing it


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def run(backend: str, folder: Path, args: argparse.Namespace, db: str | None) -> Outcome:
    outcome = Outcome(backend)
    receivers = [Receiver(f"hook-{n}", n, respond_after=0.0).start() for n in range(args.receivers)]
    homes = [
        folder / name for name in ("desk-a", "desk-b", *[f"runner-{n}" for n in range(RUNNERS)])
    ]
    # On SQLite every process shares desk A's file (one machine); on PostgreSQL each has its own
    # folder and only the server is shared (as on several hosts).
    shared = homes[0]
    runners: list[RunnerProcess] = []
    try:
        setup_workspace(shared, receivers, db)
        runners = [RunnerProcess(home if db else shared, poll=0.05, db=db) for home in homes[2:]]
        for runner in runners:
            if not runner.ready.wait(60):
                raise SystemExit(f"a runner never got going:\n{runner.output}")
        with Desk(shared, db=db) as desk_a, Desk(homes[1] if db else shared, db=db) as desk_b:
            heard = threading.Event()
            live = desk_b.views.when_written(heard.set)
            if live:
                desk_b.context.changes.wait_listening(60)  # type: ignore[attr-defined]
            started = time.monotonic()
            incident_ids: list[int] = []
            for number in range(args.updates):
                body = BilingualText(f"Update {number}.", f"التحديث {number}.")
                heard.clear()
                if len(incident_ids) < args.incidents:
                    published = desk_a.publishing.open_incident(
                        title=BilingualText(f"Outage {number}", f"انقطاع {number}"),
                        draft=Draft(body, IncidentState.INVESTIGATING),
                        dispatch=False,
                    )
                    incident_ids.append(published.incident_id)
                else:
                    published = desk_a.publishing.post_update(
                        incident_ids[number % args.incidents],
                        Draft(body, IncidentState.IDENTIFIED),
                        dispatch=False,
                    )
                written = time.monotonic()
                if live:
                    outcome.appearance.append(
                        _seen_by(desk_b, heard, published.update_id) - written
                    )
            outcome.updates = args.updates
            _wait_sent(shared, db, args.updates * args.receivers)
            outcome.seconds = time.monotonic() - started
            if live:
                outcome.presence = _presence_moves(desk_a, desk_b, incident_ids, args.moves)
    finally:
        for runner in runners:
            runner.terminate()
        for receiver in receivers:
            receiver.stop()
    _check(outcome, receivers, shared, db, args)
    return outcome


def _seen_by(desk: Desk, heard: threading.Event, update_id: int) -> float:
    """When desk B, woken by what it heard, reads the update: wait, read, again if not yet."""
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        heard.wait(1.0)
        heard.clear()
        latest = desk.context.store.read('SELECT max(id) AS id FROM "update"')[0]["id"] or 0
        if latest >= update_id:
            return time.monotonic()
    raise SystemExit(f"desk B never saw update {update_id}")


def _presence_moves(desk_a: Desk, desk_b: Desk, incident_ids: list[int], moves: int) -> list[float]:
    """Desk A moves between incidents and languages; each move, from A's announcement to B
    reading the incident's presence with A in it as announced (B woken by what it heard)."""
    heard = threading.Event()
    desk_b.presence.when_changed(heard.set)
    spent = []
    for number in range(moves):
        incident_id = incident_ids[number % len(incident_ids)]
        editing = ("en", "ar", "")[number % 3]
        heard.clear()
        moved = time.monotonic()
        desk_a.presence.announce(incident_id, editing)
        deadline = moved + WAIT_S
        while time.monotonic() < deadline:
            heard.wait(1.0)
            heard.clear()
            here = desk_b.presence.others(incident_id)
            if any(p.editing == editing for p in here):
                spent.append(time.monotonic() - moved)
                break
        else:
            raise SystemExit(f"desk B never saw desk A's move {number}")
    desk_a.presence.leave()
    return spent


def _wait_sent(home: Path, db: str | None, expected: int) -> None:
    deadline = time.monotonic() + WAIT_S
    query = "SELECT COUNT(*) AS n FROM delivery WHERE state = 'sent'"
    while rows(home, query, db=db)[0]["n"] < expected:
        if time.monotonic() > deadline:
            states = rows(
                home,
                "SELECT state, last_error, COUNT(*) AS n FROM delivery GROUP BY state, last_error",
                db=db,
            )
            raise SystemExit(f"the runners did not deliver everything in time: {states}")
        time.sleep(0.1)


def _check(
    outcome: Outcome,
    receivers: list[Receiver],
    home: Path,
    db: str | None,
    args: argparse.Namespace,
) -> None:
    deliveries = rows(home, "SELECT state FROM delivery", db=db)
    outcome.deliveries = len(deliveries)
    not_sent = Counter(r["state"] for r in deliveries if r["state"] != "sent")
    if not_sent:
        outcome.problems.append(f"not sent: {dict(not_sent)}")
    for receiver in receivers:
        per_update = Counter(_update_id(post.body) for post in receiver.snapshot())
        keys = Counter(post.key for post in receiver.snapshot())
        if len(per_update) != args.updates or any(n != 1 for n in per_update.values()):
            doubled = {k: n for k, n in per_update.items() if n != 1}
            outcome.problems.append(
                f"{receiver.name}: {len(per_update)} updates, {len(doubled)} not exactly once"
            )
        if any(n != 1 for n in keys.values()):
            outcome.problems.append(f"{receiver.name}: a key came twice")
    outcome.exactly_once = not outcome.problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--updates", type=int, default=500)
    parser.add_argument("--incidents", type=int, default=20)
    parser.add_argument("--receivers", type=int, default=5)
    parser.add_argument("--moves", type=int, default=200, help="presence moves on desk A")
    args = parser.parse_args()
    outcomes = []
    with tempfile.TemporaryDirectory() as tmp, Postgres.start() as server:
        outcomes.append(run("PostgreSQL", Path(tmp) / "pg", args, server.create_database()))
        outcomes.append(run("SQLite", Path(tmp) / "sqlite", args, None))
    print(
        f"{'backend':11} {'updates':>7} {'deliveries':>10} {'exactly once':>12} "
        f"{'updates/s':>9} {'sent/s':>8} {'appear p50':>10} {'appear p99':>10}"
    )
    for o in outcomes:
        p50 = f"{percentile(o.appearance, 0.5) * 1000:8.1f}ms" if o.appearance else f"{'-':>10}"
        p99 = f"{percentile(o.appearance, 0.99) * 1000:8.1f}ms" if o.appearance else f"{'-':>10}"
        print(
            f"{o.backend:11} {o.updates:7d} {o.deliveries:10d} "
            f"{'yes' if o.exactly_once else 'NO':>12} {o.updates / o.seconds:9.1f} "
            f"{o.deliveries / o.seconds:8.1f} {p50} {p99}"
        )
        for problem in o.problems:
            print(f"  {o.backend}: {problem}")
    team = outcomes[0]
    if team.appearance:
        worst = percentile(team.appearance, 0.99)
        print(
            f"goal: publish on one desk to appearance on another, p99 under {GOAL_P99_S:.0f} s "
            f"-> {worst * 1000:.1f} ms ({'met' if worst < GOAL_P99_S else 'NOT met'})"
        )
    if team.presence:
        worst = percentile(team.presence, 0.99)
        print(
            f"goal: a presence change on one desk shown by another, p99 under "
            f"{GOAL_P99_S:.0f} s -> p50 {percentile(team.presence, 0.5) * 1000:.1f} ms, "
            f"p99 {worst * 1000:.1f} ms over {len(team.presence)} moves "
            f"({'met' if worst < GOAL_P99_S else 'NOT met'})"
        )
    print(
        f"{args.updates} updates across {args.incidents} incidents, {args.receivers} receivers, "
        f"{RUNNERS} runners; throughput from the first publish to the last delivery sent"
    )


if __name__ == "__main__":
    main()
