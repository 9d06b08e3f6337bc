"""What the index page shows of the components (issue #14), in the page's language: groups with
their members, each component's name and description (Arabic on the Arabic page, the English
name when there is no Arabic one), its status and its 90-day uptime bar with a text alternative.

Everything here goes into the template's context (no lookups from the template), so a page's
context says all it shows; the bars depend on the build's date (see uptime.py).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from statusdesk.channels.site.snapshot import Snapshot
from statusdesk.channels.site.uptime import DAYS, Uptime, history, uptime, worst
from statusdesk.core.component_words import STATUS_WORDS
from statusdesk.core.model import BilingualText, Component
from statusdesk.core.text.digits import ARABIC_INDIC, with_digits

WORDS = {
    "en": {
        "no_data": "No data",
        "bar": "Daily status of {name} over the last {days} days, oldest first",
        "uptime": "{percent} uptime over the last {days} days",
        "no_uptime": "No uptime yet",
        "ago": "{days} days ago",
        "today": "Today",
        "group": "Group",
    },
    "ar": {
        "no_data": "لا بيانات",
        "bar": "الحالة اليومية للمكوّن {name} خلال آخر {days} يومًا، من الأقدم إلى الأحدث",
        "uptime": "نسبة التشغيل {percent} خلال آخر {days} يومًا",
        "no_uptime": "لا نسبة تشغيل بعد",
        "ago": "قبل {days} يومًا",
        "today": "اليوم",
        "group": "مجموعة",
    },
}


@dataclass(frozen=True)
class Bar:
    label: str  # the list's accessible name
    days: tuple[tuple[str, str], ...]  # (css class, "7 Dec 2026: Major outage"), oldest first
    summary: str  # "99.95% uptime over the last 90 days"
    ago: str
    today: str


@dataclass(frozen=True)
class Row:
    """One line of the component list: a component with its bar, or a group with members."""

    id: int
    name: str
    description: str
    status: str  # a ComponentStatus value
    status_text: str
    is_group: bool = False
    bar: Bar | None = None
    members: tuple[Row, ...] = field(default=())


@functools.cache
def day_text(day: date, lang: str, digits: str) -> str:
    if lang == "ar":
        from babel.dates import format_date

        return with_digits(format_date(day, "d MMMM y", locale="ar"), digits)
    return f"{day.day} {day:%b %Y}"


def percent_text(percent: float, lang: str, digits: str) -> str:
    shown = f"{percent:.2f}"
    if lang == "ar" and digits == "arab":
        return shown.replace(".", "٫").translate(ARABIC_INDIC) + "٪"
    return shown + "%"


def _pick(text: BilingualText, lang: str) -> str:
    return text.get(lang) or text.en or text.ar


def _bar(name: str, shown: Uptime, lang: str, digits: str) -> Bar:
    words, status_words = WORDS[lang], STATUS_WORDS[lang]
    days = tuple(
        (
            f"d-{status.value}" if status else "d-none",
            f"{day_text(day, lang, digits)}: "
            + (status_words[status.value] if status else words["no_data"]),
        )
        for day, status in shown.days
    )
    count = with_digits(str(DAYS), digits) if lang == "ar" else str(DAYS)
    summary = (
        words["uptime"].format(percent=percent_text(shown.percent, lang, digits), days=count)
        if shown.percent is not None
        else words["no_uptime"]
    )
    return Bar(
        label=words["bar"].format(name=name, days=count),
        days=days,
        summary=summary,
        ago=words["ago"].format(days=count),
        today=words["today"],
    )


def _row(component: Component, shown: Uptime, lang: str, digits: str) -> Row:
    name = _pick(component.name, lang)
    return Row(
        id=component.id,
        name=name,
        description=_pick(component.description, lang),
        status=component.status.value,
        status_text=STATUS_WORDS[lang][component.status.value],
        bar=_bar(name, shown, lang, digits),
    )


def component_rows(snap: Snapshot, lang: str) -> list[Row]:
    """The list in page order: a group where its first member would be, its members under it."""
    digits = snap.settings.digits
    changes = history(snap.change_log)
    rows = {
        c.id: _row(c, uptime(c, changes.get(c.id, []), snap.now), lang, digits)
        for c in snap.components
    }
    groups = {g.id: g for g in snap.groups}
    members: dict[int, list[Component]] = {}
    for c in snap.components:
        if c.group_id in groups:
            members.setdefault(c.group_id, []).append(c)
    listed: list[Row] = []
    for c in snap.components:
        if c.group_id not in groups:
            listed.append(rows[c.id])
        elif members[c.group_id][0] is c:
            group = groups[c.group_id]
            status = worst(m.status for m in members[c.group_id])
            listed.append(
                Row(
                    id=group.id,
                    name=_pick(group.name, lang),
                    description="",
                    status=status.value,
                    status_text=STATUS_WORDS[lang][status.value],
                    is_group=True,
                    members=tuple(rows[m.id] for m in members[c.group_id]),
                )
            )
    return listed


def index_context(snap: Snapshot, lang: str) -> dict[str, Any]:
    """The index page's component section: its rows, and the date the bars end on."""
    return {"component_rows": component_rows(snap, lang), "uptime_until": snap.now.date()}
