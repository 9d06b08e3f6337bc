"""Did an attempt whose answer was lost land on Statuspage? A POST is not idempotent, so
everything we create or change carries `metadata: {"statusdesk": {"incident": <ours>,
"key": <delivery key>}}` (`tag`), and this is what it is looked for by.

Before each request the delivery's part ledger records what it was about (create, or PATCH of
which incident, to which status, with which body digest); `StatuspageChannel.reconcile` reads
that back and asks here.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from statusdesk.channels.base import Permanent, Receipt, Rendered, Transient
from statusdesk.channels.statuspage import render as payload
from statusdesk.channels.statuspage.client import LOOK_AGAIN, StatuspageClient
from statusdesk.channels.statuspage.settings import page_id
from statusdesk.core.model import DeliveryState
from statusdesk.core.words import QT_TRANSLATE_NOOP

METADATA_NAMESPACE = "statusdesk"
LIST_LIMIT = 100  # their maximum per page; ours is among the newest

# Context "Delivery": the desk reads a stored delivery error back into these
# (delivery/failures.py) and says it in its language.
_THE_LIST = QT_TRANSLATE_NOOP("Delivery", "the list of incidents")
_AN_INCIDENT = QT_TRANSLATE_NOOP("Delivery", "incident {id}")
_NOT_A_LIST = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: Statuspage answered the list of incidents with something that is not a list.",
)
_GONE = QT_TRANSLATE_NOOP(
    "Delivery",
    "{channel}: incident {incident} is not on Statuspage page {page} any more, so whether this "
    "update reached it cannot be told.",
)


def tag(rendered: Rendered, key: str) -> dict[str, dict[str, str]]:
    """The metadata that marks an incident or update as this delivery's."""
    return {METADATA_NAMESPACE: {"incident": str(rendered.incident_id), "key": key}}


def metadata(incident: Mapping[str, Any]) -> Mapping[str, Any]:
    meta = incident.get("metadata")
    ours = meta.get(METADATA_NAMESPACE) if isinstance(meta, Mapping) else None
    return ours if isinstance(ours, Mapping) else {}


def same_patch(target: str, marker: Mapping[str, Any]) -> bool:
    """Whether a ledger target records a PATCH of the same incident, status and body."""
    try:
        other = json.loads(target)
    except ValueError:
        return False
    return isinstance(other, Mapping) and all(
        other.get(name) == marker.get(name) for name in ("op", "id", "status", "body")
    )


def find(
    client: StatuspageClient, api_key: str, wanted: Callable[[Mapping[str, Any]], bool]
) -> Mapping[str, Any] | None:
    """The newest of their incidents whose statusdesk metadata passes `wanted`."""
    response = client.request(
        "GET",
        f"{client.page_url()}/incidents",
        api_key,
        params={"limit": str(LIST_LIMIT), "page": "1"},
    )
    client.raise_for(response, _THE_LIST)
    try:
        incidents = response.json()
    except ValueError:
        incidents = None
    if not isinstance(incidents, list):
        raise Transient(_NOT_A_LIST.format(channel=client.name), then=LOOK_AGAIN)
    for incident in incidents:
        if isinstance(incident, Mapping) and incident.get("id") and wanted(metadata(incident)):
            return incident
    return None


def reconcile_create(client: StatuspageClient, key: str, api_key: str) -> Receipt | None:
    found = find(client, api_key, lambda meta: meta.get("key") == key)
    if found is None:
        return None
    return Receipt(
        remote_id=str(found["id"]),
        remote_url=found.get("shortlink") or None,
        detail=f"found incident {found['id']} by its metadata",
    )


def reconcile_patch(
    client: StatuspageClient, key: str, marker: Mapping[str, Any], api_key: str
) -> Receipt | None:
    their_id = str(marker.get("id", ""))
    response = client.request("GET", client.incident_url(their_id), api_key)
    if response.status_code == 404:
        # Not a glitch to wait out: a person must look (the dispatcher says so).
        page = page_id(client.config.settings)
        raise Permanent(_GONE.format(channel=client.name, incident=their_id, page=page))
    client.raise_for(response, _AN_INCIDENT.format(id=their_id), their_id=their_id)
    incident = client.json(response, _AN_INCIDENT.format(id=their_id))
    receipt = Receipt(
        remote_id=their_id,
        remote_url=incident.get("shortlink") or None,
        detail=f"found this update on incident {their_id}",
    )
    if metadata(incident).get("key") == key:
        return receipt
    # Ours may be any of their updates, not only the newest: later updates of the incident
    # may have gone out while this one's outcome was unknown (a runner killed mid-PATCH).
    # An update of ours with the same status and text that is known to have landed
    # accounts for one of them, so a repeated text that did not land is still sent.
    updates = [u for u in incident.get("incident_updates") or [] if isinstance(u, Mapping)]
    alike = sum(
        1
        for u in updates
        if u.get("status") == marker.get("status")
        and payload.body_digest(str(u.get("body") or "")) == marker.get("body")
    )
    if alike > landed_alike(client, key, marker):
        return receipt
    return None


def landed_alike(client: StatuspageClient, key: str, marker: Mapping[str, Any]) -> int:
    """How many other deliveries of this channel, for the same incident, are known to
    have landed a PATCH of the same incident with the same status and body digest."""
    store = client.context.open_store()
    try:
        kept = store.ledger.kept_render_by_key(key)
        if kept is None or kept[0] is None:
            return 0
        incident_id = Rendered.from_json(kept[0]).incident_id
        count = 0
        for deliveries in store.deliveries.deliveries_for_incident(incident_id).values():
            for delivery in deliveries:
                if (
                    delivery.channel_id != client.config.id
                    or delivery.idempotency_key == key
                    or delivery.state is not DeliveryState.SENT
                ):
                    continue
                for part in store.ledger.delivery_parts(delivery.id):
                    if part["seq"] == 0 and same_patch(part["target"], marker):
                        count += 1
        return count
    finally:
        store.close()
