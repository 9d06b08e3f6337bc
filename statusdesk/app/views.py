"""What the CLI and the app read: the workspace's incidents, updates, channels and deliveries as
the domain's records, and the JSON read models the CLI prints (an incident with its updates,
deliveries, promise and per-channel silence). The interfaces read here, never the store: a
second backend, a cache or a live view (a team desk) changes this module, not theirs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from statusdesk.app.context import AppContext
from statusdesk.app.jsonview import (
    delivery_json,
    incident_json,
    parity_json,
    silence_json,
    update_json,
)
from statusdesk.core.cadence import channel_silence
from statusdesk.core.model import Channel, Component, Delivery, Incident, Update
from statusdesk.core.parity import channel_parity
from statusdesk.store.records import IncidentSummary, UpdatePlan


class Views:
    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx

    def workspace_version(self) -> int:
        """Changes whenever someone else (a process, a thread) wrote to the workspace since the
        last time this was asked (app/changes.py). No query: for timers that would re-read."""
        return self.ctx.changes.version()

    def when_written(self, callback: Callable[[], None]) -> bool:
        """Call `callback`, on another thread, whenever someone writes to the workspace (a team
        desk: the server says so at once); False when the views must ask `workspace_version`
        on a timer instead (SQLite)."""
        return self.ctx.changes.when_changed(callback)

    # -- records --------------------------------------------------------------------------------

    def incident(self, incident_id: int) -> Incident | None:
        return self.ctx.store.incidents.incident(incident_id)

    def incidents(self) -> list[Incident]:
        return self.ctx.store.incidents.incidents()

    def incident_summaries(self) -> list[IncidentSummary]:
        """Every incident with what its list row shows (the last update, counts)."""
        return self.ctx.store.incidents.incident_summaries()

    def update(self, update_id: int) -> Update | None:
        return self.ctx.store.incidents.update(update_id)

    def updates(self, incident_id: int) -> list[Update]:
        return self.ctx.store.incidents.updates(incident_id)

    def update_plan(self, update_id: int) -> UpdatePlan | None:
        """A scheduled update with the channels it will go to."""
        return self.ctx.store.schedule.update_plan(update_id)

    def components(self) -> list[Component]:
        return self.ctx.store.components.components()

    def channels(self, *, include_removed: bool = False) -> list[Channel]:
        """Every channel, enabled or not; removed ones only with `include_removed` (their past
        deliveries keep their names)."""
        return self.ctx.store.channels.channels(include_removed=include_removed)

    def channel(self, channel_id: int) -> Channel | None:
        return self.ctx.store.channels.channel(channel_id)

    def channel_by_name(self, name: str) -> Channel | None:
        return self.ctx.store.channels.channel_by_name(name)

    def delivery(self, delivery_id: int) -> Delivery | None:
        return self.ctx.store.deliveries.delivery(delivery_id)

    def deliveries_for_update(self, update_id: int) -> list[Delivery]:
        return self.ctx.store.deliveries.deliveries_for_update(update_id)

    def deliveries_for_incident(self, incident_id: int) -> dict[int, list[Delivery]]:
        return self.ctx.store.deliveries.deliveries_for_incident(incident_id)

    def deliveries_needing_attention(self) -> int:
        """Failed or undecided deliveries of incidents still open (the tray's red)."""
        return self.ctx.store.deliveries.deliveries_needing_attention()

    # -- the CLI's JSON ---------------------------------------------------------------------------

    def incident_detail(self, incident_id: int) -> dict[str, Any] | None:
        """`incident show --json`: the incident, its updates oldest first with deliveries, the
        next-update promise and per-channel silence."""
        store = self.ctx.store
        incident = store.incidents.incident(incident_id)
        if incident is None:
            return None
        components = {c.id: c for c in store.components.components()}
        channels = store.channels.channels()
        by_id = {c.id: c for c in store.channels.channels(include_removed=True)}
        updates = store.incidents.updates(incident_id)
        deliveries = store.deliveries.deliveries_for_incident(incident_id)
        detail = incident_json(incident, components)
        detail["updates"] = [update_json(u, deliveries.get(u.id, []), by_id) for u in updates]
        silence = channel_silence(updates, deliveries, channels)
        detail["silence"] = silence_json(silence)
        detail["parity"] = parity_json(silence, channel_parity(updates, deliveries, channels))
        postmortem = store.incidents.postmortem(incident_id)
        detail["postmortem"] = (
            None
            if postmortem is None
            else {
                "body_en": postmortem.body.en,
                "body_ar": postmortem.body.ar,
                "author": postmortem.author,
                "published_at": postmortem.published_at,
                "updated_at": postmortem.updated_at,
            }
        )
        return detail

    def deliveries_view(self, incident_id: int) -> list[dict[str, Any]]:
        by_id = {c.id: c for c in self.ctx.store.channels.channels(include_removed=True)}
        grouped = self.ctx.store.deliveries.deliveries_for_incident(incident_id)
        return [
            delivery_json(d, by_id) for update_id in sorted(grouped) for d in grouped[update_id]
        ]
