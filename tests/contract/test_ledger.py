"""LedgerStore: claims are exclusive, leases belong to their holder, a dead holder's row is
reconciled before anything is resent, and what an attempt sent is kept."""

from __future__ import annotations

import threading

from statusdesk.core.model import DeliveryState
from statusdesk.store.contracts import StoreContract
from statusdesk.store.records import PartFinish
from tests.contract.conftest import LATER, NOW, SOON, Backend, one_delivery


def test_exactly_one_of_racing_claims_wins(backend: Backend, store: StoreContract) -> None:
    delivery_id = one_delivery(store)
    stores = [backend.another() for _ in range(8)]
    results: list[bool] = []
    barrier = threading.Barrier(len(stores))

    def claim(other: StoreContract, n: int) -> None:
        barrier.wait()
        results.append(other.ledger.claim_delivery(delivery_id, f"worker-{n}", SOON, NOW))

    threads = [threading.Thread(target=claim, args=(s, n)) for n, s in enumerate(stores)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [False] * 7 + [True]
    delivery = store.deliveries.delivery(delivery_id)
    assert delivery is not None
    assert (delivery.state, delivery.attempts) == (DeliveryState.SENDING, 1)


def test_runnable_are_pending_or_due_for_retry(store: StoreContract) -> None:
    delivery_id = one_delivery(store)
    assert [d.id for d in store.ledger.runnable_deliveries(NOW)] == [delivery_id]
    assert store.ledger.claim_delivery(delivery_id, "w", SOON, NOW)
    assert store.ledger.runnable_deliveries(NOW) == []
    assert store.ledger.finish_delivery(
        delivery_id, DeliveryState.RETRY_WAIT, NOW, owner="w", next_attempt_at=SOON, error="503"
    )
    assert store.ledger.runnable_deliveries(NOW) == []
    assert not store.ledger.claim_delivery(delivery_id, "w", LATER, NOW)  # not due yet
    assert [d.id for d in store.ledger.runnable_deliveries(SOON)] == [delivery_id]
    assert store.ledger.claim_delivery(delivery_id, "w", LATER, SOON)
    delivery = store.deliveries.delivery(delivery_id)
    assert delivery is not None and delivery.attempts == 2


def test_only_the_holder_finishes_or_renews(store: StoreContract) -> None:
    delivery_id = one_delivery(store)
    assert store.ledger.claim_delivery(delivery_id, "first", SOON, NOW)
    assert not store.ledger.renew_lease(delivery_id, "intruder", LATER)
    assert store.ledger.renew_lease(delivery_id, "first", LATER, attempt=1)
    assert not store.ledger.renew_lease(delivery_id, "first", LATER, attempt=2)
    (held,) = store.ledger.held_deliveries()
    assert (held["id"], held["owner"], held["lease_until"]) == (delivery_id, "first", LATER)
    assert not store.ledger.finish_delivery(delivery_id, DeliveryState.SENT, NOW, owner="intruder")
    assert not store.ledger.finish_delivery(
        delivery_id, DeliveryState.SENT, NOW, owner="first", attempt=2
    )
    assert store.ledger.finish_delivery(
        delivery_id, DeliveryState.SENT, SOON, owner="first", remote_id="42", attempt=1
    )
    delivery = store.deliveries.delivery(delivery_id)
    assert delivery is not None
    assert (delivery.state, delivery.remote_id, delivery.sent_at, delivery.owner) == (
        DeliveryState.SENT,
        "42",
        SOON,
        None,
    )
    assert store.ledger.held_deliveries() == []


def test_an_abandoned_attempt_is_reconciled_before_a_resend(store: StoreContract) -> None:
    delivery_id = one_delivery(store)
    assert store.ledger.claim_delivery(delivery_id, "dead", SOON, NOW)
    assert not store.ledger.release_abandoned(delivery_id, "someone-else", LATER)
    assert store.ledger.release_abandoned(delivery_id, "dead", LATER, attempt=1)
    delivery = store.deliveries.delivery(delivery_id)
    assert delivery is not None and delivery.state is DeliveryState.UNKNOWN
    assert delivery.last_error is not None  # says why
    # the lease ran out: the old holder's outcome no longer counts
    assert not store.ledger.finish_delivery(delivery_id, DeliveryState.SENT, LATER, owner="dead")
    assert store.ledger.runnable_deliveries(LATER) == []  # never resent blind
    assert [d.id for d in store.ledger.unknown_deliveries(LATER)] == [delivery_id]
    assert store.ledger.claim_for_reconcile(delivery_id, "checker", LATER, LATER)
    assert not store.ledger.claim_for_reconcile(delivery_id, "another", LATER, LATER)
    assert store.ledger.unknown_deliveries(LATER) == []
    events = [e["kind"] for e in store.audit.events() if e["delivery_id"] == delivery_id]
    assert events == ["delivery.sending", "delivery.abandoned"]


def test_the_first_render_is_kept_for_its_key(store: StoreContract) -> None:
    delivery_id = one_delivery(store)
    delivery = store.deliveries.delivery(delivery_id)
    assert delivery is not None
    assert store.ledger.kept_render_by_key(delivery.idempotency_key) == (None, NOW)
    assert store.ledger.kept_render_by_key("sd-nobody") is None
    assert store.ledger.claim_delivery(delivery_id, "w", SOON, NOW)
    store.ledger.keep_rendered(delivery_id, "first", "someone-else")  # not the holder
    assert store.ledger.rendered_of(delivery_id) is None
    store.ledger.keep_rendered(delivery_id, "first", "w")
    store.ledger.keep_rendered(delivery_id, "second", "w")  # the first stays
    assert store.ledger.rendered_of(delivery_id) == "first"
    assert store.ledger.kept_render_by_key(delivery.idempotency_key) == ("first", NOW)


def test_the_parts_of_a_thread(store: StoreContract) -> None:
    delivery_id = one_delivery(store)
    store.ledger.part_sending(delivery_id, 0, "post 1")
    store.ledger.part_sending(delivery_id, 1, "post 2")
    store.ledger.part_finished(delivery_id, 0, "sent", SOON, remote_id="a", remote_url="u")
    store.ledger.part_finished(delivery_id, 1, "failed", SOON, error="refused")
    parts = store.ledger.delivery_parts(delivery_id)
    assert [(p["seq"], p["state"], p["remote_id"], p["sent_at"]) for p in parts] == [
        (0, "sent", "a", SOON),
        (1, "failed", None, None),
    ]
    assert parts[1]["last_error"] == "refused"


def test_the_parts_of_a_batch_in_one_transaction_each(store: StoreContract) -> None:
    """An email's recipients: a batch `sending` at once, then each one's outcome at once; a
    part written again (a retry) takes its new state."""
    delivery_id = one_delivery(store)
    store.ledger.parts_sending(delivery_id, [(0, "a@example.com"), (1, "b@example.com")])
    store.ledger.parts_sending(delivery_id, [(2, "c@example.com")])
    assert [p["state"] for p in store.ledger.delivery_parts(delivery_id)] == ["sending"] * 3
    store.ledger.parts_finished(
        delivery_id,
        [PartFinish(0, "sent", remote_id="<m0@x>"), PartFinish(1, "failed", error="refused")],
        SOON,
    )
    parts = store.ledger.delivery_parts(delivery_id)
    assert [(p["target"], p["state"], p["remote_id"], p["sent_at"]) for p in parts] == [
        ("a@example.com", "sent", "<m0@x>", SOON),
        ("b@example.com", "failed", None, None),
        ("c@example.com", "sending", None, None),
    ]
    assert parts[1]["last_error"] == "refused"
    store.ledger.parts_sending(delivery_id, [(1, "b@example.com")])
    assert store.ledger.delivery_parts(delivery_id)[1]["state"] == "sending"
