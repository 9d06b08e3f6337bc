"""Publishing: the update and one pending delivery per chosen channel, in one transaction.

An update is published at once (`publish_update`) or scheduled (`schedule_update`: stored with
what it will do, no deliveries yet) and published when it falls due or a person sends it
(`publish_planned`), with the same effects: the incident's state, impact and components change,
its deliveries are created and its next-update promise is renewed — all in one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from statusdesk.core.model import (
    BilingualText,
    ComponentStatus,
    Draft,
    Impact,
    IncidentKind,
    IncidentState,
    UpdateStatus,
)
from statusdesk.core.promise import promised_due
from statusdesk.core.timefmt import iso, parse_iso
from statusdesk.store import Store
from statusdesk.store.records import ComponentChange, UpdatePlan


@dataclass(frozen=True)
class Published:
    incident_id: int
    update_id: int
    delivery_ids: tuple[int, ...]
    # Set for a scheduled update: when it goes out (no deliveries exist until then).
    scheduled_for: str | None = None
    # The enabled channels left out on purpose: `skipped` deliveries, never dispatched.
    skipped_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class LeftOut:
    """Enabled channels an update leaves out on purpose (issue #12 §1), why, and who decided.
    For a scheduled update, `every_channel` says it goes to each channel enabled when it falls
    due (nothing left out); else the channels enabled then and not chosen are skipped."""

    channel_ids: tuple[int, ...] = ()
    reason: str = ""
    by: str = ""
    every_channel: bool = False


def _apply_components(
    store: Store,
    incident_id: int,
    component_status: dict[str, ComponentStatus],
    now: str,
    state: IncidentState | None = None,
) -> list[ComponentChange]:
    changes = []
    ids = []
    for name, status in component_status.items():
        component = store.components.ensure_component(name, now)
        ids.append(component.id)
        change = store.components.set_component_status(component.id, status, now)
        if change is not None:
            changes.append(change)
    store.components.link_components(incident_id, ids)
    if state is not None and state.is_closed:
        # Resolved (or completed): what it affected is back, unless this update says otherwise.
        changes += store.components.restore_components(incident_id, set(ids), now)
    return changes


def publish_update(
    store: Store,
    *,
    incident_id: int,
    draft: Draft,
    channel_ids: Sequence[int],
    now: str,
    overrides: Mapping[int, str] | None = None,
    left_out: LeftOut | None = None,
) -> Published:
    """Record a published update and its deliveries; nothing is sent here. The channels
    `left_out` get their `skipped` deliveries in the same transaction.

    The caller hands the delivery ids to a dispatcher. If the process dies between this commit
    and the dispatch, the pending rows are still there for the next worker: nothing is lost.
    """
    with store.transaction():
        changes = _apply_components(store, incident_id, draft.component_status, now, draft.state)
        store.incidents.set_incident_state(incident_id, draft.state, draft.impact, now)
        update_id = store.incidents.add_update(
            incident_id=incident_id,
            state=draft.state,
            body=draft.body,
            author=draft.author,
            now=now,
            status=UpdateStatus.PUBLISHED,
            component_changes=changes,
        )
        for channel_id, text in (overrides or {}).items():
            store.deliveries.set_update_override(update_id, channel_id, text)
        delivery_ids = store.deliveries.create_deliveries(update_id, channel_ids, now)
        skipped_ids = _skip_left_out(store, update_id, left_out, now)
        refresh_promise(store, incident_id)
        store.audit.log_event(
            "update.published",
            now,
            actor=draft.author,
            incident_id=incident_id,
            update_id=update_id,
            data={
                "state": draft.state.value,
                "channels": list(channel_ids),
                **_left_out_data(left_out),
                "component_changes": [
                    [c.component_id, c.old_status.value, c.new_status.value] for c in changes
                ],
            },
        )
    return Published(incident_id, update_id, tuple(delivery_ids), skipped_ids=skipped_ids)


def _skip_left_out(
    store: Store, update_id: int, left_out: LeftOut | None, now: str
) -> tuple[int, ...]:
    if left_out is None or not left_out.channel_ids:
        return ()
    return tuple(
        store.deliveries.create_skipped_deliveries(
            update_id, left_out.channel_ids, left_out.reason, left_out.by, now
        )
    )


def _left_out_data(left_out: LeftOut | None) -> dict[str, object]:
    if left_out is None or not left_out.channel_ids:
        return {}
    return {"left_out": list(left_out.channel_ids), "skip_reason": left_out.reason}


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
    scheduled_for: str | None = None,
    left_out: LeftOut | None = None,
) -> Published:
    """A new incident and its first update (published now, or scheduled), all or nothing."""
    with store.transaction():
        incident_id = store.incidents.create_incident(
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
        if scheduled_for is not None:
            return schedule_update(
                store,
                incident_id=incident_id,
                draft=draft,
                channel_ids=channel_ids,
                now=now,
                scheduled_for=scheduled_for,
                overrides=overrides,
                left_out=left_out,
            )
        published = publish_update(
            store,
            incident_id=incident_id,
            draft=draft,
            channel_ids=channel_ids,
            now=now,
            overrides=overrides,
            left_out=left_out,
        )
    return published


def refresh_promise(store: Store, incident_id: int) -> str | None:
    """Renew `incident.next_update_due` from the latest update that went out, the cadence and
    (for a maintenance not yet started) the next planned announcement. Inside the caller's
    transaction."""
    incident = store.incidents.incident(incident_id)
    if incident is None:
        return None
    last = store.incidents.last_published_at(incident_id)
    planned = store.schedule.next_scheduled_for(incident_id)
    due = promised_due(
        kind=incident.kind,
        state=incident.state,
        published_at=parse_iso(last) if last else None,
        cadence_min=incident.cadence_min,
        next_scheduled=parse_iso(planned) if planned else None,
    )
    stamp = iso(due) if due else None
    store.schedule.set_next_update_due(incident_id, stamp)
    return stamp


def schedule_update(
    store: Store,
    *,
    incident_id: int,
    draft: Draft,
    channel_ids: Sequence[int],
    now: str,
    scheduled_for: str,
    overrides: Mapping[int, str] | None = None,
    left_out: LeftOut | None = None,
) -> Published:
    """Store an update to go out at `scheduled_for`, with everything it will do then; no
    deliveries yet (ARCHITECTURE §3: they are created when it is published). Without `left_out`
    (or with its `every_channel`) it goes to every channel enabled then; with its reason, the
    channels enabled then and not chosen get `skipped` deliveries then."""
    every = left_out is None or left_out.every_channel
    with store.transaction():
        update_id = store.schedule.add_scheduled_update(
            incident_id=incident_id,
            state=draft.state,
            body=draft.body,
            author=draft.author,
            now=now,
            scheduled_for=scheduled_for,
            channel_ids=channel_ids,
            impact=draft.impact,
            component_status=dict(draft.component_status),
            every_channel=every,
            skip_reason=left_out.reason or None if left_out and not every else None,
            skip_by=left_out.by or None if left_out and not every else None,
        )
        for channel_id, text in (overrides or {}).items():
            store.deliveries.set_update_override(update_id, channel_id, text)
        refresh_promise(store, incident_id)
        store.audit.log_event(
            "update.scheduled",
            now,
            actor=draft.author,
            incident_id=incident_id,
            update_id=update_id,
            data={
                "state": draft.state.value,
                "scheduled_for": scheduled_for,
                "channels": list(channel_ids),
                **({} if every else _left_out_data(left_out)),
            },
        )
    return Published(incident_id, update_id, (), scheduled_for)


def publish_planned(
    store: Store,
    *,
    update_id: int,
    now: str,
    from_statuses: Iterable[UpdateStatus],
    actor: str,
    trigger: str,
    due_by: str | None = None,
) -> Published | None:
    """Publish a scheduled (or stale) update now: claimed with one conditional UPDATE, its
    effects applied and its deliveries created in the same transaction. None when it was not
    (or no longer) in one of `from_statuses` — another process took it, or a person cancelled
    it — so of any number of racing callers exactly one publishes it.

    `scheduled_for` stays as it was (the intended time, for the timeline); `published_at` is
    when it actually went out.
    """
    with store.transaction():
        if not store.schedule.take_update(
            update_id, from_statuses, UpdateStatus.PUBLISHED, published_at=now, due_by=due_by
        ):
            return None
        plan = store.schedule.update_plan(update_id)
        assert plan is not None
        update = plan.update
        changes = _apply_components(
            store, update.incident_id, plan.component_status, now, update.state
        )
        store.incidents.set_incident_state(update.incident_id, update.state, plan.impact, now)
        store.incidents.set_component_changes(update_id, changes)
        delivery_ids = store.deliveries.create_deliveries(update_id, plan.channel_ids, now)
        left_out = planned_left_out(store, plan)
        skipped_ids = _skip_left_out(store, update_id, left_out, now)
        refresh_promise(store, update.incident_id)
        late = parse_iso(now) - parse_iso(update.scheduled_for) if update.scheduled_for else None
        store.audit.log_event(
            "update.published",
            now,
            actor=actor,
            incident_id=update.incident_id,
            update_id=update_id,
            data={
                "state": update.state.value,
                "channels": list(plan.channel_ids),
                **_left_out_data(left_out),
                "component_changes": [
                    [c.component_id, c.old_status.value, c.new_status.value] for c in changes
                ],
                "scheduled_for": update.scheduled_for,
                "late_seconds": late.total_seconds() if late is not None else None,
                "trigger": trigger,
                "author": update.author,
            },
        )
    return Published(
        update.incident_id,
        update_id,
        tuple(delivery_ids),
        update.scheduled_for,
        skipped_ids=skipped_ids,
    )


def planned_left_out(store: Store, plan: UpdatePlan) -> LeftOut | None:
    """What a scheduled update leaves out when it goes out: the channels enabled then that it
    did not choose, for the reason kept with it. None when it chose every channel (or was
    written before the reason was kept: schema V5)."""
    if not plan.skip_reason:
        return None
    chosen = set(plan.channel_ids)
    ids = tuple(c.id for c in store.channels.channels(enabled_only=True) if c.id not in chosen)
    return LeftOut(ids, plan.skip_reason, plan.skip_by or "")
