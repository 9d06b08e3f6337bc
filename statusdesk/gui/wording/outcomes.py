"""What the status bar says about a published update once its deliveries have outcomes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from statusdesk.core.model import Channel, Delivery, DeliveryState


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summarize(deliveries: Sequence[Delivery], channels: Mapping[int, Channel]) -> str:
    """'Published to 1 channel', or 'Published to 1 of 2 channels; x failed: <why>' — the
    failures named with their reason, because silence on a channel must never go unnoticed."""

    def name(d: Delivery) -> str:
        channel = channels.get(d.channel_id)
        return channel.name if channel else f"channel {d.channel_id}"

    # Channels left out on purpose (issue #12 §1) are a decision, said as one — not counted
    # among the channels it was published to and missed.
    left = [d for d in deliveries if d.state is DeliveryState.SKIPPED]
    if left:
        decided = "; ".join(
            f"{name(d)} left out: {d.decision_note or 'no reason recorded'}" for d in left
        )
        rest = [d for d in deliveries if d.state is not DeliveryState.SKIPPED]
        return f"{summarize(rest, channels)}; {decided}" if rest else decided
    sent = [d for d in deliveries if d.state is DeliveryState.SENT]
    # A sent delivery's last_error is the note its channel left ("x: started a new thread: …").
    said = [d.last_error for d in sent if d.last_error]
    if len(sent) == len(deliveries):
        return "; ".join([f"Published to {plural(len(sent), 'channel')}", *said])
    head = f"Published to {len(sent)} of {plural(len(deliveries), 'channel')}"
    notes = list(said)
    for d in deliveries:
        if d.state is DeliveryState.SENT:
            continue
        if d.state is DeliveryState.RETRY_WAIT:
            notes.append(f"{name(d)} will retry ({d.last_error or 'temporary failure'})")
        else:
            notes.append(f"{name(d)} {d.state.value}: {d.last_error or 'no reason recorded'}")
    return f"{head}; " + "; ".join(notes)
