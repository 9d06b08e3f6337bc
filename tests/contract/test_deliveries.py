"""DeliveryStore: deliveries made with an update, read back, and a person's decisions."""

from __future__ import annotations

import pytest

from statusdesk.core.model import DeliveryState
from statusdesk.store.contracts import StoreContract
from tests.contract.conftest import (
    LATER,
    NOW,
    SOON,
    new_incident,
    one_delivery,
    published_update,
    site_channel,
)


def test_deliveries_are_pending_each_with_its_own_key(store: StoreContract) -> None:
    incident_id = new_incident(store)
    update_id = published_update(store, incident_id)
    hook = store.channels.add_channel(kind="webhook", name="hook", now=NOW)
    made = store.deliveries.create_deliveries(update_id, [hook, site_channel(store)], NOW)
    deliveries = store.deliveries.deliveries_for_update(update_id)
    assert sorted(made) == sorted(d.id for d in deliveries)
    assert [d.channel_id for d in deliveries] == [site_channel(store), hook]  # channel order
    assert {d.state for d in deliveries} == {DeliveryState.PENDING}
    assert len({d.idempotency_key for d in deliveries}) == 2
    assert store.deliveries.deliveries_for_incident(incident_id) == {update_id: deliveries}
    exported = store.deliveries.incident_deliveries(incident_id)
    assert [d.id for d in exported[update_id]] == [d.id for d in deliveries]
    assert store.deliveries.outstanding_deliveries() == 2


def test_channels_left_out_are_skipped_with_the_reason(store: StoreContract) -> None:
    incident_id = new_incident(store)
    update_id = published_update(store, incident_id)
    with store.transaction():
        (skipped,) = store.deliveries.create_skipped_deliveries(
            update_id, [site_channel(store)], "not for the page", "nadia", NOW
        )
    delivery = store.deliveries.delivery(skipped)
    assert delivery is not None
    assert (delivery.state, delivery.decided_by, delivery.decision_note) == (
        DeliveryState.SKIPPED,
        "nadia",
        "not for the page",
    )
    assert store.deliveries.outstanding_deliveries() == 0
    (event,) = [e for e in store.audit.events(incident_id) if e["kind"] == "delivery.skip"]
    assert (event["delivery_id"], event["update_id"]) == (skipped, update_id)


def test_decisions_follow_the_state(store: StoreContract) -> None:
    delivery_id = one_delivery(store)
    with pytest.raises(ValueError, match="already waiting"):
        store.deliveries.decide_delivery(delivery_id, "retry", "nadia", "", NOW)
    skipped = store.deliveries.decide_delivery(delivery_id, "skip", "nadia", "not needed", SOON)
    assert (skipped.state, skipped.decision_note) == (DeliveryState.SKIPPED, "not needed")
    with pytest.raises(ValueError, match="already skipped"):
        store.deliveries.decide_delivery(delivery_id, "skip", "nadia", "", LATER)
    retried = store.deliveries.decide_delivery(delivery_id, "retry", "sam", "", LATER)
    assert (retried.state, retried.decided_by) == (DeliveryState.PENDING, "sam")
    with pytest.raises(ValueError, match="no delivery"):
        store.deliveries.decide_delivery(delivery_id + 100, "skip", "sam", "", LATER)


def test_a_delivery_being_sent_cannot_be_decided(store: StoreContract) -> None:
    delivery_id = one_delivery(store)
    assert store.ledger.claim_delivery(delivery_id, "worker", LATER, NOW)
    with pytest.raises(ValueError, match="being sent"):
        store.deliveries.decide_delivery(delivery_id, "skip", "nadia", "", NOW)


def test_a_failed_delivery_retried_renders_again(store: StoreContract) -> None:
    delivery_id = one_delivery(store)
    assert store.ledger.claim_delivery(delivery_id, "worker", LATER, NOW)
    store.ledger.keep_rendered(delivery_id, "the bytes sent", "worker")
    assert store.ledger.finish_delivery(delivery_id, DeliveryState.FAILED, NOW, owner="worker")
    assert store.deliveries.deliveries_needing_attention() == 1
    store.deliveries.decide_delivery(delivery_id, "retry", "nadia", "fixed the URL", SOON)
    assert store.ledger.rendered_of(delivery_id) is None
    assert store.deliveries.deliveries_needing_attention() == 0


def test_an_override_replaces_a_channels_text_unless_blank(store: StoreContract) -> None:
    update_id = published_update(store, new_incident(store))
    site = site_channel(store)
    assert store.deliveries.update_override(update_id, site) is None
    store.deliveries.set_update_override(update_id, site, "short text")
    assert store.deliveries.update_override(update_id, site) == "short text"
    store.deliveries.set_update_override(update_id, site, "   ")
    assert store.deliveries.update_override(update_id, site) is None


def test_a_channels_deliveries_not_yet_out_are_listed_oldest_first(store: StoreContract) -> None:
    incident_id = new_incident(store)
    hook = store.channels.add_channel(kind="webhook", name="hook", now=NOW)
    first = published_update(store, incident_id)
    second = published_update(store, incident_id)
    (sent_one,) = store.deliveries.create_deliveries(first, [hook], NOW)
    (waiting,) = store.deliveries.create_deliveries(second, [hook, site_channel(store)], NOW)[:1]
    store.deliveries.decide_delivery(sent_one, "skip", "nadia", "posted by hand", SOON)
    listed = store.deliveries.not_out_for_channel(hook)
    assert [(d.id, d.state) for d in listed] == [(waiting, DeliveryState.PENDING)]
    assert store.deliveries.not_out_for_channel(site_channel(store))[0].channel_id == site_channel(
        store
    )
