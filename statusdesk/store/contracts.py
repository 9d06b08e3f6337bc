"""What the store promises, written as Protocols: one per part, and `StoreContract` for the
store that composes them.

The SQLite classes (store/incidents.py, store/deliveries.py, ...) are one backend; a second
(PostgreSQL, for a team desk) implements the same Protocols and runs the same contract tests
(tests/contract/). Each part's implementation documents its methods. The rules every backend
keeps:

- Callers pass `now` (an ISO-8601 UTC text); no part reads a clock.
- Every part shares one transaction: writes of several parts inside one
  `StoreContract.transaction()` commit or roll back together, and a part's own writes join a
  transaction already open.
- A change a person or a process makes is recorded in the `EventLog` in the same transaction.
- Claims (`LedgerStore.claim_delivery`, `claim_for_reconcile`, `ScheduleStore.take_update`)
  are exclusive: of two connections racing for the same row, exactly one wins.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Protocol

from statusdesk.core.model import (
    BilingualText,
    Channel,
    Component,
    ComponentGroup,
    ComponentStatus,
    Delivery,
    DeliveryState,
    Impact,
    Incident,
    IncidentKind,
    IncidentState,
    Language,
    Order,
    Postmortem,
    Update,
    UpdateStatus,
)
from statusdesk.store.records import (
    ComponentChange,
    DeliveryEvent,
    IncidentSummary,
    PartFinish,
    Presence,
    SavedDraft,
    UpdatePlan,
)
from statusdesk.store.reviews import Review
from statusdesk.store.subscriber_records import ImportResult, Subscriber
from statusdesk.store.threads import ThreadAnchor


class EventLog(Protocol):
    """The audit log: every change of every part, appended in that change's transaction."""

    def log_event(
        self,
        kind: str,
        at: str,
        *,
        actor: str = "",
        incident_id: int | None = None,
        update_id: int | None = None,
        delivery_id: int | None = None,
        channel_id: int | None = None,
        data: dict[str, Any] | None = None,
    ) -> int: ...

    def events(self, incident_id: int | None = None) -> list[dict[str, Any]]: ...

    def delivery_events(self, incident_id: int) -> list[DeliveryEvent]: ...

    def cadence_events(self, incident_id: int) -> list[tuple[str, str]]: ...


class IncidentStore(Protocol):
    """Incidents and their updates."""

    def create_incident(
        self,
        *,
        title: BilingualText,
        kind: IncidentKind,
        state: IncidentState,
        impact: Impact,
        started_at: str,
        now: str,
        cadence_min: int = 30,
        window_start: str | None = None,
        window_end: str | None = None,
        actor: str = "",
    ) -> int: ...

    def incident(self, incident_id: int) -> Incident | None: ...

    def incidents(self, *, since: str | None = None) -> list[Incident]: ...

    def incident_summaries(self) -> list[IncidentSummary]: ...

    def set_incident_state(
        self, incident_id: int, state: IncidentState, impact: Impact | None, now: str
    ) -> None: ...

    def next_incident_id(self) -> int: ...

    def add_update(
        self,
        *,
        incident_id: int,
        state: IncidentState,
        body: BilingualText,
        author: str,
        now: str,
        status: UpdateStatus,
        scheduled_for: str | None = None,
        component_changes: Iterable[ComponentChange] = (),
    ) -> int: ...

    def update(self, update_id: int) -> Update | None: ...

    def updates(self, incident_id: int) -> list[Update]: ...

    def component_changes(self, update_id: int) -> list[ComponentChange]: ...

    def set_component_changes(self, update_id: int, changes: Iterable[ComponentChange]) -> None: ...

    def last_published_at(self, incident_id: int) -> str | None: ...

    def postmortem(self, incident_id: int) -> Postmortem | None: ...

    def set_postmortem(
        self, incident_id: int, body: BilingualText, *, author: str, now: str
    ) -> Postmortem: ...


class ComponentStore(Protocol):
    """Components and the incidents that affect them; their names in both languages,
    descriptions and groups (issue #14). A group goes when its last member leaves; a component
    the history of an incident names is never removed (`ComponentInUse`), nor one active
    subscribers follow (`ComponentFollowed`)."""

    def components(self) -> list[Component]: ...

    def component_by_name(self, name: str) -> Component | None: ...

    def ensure_component(self, name_en: str, now: str, name_ar: str = "") -> Component: ...

    def component(self, component_id: int) -> Component | None: ...

    def add_component(
        self,
        name: BilingualText,
        now: str,
        *,
        description: BilingualText | None = None,
        group_id: int | None = None,
        actor: str = "",
    ) -> Component: ...

    def edit_component(
        self,
        component_id: int,
        now: str,
        *,
        name: BilingualText,
        description: BilingualText,
        group_id: int | None,
        actor: str = "",
    ) -> Component: ...

    def component_references(self, component_id: int) -> list[int]: ...

    def remove_component(self, component_id: int, now: str, *, actor: str = "") -> None: ...

    def groups(self) -> list[ComponentGroup]: ...

    def group_by_name(self, name: str) -> ComponentGroup | None: ...

    def ensure_group(self, name: BilingualText, now: str, *, actor: str = "") -> ComponentGroup: ...

    def set_component_status(
        self, component_id: int, status: ComponentStatus, now: str
    ) -> ComponentChange | None: ...

    def link_components(self, incident_id: int, component_ids: Iterable[int]) -> None: ...

    def restore_components(
        self, incident_id: int, explicit: Collection[int], now: str
    ) -> list[ComponentChange]: ...


class ScheduleStore(Protocol):
    """Scheduled updates and the next-update promise."""

    def add_scheduled_update(
        self,
        *,
        incident_id: int,
        state: IncidentState,
        body: BilingualText,
        author: str,
        now: str,
        scheduled_for: str,
        channel_ids: Iterable[int],
        impact: Impact | None = None,
        component_status: dict[str, ComponentStatus] | None = None,
        every_channel: bool = False,
        skip_reason: str | None = None,
        skip_by: str | None = None,
    ) -> int: ...

    def update_plan(self, update_id: int) -> UpdatePlan | None: ...

    def due_updates(self, now: str) -> list[Update]: ...

    def pending_updates(self, incident_id: int | None = None) -> list[Update]: ...

    def next_scheduled_for(self, incident_id: int | None = None) -> str | None: ...

    def take_update(
        self,
        update_id: int,
        from_statuses: Iterable[UpdateStatus],
        to_status: UpdateStatus,
        *,
        published_at: str | None = None,
        due_by: str | None = None,
        scheduled_for: str | None = None,
    ) -> bool: ...

    def edit_update_text(
        self, update_id: int, body: BilingualText, state: IncidentState | None
    ) -> bool: ...

    def set_next_update_due(self, incident_id: int, due: str | None) -> None: ...

    def set_cadence(
        self, incident_id: int, cadence_min: int, now: str, actor: str = ""
    ) -> None: ...

    def promised_incidents(self) -> list[Incident]: ...


class DeliveryStore(Protocol):
    """Deliveries: made, read, decided on; per-channel overrides."""

    def create_deliveries(
        self, update_id: int, channel_ids: Iterable[int], now: str
    ) -> list[int]: ...

    def create_skipped_deliveries(
        self, update_id: int, channel_ids: Iterable[int], reason: str, by: str, now: str
    ) -> list[int]: ...

    def delivery(self, delivery_id: int) -> Delivery | None: ...

    def deliveries_for_update(self, update_id: int) -> list[Delivery]: ...

    def not_out_for_channel(self, channel_id: int) -> list[Delivery]: ...

    def deliveries_for_incident(self, incident_id: int) -> dict[int, list[Delivery]]: ...

    def decide_delivery(
        self, delivery_id: int, decision: str, by: str, note: str, now: str
    ) -> Delivery: ...

    def outstanding_deliveries(self) -> int: ...

    def deliveries_needing_attention(self) -> int: ...

    def set_update_override(self, update_id: int, channel_id: int, text: str) -> None: ...

    def update_override(self, update_id: int, channel_id: int) -> str | None: ...

    def incident_deliveries(self, incident_id: int) -> dict[int, list[Delivery]]: ...


class LedgerStore(Protocol):
    """The delivery ledger: claims, leases, outcomes, kept renders, parts, recovery."""

    def runnable_deliveries(self, now: str, limit: int = 100) -> list[Delivery]: ...

    def claim_delivery(self, delivery_id: int, owner: str, lease_until: str, now: str) -> bool: ...

    def finish_delivery(
        self,
        delivery_id: int,
        state: DeliveryState,
        now: str,
        *,
        owner: str | None = None,
        remote_id: str | None = None,
        remote_url: str | None = None,
        error: str | None = None,
        next_attempt_at: str | None = None,
        attempt: int | None = None,
    ) -> bool: ...

    def renew_lease(
        self, delivery_id: int, owner: str, lease_until: str, attempt: int | None = None
    ) -> bool: ...

    def held_deliveries(self) -> list[dict[str, Any]]: ...

    def waiting_count(self) -> int: ...

    def release_abandoned(
        self, delivery_id: int, owner: str, now: str, attempt: int | None = None
    ) -> bool: ...

    def unknown_deliveries(self, now: str) -> list[Delivery]: ...

    def claim_for_reconcile(
        self, delivery_id: int, owner: str, lease_until: str, now: str
    ) -> bool: ...

    def kept_render_by_key(self, key: str) -> tuple[str | None, str] | None: ...

    def rendered_of(self, delivery_id: int) -> str | None: ...

    def keep_rendered(self, delivery_id: int, rendered: str, owner: str) -> None: ...

    def delivery_parts(self, delivery_id: int) -> list[dict[str, Any]]: ...

    def part_sending(self, delivery_id: int, seq: int, target: str) -> None: ...

    def parts_sending(self, delivery_id: int, parts: Sequence[tuple[int, str]]) -> None: ...

    def parts_finished(
        self, delivery_id: int, outcomes: Sequence[PartFinish], now: str
    ) -> None: ...

    def part_finished(
        self,
        delivery_id: int,
        seq: int,
        state: str,
        now: str,
        *,
        remote_id: str | None = None,
        remote_url: str | None = None,
        error: str | None = None,
    ) -> None: ...


class ChannelStore(Protocol):
    """The channels."""

    def channels(
        self, *, enabled_only: bool = False, include_removed: bool = False
    ) -> list[Channel]: ...

    def channel(self, channel_id: int) -> Channel | None: ...

    def channel_by_name(self, name: str) -> Channel | None: ...

    def add_channel(
        self,
        *,
        kind: str,
        name: str,
        now: str,
        language: Language = Language.BOTH,
        order: Order = Order.EN_FIRST,
        settings: dict[str, Any] | None = None,
        enabled: bool = True,
    ) -> int: ...

    def set_channel_enabled(
        self, channel_id: int, enabled: bool, now: str, actor: str = ""
    ) -> None: ...

    def set_channel_settings(self, channel_id: int, settings: dict[str, Any], now: str) -> None: ...

    def edit_channel(
        self,
        channel_id: int,
        *,
        language: Language,
        order: Order,
        settings: dict[str, Any],
        changed: Iterable[str],
        now: str,
        actor: str = "",
    ) -> None: ...

    def remove_channel(self, channel_id: int, now: str, actor: str = "") -> list[int]: ...


class SettingStore(Protocol):
    """The workspace's own settings."""

    def setting(self, key: str) -> str | None: ...

    def kept_settings(self) -> dict[str, str]:
        """Every setting kept, by key (one read)."""
        ...

    def set_setting(self, key: str, value: str | None, now: str, actor: str = "") -> None: ...


# Inside SubscriberStore, `list` is the method, not the type.
Subscribers = list[Subscriber]


class SubscriberStore(Protocol):
    """Email subscribers, each following some components (`component_ids`, ascending) or all
    of them (none chosen). Component ids given that do not exist raise UnknownComponent."""

    def list(self, active_only: bool = True) -> list[Subscriber]: ...

    def get(self, email: str) -> Subscriber | None: ...

    def by_token(self, token: str) -> Subscriber | None: ...

    def count_active(self) -> int: ...

    def audience(self, component_ids: Collection[int]) -> Subscribers:
        """Active subscribers, oldest first, following one of `component_ids` or every
        component; no ids: every active subscriber."""
        ...

    def followers(self, component_id: int) -> Subscribers:
        """Active subscribers who chose this component (not those following all)."""
        ...

    def add(
        self,
        email: str,
        language: Language | str,
        now: str,
        component_ids: Collection[int] = (),
    ) -> Subscriber: ...

    def edit(
        self,
        email: str,
        now: str,
        *,
        language: Language | str | None = None,
        component_ids: Collection[int] | None = None,
    ) -> Subscriber: ...

    def remove(self, email: str, now: str) -> Subscriber: ...

    def unsubscribe_token(self, token: str, now: str) -> Subscriber | None: ...

    def import_csv(self, path: str | Path, now: str) -> ImportResult: ...


class DraftStore(Protocol):
    """Drafts kept as they are typed."""

    def save_draft(
        self,
        target: int | None,
        content: dict[str, Any],
        now: str,
        *,
        based_on: str | None = ...,
        by: str = "",
    ) -> str: ...

    def drop_draft(self, target: int | None, *, based_on: str | None = ...) -> None: ...

    def saved_draft(self, target: int | None) -> SavedDraft | None: ...

    def drop_all_drafts(self) -> None: ...

    def saved_drafts(self) -> list[SavedDraft]: ...


class PresenceStore(Protocol):
    """Which desk has which incident open, and which language each is editing (issue #17).
    Each desk keeps its own row fresh; rows not seen since a moment are left out."""

    def announce(
        self,
        desk: str,
        author: str,
        incident_id: int | None,
        editing: str,
        now: str,
        *,
        tell: bool = True,
    ) -> None: ...

    def leave(self, desk: str) -> None: ...

    def forget(self, before: str) -> None: ...

    def present(self, incident_id: int, since: str, *, besides: str = "") -> list[Presence]: ...


class ThreadStore(Protocol):
    """Where each incident's thread stands on each posting channel (one thread per incident),
    found by a delivery's idempotency key. The anchor only moves forward (by delivery)."""

    def anchor(self, incident_id: int, channel_id: int) -> ThreadAnchor | None: ...

    def anchor_for(self, key: str) -> ThreadAnchor | None: ...

    def keep_anchor(
        self, key: str, root_id: str, last_id: str, refs: dict[str, Any], now: str
    ) -> bool: ...

    def earlier_in_flight(self, key: str) -> list[int]: ...


class ReviewStore(Protocol):
    """Updates submitted for review (issue #17): `in_review` until another person approves or
    returns them (`decide_review` is a claim: of two racing, exactly one wins); `waived` when a
    critical one went out at once. The submission is kept opaque."""

    def submit_review(
        self,
        *,
        incident_id: int | None,
        submission: dict[str, Any],
        author: str,
        now: str,
        state: str = ...,
        update_id: int | None = None,
    ) -> int: ...

    def review(self, review_id: int) -> Review | None: ...

    def reviews(self, states: tuple[str, ...] = ...) -> list[Review]: ...

    def reviews_of(self, incident_id: int) -> list[Review]: ...

    def decide_review(
        self, review_id: int, *, state: str, reviewer: str, now: str, comment: str = ""
    ) -> bool: ...

    def link_review(self, review_id: int, *, incident_id: int, update_id: int) -> None: ...


class StoreContract(Protocol):
    """One workspace's store: its parts over one connection, and the transaction they share."""

    @property
    def audit(self) -> EventLog: ...

    @property
    def incidents(self) -> IncidentStore: ...

    @property
    def components(self) -> ComponentStore: ...

    @property
    def schedule(self) -> ScheduleStore: ...

    @property
    def deliveries(self) -> DeliveryStore: ...

    @property
    def ledger(self) -> LedgerStore: ...

    @property
    def channels(self) -> ChannelStore: ...

    @property
    def settings(self) -> SettingStore: ...

    @property
    def subscribers(self) -> SubscriberStore: ...

    @property
    def drafts(self) -> DraftStore: ...

    @property
    def threads(self) -> ThreadStore: ...

    @property
    def presence(self) -> PresenceStore: ...

    @property
    def reviews(self) -> ReviewStore: ...

    def transaction(self) -> AbstractContextManager[None]:
        """All-or-nothing writes across every part; nested use joins the outer one."""
        ...

    def close(self) -> None: ...
