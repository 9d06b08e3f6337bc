"""Closing an incident gives its components back (issue #12 §2).

A resolved incident (or a completed maintenance) that left "Major outage" on a component would
contradict itself on every surface that shows both: the status page, its api/v2 JSON and
Statuspage. So the update that closes it puts every component it affected back to
`operational` — except the ones that update sets itself, and the ones another incident still
holds (an open incident, or a maintenance under way, linked to the same component): their
status is that incident's to change.
"""

from __future__ import annotations

from collections.abc import Collection

from statusdesk.core.model import ComponentStatus
from statusdesk.store.repo import ComponentChange, Store

# A maintenance that has not started (scheduled) holds nothing yet; one under way does.
_HOLDING = """
    SELECT 1 FROM incident_component ic JOIN incident i ON i.id = ic.incident_id
    WHERE ic.component_id = ? AND i.id != ?
    AND (
        (i.kind = 'incident' AND i.state NOT IN ('resolved', 'completed'))
        OR (i.kind = 'maintenance' AND i.state IN ('in_progress', 'verifying'))
    )
    LIMIT 1
"""


def restore_components(
    store: Store, incident_id: int, explicit: Collection[int], now: str
) -> list[ComponentChange]:
    """Back to operational: the incident's components not in `explicit` and not held by another
    active incident. Inside the caller's transaction; returns what changed."""
    linked = [
        row[0]
        for row in store.conn.execute(
            "SELECT component_id FROM incident_component WHERE incident_id = ? "
            "ORDER BY component_id",
            (incident_id,),
        )
    ]
    changes = []
    for component_id in linked:
        if component_id in explicit:
            continue
        if store.conn.execute(_HOLDING, (component_id, incident_id)).fetchone():
            continue
        change = store.set_component_status(component_id, ComponentStatus.OPERATIONAL, now)
        if change is not None:
            changes.append(change)
    return changes
