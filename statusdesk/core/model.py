"""The domain of statusdesk: plain values, no I/O, no Qt, no clock reads.

Vocabularies follow Atlassian Statuspage so that what we publish reads the same to tools that
already understand a hosted status page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from statusdesk.core.words import QT_TRANSLATE_NOOP


class Language(StrEnum):
    EN = "en"
    AR = "ar"
    BOTH = "both"

    def includes(self, lang: str) -> bool:
        return self is Language.BOTH or self.value == lang


class Order(StrEnum):
    EN_FIRST = "en-first"
    AR_FIRST = "ar-first"


class IncidentKind(StrEnum):
    INCIDENT = "incident"
    MAINTENANCE = "maintenance"


class IncidentState(StrEnum):
    INVESTIGATING = "investigating"
    IDENTIFIED = "identified"
    MONITORING = "monitoring"
    RESOLVED = "resolved"
    SCHEDULED = "scheduled"
    IN_PROGRESS = "in_progress"
    VERIFYING = "verifying"
    COMPLETED = "completed"

    @property
    def is_closed(self) -> bool:
        return self in (IncidentState.RESOLVED, IncidentState.COMPLETED)


INCIDENT_STATES: tuple[IncidentState, ...] = (
    IncidentState.INVESTIGATING,
    IncidentState.IDENTIFIED,
    IncidentState.MONITORING,
    IncidentState.RESOLVED,
)
MAINTENANCE_STATES: tuple[IncidentState, ...] = (
    IncidentState.SCHEDULED,
    IncidentState.IN_PROGRESS,
    IncidentState.VERIFYING,
    IncidentState.COMPLETED,
)


def states_for(kind: IncidentKind) -> tuple[IncidentState, ...]:
    return INCIDENT_STATES if kind is IncidentKind.INCIDENT else MAINTENANCE_STATES


def initial_state(kind: IncidentKind) -> IncidentState:
    return states_for(kind)[0]


class Impact(StrEnum):
    NONE = "none"
    MINOR = "minor"
    MAJOR = "major"
    CRITICAL = "critical"


class ComponentStatus(StrEnum):
    OPERATIONAL = "operational"
    DEGRADED_PERFORMANCE = "degraded_performance"
    PARTIAL_OUTAGE = "partial_outage"
    MAJOR_OUTAGE = "major_outage"
    UNDER_MAINTENANCE = "under_maintenance"


class UpdateStatus(StrEnum):
    SCHEDULED = "scheduled"
    STALE = "stale"
    PUBLISHED = "published"
    CANCELLED = "cancelled"


class DeliveryState(StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    RETRY_WAIT = "retry_wait"
    FAILED = "failed"
    UNKNOWN = "unknown"
    NEEDS_DECISION = "needs_decision"
    SKIPPED = "skipped"

    @property
    def is_final(self) -> bool:
        return self in (DeliveryState.SENT, DeliveryState.SKIPPED)

    @property
    def needs_attention(self) -> bool:
        return self in (DeliveryState.FAILED, DeliveryState.NEEDS_DECISION)


@dataclass(frozen=True)
class BilingualText:
    en: str = ""
    ar: str = ""

    def get(self, lang: str) -> str:
        return self.ar if lang == "ar" else self.en

    def languages(self) -> tuple[str, ...]:
        """The languages that actually carry text."""
        return tuple(lang for lang in ("en", "ar") if self.get(lang).strip())


@dataclass(frozen=True)
class Component:
    id: int
    name: BilingualText
    status: ComponentStatus
    position: int = 0
    created_at: str = ""
    updated_at: str = ""
    group_id: int | None = None
    description: BilingualText = BilingualText()


@dataclass(frozen=True)
class ComponentGroup:
    """Components shown together under one bilingual name (Statuspage's component groups).
    A group has no status of its own: the page shows the worst of its members'."""

    id: int
    name: BilingualText
    position: int = 0
    created_at: str = ""


@dataclass(frozen=True)
class Incident:
    id: int
    title: BilingualText
    kind: IncidentKind
    state: IncidentState
    impact: Impact
    started_at: str
    created_at: str
    updated_at: str
    resolved_at: str | None = None
    next_update_due: str | None = None
    cadence_min: int = 30
    window_start: str | None = None
    window_end: str | None = None
    component_ids: tuple[int, ...] = ()

    @property
    def is_active(self) -> bool:
        return not self.state.is_closed


@dataclass(frozen=True)
class Update:
    id: int
    incident_id: int
    state: IncidentState
    body: BilingualText
    author: str
    created_at: str
    status: UpdateStatus
    scheduled_for: str | None = None
    published_at: str | None = None


@dataclass(frozen=True)
class Postmortem:
    """A resolved incident's write-up, in both languages. `published_at`: when it first went
    up; `updated_at`: its latest rewrite."""

    incident_id: int
    body: BilingualText
    author: str
    published_at: str
    updated_at: str


@dataclass(frozen=True)
class Channel:
    id: int
    kind: str
    name: str
    enabled: bool
    language: Language
    order: Order
    settings: dict[str, Any] = field(default_factory=dict)
    removed_at: str | None = None  # removed: kept for the record of its past deliveries


@dataclass(frozen=True)
class Delivery:
    id: int
    update_id: int
    channel_id: int
    state: DeliveryState
    attempts: int = 0
    next_attempt_at: str | None = None
    idempotency_key: str = ""
    remote_id: str | None = None
    remote_url: str | None = None
    last_error: str | None = None
    sent_at: str | None = None
    decided_by: str | None = None
    decision_note: str | None = None
    owner: str | None = None  # the process holding it for an attempt or a reconciliation


@dataclass(frozen=True)
class Draft:
    """What the communicator wrote, before it becomes an update."""

    body: BilingualText
    state: IncidentState
    impact: Impact | None = None
    component_status: dict[str, ComponentStatus] = field(default_factory=dict)
    author: str = ""
    # A channel's own text for this update, by channel name (a custom post for X): sent
    # instead of what the channel would make of the body.
    overrides: dict[str, str] = field(default_factory=dict)


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """Something wrong with input, said so a person can find and fix it.

    `field` names the input (`body_en`, `title_ar`, ...); `position` is a 0-based character
    offset into it when the problem sits at one place. `message` is English, marked for the
    Arabic interface (core/words.py); so is what `str()` adds to it.
    """

    field: str
    message: str
    severity: Severity = Severity.ERROR
    position: int | None = None

    def __str__(self) -> str:
        if self.position is None:
            return self.message
        return AT_CHARACTER.format(problem=self.message, character=self.position + 1)


AT_CHARACTER = QT_TRANSLATE_NOOP("Problems", "{problem} (at character {character})")


def blocking(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity is Severity.ERROR]
