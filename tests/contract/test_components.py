"""ComponentStore as a person manages it (issue #14): names in both languages, descriptions,
groups, and removal that never blanks an incident's history."""

from __future__ import annotations

import pytest

from statusdesk.core.model import BilingualText, ComponentStatus, IncidentState, UpdateStatus
from statusdesk.store.contracts import StoreContract
from statusdesk.store.records import ComponentChange, ComponentInUse
from tests.contract.conftest import LATER, NOW, new_incident

PAYMENTS = BilingualText("Payments", "المدفوعات")


def test_a_component_keeps_both_names_its_description_and_group(store: StoreContract) -> None:
    group = store.components.ensure_group(PAYMENTS, NOW, actor="nadia")
    added = store.components.add_component(
        BilingualText("Payments API", "واجهة الدفع"),
        NOW,
        description=BilingualText("Cards", "البطاقات"),
        group_id=group.id,
        actor="nadia",
    )
    assert (added.name, added.description, added.group_id, added.status) == (
        BilingualText("Payments API", "واجهة الدفع"),
        BilingualText("Cards", "البطاقات"),
        group.id,
        ComponentStatus.OPERATIONAL,
    )
    assert store.components.component_by_name("payments api") == added
    assert store.components.component_by_name("واجهة الدفع") == added
    assert store.components.component(added.id) == added
    assert [g.name for g in store.components.groups()] == [PAYMENTS]
    assert store.components.group_by_name("المدفوعات") == group
    kinds = [e["kind"] for e in store.audit.events()]
    assert "component_group.created" in kinds and "component.created" in kinds


def test_ensure_group_finds_by_either_name_and_takes_a_new_arabic_name(
    store: StoreContract,
) -> None:
    first = store.components.ensure_group(BilingualText("Payments", ""), NOW)
    again = store.components.ensure_group(PAYMENTS, LATER)
    assert again.id == first.id and again.name == PAYMENTS
    assert store.components.ensure_group(BilingualText("payments", ""), LATER).name == PAYMENTS
    assert len(store.components.groups()) == 1


def test_a_group_goes_when_its_last_member_leaves(store: StoreContract) -> None:
    group = store.components.ensure_group(PAYMENTS, NOW)
    one = store.components.add_component(BilingualText("A"), NOW, group_id=group.id)
    two = store.components.add_component(BilingualText("B"), NOW, group_id=group.id)
    store.components.edit_component(
        one.id, LATER, name=one.name, description=one.description, group_id=None
    )
    assert [g.id for g in store.components.groups()] == [group.id]
    store.components.remove_component(two.id, LATER)
    assert store.components.groups() == []
    assert [c.name.en for c in store.components.components()] == ["A"]


def test_edit_sets_names_and_description(store: StoreContract) -> None:
    added = store.components.add_component(BilingualText("API"), NOW)
    edited = store.components.edit_component(
        added.id,
        LATER,
        name=BilingualText("Public API", "الواجهة العامة"),
        description=BilingualText("REST", "REST"),
        group_id=None,
    )
    assert (edited.name.en, edited.name.ar, edited.description.en) == (
        "Public API",
        "الواجهة العامة",
        "REST",
    )
    assert edited.updated_at == LATER and edited.created_at == NOW


def test_a_component_an_incident_names_is_never_removed(store: StoreContract) -> None:
    linked = store.components.add_component(BilingualText("Linked"), NOW)
    changed = store.components.add_component(BilingualText("Changed"), NOW)
    free = store.components.add_component(BilingualText("Free"), NOW)
    first = new_incident(store, "linked")
    second = new_incident(store, "changed")
    store.components.link_components(first, [linked.id])
    store.incidents.add_update(
        incident_id=second,
        state=IncidentState.INVESTIGATING,
        body=BilingualText("x", "س"),
        author="",
        now=NOW,
        status=UpdateStatus.PUBLISHED,
        component_changes=[
            ComponentChange(changed.id, ComponentStatus.OPERATIONAL, ComponentStatus.MAJOR_OUTAGE)
        ],
    )
    assert store.components.component_references(linked.id) == [first]
    assert store.components.component_references(changed.id) == [second]
    assert store.components.component_references(free.id) == []
    for component, incident in ((linked, first), (changed, second)):
        with pytest.raises(ComponentInUse) as refused:
            store.components.remove_component(component.id, LATER)
        assert refused.value.incident_ids == [incident]
    store.components.remove_component(free.id, LATER)
    assert [c.name.en for c in store.components.components()] == ["Linked", "Changed"]
    assert "component.removed" in [e["kind"] for e in store.audit.events()]
