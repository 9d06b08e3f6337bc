"""Spacing requests per channel (Statuspage allows about one request a second): each worker
takes the next free slot of its channel, then sleeps until it comes — on a worker thread,
never the GUI's."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


class RequestSpacing:
    def __init__(
        self,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._monotonic = monotonic
        self._sleep = sleep
        self._next_free: dict[int, float] = {}
        self._lock = threading.Lock()

    def reserve(self, channel_id: int, interval: float) -> float:
        """Take this channel's next slot; returns the seconds to wait for it."""
        if interval <= 0:
            return 0.0
        with self._lock:
            now = self._monotonic()
            slot = max(now, self._next_free.get(channel_id, now))
            self._next_free[channel_id] = slot + interval
        return slot - now

    def wait(self, channel_id: int, interval: float) -> None:
        delay = self.reserve(channel_id, interval)
        if delay > 0:
            self._sleep(delay)
