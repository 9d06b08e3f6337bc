"""The two bulk reads of a timeline export (issue #7) that the Store's general queries make too
costly on a long incident (like store/subscribers.py, a module of the store package over a
Store: the SQL stays in the store).

- An incident's deliveries without the columns an export never shows: `delivery.rendered` holds
  the exact bytes of each first attempt (a whole email, a thread) and would be read 12,000 times
  over for 2,000 updates on 6 channels; `owner` and `lease_until` say which process held a row.
- An incident's delivery events only, as plain tuples: each attempt's outcome and each person's
  decision — not the audit log's other events, nor the `delivery.sending` mark before each
  attempt (as many as the attempts, which the delivery counts); and apart, the events that set
  its cadence.
"""

from __future__ import annotations

from typing import Any

from statusdesk.core.model import Delivery, DeliveryState
from statusdesk.store.db import WorkspaceError, describe_sqlite_error
from statusdesk.store.repo import Store

_DELIVERIES = """
SELECT d.id, d.update_id, d.channel_id, d.state, d.attempts, d.next_attempt_at,
       d.idempotency_key, d.remote_id, d.remote_url, d.last_error, d.sent_at, d.decided_by,
       d.decision_note
FROM delivery d JOIN "update" u ON u.id = d.update_id
WHERE u.incident_id = ? ORDER BY d.update_id, d.channel_id
"""
_CADENCE = """
SELECT at, data FROM event
WHERE incident_id = ? AND kind IN ('incident.opened', 'incident.cadence') ORDER BY id
"""
_EVENTS = """
SELECT delivery_id, at, kind, actor, data FROM event
WHERE incident_id = ? AND delivery_id IS NOT NULL AND kind LIKE 'delivery.%'
  AND kind != 'delivery.sending'
ORDER BY id
"""


# (delivery_id, at, kind, actor, data JSON); kind: delivery.sent, delivery.retry_wait,
# delivery.failed, delivery.skip, delivery.retry, ... Plain tuples: a long incident has tens of
# thousands.
DeliveryEvent = tuple[int, str, str, str, str]


_STATES = {s.value: s for s in DeliveryState}  # a dict lookup; DeliveryState(x) is slow


def _fetch(store: Store, sql: str, incident_id: int) -> list[Any]:
    import sqlite3

    try:
        return store.conn.execute(sql, (incident_id,)).fetchall()
    except sqlite3.OperationalError as exc:
        raise WorkspaceError(describe_sqlite_error(exc, store.path)) from exc


def incident_deliveries(store: Store, incident_id: int) -> dict[int, list[Delivery]]:
    """Every delivery of the incident, grouped by update id, in channel order (as
    `Store.deliveries_for_incident`, without `rendered` and the holder's lease)."""
    grouped: dict[int, list[Delivery]] = {}
    for row in _fetch(store, _DELIVERIES, incident_id):
        (id_, update_id, channel_id, state, attempts, next_at, key, remote_id, remote_url,
         error, sent_at, decided_by, note) = row  # fmt: skip
        delivery = Delivery(
            id=id_,
            update_id=update_id,
            channel_id=channel_id,
            state=_STATES[state],
            attempts=attempts,
            next_attempt_at=next_at,
            idempotency_key=key,
            remote_id=remote_id,
            remote_url=remote_url,
            last_error=error,
            sent_at=sent_at,
            decided_by=decided_by,
            decision_note=note,
        )
        bucket = grouped.get(delivery.update_id)
        if bucket is None:
            grouped[delivery.update_id] = [delivery]
        else:
            bucket.append(delivery)
    return grouped


def delivery_events(store: Store, incident_id: int) -> list[DeliveryEvent]:
    """The incident's delivery events, oldest first."""
    events: list[DeliveryEvent] = _fetch(store, _EVENTS, incident_id)
    return events


def cadence_events(store: Store, incident_id: int) -> list[tuple[str, str]]:
    """(at, data JSON) of the incident's opening and of every change of its cadence."""
    return [(str(at), str(data)) for at, data in _fetch(store, _CADENCE, incident_id)]
