"""Words and colours the GUI shows for the domain's values, and times as people read them.

Kept in one place so the list, the incident view and the composer say the same thing.
"""

from __future__ import annotations

from datetime import datetime

from statusdesk.core.model import ComponentStatus, DeliveryState, Impact, IncidentState
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
        DeliveryState.UNKNOWN: "unknown",
        DeliveryState.NEEDS_DECISION: "needs decision",
        DeliveryState.SKIPPED: "skipped",
    }[state]


# (background, text) per delivery state: green done, blue in flight, amber waiting, red for a
# human to act. Colour is never the only signal: the chip also says the state in words.
DELIVERY_COLOURS: dict[DeliveryState, tuple[str, str]] = {
    DeliveryState.PENDING: ("#e3e8ef", "#1f2933"),
    DeliveryState.SENDING: ("#d0e2ff", "#0b3d91"),
    DeliveryState.SENT: ("#d3f2dc", "#0b5a23"),
    DeliveryState.RETRY_WAIT: ("#fff0c2", "#6b4e00"),
    DeliveryState.FAILED: ("#ffd6d6", "#8a1111"),
    DeliveryState.UNKNOWN: ("#ffd6d6", "#8a1111"),
    DeliveryState.NEEDS_DECISION: ("#ffd6d6", "#8a1111"),
    DeliveryState.SKIPPED: ("#eeeeee", "#555555"),
}

IMPACT_COLOURS: dict[Impact, str] = {
    Impact.NONE: "#4b5563",
    Impact.MINOR: "#a16207",
    Impact.MAJOR: "#c2410c",
    Impact.CRITICAL: "#b91c1c",
}


def local_and_utc(stamp: str, now: datetime) -> str:
    """'14:05 (11:05 UTC)' today, '24 Nov 14:05 (11:05 UTC)' otherwise: DESIGN §3 wants local
    time and UTC side by side, because the reader's clock and the page's clock differ."""
    moment = parse_iso(stamp)
    local = moment.astimezone()
    today = now.astimezone(local.tzinfo).date()
    day = "" if local.date() == today else local.strftime("%d %b ")
    return f"{day}{local:%H:%M} ({moment:%H:%M} UTC)"
