"""An idle desk reads nothing (issue #16): SQLite's `data_version` says when another process
or thread wrote, and the timers that used to re-read the workspace on a clock ask it first.
Real second processes write here; nothing is mocked and nothing sleeps (the clock is moved)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from statusdesk.core.model import IncidentState
from statusdesk.desk import Desk
from statusdesk.scheduling.ticker import Ticker
from tests.unit.test_schedule_desk import schedule
from tests.unit.test_schedule_support import FakeClock, open_now, probe_desk

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def desk(home: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock) -> Desk:
    with probe_desk(home, monkeypatch, clock) as opened:
        yield opened  # type: ignore[misc]


def write_from_another_process(home: Path) -> None:
    """A real second process commits to the workspace (as `statusdesk run` or a CLI command
    would): one setting, through its own Desk."""
    code = (
        "import sys; from statusdesk.desk import Desk\n"
        "with Desk(sys.argv[1]) as desk:\n"
        "    desk.settings.set_setting('bench.touched', 'yes')\n"
    )
    subprocess.run([sys.executable, "-c", code, str(home)], check=True, cwd=REPO, timeout=60)


def test_the_version_moves_only_when_someone_else_writes(desk: Desk, home: Path) -> None:
    changes = desk.context.changes
    first = changes.version()
    assert changes.version() == first  # asked again, nothing written
    desk.views.incidents()  # reading is not writing
    assert changes.version() == first
    write_from_another_process(home)
    second = changes.version()
    assert second != first
    desk.settings.set_setting("bench.mine", "1")  # this process, its own connection: counts too
    assert changes.version() != second


def test_fire_due_is_wanted_only_after_a_write_or_when_an_update_falls_due(
    desk: Desk, home: Path, clock: FakeClock
) -> None:
    scheduling = desk.scheduling
    assert scheduling.fire_due_wanted()  # never looked
    scheduling.fire_due(dispatch=False)
    for _ in range(5):  # an idle workspace: the once-a-second timer reads nothing
        clock.run(seconds=1)
        assert not scheduling.fire_due_wanted()
    write_from_another_process(home)
    assert scheduling.fire_due_wanted()
    scheduling.fire_due(dispatch=False)
    assert not scheduling.fire_due_wanted()

    incident = open_now(desk).incident_id
    update_id = schedule(desk, incident, 10, IncidentState.IDENTIFIED)
    assert scheduling.fire_due_wanted()  # written (by this process's store): look again
    scheduling.fire_due(dispatch=False)
    clock.run(minutes=9, seconds=59)
    assert not scheduling.fire_due_wanted()  # nothing written, nothing due yet
    clock.run(seconds=1)
    assert scheduling.fire_due_wanted()  # it falls due now, though nobody wrote
    report = scheduling.fire_due(dispatch=False)
    assert [f.published.update_id for f in report.fired] == [update_id]


def test_the_outbox_is_looked_at_again_only_after_a_write_or_while_work_waits(
    desk: Desk, home: Path
) -> None:
    deliveries = desk.deliveries
    assert deliveries.recover_wanted()
    deliveries.recover()
    assert not deliveries.recover_wanted()  # nothing waiting, nothing written
    write_from_another_process(home)
    assert deliveries.recover_wanted()
    # Deliveries another live process is sending, its lease running: work waits, so the outbox
    # is looked at again though nobody writes — leases, retries and holders are matters of time.
    published = open_now(desk)
    owner = f"{socket.gethostname()}:{os.getpid()}:elsewhere"
    for delivery_id in published.delivery_ids:
        assert desk.store.ledger.claim_delivery(
            delivery_id, owner, "2999-01-01T00:00:00Z", desk.now()
        )
    deliveries.recover()
    assert desk.store.ledger.waiting_count() == len(published.delivery_ids)
    assert deliveries.recover_wanted()


def test_a_ticker_that_skips_beats_still_notices_a_sleep(clock: FakeClock) -> None:
    ticker = Ticker(lambda: None, clock, clock.monotonic)  # type: ignore[arg-type, return-value]
    ticker.observe()
    clock.run(seconds=3)
    assert not ticker.jumped()
    clock.sleep(minutes=10)  # suspended: the wall clock moved, the monotonic one did not
    assert ticker.jumped()
    assert ticker.observe()[1] == pytest.approx(timedelta(minutes=10).total_seconds())
