"""Fan-out: every delivery on a worker pool, channels in parallel, each attempt recorded.

The state machine of ARCHITECTURE §5. `sending` (attempt number, idempotency key, owner and
lease) is committed before a request leaves and the outcome right after:

    pending ─claim─▶ sending ─▶ sent
                        ├─ Transient ─▶ retry_wait ─(backoff or the server's wait)─▶ claim again
                        ├─ Permanent ─▶ failed ─(a person: retry | skip)
                        └─ Ambiguous, or the holder died ─▶ unknown ─reconcile─▶ sent
                                                  | retry_wait (it did not land) | needs_decision

Nothing here runs on the GUI thread's behalf in the foreground: `submit` returns at once and
`on_change` reports every state change from a worker thread (the GUI turns that into a queued
Qt signal).
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import partial

from statusdesk.channels.base import Ambiguous, Channel, Permanent, Receipt, Rendered, Transient
from statusdesk.clock import Clock
from statusdesk.core.model import BilingualText, Delivery, DeliveryState, Incident, Update
from statusdesk.core.model import Channel as ChannelConfig
from statusdesk.core.text.sanitize import scrub
from statusdesk.core.timefmt import iso, parse_iso
from statusdesk.core.words import QT_TRANSLATE_NOOP
from statusdesk.delivery.ledger import StoreLedger
from statusdesk.delivery.owners import process_is_gone
from statusdesk.delivery.ratelimit import RequestSpacing
from statusdesk.delivery.retry import backoff_seconds
from statusdesk.store import Store

log = logging.getLogger(__name__)

# What the outbox says around a channel's failure (context "Delivery": the desk reads a stored
# delivery error back into these, delivery/failures.py, and says it in its language).
_BY_HAND = QT_TRANSLATE_NOOP(
    "Delivery", "{error} Check {channel} by hand, then retry or skip this delivery."
)
_UNUSABLE = QT_TRANSLATE_NOOP("Delivery", "{channel}: cannot be used ({error}).")
_BUG = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: internal error ({error}); it may or may not have gone out. See the log, check "
    "the channel, then retry or skip this delivery.",
)
_NOT_RECORDED = QT_TRANSLATE_NOOP(
    "Delivery",
    "statusdesk could not record this attempt ({error}); it may or may not have gone out. "
    "Check the channel, then retry or skip.",
)

# Longer than any one attempt may take (channels time out their requests well before), so a
# live holder never loses its row; a dead one's rows are reconciled once it has run out.
LEASE_SECONDS = 300
StateCallback = Callable[[int, DeliveryState], None]
# (delivery id, done, total, what): how far a long attempt is, from a worker thread.
ProgressCallback = Callable[[int, int, int, str], None]
# Attempts wait on the network, not the CPU: enough threads that every channel of an update
# goes out at once (a pool smaller than the channel count would send in waves).
MAX_WORKERS = 16


@dataclass(frozen=True)
class Recovery:
    abandoned: int  # `sending` rows whose holder died, now `unknown`
    reconciling: int  # `unknown` rows queued for reconciliation


class Dispatcher:
    def __init__(
        self,
        *,
        open_store: Callable[[], Store],
        channel_for: Callable[[ChannelConfig], Channel],
        clock: Clock,
        owner: str,
        max_workers: int = MAX_WORKERS,
        on_change: StateCallback | None = None,
        on_progress: ProgressCallback | None = None,
    ) -> None:
        self._open_store = open_store
        self._on_progress = on_progress
        self._channel_for = channel_for
        self._clock = clock
        self.owner = owner
        self._on_change = on_change
        self._pool = ThreadPoolExecutor(max_workers=max_workers, thread_name_prefix="delivery")
        self._spacing = RequestSpacing()
        self._local = threading.local()
        self._stores: list[Store] = []
        self._lock = threading.Lock()
        self._timers: set[threading.Timer] = set()
        self._inflight: set[Future[DeliveryState | None]] = set()
        # (work, delivery id) queued and not yet finished: a poll that finds the same pending
        # row again (the pool is busy) does not queue it twice.
        self._queued: set[tuple[str, int]] = set()
        self._closed = False

    # -- public -------------------------------------------------------------------------------

    def submit(self, delivery_ids: Iterable[int]) -> list[Future[DeliveryState | None]]:
        return [self._queue(self._attempt_logged, delivery_id) for delivery_id in delivery_ids]

    def submit_runnable(self) -> int:
        """Queue whatever is due in the outbox (pending, or retry_wait whose time came)."""
        store = self._store()
        due = store.ledger.runnable_deliveries(iso(self._clock.now()))
        self.submit(d.id for d in due)
        return len(due)

    def recover(self) -> Recovery:
        """After a crash (ours or another process's): rows held by a holder that is gone become
        `unknown`, and every `unknown` row is reconciled before anything is sent again."""
        store = self._store()
        now = self._clock.now()
        abandoned = 0
        for row in store.ledger.held_deliveries():
            owner = row["owner"]
            if owner == self.owner:
                continue
            expired = row["lease_until"] is None or parse_iso(row["lease_until"]) <= now
            if (expired or process_is_gone(owner)) and store.ledger.release_abandoned(
                row["id"], owner, iso(now), attempt=row["attempts"]
            ):
                abandoned += 1
                self._notify(row["id"], DeliveryState.UNKNOWN)
        unknown = store.ledger.unknown_deliveries(iso(now))
        for delivery in unknown:
            self._queue(self._reconcile_logged, delivery.id)
        return Recovery(abandoned, len(unknown))

    def listen(self, on_change: StateCallback | None) -> None:
        """Set who hears of every state change (from worker threads)."""
        self._on_change = on_change

    def listen_progress(self, on_progress: ProgressCallback | None) -> None:
        """Set who hears how far long attempts are (from worker threads)."""
        self._on_progress = on_progress

    def notify(self, delivery_id: int, state: DeliveryState) -> None:
        """Tell the listener of a change made outside an attempt (a person's decision)."""
        self._notify(delivery_id, state)

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
        if not store.ledger.claim_delivery(delivery_id, self.owner, self._lease(now), iso(now)):
            return None
        self._local.held = (delivery_id, None)  # ours, at an attempt not read yet
        self._notify(delivery_id, DeliveryState.SENDING)
        delivery, config, channel, error = self._prepare(store, delivery_id)
        self._local.held = (delivery_id, delivery.attempts)
        if channel is None:
            return self._finish(store, delivery, DeliveryState.NEEDS_DECISION, error=error)
        try:
            update = store.incidents.update(delivery.update_id)
            assert update is not None
            incident = store.incidents.incident(update.incident_id)
            assert incident is not None
            rendered = self._rendered(store, delivery, channel, update, incident)
            self._spacing.wait(config.id, channel.min_interval)
            receipt = channel.send(
                rendered, delivery.idempotency_key, self._ledger(store, delivery)
            )
        except Transient as exc:
            return self._retry_wait(store, delivery, str(exc), exc.retry_after)
        except Permanent as exc:
            return self._finish(store, delivery, DeliveryState.FAILED, error=str(exc))
        except Ambiguous as exc:
            state = self._finish(store, delivery, DeliveryState.UNKNOWN, error=str(exc))
            if state is DeliveryState.UNKNOWN:
                self._queue(self._reconcile_logged, delivery_id)
            return state
        except Exception as exc:
            return self._finish(
                store, delivery, DeliveryState.NEEDS_DECISION, error=self._bug(config, exc)
            )
        return self._sent(store, delivery, receipt)

    def reconcile(self, delivery_id: int) -> DeliveryState | None:
        """Find out whether an `unknown` delivery landed: sent if it did, back to the outbox
        (same idempotency key) if it did not, a person's decision if the channel cannot tell."""
        store = self._store()
        now = self._clock.now()
        if not store.ledger.claim_for_reconcile(
            delivery_id, self.owner, self._lease(now), iso(now)
        ):
            return None
        self._local.held = (delivery_id, None)
        delivery, config, channel, error = self._prepare(store, delivery_id)
        self._local.held = (delivery_id, delivery.attempts)
        if channel is None:
            return self._finish(store, delivery, DeliveryState.NEEDS_DECISION, error=error)
        try:
            self._spacing.wait(config.id, channel.min_interval)
            receipt = channel.reconcile(delivery.idempotency_key, self._ledger(store, delivery))
        except Transient as exc:
            # The lookup itself failed: still unknown; look again when the wait is over.
            wait = backoff_seconds(max(1, delivery.attempts), exc.retry_after)
            state = self._finish(
                store,
                delivery,
                DeliveryState.UNKNOWN,
                error=str(exc),
                next_attempt_at=iso(self._clock.now() + timedelta(seconds=wait)),
            )
            self._later(self._reconcile_logged, delivery_id, wait)
            return state
        except (Ambiguous, Permanent) as exc:
            return self._finish(
                store,
                delivery,
                DeliveryState.NEEDS_DECISION,
                error=_BY_HAND.format(error=str(exc), channel=config.name),
            )
        except Exception as exc:
            return self._finish(
                store, delivery, DeliveryState.NEEDS_DECISION, error=self._bug(config, exc)
            )
        if receipt is not None:
            return self._sent(store, delivery, receipt)
        return self._retry_wait(store, delivery, delivery.last_error or "", None)

    # -- internals ----------------------------------------------------------------------------

    def _prepare(
        self, store: Store, delivery_id: int
    ) -> tuple[Delivery, ChannelConfig, Channel | None, str]:
        delivery = store.deliveries.delivery(delivery_id)
        assert delivery is not None
        config = store.channels.channel(delivery.channel_id)
        assert config is not None
        try:
            return delivery, config, self._channel_for(config), ""
        except Exception as exc:  # an unknown kind, a setting it cannot use
            return delivery, config, None, _UNUSABLE.format(channel=config.name, error=str(exc))

    def _rendered(
        self, store: Store, delivery: Delivery, channel: Channel, update: Update, incident: Incident
    ) -> Rendered:
        """The first attempt renders and records; every later attempt resends those bytes."""
        kept = store.ledger.rendered_of(delivery.id)
        if kept is not None:
            return Rendered.from_json(kept)
        rendered = channel.render(*_scrubbed(update, incident))
        store.ledger.keep_rendered(delivery.id, rendered.to_json(), self.owner)
        return rendered

    def _ledger(self, store: Store, delivery: Delivery) -> StoreLedger:
        return StoreLedger(
            store,
            delivery.id,
            self._clock.now,
            owner=self.owner,
            lease_seconds=LEASE_SECONDS,
            attempt=delivery.attempts,
            on_progress=partial(self._progress, delivery.id),
        )

    def _progress(self, delivery_id: int, done: int, total: int, what: str) -> None:
        listener = self._on_progress
        if listener is not None:
            try:
                listener(delivery_id, done, total, what)
            except Exception:
                log.exception("delivery progress listener failed")

    def _lease(self, now: datetime) -> str:
        return iso(now + timedelta(seconds=LEASE_SECONDS))

    def _bug(self, config: ChannelConfig, exc: Exception) -> str:
        # A bug in a channel must not leave the row in `sending` forever, and must not be
        # resent blindly either: the outcome is unknown until someone looks.
        log.error("channel %s: unexpected error", config.name, exc_info=exc)
        return _BUG.format(channel=config.name, error=f"{type(exc).__name__}: {exc}")

    def _finish(
        self,
        store: Store,
        delivery: Delivery,
        state: DeliveryState,
        *,
        error: str | None = None,
        next_attempt_at: str | None = None,
        remote_id: str | None = None,
        remote_url: str | None = None,
    ) -> DeliveryState | None:
        recorded = store.ledger.finish_delivery(
            delivery.id,
            state,
            iso(self._clock.now()),
            owner=self.owner,
            error=error,
            next_attempt_at=next_attempt_at,
            remote_id=remote_id,
            remote_url=remote_url,
            attempt=delivery.attempts,
        )
        if not recorded:
            log.warning(
                "delivery %s: lease lost before its outcome (%s) was recorded", delivery.id, state
            )
            return None
        self._notify(delivery.id, state)
        return state

    def _sent(self, store: Store, delivery: Delivery, receipt: Receipt) -> DeliveryState | None:
        # A sent delivery's last_error is the channel's note ("started a new thread: …").
        return self._finish(
            store,
            delivery,
            DeliveryState.SENT,
            remote_id=receipt.remote_id,
            remote_url=receipt.remote_url,
            error=receipt.note or None,
        )

    def _retry_wait(
        self, store: Store, delivery: Delivery, error: str, retry_after: float | None
    ) -> DeliveryState | None:
        wait = backoff_seconds(max(1, delivery.attempts), retry_after)
        state = self._finish(
            store,
            delivery,
            DeliveryState.RETRY_WAIT,
            error=error,
            next_attempt_at=iso(self._clock.now() + timedelta(seconds=wait)),
        )
        if state is DeliveryState.RETRY_WAIT:
            self._later(self._attempt_logged, delivery.id, wait)
        return state

    def _queue(
        self, work: Callable[[int], DeliveryState | None], delivery_id: int
    ) -> Future[DeliveryState | None]:
        token = (work.__name__, delivery_id)
        with self._lock:
            if self._closed or token in self._queued:
                skipped: Future[DeliveryState | None] = Future()
                skipped.set_result(None)
                return skipped
            self._queued.add(token)
            future = self._pool.submit(self._run_queued, work, token)
            self._inflight.add(future)
        future.add_done_callback(self._forget)
        return future

    def _run_queued(
        self, work: Callable[[int], DeliveryState | None], token: tuple[str, int]
    ) -> DeliveryState | None:
        with self._lock:
            # From here a new request for the same row queues again: this run may have read
            # it before the change that request is about.
            self._queued.discard(token)
        return work(token[1])

    def _attempt_logged(self, delivery_id: int) -> DeliveryState | None:
        self._local.held = None  # set once this run's claim is made: (delivery id, attempt)
        try:
            return self.attempt(delivery_id)
        except Exception as exc:
            log.exception("delivery %s: attempt could not be recorded", delivery_id)
            self._hand_over(delivery_id, exc)
            raise

    def _reconcile_logged(self, delivery_id: int) -> DeliveryState | None:
        self._local.held = None
        try:
            return self.reconcile(delivery_id)
        except Exception as exc:
            log.exception("delivery %s: reconciliation could not be recorded", delivery_id)
            self._hand_over(delivery_id, exc)
            raise

    def _hand_over(self, delivery_id: int, exc: Exception) -> None:
        """Something broke after the row was claimed: it must not stay held by this live
        process (recovery only takes rows of dead holders), and its outcome is unknown, so a
        person decides. Only a row still ours, at the attempt this run claimed, is touched: a
        run whose claim itself failed (a locked database) holds nothing, and a later attempt of
        this same process (same owner) keeps its own outcome."""
        held: tuple[int, int | None] | None = getattr(self._local, "held", None)
        if held is None or held[0] != delivery_id:
            return
        try:
            if self._store().ledger.finish_delivery(
                delivery_id,
                DeliveryState.NEEDS_DECISION,
                iso(self._clock.now()),
                owner=self.owner,
                attempt=held[1],
                error=_NOT_RECORDED.format(error=f"{type(exc).__name__}: {exc}"),
            ):
                self._notify(delivery_id, DeliveryState.NEEDS_DECISION)
        except Exception:
            log.exception("delivery %s: could not hand the row over either", delivery_id)

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

    def _later(
        self, work: Callable[[int], DeliveryState | None], delivery_id: int, seconds: float
    ) -> None:
        with self._lock:
            if self._closed:
                return

            def fire() -> None:
                with self._lock:
                    self._timers.discard(timer)
                self._queue(work, delivery_id)

            timer = threading.Timer(seconds, fire)
            timer.daemon = True
            self._timers.add(timer)
            timer.start()


def _scrubbed(update: Update, incident: Incident) -> tuple[Update, Incident]:
    """Control characters never reach a channel raw (issue #12 §3): input is refused at
    validation; text stored before that check existed is scrubbed here."""

    def both(text: BilingualText) -> BilingualText:
        return BilingualText(scrub(text.en), scrub(text.ar))

    return (
        replace(update, body=both(update.body), author=scrub(update.author)),
        replace(incident, title=both(incident.title)),
    )
