"""IncidentStore and ComponentStore: incidents, their updates, components and their links."""

from __future__ import annotations

from statusdesk.core.model import (
    BilingualText,
    ComponentStatus,
    Impact,
    IncidentKind,
    IncidentState,
    UpdateStatus,
)
from statusdesk.store.contracts import StoreContract
from statusdesk.store.records import ComponentChange
from tests.contract.conftest import LATER, NOW, new_incident, published_update


def test_an_incident_reads_back_as_it_was_created_and_is_recorded(store: StoreContract) -> None:
    predicted = store.incidents.next_incident_id()
    incident_id = new_incident(store, "Checkout errors")
    assert incident_id == predicted
    incident = store.incidents.incident(incident_id)
    assert incident is not None
    assert incident.title == BilingualText("Checkout errors", "تعطل الواجهة")
    assert (incident.kind, incident.state, incident.impact) == (
        IncidentKind.INCIDENT,
        IncidentState.INVESTIGATING,
        Impact.MAJOR,
    )
    assert (incident.started_at, incident.resolved_at, incident.cadence_min) == (NOW, None, 30)
    assert store.incidents.incident(incident_id + 100) is None
    (event,) = store.audit.events(incident_id)
    assert event["kind"] == "incident.opened"


def test_active_incidents_come_first(store: StoreContract) -> None:
    closed = new_incident(store, "old")
    store.incidents.set_incident_state(closed, IncidentState.RESOLVED, None, LATER)
    active = new_incident(store, "new")
    assert [i.id for i in store.incidents.incidents()] == [active, closed]
    resolved = store.incidents.incident(closed)
    assert resolved is not None and resolved.resolved_at == LATER
    assert resolved.impact is Impact.MAJOR  # None keeps the impact
    summaries = store.incidents.incident_summaries()
    assert [s.incident.id for s in summaries] == [active, closed]


def test_updates_keep_their_order_text_and_component_changes(store: StoreContract) -> None:
    incident_id = new_incident(store)
    first = published_update(store, incident_id, "first")
    change = ComponentChange(1, ComponentStatus.OPERATIONAL, ComponentStatus.MAJOR_OUTAGE)
    second = store.incidents.add_update(
        incident_id=incident_id,
        state=IncidentState.IDENTIFIED,
        body=BilingualText("second", "الثاني"),
        author="sam",
        now=LATER,
        status=UpdateStatus.PUBLISHED,
        component_changes=[change],
    )
    assert [u.id for u in store.incidents.updates(incident_id)] == [first, second]
    update = store.incidents.update(second)
    assert update is not None
    assert (update.body.ar, update.state, update.published_at) == (
        "الثاني",
        IncidentState.IDENTIFIED,
        LATER,
    )
    assert store.incidents.component_changes(second) == [change]
    assert store.incidents.component_changes(first) == []
    store.incidents.set_component_changes(first, [change])
    assert store.incidents.component_changes(first) == [change]
    assert store.incidents.last_published_at(incident_id) == LATER
    (summary,) = store.incidents.incident_summaries()
    assert (summary.update_count, summary.last_published_at) == (2, LATER)


def test_components_are_found_by_either_name_and_made_once(store: StoreContract) -> None:
    api = store.components.ensure_component("API", NOW, "الواجهة")
    again = store.components.ensure_component("api", LATER)
    assert again == api
    assert store.components.component_by_name("الواجهة") == api
    assert store.components.component_by_name("nothing") is None
    web = store.components.ensure_component("Web", NOW)
    assert [c.name.en for c in store.components.components()] == ["API", "Web"]
    assert web.status is ComponentStatus.OPERATIONAL


def test_a_status_change_is_reported_once(store: StoreContract) -> None:
    api = store.components.ensure_component("API", NOW)
    change = store.components.set_component_status(api.id, ComponentStatus.PARTIAL_OUTAGE, NOW)
    assert change == ComponentChange(
        api.id, ComponentStatus.OPERATIONAL, ComponentStatus.PARTIAL_OUTAGE
    )
    assert (
        store.components.set_component_status(api.id, ComponentStatus.PARTIAL_OUTAGE, NOW) is None
    )


def test_closing_gives_back_components_no_other_incident_holds(store: StoreContract) -> None:
    api = store.components.ensure_component("API", NOW)
    web = store.components.ensure_component("Web", NOW)
    db = store.components.ensure_component("DB", NOW)
    closing = new_incident(store, "closing")
    other = new_incident(store, "still open")
    store.components.link_components(closing, [api.id, web.id, db.id])
    store.components.link_components(other, [web.id])
    linked = store.incidents.incident(closing)
    assert linked is not None and linked.component_ids == (api.id, web.id, db.id)
    for component in (api, web, db):
        store.components.set_component_status(component.id, ComponentStatus.MAJOR_OUTAGE, NOW)
    with store.transaction():
        changes = store.components.restore_components(closing, {db.id}, LATER)
    assert changes == [
        ComponentChange(api.id, ComponentStatus.MAJOR_OUTAGE, ComponentStatus.OPERATIONAL)
    ]
    statuses = {c.name.en: c.status for c in store.components.components()}
    assert statuses == {
        "API": ComponentStatus.OPERATIONAL,
        "Web": ComponentStatus.MAJOR_OUTAGE,  # the open incident's to change
        "DB": ComponentStatus.MAJOR_OUTAGE,  # set explicitly by the closing update
    }


def test_a_postmortem_is_kept_per_incident_and_a_rewrite_keeps_its_first_publication(
    store: StoreContract,
) -> None:
    incident_id = new_incident(store, "Checkout errors")
    other = new_incident(store, "Other")
    assert store.incidents.postmortem(incident_id) is None
    first = store.incidents.set_postmortem(
        incident_id, BilingualText("Root cause.", "السبب الجذري."), author="amal", now=NOW
    )
    assert (first.body, first.author, first.published_at, first.updated_at) == (
        BilingualText("Root cause.", "السبب الجذري."),
        "amal",
        NOW,
        NOW,
    )
    again = store.incidents.set_postmortem(
        incident_id, BilingualText("Revised.", "مُحدَّث."), author="omar", now=LATER
    )
    assert (again.body.en, again.author, again.published_at, again.updated_at) == (
        "Revised.",
        "omar",
        NOW,
        LATER,
    )
    assert store.incidents.postmortem(incident_id) == again
    assert store.incidents.postmortem(other) is None
    kinds = [e["kind"] for e in store.audit.events(incident_id)]
    assert kinds.count("incident.postmortem") == 2
