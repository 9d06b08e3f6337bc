"""The typed values of a post-incident timeline (issue #7), which every export format is written
from. Built by timeline.py; the figures are computed by metrics.py."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from statusdesk.core.model import Channel, Component, Delivery, Incident, Update


class ExportError(Exception):
    """An export that cannot be made; the message says why and what to do."""


@dataclass(frozen=True)
class ChannelRef:
    """A channel as an export names it: never its settings — but a webhook's `format`, which
    says where it posts (Discord, Teams, Slack), is part of its name for people."""

    id: int
    name: str
    kind: str
    format: str = ""  # a webhook's format when not the default: discord, teams, slack

    @classmethod
    def of(cls, channel: Channel) -> ChannelRef:
        fmt = channel.settings.get("format") if channel.kind == "webhook" else None
        shown = fmt if isinstance(fmt, str) and fmt.isalpha() and fmt != "statusdesk" else ""
        return cls(channel.id, channel.name, channel.kind, shown)

    @property
    def label(self) -> str:
        """The kind as the human formats show it: "mastodon", "webhook, discord"."""
        return f"{self.kind}, {self.format}" if self.format else self.kind


class Step(NamedTuple):
    """One recorded step of a delivery (from the audit log): an attempt's outcome, or a
    person's decision (not the start of each attempt: `attempts` counts those). `detail` is
    the error or the reason, scrubbed. (A NamedTuple: a long incident has tens of thousands,
    and a frozen dataclass is slow to make.)"""

    at: str
    event: str  # sent | retry_wait | failed | unknown | needs_decision | abandoned | retry | skip
    actor: str
    detail: str


class DeliveryRecord(NamedTuple):
    delivery: Delivery  # remote_url, remote_id, last_error, decision_note already scrubbed
    channel: ChannelRef
    lag_seconds: float | None  # sent_at − the update's published_at
    errors: tuple[str, ...]  # every distinct error its attempts met, oldest first
    steps: tuple[Step, ...]
    retried: bool  # more than one attempt, or sent back to the outbox by a person


@dataclass(frozen=True)
class ReviewRef:
    """Who approved an update before it went out, and how long review took (issue #17): its
    author is the update's own; `waived` when a critical one went out without review."""

    state: str  # approved | waived
    reviewer: str  # empty when waived
    submitted_at: str
    decided_at: str | None
    seconds: float | None  # submitted → approved; 0 when waived


@dataclass(frozen=True)
class UpdateRecord:
    update: Update
    deliveries: tuple[DeliveryRecord, ...]  # in channel order
    review: ReviewRef | None = None  # None: published without review

    @property
    def moment(self) -> str:
        """When it went out; for one that did not, when it was (or is) planned, else written."""
        u = self.update
        return u.published_at or u.scheduled_for or u.created_at


@dataclass(frozen=True)
class Promise:
    """A next-update promise an update made, and whether the next update kept it."""

    update_id: int  # the update that made it
    made_at: str
    due: str
    outcome: str  # kept | missed | open
    met_by: int | None  # the next update, when there was one
    met_at: str | None
    late_seconds: float | None  # after `due`, for a missed promise (still overdue: until now)


@dataclass(frozen=True)
class ChannelMetrics:
    channel: ChannelRef
    deliveries: int
    sent: int
    failed: int  # failed or waiting for a person's decision
    skipped: int
    retried: int
    outstanding: int  # neither sent, skipped nor failed yet
    first_delivered_at: str | None
    first_delivery_lag_seconds: float | None  # from the first published update
    lag_mean_seconds: float | None
    lag_max_seconds: float | None
    longest_silence_seconds: float | None
    longest_silence_from: str | None
    longest_silence_to: str | None
    last_delivered_at: str | None  # core/cadence.py's channel_silence
    missed_latest: bool
    skipped_latest: bool
    latest_state: str | None  # core/parity.py: its delivery of the latest update


@dataclass(frozen=True)
class Issue:
    """A delivery a postmortem asks about: retried, failed or skipped, and why."""

    delivery_id: int
    update_id: int
    channel: str
    state: str
    attempts: int
    reasons: tuple[str, ...]
    decided_by: str | None = None


@dataclass(frozen=True)
class Metrics:
    duration_seconds: float | None  # start → resolution; None while open
    first_update_at: str | None
    time_to_first_update_seconds: float | None
    updates_published: int
    cadence_mean_seconds: float | None
    cadence_longest_gap_seconds: float | None
    cadence_longest_gap_from: str | None
    cadence_longest_gap_to: str | None
    promises: tuple[Promise, ...]
    channels: tuple[ChannelMetrics, ...]
    retried: tuple[Issue, ...]
    failed: tuple[Issue, ...]
    skipped: tuple[Issue, ...]

    @property
    def promises_kept(self) -> int:
        return sum(1 for p in self.promises if p.outcome == "kept")

    @property
    def promises_missed(self) -> int:
        return sum(1 for p in self.promises if p.outcome == "missed")

    @property
    def promises_open(self) -> int:
        return sum(1 for p in self.promises if p.outcome == "open")


@dataclass(frozen=True)
class Timeline:
    incident: Incident
    components: tuple[Component, ...]
    channels: tuple[ChannelRef, ...]
    updates: tuple[UpdateRecord, ...]  # in the order they went out (see UpdateRecord.moment)
    metrics: Metrics
    generated_at: str  # UTC, as stored
    digits: str  # latn | arab: how Arabic writes numbers (the workspace's setting)

    @property
    def deliveries(self) -> list[DeliveryRecord]:
        return [d for u in self.updates for d in u.deliveries]
