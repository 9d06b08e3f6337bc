"""The desktop app's publish keeps `review.required` (issue #17): while review is on, the
composer's publish submits the update for review (nothing recorded as published, nothing sent),
unless the waiver lets a critical update through (recorded as waived). An update submitted with
a time keeps it: approved, it is scheduled for then — or, its time passed while it waited,
published at once (and said so). Updates scheduled before review was turned on stay as they
were: scheduling them was the decision to publish them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from statusdesk.app.compose import PublishOutcome, SubmittedOutcome
from statusdesk.app.maintenance import MaintenanceRequest
from statusdesk.app.review import fired_late
from statusdesk.core.errors import Rejected
from statusdesk.core.model import BilingualText, Impact, UpdateStatus
from statusdesk.desk import Desk
from statusdesk.scheduling.template_store import save_template
from tests.unit.test_app_compose import snapshot
from tests.unit.test_schedule_support import FakeClock, probe_desk


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def desk(home: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock) -> Iterator[Desk]:
    with probe_desk(home, monkeypatch, clock) as opened:
        yield opened


def test_the_composer_publishes_as_before_while_review_is_off(desk: Desk) -> None:
    outcome = desk.composing.publish_and_read(snapshot())
    assert isinstance(outcome, PublishOutcome)
    assert desk.views.incident(outcome.published.incident_id) is not None
    assert desk.reviews.every_review() == []


def test_the_composer_submits_for_review_while_review_is_on(desk: Desk) -> None:
    desk.settings.set_workspace_setting("review.required", "on")
    outcome = desk.composing.publish_and_read(snapshot())
    assert isinstance(outcome, SubmittedOutcome)
    assert outcome.review.state == "in_review"
    assert desk.views.incidents() == []  # nothing published, nothing sent
    (waiting,) = desk.reviews.pending()
    assert waiting.id == outcome.review.id
    assert waiting.author == desk.reviews.who()  # the desk's author wrote it
    assert desk.reviews.own(waiting, desk.reviews.who().upper())
    with pytest.raises(Rejected, match="cannot approve it too"):
        desk.reviews.approve(waiting.id, desk.reviews.who(), dispatch=False)
    published = desk.reviews.approve(waiting.id, "someone else", dispatch=False)
    assert published.scheduled_for is None and not fired_late(waiting, published)
    assert desk.views.incident(published.incident_id) is not None


def test_a_critical_update_from_the_composer_goes_out_when_waived(desk: Desk) -> None:
    desk.settings.set_workspace_setting("review.required", "on")
    desk.settings.set_workspace_setting("review.waive", "critical")
    assert isinstance(
        desk.composing.publish_and_read(snapshot(impact=Impact.MAJOR)), SubmittedOutcome
    )
    outcome = desk.composing.publish_and_read(snapshot(impact=Impact.CRITICAL))
    assert isinstance(outcome, PublishOutcome)
    waived = [r for r in desk.reviews.every_review() if r.state == "waived"]
    assert [r.update_id for r in waived] == [outcome.published.update_id]
    detail = desk.views.incident_detail(outcome.published.incident_id)
    assert detail is not None and waived[0].author == detail["updates"][0]["author"]


def test_a_scheduled_update_is_reviewed_and_scheduled_on_approval(
    desk: Desk, clock: FakeClock
) -> None:
    desk.settings.set_workspace_setting("review.required", "on")
    at = clock.now() + timedelta(hours=2)
    outcome = desk.composing.publish_and_read(snapshot(), scheduled_for=at)
    assert isinstance(outcome, SubmittedOutcome)
    assert outcome.review.submission["scheduled_for"] is not None  # the review keeps it
    clock.run(minutes=30)  # reviewed well before its time
    published = desk.reviews.approve(outcome.review.id, "omar", dispatch=False)
    assert published.scheduled_for is not None and not fired_late(outcome.review, published)
    (update,) = desk.store.incidents.updates(published.incident_id)
    assert update.status is UpdateStatus.SCHEDULED
    assert desk.views.deliveries_for_update(update.id) == []  # nothing sent before its time


def test_a_scheduled_update_whose_time_passed_in_review_goes_out_at_once(
    desk: Desk, clock: FakeClock
) -> None:
    opened = desk.composing.publish_and_read(snapshot())
    assert isinstance(opened, PublishOutcome)
    desk.settings.set_workspace_setting("review.required", "on")
    at = clock.now() + timedelta(minutes=10)
    incident = opened.published.incident_id
    outcome = desk.composing.publish_and_read(snapshot(incident), scheduled_for=at)
    assert isinstance(outcome, SubmittedOutcome)
    clock.run(hours=1)  # the review took longer than the time it was meant for
    published = desk.reviews.approve(outcome.review.id, "omar", dispatch=False)
    assert published.scheduled_for is None and fired_late(outcome.review, published)
    assert len(published.delivery_ids) == 2  # published now, to both channels


def test_an_update_scheduled_before_review_was_turned_on_still_goes_out(
    desk: Desk, clock: FakeClock
) -> None:
    opened = desk.composing.publish_and_read(snapshot())
    assert isinstance(opened, PublishOutcome)
    incident = opened.published.incident_id
    scheduled = desk.composing.publish_and_read(
        snapshot(incident), scheduled_for=clock.now() + timedelta(minutes=10)
    )
    assert isinstance(scheduled, PublishOutcome)
    desk.settings.set_workspace_setting("review.required", "on")
    clock.run(minutes=11)
    desk.scheduling.fire_due(dispatch=False)
    update = next(
        u for u in desk.store.incidents.updates(incident) if u.id == scheduled.published.update_id
    )
    assert update.status is UpdateStatus.PUBLISHED  # scheduling it was the decision
    assert desk.reviews.every_review() == []


def maintenance(desk: Desk, clock: FakeClock, **changes: object) -> MaintenanceRequest:
    fields: dict[str, object] = {
        "title": BilingualText("DB upgrade", "ترقية قاعدة البيانات"),
        "window_start": clock.now() + timedelta(hours=3),
        "window_end": clock.now() + timedelta(hours=4),
        "channel_names": ("alpha", "beta"),
        "components": {},
        "impact": Impact.MINOR,
        "remind_min": 0,
        "cadence_min": 30,
        "author": "nadia",
        "body": BilingualText(),
        "overrides": {},
        "announce_at": None,
        "skip_reason": None,
    }
    fields.update(changes)
    return MaintenanceRequest(**fields)  # type: ignore[arg-type]


def test_a_maintenance_announced_later_is_announced_at_once_when_its_time_passed_in_review(
    desk: Desk, clock: FakeClock
) -> None:
    desk.settings.set_workspace_setting("review.required", "on")
    request = maintenance(desk, clock, announce_at=clock.now() + timedelta(minutes=30))
    submitted = desk.reviews.submit_maintenance(request, anyway=True, dispatch=False)
    assert submitted.published is None and desk.views.incidents() == []
    clock.run(hours=1)
    first = desk.reviews.approve(submitted.review.id, "omar", dispatch=False)
    assert first.scheduled_for is None and fired_late(submitted.review, first)
    assert len(first.delivery_ids) == 2
    updates = desk.store.incidents.updates(first.incident_id)
    assert [u.status for u in updates] == [
        UpdateStatus.PUBLISHED,
        UpdateStatus.SCHEDULED,
        UpdateStatus.SCHEDULED,
    ]
    assert updates[0].body.en == submitted.review.submission["draft"]["body"]["en"]


def test_a_maintenance_whose_template_changed_in_review_is_refused(
    desk: Desk, clock: FakeClock
) -> None:
    desk.settings.set_workspace_setting("review.required", "on")
    submitted = desk.reviews.submit_maintenance(maintenance(desk, clock), anyway=True)
    template = desk.templating.templates()["completed"]
    save_template(
        desk.paths.home,
        replace(template, text=BilingualText("All done, for real.", "انتهى كل شيء حقًا.")),
    )
    with pytest.raises(Rejected, match="completed announcement no longer reads"):
        desk.reviews.approve(submitted.review.id, "omar", dispatch=False)
    assert desk.views.incidents() == []
    assert [r.state for r in desk.reviews.pending()] == ["in_review"]  # still to decide


def test_a_critical_maintenance_opens_at_once_when_waived(desk: Desk, clock: FakeClock) -> None:
    desk.settings.set_workspace_setting("review.required", "on")
    desk.settings.set_workspace_setting("review.waive", "critical")
    submitted = desk.reviews.submit_maintenance(
        maintenance(desk, clock, impact=Impact.CRITICAL), anyway=True, dispatch=False
    )
    assert submitted.opened is not None and submitted.review.state == "waived"
    assert desk.views.incident(submitted.opened.incident_id) is not None


def test_an_update_not_yet_out_gets_no_new_words_while_review_is_on(
    desk: Desk, clock: FakeClock
) -> None:
    opened = desk.composing.publish_and_read(snapshot())
    assert isinstance(opened, PublishOutcome)
    scheduled = desk.composing.publish_and_read(
        snapshot(opened.published.incident_id), scheduled_for=clock.now() + timedelta(hours=1)
    )
    assert isinstance(scheduled, PublishOutcome)
    update_id = scheduled.published.update_id
    desk.settings.set_workspace_setting("review.required", "on")
    with pytest.raises(Rejected, match="submit the new text for review"):
        desk.scheduling.edit_update(update_id, body=BilingualText("Other words.", "كلمات أخرى."))
    # Its time is still anyone's to move: scheduling it was the decision to publish it.
    moved = desk.scheduling.reschedule_update(update_id, clock.now() + timedelta(hours=2))
    assert moved.body.en == scheduled.view.page.updates[-1].body.en  # type: ignore[union-attr]
