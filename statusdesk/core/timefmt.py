"""Timestamps as stored: UTC ISO-8601 with `Z`, second precision (millis where order matters)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


def iso(moment: datetime) -> str:
    """A UTC instant as stored in the workspace, e.g. 2026-11-24T20:23:31Z."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime: pass an aware one (UTC)")
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_iso(text: str) -> datetime:
    """Read a stored timestamp or a user's ISO-8601 input; naive input is taken as UTC."""
    value = datetime.fromisoformat(text.strip().replace("Z", "+00:00").replace("z", "+00:00"))
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def plus(stamp: str, seconds: float) -> str:
    return iso(parse_iso(stamp) + timedelta(seconds=seconds))


def age_seconds(stamp: str, now: datetime) -> float:
    return (now - parse_iso(stamp)).total_seconds()


def humanize_age(seconds: float) -> str:
    """'just now', '4 min', '2 h 5 min', '3 d' — for lists where a glance must be enough."""
    seconds = max(0, int(seconds))
    if seconds < 60:
        return "just now"
    minutes = seconds // 60
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    if hours < 48:
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    return f"{hours // 24} d"
