"""The audit log (the `event` table): every part records its changes here, in the same
transaction as the change; exports and tests read it back."""

from __future__ import annotations

import json
from typing import Any

from statusdesk.redact import redact_data
from statusdesk.store.base import SQLitePart
from statusdesk.store.records import DeliveryEvent

_CADENCE = """
SELECT at, data FROM event
WHERE incident_id = ? AND kind IN ('incident.opened', 'incident.cadence') ORDER BY id
"""
# Each attempt's outcome and each person's decision — not the audit log's other events, nor
# the `delivery.sending` mark before each attempt (as many as the attempts, which the delivery
# counts).
_DELIVERY_EVENTS = """
SELECT delivery_id, at, kind, actor, data FROM event
WHERE incident_id = ? AND delivery_id IS NOT NULL AND kind LIKE 'delivery.%'
  AND kind != 'delivery.sending'
ORDER BY id
"""


class SQLiteAuditLog(SQLitePart):
    """The `event` table: appended to, never changed."""

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
    ) -> int:
        return self._insert(
            "event",
            {
                "at": at,
                "kind": kind,
                "actor": actor,
                "incident_id": incident_id,
                "update_id": update_id,
                "delivery_id": delivery_id,
                "channel_id": channel_id,
                # Errors and replies from outside can quote a secret: never into the record.
                "data": json.dumps(redact_data(data or {}), ensure_ascii=False),
            },
        )

    def events(self, incident_id: int | None = None) -> list[dict[str, Any]]:
        if incident_id is None:
            return self._rows("SELECT * FROM event ORDER BY id")
        return self._rows("SELECT * FROM event WHERE incident_id = ? ORDER BY id", (incident_id,))

    # -- the two bulk reads of a timeline export (issue #7): plain tuples ----------------------

    def delivery_events(self, incident_id: int) -> list[DeliveryEvent]:
        """The incident's delivery events, oldest first."""
        events: list[DeliveryEvent] = self._database.tuples(_DELIVERY_EVENTS, (incident_id,))
        return events

    def cadence_events(self, incident_id: int) -> list[tuple[str, str]]:
        """(at, data JSON) of the incident's opening and of every change of its cadence."""
        return [
            (str(at), str(data)) for at, data in self._database.tuples(_CADENCE, (incident_id,))
        ]
