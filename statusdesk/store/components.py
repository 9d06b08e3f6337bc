"""Components (the parts of the service a status page lists) and their links to incidents."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from statusdesk.core.model import BilingualText, Component, ComponentGroup, ComponentStatus
from statusdesk.store.audit import SQLiteAuditLog
from statusdesk.store.base import Database, SQLitePart
from statusdesk.store.records import ComponentChange, ComponentFollowed, ComponentInUse
from statusdesk.store.rows import component_from_row, group_from_row

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


# The incidents whose history names a component: linked to it, or one of whose updates changed
# its status (an update's `component_changes`, Statuspage's affected_components).
_REFERENCES = {
    "sqlite": """
    SELECT incident_id FROM incident_component WHERE component_id = :id
    UNION
    SELECT u.incident_id FROM "update" u, json_each(u.component_changes) j
    WHERE u.component_changes != '[]' AND json_extract(j.value, '$.component_id') = :id
    ORDER BY 1
""",
    "postgres": """
    SELECT incident_id FROM incident_component WHERE component_id = :id
    UNION
    SELECT u.incident_id FROM "update" u, jsonb_array_elements(u.component_changes::jsonb) j
    WHERE u.component_changes != '[]' AND (j.value ->> 'component_id')::bigint = :id
    ORDER BY 1
""",
}


class SQLiteComponents(SQLitePart):
    """The `component` and `incident_component` tables."""

    def __init__(self, database: Database, audit: SQLiteAuditLog) -> None:
        super().__init__(database)
        self._audit = audit

    def components(self) -> list[Component]:
        rows = self._rows(f"SELECT * FROM component ORDER BY position, {self._nocase('name_en')}")
        return [component_from_row(r) for r in rows]

    def component_by_name(self, name: str) -> Component | None:
        rows = self._rows(
            f"SELECT * FROM component WHERE {self._same_nocase('name_en')} OR name_ar = ? LIMIT 1",
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
        self._execute(
            "UPDATE component SET status = ?, updated_at = ? WHERE id = ?",
            (status.value, now, component_id),
        )
        return ComponentChange(component_id, old, status)

    def link_components(self, incident_id: int, component_ids: Iterable[int]) -> None:
        self._executemany(
            "INSERT INTO incident_component (incident_id, component_id) VALUES (?, ?) "
            "ON CONFLICT DO NOTHING",
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
            for row in self._execute(
                "SELECT component_id FROM incident_component WHERE incident_id = ? "
                "ORDER BY component_id",
                (incident_id,),
            )
        ]
        changes = []
        for component_id in linked:
            if component_id in explicit:
                continue
            if self._execute(_HOLDING, (component_id, incident_id)).fetchone():
                continue
            change = self.set_component_status(component_id, ComponentStatus.OPERATIONAL, now)
            if change is not None:
                changes.append(change)
        return changes

    # -- managed by a person (issue #14): names in both languages, descriptions, groups --------

    def component(self, component_id: int) -> Component | None:
        rows = self._rows("SELECT * FROM component WHERE id = ?", (component_id,))
        return component_from_row(rows[0]) if rows else None

    def add_component(
        self,
        name: BilingualText,
        now: str,
        *,
        description: BilingualText | None = None,
        group_id: int | None = None,
        actor: str = "",
    ) -> Component:
        """A new component, last in order. The caller has checked the name is free (the
        English name is unique whatever its case; sqlite3.IntegrityError otherwise)."""
        description = description or BilingualText()
        with self.transaction():
            position = self._rows("SELECT COALESCE(MAX(position), -1) + 1 AS p FROM component")
            cid = self._insert(
                "component",
                {
                    "name_en": name.en,
                    "name_ar": name.ar,
                    "status": ComponentStatus.OPERATIONAL.value,
                    "position": position[0]["p"],
                    "created_at": now,
                    "updated_at": now,
                    "group_id": group_id,
                    "description_en": description.en,
                    "description_ar": description.ar,
                },
            )
            self._audit.log_event(
                "component.created",
                now,
                actor=actor,
                data={"name_en": name.en, "name_ar": name.ar, "id": cid, "group_id": group_id},
            )
        found = self.component(cid)
        assert found is not None
        return found

    def edit_component(
        self,
        component_id: int,
        now: str,
        *,
        name: BilingualText,
        description: BilingualText,
        group_id: int | None,
        actor: str = "",
    ) -> Component:
        """Set a component's names, description and group (all of them: the caller merges
        what did not change). A group left without members goes."""
        with self.transaction():
            self._execute(
                "UPDATE component SET name_en = ?, name_ar = ?, description_en = ?, "
                "description_ar = ?, group_id = ?, updated_at = ? WHERE id = ?",
                (name.en, name.ar, description.en, description.ar, group_id, now, component_id),
            )
            self._prune_groups()
            self._audit.log_event(
                "component.edited",
                now,
                actor=actor,
                data={"id": component_id, "name_en": name.en, "name_ar": name.ar,
                      "group_id": group_id},
            )  # fmt: skip
        found = self.component(component_id)
        assert found is not None
        return found

    def component_references(self, component_id: int) -> list[int]:
        """The incidents whose history names the component (linked, or an update changed it)."""
        return [r[0] for r in self._execute(_REFERENCES[self._dialect], {"id": component_id})]

    def remove_component(self, component_id: int, now: str, *, actor: str = "") -> None:
        """Delete a component no incident names; ComponentInUse otherwise (its incidents'
        pages, feeds, JSON and exports would lose the name). ComponentFollowed when active
        subscribers chose it (their email would silently stop). A group left empty goes too."""
        with self.transaction():
            component = self.component(component_id)
            if component is None:
                return
            used = self.component_references(component_id)
            if used:
                raise ComponentInUse(component, used)
            followers = [
                r[0]
                for r in self._execute(
                    "SELECT s.email FROM subscriber s JOIN subscriber_component sc "
                    "ON sc.subscriber_id = s.id WHERE sc.component_id = ? "
                    "AND s.unsubscribed_at IS NULL ORDER BY s.id",
                    (component_id,),
                )
            ]
            if followers:
                raise ComponentFollowed(component, followers)
            self._execute("DELETE FROM component WHERE id = ?", (component_id,))
            self._prune_groups()
            self._audit.log_event(
                "component.removed",
                now,
                actor=actor,
                data={"id": component_id, "name_en": component.name.en},
            )

    def groups(self) -> list[ComponentGroup]:
        rows = self._rows("SELECT * FROM component_group ORDER BY position, id")
        return [group_from_row(r) for r in rows]

    def group_by_name(self, name: str) -> ComponentGroup | None:
        rows = self._rows(
            f"SELECT * FROM component_group WHERE {self._same_nocase('name_en')} OR "
            "(name_ar != '' AND name_ar = ?) LIMIT 1",
            (name, name),
        )
        return group_from_row(rows[0]) if rows else None

    def ensure_group(self, name: BilingualText, now: str, *, actor: str = "") -> ComponentGroup:
        """The group named `name.en` (or `name.ar`), made if there is none; a non-empty
        `name.ar` given for an existing group becomes its Arabic name."""
        with self.transaction():
            found = self.group_by_name(name.en) or (
                self.group_by_name(name.ar) if name.ar else None
            )
            if found is None:
                position = self._rows(
                    "SELECT COALESCE(MAX(position), -1) + 1 AS p FROM component_group"
                )
                gid = self._insert(
                    "component_group",
                    {
                        "name_en": name.en,
                        "name_ar": name.ar,
                        "position": position[0]["p"],
                        "created_at": now,
                        "updated_at": now,
                    },
                )
                self._audit.log_event(
                    "component_group.created",
                    now,
                    actor=actor,
                    data={"id": gid, "name_en": name.en, "name_ar": name.ar},
                )
            else:
                gid = found.id
                if name.ar and name.ar != found.name.ar:
                    self._execute(
                        "UPDATE component_group SET name_ar = ?, updated_at = ? WHERE id = ?",
                        (name.ar, now, gid),
                    )
        rows = self._rows("SELECT * FROM component_group WHERE id = ?", (gid,))
        return group_from_row(rows[0])

    def _prune_groups(self) -> None:
        self._execute(
            "DELETE FROM component_group WHERE id NOT IN "
            "(SELECT group_id FROM component WHERE group_id IS NOT NULL)"
        )
