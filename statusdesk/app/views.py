"""Read models the CLI prints as JSON: an incident with its updates, deliveries, promise and
per-channel silence; an incident's deliveries."""

from __future__ import annotations

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
from statusdesk.core.parity import channel_parity


class Views:
    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx

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
        return detail

    def deliveries_view(self, incident_id: int) -> list[dict[str, Any]]:
        by_id = {c.id: c for c in self.ctx.store.channels.channels(include_removed=True)}
        grouped = self.ctx.store.deliveries.deliveries_for_incident(incident_id)
        return [
            delivery_json(d, by_id) for update_id in sorted(grouped) for d in grouped[update_id]
        ]
