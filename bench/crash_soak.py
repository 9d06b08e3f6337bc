"""Crash soak (issue #3): `statusdesk run` SIGKILLed at random moments while it delivers to five
local webhook receivers, then one last runner finishes the outbox; what the receivers saw is held
against the workspace.

    python bench/crash_soak.py [--rounds 200] [--seed N] [--keep-workspace DIR]

The same soak as tests/e2e/test_crash_soak.py (both use bench/soak_lib.py), for longer. Expected:
nothing lost, no unflagged double (an update posted twice under different keys), no key resent
with another body; retries that reached a receiver twice under the same key are allowed (a
receiver that honours the key posts once) and counted. Exits non-zero only on an error of its
own, never on a missed expectation (it prints "met" / "NOT met").
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.soak_lib import RECEIVERS, SoakResult, run_soak


def table(result: SoakResult) -> str:
    rows = [
        ("rounds (runner SIGKILLed)", f"{result.rounds}", ""),
        ("deliveries", f"{result.deliveries}", f"{result.rounds * RECEIVERS}"),
        ("requests that reached a receiver", f"{result.posts}", ""),
        ("lost (key never reached its receiver)", f"{result.lost}", "0"),
        ("  of them marked sent", f"{result.sent_unseen}", "0"),
        ("not sent at the end", f"{sum(result.not_sent.values())}", "0"),
        ("unflagged doubles (sent twice, new key)", f"{result.unflagged_doubles}", "0"),
        ("same key resent with another body", f"{result.changed_bodies}", "0"),
        ("retries that reached a receiver twice", f"{result.same_key_repeats}", "allowed"),
        ("kills that left rows mid-attempt", f"{result.kills_mid_attempt}", ""),
        ("rows left mid-attempt by kills", f"{result.rows_left_sending}", ""),
        ("answers to a sender already killed", f"{result.disconnects}", ""),
        ("highest attempt count", f"{result.max_attempts}", ""),
        ("last runner's exit on SIGTERM", f"{result.final_exit_code}", "0"),
        ("final drain (s)", f"{result.drain_seconds:.1f}", ""),
        ("time (s)", f"{result.seconds:.1f}", ""),
    ]
    lines = [f"{'figure':42} {'value':>8} {'expected':>9}"]
    lines += [f"{name:42} {value:>8} {expected:>9}" for name, value, expected in rows]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--drain-timeout", type=float, default=300.0)
    parser.add_argument("--keep-workspace", type=Path, help="run in this (new) folder, keep it")
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(10**6)
    print(f"crash soak: {args.rounds} rounds, seed {seed} (--seed {seed} replays it)")
    with tempfile.TemporaryDirectory() as tmp:
        home = args.keep_workspace or Path(tmp) / "workspace"
        home.mkdir(parents=True, exist_ok=False)
        result = run_soak(home, args.rounds, seed, drain_timeout=args.drain_timeout, say=print)
    print()
    print(table(result))
    print()
    for example in result.examples:
        print(f"  {example}")
    for line in result.log_errors[:5]:
        print(f"  log: {line}")
    verdict = "met" if not result.problems else "NOT met: " + "; ".join(result.problems)
    print(f"goal: nothing lost, nothing posted twice but as a same-key retry -> {verdict}")


if __name__ == "__main__":
    main()
