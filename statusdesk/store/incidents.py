"""Incidents and their updates: what was said, when, in which state."""

from __future__ import annotations

import json
from collections.abc import Iterable

from statusdesk.core.model import (
    BilingualText,
    ComponentStatus,
    Impact,
    Incident,
    IncidentKind,
    IncidentState,
    Postmortem,
    Update,
    UpdateStatus,
)
from statusdesk.store.audit import SQLiteAuditLog
from statusdesk.store.base import Database, SQLitePart
from statusdesk.store.records import ComponentChange, IncidentSummary
from statusdesk.store.rows import incident_from_row, postmortem_from_row, update_from_row


class SQLiteIncidents(SQLitePart):
    """The `incident` and `update` tables (scheduled updates: store/schedule.py)."""

    def __init__(self, database: Database, audit: SQLiteAuditLog) -> None:
        super().__init__(database)
        self._audit = audit

    def create_incident(
        self,
        *,
        title: BilingualText,
        kind: IncidentKind,
        state: IncidentState,
        impact: Impact,
        started_at: str,
        now: str,
        cadence_min: int = 30,
        window_start: str | None = None,
        window_end: str | None = None,
        actor: str = "",
    ) -> int:
        with self.transaction():
            incident_id = self._insert(
                "incident",
                {
                    "title_en": title.en,
                    "title_ar": title.ar,
                    "kind": kind.value,
                    "state": state.value,
                    "impact": impact.value,
                    "started_at": started_at,
                    "created_at": now,
                    "updated_at": now,
                    "resolved_at": now if state.is_closed else None,
                    "cadence_min": cadence_min,
                    "window_start": window_start,
                    "window_end": window_end,
                },
            )
            self._audit.log_event(
                "incident.opened",
                now,
                actor=actor,
                incident_id=incident_id,
                data={"title_en": title.en, "title_ar": title.ar, "kind": kind.value},
            )
        return incident_id

    def _component_ids(self, incident_ids: list[int]) -> dict[int, tuple[int, ...]]:
        if not incident_ids:
            return {}
        marks = ",".join("?" for _ in incident_ids)
        rows = self._rows(
            f"SELECT incident_id, component_id FROM incident_component "
            f"WHERE incident_id IN ({marks}) ORDER BY component_id",
            incident_ids,
        )
        found: dict[int, list[int]] = {}
        for row in rows:
            found.setdefault(row["incident_id"], []).append(row["component_id"])
        return {k: tuple(v) for k, v in found.items()}

    def incident(self, incident_id: int) -> Incident | None:
        rows = self._rows("SELECT * FROM incident WHERE id = ?", (incident_id,))
        if not rows:
            return None
        return incident_from_row(rows[0], self._component_ids([incident_id]).get(incident_id, ()))

    def incidents(self, *, since: str | None = None) -> list[Incident]:
        """Every incident, active ones first, then newest first."""
        rows = self._rows(
            "SELECT * FROM incident WHERE (? IS NULL OR resolved_at IS NULL OR resolved_at >= ?) "
            "ORDER BY resolved_at IS NOT NULL, started_at DESC, id DESC",
            (since, since),
        )
        links = self._component_ids([r["id"] for r in rows])
        return [incident_from_row(r, links.get(r["id"], ())) for r in rows]

    def incident_summaries(self) -> list[IncidentSummary]:
        """The incident list in one query: active first, then most recently started."""
        rows = self._rows(
            """
            SELECT i.*, u.last_published_at, COALESCE(u.n, 0) AS update_count
            FROM incident i
            LEFT JOIN (
                SELECT incident_id, MAX(published_at) AS last_published_at, COUNT(*) AS n
                FROM "update" WHERE status = 'published' GROUP BY incident_id
            ) u ON u.incident_id = i.id
            ORDER BY i.resolved_at IS NOT NULL, i.started_at DESC, i.id DESC
            """
        )
        return [
            IncidentSummary(incident_from_row(r), r["last_published_at"], r["update_count"])
            for r in rows
        ]

    def set_incident_state(
        self, incident_id: int, state: IncidentState, impact: Impact | None, now: str
    ) -> None:
        self._execute(
            """UPDATE incident SET state = ?, impact = COALESCE(?, impact), updated_at = ?,
               resolved_at = CASE WHEN ? = 1 THEN COALESCE(resolved_at, ?) ELSE NULL END
               WHERE id = ?""",
            (
                state.value,
                impact.value if impact else None,
                now,
                state.is_closed,
                now,
                incident_id,
            ),
        )

    def next_incident_id(self) -> int:
        """The id the next incident will get (SQLite gives max(rowid) + 1; incidents are never
        deleted). A guess for rendering `{incident_url}` before the row exists: the caller
        checks it within the transaction that creates it."""
        rows = self._rows("SELECT COALESCE(MAX(id), 0) + 1 AS n FROM incident")
        return int(rows[0]["n"])

    def add_update(
        self,
        *,
        incident_id: int,
        state: IncidentState,
        body: BilingualText,
        author: str,
        now: str,
        status: UpdateStatus,
        scheduled_for: str | None = None,
        component_changes: Iterable[ComponentChange] = (),
    ) -> int:
        return self._insert(
            "update",
            {
                "incident_id": incident_id,
                "state": state.value,
                "body_en": body.en,
                "body_ar": body.ar,
                "author": author,
                "created_at": now,
                "scheduled_for": scheduled_for,
                "status": status.value,
                "published_at": now if status is UpdateStatus.PUBLISHED else None,
                "component_changes": json.dumps(
                    [
                        {
                            "component_id": c.component_id,
                            "old_status": c.old_status.value,
                            "new_status": c.new_status.value,
                        }
                        for c in component_changes
                    ]
                ),
            },
        )

    def update(self, update_id: int) -> Update | None:
        rows = self._rows('SELECT * FROM "update" WHERE id = ?', (update_id,))
        return update_from_row(rows[0]) if rows else None

    def updates(self, incident_id: int) -> list[Update]:
        """An incident's updates, oldest first."""
        rows = self._rows(
            'SELECT * FROM "update" WHERE incident_id = ? ORDER BY created_at, id', (incident_id,)
        )
        return [update_from_row(r) for r in rows]

    def component_changes(self, update_id: int) -> list[ComponentChange]:
        rows = self._rows('SELECT component_changes FROM "update" WHERE id = ?', (update_id,))
        if not rows:
            return []
        return [
            ComponentChange(
                c["component_id"],
                ComponentStatus(c["old_status"]),
                ComponentStatus(c["new_status"]),
            )
            for c in json.loads(rows[0]["component_changes"])
        ]

    def set_component_changes(self, update_id: int, changes: Iterable[ComponentChange]) -> None:
        self._execute(
            'UPDATE "update" SET component_changes = ? WHERE id = ?',
            (
                json.dumps(
                    [
                        {
                            "component_id": c.component_id,
                            "old_status": c.old_status.value,
                            "new_status": c.new_status.value,
                        }
                        for c in changes
                    ]
                ),
                update_id,
            ),
        )

    def last_published_at(self, incident_id: int) -> str | None:
        rows = self._rows(
            """SELECT MAX(published_at) AS at FROM "update"
               WHERE incident_id = ? AND status = 'published'""",
            (incident_id,),
        )
        at = rows[0]["at"]
        return str(at) if at else None

    def postmortem(self, incident_id: int) -> Postmortem | None:
        rows = self._rows("SELECT * FROM postmortem WHERE incident_id = ?", (incident_id,))
        return postmortem_from_row(rows[0]) if rows else None

    def set_postmortem(
        self, incident_id: int, body: BilingualText, *, author: str, now: str
    ) -> Postmortem:
        """Write (or rewrite) an incident's postmortem: its first `published_at` is kept."""
        with self.transaction():
            before = self.postmortem(incident_id)
            self._execute(
                """INSERT INTO postmortem
                   (incident_id, body_en, body_ar, author, published_at, updated_at)
                   VALUES (?, ?, ?, ?, ?, ?)
                   ON CONFLICT (incident_id) DO UPDATE SET body_en = excluded.body_en,
                   body_ar = excluded.body_ar, author = excluded.author,
                   updated_at = excluded.updated_at""",
                (incident_id, body.en, body.ar, author, now, now),
            )
            self._audit.log_event(
                "incident.postmortem",
                now,
                actor=author,
                incident_id=incident_id,
                data={"replaced": before is not None},
            )
        found = self.postmortem(incident_id)
        assert found is not None
        return found
