"""Parity across channels, beside core/cadence.py's `channel_silence` (pure).

`channel_silence` says when each channel last delivered and whether it missed the latest update.
For the silence alarm (issue #5) the GUI also needs, per channel, how old the newest update it
actually delivered is — a retry that lands now of an update written an hour ago leaves the
channel an hour behind, however fresh its `sent_at` — and where its delivery of the latest
update stands (still on its way, or waiting for a person).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from statusdesk.core.model import Channel, Delivery, DeliveryState, Update, UpdateStatus


@dataclass(frozen=True)
class ChannelParity:
    channel: str
    latest_state: DeliveryState | None  # its delivery of the latest update; None: not sent to it
    last_update_id: int | None  # the newest published update it delivered
    last_update_published_at: str | None  # ... and when that update was published


def channel_parity(
    updates: Sequence[Update],
    deliveries: Mapping[int, Sequence[Delivery]],
    channels: Sequence[Channel],
) -> dict[str, ChannelParity]:
    """Per channel name (the channels `channel_silence` reports, and any other)."""
    # In the order they went out, not the order they were written: a scheduled update written
    # first may go out last, and it is then the latest.
    published = sorted(
        (u for u in updates if u.status is UpdateStatus.PUBLISHED),
        key=lambda u: (u.published_at or u.created_at, u.id),
    )
    latest = published[-1] if published else None
    result = {}
    for channel in channels:
        latest_state = None
        if latest is not None:
            latest_state = next(
                (d.state for d in deliveries.get(latest.id, ()) if d.channel_id == channel.id),
                None,
            )
        newest: Update | None = None
        for update in published:
            if any(
                d.channel_id == channel.id and d.state is DeliveryState.SENT
                for d in deliveries.get(update.id, ())
            ) and (newest is None or (update.published_at or "") >= (newest.published_at or "")):
                newest = update
        result[channel.name] = ChannelParity(
            channel.name,
            latest_state,
            newest.id if newest else None,
            newest.published_at if newest else None,
        )
    return result
