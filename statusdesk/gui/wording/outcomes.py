"""What the status bar says about a published update once its deliveries have outcomes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication

from statusdesk.core.model import Channel, Delivery, DeliveryState
from statusdesk.gui.widgets.labels import counted, delivery_error, delivery_label
from statusdesk.gui.widgets.reading import number

translate = QCoreApplication.translate


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def channels_text(count: int) -> str:
    """'1 channel', '3 channels' — in the interface's language."""
    return counted(QCoreApplication.translate("Outcomes", "%n channel(s)", "", count), count)


def summarize(deliveries: Sequence[Delivery], channels: Mapping[int, Channel]) -> str:
    """'Published to 1 channel', or 'Published to 1 of 2 channels; x failed: <why>' — the
    failures named with their reason, because silence on a channel must never go unnoticed."""

    def name(d: Delivery) -> str:
        channel = channels.get(d.channel_id)
        if channel:
            return channel.name
        return translate("Outcomes", "channel {id}").format(id=d.channel_id)

    none = translate("Outcomes", "no reason recorded")
    # between the parts of the summary: a semicolon as the interface's language writes it
    then = translate("Outcomes", "; ")

    # Channels left out on purpose (issue #12 §1) are a decision, said as one — not counted
    # among the channels it was published to and missed.
    left = [d for d in deliveries if d.state is DeliveryState.SKIPPED]
    if left:
        decided = then.join(
            translate("Outcomes", "{channel} left out: {reason}").format(
                channel=name(d), reason=d.decision_note or none
            )
            for d in left
        )
        rest = [d for d in deliveries if d.state is not DeliveryState.SKIPPED]
        return f"{summarize(rest, channels)}{then}{decided}" if rest else decided
    sent = [d for d in deliveries if d.state is DeliveryState.SENT]
    # A sent delivery's last_error is the note its channel left ("x: started a new thread: …").
    said = [delivery_error(d.last_error) for d in sent if d.last_error]
    if len(sent) == len(deliveries):
        head = counted(
            QCoreApplication.translate("Outcomes", "Published to %n channel(s)", "", len(sent)),
            len(sent),
        )
        return then.join([head, *said])
    total = len(deliveries)
    head = QCoreApplication.translate("Outcomes", "Published to {sent} of %n channel(s)", "", total)
    head = counted(head, total).format(sent=number(len(sent)))
    notes = list(said)
    for d in deliveries:
        if d.state is DeliveryState.SENT:
            continue
        if d.state is DeliveryState.RETRY_WAIT:
            why = delivery_error(d.last_error or "") or translate("Outcomes", "temporary failure")
            notes.append(
                translate("Outcomes", "{channel} will retry ({why})").format(
                    channel=name(d), why=why
                )
            )
        else:
            notes.append(
                translate("Outcomes", "{channel} {state}: {reason}").format(
                    channel=name(d),
                    state=delivery_label(d.state),
                    reason=delivery_error(d.last_error or "") or none,
                )
            )
    return then.join([head, *notes])
