"""Words and colours the GUI shows for the domain's values, and times as people read them.

Kept in one place so the list, the incident view and the composer say the same thing.
"""

from __future__ import annotations

import math
from datetime import datetime

from PySide6.QtCore import QCoreApplication

from statusdesk.core.model import (
    ComponentStatus,
    Delivery,
    DeliveryState,
    Impact,
    IncidentKind,
    IncidentState,
)
from statusdesk.core.text.bidi import ltr_runs
from statusdesk.core.text.sanitize import strip_bidi_controls
from statusdesk.core.timefmt import parse_iso
from statusdesk.gui.i18n import LRI, PDI, localised
from statusdesk.gui.widgets.reading import arabic_interface, day_and_month, numerals, time_run
from statusdesk.gui.widgets.text import QT_TRANSLATE_NOOP


def isolate_latin(text: str) -> str:
    """Arabic for display: each Latin run (ids, URLs, "14:05 UTC") wrapped in LRI…PDI so it
    reads in its own order inside the right-to-left sentence, as on the status page."""
    return "".join(f"{LRI}{piece}{PDI}" if is_ltr else piece for is_ltr, piece in ltr_runs(text))


translate = QCoreApplication.translate


FSI = "\u2068"  # Unicode's first-strong isolate (closed by PDI)


def person(name: str) -> str:
    """A person's name from outside this desk (another desk's, a command's --author) as the
    interface's sentences write it: one isolated run, so an Arabic name keeps its place in an
    English line and the other way round, its own direction controls dropped; "" for none."""
    shown = strip_bidi_controls(name).strip()
    return f"{FSI}{shown}{PDI}" if shown else ""


def counted(text: str, count: int) -> str:
    """A `%n` message after translate(): the English source says "channel(s)"; with no
    translation installed, that reads "1 channel" or "3 channels" here. A translation has
    its own plural forms, and no "(s)" left to replace. Qt writes %n in Latin digits: the
    interface's digits here (widgets/reading.py), before any user text is put in."""
    return numerals(text.replace("(s)", "" if count == 1 else "s"))


def _tr(text: str) -> str:
    """A word of the tables below, marked with QT_TRANSLATE_NOOP where it is defined."""
    return translate("Labels", text)


# The English words are the values' own ("in_progress" -> "In progress"); the Arabic ones, in
# widgets_ar.ts, are the status page's (statusdesk/channels/site/words.py), so desk and page agree.
_STATE_WORDS: dict[IncidentState, str] = {
    IncidentState.INVESTIGATING: QT_TRANSLATE_NOOP("Labels", "Investigating"),
    IncidentState.IDENTIFIED: QT_TRANSLATE_NOOP("Labels", "Identified"),
    IncidentState.MONITORING: QT_TRANSLATE_NOOP("Labels", "Monitoring"),
    IncidentState.RESOLVED: QT_TRANSLATE_NOOP("Labels", "Resolved"),
    IncidentState.SCHEDULED: QT_TRANSLATE_NOOP("Labels", "Scheduled"),
    IncidentState.IN_PROGRESS: QT_TRANSLATE_NOOP("Labels", "In progress"),
    IncidentState.VERIFYING: QT_TRANSLATE_NOOP("Labels", "Verifying"),
    IncidentState.COMPLETED: QT_TRANSLATE_NOOP("Labels", "Completed"),
}
_KIND_WORDS: dict[IncidentKind, str] = {
    IncidentKind.INCIDENT: QT_TRANSLATE_NOOP("Labels", "Incident"),
    IncidentKind.MAINTENANCE: QT_TRANSLATE_NOOP("Labels", "Maintenance"),
}
_IMPACT_WORDS: dict[Impact, str] = {
    Impact.NONE: QT_TRANSLATE_NOOP("Labels", "None"),
    Impact.MINOR: QT_TRANSLATE_NOOP("Labels", "Minor"),
    Impact.MAJOR: QT_TRANSLATE_NOOP("Labels", "Major"),
    Impact.CRITICAL: QT_TRANSLATE_NOOP("Labels", "Critical"),
}
_COMPONENT_WORDS: dict[ComponentStatus, str] = {
    ComponentStatus.OPERATIONAL: QT_TRANSLATE_NOOP("Labels", "Operational"),
    ComponentStatus.DEGRADED_PERFORMANCE: QT_TRANSLATE_NOOP("Labels", "Degraded performance"),
    ComponentStatus.PARTIAL_OUTAGE: QT_TRANSLATE_NOOP("Labels", "Partial outage"),
    ComponentStatus.MAJOR_OUTAGE: QT_TRANSLATE_NOOP("Labels", "Major outage"),
    ComponentStatus.UNDER_MAINTENANCE: QT_TRANSLATE_NOOP("Labels", "Under maintenance"),
}
_DELIVERY_WORDS: dict[DeliveryState, str] = {
    DeliveryState.PENDING: QT_TRANSLATE_NOOP("Labels", "pending"),
    DeliveryState.SENDING: QT_TRANSLATE_NOOP("Labels", "sending…"),
    DeliveryState.SENT: QT_TRANSLATE_NOOP("Labels", "sent"),
    DeliveryState.RETRY_WAIT: QT_TRANSLATE_NOOP("Labels", "will retry"),
    DeliveryState.FAILED: QT_TRANSLATE_NOOP("Labels", "failed"),
    DeliveryState.UNKNOWN: QT_TRANSLATE_NOOP("Labels", "unknown (checking…)"),
    DeliveryState.NEEDS_DECISION: QT_TRANSLATE_NOOP("Labels", "needs decision"),
    DeliveryState.SKIPPED: QT_TRANSLATE_NOOP("Labels", "skipped"),
}


def state_label(state: IncidentState) -> str:
    return _tr(_STATE_WORDS.get(state, state.value.replace("_", " ").capitalize()))


def kind_label(kind: IncidentKind) -> str:
    return _tr(_KIND_WORDS.get(kind, kind.value.capitalize()))


def impact_label(impact: Impact) -> str:
    return _tr(_IMPACT_WORDS.get(impact, impact.value.capitalize()))


def component_status_label(status: ComponentStatus) -> str:
    return _tr(_COMPONENT_WORDS.get(status, status.value.replace("_", " ").capitalize()))


def delivery_label(state: DeliveryState) -> str:
    return _tr(_DELIVERY_WORDS[state])


def retry_countdown(next_attempt_at: str | None, now: datetime) -> str:
    """'retry in 12 s' until the next attempt is due; 'retrying…' once it is. Whole seconds,
    rounded up, so the count never shows 0 while there is still time to wait."""
    return numerals(_retry_countdown(next_attempt_at, now))


def _retry_countdown(next_attempt_at: str | None, now: datetime) -> str:
    if not next_attempt_at:
        return delivery_label(DeliveryState.RETRY_WAIT)
    seconds = math.ceil((parse_iso(next_attempt_at) - now).total_seconds())
    if seconds <= 0:
        return translate("Labels", "retrying…")
    if seconds < 120:
        return QCoreApplication.translate("Labels", "retry in %n s", "", seconds)
    minutes, rest = divmod(seconds, 60)
    if rest:
        return translate("Labels", "retry in {minutes} min {seconds} s").format(
            minutes=minutes, seconds=rest
        )
    return QCoreApplication.translate("Labels", "retry in %n min", "", minutes)


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
        # a note the channel left ("started a new thread: …")
        return delivery_error(delivery.last_error or "")
    if state in (DeliveryState.PENDING, DeliveryState.SENDING):
        return ""  # an old error is history once the delivery moved on
    return delivery_error(delivery.last_error or "")


def delivery_error(text: str) -> str:
    """A delivery's stored error in the interface's language: the sentence statusdesk put
    around the server's answer ("x: host answered 503 …. Will retry.") said again
    (delivery/failures.reread, then gui.i18n.localised), the server's own words as they came;
    a text statusdesk did not frame as it is. In English, the stored text itself."""
    if not text or not arabic_interface():
        return text
    from statusdesk.delivery.failures import reread  # its frames' modules load at first use

    return localised(reread(text))


def delivery_detail(delivery: Delivery, channel: str, now: datetime, hint: str = "") -> str:
    """The chip's tooltip: the state in a sentence, with its error or decision note, and for a
    delivery a person must decide on, how to act (`hint`, the keys)."""
    state = delivery.state
    reason = delivery_reason(delivery)
    none = translate("Labels", "no reason recorded")
    if state is DeliveryState.PENDING:
        if delivery.decided_by is not None and delivery.attempts:
            who = delivery.decided_by or translate("Labels", "someone")
            text = translate(
                "Labels", "{channel}: waiting to be sent again (retried by {who})"
            ).format(channel=channel, who=who)
        else:
            text = translate("Labels", "{channel}: waiting to be sent").format(channel=channel)
    elif state is DeliveryState.SENDING:
        text = translate("Labels", "{channel}: sending, attempt {attempt}").format(
            channel=channel, attempt=max(1, delivery.attempts)
        )
    elif state is DeliveryState.SENT:
        if delivery.sent_at:
            text = translate("Labels", "{channel}: sent {when}").format(
                channel=channel, when=local_and_utc(delivery.sent_at, now)
            )
        else:
            text = translate("Labels", "{channel}: sent").format(channel=channel)
        if delivery.remote_url:
            text += f"\n{delivery.remote_url}"
        if reason:
            text += f"\n{reason}"
    elif state is DeliveryState.RETRY_WAIT:
        if delivery.next_attempt_at:
            text = translate(
                "Labels", "{channel}: attempt {attempt} did not go through; trying again at {when}"
            ).format(
                channel=channel,
                attempt=delivery.attempts,
                when=local_and_utc(delivery.next_attempt_at, now),
            )
        else:
            text = translate(
                "Labels", "{channel}: attempt {attempt} did not go through; trying again soon"
            ).format(channel=channel, attempt=delivery.attempts)
        text += "\n" + (reason or translate("Labels", "temporary failure"))
    elif state is DeliveryState.UNKNOWN:
        text = translate(
            "Labels",
            "{channel}: the last attempt may or may not have landed; checking with the channel",
        ).format(channel=channel)
        text += "\n" + (reason or translate("Labels", "no error recorded"))
    elif state is DeliveryState.SKIPPED:
        if delivery.decided_by:
            text = translate("Labels", "{channel}: skipped by {who}: {reason}").format(
                channel=channel, who=delivery.decided_by, reason=reason or none
            )
        else:
            text = translate("Labels", "{channel}: skipped: {reason}").format(
                channel=channel, reason=reason or none
            )
    elif state is DeliveryState.FAILED:
        text = translate("Labels", "{channel} failed: {reason}").format(
            channel=channel, reason=reason or none
        )
    else:  # needs decision
        text = translate("Labels", "{channel} needs a decision: {reason}").format(
            channel=channel, reason=reason or none
        )
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
    time and UTC side by side, because the reader's clock and the page's clock differ. Where
    they do not (local time is UTC), once: '11:05 UTC'."""
    moment = parse_iso(stamp)
    local = moment.astimezone()
    today = now.astimezone(local.tzinfo).date()
    day = "" if local.date() == today else f"{day_and_month(local)} "
    utc = time_run(f"{moment:%H:%M} UTC")
    if not local.utcoffset():
        return numerals(f"{day}{utc}")
    return numerals(f"{day}{time_run(f'{local:%H:%M}')} ({utc})")
