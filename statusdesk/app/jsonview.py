"""The JSON shapes of the CLI's `--json` output (ARCHITECTURE §7) — a contract scripts rely on."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from statusdesk.core.cadence import ChannelSilence
from statusdesk.core.model import Channel, Component, Delivery, Incident, Update
from statusdesk.core.parity import ChannelParity


def incident_json(incident: Incident, components: dict[int, Component]) -> dict[str, Any]:
    return {
        "id": incident.id,
        "title_en": incident.title.en,
        "title_ar": incident.title.ar,
        "kind": incident.kind.value,
        "state": incident.state.value,
        "impact": incident.impact.value,
        "started_at": incident.started_at,
        "created_at": incident.created_at,
        "updated_at": incident.updated_at,
        "resolved_at": incident.resolved_at,
        "next_update_due": incident.next_update_due,
        "cadence_min": incident.cadence_min,
        "window_start": incident.window_start,
        "window_end": incident.window_end,
        "components": [
            {
                "id": components[cid].id,
                "name_en": components[cid].name.en,
                "name_ar": components[cid].name.ar,
                "status": components[cid].status.value,
            }
            for cid in incident.component_ids
            if cid in components
        ],
    }


def delivery_json(delivery: Delivery, channels: dict[int, Channel]) -> dict[str, Any]:
    channel = channels.get(delivery.channel_id)
    return {
        "id": delivery.id,
        "update_id": delivery.update_id,
        "channel": channel.name if channel else None,
        "channel_kind": channel.kind if channel else None,
        "state": delivery.state.value,
        "attempts": delivery.attempts,
        "next_attempt_at": delivery.next_attempt_at,
        "remote_id": delivery.remote_id,
        "remote_url": delivery.remote_url,
        "error": delivery.last_error,
        "sent_at": delivery.sent_at,
        "decided_by": delivery.decided_by,
        "decision_note": delivery.decision_note,
    }


def update_json(
    update: Update, deliveries: list[Delivery], channels: dict[int, Channel]
) -> dict[str, Any]:
    return {
        "id": update.id,
        "incident_id": update.incident_id,
        "state": update.state.value,
        "body_en": update.body.en,
        "body_ar": update.body.ar,
        "author": update.author,
        "created_at": update.created_at,
        "scheduled_for": update.scheduled_for,
        "status": update.status.value,
        "published_at": update.published_at,
        "deliveries": [delivery_json(d, channels) for d in deliveries],
    }


def silence_json(silence: list[ChannelSilence]) -> dict[str, Any]:
    """Per channel (ARCHITECTURE §7): when it last delivered, whether it missed the latest update
    (not sent and not explicitly skipped) and whether it skipped it."""
    return {
        s.channel: {
            "last_delivered_at": s.last_delivered_at,
            "missed_latest": s.missed_latest,
            "skipped": s.skipped,
        }
        for s in silence
    }


def parity_json(
    silence: list[ChannelSilence], parity: Mapping[str, ChannelParity]
) -> dict[str, Any]:
    """Beside `silence`, per channel: its delivery of the latest update (`latest_state`:
    `pending`/`retry_wait` is still on its way, `failed` needs a person, null when that update
    was not sent to it at all) and the newest update it actually delivered (`last_update_id`,
    `last_update_published_at`: how far behind what it shows is). Nothing here depends on when
    it is read; the GUI counts ages from these, as it counts the promise."""
    shown: dict[str, Any] = {}
    for s in silence:
        found = parity.get(s.channel)
        shown[s.channel] = {
            "latest_state": found.latest_state.value if found and found.latest_state else None,
            "last_update_id": found.last_update_id if found else None,
            "last_update_published_at": found.last_update_published_at if found else None,
        }
    return shown


def pending_update_json(
    update: Update, incident: Incident | None, channels: Sequence[Channel]
) -> dict[str, Any]:
    """`update list --json`: a scheduled or stale update, with its incident and channels."""
    return {
        "id": update.id,
        "incident_id": update.incident_id,
        "incident_title_en": incident.title.en if incident else None,
        "incident_title_ar": incident.title.ar if incident else None,
        "state": update.state.value,
        "status": update.status.value,
        "scheduled_for": update.scheduled_for,
        "body_en": update.body.en,
        "body_ar": update.body.ar,
        "author": update.author,
        "created_at": update.created_at,
        "channels": [c.name for c in channels],
    }


def channel_json(channel: Channel) -> dict[str, Any]:
    return {
        "id": channel.id,
        "kind": channel.kind,
        "name": channel.name,
        "enabled": channel.enabled,
        "language": channel.language.value,
        "order": channel.order.value,
        "settings": channel.settings,
    }
