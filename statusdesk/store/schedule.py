"""Scheduled updates (issue #5) and the next-update promise: what will go out, when, and what
an incident has promised its readers."""

from __future__ import annotations

import json
from collections.abc import Iterable

from statusdesk.core.model import (
    BilingualText,
    ComponentStatus,
    Impact,
    Incident,
    IncidentState,
    Update,
    UpdateStatus,
)
from statusdesk.store.audit import SQLiteAuditLog
from statusdesk.store.base import Database, SQLitePart
from statusdesk.store.channels import SQLiteChannels
from statusdesk.store.records import UpdatePlan
from statusdesk.store.rows import incident_from_row, update_from_row


class SQLiteSchedule(SQLitePart):
    """Scheduled rows of the `update` table, and the incident's cadence and promise."""

    def __init__(self, database: Database, audit: SQLiteAuditLog, channels: SQLiteChannels) -> None:
        super().__init__(database)
        self._audit = audit
        self._channels = channels

    def add_scheduled_update(
        self,
        *,
        incident_id: int,
        state: IncidentState,
        body: BilingualText,
        author: str,
        now: str,
        scheduled_for: str,
        channel_ids: Iterable[int],
        impact: Impact | None = None,
        component_status: dict[str, ComponentStatus] | None = None,
        every_channel: bool = False,
        skip_reason: str | None = None,
        skip_by: str | None = None,
    ) -> int:
        """An update that goes out at `scheduled_for`, with what it will do then: the impact and
        component statuses it sets and the channels it goes to (schema V3) — `every_channel`:
        each channel enabled then; else `channel_ids`, the others left out for `skip_reason`
        (schema V5)."""
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
                "status": UpdateStatus.SCHEDULED.value,
                "published_at": None,
                "component_changes": "[]",
                "impact": impact.value if impact else None,
                "component_plan": json.dumps(
                    {name: s.value for name, s in (component_status or {}).items()},
                    ensure_ascii=False,
                ),
                "channel_ids": json.dumps(list(channel_ids)),
                "every_channel": int(every_channel),
                "skip_reason": skip_reason,
                "skip_by": skip_by,
            },
        )

    def update_plan(self, update_id: int) -> UpdatePlan | None:
        rows = self._rows('SELECT * FROM "update" WHERE id = ?', (update_id,))
        if not rows:
            return None
        row = rows[0]
        channel_ids = tuple(json.loads(row["channel_ids"] or "[]"))
        if row.get("every_channel"):  # every channel enabled when it goes out (schema V5)
            channel_ids = tuple(c.id for c in self._channels.channels(enabled_only=True))
        return UpdatePlan(
            update=update_from_row(row),
            impact=Impact(row["impact"]) if row["impact"] else None,
            component_status={
                name: ComponentStatus(s) for name, s in json.loads(row["component_plan"]).items()
            },
            channel_ids=channel_ids,
            skip_reason=row.get("skip_reason"),
            skip_by=row.get("skip_by"),
        )

    def due_updates(self, now: str) -> list[Update]:
        """Scheduled updates whose time has come (stale ones wait for a person)."""
        rows = self._rows(
            """SELECT * FROM "update" WHERE status = 'scheduled' AND scheduled_for <= ?
               ORDER BY scheduled_for, id""",
            (now,),
        )
        return [update_from_row(r) for r in rows]

    def pending_updates(self, incident_id: int | None = None) -> list[Update]:
        """Scheduled and stale updates (not yet out, not cancelled), soonest first."""
        rows = self._rows(
            """SELECT * FROM "update" WHERE status IN ('scheduled', 'stale')
               AND (? IS NULL OR incident_id = ?) ORDER BY scheduled_for, id""",
            (incident_id, incident_id),
        )
        return [update_from_row(r) for r in rows]

    def next_scheduled_for(self, incident_id: int | None = None) -> str | None:
        """The soonest time a scheduled update falls due (of one incident, or of any)."""
        rows = self._rows(
            """SELECT MIN(scheduled_for) AS at FROM "update" WHERE status = 'scheduled'
               AND (? IS NULL OR incident_id = ?)""",
            (incident_id, incident_id),
        )
        at = rows[0]["at"]
        return str(at) if at else None

    def take_update(
        self,
        update_id: int,
        from_statuses: Iterable[UpdateStatus],
        to_status: UpdateStatus,
        *,
        published_at: str | None = None,
        due_by: str | None = None,
        scheduled_for: str | None = None,
    ) -> bool:
        """Move an update between statuses with one conditional UPDATE: of two processes (or a
        person and a runner) acting on the same update, exactly one succeeds. `due_by` adds
        "only if it is due by then"; `scheduled_for` sets a new time (a reschedule)."""
        sources = [s.value for s in from_statuses]
        marks = ",".join("?" for _ in sources)
        cursor = self._execute(
            f"""UPDATE "update" SET status = ?,
                   published_at = COALESCE(?, published_at),
                   scheduled_for = COALESCE(?, scheduled_for)
               WHERE id = ? AND status IN ({marks})
               AND (? IS NULL OR scheduled_for <= ?)""",
            (
                to_status.value,
                published_at,
                scheduled_for,
                update_id,
                *sources,
                due_by,
                due_by,
            ),
        )
        return cursor.rowcount == 1

    def edit_update_text(
        self, update_id: int, body: BilingualText, state: IncidentState | None
    ) -> bool:
        """New text (and state) for an update that has not gone out; False once it has."""
        cursor = self._execute(
            """UPDATE "update" SET body_en = ?, body_ar = ?, state = COALESCE(?, state)
               WHERE id = ? AND status IN ('scheduled', 'stale')""",
            (body.en, body.ar, state.value if state else None, update_id),
        )
        return cursor.rowcount == 1

    def set_next_update_due(self, incident_id: int, due: str | None) -> None:
        self._execute("UPDATE incident SET next_update_due = ? WHERE id = ?", (due, incident_id))

    def set_cadence(self, incident_id: int, cadence_min: int, now: str, actor: str = "") -> None:
        with self.transaction():
            self._execute(
                "UPDATE incident SET cadence_min = ?, updated_at = ? WHERE id = ?",
                (cadence_min, now, incident_id),
            )
            self._audit.log_event(
                "incident.cadence",
                now,
                actor=actor,
                incident_id=incident_id,
                data={"cadence_min": cadence_min},
            )

    def promised_incidents(self) -> list[Incident]:
        """The open incidents that owe their readers a next update (a read for `statusdesk
        run`'s lapse lines: one small query a poll, whatever the size of the history)."""
        rows = self._rows(
            "SELECT * FROM incident WHERE next_update_due IS NOT NULL "
            "AND state NOT IN ('resolved', 'completed') ORDER BY id"
        )
        return [incident_from_row(row) for row in rows]
