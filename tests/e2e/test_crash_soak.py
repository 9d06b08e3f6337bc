"""Crash soak with real processes (issue #3): `statusdesk run` SIGKILLed at random moments, 60
times, while it delivers to five local webhook receivers; then one last runner finishes the
outbox and stops cleanly on SIGTERM. Nothing may be lost, and nothing may go out twice except
as a retry of the same request under the same Idempotency-Key.

The receivers and the soak loop live in bench/soak_lib.py (bench/crash_soak.py runs the same
soak for longer). The seed is printed; STATUSDESK_SOAK_SEED replays a run.

The same soak runs with the workspace's records on a real PostgreSQL server (issue #17: the
runners of a team desk), in fewer rounds: the guarantees are the store's, and the rounds are
what costs.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

from bench.soak_lib import run_soak
from tests.servers.postgres import Postgres

ROUNDS = 60
ROUNDS_ON_POSTGRES = 30


def test_killed_runners_lose_nothing_and_post_nothing_twice(home: Path) -> None:
    soak(home, ROUNDS, db=None)


def test_killed_runners_on_postgresql_lose_nothing_and_post_nothing_twice(
    home: Path, postgres_server: Postgres
) -> None:
    soak(home, ROUNDS_ON_POSTGRES, db=postgres_server.create_database())


def soak(home: Path, rounds: int, db: str | None) -> None:
    seed = int(os.environ.get("STATUSDESK_SOAK_SEED") or random.SystemRandom().randrange(10**6))
    print(f"crash soak seed {seed} (STATUSDESK_SOAK_SEED={seed} replays it)")

    result = run_soak(home, rounds, seed, drain_timeout=60, say=print, db=db)

    print(result.summary())
    print(
        f"duplicates: {result.same_key_repeats} retries reached a receiver twice with the same "
        "key (allowed)"
    )
    for line in result.log_errors[:5]:
        print(f"log: {line}")
    report = "\n".join(
        [
            f"seed {seed}: " + "; ".join(result.problems),
            *result.examples,
            "last runner's output:",
            result.final_output[-3000:],
        ]
    )
    assert result.final_exit_code == 0, report
    assert result.not_sent == {}, report  # every delivery row is `sent`
    assert result.lost == 0 and result.sent_unseen == 0, report
    assert result.stray_keys == 0, report
    assert result.distinct_keys == result.deliveries == rounds * 5, report
    assert result.unflagged_doubles == 0, report
    assert result.changed_bodies == 0, report  # a repeat of a key is the same request
    assert result.problems == [], report
