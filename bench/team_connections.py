"""What a team desk pays to reach its PostgreSQL server for each short task (issue #17): a new
connection every time against one from the pool (psycopg_pool), on a real server started on
127.0.0.1 (tests/servers/postgres.py; Debian's postgresql), signing in with a password
(scram-sha-256) as a desk's role does.

    python bench/team_connections.py [--tasks 300]

Each task is what the desk's delivery workers and channels do many times per publish: open a
store, read the channels, close it. The floor is the pooled task; the table prints both, with
the ratio, medians and 90th percentiles.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from statusdesk.store.postgres.pool import PostgresPool  # noqa: E402
from statusdesk.store.postgres.store import PostgresStore  # noqa: E402
from tests.servers.postgres import Postgres  # noqa: E402

PASSWORD = "bench-password-1"


def timed(task: Callable[[], None], count: int) -> list[float]:
    spent = []
    for _ in range(count):
        started = time.perf_counter()
        task()
        spent.append((time.perf_counter() - started) * 1000)
    return sorted(spent)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tasks", type=int, default=300)
    args = parser.parse_args()
    with Postgres.start() as server:
        owner = server.create_database()
        PostgresStore.open_url(owner).close()
        url = server.add_role("desk", PASSWORD, server.database_name(owner))

        def new_connection() -> None:
            store = PostgresStore.open_url(url, migrate=False, password=PASSWORD)
            store.channels.channels()
            store.close()

        pool = PostgresPool(url, PASSWORD).open()

        def pooled() -> None:
            store = PostgresStore.over(pool.database(), migrate=False)
            store.channels.channels()
            store.close()

        try:
            results = {
                "a new connection each task": timed(new_connection, args.tasks),
                "a connection from the pool (floor)": timed(pooled, args.tasks),
            }
        finally:
            pool.close()
    floor = statistics.median(results["a connection from the pool (floor)"])
    print(f"{'open a store, read the channels, close':40} {'median':>9} {'p90':>9} {'x floor':>8}")
    for name, spent in results.items():
        median = statistics.median(spent)
        p90 = spent[int(len(spent) * 0.9)]
        print(f"{name:40} {median:7.2f}ms {p90:7.2f}ms {median / floor:8.1f}")
    print(f"{args.tasks} tasks each, one after another, scram-sha-256 over 127.0.0.1")


if __name__ == "__main__":
    main()
