"""The GUI's use cases as plain functions over a Desk, run on a TaskRunner worker.

The composer hands over a `DraftSnapshot` (immutable, copied on the GUI thread), so the worker
never reads a widget. Qt-free: each function is what the GUI does, testable without a display.
"""

from __future__ import annotations

import getpass
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from statusdesk.core.model import (
    BilingualText,
    Channel,
    Component,
    ComponentStatus,
    Delivery,
    DeliveryState,
    Draft,
    Impact,
    Incident,
    IncidentKind,
    IncidentState,
    Problem,
    Update,
    blocking,
)
from statusdesk.core.validation import body_problems, title_problems
from statusdesk.delivery.outbox import Published
from statusdesk.desk import Desk, Rejected, clean_text
from statusdesk.gui.usecases.publishing import settled
from statusdesk.gui.usecases.rhythm import ChannelStanding, channel_standings
from statusdesk.gui.widgets.labels import chip_label, delivery_reason, one_line
from statusdesk.store.repo import IncidentSummary


@dataclass(frozen=True)
class DraftSnapshot:
    """What the composer holds at one moment. `incident_id` None means a new incident."""

    incident_id: int | None
    kind: IncidentKind
    title: BilingualText
    body: BilingualText
    state: IncidentState
    impact: Impact
    # What this update sets: the component rows the user chose (#12 §2); `component_names`
    # every row shown, the incident's current ones too (what {components} in a template names).
    components: dict[str, ComponentStatus] = field(default_factory=dict)
    component_names: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    # A channel's own text for this update, by channel name (the custom post for X); only
    # ticked channels, only texts that are not blank.
    overrides: dict[str, str] = field(default_factory=dict)
    # Why the enabled channels not ticked are left out (issue #12 §1): asked at publish.
    skip_reason: str = ""

    @property
    def is_new_incident(self) -> bool:
        return self.incident_id is None

    def draft(self) -> Draft:
        return Draft(
            body=self.body,
            state=self.state,
            impact=self.impact,
            component_status=dict(self.components),
            author=author(),
            overrides=dict(self.overrides),
        )


def author() -> str:
    """Who publishes: the login name, recorded in the event log (empty if unknowable)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def check(desk: Desk, snapshot: DraftSnapshot) -> list[Problem]:
    """Everything that would stop (or should give pause to) publishing this draft.

    An empty draft has no problems to show yet: the "both bodies empty" message is for a
    publish attempt, not for a composer the user has not typed in.
    """
    problems: list[Problem] = []
    if snapshot.is_new_incident:
        if not snapshot.title.en and not snapshot.title.ar and not snapshot.body.languages():
            return []
        problems.extend(title_problems(clean_text(snapshot.title)))
        incident = provisional_incident(desk, snapshot)
    else:
        if not snapshot.body.languages():
            return []
        assert snapshot.incident_id is not None
        found = desk.store.incident(snapshot.incident_id)
        if found is None:
            return [Problem("incident", f"Incident {snapshot.incident_id} no longer exists.")]
        incident = found
    draft = snapshot.draft()
    draft = Draft(
        clean_text(draft.body),
        draft.state,
        draft.impact,
        draft.component_status,
        overrides=draft.overrides,
    )
    try:
        # No ticked box means no channel here; Desk would read "no names" as "all enabled".
        channels = desk.channel_configs(snapshot.channels) if snapshot.channels else []
    except Rejected as rejected:
        return problems + rejected.problems
    problems.extend(desk.check_draft(draft, channels, incident))
    return problems


def provisional_incident(desk: Desk, snapshot: DraftSnapshot) -> Incident:
    """The incident a new-incident draft would create, for the channels' checks."""
    now = desk.now()
    return Incident(
        id=0,
        title=clean_text(snapshot.title),
        kind=snapshot.kind,
        state=snapshot.state,
        impact=snapshot.impact,
        started_at=now,
        created_at=now,
        updated_at=now,
    )


def publish(
    desk: Desk, snapshot: DraftSnapshot, scheduled_for: datetime | None = None
) -> Published:
    """Write the update (and the incident, for a new one) and hand its deliveries to the
    dispatcher — or, with `scheduled_for`, store it to go out then (no delivery exists until
    it does). Raises `Rejected` for input that cannot go out, `WorkspaceError` when the
    workspace cannot be written."""
    if not snapshot.channels:
        # Desk reads "no names" as "every enabled channel"; in the GUI no ticked box means none.
        problems = blocking(body_problems(clean_text(snapshot.body), []))
        problems.append(Problem("channels", "No channel is chosen; tick at least one channel."))
        raise Rejected(problems)
    if snapshot.is_new_incident:
        return desk.open_incident(
            title=snapshot.title,
            draft=snapshot.draft(),
            kind=snapshot.kind,
            impact=snapshot.impact,
            channel_names=snapshot.channels,
            scheduled_for=scheduled_for,
            skip_reason=snapshot.skip_reason or None,
        )
    assert snapshot.incident_id is not None
    return desk.post_update(
        snapshot.incident_id,
        snapshot.draft(),
        channel_names=snapshot.channels,
        scheduled_for=scheduled_for,
        skip_reason=snapshot.skip_reason or None,
    )


# -- deliveries a person decides on -----------------------------------------------------------


def can_retry(delivery: Delivery) -> bool:
    """Failed, waiting for a person, or unknown with nobody checking it: what Retry offers
    (the store refuses the rest: sent, in flight, already queued)."""
    state = delivery.state
    return state.needs_attention or (state is DeliveryState.UNKNOWN and delivery.owner is None)


def can_skip(delivery: Delivery) -> bool:
    """What Skip offers: the same, and a delivery backing off between retries (a channel that
    is down for good should not hold the update's silence open for hours)."""
    return can_retry(delivery) or delivery.state is DeliveryState.RETRY_WAIT


@dataclass(frozen=True)
class DeliveryFacts:
    """A delivery with what a message about it needs to name."""

    delivery: Delivery
    channel: str
    incident_id: int


def delivery_facts(desk: Desk, delivery_id: int) -> DeliveryFacts | None:
    """Read on a worker: the delivery as stored now, its channel's name and its incident."""
    store = desk.store
    delivery = store.delivery(delivery_id)
    if delivery is None:
        return None
    channel = store.channel(delivery.channel_id)
    update = store.update(delivery.update_id)
    return DeliveryFacts(
        delivery=delivery,
        channel=channel.name if channel else f"channel {delivery.channel_id}",
        incident_id=update.incident_id if update else 0,
    )


@dataclass(frozen=True)
class IncidentPage:
    """Everything the view shows for one incident, read from the store in one go."""

    incident: Incident
    updates: Sequence[Update]  # oldest first, as the store returns them
    deliveries: Mapping[int, Sequence[Delivery]]  # by update id
    channels: Mapping[int, Channel]
    components: Mapping[int, Component]
    # Per channel, against the latest update that went out: the silence alarm (rhythm.py).
    standings: tuple[ChannelStanding, ...] = ()


@dataclass(frozen=True)
class ViewData:
    """What the window re-reads after a change: the incident list and the current page."""

    summaries: list[IncidentSummary]
    incident_id: int | None
    page: IncidentPage | None
    # The silence alarm of every active incident, by id: the list marks the rows that missed.
    standings: Mapping[int, tuple[ChannelStanding, ...]] = field(default_factory=dict)


def load_page(desk: Desk, incident_id: int) -> IncidentPage | None:
    store = desk.store
    incident = store.incident(incident_id)
    if incident is None:
        return None
    updates = store.updates(incident_id)
    deliveries = store.deliveries_for_incident(incident_id)
    channels = store.channels()
    return IncidentPage(
        incident=incident,
        updates=updates,
        deliveries=deliveries,
        # a removed channel's past deliveries keep its name
        channels={c.id: c for c in store.channels(include_removed=True)},
        components={c.id: c for c in store.components()},
        standings=channel_standings(updates, deliveries, channels),
    )


def read_view(desk: Desk, incident_id: int | None) -> ViewData:
    """Runs on the TaskRunner: the list query alone takes ~20 ms on a large workspace. Each
    active incident's channels are read too (two queries each), for the list's alarm marks."""
    store = desk.store
    page = load_page(desk, incident_id) if incident_id is not None else None
    summaries = store.incident_summaries()
    channels = store.channels()
    standings: dict[int, tuple[ChannelStanding, ...]] = {}
    for summary in summaries:
        incident = summary.incident
        if not incident.is_active:
            continue
        if page is not None and page.incident.id == incident.id:
            standings[incident.id] = page.standings
        elif summary.update_count:
            standings[incident.id] = channel_standings(
                store.updates(incident.id), store.deliveries_for_incident(incident.id), channels
            )
    return ViewData(summaries, incident_id, page, standings)


@dataclass(frozen=True)
class PublishOutcome:
    """A publish and the view that shows it, read on the same worker thread: the window shows
    the new incident current in the list at once, without a query on the GUI thread."""

    published: Published
    view: ViewData


def publish_and_read(
    desk: Desk, snapshot: DraftSnapshot, scheduled_for: datetime | None = None
) -> PublishOutcome:
    published = publish(desk, snapshot, scheduled_for)
    return PublishOutcome(published, read_view(desk, published.incident_id))


@dataclass(frozen=True)
class Settled:
    deliveries: list[Delivery]
    channels: dict[int, Channel]


def read_settled(desk: Desk, update_ids: tuple[int, ...]) -> dict[int, Settled]:
    """Of these updates, the ones whose every delivery has an outcome (TaskRunner work)."""
    found: dict[int, Settled] = {}
    channels: dict[int, Channel] | None = None
    for update_id in update_ids:
        deliveries = desk.store.deliveries_for_update(update_id)
        if settled(deliveries):
            if channels is None:
                channels = {c.id: c for c in desk.store.channels(include_removed=True)}
            found[update_id] = Settled(deliveries, channels)
    return found


@dataclass(frozen=True)
class DeliveryTarget:
    """A delivery offered to a person's decision (retry, skip), as the view shows it."""

    delivery: Delivery
    channel: str
    update: str  # the update's heading on its card: state · time

    @property
    def delivery_id(self) -> int:
        return self.delivery.id

    def describe(self, now: datetime) -> str:
        """One line for a chooser: channel and state, why, and which update."""
        reason = delivery_reason(self.delivery)
        why = f" — {one_line(reason, 120)}" if reason else ""
        return f"{self.channel}: {chip_label(self.delivery, now)}{why}  ·  update {self.update}"
