"""`statusdesk run`: the outbox worked headless, until stopped.

On start it reconciles what a crashed process left (`sending` rows whose holder is gone become
`unknown` and are checked before anything is resent), then polls: every due delivery is sent,
whoever recorded it (the GUI, `incident update --no-wait`, a retry timer of a process that has
since exited). A stop request (SIGTERM, SIGINT) lets the attempts in flight finish and record
their outcome; nothing is left `sending`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from statusdesk.core.model import DeliveryState
from statusdesk.desk import Desk

log = logging.getLogger(__name__)

DEFAULT_POLL_SECONDS = 1.0


class Runner:
    def __init__(
        self,
        desk: Desk,
        *,
        poll_seconds: float = DEFAULT_POLL_SECONDS,
        say: Callable[[str], None] = print,
    ) -> None:
        self.desk = desk
        self.poll_seconds = poll_seconds
        self.say = say
        self.stop_requested = threading.Event()
        self._names: dict[int, str] = {}

    def stop(self) -> None:
        """Safe from a signal handler: only sets an event."""
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
        self.say(
            f"working the outbox of {self.desk.paths.home} "
            f"({store.outstanding_deliveries()} not yet out); SIGTERM or Ctrl+C stops"
        )
        while not self.stop_requested.is_set():
            try:
                self.desk.dispatcher.recover()
                self.desk.dispatcher.submit_runnable()
            except Exception:
                # A locked or busy database is worth another try at the next poll; a runner
                # that dies on the first hiccup leaves the outbox unattended.
                log.exception("outbox poll failed; trying again")
            self.stop_requested.wait(self.poll_seconds)
        self.say("stopping: letting the attempts in flight finish and record their outcome")
        self.desk.dispatcher.shutdown(wait=True)
        self.say("stopped")

    def _changed(self, delivery_id: int, state: DeliveryState) -> None:
        if state is DeliveryState.SENDING:
            return
        delivery = None
        try:
            store = self.desk.store  # this worker thread's own connection
            delivery = store.delivery(delivery_id)
            channel = store.channel(delivery.channel_id) if delivery else None
        except Exception:
            channel = None
        name = channel.name if channel else "?"
        detail = (
            f" — {delivery.last_error}"
            if delivery and delivery.last_error and state is not DeliveryState.SENT
            else ""
        )
        self.say(f"delivery {delivery_id} ({name}): {state.value}{detail}")
