"""Two real `statusdesk run` processes racing on the same due updates against the same
workspace — its SQLite file (issue #5), or its records on a real PostgreSQL server (issue #17,
a team desk's runners on more than one machine): each update goes out exactly once — one
`published` claim, one `update.published` event, one delivery per channel, one request per
receiver — in every round.

Both runners wake at the due second itself (they sleep until the soonest due time, not a whole
poll), so each round is a real race for one conditional UPDATE. Which process won each round is
read from the event's actor (`host:pid:token`) and printed: both win rounds. The channels are
webhooks to local receivers in this process (bench/soak_lib.py), answering at once.
"""

from __future__ import annotations

import math
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bench.soak_lib import Receiver, RunnerProcess, _update_id, rows, setup_workspace
from statusdesk.core.model import BilingualText, Draft, IncidentState
from statusdesk.desk import Desk

ROUNDS = 22
RECEIVERS = 2


@pytest.fixture(params=["sqlite", "postgres"])
def team_db(request: pytest.FixtureRequest) -> str | None:
    """None: the workspace's SQLite file; else a fresh database on a real PostgreSQL server."""
    if request.param == "sqlite":
        return None
    server = request.getfixturevalue("postgres_server")
    url: str = server.create_database()
    return url


def _schedule(home: Path, first_due: datetime, db: str | None) -> list[int]:
    with Desk(home, db=db) as desk:
        incident = desk.publishing.open_incident(
            title=BilingualText("Race", "سباق"),
            draft=Draft(BilingualText("Opened.", "فُتح."), IncidentState.INVESTIGATING),
            dispatch=False,
        ).incident_id
        states = [IncidentState.IDENTIFIED, IncidentState.MONITORING]
        return [
            desk.publishing.post_update(
                incident,
                Draft(BilingualText(f"Round {n}.", f"الجولة {n}."), states[n % 2]),
                scheduled_for=first_due + timedelta(seconds=n),
                dispatch=False,
            ).update_id
            for n in range(ROUNDS)
        ]


def _wait_done(home: Path, ids: list[int], deadline: float, db: str | None) -> None:
    marks = ",".join("?" for _ in ids)
    while time.monotonic() < deadline:
        published = rows(
            home,
            f"SELECT COUNT(*) AS n FROM \"update\" WHERE status = 'published' AND id IN ({marks})",
            *ids,
            db=db,
        )[0]["n"]
        unsent = rows(home, "SELECT COUNT(*) AS n FROM delivery WHERE state != 'sent'", db=db)[0][
            "n"
        ]
        if published == len(ids) and unsent == 0:
            return
        time.sleep(0.1)
    raise AssertionError("not every scheduled update went out and was delivered in time")


def test_two_runners_publish_each_due_update_exactly_once(home: Path, team_db: str | None) -> None:
    db = team_db
    receivers = [Receiver(f"hook{i}", i, respond_after=0.0).start() for i in range(RECEIVERS)]
    runners: list[RunnerProcess] = []
    try:
        setup_workspace(home, receivers, db)
        runners = [RunnerProcess(home, poll=0.05, db=db) for _ in range(2)]
        for runner in runners:
            assert runner.ready.wait(30), runner.output
        first_due = datetime.fromtimestamp(math.ceil(time.time()) + 2, UTC)
        ids = _schedule(home, first_due, db)
        _wait_done(home, ids, time.monotonic() + ROUNDS + 20, db)
    finally:
        codes = [runner.terminate() for runner in runners]
        for receiver in receivers:
            receiver.stop()
    assert codes == [0, 0], "\n".join(r.output for r in runners)

    pids = {runner.process.pid: index for index, runner in enumerate(runners)}
    winners: Counter[int] = Counter()
    lateness = []
    seen = {r.name: Counter(_update_id(p.body) for p in r.snapshot()) for r in receivers}
    for update_id in ids:
        (update,) = rows(home, 'SELECT * FROM "update" WHERE id = ?', update_id, db=db)
        assert update["status"] == "published"
        published = rows(
            home, "SELECT actor FROM event WHERE kind = 'update.published' AND update_id = ?",
            update_id, db=db,
        )  # fmt: skip
        assert len(published) == 1, f"update {update_id} published {len(published)} times"
        winners[pids[int(published[0]["actor"].split(":")[1])]] += 1
        deliveries = rows(home, "SELECT * FROM delivery WHERE update_id = ?", update_id, db=db)
        assert len(deliveries) == RECEIVERS and {d["state"] for d in deliveries} == {"sent"}
        assert all(d["attempts"] == 1 for d in deliveries)
        for name, counts in seen.items():
            assert counts[update_id] == 1, f"update {update_id} reached {name} {counts[update_id]}x"
        late = datetime.fromisoformat(update["published_at"].replace("Z", "+00:00")) - (
            datetime.fromisoformat(update["scheduled_for"].replace("Z", "+00:00"))
        )
        lateness.append(late.total_seconds())
    stale = rows(home, "SELECT COUNT(*) AS n FROM event WHERE kind = 'update.stale'", db=db)[0]["n"]
    assert stale == 0
    # Every request a receiver saw is one delivery's, once.
    keys = [p.key for r in receivers for p in r.snapshot()]
    assert len(keys) == len(set(keys)) == (ROUNDS + 1) * RECEIVERS
    print(
        f"{'PostgreSQL' if db else 'SQLite'}: {ROUNDS} rounds, each published once; won by "
        f"runner 0: {winners[0]}, runner 1: {winners[1]}; published at most "
        f"{max(lateness):.0f} s after the due second"
    )
    assert max(lateness) <= 1
