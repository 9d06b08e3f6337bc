"""Where each channel stands against the latest update that went out (the silence alarm's
facts): delivered it, skipped it by a person's decision, has it on its way, or missed it —
with when the newest update it delivered went out. The words and marks are the GUI's."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from statusdesk.core.cadence import channel_silence
from statusdesk.core.model import Channel, Delivery, DeliveryState, Update, UpdateStatus
from statusdesk.core.parity import channel_parity
from statusdesk.core.timefmt import parse_iso


class Standing(StrEnum):
    """Where a channel stands against the latest update that went out."""

    SENT = "sent"  # it delivered the latest update
    SKIPPED = "skipped"  # a person decided it would not (recorded, with a reason)
    ON_ITS_WAY = "sending"  # its delivery is in flight or being checked
    MISSED = "missed"  # failed, waits for a person, retrying, or the update was not sent to it


IN_FLIGHT = (DeliveryState.PENDING, DeliveryState.SENDING, DeliveryState.UNKNOWN)


@dataclass(frozen=True)
class ChannelStanding:
    channel: str
    standing: Standing
    latest_state: DeliveryState | None  # its delivery of the latest update; None: not sent to it
    last_update_published_at: str | None  # the newest update it delivered went out then
    reason: str | None = None  # skipped: why, as the person who decided said it

    @property
    def flagged(self) -> bool:
        return self.standing is Standing.MISSED

    def age(self, now: datetime) -> float | None:
        """How old the newest update it actually delivered is (seconds)."""
        if self.last_update_published_at is None:
            return None
        return max(0.0, (now - parse_iso(self.last_update_published_at)).total_seconds())


def channel_standings(
    updates: Sequence[Update],
    deliveries: Mapping[int, Sequence[Delivery]],
    channels: Sequence[Channel],
) -> tuple[ChannelStanding, ...]:
    """Per channel (those `channel_silence` reports), against the update that went out last.

    The updates are put in the order they went out first: a scheduled update written before
    another but sent after it is the latest one, though the store lists it by when it was
    written. Nothing published yet: nothing to stand against."""
    published = sorted(
        (u for u in updates if u.status is UpdateStatus.PUBLISHED),
        key=lambda u: (u.published_at or "", u.id),
    )
    if not published:
        return ()
    parity = channel_parity(published, deliveries, channels)
    result = []
    for silence in channel_silence(published, deliveries, channels):
        found = parity.get(silence.channel)
        latest_state = found.latest_state if found else None
        if silence.skipped:
            standing = Standing.SKIPPED
        elif not silence.missed_latest:
            standing = Standing.SENT
        elif latest_state in IN_FLIGHT:
            standing = Standing.ON_ITS_WAY
        else:
            standing = Standing.MISSED
        result.append(
            ChannelStanding(
                silence.channel,
                standing,
                latest_state,
                found.last_update_published_at if found else None,
                _skip_reason(published[-1], deliveries, channels, silence.channel)
                if silence.skipped
                else None,
            )
        )
    return tuple(result)


def _skip_reason(
    latest: Update,
    deliveries: Mapping[int, Sequence[Delivery]],
    channels: Sequence[Channel],
    name: str,
) -> str | None:
    ids = {c.id for c in channels if c.name == name}
    return next(
        (d.decision_note for d in deliveries.get(latest.id, ()) if d.channel_id in ids), None
    )
