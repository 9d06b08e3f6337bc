"""The words of issue #5 in the window: the next-update countdown, where each channel stands
against the latest update (the silence alarm), updates waiting to go out, and what the firing
timer found. Qt-free, so every sentence is testable without a display; the widgets
(rhythm_widgets.py) and the controller (scheduling.py) only place them.

Colour is never the only signal: each level and each standing has its words and its mark.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo

from statusdesk.app.standings import ChannelStanding, Standing
from statusdesk.core.model import DeliveryState, Update, UpdateStatus
from statusdesk.core.promise import Level, promise_status
from statusdesk.core.timefmt import parse_iso
from statusdesk.gui.widgets.labels import one_line, state_label
from statusdesk.scheduling.when import display, span

# The colour role of each level (widgets/theme.py gives it its light or dark value).
LEVEL_COLOURS: dict[Level, str] = {
    Level.NONE: "muted",
    Level.OK: "ok",
    Level.AMBER: "warning",
    Level.RED: "alarm",
}


def minutes_text(seconds: float) -> str:
    """'40 s', '12 min', '3 h 5 min': how long, in the unit a person reads a countdown in."""
    seconds = abs(seconds)
    if seconds < 60:
        return f"{int(seconds)} s"
    if seconds < 120 * 60:
        return f"{int(seconds // 60)} min"
    return span(seconds)


# -- the next-update promise ------------------------------------------------------------------


@dataclass(frozen=True)
class Countdown:
    level: Level
    text: str  # the view's header: "next update in 12 min"
    short: str  # the list's cell: "in 12 min"
    seconds_left: float | None


def countdown(next_update_due: str | None, now: datetime) -> Countdown:
    """'next update in 12 min' (ok), '... in 4 min — due soon' (amber, from 5 minutes before),
    'next update overdue by 3 min' (red, from the moment it is due)."""
    seconds, level = promise_status(next_update_due, now)
    if seconds is None:
        return Countdown(Level.NONE, "no next update promised", "", None)
    if level is Level.RED:
        late = -seconds
        if late < 1:
            return Countdown(level, "next update due now", "due now", seconds)
        return Countdown(
            level,
            f"next update overdue by {minutes_text(late)}",
            f"overdue {minutes_text(late)}",
            seconds,
        )
    left = minutes_text(seconds)
    if level is Level.AMBER:
        return Countdown(level, f"next update in {left} — due soon", f"in {left}, soon", seconds)
    return Countdown(level, f"next update in {left}", f"in {left}", seconds)


def short_when(at: datetime, zone: tzinfo, now: datetime) -> str:
    """'10:30 CET (09:30 UTC)' today, '11 Mar 10:30 CET (09:30 UTC)' on another day."""
    local = at.astimezone(zone)
    day = "" if local.date() == now.astimezone(zone).date() else f"{local:%d %b} "
    return f"{day}{local:%H:%M} {local.tzname()} ({at.astimezone(UTC):%H:%M} UTC)"


def overdue_message(incident_id: int, title: str, due: str, zone: tzinfo, late: float) -> str:
    """The desktop notification when an incident's promise is broken."""
    promised = display(parse_iso(due), zone)
    return (
        f"Incident #{incident_id} ({one_line(title, 60)}): the next update is overdue by "
        f"{minutes_text(late)}; it was promised for {promised}. Post one now."
    )


# -- the silence alarm ------------------------------------------------------------------------


MARKS: dict[Standing, str] = {
    Standing.SENT: "✓",
    Standing.SKIPPED: "–",
    Standing.ON_ITS_WAY: "…",
    Standing.MISSED: "✗",
}
STANDING_COLOURS: dict[Standing, str] = {  # colour roles (widgets/theme.py)
    Standing.SENT: "ok",
    Standing.SKIPPED: "muted",
    Standing.ON_ITS_WAY: "info",
    Standing.MISSED: "alarm",
}
_WHY_MISSED: dict[DeliveryState | None, str] = {
    None: "the latest update was not sent to it",
    DeliveryState.FAILED: "its delivery failed",
    DeliveryState.NEEDS_DECISION: "its delivery needs a decision",
    DeliveryState.RETRY_WAIT: "its delivery is waiting to retry",
}


def standing_mark(self: ChannelStanding, now: datetime) -> str:
    """The short mark in the parity row: '✓ site · 12 min', '✗ x · silent 42 min'."""
    symbol = f"{MARKS[self.standing]} {self.channel}"
    age = self.age(now)
    if self.standing is Standing.SENT:
        return f"{symbol} · {minutes_text(age) if age is not None else 'sent'}"
    if self.standing is Standing.MISSED:
        return f"{symbol} · silent {minutes_text(age)}" if age is not None else f"{symbol} · silent"
    return f"{symbol} · {self.standing.value}"


def standing_sentence(self: ChannelStanding, now: datetime) -> str:
    """In words, for the alarm line, the tooltip and the accessible name."""
    age = self.age(now)
    if self.standing is Standing.MISSED:
        silent = (
            f"silent for {minutes_text(age)}"
            if age is not None
            else "has delivered no update of this incident"
        )
        why = _WHY_MISSED.get(self.latest_state, "its delivery is not out")
        return f"{self.channel}: {silent} — missed the latest update ({why})"
    last = f"; its newest delivered update is {minutes_text(age)} old" if age is not None else ""
    if self.standing is Standing.SKIPPED:
        why = f": {one_line(self.reason, 80)}" if self.reason else ""
        return f"{self.channel}: skipped the latest update (a recorded decision{why}){last}"
    if self.standing is Standing.ON_ITS_WAY:
        return f"{self.channel}: the latest update is on its way{last}"
    return f"{self.channel}: delivered the latest update{last}"


def missed_summary(standings: Sequence[ChannelStanding]) -> str:
    """The incident list's mark: which channels missed the latest update ('' when none)."""
    missed = [s.channel for s in standings if s.flagged]
    return f"✗ {', '.join(missed)} missed" if missed else ""


# -- updates not yet out ----------------------------------------------------------------------


@dataclass(frozen=True)
class PendingTarget:
    """A scheduled or stale update, as the Scheduled section and the choosers show it."""

    update: Update
    zone: tzinfo

    @property
    def update_id(self) -> int:
        return self.update.id

    @property
    def stale(self) -> bool:
        return self.update.status is UpdateStatus.STALE

    @property
    def due(self) -> datetime:
        assert self.update.scheduled_for is not None
        return parse_iso(self.update.scheduled_for)

    def when(self) -> str:
        return str(display(self.due, self.zone))

    def relative(self, now: datetime) -> str:
        seconds = (self.due - now).total_seconds()
        if self.stale:
            return f"was due {minutes_text(-seconds)} ago; not sent"
        if seconds <= 0:
            return "due now"
        return f"in {minutes_text(seconds)}"

    def first_words(self, limit: int = 60) -> str:
        body = self.update.body
        return one_line(body.en or body.ar, limit)

    def status_word(self) -> str:
        return "STALE" if self.stale else "Scheduled"

    def describe(self, now: datetime) -> str:
        """'Scheduled 2026-03-10 10:15 CET (UTC+01:00) · 2026-03-10 09:15 UTC — in 15 min ·
        Investigating · “We are investigating…”'"""
        return (
            f"{self.status_word()} {self.when()} — {self.relative(now)} · "
            f"{state_label(self.update.state)} · “{self.first_words()}”"
        )

    def prefill(self) -> str:
        """Its time as the picker reads it back: local wall clock, to the minute."""
        return f"{self.due.astimezone(self.zone):%Y-%m-%dT%H:%M}"


def pending_targets(updates: Sequence[Update], zone: tzinfo) -> list[PendingTarget]:
    """Scheduled and stale updates, soonest first (stale ones are the oldest due)."""
    waiting = [
        u
        for u in updates
        if u.status in (UpdateStatus.SCHEDULED, UpdateStatus.STALE) and u.scheduled_for
    ]
    waiting.sort(key=lambda u: (u.scheduled_for or "", u.id))
    return [PendingTarget(u, zone) for u in waiting]


# -- what the firing timer found --------------------------------------------------------------


def jump_words(seconds: float) -> str:
    direction = "forward" if seconds > 0 else "back"
    return (
        f"The clock jumped {direction} by {minutes_text(seconds)} (the machine slept, or the "
        "clock was set); scheduled updates were checked against the new time."
    )


def late_words(late_seconds: float) -> str:
    return "on time" if late_seconds < 1 else f"{minutes_text(late_seconds)} after its time"


def fired_words(incident_id: int, late_seconds: float) -> str:
    return f"A scheduled update on #{incident_id} went out ({late_words(late_seconds)})."


def stale_words(incident_id: int, scheduled_for: str, zone: tzinfo, late: float, keys: str) -> str:
    due = display(parse_iso(scheduled_for), zone)
    return (
        f"An update on #{incident_id} fell due {minutes_text(late)} ago ({due}) while nothing "
        f"ran to send it; it is stale and was not sent. {keys}"
    )
