"""Where a team desk's time goes per update and per delivery (issue #17): how many statements
each sends to PostgreSQL, and how long each takes in one process, against the same work on
SQLite (the baseline) — the figures bench/team.py's throughput is made of, without its three
runners' noise.

    python bench/team_statements.py [--updates 60] [--receivers 5]

One desk posts --updates updates to one incident, left to the outbox (dispatch=False), then its
dispatcher sends the deliveries to --receivers local webhook receivers (bench/soak_lib.py). Every
statement psycopg sends is counted (SQLite's are not: they never leave the process). On
PostgreSQL every write transaction holds the writers' lock across its round trips, so these
counts bound what several runners can do together.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.soak_lib import Receiver, setup_workspace  # noqa: E402
from statusdesk.core.model import BilingualText, Draft, IncidentState  # noqa: E402
from statusdesk.desk import Desk  # noqa: E402
from tests.servers.postgres import Postgres  # noqa: E402

WARM_UP = 5  # updates first, so that connections and prepared column lists exist


class Statements:
    """psycopg's statements, counted while `counting`."""

    def __init__(self) -> None:
        self.sent = Counter[str]()

    def install(self) -> None:
        import psycopg

        execute = psycopg.Cursor.execute
        sent = self.sent

        def counted(cursor: Any, query: Any, *args: Any, **kwargs: Any) -> Any:
            sent[" ".join(str(query).split()[:3])] += 1
            return execute(cursor, query, *args, **kwargs)

        psycopg.Cursor.execute = counted  # type: ignore[method-assign]

    def total(self) -> int:
        return sum(self.sent.values())


@dataclass
class Figures:
    backend: str
    publish_ms: float
    publish_statements: float
    delivered_per_s: float
    delivery_statements: float


def measure(backend: str, db: str | None, receivers: list[Receiver], updates: int) -> Figures:
    statements = Statements() if db else None
    if statements is not None:
        statements.install()
    home = Path(tempfile.mkdtemp(prefix=f"statusdesk-bench-{backend}-"))
    setup_workspace(home, receivers, db)
    with Desk(home, db=db) as desk:
        incident = desk.publishing.open_incident(
            title=BilingualText("Outage", "انقطاع"),
            draft=Draft(BilingualText("Looking.", "نبحث."), IncidentState.INVESTIGATING),
            dispatch=False,
        ).incident_id

        def post(count: int) -> float:
            started = time.perf_counter()
            for number in range(count):
                body = BilingualText(f"Update {number}.", f"التحديث {number}.")
                desk.publishing.post_update(
                    incident, Draft(body, IncidentState.IDENTIFIED), dispatch=False
                )
            return time.perf_counter() - started

        post(WARM_UP)
        desk.dispatcher.submit_runnable()
        desk.dispatcher.wait_idle(120)
        before = statements.total() if statements else 0
        spent = post(updates)
        posted = (statements.total() if statements else 0) - before
        started, before = time.perf_counter(), statements.total() if statements else 0
        sent = 0
        while True:  # the dispatcher takes the outbox a batch at a time
            batch = desk.dispatcher.submit_runnable()
            if not batch:
                break
            desk.dispatcher.wait_idle(120)
            sent += batch
        sending = time.perf_counter() - started
        delivered = (statements.total() if statements else 0) - before
    return Figures(
        backend,
        spent / updates * 1000,
        posted / updates,
        sent / sending,
        delivered / max(sent, 1),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--updates", type=int, default=60)
    parser.add_argument("--receivers", type=int, default=5)
    args = parser.parse_args()
    receivers = [Receiver(f"hook-{n}", n, respond_after=0.0).start() for n in range(args.receivers)]
    try:
        with Postgres.start() as server:
            team = measure("PostgreSQL", server.create_database(), receivers, args.updates)
        alone = measure("SQLite", None, receivers, args.updates)
    finally:
        for receiver in receivers:
            receiver.stop()
    print(
        f"{'backend':<11} {'publish ms':>10} {'statements':>10} {'sent/s':>8} "
        f"{'statements':>10} {'vs SQLite':>10}"
    )
    print(f"{'':<11} {'per update':>10} {'per update':>10} {'':>8} {'per sent':>10} ", end="")
    print(f"{'publish':>10}")
    for row in (team, alone):
        ratio = row.publish_ms / alone.publish_ms
        counted = row.backend != "SQLite"
        published = f"{row.publish_statements:.1f}" if counted else "-"
        delivered = f"{row.delivery_statements:.1f}" if counted else "-"
        print(
            f"{row.backend:<11} {row.publish_ms:>10.2f} {published:>10} "
            f"{row.delivered_per_s:>8.0f} {delivered:>10} {ratio:>9.1f}x"
        )
    print(
        f"{args.updates} updates to one incident, {args.receivers} webhook receivers, one process; "
        "statements counted on PostgreSQL only (SQLite's never leave the process)"
    )


if __name__ == "__main__":
    main()
