"""The delivery state machine (ARCHITECTURE §5) beyond the happy fan-out: a holder that died, a
lease taken over, a thread resumed at its first unsent part, requests spaced per channel, a person's
retry and skip, and the retry schedule. The channels are real implementations of the protocol,
registered as a product channel is, whose behaviour each test scripts (as in test_delivery.py).
"""

from __future__ import annotations

import itertools
import logging
import os
import random
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from statusdesk.channels import registry
from statusdesk.channels.base import (
    Ambiguous,
    ChannelContext,
    PartLedger,
    PartRecord,
    Permanent,
    Receipt,
    Rendered,
    RenderedPart,
    Transient,
)
from statusdesk.core.errors import Rejected
from statusdesk.core.model import (
    BilingualText,
    Channel,
    Delivery,
    DeliveryState,
    Draft,
    Incident,
    IncidentState,
    Problem,
    Update,
)
from statusdesk.core.timefmt import iso
from statusdesk.delivery import dispatcher as dispatcher_module
from statusdesk.delivery import retry
from statusdesk.delivery.dispatcher import Dispatcher, Recovery
from statusdesk.delivery.outbox import Published
from statusdesk.delivery.owners import new_owner, process_is_gone
from statusdesk.delivery.ratelimit import RequestSpacing
from statusdesk.delivery.retry import backoff_seconds
from statusdesk.desk import Desk
from statusdesk.store import Store

# -- probe channels ---------------------------------------------------------------------------

Step = Callable[[], Receipt]


@dataclass
class Probe:
    """What the probe channels do next, and what they saw."""

    send_steps: dict[str, list[Step]] = field(default_factory=dict)
    reconcile_steps: dict[str, list[Callable[[], Receipt | None]]] = field(default_factory=dict)
    sends: list[tuple[str, str, float]] = field(default_factory=list)  # channel, key, monotonic
    reconciles: list[tuple[str, str]] = field(default_factory=list)
    posted: list[int] = field(default_factory=list)  # parts of a thread, as they went out
    ledger_seen: list[dict[int, PartRecord]] = field(default_factory=list)
    fail_part_once: set[int] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def reset(self) -> None:
        fresh = Probe()
        for name in ("send_steps", "reconcile_steps", "sends", "reconciles", "posted"):
            setattr(self, name, getattr(fresh, name))
        self.ledger_seen, self.fail_part_once = fresh.ledger_seen, fresh.fail_part_once

    def keys(self, channel: str) -> list[str]:
        with self.lock:
            return [key for name, key, _ in self.sends if name == channel]


PROBE = Probe()


class ProbeChannel:
    kind = "probe"
    min_interval = 0.0

    def __init__(self, config: Channel, context: ChannelContext) -> None:
        self.config = config

    def check(self, update: Update, incident: Incident) -> list[Problem]:
        return []

    def render(self, update: Update, incident: Incident) -> Rendered:
        return Rendered(update.id, incident.id, (RenderedPart("both", update.body.en),))

    def send(self, rendered: Rendered, key: str, ledger: PartLedger) -> Receipt:
        with PROBE.lock:
            PROBE.sends.append((self.config.name, key, time.monotonic()))
            steps = PROBE.send_steps.get(self.config.name, [])
            step = steps.pop(0) if steps else (lambda: Receipt(remote_id=f"post-{key}"))
        return step()

    def reconcile(self, key: str, ledger: PartLedger) -> Receipt | None:
        with PROBE.lock:
            PROBE.reconciles.append((self.config.name, key))
            answers = PROBE.reconcile_steps.get(self.config.name, [])
            answer = answers.pop(0) if answers else (lambda: None)
        return answer()


class SpacedProbe(ProbeChannel):
    """A channel that allows one request every 0.2 s (as Statuspage allows one a second)."""

    kind = "spaced"
    min_interval = 0.2


class ThreadProbe(ProbeChannel):
    """A thread of three posts, kept in the delivery's part ledger: a retry starts at the first
    part not sent, and a part that went out is never posted again."""

    kind = "thread"

    def render(self, update: Update, incident: Incident) -> Rendered:
        parts = tuple(RenderedPart("en", f"{update.body.en} ({n}/3)") for n in (1, 2, 3))
        return Rendered(update.id, incident.id, parts)

    def send(self, rendered: Rendered, key: str, ledger: PartLedger) -> Receipt:
        done = ledger.parts()
        with PROBE.lock:
            PROBE.sends.append((self.config.name, key, time.monotonic()))
            PROBE.ledger_seen.append(done)
        for seq, _part in enumerate(rendered.parts, start=1):
            if seq in done and done[seq].state == "sent":
                continue
            ledger.sending(seq, target="timeline")
            with PROBE.lock:
                PROBE.posted.append(seq)
                busy = seq in PROBE.fail_part_once
                PROBE.fail_part_once.discard(seq)
            if busy:
                ledger.failed(seq, "503 from the server")
                raise Transient(f"{self.config.name}: the server is busy (503). Will retry.", 0)
            ledger.sent(seq, Receipt(remote_id=f"post-{seq}", remote_url=f"https://t/{seq}"))
        first = ledger.parts()[1]
        return Receipt(remote_id=first.remote_id, remote_url=first.remote_url)


@pytest.fixture
def engine_desk(home: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Desk]:
    for probe in (ProbeChannel, SpacedProbe, ThreadProbe):
        monkeypatch.setitem(registry.KINDS, probe.kind, probe)
    monkeypatch.setattr(retry, "BASE_SECONDS", 0.05)  # our own backoff: 50 ms, 100 ms, …
    PROBE.reset()
    with Desk(home) as desk:
        now = desk.now()
        with desk.store.transaction():
            desk.store.conn.execute("UPDATE channel SET enabled = 0 WHERE kind = 'site'")
        channels = [("probe", "alpha"), ("probe", "beta"), ("spaced", "slow"), ("thread", "thread")]
        for kind, name in channels:
            desk.store.channels.add_channel(kind=kind, name=name, now=now)
        yield desk


LEFT_OUT = "test: only the channel under test"  # the other probe channels are left out


def draft(en: str = "We are investigating.", ar: str = "نحقق في المشكلة.") -> Draft:
    return Draft(BilingualText(en, ar), IncidentState.INVESTIGATING, author="test")


def publish(desk: Desk, *channels: str, dispatch: bool = True) -> Published:
    return desk.publishing.open_incident(
        title=BilingualText("API down", "تعطل"),
        draft=draft(),
        channel_names=list(channels),
        dispatch=dispatch,
        skip_reason=LEFT_OUT,
    )


def chosen(deliveries: list[Delivery]) -> list[Delivery]:
    """The deliveries to the channels chosen (`publish` leaves the others out, skipped)."""
    return [d for d in deliveries if d.decision_note != LEFT_OUT]


def delivery(desk: Desk, delivery_id: int) -> Delivery:
    found = desk.store.deliveries.delivery(delivery_id)
    assert found is not None
    return found


def event_kinds(desk: Desk, delivery_id: int) -> list[str]:
    return [e["kind"] for e in desk.store.audit.events() if e["delivery_id"] == delivery_id]


def wait_state(desk: Desk, delivery_id: int, state: DeliveryState, timeout: float = 10) -> None:
    """Poll the workspace (as Desk.deliveries.wait_for does) until the delivery is in `state`."""
    deadline = time.monotonic() + timeout
    while (current := delivery(desk, delivery_id)).state is not state:
        assert time.monotonic() < deadline, f"still {current.state} after {timeout} s: {current}"
        time.sleep(0.02)


def later(desk: Desk, seconds: float) -> str:
    return iso(desk.clock.now() + timedelta(seconds=seconds))


def dead_owner() -> str:
    """The owner name of a process that ran on this host and has exited."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return f"{socket.gethostname()}:{child.pid}:dead"


# -- (a) recovery: a holder that died ---------------------------------------------------------


@pytest.mark.parametrize("found", ["landed", "did not land", "cannot tell"])
def test_a_dead_holders_delivery_is_reconciled_before_anything_is_resent(
    engine_desk: Desk, found: str
) -> None:
    desk = engine_desk
    owner = dead_owner()
    assert process_is_gone(owner)
    published = publish(desk, "alpha", dispatch=False)
    (delivery_id,) = published.delivery_ids
    # It crashed mid-attempt, long before its lease would run out.
    assert desk.store.ledger.claim_delivery(delivery_id, owner, later(desk, 3600), desk.now())
    key = delivery(desk, delivery_id).idempotency_key

    def unsure() -> Receipt | None:
        raise Ambiguous("alpha: the timeline could not be read.")

    answer: Callable[[], Receipt | None] = {
        "landed": lambda: Receipt(remote_id="found-7", remote_url="https://alpha/7"),
        "did not land": lambda: None,
        "cannot tell": unsure,
    }[found]
    PROBE.reconcile_steps["alpha"] = [answer]

    assert desk.deliveries.recover() == Recovery(abandoned=1, reconciling=1)
    (after,) = chosen(desk.deliveries.wait_for(published.update_id, timeout=10))

    assert PROBE.reconciles == [("alpha", key)]
    kinds = event_kinds(desk, delivery_id)
    assert kinds[:2] == ["delivery.sending", "delivery.abandoned"]
    if found == "landed":
        assert after.state is DeliveryState.SENT
        assert (after.remote_id, after.remote_url) == ("found-7", "https://alpha/7")
        assert PROBE.sends == [] and after.attempts == 1  # found, so never sent again
    elif found == "did not land":
        assert after.state is DeliveryState.SENT
        assert PROBE.keys("alpha") == [key] and after.attempts == 2  # resent, same key
        assert kinds[2:] == [
            "delivery.retry_wait",
            "delivery.sending",
            "delivery.sent",
        ]
    else:
        assert after.state is DeliveryState.NEEDS_DECISION
        assert PROBE.sends == []
        assert after.last_error == (
            "alpha: the timeline could not be read. Check alpha by hand, then retry or skip "
            "this delivery."
        )


@pytest.mark.parametrize("who", ["another worker of this process", "a process on another host"])
def test_a_live_holder_keeps_its_delivery_until_its_lease_runs_out(
    engine_desk: Desk, who: str
) -> None:
    desk = engine_desk
    host = socket.gethostname()
    # The other host's pid does not exist here, which must not matter: only its lease does.
    pid = dead_owner().split(":")[1]
    owner = (
        f"{host}:{os.getpid()}:0ther" if who.startswith("another worker") else f"x{host}:{pid}:t"
    )
    published = publish(desk, "alpha", "beta", dispatch=False)
    alpha_id, beta_id = published.delivery_ids
    assert desk.store.ledger.claim_delivery(alpha_id, owner, later(desk, 3600), desk.now())
    assert desk.store.ledger.claim_delivery(beta_id, owner, later(desk, -1), desk.now())
    beta_key = delivery(desk, beta_id).idempotency_key

    assert desk.deliveries.recover() == Recovery(abandoned=1, reconciling=1)
    wait_state(desk, beta_id, DeliveryState.SENT)

    # Lease in the future: untouched, still the holder's.
    alpha = delivery(desk, alpha_id)
    assert (alpha.state, alpha.owner) == (DeliveryState.SENDING, owner)
    assert "delivery.abandoned" not in event_kinds(desk, alpha_id)
    # Lease run out: taken back, reconciled (the probe says it did not land), resent.
    assert PROBE.reconciles == [("beta", beta_key)]
    assert PROBE.keys("beta") == [beta_key] and PROBE.keys("alpha") == []
    assert "delivery.abandoned" in event_kinds(desk, beta_id)


# -- (b) a lease taken over -------------------------------------------------------------------


def test_a_worker_whose_lease_was_taken_over_cannot_overwrite_the_outcome(
    engine_desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk = engine_desk
    in_flight, release = threading.Event(), threading.Event()

    def stuck() -> Receipt:
        in_flight.set()
        release.wait(10)
        raise Permanent("alpha: refused, far too late.")

    PROBE.send_steps["alpha"] = [stuck]
    PROBE.reconcile_steps["alpha"] = [lambda: Receipt(remote_id="found-1")]
    published = publish(desk, "alpha", dispatch=False)
    (delivery_id,) = published.delivery_ids

    # A second worker (another Dispatcher, as the headless runner would be) whose lease is
    # already over by the time it sends: it stalled past it.
    monkeypatch.setattr(dispatcher_module, "LEASE_SECONDS", -60)
    stalled = Dispatcher(
        open_store=lambda: Store.open(desk.paths.db, verify=False),
        channel_for=desk.channel,
        clock=desk.clock,
        owner=new_owner(),
    )
    try:
        (attempt,) = stalled.submit([delivery_id])
        assert in_flight.wait(10)
        assert desk.deliveries.recover().abandoned == 1  # its lease ran out: taken over, reconciled
        (taken,) = chosen(desk.deliveries.wait_for(published.update_id, timeout=10))
        assert (taken.state, taken.remote_id) == (DeliveryState.SENT, "found-1")
        release.set()
        assert attempt.result(timeout=10) is None  # its outcome was not recorded
    finally:
        release.set()
        stalled.shutdown()

    after = delivery(desk, delivery_id)
    assert (after.state, after.remote_id, after.last_error) == (DeliveryState.SENT, "found-1", None)
    assert "delivery.failed" not in event_kinds(desk, delivery_id)


def test_finish_with_a_lost_lease_is_refused(engine_desk: Desk) -> None:
    store, now = engine_desk.store, engine_desk.now()
    (delivery_id,) = publish(engine_desk, "alpha", dispatch=False).delivery_ids
    old, new = new_owner(), new_owner()
    assert store.ledger.claim_delivery(delivery_id, old, later(engine_desk, -1), now)
    assert store.ledger.release_abandoned(delivery_id, old, now)
    assert store.ledger.claim_for_reconcile(delivery_id, new, later(engine_desk, 300), now)

    assert not store.ledger.finish_delivery(delivery_id, DeliveryState.FAILED, now, owner=old)
    assert delivery(engine_desk, delivery_id).owner == new
    assert store.ledger.finish_delivery(
        delivery_id, DeliveryState.SENT, now, owner=new, remote_id="r"
    )
    assert not store.ledger.finish_delivery(delivery_id, DeliveryState.FAILED, now, owner=new)
    final = delivery(engine_desk, delivery_id)
    assert (final.state, final.remote_id, final.owner) == (DeliveryState.SENT, "r", None)


class StoppedClock:
    """The wall clock, moved by the test only."""

    def __init__(self, at: datetime) -> None:
        self.at = at

    def now(self) -> datetime:
        return self.at

    def run(self, seconds: float) -> None:
        self.at += timedelta(seconds=seconds)


def test_a_stale_hand_over_never_replaces_a_later_attempts_outcome(engine_desk: Desk) -> None:
    """One runner, two of its threads on one delivery: the first's claim waits on a locked
    database and fails; meanwhile the second's claim went through and its post lands. The
    first's hand-over must not turn that attempt into `needs_decision` (issue 12 §4)."""
    desk = engine_desk
    (delivery_id,) = publish(desk, "alpha", dispatch=False).delivery_ids
    in_flight, release, claim_failed = threading.Event(), threading.Event(), threading.Event()

    def posted_while_the_other_thread_waits() -> Receipt:
        in_flight.set()
        assert release.wait(10)
        return Receipt(remote_id="posted-by-the-later-claim")

    PROBE.send_steps["alpha"] = [posted_while_the_other_thread_waits]

    def open_store() -> Store:
        store = Store.open(desk.paths.db, verify=False)
        store.conn.execute("PRAGMA busy_timeout = 50")  # the 20 s lock, shortened
        return store

    runner = Dispatcher(
        open_store=open_store,
        channel_for=desk.channel,
        clock=StoppedClock(desk.clock.now()),
        owner=new_owner(),
    )
    locker = sqlite3.connect(desk.paths.db, isolation_level=None, check_same_thread=False)

    class UnlockWhenTheClaimFails(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if "could not be recorded" in record.getMessage() and not claim_failed.is_set():
                locker.execute("ROLLBACK")  # the lock ends just before the hand-over
                claim_failed.set()

    handler = UnlockWhenTheClaimFails()
    logging.getLogger(dispatcher_module.__name__).addHandler(handler)
    try:
        (later_claim,) = runner.submit([delivery_id])
        assert in_flight.wait(10)
        assert delivery(desk, delivery_id).attempts == 1
        locker.execute("BEGIN IMMEDIATE")
        (stale,) = runner.submit([delivery_id])  # the same row, queued again by a poll
        with pytest.raises(Exception, match="locked"):
            stale.result(timeout=10)
        assert claim_failed.is_set()
        release.set()
        assert later_claim.result(timeout=10) is DeliveryState.SENT
    finally:
        release.set()
        logging.getLogger(dispatcher_module.__name__).removeHandler(handler)
        if locker.in_transaction:
            locker.execute("ROLLBACK")
        locker.close()
        runner.shutdown()

    after = delivery(desk, delivery_id)
    assert (after.state, after.remote_id, after.attempts) == (
        DeliveryState.SENT,
        "posted-by-the-later-claim",
        1,
    )
    assert "delivery.needs_decision" not in event_kinds(desk, delivery_id)


def test_every_hand_over_matches_owner_and_attempt(engine_desk: Desk) -> None:
    """Recovery read attempt 1 of a holder as expired; the holder was only stalled, finished
    it and claimed attempt 2. Nothing stale (recovery's release, attempt 1's lease renewal,
    outcome or hand-over) may touch attempt 2, whose own outcome is recorded."""
    store = engine_desk.store
    clock = StoppedClock(engine_desk.clock.now())
    (delivery_id,) = publish(engine_desk, "alpha", dispatch=False).delivery_ids
    owner = new_owner()

    def lease() -> str:
        return iso(clock.now() + timedelta(seconds=300))

    assert store.ledger.claim_delivery(delivery_id, owner, lease(), iso(clock.now()))
    clock.run(400)  # stalled past its lease
    (held,) = [row for row in store.ledger.held_deliveries() if row["id"] == delivery_id]
    assert (held["owner"], held["attempts"]) == (owner, 1)

    now = iso(clock.now())
    assert store.ledger.finish_delivery(
        delivery_id, DeliveryState.RETRY_WAIT, now, owner=owner, attempt=1, next_attempt_at=now
    )
    assert store.ledger.claim_delivery(delivery_id, owner, lease(), now)
    assert delivery(engine_desk, delivery_id).attempts == 2

    assert not store.ledger.release_abandoned(delivery_id, owner, now, attempt=held["attempts"])
    assert not store.ledger.renew_lease(delivery_id, owner, lease(), attempt=1)
    assert not store.ledger.finish_delivery(
        delivery_id, DeliveryState.NEEDS_DECISION, now, owner=owner, attempt=1
    )
    current = delivery(engine_desk, delivery_id)
    assert (current.state, current.owner) == (DeliveryState.SENDING, owner)
    assert store.ledger.renew_lease(delivery_id, owner, lease(), attempt=2)
    assert store.ledger.finish_delivery(
        delivery_id, DeliveryState.SENT, now, owner=owner, attempt=2, remote_id="r"
    )
    final = delivery(engine_desk, delivery_id)
    assert (final.state, final.remote_id, final.owner) == (DeliveryState.SENT, "r", None)
    assert "delivery.abandoned" not in event_kinds(engine_desk, delivery_id)


# -- (c) the part ledger ----------------------------------------------------------------------


def test_a_thread_resumes_at_its_first_unsent_part(engine_desk: Desk) -> None:
    PROBE.fail_part_once = {2}  # part 1 goes out, part 2 meets a 503 on the first attempt
    published = publish(engine_desk, "thread")
    (after,) = chosen(engine_desk.deliveries.wait_for(published.update_id, timeout=10))

    assert after.state is DeliveryState.SENT and after.attempts == 2
    assert PROBE.posted == [1, 2, 2, 3]  # part 1 never again
    first_look, second_look = PROBE.ledger_seen
    assert first_look == {}
    assert {seq: r.state for seq, r in second_look.items()} == {1: "sent", 2: "failed"}
    assert second_look[1].remote_id == "post-1"
    assert second_look[2].error == "503 from the server"
    parts = engine_desk.store.ledger.delivery_parts(after.id)
    assert [(p["seq"], p["state"], p["remote_id"]) for p in parts] == [
        (1, "sent", "post-1"),
        (2, "sent", "post-2"),
        (3, "sent", "post-3"),
    ]
    assert all(p["sent_at"] for p in parts) and parts[1]["last_error"] is None
    assert (after.remote_id, after.remote_url) == ("post-1", "https://t/1")


# -- (d) request spacing ----------------------------------------------------------------------


def test_requests_to_one_channel_are_spaced_across_workers(engine_desk: Desk) -> None:
    desk = engine_desk
    first = publish(desk, "slow", dispatch=False)
    updates = [first] + [
        desk.publishing.post_update(
            first.incident_id,
            draft(f"Update {n}."),
            channel_names=["slow"],
            dispatch=False,
            skip_reason=LEFT_OUT,
        )
        for n in (2, 3, 4)
    ]
    ids = [p.delivery_ids[0] for p in updates]
    desk.dispatcher.submit(ids)  # four workers, all at once
    for published in updates:
        desk.deliveries.wait_for(published.update_id, timeout=10)

    assert {delivery(desk, i).state for i in ids} == {DeliveryState.SENT}
    starts = sorted(at for name, _, at in PROBE.sends if name == "slow")
    assert len(starts) == 4
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    # 0.2 s apart; a little less when one worker woke late from its own wait.
    assert all(gap >= 0.15 for gap in gaps), gaps
    assert starts[-1] - starts[0] >= 3 * 0.2 - 0.02, gaps


def test_request_spacing_hands_out_one_slot_after_another() -> None:
    clock = [100.0]
    slept: list[float] = []
    spacing = RequestSpacing(monotonic=lambda: clock[0], sleep=slept.append)

    assert spacing.reserve(1, 0.5) == 0.0
    assert spacing.reserve(1, 0.5) == pytest.approx(0.5)
    assert spacing.reserve(1, 0.5) == pytest.approx(1.0)
    assert spacing.reserve(2, 0.5) == 0.0  # each channel has its own slots
    assert spacing.reserve(3, 0.0) == 0.0 and spacing.reserve(3, 0.0) == 0.0  # no spacing

    clock[0] = 100.7  # channel 1's next slot is at 101.5
    spacing.wait(1, 0.5)
    assert slept == [pytest.approx(0.8)]
    clock[0] = 200.0  # long idle: the next request goes at once
    spacing.wait(1, 0.5)
    spacing.wait(3, 0.0)
    assert slept == [pytest.approx(0.8)]


# -- (e) a person's decisions -----------------------------------------------------------------


def _refused() -> Receipt:
    raise Permanent("alpha rejected the post: credentials expired — re-enter them in Channels")


def _failed_delivery(desk: Desk) -> tuple[Published, int]:
    PROBE.send_steps["alpha"] = [_refused]
    published = publish(desk, "alpha")
    (failed,) = chosen(desk.deliveries.wait_for(published.update_id, timeout=10))
    assert failed.state is DeliveryState.FAILED
    return published, failed.id


def test_a_retry_decided_by_a_person_sends_again_with_the_same_key(engine_desk: Desk) -> None:
    desk = engine_desk
    published, delivery_id = _failed_delivery(desk)
    queued = desk.deliveries.retry_delivery(delivery_id, by="amal")
    assert queued.decided_by == "amal"
    (after,) = chosen(desk.deliveries.wait_for(published.update_id, timeout=10))

    assert after.state is DeliveryState.SENT and after.attempts == 2
    assert PROBE.keys("alpha") == [after.idempotency_key] * 2
    retried = [e for e in desk.store.audit.events() if e["kind"] == "delivery.retry"]
    assert [(e["delivery_id"], e["actor"]) for e in retried] == [(delivery_id, "amal")]
    assert '"from": "failed"' in retried[0]["data"]


def test_a_skip_needs_a_reason_and_is_recorded(engine_desk: Desk) -> None:
    desk = engine_desk
    _, delivery_id = _failed_delivery(desk)
    for blank in ("", "  \n "):
        with pytest.raises(Rejected, match=r"Say why this channel is skipped \(--reason TEXT\)"):
            desk.deliveries.skip_delivery(delivery_id, blank, by="amal")
    assert delivery(desk, delivery_id).state is DeliveryState.FAILED

    skipped = desk.deliveries.skip_delivery(delivery_id, "Told customers by phone.", by="amal")
    assert skipped.state is DeliveryState.SKIPPED
    assert (skipped.decided_by, skipped.decision_note) == ("amal", "Told customers by phone.")
    (event,) = [
        e
        for e in desk.store.audit.events()
        if e["kind"] == "delivery.skip" and LEFT_OUT not in e["data"]
    ]
    assert (event["delivery_id"], event["actor"]) == (delivery_id, "amal")
    assert '"reason": "Told customers by phone."' in event["data"]
    with pytest.raises(Rejected, match=f"Delivery {delivery_id} is already skipped."):
        desk.deliveries.skip_delivery(delivery_id, "again", by="amal")


def test_a_sent_delivery_is_not_decided_again(engine_desk: Desk) -> None:
    desk = engine_desk
    published = publish(desk, "alpha")
    (sent,) = chosen(desk.deliveries.wait_for(published.update_id, timeout=10))
    assert sent.state is DeliveryState.SENT
    message = f"Delivery {sent.id} was already sent; nothing to decide."
    with pytest.raises(Rejected, match=message):
        desk.deliveries.retry_delivery(sent.id, by="amal")
    with pytest.raises(Rejected, match=message) as info:
        desk.deliveries.skip_delivery(sent.id, "no need", by="amal")
    assert [p.field for p in info.value.problems] == ["delivery"]
    assert delivery(desk, sent.id).state is DeliveryState.SENT
    assert PROBE.keys("alpha") == [sent.idempotency_key]  # not sent twice


def test_deliveries_in_flight_or_waiting_are_not_decided_twice(engine_desk: Desk) -> None:
    desk = engine_desk
    published = publish(desk, "alpha", "beta", dispatch=False)
    alpha_id, beta_id = published.delivery_ids
    with pytest.raises(Rejected, match="is already waiting to be sent"):
        desk.deliveries.retry_delivery(alpha_id)
    assert desk.store.ledger.claim_delivery(alpha_id, new_owner(), later(desk, 300), desk.now())
    with pytest.raises(Rejected, match="is being sent right now; wait for its outcome"):
        desk.deliveries.retry_delivery(alpha_id)
    with pytest.raises(Rejected, match="is being sent right now; wait for its outcome"):
        desk.deliveries.skip_delivery(alpha_id, "x")
    assert delivery(desk, alpha_id).state is DeliveryState.SENDING
    assert delivery(desk, beta_id).state is DeliveryState.PENDING


def test_a_skipped_delivery_is_not_sent_when_its_retry_falls_due(engine_desk: Desk) -> None:
    desk = engine_desk

    def busy() -> Receipt:
        raise Transient("alpha: the server is busy (503). Will retry.", retry_after=60)

    PROBE.send_steps["alpha"] = [busy]
    published = publish(desk, "alpha")
    (delivery_id,) = published.delivery_ids
    wait_state(desk, delivery_id, DeliveryState.RETRY_WAIT)
    waiting = delivery(desk, delivery_id)
    desk.deliveries.skip_delivery(waiting.id, "The incident was resolved before it could go out.")
    # What the retry timer does when it fires: the row is no longer the outbox's.
    assert desk.dispatcher.attempt(waiting.id) is None
    assert delivery(desk, waiting.id).state is DeliveryState.SKIPPED
    assert PROBE.keys("alpha") == [waiting.idempotency_key]


def test_outstanding_deliveries_count_what_is_not_out_yet(engine_desk: Desk) -> None:
    desk = engine_desk
    assert desk.deliveries.outstanding_deliveries() == 0
    PROBE.send_steps["alpha"] = [_refused]
    first = publish(desk, "alpha", "beta", dispatch=False)
    assert desk.deliveries.outstanding_deliveries() == 2  # pending
    desk.dispatcher.submit(first.delivery_ids)
    desk.deliveries.wait_for(first.update_id, timeout=10)
    assert desk.deliveries.outstanding_deliveries() == 1  # alpha failed, beta sent
    second = desk.publishing.post_update(first.incident_id, draft("Identified."), dispatch=False)
    assert desk.deliveries.outstanding_deliveries() == 1 + len(second.delivery_ids)
    desk.deliveries.skip_delivery(first.delivery_ids[0], "Posted by hand.")
    assert desk.deliveries.outstanding_deliveries() == len(second.delivery_ids)


# -- (f) the retry schedule -------------------------------------------------------------------


@given(attempts=st.integers(min_value=1, max_value=80), seed=st.integers(0, 2**32 - 1))
def test_backoff_doubles_from_one_second_to_the_cap_with_jitter(attempts: int, seed: int) -> None:
    base = min(300.0, 2.0 ** (attempts - 1))
    wait = backoff_seconds(attempts, rng=random.Random(seed))
    assert base * 0.8 <= wait <= base * 1.2
    assert wait == backoff_seconds(attempts, rng=random.Random(seed))  # seeded: reproducible
    # The same draw one attempt later: exactly twice as long, until the cap.
    following = backoff_seconds(attempts + 1, rng=random.Random(seed))
    expected = 2.0 if base * 2 <= 300 else 300.0 / base
    assert following == pytest.approx(wait * expected)


def test_backoff_jitter_spreads_over_the_whole_band() -> None:
    ratios = [backoff_seconds(12, rng=random.Random(seed)) / 300.0 for seed in range(2000)]
    assert 0.8 <= min(ratios) < 0.81 and 1.19 < max(ratios) <= 1.2


@given(
    attempts=st.integers(min_value=1, max_value=80),
    retry_after=st.floats(min_value=0, max_value=900, allow_nan=False),  # X: 15-minute windows
)
def test_a_wait_named_by_the_server_wins(attempts: int, retry_after: float) -> None:
    assert backoff_seconds(attempts, retry_after, random.Random(1)) == retry_after


def test_a_negative_server_wait_means_now() -> None:
    assert backoff_seconds(3, -5.0) == 0.0
