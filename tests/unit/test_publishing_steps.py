"""Issue #13: a publish checks its draft once per attempt and reuses that one result — for the
blocking problems, for the English/Arabic disagreements, and for the commit that follows the
app's "publish anyway?" — and the incident's promise is renewed once. A channel changed between
the check and the commit makes the attempt check again, inside the commit's transaction.
Probe channels alpha and beta (tests/probe.py); the site is disabled."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from statusdesk.app.checks import DraftChecks
from statusdesk.core.errors import Rejected
from statusdesk.core.model import BilingualText, Draft, IncidentState
from statusdesk.delivery import outbox
from statusdesk.desk import Desk
from tests.unit.test_schedule_support import FakeClock, draft, probe_desk

TITLE = BilingualText("API outage", "تعطل الواجهة")
# 3 retries in English, 5 in Arabic: a disagreement the check lists as a warning.
DISAGREE = Draft(
    BilingualText("We retried 3 times.", "أعدنا المحاولة 5 مرات."), IncidentState.IDENTIFIED
)


@pytest.fixture
def desk(home: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Desk]:
    with probe_desk(home, monkeypatch, FakeClock()) as opened:
        yield opened


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """How often a draft is checked, its disagreements computed and a promise renewed."""
    calls = {"check": 0, "disagreements": 0, "promise": 0}

    def counting(name: str, real):  # type: ignore[no-untyped-def]
        def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
            calls[name] += 1
            return real(*args, **kwargs)

        return wrapper

    monkeypatch.setattr(DraftChecks, "check_ready", counting("check", DraftChecks.check_ready))
    monkeypatch.setattr(
        DraftChecks, "disagreements", counting("disagreements", DraftChecks.disagreements)
    )
    monkeypatch.setattr(outbox, "refresh_promise", counting("promise", outbox.refresh_promise))
    return calls


def test_an_update_is_checked_once_and_its_promise_renewed_once(
    desk: Desk, counted: dict[str, int]
) -> None:
    opened = desk.publishing.open_incident(title=TITLE, draft=draft(), dispatch=False)
    assert counted == {"check": 1, "disagreements": 1, "promise": 1}
    desk.publishing.post_update(
        opened.incident_id, draft(IncidentState.IDENTIFIED), cadence_min=15, dispatch=False
    )
    assert counted == {"check": 2, "disagreements": 2, "promise": 2}


def test_the_app_asks_between_the_steps_and_commits_what_it_checked(
    desk: Desk, counted: dict[str, int]
) -> None:
    opened = desk.publishing.open_incident(title=TITLE, draft=draft(), dispatch=False)
    checked = desk.publishing.check_update(opened.incident_id, DISAGREE)
    assert checked.blocking == []
    asked = [p.field for p in checked.problems if p.field.startswith("body")]
    assert asked, "the disagreement is among the one check's problems"
    with pytest.raises(Rejected, match="disagree"):
        desk.publishing.commit(checked, anyway=False, dispatch=False)
    published = desk.publishing.commit(checked, anyway=True, dispatch=False)
    assert counted["check"] == 2 and counted["disagreements"] == 2  # opening, then this one
    update = desk.store.incidents.update(published.update_id)
    assert update is not None and update.body == DISAGREE.body


def test_a_channel_enabled_between_check_and_commit_is_not_left_out_silently(
    desk: Desk, counted: dict[str, int]
) -> None:
    opened = desk.publishing.open_incident(title=TITLE, draft=draft(), dispatch=False)
    gamma = desk.store.channels.add_channel(kind="probe", name="gamma", now=desk.now(), settings={})
    desk.store.channels.set_channel_enabled(gamma, False, desk.now(), "test")
    checked = desk.publishing.check_update(opened.incident_id, draft(IncidentState.IDENTIFIED))
    desk.store.channels.set_channel_enabled(gamma, True, desk.now(), "test")
    with pytest.raises(Rejected, match="gamma is enabled but left out") as refused:
        desk.publishing.commit(checked, dispatch=False)
    assert [p.field for p in refused.value.problems] == ["skip_reason"]
    assert counted["check"] == 3  # opening, the check, and the check again inside the commit
    assert len(desk.store.incidents.updates(opened.incident_id)) == 1  # nothing was recorded


def test_a_channel_unchanged_since_the_check_is_not_checked_again(
    desk: Desk, counted: dict[str, int]
) -> None:
    opened = desk.publishing.open_incident(title=TITLE, draft=draft(), dispatch=False)
    checked = desk.publishing.check_update(opened.incident_id, draft(IncidentState.IDENTIFIED))
    published = desk.publishing.commit(checked, dispatch=False)
    assert counted["check"] == 2
    names = {c.id: c.name for c in desk.store.channels.channels()}
    deliveries = desk.store.deliveries.deliveries_for_update(published.update_id)
    assert sorted(names[d.channel_id] for d in deliveries) == ["alpha", "beta"]
