"""What the status bar says when an update's deliveries have settled (Qt-free)."""

from __future__ import annotations

from statusdesk.app.read_models import settled
from statusdesk.core.model import Channel, Delivery, DeliveryState, Language, Order
from statusdesk.gui.wording.outcomes import summarize

CHANNELS = {
    1: Channel(1, "site", "site", True, Language.BOTH, Order.EN_FIRST),
    2: Channel(2, "webhook", "ops-hook", True, Language.EN, Order.EN_FIRST),
}


def delivery(channel: int, state: DeliveryState, error: str | None = None) -> Delivery:
    return Delivery(id=channel, update_id=1, channel_id=channel, state=state, last_error=error)


def test_all_sent() -> None:
    assert summarize([delivery(1, DeliveryState.SENT)], CHANNELS) == "Published to 1 channel"
    both = [delivery(1, DeliveryState.SENT), delivery(2, DeliveryState.SENT)]
    assert summarize(both, CHANNELS) == "Published to 2 channels"


def test_a_sent_deliverys_note_is_said() -> None:
    note = "ops-hook: started a new thread: the incident's earlier post 12 is gone."
    both = [delivery(1, DeliveryState.SENT), delivery(2, DeliveryState.SENT, note)]
    assert summarize(both, CHANNELS) == f"Published to 2 channels; {note}"


def test_a_failure_is_named_with_its_reason() -> None:
    mixed = [
        delivery(1, DeliveryState.SENT),
        delivery(2, DeliveryState.FAILED, "ops-hook rejected the post: 401"),
    ]
    assert summarize(mixed, CHANNELS) == (
        "Published to 1 of 2 channels; ops-hook failed: ops-hook rejected the post: 401"
    )


def test_settled_waits_for_pending_and_sending_only() -> None:
    assert not settled([delivery(1, DeliveryState.PENDING)])
    assert not settled([delivery(1, DeliveryState.SENDING)])
    assert settled([delivery(1, DeliveryState.RETRY_WAIT)])
    assert "will retry" in summarize([delivery(1, DeliveryState.RETRY_WAIT, "503")], CHANNELS)


def test_channels_left_out_on_purpose_are_a_decision_not_a_shortfall() -> None:
    left_out = Delivery(
        id=2,
        update_id=1,
        channel_id=2,
        state=DeliveryState.SKIPPED,
        decided_by="amal",
        decision_note="internal note",
    )
    assert summarize([delivery(1, DeliveryState.SENT), left_out], CHANNELS) == (
        "Published to 1 channel; ops-hook left out: internal note"
    )
