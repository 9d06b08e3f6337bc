"""Three `statusdesk run` processes, each in its own folder as on its own host, working one
team workspace on a real PostgreSQL (issue #17): a burst of updates to two receivers is sent,
every update reaching every receiver exactly once, and every runner stops cleanly.

The burst keeps each runner's sixteen delivery workers busy at once: a desk whose workers held
their pooled connections while waiting on a receiver starved its own pool here (deliveries
stuck in `sending`, then `needs_decision` when the pool gave up)."""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

from bench.soak_lib import Receiver, RunnerProcess, _update_id, rows, setup_workspace
from statusdesk.core.model import BilingualText, Draft, IncidentState
from statusdesk.desk import Desk
from tests.servers.postgres import Postgres

UPDATES = 40
INCIDENTS = 5
RECEIVERS = 2
WAIT_S = 120  # a deadline on a loaded machine, not an expectation


def test_three_runners_deliver_a_burst_exactly_once(
    postgres_server: Postgres, tmp_path: Path
) -> None:
    url = postgres_server.create_database()
    receivers = [Receiver(f"hook-{n}", n, respond_after=0.0).start() for n in range(RECEIVERS)]
    runners: list[RunnerProcess] = []
    try:
        setup_workspace(tmp_path / "desk", receivers, url)
        runners = [RunnerProcess(tmp_path / f"runner-{n}", db=url) for n in range(3)]
        assert all(runner.ready.wait(60) for runner in runners), runners[0].output
        with Desk(tmp_path / "desk", db=url) as desk:
            incidents: list[int] = []
            for number in range(UPDATES):
                body = BilingualText(f"Update {number}.", f"التحديث {number}.")
                if len(incidents) < INCIDENTS:
                    incidents.append(
                        desk.publishing.open_incident(
                            title=BilingualText(f"Outage {number}", f"انقطاع {number}"),
                            draft=Draft(body, IncidentState.INVESTIGATING),
                            dispatch=False,
                        ).incident_id
                    )
                else:
                    desk.publishing.post_update(
                        incidents[number % INCIDENTS],
                        Draft(body, IncidentState.IDENTIFIED),
                        dispatch=False,
                    )
        query = "SELECT state, COUNT(*) AS n FROM delivery GROUP BY state"
        deadline = time.monotonic() + WAIT_S
        while time.monotonic() < deadline:
            states = {r["state"]: r["n"] for r in rows(tmp_path, query, db=url)}
            if states == {"sent": UPDATES * RECEIVERS}:
                break
            time.sleep(0.1)
        assert states == {"sent": UPDATES * RECEIVERS}, states
    finally:
        codes = [runner.terminate() for runner in runners]
        for receiver in receivers:
            receiver.stop()
    assert codes == [0, 0, 0], "\n".join(runner.output for runner in runners)
    for receiver in receivers:
        per_update = Counter(_update_id(post.body) for post in receiver.snapshot())
        assert len(per_update) == UPDATES and set(per_update.values()) == {1}, receiver.name
