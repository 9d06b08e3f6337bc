"""ScheduleStore: scheduled updates, taking one exactly once, and the next-update promise."""

from __future__ import annotations

from statusdesk.core.model import (
    BilingualText,
    ComponentStatus,
    Impact,
    IncidentState,
    UpdateStatus,
)
from statusdesk.store.contracts import StoreContract
from tests.contract.conftest import LATER, NOW, SOON, Backend, new_incident, site_channel


def schedule(
    store: StoreContract,
    incident_id: int,
    at: str,
    *,
    impact: Impact | None = None,
    component_status: dict[str, ComponentStatus] | None = None,
    every_channel: bool = False,
    skip_reason: str | None = None,
    skip_by: str | None = None,
) -> int:
    return store.schedule.add_scheduled_update(
        incident_id=incident_id,
        state=IncidentState.MONITORING,
        body=BilingualText("Fixed", "تم الإصلاح"),
        author="nadia",
        now=NOW,
        scheduled_for=at,
        channel_ids=[site_channel(store)],
        impact=impact,
        component_status=component_status,
        every_channel=every_channel,
        skip_reason=skip_reason,
        skip_by=skip_by,
    )


def test_a_scheduled_update_keeps_its_plan(store: StoreContract) -> None:
    incident_id = new_incident(store)
    update_id = schedule(
        store,
        incident_id,
        LATER,
        impact=Impact.MINOR,
        component_status={"API": ComponentStatus.DEGRADED_PERFORMANCE},
        skip_reason="quiet hours",
        skip_by="nadia",
    )
    plan = store.schedule.update_plan(update_id)
    assert plan is not None
    assert plan.update.status is UpdateStatus.SCHEDULED
    assert plan.update.scheduled_for == LATER
    assert plan.impact is Impact.MINOR
    assert plan.component_status == {"API": ComponentStatus.DEGRADED_PERFORMANCE}
    assert plan.channel_ids == (site_channel(store),)
    assert (plan.skip_reason, plan.skip_by) == ("quiet hours", "nadia")
    assert store.schedule.update_plan(update_id + 100) is None


def test_every_channel_means_the_channels_enabled_when_it_goes_out(store: StoreContract) -> None:
    update_id = schedule(store, new_incident(store), LATER, every_channel=True)
    hook = store.channels.add_channel(kind="webhook", name="hook", now=NOW)
    plan = store.schedule.update_plan(update_id)
    assert plan is not None and plan.channel_ids == (site_channel(store), hook)
    store.channels.set_channel_enabled(hook, False, NOW)
    plan = store.schedule.update_plan(update_id)
    assert plan is not None and plan.channel_ids == (site_channel(store),)


def test_due_pending_and_next(store: StoreContract) -> None:
    incident_id = new_incident(store)
    soon = schedule(store, incident_id, SOON)
    later = schedule(store, incident_id, LATER)
    assert [u.id for u in store.schedule.due_updates(SOON)] == [soon]
    assert [u.id for u in store.schedule.pending_updates(incident_id)] == [soon, later]
    assert store.schedule.pending_updates(incident_id + 1) == []
    assert store.schedule.next_scheduled_for(incident_id) == SOON
    assert store.schedule.next_scheduled_for() == SOON


def test_an_update_is_taken_once_and_only_when_due(backend: Backend, store: StoreContract) -> None:
    update_id = schedule(store, new_incident(store), SOON)
    other = backend.another()
    scheduled = [UpdateStatus.SCHEDULED]
    assert not store.schedule.take_update(
        update_id, scheduled, UpdateStatus.PUBLISHED, published_at=NOW, due_by=NOW
    )
    assert store.schedule.take_update(
        update_id, scheduled, UpdateStatus.PUBLISHED, published_at=SOON, due_by=SOON
    )
    assert not other.schedule.take_update(update_id, scheduled, UpdateStatus.CANCELLED)
    update = other.incidents.update(update_id)
    assert update is not None
    assert (update.status, update.published_at) == (UpdateStatus.PUBLISHED, SOON)


def test_text_is_editable_until_it_goes_out(store: StoreContract) -> None:
    update_id = schedule(store, new_incident(store), SOON)
    new = BilingualText("Fixed, really", "تم الإصلاح فعلا")
    assert store.schedule.edit_update_text(update_id, new, IncidentState.RESOLVED)
    assert store.schedule.take_update(
        update_id, [UpdateStatus.SCHEDULED], UpdateStatus.SCHEDULED, scheduled_for=LATER
    )
    edited = store.incidents.update(update_id)
    assert edited is not None
    assert (edited.body, edited.state, edited.scheduled_for) == (new, IncidentState.RESOLVED, LATER)
    store.schedule.take_update(update_id, [UpdateStatus.SCHEDULED], UpdateStatus.PUBLISHED)
    assert not store.schedule.edit_update_text(update_id, BilingualText("late", "متأخر"), None)


def test_the_promise_and_the_cadence(store: StoreContract) -> None:
    promising = new_incident(store, "promising")
    closed = new_incident(store, "closed")
    new_incident(store, "silent")
    store.schedule.set_next_update_due(promising, LATER)
    store.schedule.set_next_update_due(closed, LATER)
    store.incidents.set_incident_state(closed, IncidentState.RESOLVED, None, SOON)
    assert [i.id for i in store.schedule.promised_incidents()] == [promising]
    store.schedule.set_next_update_due(promising, None)
    assert store.schedule.promised_incidents() == []
    store.schedule.set_cadence(promising, 15, SOON, "sam")
    incident = store.incidents.incident(promising)
    assert incident is not None and incident.cadence_min == 15
    assert [k["kind"] for k in store.audit.events(promising)][-1] == "incident.cadence"
    assert [at for at, _data in store.audit.cadence_events(promising)] == [NOW, SOON]
