"""When an update should go out: "in 15m", "14:30", or a full date and time.

One pure function, `parse_when(text, now, zone)`, read by the CLI's `--at` and by the GUI's
picker, so both understand exactly the same things. The caller passes `now` (an aware datetime)
and the zone wall-clock input is read in (a `zoneinfo.ZoneInfo` for real DST rules).

Wall-clock times that a DST change makes odd are resolved, never refused, and the note says how:

- a time that does not exist (clocks jump 02:00 → 03:00, and the user typed 02:30) is moved
  forward by the jump: 02:30 becomes 03:30 summer time, the instant a clock that ignored the
  change would have shown 02:30;
- a time that happens twice (clocks go back 03:00 → 02:00, and the user typed 02:30) is the
  first of the two (still summer time): an announcement early rather than an hour late. A full
  date-time with an offset (`2026-10-25T02:30+01:00`) picks the second.

"in 15m" is elapsed time (15 real minutes, whatever the wall clock does); "14:30" and
"tomorrow 14:30" are wall-clock times in the zone, so "tomorrow 14:30" across a DST change is
23 or 25 hours away, as a person means it.
"""

from __future__ import annotations

import contextlib
import os
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from statusdesk.core.words import QT_TRANSLATE_NOOP, Words

MAX_AHEAD = timedelta(days=366)
_UNITS = {
    "s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1,
    "m": 60, "min": 60, "mins": 60, "minute": 60, "minutes": 60,
    "h": 3600, "hr": 3600, "hrs": 3600, "hour": 3600, "hours": 3600,
    "d": 86400, "day": 86400, "days": 86400,
}  # fmt: skip
_PIECE = re.compile(r"(\d+)\s*([a-z]+)")
_RELATIVE = re.compile(r"^(?:in\s+|\+\s*)((?:\d+\s*[a-z]+\s*)+)$")
_CLOCK = re.compile(
    r"^(?:(?P<before>today|tomorrow)\s+)?(?:at\s+)?(?P<h>\d{1,2}):(?P<m>\d{2})"
    r"(?:\s+(?P<after>today|tomorrow))?$"
)
# What the command line's `--at` leaves out to publish at once; the app says its own words
# (`Words.refilled(publish=...)`, gui/schedule).
PUBLISH_AT_ONCE = QT_TRANSLATE_NOOP("When", "leave out --at to publish at once")
PUBLISH_NOW = QT_TRANSLATE_NOOP("When", "publish at once")
_IN_TOO_FAR = QT_TRANSLATE_NOOP("When", '"in {spec}" is more than a year ahead; check the time')
_NOT_A_TIME_OF_DAY = QT_TRANSLATE_NOOP("When", "{time} is not a time of day (00:00 to 23:59)")
_NOT_UNDERSTOOD = QT_TRANSLATE_NOOP(
    "When", "{text} is not a time statusdesk understands; use {examples}"
)
_NO_TIME = QT_TRANSLATE_NOOP("When", "no time given; use {examples}")
EXAMPLES = (
    '"in 15m", "in 1h30m", "14:30", "tomorrow 09:00", "2026-03-29T14:30", "2026-03-29T14:30+02:00"'
)


class WhenError(ValueError):
    """Input that names no usable moment; the message (Words, core/words.py: English, said in
    Arabic by the Arabic interface) says why and what would work."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.words: Words = message if isinstance(message, Words) else Words(message)


@dataclass(frozen=True)
class When:
    """A moment an update is due. `at` is UTC, whole seconds (as the workspace stores it)."""

    at: datetime
    local: datetime  # the same instant in the zone the input was read in
    day: str = ""  # "today" or "tomorrow" for a bare "14:30", else ""
    note: str = ""  # how a DST oddity was resolved, else ""


@dataclass(frozen=True)
class Display:
    """A moment shown as the GUI and CLI show every time: local and UTC side by side."""

    local: str  # 2026-03-29 14:30 CEST (UTC+02:00)
    utc: str  # 2026-03-29 12:30 UTC

    def __str__(self) -> str:
        return f"{self.local} · {self.utc}"


def zone_name(zone: tzinfo) -> str:
    return str(getattr(zone, "key", None) or zone)


def _offset(moment: datetime) -> str:
    offset = moment.utcoffset() or timedelta(0)
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def _clock_text(moment: datetime) -> str:
    return f"{moment:%Y-%m-%d %H:%M}" + (f":{moment.second:02d}" if moment.second else "")


def display(at: datetime, zone: tzinfo) -> Display:
    local = at.astimezone(zone)
    return Display(
        f"{_clock_text(local)} {local.tzname()} ({_offset(local)})",
        f"{_clock_text(at.astimezone(UTC))} UTC",
    )


def resolve_local(wall: datetime, zone: tzinfo) -> tuple[datetime, str]:
    """A naive wall-clock time in `zone` as an aware instant, and a note when DST made it odd
    (a time that does not exist, or one that happens twice; see the module's docstring)."""
    first = wall.replace(tzinfo=zone, fold=0)
    second = wall.replace(tzinfo=zone, fold=1)
    if first.utcoffset() == second.utcoffset():
        return first, ""
    where = f"{wall:%d %b %Y} in {zone_name(zone)}"
    back = first.astimezone(UTC).astimezone(zone)
    if back.replace(tzinfo=None) != wall:
        # Does not exist: zoneinfo reads it with the offset before the change (fold=0), which
        # lands as far after the change as the time was after its start.
        jump = _span(
            abs((second.utcoffset() or timedelta(0)) - (first.utcoffset() or timedelta(0)))
        )
        return first, (
            f"{wall:%H:%M} does not exist on {where} (the clocks jump forward {jump}); "
            f"taking {back:%H:%M} {back.tzname()} ({_offset(back)}), {jump} later on the clock"
        )
    later = second.astimezone(zone)
    return first, (
        f"{wall:%H:%M} happens twice on {where} (the clocks go back); taking the first, "
        f"{wall:%H:%M} {first.tzname()} ({_offset(first)}); for the second give the offset, "
        f"e.g. {wall:%Y-%m-%dT%H:%M}{_offset(later)[3:]}"
    )


def _relative(spec: str, now: datetime) -> datetime:
    seconds = 0
    for amount, unit in _PIECE.findall(spec):
        if unit not in _UNITS:
            raise WhenError(
                QT_TRANSLATE_NOOP(
                    "When", '{unit} is not a unit of time; use s, m (min), h or d, e.g. "in 15m"'
                ).format(unit=repr(unit))
            )
        if len(amount) > 12:  # more days than a calendar holds, whatever the unit
            raise WhenError(_IN_TOO_FAR.format(spec=spec.strip()))
        seconds += int(amount) * _UNITS[unit]
    if seconds <= 0:
        raise WhenError(
            QT_TRANSLATE_NOOP("When", '"in 0m" is now: {publish}').format(publish=PUBLISH_AT_ONCE)
        )
    if seconds > MAX_AHEAD.total_seconds():
        # Checked before the sum: "in 999999999h" is past the last date a clock can hold.
        raise WhenError(_IN_TOO_FAR.format(spec=spec.strip()))
    return now + timedelta(seconds=seconds)


def _clock(match: re.Match[str], now: datetime, zone: tzinfo) -> tuple[datetime, str, str]:
    hour, minute = int(match["h"]), int(match["m"])
    if hour > 23 or minute > 59:
        raise WhenError(_NOT_A_TIME_OF_DAY.format(time=f"{hour}:{minute:02d}"))
    word = match["before"] or match["after"]
    if match["before"] and match["after"]:
        raise WhenError(QT_TRANSLATE_NOOP("When", "say today or tomorrow once"))
    today: date = now.astimezone(zone).date()
    day = today + timedelta(days=1) if word == "tomorrow" else today
    at, note = resolve_local(datetime.combine(day, time(hour, minute)), zone)
    if at <= now and word is None:
        day = today + timedelta(days=1)
        at, note = resolve_local(datetime.combine(day, time(hour, minute)), zone)
        return at, "tomorrow", note
    return at, ("tomorrow" if day != today else "today"), note


def _iso(text: str, zone: tzinfo) -> tuple[datetime, str]:
    if not re.search(r"\d[T ]\d", text):
        raise WhenError(
            QT_TRANSLATE_NOOP(
                "When", "{text} has no time of day; give one too, e.g. {example}"
            ).format(text=repr(text), example=f"{text.strip()[:10]}T09:00")
        )
    try:
        value = datetime.fromisoformat(text.strip().replace("z", "Z"))
    except ValueError:
        raise WhenError(_NOT_UNDERSTOOD.format(text=repr(text), examples=EXAMPLES)) from None
    if value.tzinfo is not None:
        return value, ""
    return resolve_local(value, zone)


def parse_when(text: str, now: datetime, zone: tzinfo, *, allow_past: bool = False) -> When:
    """Read `text` as a moment after `now` (aware). Raises WhenError with what would work.

    Accepts "in 15m" / "in 1h 30m" / "+90s"; "14:30" (today in `zone`, or tomorrow if that
    has passed: `When.day` says which), "today 14:30", "tomorrow 14:30"; and ISO-8601 date-times
    with or without an offset ("Z", "+02:00"), read in `zone` when they have none.
    """
    if now.tzinfo is None:
        raise ValueError("now must be an aware datetime")
    spec = " ".join(text.strip().lower().split())
    if not spec:
        raise WhenError(_NO_TIME.format(examples=EXAMPLES))
    day = note = ""
    relative = _RELATIVE.match(spec)
    clock = _CLOCK.match(spec)
    try:
        if relative:
            at = _relative(relative[1], now)
        elif clock:
            at, day, note = _clock(clock, now, zone)
        elif re.match(r"^\d{4}-\d{2}-\d{2}", spec):
            at, note = _iso(text, zone)
        else:
            raise WhenError(_NOT_UNDERSTOOD.format(text=repr(text.strip()), examples=EXAMPLES))
        at = at.astimezone(UTC).replace(microsecond=0)
    except OverflowError:  # a date at the very edge of the calendar, moved by an offset
        raise WhenError(
            QT_TRANSLATE_NOOP(
                "When",
                "{text} is outside the dates statusdesk can use; give a time within the next year",
            ).format(text=repr(text.strip()))
        ) from None
    if at <= now and not allow_past:
        ago = _span(now - at)
        raise WhenError(
            QT_TRANSLATE_NOOP(
                "When",
                "{text} ({moment}) is {ago} in the past; give a later time, or {publish}",
            ).format(text=text.strip(), moment=display(at, zone), ago=ago, publish=PUBLISH_AT_ONCE)
        )
    if at - now > MAX_AHEAD:
        raise WhenError(
            QT_TRANSLATE_NOOP("When", "{text} is more than a year ahead; check the date").format(
                text=text.strip()
            )
        )
    return When(at, at.astimezone(zone), day, note)


_AGO = re.compile(r"^((?:\d+\s*[a-z]+\s*)+)ago$")
_PAST_CLOCK = re.compile(r"^(?:(?P<day>today|yesterday)\s+)?(?:at\s+)?(?P<h>\d{1,2}):(?P<m>\d{2})$")
PAST_EXAMPLES = (
    '"40m ago", "14:30", "yesterday 23:10", "2026-03-29T14:30", "2026-03-29T14:30+02:00"'
)


def parse_past(text: str, now: datetime, zone: tzinfo) -> When:
    """Read `text` as a moment at or before `now`: when something really began (`--started-at`).

    The forms of `parse_when` turned to the past: "40m ago" / "1h 30m ago"; "14:30" (today in
    `zone`, or yesterday if that is still ahead), "today 14:30", "yesterday 14:30"; ISO-8601
    date-times with or without an offset. A moment ahead of `now`, or more than a year back,
    is refused with what would work.
    """
    if now.tzinfo is None:
        raise ValueError("now must be an aware datetime")
    spec = " ".join(text.strip().lower().split())
    if not spec:
        raise WhenError(_NO_TIME.format(examples=PAST_EXAMPLES))
    day = note = ""
    try:
        if spec == "now":
            at = now
        elif ago := _AGO.match(spec):
            at = now - (_relative(ago[1], now) - now)
        elif clock := _PAST_CLOCK.match(spec):
            hour, minute = int(clock["h"]), int(clock["m"])
            if hour > 23 or minute > 59:
                raise WhenError(_NOT_A_TIME_OF_DAY.format(time=f"{hour}:{minute:02d}"))
            today: date = now.astimezone(zone).date()
            back = 1 if clock["day"] == "yesterday" else 0
            at, note = resolve_local(
                datetime.combine(today - timedelta(days=back), time(hour, minute)), zone
            )
            if at > now and clock["day"] is None:
                back = 1
                at, note = resolve_local(
                    datetime.combine(today - timedelta(days=1), time(hour, minute)), zone
                )
            day = "yesterday" if back else "today"
        elif re.match(r"^\d{4}-\d{2}-\d{2}", spec):
            at, note = _iso(text, zone)
        else:
            raise WhenError(_NOT_UNDERSTOOD.format(text=repr(text.strip()), examples=PAST_EXAMPLES))
        at = at.astimezone(UTC).replace(microsecond=0)
    except OverflowError:
        raise WhenError(
            QT_TRANSLATE_NOOP(
                "When",
                "{text} is outside the dates statusdesk can use; give a time within the last year",
            ).format(text=repr(text.strip()))
        ) from None
    if at > now:
        raise WhenError(
            QT_TRANSLATE_NOOP(
                "When",
                "{text} ({moment}) is {ahead} ahead: an incident cannot have begun in the "
                "future; give the time it began, or leave it out for now",
            ).format(text=text.strip(), moment=display(at, zone), ahead=_span(at - now))
        )
    if now - at > MAX_AHEAD:
        raise WhenError(
            QT_TRANSLATE_NOOP("When", "{text} is more than a year ago; check the date").format(
                text=text.strip()
            )
        )
    return When(at, at.astimezone(zone), day, note)


def _span(delta: timedelta) -> Words:
    seconds = int(abs(delta.total_seconds()))
    if seconds < 120:
        return QT_TRANSLATE_NOOP("When", "{n} s").format(n=seconds)
    minutes = seconds // 60
    if minutes < 120:
        return QT_TRANSLATE_NOOP("When", "{n} min").format(n=minutes)
    hours = minutes // 60
    if hours < 48:
        return QT_TRANSLATE_NOOP("When", "{hours} h {minutes} min").format(
            hours=hours, minutes=minutes % 60
        )
    return QT_TRANSLATE_NOOP("When", "{n} days").format(n=hours // 24)


def span(seconds: float) -> Words:
    """'40 s', '12 min', '3 h 5 min', '2 days' — how late, how long."""
    return _span(timedelta(seconds=seconds))


def local_zone() -> tzinfo:
    """This machine's zone, with its DST rules: $TZ, else /etc/localtime's name, else
    /etc/timezone, else the current fixed offset (no DST rules: a last resort)."""
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    with contextlib.suppress(OSError):
        target = Path("/etc/localtime").resolve().as_posix()
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    with contextlib.suppress(OSError):
        candidates.append(Path("/etc/timezone").read_text(encoding="utf-8").strip())
    for name in candidates:
        if not name:
            continue
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            continue
    return datetime.now(UTC).astimezone().tzinfo or UTC
