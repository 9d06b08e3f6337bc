"""What the workspace knows of our incident on Statuspage, for one channel.

Their incident id is the `remote_id` of the delivery that created it (every later delivery
keeps the same id), so it is read from the delivery rows of the incident, not kept twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from statusdesk.core.model import Delivery, DeliveryState

if TYPE_CHECKING:
    from statusdesk.store import Store

# An earlier delivery in one of these may still create their incident: wait for it.
IN_FLIGHT = (
    DeliveryState.PENDING,
    DeliveryState.SENDING,
    DeliveryState.RETRY_WAIT,
    DeliveryState.UNKNOWN,
)


@dataclass(frozen=True)
class Known:
    remote_id: str | None = None  # their incident id, from a sent delivery
    waiting_for: Delivery | None = None  # an earlier delivery that may still create it
    # When an earlier attempt may have created it and nobody knows: the keys its metadata
    # would carry (every delivery of this channel for this incident), else empty.
    uncertain_keys: frozenset[str] = frozenset()

    @property
    def uncertain(self) -> bool:
        return bool(self.uncertain_keys)


def their_incident(
    store: Store, channel_id: int, incident_id: int, update_id: int, key: str
) -> Known:
    """For the delivery with idempotency key `key` (of update `update_id`): the id of their
    incident when a delivery of this channel created it; else the earlier delivery to wait
    for; else whether an earlier attempt's outcome is unknown."""
    ours = [
        d
        for deliveries in store.deliveries.deliveries_for_incident(incident_id).values()
        for d in deliveries
        if d.channel_id == channel_id and d.idempotency_key != key
    ]
    ours.sort(key=lambda d: (d.update_id, d.id))
    for delivery in ours:
        if delivery.state is DeliveryState.SENT and delivery.remote_id:
            return Known(remote_id=delivery.remote_id)
    earlier = [d for d in ours if d.update_id < update_id]
    for delivery in earlier:
        if delivery.state in IN_FLIGHT:
            return Known(waiting_for=delivery)
    uncertain = any(
        d.attempts > 0 and d.state in (DeliveryState.NEEDS_DECISION, DeliveryState.SKIPPED)
        for d in earlier
    )
    if not uncertain:
        return Known()
    # Keys, not our incident id: another workspace publishing to the same page has its own
    # incident 1, 2, … but never one of our keys.
    return Known(uncertain_keys=frozenset({key, *(d.idempotency_key for d in ours)}))
