"""The desktop app's publish keeps `review.required` (issue #17): until the app has its review
key, a publish from the composer is refused while review is on (nothing recorded, nothing
sent), unless the waiver lets a critical update through (recorded as waived)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from statusdesk.core.errors import Rejected
from statusdesk.core.model import Impact
from statusdesk.desk import Desk
from tests.unit.test_app_compose import snapshot
from tests.unit.test_schedule_support import FakeClock, probe_desk


@pytest.fixture
def desk(home: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Desk]:
    with probe_desk(home, monkeypatch, FakeClock()) as opened:
        yield opened


def test_the_composer_publishes_as_before_while_review_is_off(desk: Desk) -> None:
    outcome = desk.composing.publish_and_read(snapshot())
    assert desk.views.incident(outcome.published.incident_id) is not None
    assert desk.reviews.every_review() == []


def test_the_composer_cannot_bypass_review(desk: Desk) -> None:
    desk.settings.set_workspace_setting("review.required", "on")
    with pytest.raises(Rejected) as refused:
        desk.composing.publish_and_read(snapshot())
    assert "statusdesk incident open" in str(refused.value)
    assert desk.views.incidents() == []
    assert desk.reviews.every_review() == []


def test_a_critical_update_from_the_composer_goes_out_when_waived(desk: Desk) -> None:
    desk.settings.set_workspace_setting("review.required", "on")
    desk.settings.set_workspace_setting("review.waive", "critical")
    with pytest.raises(Rejected):
        desk.composing.publish_and_read(snapshot(impact=Impact.MAJOR))
    outcome = desk.composing.publish_and_read(snapshot(impact=Impact.CRITICAL))
    (waived,) = desk.reviews.every_review()
    assert (waived.state, waived.update_id) == ("waived", outcome.published.update_id)
    assert (
        waived.author
        == desk.views.incident_detail(outcome.published.incident_id)[  # type: ignore[index]
            "updates"
        ][0]["author"]
    )
