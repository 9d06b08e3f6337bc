"""The timeline as people read it: every time in the chosen zone, durations in words, labels in
both languages — one `Document` that the Markdown, HTML and PDF writers lay out, so the three
always say the same thing.

Arabic dates come from the status page's own formatter (`format_moment`, babel's Arabic month
names, Arabic-Indic digits when the workspace asks for them); English durations from the
scheduler's `span` ("12 min", "3 h 5 min").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, timedelta, tzinfo
from typing import Literal

from statusdesk.channels.site.words import COMPONENT, LABELS, STATE
from statusdesk.core.model import UpdateStatus
from statusdesk.core.text.digits import with_digits
from statusdesk.core.timefmt import parse_iso
from statusdesk.export.model import (
    ChannelMetrics,
    DeliveryRecord,
    Issue,
    Promise,
    ReviewRef,
    Timeline,
    UpdateRecord,
)
from statusdesk.export.stamps import moment
from statusdesk.scheduling.templates import format_moment
from statusdesk.scheduling.when import span, zone_name

NONE = "—"
LIST_ALL_PROMISES = 12  # more than this: the kept ones are counted, not listed
_STORED = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z\Z")  # as the workspace keeps time
KIND = {
    "en": {"incident": "Incident", "maintenance": "Maintenance"},
    "ar": {"incident": "عطل", "maintenance": "صيانة"},
}
IMPACT = {
    "en": {"none": "None", "minor": "Minor", "major": "Major", "critical": "Critical"},
    "ar": {"none": "لا يوجد", "minor": "طفيف", "major": "كبير", "critical": "حرج"},
}
AR = {
    "title": "العنوان",
    "kind": "النوع",
    "state": "الحالة",
    "impact": "التأثير",
    "duration": "المدة",
    "open": "لم يُحل بعد",
    "and": " و",
}


@functools.cache
def zone_label(zone: tzinfo) -> str:
    return "UTC" if zone is UTC else zone_name(zone)


class Shown:
    """Stored UTC stamps as the export shows them, in one zone (cached: 2,000 updates on 6
    channels repeat many of the same seconds)."""

    def __init__(self, zone: tzinfo, digits: str) -> None:
        self.zone = zone
        self.digits = digits
        self.zone_label = zone_label(zone)
        self.when = functools.lru_cache(maxsize=None)(self._when)
        self.iso = functools.lru_cache(maxsize=None)(self._iso)

    def _when(self, stamp: str | None) -> str:
        """'2026-03-10 12:05:00 +03' — the zone's abbreviation on every time, so a DST change
        in the middle of an incident cannot mislead."""
        if not stamp:
            return NONE
        if self.zone is UTC and _STORED.match(stamp):  # as stored: no need to parse it
            return f"{stamp[:10]} {stamp[11:19]} UTC"
        local = moment(stamp).astimezone(self.zone)
        return f"{local:%Y-%m-%d %H:%M:%S} {local.tzname()}"

    def _iso(self, stamp: str | None) -> str | None:
        """ISO-8601 in the zone: '…Z' in UTC, '…+03:00' elsewhere (for JSON and CSV)."""
        if not stamp:
            return None
        if self.zone is UTC and _STORED.match(stamp):
            return stamp
        local = moment(stamp).astimezone(self.zone)
        text = local.isoformat(timespec="seconds")
        return text.replace("+00:00", "Z") if self.zone is UTC else text

    def within(self, stamp: str | None, day: str) -> str:
        """The clock time alone ('09:05:40') when `stamp` falls on `day` ('2026-03-10', in the
        zone), else the full time: within an update the date and zone are its heading's."""
        full = self.when(stamp)
        return full[11:19] if full.startswith(day) else full

    def arabic(self, stamp: str | None) -> str:
        if not stamp:
            return NONE
        return format_moment(parse_iso(stamp), "ar", self.digits, self.zone)


@functools.lru_cache(maxsize=4096)
def duration(seconds: float | None) -> str:
    if seconds is None:
        return NONE
    if seconds < 0:
        return f"−{span(-seconds)}"
    return span(seconds)


def duration_ar(seconds: float | None, digits: str) -> str:
    """'ساعة و30 دقيقة' — hours and minutes in Arabic words (babel), or seconds when short."""
    if seconds is None:
        return NONE
    from babel.dates import format_timedelta

    whole = int(abs(seconds))
    days, rest = divmod(whole, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    pieces = []
    units: tuple[tuple[int, Literal["day", "hour", "minute"], timedelta], ...] = (
        (days, "day", timedelta(days=days)),
        (hours, "hour", timedelta(hours=hours)),
        (minutes, "minute", timedelta(minutes=minutes)),
    )
    for amount, unit, length in units:
        if amount:
            pieces.append(format_timedelta(length, granularity=unit, threshold=1e9, locale="ar"))
    if not pieces:
        pieces.append(format_timedelta(timedelta(seconds=secs), threshold=1e9, locale="ar"))
    text = AR["and"].join(pieces)
    return with_digits(text, digits)


@dataclass(frozen=True)
class Fact:
    label: str
    value: str


@dataclass(frozen=True)
class DeliveryRow:
    channel: str
    kind: str
    state: str
    attempts: int
    sent: str  # time, with the lag after the update went out
    where: str  # the remote URL or id
    problem: str  # errors met, or the skip reason and who decided


@dataclass(frozen=True)
class UpdateView:
    id: int
    heading: str
    state_en: str
    state_ar: str
    status: str
    facts: tuple[Fact, ...]
    body_en: str
    body_ar: str
    deliveries: tuple[DeliveryRow, ...]


@dataclass(frozen=True)
class ChannelRow:
    name: str
    kind: str
    counts: str  # "3 sent · 1 failed · 1 skipped · 1 retried"
    first_lag: str
    lag: str  # "mean 12 s, max 1 min"
    silence: str  # "50 min (09:20:00 → 10:10:00)"
    latest: str  # where it stands on the latest update


@dataclass(frozen=True)
class Document:
    incident_id: int
    title_en: str
    title_ar: str
    facts_en: tuple[Fact, ...]
    facts_ar: tuple[Fact, ...]
    summary: tuple[Fact, ...]
    promises: tuple[Fact, ...]  # one per promise listed: "after update N" and its outcome
    promises_note: str  # "" when every promise is listed; else how many kept ones are not
    channels: tuple[ChannelRow, ...]
    retried: tuple[str, ...]
    failed: tuple[str, ...]
    skipped: tuple[str, ...]
    updates: tuple[UpdateView, ...]  # went out, in order
    not_sent: tuple[UpdateView, ...]  # scheduled, stale or cancelled
    zone: str
    generated: str


def _components(timeline: Timeline, lang: str) -> str:
    names = []
    for c in timeline.components:
        name = (c.name.ar or c.name.en) if lang == "ar" else (c.name.en or c.name.ar)
        status = COMPONENT[lang][c.status.value]
        names.append(f"{name} ({status})")
    return ("، " if lang == "ar" else ", ").join(names) or NONE


def _header(timeline: Timeline, shown: Shown) -> tuple[tuple[Fact, ...], tuple[Fact, ...]]:
    i = timeline.incident
    m = timeline.metrics
    resolved_en = shown.when(i.resolved_at) if i.resolved_at else "not yet (still open)"
    resolved_ar = shown.arabic(i.resolved_at) if i.resolved_at else AR["open"]
    en = (
        Fact("Kind", KIND["en"][i.kind.value]),
        Fact("State", STATE["en"][i.state.value]),
        Fact("Impact", IMPACT["en"][i.impact.value]),
        Fact("Components", _components(timeline, "en")),
        Fact("Started", shown.when(i.started_at)),
        Fact("Resolved", resolved_en),
        Fact("Duration", duration(m.duration_seconds)),
    )
    ar_labels = LABELS["ar"]
    ar = (
        Fact(AR["title"], i.title.ar or i.title.en),
        Fact(AR["kind"], KIND["ar"][i.kind.value]),
        Fact(AR["state"], STATE["ar"][i.state.value]),
        Fact(AR["impact"], IMPACT["ar"][i.impact.value]),
        Fact(ar_labels["components"], _components(timeline, "ar")),
        Fact(ar_labels["started"], shown.arabic(i.started_at)),
        Fact(ar_labels["resolved"], resolved_ar),
        Fact(AR["duration"], duration_ar(m.duration_seconds, timeline.digits)),
    )
    return en, ar


def _summary(timeline: Timeline, shown: Shown) -> tuple[Fact, ...]:
    m = timeline.metrics
    first = (
        f"{duration(m.time_to_first_update_seconds)} (went out {shown.when(m.first_update_at)})"
        if m.first_update_at
        else "no update went out"
    )
    cadence = NONE
    if m.cadence_mean_seconds is not None:
        cadence = (
            f"mean gap {duration(m.cadence_mean_seconds)}; longest gap "
            f"{duration(m.cadence_longest_gap_seconds)} "
            f"({shown.when(m.cadence_longest_gap_from)} → {shown.when(m.cadence_longest_gap_to)})"
        )
    promises = f"{m.promises_kept} kept, {m.promises_missed} missed"
    if m.promises_open:
        promises += f", {m.promises_open} not due yet"
    return (
        Fact("Time to first public update", first),
        Fact("Updates that went out", str(m.updates_published)),
        Fact("Cadence", cadence),
        Fact("Next-update promises", promises),
        Fact("Deliveries retried", str(len(m.retried))),
        Fact("Deliveries failed", str(len(m.failed))),
        Fact("Deliveries skipped", str(len(m.skipped))),
    )


def _promise(p: Promise, shown: Shown) -> Fact:
    label = f"After update {p.update_id} ({shown.when(p.made_at)})"
    due = f"due {shown.when(p.due)}"
    if p.outcome == "kept":
        return Fact(label, f"{due}: kept by update {p.met_by} at {shown.when(p.met_at)}")
    if p.outcome == "open":
        return Fact(label, f"{due}: not due yet")
    if p.met_by is None:
        return Fact(label, f"{due}: MISSED — still overdue by {duration(p.late_seconds)}")
    return Fact(
        label,
        f"{due}: MISSED — update {p.met_by} went out {duration(p.late_seconds)} late "
        f"({shown.when(p.met_at)})",
    )


def _latest(c: ChannelMetrics) -> str:
    if c.skipped_latest:
        return "skipped (a recorded decision)"
    if c.missed_latest:
        state = c.latest_state or "not sent to it"
        return f"MISSED ({state})"
    return "delivered" if c.latest_state == "sent" else (c.latest_state or NONE)


def _channel(c: ChannelMetrics, shown: Shown) -> ChannelRow:
    counts = [f"{c.sent} of {c.deliveries} sent"]
    for amount, word in (
        (c.failed, "failed"),
        (c.skipped, "skipped"),
        (c.retried, "retried"),
        (c.outstanding, "still open"),
    ):
        if amount:
            counts.append(f"{amount} {word}")
    silence = duration(c.longest_silence_seconds)
    if c.longest_silence_from:
        silence += f" ({shown.when(c.longest_silence_from)} → {shown.when(c.longest_silence_to)})"
    lag = NONE
    if c.lag_mean_seconds is not None:
        lag = f"mean {duration(c.lag_mean_seconds)}, max {duration(c.lag_max_seconds)}"
    return ChannelRow(
        c.channel.name,
        c.channel.label,
        " · ".join(counts),
        duration(c.first_delivery_lag_seconds) if c.first_delivered_at else "never delivered",
        lag,
        silence,
        _latest(c),
    )


def _issue(issue: Issue, verb: str) -> str:
    attempts = f"{issue.attempts} attempt{'s' if issue.attempts != 1 else ''}"
    who = f" (decided by {issue.decided_by})" if issue.decided_by and verb == "skipped" else ""
    reasons = "; ".join(issue.reasons) or "no reason recorded"
    return f"Update {issue.update_id} → {issue.channel}: {verb}{who}, {attempts} — {reasons}"


def _delivery(record: DeliveryRecord, shown: Shown, day: str) -> DeliveryRow:
    d = record.delivery
    sent = NONE
    if d.sent_at:
        sent = shown.within(d.sent_at, day)
        if record.lag_seconds is not None:
            sent += f" (+{duration(record.lag_seconds)})"
    if d.state.value == "skipped":
        who = f" — {d.decided_by}" if d.decided_by else ""
        problem = f"skipped: {d.decision_note or 'no reason recorded'}{who}"
    else:
        problem = "; ".join(record.errors)
    return DeliveryRow(
        record.channel.name,
        record.channel.label,
        d.state.value,
        d.attempts,
        sent,
        d.remote_url or d.remote_id or "",
        problem,
    )


def _reviewed(review: ReviewRef) -> str:
    if review.state == "waived":
        return "review waived (critical impact)"
    return f"approved by {review.reviewer or 'unknown'} after {duration(review.seconds)}"


def _update(record: UpdateRecord, shown: Shown) -> UpdateView:
    u = record.update
    state_en = STATE["en"][u.state.value]
    # Times on the update's own day (as its heading gives it) are written as a clock time.
    day = shown.when(u.published_at or u.scheduled_for or u.created_at)[:10]
    facts = [Fact("Written", f"{shown.within(u.created_at, day)} by {u.author or 'unknown'}")]
    if record.review is not None:
        facts.append(Fact("Reviewed", _reviewed(record.review)))
    if u.scheduled_for:
        facts.append(Fact("Scheduled for", shown.within(u.scheduled_for, day)))
    if u.status is UpdateStatus.PUBLISHED:
        heading = f"{shown.when(u.published_at)} — update {u.id} · {state_en}"
    else:
        heading = f"Update {u.id} · {state_en} — {u.status.value}, never went out"
    return UpdateView(
        id=u.id,
        heading=heading,
        state_en=state_en,
        state_ar=STATE["ar"][u.state.value],
        status=u.status.value,
        facts=tuple(facts),
        body_en=u.body.en,
        body_ar=u.body.ar,
        deliveries=tuple(_delivery(d, shown, day) for d in record.deliveries),
    )


def document(timeline: Timeline, zone: tzinfo) -> Document:
    shown = Shown(zone, timeline.digits)
    facts_en, facts_ar = _header(timeline, shown)
    m = timeline.metrics
    published: Sequence[UpdateRecord] = [
        r for r in timeline.updates if r.update.status is UpdateStatus.PUBLISHED
    ]
    others = [r for r in timeline.updates if r.update.status is not UpdateStatus.PUBLISHED]
    i = timeline.incident
    # A long incident keeps hundreds of promises: list them all only when they are few.
    listed = m.promises
    if len(listed) > LIST_ALL_PROMISES:
        listed = tuple(p for p in m.promises if p.outcome != "kept")
    return Document(
        incident_id=i.id,
        title_en=i.title.en or i.title.ar,
        title_ar=i.title.ar,
        facts_en=facts_en,
        facts_ar=facts_ar,
        summary=_summary(timeline, shown),
        promises=tuple(_promise(p, shown) for p in listed),
        promises_note=(
            f"{m.promises_kept} kept promises are not listed (the JSON export has every one)."
            if len(listed) < len(m.promises)
            else ""
        ),
        channels=tuple(_channel(c, shown) for c in m.channels),
        retried=tuple(_issue(x, "retried") for x in m.retried),
        failed=tuple(_issue(x, "failed") for x in m.failed),
        skipped=tuple(_issue(x, "skipped") for x in m.skipped),
        updates=tuple(_update(r, shown) for r in published),
        not_sent=tuple(_update(r, shown) for r in others),
        zone=shown.zone_label,
        generated=shown.when(timeline.generated_at),
    )
