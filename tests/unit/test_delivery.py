"""The outbox: publishing records everything in one transaction, then fans out in parallel and
records every outcome. The channels here are real implementations of the protocol, registered
the way a product channel is, whose behaviour the test scripts (tests/probe.py)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from statusdesk.channels.base import Ambiguous, Permanent, Receipt, Transient
from statusdesk.core.errors import Rejected
from statusdesk.core.model import BilingualText, DeliveryState, Draft, IncidentState
from statusdesk.desk import Desk
from statusdesk.store import WorkspaceError
from tests.probe import SCRIPT, register


@pytest.fixture
def probe_desk(home: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Desk]:
    register(monkeypatch)
    with Desk(home) as desk:
        now = desk.now()
        with desk.store.transaction():
            desk.store.conn.execute("UPDATE channel SET enabled = 0 WHERE kind = 'site'")
        desk.store.channels.add_channel(kind="probe", name="alpha", now=now)
        desk.store.channels.add_channel(kind="probe", name="beta", now=now)
        yield desk


def draft(en: str = "We are investigating.", ar: str = "نحقق في المشكلة.") -> Draft:
    return Draft(BilingualText(en, ar), IncidentState.INVESTIGATING, author="test")


def states(desk: Desk, update_id: int) -> dict[str, DeliveryState]:
    names = {c.id: c.name for c in desk.store.channels.channels()}
    return {
        names[d.channel_id]: d.state for d in desk.store.deliveries.deliveries_for_update(update_id)
    }


def test_publishing_fans_out_in_parallel(probe_desk: Desk) -> None:
    both_in_flight = threading.Barrier(2, timeout=5)

    def meet() -> Receipt:
        both_in_flight.wait()  # only passes if alpha and beta are sending at the same time
        return Receipt(remote_id="ok")

    SCRIPT.sends = {"alpha": [meet], "beta": [meet]}
    published = probe_desk.publishing.open_incident(
        title=BilingualText("API down", "تعطل"), draft=draft()
    )
    deliveries = probe_desk.deliveries.wait_for(published.update_id, timeout=10)
    assert {d.state for d in deliveries} == {DeliveryState.SENT}
    assert all(d.attempts == 1 and d.sent_at for d in deliveries)
    assert sorted(name for name, _, _ in SCRIPT.attempts) == ["alpha", "beta"]


def test_each_delivery_keeps_its_idempotency_key_across_retries(probe_desk: Desk) -> None:
    def busy() -> Receipt:
        raise Transient("alpha: the server is busy (503); retrying", retry_after=0.05)

    SCRIPT.sends = {"alpha": [busy, busy]}
    published = probe_desk.publishing.open_incident(
        title=BilingualText("API down", ""), draft=draft()
    )
    deliveries = probe_desk.deliveries.wait_for(published.update_id, timeout=10)
    by_name = states(probe_desk, published.update_id)
    assert by_name == {"alpha": DeliveryState.SENT, "beta": DeliveryState.SENT}
    alpha_keys = {key for name, key, _ in SCRIPT.attempts if name == "alpha"}
    assert len(alpha_keys) == 1
    alpha = next(d for d in deliveries if d.idempotency_key in alpha_keys)
    assert alpha.attempts == 3
    kinds = [e["kind"] for e in probe_desk.store.audit.events() if e["delivery_id"] == alpha.id]
    assert kinds.count("delivery.retry_wait") == 2 and kinds[-1] == "delivery.sent"


def test_permanent_ambiguous_and_crashing_channels_are_recorded(probe_desk: Desk) -> None:
    def refused() -> Receipt:
        raise Permanent("alpha rejected the post: credentials expired — re-enter them")

    SCRIPT.sends = {"alpha": [refused]}
    first = probe_desk.publishing.open_incident(title=BilingualText("API down", ""), draft=draft())
    probe_desk.deliveries.wait_for(first.update_id, timeout=10)
    assert states(probe_desk, first.update_id) == {
        "alpha": DeliveryState.FAILED,
        "beta": DeliveryState.SENT,
    }
    failed = next(
        d
        for d in probe_desk.store.deliveries.deliveries_for_update(first.update_id)
        if d.state == "failed"
    )
    assert failed.last_error is not None and "credentials expired" in failed.last_error

    def maybe() -> Receipt:
        raise Ambiguous("alpha: the connection dropped after the request was sent")

    def bug() -> Receipt:
        raise KeyError("oops")

    SCRIPT.sends = {"alpha": [maybe], "beta": [bug]}
    SCRIPT.attempts.clear()
    second = probe_desk.publishing.post_update(
        first.incident_id, draft("Identified.", "تم التحديد.")
    )
    probe_desk.deliveries.wait_for(second.update_id, timeout=10)
    # Ambiguous: unknown, reconciled (the probe says "not landed"), resent with the same key.
    # A bug in a channel: nobody knows what left, so a person decides.
    assert states(probe_desk, second.update_id) == {
        "alpha": DeliveryState.SENT,
        "beta": DeliveryState.NEEDS_DECISION,
    }
    alpha, beta = probe_desk.store.deliveries.deliveries_for_update(second.update_id)
    assert [a.key for a in SCRIPT.attempts if a.channel == "alpha"] == [alpha.idempotency_key] * 2
    kinds = [e["kind"] for e in probe_desk.store.audit.events() if e["delivery_id"] == alpha.id]
    assert kinds.index("delivery.unknown") < kinds.index("delivery.retry_wait")
    assert kinds[-1] == "delivery.sent"
    assert beta.last_error is not None and "internal error" in beta.last_error


def test_a_delivery_in_flight_is_not_attempted_twice(probe_desk: Desk) -> None:
    release = threading.Event()

    def slow() -> Receipt:
        release.wait(5)
        return Receipt(remote_id="ok")

    SCRIPT.sends = {"alpha": [slow]}
    published = probe_desk.publishing.open_incident(
        title=BilingualText("API down", ""),
        draft=draft(),
        channel_names=["alpha"],
        skip_reason="beta is not under test",
    )
    (delivery_id,) = published.delivery_ids
    # The dispatcher holds it; a second attempt from anywhere finds it claimed.
    for _ in range(100):
        if states(probe_desk, published.update_id)["alpha"] is DeliveryState.SENDING:
            break
        threading.Event().wait(0.02)
    assert probe_desk.dispatcher.attempt(delivery_id) is None
    release.set()
    probe_desk.deliveries.wait_for(published.update_id, timeout=10)
    assert [name for name, _, _ in SCRIPT.attempts] == ["alpha"]


def test_rejected_input_writes_nothing(probe_desk: Desk) -> None:
    with pytest.raises(Rejected) as info:
        probe_desk.publishing.open_incident(
            title=BilingualText("API down", ""), draft=draft("", " ")
        )
    assert "Both the English and the Arabic text are empty" in str(info.value)
    with pytest.raises(Rejected, match="no channel named 'nope'"):
        probe_desk.publishing.open_incident(
            title=BilingualText("x", ""), draft=draft(), channel_names=["nope"]
        )
    assert probe_desk.store.incidents.incidents() == []


def test_publishing_is_all_or_nothing(probe_desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> list[int]:
        raise WorkspaceError("disk full while writing deliveries")

    monkeypatch.setattr(probe_desk.store.deliveries, "create_deliveries", broken)
    with pytest.raises(WorkspaceError):
        probe_desk.publishing.open_incident(title=BilingualText("API down", ""), draft=draft())
    assert probe_desk.store.incidents.incidents() == []
    assert probe_desk.store.conn.execute('SELECT COUNT(*) FROM "update"').fetchone()[0] == 0
