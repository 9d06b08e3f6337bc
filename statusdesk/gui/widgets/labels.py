"""Words and colours the GUI shows for the domain's values, and times as people read them.

Kept in one place so the list, the incident view and the composer say the same thing.
"""

from __future__ import annotations

import math
from datetime import datetime

from statusdesk.core.model import (
    ComponentStatus,
    Delivery,
    DeliveryState,
    Impact,
    IncidentState,
)
from statusdesk.core.text.bidi import ltr_runs
from statusdesk.core.timefmt import parse_iso

LRI, PDI = "\u2066", "\u2069"


def isolate_latin(text: str) -> str:
    """Arabic for display: each Latin run (ids, URLs, "14:05 UTC") wrapped in LRI…PDI so it
    reads in its own order inside the right-to-left sentence, as on the status page."""
    return "".join(f"{LRI}{piece}{PDI}" if is_ltr else piece for is_ltr, piece in ltr_runs(text))


def state_label(state: IncidentState) -> str:
    return state.value.replace("_", " ").capitalize()


def impact_label(impact: Impact) -> str:
    return impact.value.capitalize()


def component_status_label(status: ComponentStatus) -> str:
    return status.value.replace("_", " ").capitalize()


def delivery_label(state: DeliveryState) -> str:
    return {
        DeliveryState.PENDING: "pending",
        DeliveryState.SENDING: "sending…",
        DeliveryState.SENT: "sent",
        DeliveryState.RETRY_WAIT: "will retry",
        DeliveryState.FAILED: "failed",
        DeliveryState.UNKNOWN: "unknown (checking…)",
        DeliveryState.NEEDS_DECISION: "needs decision",
        DeliveryState.SKIPPED: "skipped",
    }[state]


def retry_countdown(next_attempt_at: str | None, now: datetime) -> str:
    """'retry in 12 s' until the next attempt is due; 'retrying…' once it is. Whole seconds,
    rounded up, so the count never shows 0 while there is still time to wait."""
    if not next_attempt_at:
        return delivery_label(DeliveryState.RETRY_WAIT)
    seconds = math.ceil((parse_iso(next_attempt_at) - now).total_seconds())
    if seconds <= 0:
        return "retrying…"
    if seconds < 120:
        return f"retry in {seconds} s"
    minutes, rest = divmod(seconds, 60)
    return f"retry in {minutes} min {rest} s" if rest else f"retry in {minutes} min"


def chip_label(delivery: Delivery, now: datetime) -> str:
    """What a delivery chip says after the channel's name: the state, or the countdown."""
    if delivery.state is DeliveryState.RETRY_WAIT:
        return retry_countdown(delivery.next_attempt_at, now)
    return delivery_label(delivery.state)


def one_line(text: str, limit: int = 200) -> str:
    """An error or a note for a status bar or a list row: one line, not endless."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def delivery_reason(delivery: Delivery) -> str:
    """Why a delivery stands where it does, in the words the product recorded: the last error
    while it is not out, the person's note once skipped, nothing once sent."""
    state = delivery.state
    if state is DeliveryState.SKIPPED:
        return delivery.decision_note or ""
    if state is DeliveryState.SENT:
        return delivery.last_error or ""  # a note the channel left ("started a new thread: …")
    if state in (DeliveryState.PENDING, DeliveryState.SENDING):
        return ""  # an old error is history once the delivery moved on
    return delivery.last_error or ""


def delivery_detail(delivery: Delivery, channel: str, now: datetime, hint: str = "") -> str:
    """The chip's tooltip: the state in a sentence, with its error or decision note, and for a
    delivery a person must decide on, how to act (`hint`, the keys)."""
    state = delivery.state
    reason = delivery_reason(delivery)
    if state is DeliveryState.PENDING:
        text = f"{channel}: waiting to be sent"
        if delivery.decided_by is not None and delivery.attempts:
            text += f" again (retried by {delivery.decided_by or 'someone'})"
    elif state is DeliveryState.SENDING:
        text = f"{channel}: sending, attempt {max(1, delivery.attempts)}"
    elif state is DeliveryState.SENT:
        text = f"{channel}: sent"
        if delivery.sent_at:
            text += f" {local_and_utc(delivery.sent_at, now)}"
        if delivery.remote_url:
            text += f"\n{delivery.remote_url}"
        if reason:
            text += f"\n{reason}"
    elif state is DeliveryState.RETRY_WAIT:
        text = f"{channel}: attempt {delivery.attempts} did not go through; "
        if delivery.next_attempt_at:
            text += f"trying again at {local_and_utc(delivery.next_attempt_at, now)}"
        else:
            text += "trying again soon"
        text += f"\n{reason or 'temporary failure'}"
    elif state is DeliveryState.UNKNOWN:
        text = (
            f"{channel}: the last attempt may or may not have landed; checking with the channel"
            f"\n{reason or 'no error recorded'}"
        )
    elif state is DeliveryState.SKIPPED:
        who = f" by {delivery.decided_by}" if delivery.decided_by else ""
        text = f"{channel}: skipped{who}: {reason or 'no reason recorded'}"
    else:  # failed, needs decision
        verb = "failed" if state is DeliveryState.FAILED else "needs a decision"
        text = f"{channel} {verb}: {reason or 'no reason recorded'}"
    if hint:
        text += f"\n{hint}"
    return text


# Colour roles of the impacts; the colours themselves, and the delivery chips', are in
# widgets/theme.py (light and dark). Colour is never the only signal: the words say it too.
IMPACT_COLOURS: dict[Impact, str] = {
    Impact.NONE: "impact-none",
    Impact.MINOR: "impact-minor",
    Impact.MAJOR: "impact-major",
    Impact.CRITICAL: "impact-critical",
}


def local_and_utc(stamp: str, now: datetime) -> str:
    """'14:05 (11:05 UTC)' today, '24 Nov 14:05 (11:05 UTC)' otherwise: ARCHITECTURE §3 wants local
    time and UTC side by side, because the reader's clock and the page's clock differ."""
    moment = parse_iso(stamp)
    local = moment.astimezone()
    today = now.astimezone(local.tzinfo).date()
    day = "" if local.date() == today else local.strftime("%d %b ")
    return f"{day}{local:%H:%M} ({moment:%H:%M} UTC)"
