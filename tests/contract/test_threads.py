"""ThreadStore: where each incident's thread stands on each posting channel."""

from __future__ import annotations

from statusdesk.core.model import DeliveryState
from statusdesk.store.contracts import StoreContract
from tests.contract.conftest import LATER, NOW, SOON, new_incident, published_update, site_channel


def delivery_key(store: StoreContract, incident_id: int, channel_id: int) -> tuple[int, str]:
    with store.transaction():
        update_id = published_update(store, incident_id)
        (delivery_id,) = store.deliveries.create_deliveries(update_id, [channel_id], NOW)
    delivery = store.deliveries.delivery(delivery_id)
    assert delivery is not None
    return delivery_id, delivery.idempotency_key


def test_an_anchor_is_kept_per_incident_and_channel_by_delivery_key(
    store: StoreContract,
) -> None:
    channel = site_channel(store)
    first, second = new_incident(store), new_incident(store, "Login outage")
    _, key = delivery_key(store, first, channel)
    assert store.threads.anchor_for(key) is None
    assert store.threads.keep_anchor(key, "100", "101", {"last": {"cid": "c1"}}, NOW)
    kept = store.threads.anchor(first, channel)
    assert kept is not None
    assert (kept.root_id, kept.last_id, kept.refs, kept.updated_at) == (
        "100",
        "101",
        {"last": {"cid": "c1"}},
        NOW,
    )
    assert store.threads.anchor_for(key) == kept
    assert store.threads.anchor(second, channel) is None  # another incident, another thread
    _, other = delivery_key(store, second, channel)
    assert store.threads.anchor_for(other) is None
    assert not store.threads.keep_anchor("no-such-key", "1", "2", {}, NOW)


def test_an_anchor_only_moves_forward(store: StoreContract) -> None:
    channel, incident = site_channel(store), new_incident(store)
    _, older = delivery_key(store, incident, channel)
    _, newer = delivery_key(store, incident, channel)
    assert store.threads.keep_anchor(newer, "100", "201", {}, SOON)
    # The earlier update's delivery finishing late does not move the thread back …
    assert not store.threads.keep_anchor(older, "100", "150", {}, LATER)
    assert store.threads.anchor(incident, channel).last_id == "201"  # type: ignore[union-attr]
    # … while the same delivery writing again (a reconciliation) does.
    assert store.threads.keep_anchor(newer, "100", "202", {}, LATER)
    assert store.threads.anchor(incident, channel).last_id == "202"  # type: ignore[union-attr]


def test_earlier_deliveries_in_flight_are_named(store: StoreContract) -> None:
    channel, incident = site_channel(store), new_incident(store)
    first_id, first = delivery_key(store, incident, channel)
    _, second = delivery_key(store, incident, channel)
    _, elsewhere = delivery_key(store, new_incident(store, "Other"), channel)
    assert store.threads.earlier_in_flight(first) == []
    assert store.threads.earlier_in_flight(second) == [first_id]  # pending
    assert store.threads.earlier_in_flight(elsewhere) == []  # another incident
    assert store.ledger.claim_delivery(first_id, "worker", LATER, NOW)
    assert store.threads.earlier_in_flight(second) == [first_id]  # sending
    store.ledger.finish_delivery(first_id, DeliveryState.FAILED, SOON, owner="worker")
    assert store.threads.earlier_in_flight(second) == []  # not coming: no wait for it
