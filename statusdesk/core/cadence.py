"""Silence per channel: has every channel said the latest thing? (The failure this product exists
for is a channel that quietly stopped.)"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from statusdesk.core.model import Channel, Delivery, DeliveryState, Update, UpdateStatus


@dataclass(frozen=True)
class ChannelSilence:
    channel: str
    last_delivered_at: str | None
    missed_latest: bool
    skipped: bool


def channel_silence(
    updates: Sequence[Update],
    deliveries: Mapping[int, Sequence[Delivery]],
    channels: Sequence[Channel],
) -> list[ChannelSilence]:
    """For each channel that any update went to (or that is enabled): when it last delivered,
    whether it missed the latest published update, and whether that was a recorded decision."""
    # In the order they went out, not the order they were written: a scheduled update written
    # first may go out last, and it is then the latest.
    published = sorted(
        (u for u in updates if u.status is UpdateStatus.PUBLISHED),
        key=lambda u: (u.published_at or u.created_at, u.id),
    )
    latest = published[-1] if published else None
    involved = {d.channel_id for ds in deliveries.values() for d in ds}
    result = []
    for channel in channels:
        if not channel.enabled and channel.id not in involved:
            continue
        last_sent: str | None = None
        for update in published:
            for delivery in deliveries.get(update.id, ()):
                if (
                    delivery.channel_id == channel.id
                    and delivery.state is DeliveryState.SENT
                    and delivery.sent_at
                    and (last_sent is None or delivery.sent_at > last_sent)
                ):
                    last_sent = delivery.sent_at
        latest_state = None
        if latest is not None:
            for delivery in deliveries.get(latest.id, ()):
                if delivery.channel_id == channel.id:
                    latest_state = delivery.state
        skipped = latest_state is DeliveryState.SKIPPED
        missed = latest is not None and latest_state not in (
            DeliveryState.SENT,
            DeliveryState.SKIPPED,
        )
        result.append(ChannelSilence(channel.name, last_sent, missed, skipped))
    return result
