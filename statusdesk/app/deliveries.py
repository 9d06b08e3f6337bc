"""Deliveries after they were created: a person's decisions (retry, skip), recovery after a
crash, and waiting for outcomes (the CLI waits; the app watches the dispatcher's signals)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from statusdesk.app.channels import ChannelAdmin
from statusdesk.app.context import AppContext
from statusdesk.core.errors import Rejected
from statusdesk.core.model import Delivery, DeliveryState, Problem
from statusdesk.core.text.sanitize import clean
from statusdesk.core.words import QT_TRANSLATE_NOOP, message_of
from statusdesk.store.deliveries import NO_DELIVERY

if TYPE_CHECKING:
    from statusdesk.delivery.dispatcher import Recovery  # loaded with the dispatcher

# Not an outcome yet: a retry still waiting counts as not done, so the CLI waits for it within
# its timeout; UNKNOWN is being reconciled and ends sent, retried or for a person.
WAITING = (
    DeliveryState.PENDING,
    DeliveryState.SENDING,
    DeliveryState.RETRY_WAIT,
    DeliveryState.UNKNOWN,
)
POLL_S = 0.05


class Deliveries:
    def __init__(self, ctx: AppContext, channels: ChannelAdmin) -> None:
        self.ctx = ctx
        self.channels = channels
        self._quiet_at: int | None = None  # data_version when recover last found nothing waiting

    def retry_delivery(self, delivery_id: int, by: str = "", *, dispatch: bool = True) -> Delivery:
        """Back to the outbox with the same idempotency key, and sent at once (or, without
        `dispatch`, by whichever process works the outbox next)."""
        self.channels.refuse_removed_channel(delivery_id)
        delivery = self._decide(delivery_id, "retry", self.ctx.who(by), "")
        if dispatch:
            self.ctx.dispatcher.submit([delivery_id])
        return delivery

    def skip_delivery(self, delivery_id: int, reason: str, by: str = "") -> Delivery:
        """A decided silence: recorded with its reason, shown in the timeline."""
        reason = clean(reason)
        if not reason:
            raise Rejected(
                [
                    Problem(
                        "reason",
                        QT_TRANSLATE_NOOP(
                            "Problems", "Say why this channel is skipped (--reason TEXT)."
                        ),
                    )
                ]
            )
        return self._decide(delivery_id, "skip", self.ctx.who(by), reason)

    def _decide(self, delivery_id: int, decision: str, by: str, note: str) -> Delivery:
        try:
            delivery = self.ctx.store.deliveries.decide_delivery(
                delivery_id, decision, by, note, self.ctx.now()
            )
        except ValueError as exc:
            raise Rejected([Problem("delivery", message_of(exc))]) from exc
        self.ctx.dispatcher.notify(delivery_id, delivery.state)
        return delivery

    def recover(self) -> Recovery:
        """Reconcile what a crashed process left behind, then queue what is due."""
        version = self.ctx.changes.version()  # before reading: a write meanwhile counts next time
        recovery = self.ctx.dispatcher.recover()
        self.ctx.dispatcher.submit_runnable()
        # Nothing left waiting: until someone writes, another look would find nothing either.
        self._quiet_at = version if self.ctx.store.ledger.waiting_count() == 0 else None
        return recovery

    def recover_wanted(self) -> bool:
        """Whether `recover` could find anything: it never ran, deliveries were still waiting
        when it last looked (a retry's time, a lease, a process gone), or someone wrote since.
        No query (app/changes.py): the app's outbox timer asks this first (issue #16)."""
        quiet_at = self._quiet_at
        return quiet_at is None or self.ctx.changes.version() != quiet_at

    def outstanding_deliveries(self) -> int:
        return self.ctx.store.deliveries.outstanding_deliveries()

    def wait_for(
        self,
        update_id: int,
        timeout: float,
        poll: Callable[[float], None] = time.sleep,
    ) -> list[Delivery]:
        """Block until every delivery of the update has an outcome (anything but WAITING), or
        the timeout passes."""
        deadline = time.monotonic() + timeout
        while True:
            deliveries = self.ctx.store.deliveries.deliveries_for_update(update_id)
            if all(d.state not in WAITING for d in deliveries):
                return deliveries
            if time.monotonic() >= deadline:
                return deliveries
            poll(POLL_S)

    def wait_for_delivery(
        self, delivery_id: int, timeout: float, poll: Callable[[float], None] = time.sleep
    ) -> Delivery:
        """Block until one delivery has an outcome (see wait_for), or the timeout passes."""
        deadline = time.monotonic() + timeout
        while True:
            delivery = self.ctx.store.deliveries.delivery(delivery_id)
            if delivery is None:
                raise Rejected([Problem("delivery", NO_DELIVERY.format(id=delivery_id))])
            if delivery.state not in WAITING or time.monotonic() >= deadline:
                return delivery
            poll(POLL_S)
