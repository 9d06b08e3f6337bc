"""Fan-out: every delivery on a worker pool, channels in parallel, each attempt recorded.

The dispatcher never runs on the GUI thread's behalf in the foreground: `submit` returns at once
and `on_change` reports every state change from the worker thread (the GUI turns that into a
queued Qt signal).
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import timedelta

from statusdesk.channels.base import Ambiguous, Channel, Permanent, Transient
from statusdesk.clock import Clock
from statusdesk.core.model import Channel as ChannelConfig
from statusdesk.core.model import DeliveryState
from statusdesk.core.timefmt import iso
from statusdesk.delivery.retry import backoff_seconds
from statusdesk.store import Store

log = logging.getLogger(__name__)

LEASE_SECONDS = 300
StateCallback = Callable[[int, DeliveryState], None]


class Dispatcher:
    def __init__(
        self,
        *,
        open_store: Callable[[], Store],
        channel_for: Callable[[ChannelConfig], Channel],
        clock: Clock,
        owner: str,
        max_workers: int = 4,
        on_change: StateCallback | None = None,
    ) -> None:
        self._open_store = open_store
        self._channel_for = channel_for
        self._clock = clock
        self.owner = owner
        self._on_change = on_change
        self._pool = ThreadPoolExecutor(max_workers=max_workers, thread_name_prefix="delivery")
        self._local = threading.local()
        self._stores: list[Store] = []
        self._lock = threading.Lock()
        self._timers: set[threading.Timer] = set()
        self._inflight: set[Future[DeliveryState | None]] = set()
        self._closed = False

    # -- public -------------------------------------------------------------------------------

    def submit(self, delivery_ids: Iterable[int]) -> list[Future[DeliveryState | None]]:
        futures = []
        with self._lock:
            if self._closed:
                return []
            for delivery_id in delivery_ids:
                future = self._pool.submit(self._attempt_logged, delivery_id)
                self._inflight.add(future)
                future.add_done_callback(self._forget)
                futures.append(future)
        return futures

    def submit_runnable(self) -> int:
        """Queue whatever is due in the outbox (pending, or retry_wait whose time came)."""
        store = self._store()
        due = store.runnable_deliveries(iso(self._clock.now()))
        self.submit(d.id for d in due)
        return len(due)

    def wait_idle(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                pending = list(self._inflight)
            if not pending:
                return True
            for future in pending:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                with contextlib.suppress(Exception):
                    future.result(timeout=remaining)
        with self._lock:
            return not self._inflight

    def shutdown(self, wait: bool = True) -> None:
        """Stop taking work; with `wait`, let the attempts in flight finish and record."""
        with self._lock:
            self._closed = True
            for timer in self._timers:
                timer.cancel()
            self._timers.clear()
        self._pool.shutdown(wait=wait, cancel_futures=True)
        with self._lock:
            for store in self._stores:
                store.close()
            self._stores.clear()

    def attempt(self, delivery_id: int) -> DeliveryState | None:
        """One attempt at one delivery, if it is ours to make. Returns the new state, or None
        when another worker or process holds it (or it is not due)."""
        store = self._store()
        now = self._clock.now()
        lease_until = iso(now + timedelta(seconds=LEASE_SECONDS))
        if not store.claim_delivery(delivery_id, self.owner, lease_until, iso(now)):
            return None
        self._notify(delivery_id, DeliveryState.SENDING)
        delivery = store.delivery(delivery_id)
        assert delivery is not None
        config = store.channel(delivery.channel_id)
        update = store.update(delivery.update_id)
        assert config is not None and update is not None
        incident = store.incident(update.incident_id)
        assert incident is not None
        state: DeliveryState
        try:
            channel = self._channel_for(config)
            rendered = channel.render(update, incident)
            receipt = channel.send(rendered, delivery.idempotency_key)
        except Transient as exc:
            wait = backoff_seconds(delivery.attempts, exc.retry_after)
            state = DeliveryState.RETRY_WAIT
            store.finish_delivery(
                delivery_id,
                state,
                iso(self._clock.now()),
                error=str(exc),
                next_attempt_at=iso(self._clock.now() + timedelta(seconds=wait)),
            )
            self._retry_later(delivery_id, wait)
        except Permanent as exc:
            state = DeliveryState.FAILED
            store.finish_delivery(delivery_id, state, iso(self._clock.now()), error=str(exc))
        except Ambiguous as exc:
            state = DeliveryState.UNKNOWN
            store.finish_delivery(delivery_id, state, iso(self._clock.now()), error=str(exc))
        except Exception as exc:
            # A bug in a channel must not leave the row in `sending` forever, and must not be
            # resent blindly either: the outcome is unknown until someone looks.
            log.exception("delivery %s: unexpected error", delivery_id)
            state = DeliveryState.UNKNOWN
            store.finish_delivery(
                delivery_id,
                state,
                iso(self._clock.now()),
                error=f"{config.name}: internal error ({type(exc).__name__}: {exc}); "
                "see the log, then retry or skip this delivery.",
            )
        else:
            state = DeliveryState.SENT
            store.finish_delivery(
                delivery_id,
                state,
                iso(self._clock.now()),
                remote_id=receipt.remote_id,
                remote_url=receipt.remote_url,
            )
        self._notify(delivery_id, state)
        return state

    # -- internals ----------------------------------------------------------------------------

    def _attempt_logged(self, delivery_id: int) -> DeliveryState | None:
        try:
            return self.attempt(delivery_id)
        except Exception:
            log.exception("delivery %s: attempt could not be recorded", delivery_id)
            raise

    def _store(self) -> Store:
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = self._open_store()
            self._local.store = store
            with self._lock:
                self._stores.append(store)
        return store

    def _forget(self, future: Future[DeliveryState | None]) -> None:
        with self._lock:
            self._inflight.discard(future)

    def _notify(self, delivery_id: int, state: DeliveryState) -> None:
        if self._on_change is not None:
            try:
                self._on_change(delivery_id, state)
            except Exception:
                log.exception("delivery state listener failed")

    def _retry_later(self, delivery_id: int, seconds: float) -> None:
        with self._lock:
            if self._closed:
                return

            def fire() -> None:
                with self._lock:
                    self._timers.discard(timer)
                self.submit([delivery_id])

            timer = threading.Timer(seconds, fire)
            timer.daemon = True
            self._timers.add(timer)
            timer.start()
