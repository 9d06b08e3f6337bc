"""What the app's window reads on its task runner, in one go each: the incident list with every
active incident's channel standings, the current incident's page, a delivery with the names a
message needs, the updates whose deliveries all have outcomes. Qt-free and testable without a
display; the GUI only shows them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from statusdesk.app.standings import ChannelStanding, channel_standings
from statusdesk.app.views import Views
from statusdesk.core.model import Channel, Component, Delivery, DeliveryState, Incident, Update
from statusdesk.store.records import IncidentSummary

IN_FLIGHT = (DeliveryState.PENDING, DeliveryState.SENDING)


def settled(deliveries: Sequence[Delivery]) -> bool:
    """Every delivery has had its attempt (a retry that waits counts: the bar says so)."""
    return all(d.state not in IN_FLIGHT for d in deliveries)


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


def delivery_facts(views: Views, delivery_id: int) -> DeliveryFacts | None:
    """Read on a worker: the delivery as stored now, its channel's name and its incident."""
    delivery = views.delivery(delivery_id)
    if delivery is None:
        return None
    channel = views.channel(delivery.channel_id)
    update = views.update(delivery.update_id)
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


class PageReads(Protocol):
    """What an incident's page is read from: the Desk's views, or the launcher's first read
    (app/startup.py), which has only a store."""

    def incident(self, incident_id: int) -> Incident | None: ...
    def updates(self, incident_id: int) -> list[Update]: ...
    def deliveries_for_incident(self, incident_id: int) -> dict[int, list[Delivery]]: ...
    def channels(self, *, include_removed: bool = False) -> list[Channel]: ...
    def components(self) -> list[Component]: ...


def most_recent_active(summaries: Sequence[IncidentSummary]) -> int | None:
    """The incident to open at launch, by its index: the active one that spoke last (or
    started last)."""
    best: tuple[str, int] | None = None
    for row, summary in enumerate(summaries):
        if not summary.incident.is_active:
            continue
        stamp = summary.last_published_at or summary.incident.started_at
        if best is None or stamp > best[0]:
            best = (stamp, row)
    return best[1] if best else None


def load_page(views: PageReads, incident_id: int) -> IncidentPage | None:
    incident = views.incident(incident_id)
    if incident is None:
        return None
    updates = views.updates(incident_id)
    deliveries = views.deliveries_for_incident(incident_id)
    channels = views.channels()
    return IncidentPage(
        incident=incident,
        updates=updates,
        deliveries=deliveries,
        # a removed channel's past deliveries keep its name
        channels={c.id: c for c in views.channels(include_removed=True)},
        components={c.id: c for c in views.components()},
        standings=channel_standings(updates, deliveries, channels),
    )


def read_view(views: Views, incident_id: int | None) -> ViewData:
    """Runs on the TaskRunner: the list query alone takes ~20 ms on a large workspace. Each
    active incident's channels are read too (two queries each), for the list's alarm marks."""
    page = load_page(views, incident_id) if incident_id is not None else None
    summaries = views.incident_summaries()
    channels = views.channels()
    standings: dict[int, tuple[ChannelStanding, ...]] = {}
    for summary in summaries:
        incident = summary.incident
        if not incident.is_active:
            continue
        if page is not None and page.incident.id == incident.id:
            standings[incident.id] = page.standings
        elif summary.update_count:
            standings[incident.id] = channel_standings(
                views.updates(incident.id),
                views.deliveries_for_incident(incident.id),
                channels,
            )
    return ViewData(summaries, incident_id, page, standings)


@dataclass(frozen=True)
class Settled:
    deliveries: list[Delivery]
    channels: dict[int, Channel]


def read_settled(views: Views, update_ids: tuple[int, ...]) -> dict[int, Settled]:
    """Of these updates, the ones whose every delivery has an outcome (TaskRunner work)."""
    found: dict[int, Settled] = {}
    channels: dict[int, Channel] | None = None
    for update_id in update_ids:
        deliveries = views.deliveries_for_update(update_id)
        if settled(deliveries):
            if channels is None:
                channels = {c.id: c for c in views.channels(include_removed=True)}
            found[update_id] = Settled(deliveries, channels)
    return found
