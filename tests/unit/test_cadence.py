"""Silence is judged on the update that went out last, whatever order the updates were written
in: a scheduled update written first and sent after a later one is the latest."""

from __future__ import annotations

from statusdesk.core.cadence import channel_silence
from statusdesk.core.model import (
    BilingualText,
    Channel,
    Delivery,
    DeliveryState,
    IncidentState,
    Language,
    Order,
    Update,
    UpdateStatus,
)
from statusdesk.core.parity import channel_parity

X = Channel(1, "x", "x", True, Language.BOTH, Order.EN_FIRST)
SITE = Channel(2, "site", "site", True, Language.BOTH, Order.EN_FIRST)


def _update(update_id: int, created: str, published: str) -> Update:
    return Update(
        update_id, 1, IncidentState.IDENTIFIED, BilingualText("x", "س"), "t", created,
        UpdateStatus.PUBLISHED, scheduled_for=published if created < published else None,
        published_at=published,
    )  # fmt: skip


def _delivery(delivery_id: int, update_id: int, channel: Channel, state: DeliveryState) -> Delivery:
    sent = "2026-11-26T10:40:00Z" if state is DeliveryState.SENT else None
    return Delivery(delivery_id, update_id, channel.id, state, attempts=1, sent_at=sent)


def test_the_update_that_went_out_last_is_the_latest() -> None:
    # Update 1 was written at 10:00 for 10:45; update 2 written and sent at 10:30.
    scheduled_first = _update(1, "2026-11-26T10:00:00Z", "2026-11-26T10:45:00Z")
    sent_between = _update(2, "2026-11-26T10:30:00Z", "2026-11-26T10:30:00Z")
    deliveries = {
        1: [_delivery(1, 1, X, DeliveryState.FAILED), _delivery(2, 1, SITE, DeliveryState.SENT)],
        2: [_delivery(3, 2, X, DeliveryState.SENT), _delivery(4, 2, SITE, DeliveryState.SENT)],
    }
    silence = {s.channel: s for s in channel_silence(
        [scheduled_first, sent_between], deliveries, [X, SITE])}  # fmt: skip
    assert silence["x"].missed_latest and not silence["site"].missed_latest
    parity = channel_parity([scheduled_first, sent_between], deliveries, [X, SITE])
    assert parity["x"].latest_state is DeliveryState.FAILED
