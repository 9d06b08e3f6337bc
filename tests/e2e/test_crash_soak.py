"""Crash soak with real processes (issue #3): `statusdesk run` SIGKILLed at random moments, 60
times, while it delivers to five local webhook receivers; then one last runner finishes the
outbox and stops cleanly on SIGTERM. Nothing may be lost, and nothing may go out twice except
as a retry of the same request under the same Idempotency-Key.

The receivers and the soak loop live in bench/soak_lib.py (bench/crash_soak.py runs the same
soak for longer). The seed is printed; STATUSDESK_SOAK_SEED replays a run.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

from bench.soak_lib import run_soak

ROUNDS = 60


def test_killed_runners_lose_nothing_and_post_nothing_twice(home: Path) -> None:
    seed = int(os.environ.get("STATUSDESK_SOAK_SEED") or random.SystemRandom().randrange(10**6))
    print(f"crash soak seed {seed} (STATUSDESK_SOAK_SEED={seed} replays it)")

    result = run_soak(home, ROUNDS, seed, drain_timeout=60, say=print)

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
    assert result.distinct_keys == result.deliveries == ROUNDS * 5, report
    assert result.unflagged_doubles == 0, report
    assert result.changed_bodies == 0, report  # a repeat of a key is the same request
    assert result.problems == [], report
