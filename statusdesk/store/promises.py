"""The open incidents that owe their readers a next update (a read for `statusdesk run`'s
lapse lines: one small query a poll, whatever the size of the history)."""

from __future__ import annotations

from statusdesk.core.model import Incident
from statusdesk.store.repo import Store
from statusdesk.store.rows import incident_from_row


def promised_incidents(store: Store) -> list[Incident]:
    cursor = store.conn.execute(
        "SELECT * FROM incident WHERE next_update_due IS NOT NULL "
        "AND state NOT IN ('resolved', 'completed') ORDER BY id"
    )
    names = [d[0] for d in cursor.description]
    return [incident_from_row(dict(zip(names, row, strict=True))) for row in cursor.fetchall()]
