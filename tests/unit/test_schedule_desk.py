"""Scheduling through the Desk and the runner, on a clock the test moves (issue #5): no
deliveries before an update falls due, due computation, the grace window and stale updates,
sleep and wake as a clock jump, cancel / reschedule / discard / send / edit rules, maintenance
announcements and the next-update promise. Nothing sleeps: the clock is moved by hand."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from statusdesk.core.errors import Rejected
from statusdesk.core.model import (
    BilingualText,
    ComponentStatus,
    DeliveryState,
    Draft,
    IncidentKind,
    IncidentState,
    UpdateStatus,
)
from statusdesk.core.timefmt import iso
from statusdesk.desk import Desk
from statusdesk.runner import Runner
from statusdesk.scheduling.due import DueReport
from tests.unit.test_schedule_support import (
    AR,
    EN,
    T0,
    FakeClock,
    draft,
    events,
    open_now,
    probe_desk,
)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def desk(home: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock) -> Desk:
    with probe_desk(home, monkeypatch, clock) as opened:
        yield opened  # type: ignore[misc]


def schedule(desk: Desk, incident_id: int, minutes: float, state: IncidentState) -> int:
    published = desk.publishing.post_update(
        incident_id,
        draft(state, f"{state.value} update", f"تحديث {state.value}"),
        scheduled_for=desk.clock.now() + timedelta(minutes=minutes),
        dispatch=False,
    )
    assert published.delivery_ids == ()
    return published.update_id


# -- storing and falling due ----------------------------------------------------------------------


def test_a_scheduled_update_has_no_deliveries_until_it_falls_due(
    desk: Desk, clock: FakeClock
) -> None:
    incident = open_now(desk).incident_id
    update_id = schedule(desk, incident, 10, IncidentState.IDENTIFIED)
    update = desk.store.incidents.update(update_id)
    assert update is not None and update.status is UpdateStatus.SCHEDULED
    assert update.scheduled_for == iso(T0 + timedelta(minutes=10))
    assert desk.store.deliveries.deliveries_for_update(update_id) == []
    assert desk.scheduling.next_due() == T0 + timedelta(minutes=10)
    assert [e["kind"] for e in desk.store.audit.events(incident)][-1] == "update.scheduled"
    # The incident is as it was: the update changes it when it goes out.
    assert desk.store.incidents.incident(incident).state is IncidentState.INVESTIGATING  # type: ignore[union-attr]

    clock.run(minutes=9, seconds=59)
    assert desk.scheduling.fire_due(dispatch=False).fired == []
    clock.run(seconds=1)  # exactly due
    report = desk.scheduling.fire_due(dispatch=False)
    assert [f.published.update_id for f in report.fired] == [update_id]
    assert report.fired[0].late_seconds == 0
    deliveries = desk.store.deliveries.deliveries_for_update(update_id)
    assert [d.state.value for d in deliveries] == ["pending", "pending"]
    assert sorted(report.delivery_ids) == sorted(d.id for d in deliveries)
    incident_now = desk.store.incidents.incident(incident)
    assert incident_now is not None and incident_now.state is IncidentState.IDENTIFIED
    assert desk.scheduling.fire_due(dispatch=False).fired == []  # once
    assert desk.scheduling.next_due() is None


def test_what_a_scheduled_update_sets_happens_when_it_goes_out(
    desk: Desk, clock: FakeClock
) -> None:
    incident = open_now(desk).incident_id
    published = desk.publishing.post_update(
        incident,
        draft(IncidentState.MONITORING).__class__(
            body=BilingualText("Monitoring.", "نراقب."),
            state=IncidentState.MONITORING,
            component_status={"API": ComponentStatus.DEGRADED_PERFORMANCE},
            overrides={"alpha": "custom alpha text"},
        ),
        channel_names=["alpha"],
        scheduled_for=T0 + timedelta(minutes=5),
        dispatch=False,
        skip_reason="beta only carries openings",
    )
    assert desk.store.components.component_by_name("API") is None  # nothing yet
    clock.run(minutes=5)
    desk.scheduling.fire_due(dispatch=False)
    api = desk.store.components.component_by_name("API")
    assert api is not None and api.status is ComponentStatus.DEGRADED_PERFORMANCE
    delivery, skipped = desk.store.deliveries.deliveries_for_update(published.update_id)
    assert (skipped.state, skipped.decision_note) == (
        DeliveryState.SKIPPED,
        "beta only carries openings",
    )
    assert desk.store.channels.channel(delivery.channel_id).name == "alpha"  # type: ignore[union-attr]
    assert desk.store.deliveries.update_override(published.update_id, delivery.channel_id) == (
        "custom alpha text"
    )
    changes = desk.store.incidents.component_changes(published.update_id)
    assert [(c.component_id, c.new_status) for c in changes] == [
        (api.id, ComponentStatus.DEGRADED_PERFORMANCE)
    ]


def test_a_scheduled_resolving_update_gives_the_components_back_when_it_fires(
    desk: Desk, clock: FakeClock
) -> None:
    """Issue #12 §2: resolving puts the affected components back to operational, also when the
    resolving update was scheduled and falls due later."""
    opened = desk.publishing.open_incident(
        title=BilingualText("API outage", "تعطل الواجهة"),
        draft=Draft(
            BilingualText(EN, AR),
            IncidentState.INVESTIGATING,
            component_status={"API": ComponentStatus.MAJOR_OUTAGE},
        ),
        dispatch=False,
    )
    published = desk.publishing.post_update(
        opened.incident_id,
        draft(IncidentState.RESOLVED, "Resolved.", "تم الحل."),
        scheduled_for=T0 + timedelta(minutes=5),
        dispatch=False,
    )
    api = desk.store.components.component_by_name("API")
    assert api is not None and api.status is ComponentStatus.MAJOR_OUTAGE  # not yet
    clock.run(minutes=5)
    desk.scheduling.fire_due(dispatch=False)
    api = desk.store.components.component_by_name("API")
    assert api is not None and api.status is ComponentStatus.OPERATIONAL
    changes = desk.store.incidents.component_changes(published.update_id)
    assert [(c.component_id, c.old_status, c.new_status) for c in changes] == [
        (api.id, ComponentStatus.MAJOR_OUTAGE, ComponentStatus.OPERATIONAL)
    ]


def test_a_stop_from_a_signal_handler_never_waits_on_the_loops_lock(desk: Desk) -> None:
    """SIGTERM's handler runs on the main thread between two of its bytecodes — possibly
    inside the loop's wait, which holds a lock that is not reentrant; a stop that took it
    there would wait forever, and `statusdesk run` would never stop. The moment is modelled by
    holding that lock in the thread that stops; the stop is then seen by the loop."""
    import threading

    with Runner(desk, poll_seconds=30.0, say=lambda _line: None) as runner:
        stopped = threading.Event()

        def signal_arrives_inside_the_wait() -> None:
            with runner.stop_requested._cond:  # type: ignore[attr-defined]
                runner.stop()
            stopped.set()

        threading.Thread(target=signal_arrives_inside_the_wait, daemon=True).start()
        assert stopped.wait(10), "stop() waited on a lock its own thread holds"
        runner.run()  # returns after one poll, not after 30 s: the stop waits on the socket
        assert runner.stop_requested.is_set()


def test_the_runner_says_each_lapsed_promise_once_and_a_new_lapse_again(
    desk: Desk, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    """Issue #12 §2: a lapsed next-update promise is visible without the app."""
    incident = open_now(desk).incident_id  # promises the next update at T0 + 30 min
    lines: list[str] = []
    with Runner(desk, poll_seconds=1.0, say=lines.append, monotonic=clock.monotonic) as runner:
        clock.run(minutes=29)
        runner.poll()
        assert not [line for line in lines if "overdue" in line]
        clock.run(minutes=4)
        with caplog.at_level("WARNING", logger="statusdesk.runner"):
            runner.poll()
            runner.poll()
            clock.run(minutes=2)
            runner.poll()
        said = [line for line in lines if "overdue" in line]
        assert said == [f"incident {incident}: next update overdue by 3 min"]  # once per lapse
        assert [r.getMessage() for r in caplog.records if "overdue" in r.getMessage()] == said

        desk.publishing.post_update(
            incident, draft(IncidentState.IDENTIFIED), dispatch=False
        )  # kept
        clock.run(minutes=29)
        runner.poll()
        assert [line for line in lines if "overdue" in line] == said
        clock.run(minutes=4)  # the new promise lapses too: a new line
        runner.poll()
        assert [line for line in lines if "overdue" in line] == [*said, said[0]]
        desk.publishing.post_update(
            incident, draft(IncidentState.RESOLVED), dispatch=False
        )  # owes nothing
        clock.run(hours=2)
        runner.poll()
        assert len([line for line in lines if "overdue" in line]) == 2


def test_a_time_in_the_past_is_refused(desk: Desk) -> None:
    incident = open_now(desk).incident_id
    with pytest.raises(Rejected, match="has passed"):
        desk.publishing.post_update(incident, draft(), scheduled_for=T0 - timedelta(seconds=1))


# -- the grace window -----------------------------------------------------------------------------


def test_four_minutes_late_goes_out_and_keeps_its_intended_time(
    desk: Desk, clock: FakeClock
) -> None:
    incident = open_now(desk).incident_id
    update_id = schedule(desk, incident, 10, IncidentState.IDENTIFIED)
    clock.sleep(minutes=14)  # nothing ran when it fell due
    report = desk.scheduling.fire_due(dispatch=False)
    assert [f.late_seconds for f in report.fired] == [240]
    update = desk.store.incidents.update(update_id)
    assert update is not None and update.status is UpdateStatus.PUBLISHED
    assert update.scheduled_for == iso(T0 + timedelta(minutes=10))  # intended
    assert update.published_at == iso(T0 + timedelta(minutes=14))  # actual
    (event,) = events(desk, "update.published", update_id)
    assert '"late_seconds": 240.0' in str(event["data"]) and '"trigger": "due"' in str(
        event["data"]
    )


def test_six_minutes_late_turns_stale_and_is_not_sent_until_a_person_sends_it(
    desk: Desk, clock: FakeClock
) -> None:
    incident = open_now(desk).incident_id
    update_id = schedule(desk, incident, 10, IncidentState.IDENTIFIED)
    clock.sleep(minutes=16)
    report = desk.scheduling.fire_due(dispatch=False)
    assert report.fired == [] and [s.update_id for s in report.stale] == [update_id]
    assert report.stale[0].late_seconds == 360
    assert desk.store.incidents.update(update_id).status is UpdateStatus.STALE  # type: ignore[union-attr]
    assert desk.store.deliveries.deliveries_for_update(update_id) == []
    clock.run(hours=1)
    assert (
        desk.scheduling.fire_due(dispatch=False) == report.__class__()
    )  # still waiting, never by itself
    assert [u.id for u in desk.scheduling.pending_updates()] == [update_id]

    published = desk.scheduling.send_update(update_id, "ops", dispatch=False)
    assert len(published.delivery_ids) == 2
    update = desk.store.incidents.update(update_id)
    assert update is not None and update.status is UpdateStatus.PUBLISHED
    assert update.published_at == iso(clock.now())
    (event,) = events(desk, "update.published", update_id)
    assert event["actor"] == "ops" and '"trigger": "send"' in str(event["data"])
    assert len(events(desk, "update.stale", update_id)) == 1


def test_exactly_the_grace_window_late_is_stale_and_the_window_is_a_setting(
    desk: Desk, clock: FakeClock
) -> None:
    incident = open_now(desk).incident_id
    first = schedule(desk, incident, 1, IncidentState.IDENTIFIED)
    second = schedule(desk, incident, 2, IncidentState.MONITORING)
    clock.sleep(minutes=6)  # first: 5 min late (stale), second: 4 min late (goes out)
    report = desk.scheduling.fire_due(dispatch=False)
    assert [s.update_id for s in report.stale] == [first]
    assert [f.published.update_id for f in report.fired] == [second]

    desk.settings.set_setting("schedule.grace_minutes", "10")
    third = schedule(desk, incident, 1, IncidentState.MONITORING)
    clock.sleep(minutes=10)  # 9 min late
    assert [f.published.update_id for f in desk.scheduling.fire_due(dispatch=False).fired] == [
        third
    ]
    desk.settings.set_setting("schedule.grace_minutes", "soon")  # unreadable: the default, logged
    assert desk.settings.grace() == timedelta(minutes=5)


# -- sleep and wake: the runner notices the jump ---------------------------------------------------


def test_the_runner_notices_a_sleep_and_applies_the_grace_rule_on_wake(
    desk: Desk, clock: FakeClock
) -> None:
    incident = open_now(desk).incident_id
    soon = schedule(desk, incident, 5, IncidentState.IDENTIFIED)
    later = schedule(desk, incident, 10, IncidentState.MONITORING)
    lines: list[str] = []
    with Runner(desk, poll_seconds=1.0, say=lines.append, monotonic=clock.monotonic) as runner:
        runner.poll()
        assert runner.wait_seconds() == 1.0  # nothing due within a poll
        clock.run(minutes=4, seconds=59, milliseconds=500)
        assert runner.wait_seconds() == pytest.approx(0.502)  # wakes right at the due time
        clock.run(seconds=1)
        runner.poll()  # awake: `soon` goes out on time
        assert f"update {soon} (incident {incident}) published" in lines[-1]
        lines.clear()

        clock.sleep(minutes=13)  # suspended: the wall clock moves, the monotonic one does not
        tick = runner.poll()
        assert tick.jump_seconds == pytest.approx(13 * 60)
        assert lines[0].startswith("the wall clock jumped 13 min ahead since the last poll")
        assert [s.update_id for s in tick.report.stale] == [later]  # 8 min late: stale
        assert f"update {later} (incident {incident}) is stale" in lines[1]
        assert f"`statusdesk update send {later}`" in lines[1]
        lines.clear()
        clock.run(seconds=1)
        assert runner.poll().jump_seconds is None and lines == []


def test_a_short_sleep_within_the_grace_window_still_sends(desk: Desk, clock: FakeClock) -> None:
    incident = open_now(desk).incident_id
    update_id = schedule(desk, incident, 1, IncidentState.IDENTIFIED)
    lines: list[str] = []
    with Runner(desk, say=lines.append, monotonic=clock.monotonic) as runner:
        runner.poll()
        clock.sleep(minutes=3)
        tick = runner.poll()
        assert tick.jump_seconds == pytest.approx(180)
        assert [f.published.update_id for f in tick.report.fired] == [update_id]
        assert tick.report.fired[0].late_seconds == 120


# -- a person's actions before it goes out ---------------------------------------------------------


def test_cancel_reschedule_discard_and_edit_before_it_goes_out(
    desk: Desk, clock: FakeClock
) -> None:
    incident = open_now(desk).incident_id
    a = schedule(desk, incident, 10, IncidentState.IDENTIFIED)
    b = schedule(desk, incident, 20, IncidentState.MONITORING)

    assert desk.scheduling.cancel_update(a, "ops").status is UpdateStatus.CANCELLED
    moved = desk.scheduling.reschedule_update(b, T0 + timedelta(minutes=30), "ops")
    assert moved.scheduled_for == iso(T0 + timedelta(minutes=30))
    edited = desk.scheduling.edit_update(b, body=BilingualText(en="Watching closely."), by="ops")
    assert (edited.body.en, edited.body.ar) == ("Watching closely.", "تحديث monitoring")

    clock.run(minutes=25)
    assert desk.scheduling.fire_due(dispatch=False).fired == []  # a: cancelled; b: moved to 30
    clock.run(minutes=5)
    (fired,) = desk.scheduling.fire_due(dispatch=False).fired
    assert fired.published.update_id == b
    kinds = [e["kind"] for e in desk.store.audit.events(incident)]
    for kind in ("update.cancelled", "update.rescheduled", "update.edited"):
        assert kind in kinds

    c = schedule(desk, incident, 1, IncidentState.MONITORING)
    clock.sleep(minutes=30)
    desk.scheduling.fire_due(dispatch=False)  # stale
    assert desk.scheduling.discard_update(c, "ops").status is UpdateStatus.CANCELLED
    assert len(events(desk, "update.discarded", c)) == 1


@pytest.mark.parametrize(
    ("action", "message"),
    [
        (lambda d, u: d.scheduling.cancel_update(u), "already went out"),
        (lambda d, u: d.scheduling.discard_update(u), "already went out"),
        (lambda d, u: d.scheduling.send_update(u), "already went out"),
        (
            lambda d, u: d.scheduling.reschedule_update(u, T0 + timedelta(hours=2)),
            "already went out",
        ),
        (lambda d, u: d.scheduling.edit_update(u, body=BilingualText(en="x")), "already went out"),
    ],
)
def test_nothing_can_be_done_to_an_update_that_went_out(
    desk: Desk, clock: FakeClock, action: object, message: str
) -> None:
    incident = open_now(desk).incident_id
    update_id = schedule(desk, incident, 1, IncidentState.IDENTIFIED)
    clock.run(minutes=1)
    desk.scheduling.fire_due(dispatch=False)
    with pytest.raises(Rejected, match=message):
        action(desk, update_id)  # type: ignore[operator]


def test_refusals_for_cancelled_unknown_and_past(desk: Desk, clock: FakeClock) -> None:
    incident = open_now(desk).incident_id
    update_id = schedule(desk, incident, 10, IncidentState.IDENTIFIED)
    with pytest.raises(Rejected, match="has passed"):
        desk.scheduling.reschedule_update(update_id, T0 - timedelta(minutes=1))
    desk.scheduling.cancel_update(update_id)
    with pytest.raises(Rejected, match="already cancelled"):
        desk.scheduling.cancel_update(update_id)
    with pytest.raises(Rejected, match="already cancelled"):
        desk.scheduling.send_update(update_id)
    with pytest.raises(Rejected, match="There is no update 999"):
        desk.scheduling.cancel_update(999)
    other = schedule(desk, incident, 10, IncidentState.IDENTIFIED)
    with pytest.raises(Rejected, match="the limit is 20,000"):  # checked again, as when written
        desk.scheduling.edit_update(other, body=BilingualText(en="x" * 20_001))


# -- the next-update promise -----------------------------------------------------------------------


def test_publishing_sets_the_promise_and_resolving_clears_it(desk: Desk, clock: FakeClock) -> None:
    incident = open_now(desk).incident_id

    def due() -> str | None:
        found = desk.store.incidents.incident(incident)
        assert found is not None
        return found.next_update_due

    assert due() == iso(T0 + timedelta(minutes=30))
    clock.run(minutes=7)
    desk.publishing.post_update(
        incident, draft(IncidentState.IDENTIFIED), cadence_min=15, dispatch=False
    )
    assert due() == iso(T0 + timedelta(minutes=22))
    assert desk.store.incidents.incident(incident).cadence_min == 15  # type: ignore[union-attr]
    assert desk.scheduling.promise(desk.store.incidents.incident(incident)).level.value == "ok"  # type: ignore[arg-type]
    clock.run(minutes=12)
    assert desk.scheduling.promise(desk.store.incidents.incident(incident)).level.value == "amber"  # type: ignore[arg-type]

    schedule(desk, incident, 2, IncidentState.MONITORING)  # scheduling promises nothing new
    assert due() == iso(T0 + timedelta(minutes=22))
    clock.run(minutes=2)
    desk.scheduling.fire_due(dispatch=False)
    assert due() == iso(T0 + timedelta(minutes=36))  # the scheduled one went out at 21
    desk.publishing.post_update(incident, draft(IncidentState.RESOLVED), dispatch=False)
    assert due() is None
    detail = desk.views.incident_detail(incident)
    assert detail is not None and detail["next_update_due"] is None


def test_cadence_out_of_range_is_refused(desk: Desk) -> None:
    incident = open_now(desk).incident_id
    with pytest.raises(Rejected, match="cadence of 0 min"):
        desk.publishing.post_update(incident, draft(), cadence_min=0)


# -- maintenance --------------------------------------------------------------------------------


def test_a_maintenance_announces_itself_at_open_with_the_right_times_and_texts(
    desk: Desk, clock: FakeClock
) -> None:
    start, end = T0 + timedelta(hours=2), T0 + timedelta(hours=4)
    desk.settings.set_setting("display.digits", "arab")
    opened = desk.maintenance.open_maintenance(
        title=BilingualText("Database upgrade", "ترقية قاعدة البيانات"),
        window_start=start,
        window_end=end,
        remind_min=30,
        components={"Database": ComponentStatus.UNDER_MAINTENANCE},
        author="ops",
        dispatch=False,
    )
    plan = [(a.template, a.state, a.at, p.scheduled_for) for a, p in opened.announcements]
    S = IncidentState
    remind = start - timedelta(minutes=30)
    assert plan == [
        ("scheduled", S.SCHEDULED, None, None),
        ("reminder", S.SCHEDULED, remind, iso(remind)),
        ("in_progress", S.IN_PROGRESS, start, iso(start)),
        ("completed", S.COMPLETED, end, iso(end)),
    ]  # fmt: skip
    incident = desk.store.incidents.incident(opened.incident_id)
    assert incident is not None and incident.kind is IncidentKind.MAINTENANCE
    assert (incident.window_start, incident.window_end) == (iso(start), iso(end))
    updates = desk.store.incidents.updates(opened.incident_id)
    assert [u.status for u in updates] == [UpdateStatus.PUBLISHED] + [UpdateStatus.SCHEDULED] * 3
    first = updates[0]
    assert first.body.en == (
        "Scheduled maintenance: Database upgrade, from 10 Mar 2026, 11:00 UTC to "
        "10 Mar 2026, 13:00 UTC."
    )
    assert first.body.ar == (
        "صيانة مجدولة: ترقية قاعدة البيانات، من ١٠ مارس ٢٠٢٦، ١١:٠٠ UTC إلى ١٠ مارس ٢٠٢٦، "
        "١٣:٠٠ UTC."
    )
    assert updates[1].body.en.startswith("Reminder: scheduled maintenance (Database upgrade)")
    assert "تذكير" in updates[1].body.ar
    assert "We expect to finish by 10 Mar 2026, 13:00 UTC." in updates[2].body.en
    assert "اكتملت الصيانة المجدولة" in updates[3].body.ar
    database = desk.store.components.component_by_name("Database")
    assert database is not None and database.status is ComponentStatus.OPERATIONAL
    assert incident.component_ids == (database.id,)
    assert incident.next_update_due == iso(start - timedelta(minutes=30))  # the reminder
    assert len(desk.store.deliveries.deliveries_for_update(first.id)) == 2

    # Each goes out as an ordinary update when it falls due.
    clock.run(hours=1, minutes=30)
    desk.scheduling.fire_due(dispatch=False)
    assert desk.store.incidents.incident(opened.incident_id).next_update_due == iso(start)  # type: ignore[union-attr]
    clock.run(minutes=30)
    desk.scheduling.fire_due(dispatch=False)
    during = desk.store.incidents.incident(opened.incident_id)
    assert during is not None and during.state is IncidentState.IN_PROGRESS
    assert (
        desk.store.components.component_by_name("Database").status
        is ComponentStatus.UNDER_MAINTENANCE
    )  # type: ignore[union-attr]
    assert during.next_update_due == iso(start + timedelta(minutes=30))
    clock.run(hours=2)
    desk.scheduling.fire_due(dispatch=False)
    after = desk.store.incidents.incident(opened.incident_id)
    assert after is not None and after.state is IncidentState.COMPLETED
    assert after.resolved_at == iso(end) and after.next_update_due is None
    assert desk.store.components.component_by_name("Database").status is ComponentStatus.OPERATIONAL  # type: ignore[union-attr]
    assert all(len(desk.store.deliveries.deliveries_for_update(u.id)) == 2 for u in updates)


def test_maintenance_announcements_are_cancellable_and_their_problems_named(
    desk: Desk, clock: FakeClock
) -> None:
    start = T0 + timedelta(minutes=20)
    opened = desk.maintenance.open_maintenance(
        title=BilingualText("Router swap", "تبديل الموجه"),
        window_start=start,
        window_end=start + timedelta(hours=1),
        remind_min=60,  # longer than the time left: no reminder, said so
        body=BilingualText(en="Our own words."),
        dispatch=False,
    )
    assert [a.template for a, _ in opened.announcements] == [
        "scheduled",
        "in_progress",
        "completed",
    ]
    assert [w.field for w in opened.warnings if w.field != "body_ar"] == ["remind_min"]
    # The English is the user's own, the Arabic the template's with the window's times: the
    # two disagree, and that is said (a warning, not a block).
    disagreements = [w for w in opened.warnings if w.field == "body_ar"]
    assert disagreements and all("not in the English text" in w.message for w in disagreements)
    first = desk.store.incidents.update(opened.announcements[0][1].update_id)
    assert first is not None and first.body.en == "Our own words."
    assert first.body.ar.startswith("صيانة مجدولة: تبديل الموجه")
    start_update = opened.announcements[1][1].update_id
    desk.scheduling.cancel_update(start_update)
    assert desk.store.incidents.incident(opened.incident_id).next_update_due == iso(  # type: ignore[union-attr]
        start + timedelta(hours=1)
    )
    with pytest.raises(Rejected) as refused:
        desk.maintenance.open_maintenance(
            title=BilingualText("Backwards", "معكوس"),
            window_start=start,
            window_end=start - timedelta(minutes=1),
            dispatch=False,
        )
    assert [p.field for p in refused.value.problems] == ["window_end"]


def test_templates_through_the_desk_fill_the_promise_and_report_what_is_missing(
    desk: Desk, clock: FakeClock
) -> None:
    incident = open_now(desk).incident_id
    published = desk.publishing.post_update(
        incident,
        draft(IncidentState.IDENTIFIED, "", ""),
        template="identified",
        scheduled_for=T0 + timedelta(minutes=10),
        dispatch=False,
    )
    update = desk.store.incidents.update(published.update_id)
    assert update is not None
    assert update.body.en.endswith("Next update by 10 Mar 2026, 09:40 UTC.")
    assert update.body.ar.endswith("التحديث التالي بحلول 10 مارس 2026، 09:40 UTC.")
    with pytest.raises(Rejected) as refused:
        desk.publishing.post_update(
            incident, draft(IncidentState.IDENTIFIED, "", ""), template="nope"
        )
    assert "There is no template 'nope'" in str(refused.value)
    (desk.paths.home / "templates").mkdir()
    (desk.paths.home / "templates" / "eta.json").write_text(
        '{"templates": {"eta": {"kind": "incident", "state": "identified", '
        '"en": "Fixed by {eta}: {incident_url}", "ar": "الإصلاح بحلول {eta}"}}}',
        encoding="utf-8",
    )
    with pytest.raises(Rejected) as refused:
        desk.publishing.post_update(
            incident, draft(IncidentState.IDENTIFIED, "", ""), template="eta"
        )
    messages = [p.message for p in refused.value.problems]
    assert any("leaves {eta} unfilled" in m for m in messages)
    assert any("leaves {incident_url} unfilled" in m for m in messages)
    site = desk.store.channels.channel_by_name("site")
    assert site is not None
    desk.store.channels.set_channel_settings(
        site.id, {"base_url": "https://status.example"}, desk.now()
    )
    filled = desk.publishing.post_update(
        incident,
        draft(IncidentState.IDENTIFIED, "", ""),
        template="eta",
        eta=T0 + timedelta(hours=1),
        dispatch=False,
    )
    body = desk.store.incidents.update(filled.update_id).body  # type: ignore[union-attr]
    assert body.en == (
        f"Fixed by 10 Mar 2026, 10:00 UTC: https://status.example/incidents/{incident}.html"
    )


# -- exactly once, in one process: two Desks (two connections) racing ----------------------------


def test_two_desks_racing_on_the_same_due_updates_publish_each_once(
    home: Path, desk: Desk, clock: FakeClock
) -> None:
    import threading

    incident = open_now(desk).incident_id
    ids = [schedule(desk, incident, n + 1, IncidentState.MONITORING) for n in range(20)]
    with Desk(home, clock=clock) as other:
        for _ in ids:
            clock.run(minutes=1)
            start = threading.Barrier(2)
            reports: list[DueReport] = []

            def fire(d: Desk, start: threading.Barrier, reports: list[DueReport]) -> None:
                start.wait()
                reports.append(d.scheduling.fire_due(dispatch=False))

            threads = [
                threading.Thread(target=fire, args=(d, start, reports)) for d in (desk, other)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            assert sum(len(r.fired) for r in reports) == 1
    for update_id in ids:
        assert len(events(desk, "update.published", update_id)) == 1
        assert len(desk.store.deliveries.deliveries_for_update(update_id)) == 2


# -- parity: how far behind each channel is ----------------------------------------------------


def test_parity_says_where_each_channel_stands_on_the_latest_update(
    home: Path, monkeypatch: pytest.MonkeyPatch, clock: FakeClock
) -> None:
    from tests.unit.test_cli_support import add_probes, register

    register(monkeypatch)
    add_probes(home, {"alpha": {}, "down": {"fail": "credentials expired"}})
    with Desk(home, clock=clock) as desk:
        first = open_now(desk)
        desk.dispatcher.submit(first.delivery_ids)
        desk.deliveries.wait_for(first.update_id, 10)
        clock.run(minutes=10)
        second = desk.publishing.post_update(
            first.incident_id, draft(IncidentState.IDENTIFIED), dispatch=False
        )
        detail = desk.views.incident_detail(first.incident_id)
        assert detail is not None
        assert detail["parity"] == {
            "alpha": {
                "latest_state": "pending",  # on its way, not yet missed for good
                "last_update_id": first.update_id,
                "last_update_published_at": iso(T0),
            },
            "down": {"latest_state": "pending", "last_update_id": None,
                     "last_update_published_at": None},
        }  # fmt: skip
        desk.dispatcher.submit(second.delivery_ids)
        desk.deliveries.wait_for(second.update_id, 10)
        parity = desk.views.incident_detail(first.incident_id)["parity"]  # type: ignore[index]
        assert parity["alpha"]["last_update_id"] == second.update_id
        assert parity["down"]["latest_state"] == "failed"
        assert desk.views.incident_detail(first.incident_id)["silence"]["down"] == {  # type: ignore[index]
            "last_delivered_at": None,
            "missed_latest": True,
            "skipped": False,
        }
