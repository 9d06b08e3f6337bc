"""The values the store's parts hand out beside the domain model's: backend-neutral, so the
contracts (store/contracts.py) and every backend speak them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

from statusdesk.core.model import Component, ComponentStatus, Impact, Incident, Update


@dataclass(frozen=True)
class IncidentSummary:
    """One row of the incident list: the incident and when it last spoke."""

    incident: Incident
    last_published_at: str | None
    update_count: int


@dataclass(frozen=True)
class ComponentChange:
    component_id: int
    old_status: ComponentStatus
    new_status: ComponentStatus


@dataclass(frozen=True)
class UpdatePlan:
    """A scheduled update and what it does when it goes out."""

    update: Update
    impact: Impact | None
    component_status: dict[str, ComponentStatus]
    channel_ids: tuple[int, ...]
    # Issue #12 §1: the enabled channels left out get a `skipped` delivery with this reason.
    skip_reason: str | None = None
    skip_by: str | None = None


@dataclass(frozen=True)
class SavedDraft:
    target: int | None  # the incident's id; None: a new incident's draft
    content: dict[str, Any]
    saved_at: str
    revision: str = ""  # made at each save: what the next save of it says it was based on
    saved_by: str = ""  # who saved it last (issue #17: a team desk's drafts are shared)


@dataclass(frozen=True)
class Presence:
    """A desk that has an incident open (issue #17): who, and which language it is editing
    ("" none, "en", "ar")."""

    desk: str
    author: str
    incident_id: int | None
    editing: str
    seen_at: str


# (delivery_id, at, kind, actor, data JSON); kind: delivery.sent, delivery.retry_wait,
# delivery.failed, delivery.skip, delivery.retry, ... Plain tuples: a long incident has tens of
# thousands.
DeliveryEvent = tuple[int, str, str, str, str]


class ComponentInUse(Exception):
    """A component the history of incidents names cannot be removed (`incident_ids` do):
    `ComponentStore.remove_component` refuses it, whatever the backend."""

    def __init__(self, component: Component, incident_ids: list[int]) -> None:
        super().__init__(f"component {component.name.en!r} is named by incidents {incident_ids}")
        self.component = component
        self.incident_ids = incident_ids


class ComponentFollowed(Exception):
    """A component active subscribers chose to follow is not removed: their email would stop
    for good without their asking (issue #15). `emails` are theirs, oldest subscription first;
    `ComponentStore.remove_component` raises it, whatever the backend."""

    def __init__(self, component: Component, emails: list[str]) -> None:
        super().__init__(
            f"component {component.name.en!r} is followed by {len(emails)} subscriber(s)"
        )
        self.component = component
        self.emails = emails


class PartFinish(NamedTuple):
    """One part's outcome, as `parts_finished` writes it."""

    seq: int
    state: str  # sent | failed
    remote_id: str | None = None
    remote_url: str | None = None
    error: str | None = None
