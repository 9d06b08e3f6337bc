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

from PySide6.QtCore import QCoreApplication

from statusdesk.app.standings import ChannelStanding, Standing
from statusdesk.core.model import DeliveryState, Update, UpdateStatus
from statusdesk.core.promise import Level, promise_status
from statusdesk.core.timefmt import parse_iso
from statusdesk.gui.widgets.labels import one_line, state_label
from statusdesk.gui.widgets.reading import day_and_month, numerals, time_run
from statusdesk.gui.widgets.text import QT_TRANSLATE_NOOP
from statusdesk.scheduling.when import display, span

translate = QCoreApplication.translate

# The colour role of each level (widgets/theme.py gives it its light or dark value).
LEVEL_COLOURS: dict[Level, str] = {
    Level.NONE: "muted",
    Level.OK: "ok",
    Level.AMBER: "warning",
    Level.RED: "alarm",
}


def minutes_text(seconds: float) -> str:
    """'40 s', '12 min', '3 h 5 min': how long, in the unit a person reads a countdown in (in
    the interface's digits, as every count and time of this module)."""
    return numerals(_minutes_text(seconds))


def _minutes_text(seconds: float) -> str:
    seconds = abs(seconds)
    if seconds < 60:
        whole = int(seconds)
        return QCoreApplication.translate("Rhythm", "%n s", "", whole)
    if seconds < 120 * 60:
        minutes = int(seconds // 60)
        return QCoreApplication.translate("Rhythm", "%n min", "", minutes)
    hours, minutes = divmod(int(seconds // 60), 60)
    if translate("Rhythm", "{hours} h {minutes} min") == "{hours} h {minutes} min":
        return span(seconds)  # English: the scheduler's own words
    if not minutes:
        return QCoreApplication.translate("Rhythm", "%n h", "", hours)
    return translate("Rhythm", "{hours} h {minutes} min").format(hours=hours, minutes=minutes)


def age_text(seconds: float) -> str:
    """core.timefmt.humanize_age in the interface's language: 'just now', '4 min', '2 h 5 min',
    '3 d' (the same words in English)."""
    return numerals(_age_text(seconds))


def _age_text(seconds: float) -> str:
    whole = max(0, int(seconds))
    if whole < 60:
        return translate("Rhythm", "just now")
    minutes = whole // 60
    if minutes < 60:
        return QCoreApplication.translate("Rhythm", "%n min", "", minutes)
    hours, minutes = divmod(minutes, 60)
    if hours >= 48:
        days = hours // 24
        return QCoreApplication.translate("Rhythm", "%n d", "", days)
    if not minutes:
        return QCoreApplication.translate("Rhythm", "%n h", "", hours)
    return translate("Rhythm", "{hours} h {minutes} min").format(hours=hours, minutes=minutes)


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
        return Countdown(Level.NONE, translate("Rhythm", "no next update promised"), "", None)
    if level is Level.RED:
        late = -seconds
        if late < 1:
            return Countdown(
                level,
                translate("Rhythm", "next update due now"),
                translate("Rhythm", "due now"),
                seconds,
            )
        return Countdown(
            level,
            translate("Rhythm", "next update overdue by {span}").format(span=minutes_text(late)),
            translate("Rhythm", "overdue {span}").format(span=minutes_text(late)),
            seconds,
        )
    left = minutes_text(seconds)
    if level is Level.AMBER:
        return Countdown(
            level,
            translate("Rhythm", "next update in {span} — due soon").format(span=left),
            translate("Rhythm", "in {span}, soon").format(span=left),
            seconds,
        )
    return Countdown(
        level,
        translate("Rhythm", "next update in {span}").format(span=left),
        translate("Rhythm", "in {span}").format(span=left),
        seconds,
    )


def short_when(at: datetime, zone: tzinfo, now: datetime) -> str:
    """'10:30 CET (09:30 UTC)' today, '11 Mar 10:30 CET (09:30 UTC)' on another day; once,
    '09:30 UTC', where the zone's time is UTC's."""
    local = at.astimezone(zone)
    day = "" if local.date() == now.astimezone(zone).date() else f"{day_and_month(local)} "
    zoned, utc = f"{local:%H:%M} {local.tzname()}", f"{at.astimezone(UTC):%H:%M} UTC"
    if not local.utcoffset():
        return numerals(f"{day}{time_run(utc)}")
    return numerals(f"{day}{time_run(zoned)} ({time_run(utc)})")


def overdue_message(incident_id: int, title: str, due: str, zone: tzinfo, late: float) -> str:
    """The desktop notification when an incident's promise is broken."""
    promised = numerals(str(display(parse_iso(due), zone)))
    return translate(
        "Rhythm",
        "Incident #{id} ({title}): the next update is overdue by {span}; it was promised for "
        "{promised}. Post one now.",
    ).format(id=incident_id, title=one_line(title, 60), span=minutes_text(late), promised=promised)


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
    None: QT_TRANSLATE_NOOP("Rhythm", "the latest update was not sent to it"),
    DeliveryState.FAILED: QT_TRANSLATE_NOOP("Rhythm", "its delivery failed"),
    DeliveryState.NEEDS_DECISION: QT_TRANSLATE_NOOP("Rhythm", "its delivery needs a decision"),
    DeliveryState.RETRY_WAIT: QT_TRANSLATE_NOOP("Rhythm", "its delivery is waiting to retry"),
}
_STANDING_WORDS: dict[Standing, str] = {
    Standing.SENT: QT_TRANSLATE_NOOP("Rhythm", "sent"),
    Standing.SKIPPED: QT_TRANSLATE_NOOP("Rhythm", "skipped"),
    Standing.ON_ITS_WAY: QT_TRANSLATE_NOOP("Rhythm", "on its way"),
    Standing.MISSED: QT_TRANSLATE_NOOP("Rhythm", "missed"),
}


def standing_mark(self: ChannelStanding, now: datetime) -> str:
    """The short mark in the parity row: '✓ site · 12 min', '✗ x · silent 42 min'."""
    symbol = f"{MARKS[self.standing]} {self.channel}"
    age = self.age(now)
    if self.standing is Standing.SENT:
        said = minutes_text(age) if age is not None else translate("Rhythm", "sent")
        return f"{symbol} · {said}"
    if self.standing is Standing.MISSED:
        if age is None:
            return f"{symbol} · " + translate("Rhythm", "silent")
        return f"{symbol} · " + translate("Rhythm", "silent {span}").format(span=minutes_text(age))
    word = _STANDING_WORDS.get(self.standing)
    return f"{symbol} · {translate('Rhythm', word) if word else self.standing.value}"


def standing_sentence(self: ChannelStanding, now: datetime) -> str:
    """In words, for the alarm line, the tooltip and the accessible name."""
    age = self.age(now)
    if self.standing is Standing.MISSED:
        silent = (
            translate("Rhythm", "silent for {span}").format(span=minutes_text(age))
            if age is not None
            else translate("Rhythm", "has delivered no update of this incident")
        )
        why = _WHY_MISSED.get(self.latest_state)
        why = translate("Rhythm", why or "its delivery is not out")
        return translate("Rhythm", "{channel}: {silent} — missed the latest update ({why})").format(
            channel=self.channel, silent=silent, why=why
        )
    last = (
        translate("Rhythm", "; its newest delivered update is {span} old").format(
            span=minutes_text(age)
        )
        if age is not None
        else ""
    )
    if self.standing is Standing.SKIPPED:
        if self.reason:
            said = translate(
                "Rhythm", "{channel}: skipped the latest update (a recorded decision: {reason})"
            ).format(channel=self.channel, reason=one_line(self.reason, 80))
        else:
            said = translate(
                "Rhythm", "{channel}: skipped the latest update (a recorded decision)"
            ).format(channel=self.channel)
        return said + last
    if self.standing is Standing.ON_ITS_WAY:
        return (
            translate("Rhythm", "{channel}: the latest update is on its way").format(
                channel=self.channel
            )
            + last
        )
    return (
        translate("Rhythm", "{channel}: delivered the latest update").format(channel=self.channel)
        + last
    )


def missed_summary(standings: Sequence[ChannelStanding]) -> str:
    """The incident list's mark: which channels missed the latest update ('' when none)."""
    missed = [s.channel for s in standings if s.flagged]
    if not missed:
        return ""
    return "✗ " + translate("Rhythm", "{channels} missed").format(channels=", ".join(missed))


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
        return numerals(str(display(self.due, self.zone)))

    def relative(self, now: datetime) -> str:
        seconds = (self.due - now).total_seconds()
        if self.stale:
            return translate("Rhythm", "was due {span} ago; not sent").format(
                span=minutes_text(-seconds)
            )
        if seconds <= 0:
            return translate("Rhythm", "due now")
        return translate("Rhythm", "in {span}").format(span=minutes_text(seconds))

    def first_words(self, limit: int = 60) -> str:
        body = self.update.body
        return one_line(body.en or body.ar, limit)

    def status_word(self) -> str:
        return translate("Rhythm", "STALE") if self.stale else translate("Rhythm", "Scheduled")

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
    if seconds > 0:
        said = translate(
            "Rhythm",
            "The clock jumped forward by {span} (the machine slept, or the clock was set); "
            "scheduled updates were checked against the new time.",
        )
    else:
        said = translate(
            "Rhythm",
            "The clock jumped back by {span} (the machine slept, or the clock was set); "
            "scheduled updates were checked against the new time.",
        )
    return said.format(span=minutes_text(seconds))


def late_words(late_seconds: float) -> str:
    if late_seconds < 1:
        return translate("Rhythm", "on time")
    return translate("Rhythm", "{span} after its time").format(span=minutes_text(late_seconds))


def fired_words(incident_id: int, late_seconds: float) -> str:
    return translate("Rhythm", "A scheduled update on #{id} went out ({late}).").format(
        id=incident_id, late=late_words(late_seconds)
    )


def stale_words(incident_id: int, scheduled_for: str, zone: tzinfo, late: float, keys: str) -> str:
    due = numerals(str(display(parse_iso(scheduled_for), zone)))
    return translate(
        "Rhythm",
        "An update on #{id} fell due {span} ago ({due}) while nothing ran to send it; it is "
        "stale and was not sent. {keys}",
    ).format(id=incident_id, span=minutes_text(late), due=due, keys=keys)
