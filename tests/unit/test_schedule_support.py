"""Helpers for the scheduling tests (no tests of its own): a clock the test moves by hand, a
monotonic clock beside it (a suspend moves the first and not the second), and a Desk on a
workspace with probe channels (tests/unit/test_cli_support.py) whose clock is that clock."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from statusdesk.core.model import BilingualText, Draft, IncidentState
from statusdesk.delivery.outbox import Published
from statusdesk.desk import Desk
from tests.unit.test_cli_support import add_probes, register

T0 = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
EN = "We are investigating failed API requests."
AR = "نحقق في فشل طلبات الواجهة البرمجية."


class FakeClock:
    """Wall time and monotonic time, moved by the test. `sleep` moves the wall clock only, as a
    suspended machine does; `run` moves both, as time passing while awake does."""

    def __init__(self, at: datetime = T0) -> None:
        self.at = at
        self.mono = 1000.0

    def now(self) -> datetime:
        return self.at

    def monotonic(self) -> float:
        return self.mono

    def run(self, **delta: float) -> None:
        step = timedelta(**delta)
        self.at += step
        self.mono += step.total_seconds()

    def sleep(self, **delta: float) -> None:
        self.at += timedelta(**delta)


@contextmanager
def probe_desk(
    home: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock, *names: str
) -> Iterator[Desk]:
    register(monkeypatch)
    add_probes(home, {name: {} for name in names or ("alpha", "beta")})
    with Desk(home, clock=clock) as desk:
        yield desk


def draft(state: IncidentState = IncidentState.INVESTIGATING, en: str = EN, ar: str = AR) -> Draft:
    return Draft(body=BilingualText(en, ar), state=state, author="test")


def open_now(desk: Desk) -> Published:
    """An incident with its first update published now (not dispatched)."""
    return desk.publishing.open_incident(
        title=BilingualText("API outage", "تعطل الواجهة"), draft=draft(), dispatch=False
    )


def events(desk: Desk, kind: str, update_id: int | None = None) -> list[dict[str, object]]:
    return [
        e
        for e in desk.store.audit.events()
        if e["kind"] == kind and (update_id is None or e["update_id"] == update_id)
    ]
