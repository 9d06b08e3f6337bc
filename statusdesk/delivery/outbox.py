"""Publishing: the update and one pending delivery per chosen channel, in one transaction."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from statusdesk.core.model import (
    BilingualText,
    ComponentStatus,
    Draft,
    Impact,
    IncidentKind,
    UpdateStatus,
)
from statusdesk.store import Store
from statusdesk.store.repo import ComponentChange


@dataclass(frozen=True)
class Published:
    incident_id: int
    update_id: int
    delivery_ids: tuple[int, ...]


def _apply_components(
    store: Store, incident_id: int, component_status: dict[str, ComponentStatus], now: str
) -> list[ComponentChange]:
    changes = []
    ids = []
    for name, status in component_status.items():
        component = store.ensure_component(name, now)
        ids.append(component.id)
        change = store.set_component_status(component.id, status, now)
        if change is not None:
            changes.append(change)
    store.link_components(incident_id, ids)
    return changes


def publish_update(
    store: Store,
    *,
    incident_id: int,
    draft: Draft,
    channel_ids: Sequence[int],
    now: str,
    overrides: Mapping[int, str] | None = None,
) -> Published:
    """Record a published update and its deliveries; nothing is sent here.

    The caller hands the delivery ids to a dispatcher. If the process dies between this commit
    and the dispatch, the pending rows are still there for the next worker: nothing is lost.
    """
    with store.transaction():
        changes = _apply_components(store, incident_id, draft.component_status, now)
        store.set_incident_state(incident_id, draft.state, draft.impact, now)
        update_id = store.add_update(
            incident_id=incident_id,
            state=draft.state,
            body=draft.body,
            author=draft.author,
            now=now,
            status=UpdateStatus.PUBLISHED,
            component_changes=changes,
        )
        for channel_id, text in (overrides or {}).items():
            store.set_update_override(update_id, channel_id, text)
        delivery_ids = store.create_deliveries(update_id, channel_ids, now)
        store.log_event(
            "update.published",
            now,
            actor=draft.author,
            incident_id=incident_id,
            update_id=update_id,
            data={
                "state": draft.state.value,
                "channels": list(channel_ids),
                "component_changes": [
                    [c.component_id, c.old_status.value, c.new_status.value] for c in changes
                ],
            },
        )
    return Published(incident_id, update_id, tuple(delivery_ids))


def open_incident(
    store: Store,
    *,
    title: BilingualText,
    kind: IncidentKind,
    impact: Impact,
    draft: Draft,
    channel_ids: Sequence[int],
    now: str,
    started_at: str | None = None,
    cadence_min: int = 30,
    window_start: str | None = None,
    window_end: str | None = None,
    overrides: Mapping[int, str] | None = None,
) -> Published:
    """A new incident and its first update, all or nothing."""
    with store.transaction():
        incident_id = store.create_incident(
            title=title,
            kind=kind,
            state=draft.state,
            impact=impact,
            started_at=started_at or now,
            now=now,
            cadence_min=cadence_min,
            window_start=window_start,
            window_end=window_end,
            actor=draft.author,
        )
        published = publish_update(
            store,
            incident_id=incident_id,
            draft=draft,
            channel_ids=channel_ids,
            now=now,
            overrides=overrides,
        )
    return published
