"""The short poll that fires due updates, and notices when the machine slept.

Schedules are data (the `update` table); nothing waits on a long timer that a suspend would
stretch. Every tick compares how far the wall clock moved with how far the monotonic clock
moved (on Linux the monotonic clock stops while the machine is suspended): a gap means the
machine slept, or the clock was set. The gap is reported; what went due meanwhile is judged by
the grace window in `fire_due`, like anything else found late.

Qt-free: `statusdesk run` drives it from its loop, the GUI from a QTimer (on its task runner,
since firing touches the database).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from statusdesk.clock import Clock
from statusdesk.scheduling.due import DueReport

# How far the wall clock may drift from the monotonic one between two ticks before we call it a
# jump. Far above scheduling jitter and NTP slewing; far below any real suspend.
JUMP_SECONDS = 5.0


@dataclass(frozen=True)
class Tick:
    at: datetime
    jump_seconds: float | None  # wall minus monotonic since the last tick, when a jump
    report: DueReport


class Ticker:
    def __init__(
        self,
        fire: Callable[[], DueReport],
        clock: Clock,
        monotonic: Callable[[], float] = time.monotonic,
        jump_seconds: float = JUMP_SECONDS,
    ) -> None:
        self._fire = fire
        self._clock = clock
        self._monotonic = monotonic
        self._jump_seconds = jump_seconds
        self._last: tuple[datetime, float] | None = None

    def observe(self) -> tuple[datetime, float | None]:
        """Read both clocks; the jump since the last reading, if there was one."""
        wall, mono = self._clock.now(), self._monotonic()
        jump = self._drift(wall, mono)
        self._last = (wall, mono)
        return wall, jump

    def jumped(self) -> bool:
        """Whether the clocks jumped since the last reading (without taking a new one): a
        caller that ticks only when something may be due still ticks after a sleep."""
        return self._drift(self._clock.now(), self._monotonic()) is not None

    def _drift(self, wall: datetime, mono: float) -> float | None:
        if self._last is None:
            return None
        last_wall, last_mono = self._last
        drift = (wall - last_wall).total_seconds() - (mono - last_mono)
        return drift if abs(drift) >= self._jump_seconds else None

    def tick(self) -> Tick:
        at, jump = self.observe()
        return Tick(at, jump, self._fire())
