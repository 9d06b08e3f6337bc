"""When to try again after a transient failure."""

from __future__ import annotations

import random

BASE_SECONDS = 1.0
CAP_SECONDS = 300.0
JITTER = 0.2
# A server may name any wait; past an hour it is more likely a bug than a plan, and a delivery
# parked for a day is silence nobody chose. The user can always retry by hand sooner.
MAX_SERVER_WAIT_SECONDS = 3600.0


def backoff_seconds(
    attempts: int, retry_after: float | None = None, rng: random.Random | None = None
) -> float:
    """Seconds to wait after the `attempts`-th failed attempt (1-based).

    A wait named by the server (Retry-After, x-rate-limit-reset) wins over our own schedule;
    otherwise 1 s doubling to a 5-minute cap, with ±20 % jitter so many clients that failed
    together don't come back together.
    """
    if retry_after is not None:
        return min(MAX_SERVER_WAIT_SECONDS, max(0.0, retry_after))
    base = min(CAP_SECONDS, BASE_SECONDS * 2.0 ** max(0, attempts - 1))
    spread = (rng or random).uniform(-JITTER, JITTER)
    return base * (1 + spread)
