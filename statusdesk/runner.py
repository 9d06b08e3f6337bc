"""`statusdesk run`: the scheduler and the outbox worked headless, until stopped.

On start it reconciles what a crashed process left (`sending` rows whose holder is gone become
`unknown` and are checked before anything is resent), then polls: every scheduled update that
fell due is published (exactly once, even with the GUI or another runner on the same workspace;
late by the grace window or more, it turns stale and waits for a person), and every due delivery
is sent, whoever recorded it (the GUI, `incident update --no-wait`, a retry timer of a process
that has since exited). Each poll compares the wall clock with the monotonic one, so a machine
that slept is noticed on wake. Between polls it sleeps the poll interval, or less when a
scheduled update falls due sooner, so an update goes out within moments of its time. A stop
request (SIGTERM, SIGINT) lets the attempts in flight finish and record their outcome; nothing
is left `sending`.
"""

from __future__ import annotations

import contextlib
import logging
import select
import socket
import threading
import time
from collections.abc import Callable

from statusdesk.core.model import DeliveryState, UpdateStatus
from statusdesk.desk import Desk
from statusdesk.scheduling.lapses import LapseWatch
from statusdesk.scheduling.ticker import Tick, Ticker
from statusdesk.scheduling.when import span

log = logging.getLogger(__name__)

DEFAULT_POLL_SECONDS = 1.0
# Wake this long after a due time: stored times are whole seconds, compared with ours.
DUE_MARGIN_SECONDS = 0.002


class Runner:
    def __init__(
        self,
        desk: Desk,
        *,
        poll_seconds: float = DEFAULT_POLL_SECONDS,
        say: Callable[[str], None] = print,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.desk = desk
        self.poll_seconds = poll_seconds
        self.say = say
        self.stop_requested = threading.Event()
        # A stop comes from a signal handler, which Python runs on the main thread between two
        # of its bytecodes: possibly inside stop_requested.wait(), which holds the Event's lock
        # (not reentrant) — Event.set() there deadlocks, and `statusdesk run` never stops on
        # SIGTERM. A byte sent on a socket is safe anywhere; the loop rests on the socket.
        self._wake_read, self._wake_write = socket.socketpair()
        self._wake_write.setblocking(False)
        self._names: dict[int, str] = {}
        self.ticker = Ticker(desk.scheduling.fire_due, desk.clock, monotonic)
        self.lapses = LapseWatch()

    def stop(self) -> None:
        """Safe from a signal handler and from any thread: one byte on the wake socket."""
        with contextlib.suppress(OSError):  # closed, or full: a stop is on its way already
            self._wake_write.send(b"\0")

    def close(self) -> None:
        """After `run`, once no signal can call `stop` any more."""
        self._wake_write.close()
        self._wake_read.close()

    def __enter__(self) -> Runner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _rest(self, seconds: float) -> None:
        """Until the next poll, or a stop."""
        ready, _, _ = select.select([self._wake_read], [], [], seconds)
        if ready:
            self.stop_requested.set()

    def run(self) -> None:
        store = self.desk.store
        self.desk.dispatcher.listen(self._changed)
        recovery = self.desk.dispatcher.recover()
        if recovery.abandoned or recovery.reconciling:
            self.say(
                f"recovering: {recovery.abandoned} delivery(ies) left mid-attempt by a stopped "
                f"process, {recovery.reconciling} to check before anything is resent"
            )
        pending = self.desk.scheduling.pending_updates()
        stale = sum(1 for u in pending if u.status is UpdateStatus.STALE)
        self.say(
            f"working the outbox of {self.desk.paths.home} "
            f"({store.deliveries.outstanding_deliveries()} not yet out, "
            f"{len(pending) - stale} update(s) scheduled, {stale} stale); SIGTERM or Ctrl+C stops"
        )
        while not self.stop_requested.is_set():
            wait = self.poll_seconds
            try:
                self.poll()
                wait = self.wait_seconds()
            except Exception:
                # A locked or busy database is worth another try at the next poll; a runner
                # that dies on the first hiccup leaves the outbox unattended.
                log.exception("poll failed; trying again")
            self._rest(wait)
        self.say("stopping: letting the attempts in flight finish and record their outcome")
        self.desk.dispatcher.shutdown(wait=True)
        self.say("stopped")

    def poll(self) -> Tick:
        """One look: due updates first (their deliveries are then queued), then the outbox."""
        tick = self.ticker.tick()
        self._report(tick)
        self.desk.dispatcher.recover()
        self.desk.dispatcher.submit_runnable()
        self._report_lapses()
        return tick

    def _report_lapses(self) -> None:
        """One line per next-update promise that lapsed, once (issue #12 §2)."""
        promised = self.desk.store.schedule.promised_incidents()
        for lapse in self.lapses.fresh(promised, self.desk.clock.now()):
            line = lapse.line()
            log.warning(line)
            self.say(line)

    def wait_seconds(self) -> float:
        """Until the next poll: the poll interval, or until the soonest update falls due."""
        due = self.desk.scheduling.next_due()
        if due is None:
            return self.poll_seconds
        left = (due - self.desk.clock.now()).total_seconds() + DUE_MARGIN_SECONDS
        return min(self.poll_seconds, max(DUE_MARGIN_SECONDS, left))

    def _report(self, tick: Tick) -> None:
        grace = span(self.desk.settings.grace().total_seconds())
        if tick.jump_seconds is not None:
            direction = "ahead" if tick.jump_seconds > 0 else "back"
            line = (
                f"the wall clock jumped {span(abs(tick.jump_seconds))} {direction} since the "
                "last poll (the machine slept, or the clock was set); updates that fell due "
                f"meanwhile go out only if less than {grace} late"
            )
            log.warning(line)
            self.say(line)
        for fired in tick.report.fired:
            published = fired.published
            self.say(
                f"update {published.update_id} (incident {published.incident_id}) published: "
                f"due {fired.scheduled_for}, {fired.late_seconds:.1f} s late; "
                f"{len(published.delivery_ids)} delivery(ies) queued"
            )
        for stale in tick.report.stale:
            line = (
                f"update {stale.update_id} (incident {stale.incident_id}) is stale: due "
                f"{stale.scheduled_for}, {span(stale.late_seconds)} late (grace {grace}); it "
                f"will not go out by itself — `statusdesk update send {stale.update_id}` or "
                f"`statusdesk update discard {stale.update_id}`"
            )
            log.warning(line)
            self.say(line)

    def _changed(self, delivery_id: int, state: DeliveryState) -> None:
        if state is DeliveryState.SENDING:
            return
        delivery = None
        try:
            store = self.desk.store  # this worker thread's own connection
            delivery = store.deliveries.delivery(delivery_id)
            channel = store.channels.channel(delivery.channel_id) if delivery else None
        except Exception:
            channel = None
        name = channel.name if channel else "?"
        detail = f" — {delivery.last_error}" if delivery and delivery.last_error else ""
        self.say(f"delivery {delivery_id} ({name}): {state.value}{detail}")
