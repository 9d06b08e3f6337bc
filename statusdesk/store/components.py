"""Components (the parts of the service a status page lists) and their links to incidents."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from statusdesk.core.model import Component, ComponentStatus
from statusdesk.store.audit import SQLiteAuditLog
from statusdesk.store.base import SQLiteDatabase, SQLitePart
from statusdesk.store.records import ComponentChange
from statusdesk.store.rows import component_from_row

# Closing an incident gives its components back (issue #12 §2), except those another incident
# holds. A maintenance that has not started (scheduled) holds nothing yet; one under way does.
_HOLDING = """
    SELECT 1 FROM incident_component ic JOIN incident i ON i.id = ic.incident_id
    WHERE ic.component_id = ? AND i.id != ?
    AND (
        (i.kind = 'incident' AND i.state NOT IN ('resolved', 'completed'))
        OR (i.kind = 'maintenance' AND i.state IN ('in_progress', 'verifying'))
    )
    LIMIT 1
"""


class SQLiteComponents(SQLitePart):
    """The `component` and `incident_component` tables."""

    def __init__(self, database: SQLiteDatabase, audit: SQLiteAuditLog) -> None:
        super().__init__(database)
        self._audit = audit

    def components(self) -> list[Component]:
        rows = self._rows("SELECT * FROM component ORDER BY position, name_en COLLATE NOCASE")
        return [component_from_row(r) for r in rows]

    def component_by_name(self, name: str) -> Component | None:
        rows = self._rows(
            "SELECT * FROM component WHERE name_en = ? COLLATE NOCASE OR name_ar = ? LIMIT 1",
            (name, name),
        )
        return component_from_row(rows[0]) if rows else None

    def ensure_component(self, name_en: str, now: str, name_ar: str = "") -> Component:
        existing = self.component_by_name(name_en)
        if existing is not None:
            return existing
        with self.transaction():
            position = self._rows("SELECT COALESCE(MAX(position), -1) + 1 AS p FROM component")
            cid = self._insert(
                "component",
                {
                    "name_en": name_en,
                    "name_ar": name_ar,
                    "status": ComponentStatus.OPERATIONAL.value,
                    "position": position[0]["p"],
                    "created_at": now,
                    "updated_at": now,
                },
            )
            self._audit.log_event("component.created", now, data={"name_en": name_en, "id": cid})
        found = self.component_by_name(name_en)
        assert found is not None
        return found

    def set_component_status(
        self, component_id: int, status: ComponentStatus, now: str
    ) -> ComponentChange | None:
        rows = self._rows("SELECT status FROM component WHERE id = ?", (component_id,))
        old = ComponentStatus(rows[0]["status"])
        if old is status:
            return None
        self.conn.execute(
            "UPDATE component SET status = ?, updated_at = ? WHERE id = ?",
            (status.value, now, component_id),
        )
        return ComponentChange(component_id, old, status)

    def link_components(self, incident_id: int, component_ids: Iterable[int]) -> None:
        self.conn.executemany(
            "INSERT OR IGNORE INTO incident_component (incident_id, component_id) VALUES (?, ?)",
            [(incident_id, cid) for cid in component_ids],
        )

    def restore_components(
        self, incident_id: int, explicit: Collection[int], now: str
    ) -> list[ComponentChange]:
        """Back to operational: the incident's components not in `explicit` and not held by
        another active incident. Inside the caller's transaction; returns what changed.

        A resolved incident (or a completed maintenance) that left "Major outage" on a
        component would contradict itself on every surface that shows both: the status page,
        its api/v2 JSON and Statuspage. The ones another incident still holds (an open
        incident, or a maintenance under way, linked to the same component) are that
        incident's to change."""
        linked = [
            row[0]
            for row in self.conn.execute(
                "SELECT component_id FROM incident_component WHERE incident_id = ? "
                "ORDER BY component_id",
                (incident_id,),
            )
        ]
        changes = []
        for component_id in linked:
            if component_id in explicit:
                continue
            if self.conn.execute(_HOLDING, (component_id, incident_id)).fetchone():
                continue
            change = self.set_component_status(component_id, ComponentStatus.OPERATIONAL, now)
            if change is not None:
                changes.append(change)
        return changes
