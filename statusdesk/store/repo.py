"""The workspace's queries. Callers pass `now`; nothing here reads a clock."""

from __future__ import annotations

import contextlib
import functools
import json
import sqlite3
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from statusdesk.core.model import (
    BilingualText,
    Channel,
    Component,
    ComponentStatus,
    Delivery,
    DeliveryState,
    Impact,
    Incident,
    IncidentKind,
    IncidentState,
    Language,
    Order,
    Update,
    UpdateStatus,
)
from statusdesk.redact import redact_data, redact_optional
from statusdesk.store.db import (
    WorkspaceError,
    describe_sqlite_error,
    integrity_check,
    open_database,
)

if TYPE_CHECKING:
    import sqlite_utils

from statusdesk.store.rows import (
    channel_from_row,
    component_from_row,
    delivery_from_row,
    incident_from_row,
    update_from_row,
)


@dataclass(frozen=True)
class IncidentSummary:
    """One row of the incident list: the incident and when it last spoke."""

    incident: Incident
    last_published_at: str | None
    update_count: int


@dataclass(frozen=True)
class ComponentChange:
    component_id: int
    old_status: ComponentStatus
    new_status: ComponentStatus


@dataclass(frozen=True)
class UpdatePlan:
    """A scheduled update and what it does when it goes out."""

    update: Update
    impact: Impact | None
    component_status: dict[str, ComponentStatus]
    channel_ids: tuple[int, ...]
    # Issue #12 §1: the enabled channels left out get a `skipped` delivery with this reason.
    skip_reason: str | None = None
    skip_by: str | None = None


def _still_open(conn: sqlite3.Connection) -> bool:
    """Whether `conn` is inside a transaction now. A function, so that a type checker that saw
    `in_transaction` false before a `yield` does not take it as false after."""
    return conn.in_transaction


class Store:
    """One connection to one workspace database. Not shared between threads: open another."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path

    @functools.cached_property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils over the same connection, made on first use: importing it costs about
        80 ms, which the window's start-up (reads only) need not pay."""
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    @classmethod
    def open(cls, path: Path, *, verify: bool = True) -> Store:
        """Open a workspace database; `verify=False` skips the integrity check and migrations
        for a further connection to a workspace this process has already opened."""
        conn, _backup = open_database(path, verify=verify)
        return cls(conn, Path(path))

    def close(self) -> None:
        self.conn.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """All-or-nothing writes; the write lock is taken up front (BEGIN IMMEDIATE).

        Nested use joins the outer transaction.
        """
        conn = self.conn
        if conn.in_transaction:
            yield
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise WorkspaceError(describe_sqlite_error(exc, self.path)) from exc
        try:
            yield
            conn.execute("COMMIT")
        except BaseException as exc:
            if _still_open(conn):
                conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.OperationalError):
                raise WorkspaceError(describe_sqlite_error(exc, self.path)) from exc
            raise

    def _rows(self, sql: str, params: Iterable[Any] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        try:
            cursor = self.conn.execute(sql, params if isinstance(params, dict) else tuple(params))
        except sqlite3.OperationalError as exc:
            raise WorkspaceError(describe_sqlite_error(exc, self.path)) from exc
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def _insert(self, table: str, record: dict[str, Any]) -> int:
        # sqlite-utils quotes names ("update" is a keyword) and nests in our transaction
        # through a savepoint.
        last_pk = self.db.table(table).insert(record).last_pk
        assert isinstance(last_pk, int)
        return last_pk

    def _delivery_context(self, delivery_id: int) -> dict[str, Any]:
        rows = self._rows(
            "SELECT u.incident_id, d.update_id, d.channel_id FROM delivery d "
            'JOIN "update" u ON u.id = d.update_id WHERE d.id = ?',
            (delivery_id,),
        )
        return rows[0] if rows else {}

    def full_integrity_check(self) -> list[str]:
        """The slow, complete check (run on demand or in the background)."""
        return integrity_check(self.conn)

    # -- events -------------------------------------------------------------------------------

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

    # -- components ---------------------------------------------------------------------------

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
            self.log_event("component.created", now, data={"name_en": name_en, "id": cid})
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

    # -- incidents ----------------------------------------------------------------------------

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
            self.log_event(
                "incident.opened",
                now,
                actor=actor,
                incident_id=incident_id,
                data={"title_en": title.en, "title_ar": title.ar, "kind": kind.value},
            )
        return incident_id

    def link_components(self, incident_id: int, component_ids: Iterable[int]) -> None:
        self.conn.executemany(
            "INSERT OR IGNORE INTO incident_component (incident_id, component_id) VALUES (?, ?)",
            [(incident_id, cid) for cid in component_ids],
        )

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
        self.conn.execute(
            """UPDATE incident SET state = ?, impact = COALESCE(?, impact), updated_at = ?,
               resolved_at = CASE WHEN ? THEN COALESCE(resolved_at, ?) ELSE NULL END
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

    # -- updates ------------------------------------------------------------------------------

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

    # -- channels -----------------------------------------------------------------------------

    def channels(
        self, *, enabled_only: bool = False, include_removed: bool = False
    ) -> list[Channel]:
        """The channels there are; `include_removed` adds the removed ones, for naming what
        they were sent in the past (deliveries, timelines, exports)."""
        where = ["1"]
        if enabled_only:
            where.append("enabled")
        if not include_removed:
            where.append("removed_at IS NULL")
        sql = f"SELECT * FROM channel WHERE {' AND '.join(where)} ORDER BY id"
        return [channel_from_row(r) for r in self._rows(sql)]

    def channel(self, channel_id: int) -> Channel | None:
        rows = self._rows("SELECT * FROM channel WHERE id = ?", (channel_id,))
        return channel_from_row(rows[0]) if rows else None

    def channel_by_name(self, name: str) -> Channel | None:
        rows = self._rows("SELECT * FROM channel WHERE name = ? AND removed_at IS NULL", (name,))
        return channel_from_row(rows[0]) if rows else None

    def add_channel(
        self,
        *,
        kind: str,
        name: str,
        now: str,
        language: Language = Language.BOTH,
        order: Order = Order.EN_FIRST,
        settings: dict[str, Any] | None = None,
        enabled: bool = True,
    ) -> int:
        with self.transaction():
            channel_id = self._insert(
                "channel",
                {
                    "kind": kind,
                    "name": name,
                    "enabled": int(enabled),
                    "language": language.value,
                    "order": order.value,
                    "settings": json.dumps(settings or {}, ensure_ascii=False),
                    "created_at": now,
                },
            )
            self.log_event(
                "channel.added", now, channel_id=channel_id, data={"kind": kind, "name": name}
            )
        return channel_id

    def set_channel_enabled(
        self, channel_id: int, enabled: bool, now: str, actor: str = ""
    ) -> None:
        with self.transaction():
            self.conn.execute(
                "UPDATE channel SET enabled = ? WHERE id = ?", (int(enabled), channel_id)
            )
            self.log_event(
                "channel.enabled" if enabled else "channel.disabled",
                now,
                actor=actor,
                channel_id=channel_id,
            )

    def set_channel_settings(self, channel_id: int, settings: dict[str, Any], now: str) -> None:
        with self.transaction():
            self.conn.execute(
                "UPDATE channel SET settings = ? WHERE id = ?",
                (json.dumps(settings, ensure_ascii=False), channel_id),
            )
            # Setting names only: a value could be a URL with a token in it.
            self.log_event(
                "channel.settings", now, channel_id=channel_id, data={"keys": sorted(settings)}
            )

    # -- channels changed by a person (issue #12 §7; see statusdesk/channel_ops.py) ---------------

    def edit_channel(
        self,
        channel_id: int,
        *,
        language: Language,
        order: Order,
        settings: dict[str, Any],
        changed: Iterable[str],
        now: str,
        actor: str = "",
    ) -> None:
        with self.transaction():
            self.conn.execute(
                'UPDATE channel SET language = ?, "order" = ?, settings = ? WHERE id = ?',
                (language.value, order.value, json.dumps(settings, ensure_ascii=False), channel_id),
            )
            # Setting names only: a value could be a URL with a token in it.
            self.log_event(
                "channel.edited",
                now,
                actor=actor,
                channel_id=channel_id,
                data={"keys": sorted(changed)},
            )

    def remove_channel(self, channel_id: int, now: str, actor: str = "") -> list[int]:
        """Soft removal: the row stays for its past deliveries; the name is freed; scheduled
        updates no longer go to it. Returns the scheduled updates it was taken off."""
        with self.transaction():
            row = self._rows("SELECT name FROM channel WHERE id = ?", (channel_id,))
            name = row[0]["name"]
            self.conn.execute(
                "UPDATE channel SET removed_at = ?, removed_name = name, name = ?, enabled = 0 "
                "WHERE id = ? AND removed_at IS NULL",
                (now, f"{name}/removed/{channel_id}", channel_id),
            )
            taken_off = []
            for planned in self._rows(
                "SELECT id, channel_ids FROM \"update\" WHERE status IN ('scheduled', 'stale') "
                "AND channel_ids IS NOT NULL"
            ):
                ids = json.loads(planned["channel_ids"] or "[]")
                if channel_id in ids:
                    kept = [i for i in ids if i != channel_id]
                    self.conn.execute(
                        'UPDATE "update" SET channel_ids = ? WHERE id = ?',
                        (json.dumps(kept), planned["id"]),
                    )
                    taken_off.append(int(planned["id"]))
            self.log_event(
                "channel.removed",
                now,
                actor=actor,
                channel_id=channel_id,
                data={"name": name, "scheduled_updates": taken_off},
            )
        return taken_off

    # -- deliveries ---------------------------------------------------------------------------

    def create_deliveries(self, update_id: int, channel_ids: Iterable[int], now: str) -> list[int]:
        ids = []
        for channel_id in channel_ids:
            ids.append(
                self._insert(
                    "delivery",
                    {
                        "update_id": update_id,
                        "channel_id": channel_id,
                        "state": DeliveryState.PENDING.value,
                        # The same key travels with every attempt, so a receiver (or our own
                        # reconcile step) can tell a retry from a new post.
                        "idempotency_key": f"sd-{uuid.uuid4()}",
                        "created_at": now,
                        "updated_at": now,
                    },
                )
            )
        return ids

    def create_skipped_deliveries(
        self, update_id: int, channel_ids: Iterable[int], reason: str, by: str, now: str
    ) -> list[int]:
        """Channels left out of an update on purpose (issue #12 §1): each a `skipped` delivery
        carrying the reason and who decided, logged as a person's skip is. In the caller's
        transaction, with the update's other deliveries."""
        ids = []
        for channel_id in channel_ids:
            delivery_id = self._insert(
                "delivery",
                {
                    "update_id": update_id,
                    "channel_id": channel_id,
                    "state": DeliveryState.SKIPPED.value,
                    "idempotency_key": f"sd-{uuid.uuid4()}",
                    "decided_by": by,
                    "decision_note": reason,
                    "created_at": now,
                    "updated_at": now,
                },
            )
            self.log_event(
                "delivery.skip",
                now,
                actor=by,
                delivery_id=delivery_id,
                **self._delivery_context(delivery_id),
                data={"from": None, "reason": reason, "left_out": True},
            )
            ids.append(delivery_id)
        return ids

    def delivery(self, delivery_id: int) -> Delivery | None:
        rows = self._rows("SELECT * FROM delivery WHERE id = ?", (delivery_id,))
        return delivery_from_row(rows[0]) if rows else None

    def deliveries_for_update(self, update_id: int) -> list[Delivery]:
        rows = self._rows(
            "SELECT * FROM delivery WHERE update_id = ? ORDER BY channel_id", (update_id,)
        )
        return [delivery_from_row(r) for r in rows]

    def deliveries_for_incident(self, incident_id: int) -> dict[int, list[Delivery]]:
        """Every delivery of an incident, grouped by update id."""
        rows = self._rows(
            'SELECT d.* FROM delivery d JOIN "update" u ON u.id = d.update_id '
            "WHERE u.incident_id = ? ORDER BY d.update_id, d.channel_id",
            (incident_id,),
        )
        grouped: dict[int, list[Delivery]] = {}
        for row in rows:
            grouped.setdefault(row["update_id"], []).append(delivery_from_row(row))
        return grouped

    def runnable_deliveries(self, now: str, limit: int = 100) -> list[Delivery]:
        rows = self._rows(
            "SELECT * FROM delivery WHERE state = 'pending' "
            "OR (state = 'retry_wait' AND next_attempt_at <= ?) ORDER BY id LIMIT ?",
            (now, limit),
        )
        return [delivery_from_row(r) for r in rows]

    def claim_delivery(self, delivery_id: int, owner: str, lease_until: str, now: str) -> bool:
        """Take a delivery for one attempt. One conditional UPDATE, so of two processes racing
        for the same row exactly one wins; the `sending` state is committed before any request
        leaves."""
        with self.transaction():
            cursor = self.conn.execute(
                """UPDATE delivery SET state = 'sending', attempts = attempts + 1, owner = ?,
                   lease_until = ?, updated_at = ?
                   WHERE id = ? AND (state = 'pending'
                       OR (state = 'retry_wait' AND next_attempt_at <= ?))""",
                (owner, lease_until, now, delivery_id, now),
            )
            won = cursor.rowcount == 1
            if won:
                self.log_event(
                    "delivery.sending",
                    now,
                    actor=owner,
                    delivery_id=delivery_id,
                    **self._delivery_context(delivery_id),
                )
        return won

    def finish_delivery(
        self,
        delivery_id: int,
        state: DeliveryState,
        now: str,
        *,
        owner: str | None = None,
        remote_id: str | None = None,
        remote_url: str | None = None,
        error: str | None = None,
        next_attempt_at: str | None = None,
        attempt: int | None = None,
    ) -> bool:
        """Record an attempt's outcome and let go of the row. With `owner`, only while the
        row is still that owner's: a worker whose lease ran out and was taken over must not
        overwrite what the new owner found. False when the row was not ours any more."""
        error, remote_url = redact_optional(error), redact_optional(remote_url)
        with self.transaction():
            cursor = self.conn.execute(
                """UPDATE delivery SET state = ?, remote_id = COALESCE(?, remote_id),
                   remote_url = COALESCE(?, remote_url), last_error = ?, next_attempt_at = ?,
                   sent_at = CASE WHEN ? = 'sent' THEN ? ELSE sent_at END,
                   owner = NULL, lease_until = NULL, updated_at = ?
                   WHERE id = ? AND (? IS NULL OR owner = ?)
                   AND (? IS NULL OR attempts = ?) -- `attempt`: a stale thread of the same
                   -- owner must not overwrite its later attempt's outcome
                   """,
                (
                    state.value,
                    remote_id,
                    remote_url,
                    error,
                    next_attempt_at,
                    state.value,
                    now,
                    now,
                    delivery_id,
                    owner,
                    owner,
                    attempt,
                    attempt,
                ),
            )
            if cursor.rowcount != 1:
                return False
            self.log_event(
                f"delivery.{state.value}",
                now,
                actor=owner or "",
                delivery_id=delivery_id,
                **self._delivery_context(delivery_id),
                data={"error": error, "remote_url": remote_url, "remote_id": remote_id},
            )
        return True

    def set_update_override(self, update_id: int, channel_id: int, text: str) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO update_override (update_id, channel_id, text) VALUES (?, ?, ?)",
            (update_id, channel_id, text),
        )

    def update_override(self, update_id: int, channel_id: int) -> str | None:
        rows = self._rows(
            "SELECT text FROM update_override WHERE update_id = ? AND channel_id = ?",
            (update_id, channel_id),
        )
        text = rows[0]["text"] if rows else None
        return text if isinstance(text, str) and text.strip() else None

    def kept_render_by_key(self, key: str) -> tuple[str | None, str] | None:
        """A delivery's kept first render (None before its first attempt) and when the
        delivery was made, by idempotency key; None for an unknown key."""
        rows = self._rows(
            "SELECT rendered, created_at FROM delivery WHERE idempotency_key = ?", (key,)
        )
        return (rows[0]["rendered"], str(rows[0]["created_at"])) if rows else None

    def rendered_of(self, delivery_id: int) -> str | None:
        rows = self._rows("SELECT rendered FROM delivery WHERE id = ?", (delivery_id,))
        return rows[0]["rendered"] if rows else None

    def keep_rendered(self, delivery_id: int, rendered: str, owner: str) -> None:
        """What the first attempt sends, committed before it leaves (see schema V2)."""
        with self.transaction():
            self.conn.execute(
                "UPDATE delivery SET rendered = ? WHERE id = ? AND owner = ? AND rendered IS NULL",
                (rendered, delivery_id, owner),
            )

    def renew_lease(
        self, delivery_id: int, owner: str, lease_until: str, attempt: int | None = None
    ) -> bool:
        """A long attempt (an email to many subscribers) keeps its row: without this another
        process would take a live holder for dead once the lease ran out. With `attempt`, only
        that attempt's lease."""
        with self.transaction():
            cursor = self.conn.execute(
                "UPDATE delivery SET lease_until = ? WHERE id = ? AND owner = ? "
                "AND (? IS NULL OR attempts = ?)",
                (lease_until, delivery_id, owner, attempt, attempt),
            )
        return cursor.rowcount == 1

    def held_deliveries(self) -> list[dict[str, Any]]:
        """Rows some process holds (an attempt or a reconciliation in flight): id, state, owner,
        lease_until, attempts. Recovery checks each owner's lease and, on this host, its process."""
        return self._rows(
            "SELECT id, state, owner, lease_until, attempts FROM delivery WHERE owner IS NOT NULL "
            "AND state IN ('sending', 'unknown')"
        )

    def release_abandoned(
        self, delivery_id: int, owner: str, now: str, attempt: int | None = None
    ) -> bool:
        """A holder died (its lease ran out, or its process is gone): its `sending` row becomes
        `unknown` — the request may have left — and is reconciled before anything is resent.
        With `attempt` (as `held_deliveries` read it), only while the row is still at that
        attempt: a holder that came back and claimed it again keeps its new attempt."""
        with self.transaction():
            cursor = self.conn.execute(
                """UPDATE delivery SET state = 'unknown', owner = NULL, lease_until = NULL,
                   last_error = COALESCE(last_error, ?), updated_at = ?
                   WHERE id = ? AND owner = ? AND state IN ('sending', 'unknown')
                   AND (? IS NULL OR attempts = ?)""",
                (
                    "The process sending this stopped mid-attempt; checking whether it landed.",
                    now,
                    delivery_id,
                    owner,
                    attempt,
                    attempt,
                ),
            )
            if cursor.rowcount == 1:
                self.log_event(
                    "delivery.abandoned",
                    now,
                    delivery_id=delivery_id,
                    **self._delivery_context(delivery_id),
                    data={"owner": owner},
                )
        return cursor.rowcount == 1

    def unknown_deliveries(self, now: str) -> list[Delivery]:
        """`unknown` rows nobody is reconciling, due for a look (a failed lookup waits)."""
        rows = self._rows(
            "SELECT * FROM delivery WHERE state = 'unknown' AND owner IS NULL "
            "AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY id",
            (now,),
        )
        return [delivery_from_row(r) for r in rows]

    def claim_for_reconcile(self, delivery_id: int, owner: str, lease_until: str, now: str) -> bool:
        """Take an `unknown` delivery to find out whether it landed (one conditional UPDATE,
        as for sending: two processes never reconcile, and then resend, the same row)."""
        with self.transaction():
            cursor = self.conn.execute(
                """UPDATE delivery SET owner = ?, lease_until = ?, updated_at = ?
                   WHERE id = ? AND state = 'unknown' AND owner IS NULL""",
                (owner, lease_until, now, delivery_id),
            )
        return cursor.rowcount == 1

    def decide_delivery(
        self, delivery_id: int, decision: str, by: str, note: str, now: str
    ) -> Delivery:
        """A person's decision on a delivery: `retry` (back to pending, same idempotency key)
        or `skip` (a recorded, reasoned silence). Raises ValueError when the delivery's state
        does not allow it; the message says why."""
        with self.transaction():
            current = self.delivery(delivery_id)
            if current is None:
                raise ValueError(f"There is no delivery {delivery_id}.")
            state = current.state
            if state == DeliveryState.SENT:
                raise ValueError(f"Delivery {delivery_id} was already sent; nothing to decide.")
            if state == DeliveryState.SKIPPED and decision == "skip":
                raise ValueError(f"Delivery {delivery_id} is already skipped.")
            if state == DeliveryState.SENDING or (
                state == DeliveryState.UNKNOWN and current.owner is not None
            ):
                raise ValueError(
                    f"Delivery {delivery_id} is being sent right now; wait for its outcome."
                )
            if decision == "retry" and state == DeliveryState.PENDING:
                raise ValueError(f"Delivery {delivery_id} is already waiting to be sent.")
            target = DeliveryState.PENDING if decision == "retry" else DeliveryState.SKIPPED
            # A refused delivery never landed: its retry may carry what the user fixed since
            # (settings, text). One that may have landed keeps its bytes for its key.
            # ...unless some of its parts went out (a thread refused at post 3): those parts
            # and the ones to come must stay one text.
            rerender = (
                decision == "retry"
                and state == DeliveryState.FAILED
                and not any(p["state"] == "sent" for p in self.delivery_parts(delivery_id))
            )
            self.conn.execute(
                """UPDATE delivery SET state = ?, next_attempt_at = NULL, decided_by = ?,
                   decision_note = ?, updated_at = ?,
                   rendered = CASE WHEN ? THEN NULL ELSE rendered END WHERE id = ?""",
                (target.value, by, note or None, now, rerender, delivery_id),
            )
            self.log_event(
                f"delivery.{decision}",
                now,
                actor=by,
                delivery_id=delivery_id,
                **self._delivery_context(delivery_id),
                data={"from": state.value, "reason": note},
            )
        found = self.delivery(delivery_id)
        assert found is not None
        return found

    def outstanding_deliveries(self) -> int:
        """Deliveries not yet out: neither sent nor skipped."""
        rows = self._rows(
            "SELECT COUNT(*) AS n FROM delivery WHERE state NOT IN ('sent', 'skipped')"
        )
        return int(rows[0]["n"])

    def deliveries_needing_attention(self) -> int:
        """Failed or undecided deliveries of incidents still open: what the tray shows red.
        Those of closed incidents are history (the export reports them), not a call to act."""
        rows = self._rows(
            "SELECT COUNT(*) AS n FROM delivery d "
            'JOIN "update" u ON u.id = d.update_id JOIN incident i ON i.id = u.incident_id '
            "WHERE d.state IN ('failed', 'needs_decision') "
            "AND i.state NOT IN ('resolved', 'completed')"
        )
        return int(rows[0]["n"])

    # -- delivery parts (threads, recipients) ---------------------------------------------------

    def delivery_parts(self, delivery_id: int) -> list[dict[str, Any]]:
        return self._rows(
            "SELECT * FROM delivery_part WHERE delivery_id = ? ORDER BY seq", (delivery_id,)
        )

    def part_sending(self, delivery_id: int, seq: int, target: str) -> None:
        with self.transaction():
            self.conn.execute(
                """INSERT INTO delivery_part (delivery_id, seq, target, state)
                   VALUES (?, ?, ?, 'sending')
                   ON CONFLICT (delivery_id, seq)
                   DO UPDATE SET state = 'sending', target = excluded.target""",
                (delivery_id, seq, target),
            )

    def part_finished(
        self,
        delivery_id: int,
        seq: int,
        state: str,
        now: str,
        *,
        remote_id: str | None = None,
        remote_url: str | None = None,
        error: str | None = None,
    ) -> None:
        error, remote_url = redact_optional(error), redact_optional(remote_url)
        with self.transaction():
            self.conn.execute(
                """UPDATE delivery_part SET state = ?, remote_id = ?, remote_url = ?,
                   last_error = ?, sent_at = CASE WHEN ? = 'sent' THEN ? ELSE sent_at END
                   WHERE delivery_id = ? AND seq = ?""",
                (state, remote_id, remote_url, error, state, now, delivery_id, seq),
            )

    # -- settings (the workspace's own, never a channel's) --------------------------------------

    def setting(self, key: str) -> str | None:
        rows = self._rows("SELECT value FROM setting WHERE key = ?", (key,))
        return str(rows[0]["value"]) if rows else None

    def set_setting(self, key: str, value: str | None, now: str, actor: str = "") -> None:
        """Set (or, with None, remove) a workspace setting; recorded."""
        with self.transaction():
            if value is None:
                self.conn.execute("DELETE FROM setting WHERE key = ?", (key,))
            else:
                self.conn.execute(
                    "INSERT INTO setting (key, value) VALUES (?, ?) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (key, value),
                )
            self.log_event("setting.changed", now, actor=actor, data={"key": key, "value": value})

    # -- scheduled updates (issue #5) -------------------------------------------------------------

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
            channel_ids = tuple(c.id for c in self.channels(enabled_only=True))
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
        cursor = self.conn.execute(
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
        cursor = self.conn.execute(
            """UPDATE "update" SET body_en = ?, body_ar = ?, state = COALESCE(?, state)
               WHERE id = ? AND status IN ('scheduled', 'stale')""",
            (body.en, body.ar, state.value if state else None, update_id),
        )
        return cursor.rowcount == 1

    def set_component_changes(self, update_id: int, changes: Iterable[ComponentChange]) -> None:
        self.conn.execute(
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

    # -- the next-update promise ----------------------------------------------------------------

    def set_next_update_due(self, incident_id: int, due: str | None) -> None:
        self.conn.execute(
            "UPDATE incident SET next_update_due = ? WHERE id = ?", (due, incident_id)
        )

    def set_cadence(self, incident_id: int, cadence_min: int, now: str, actor: str = "") -> None:
        with self.transaction():
            self.conn.execute(
                "UPDATE incident SET cadence_min = ?, updated_at = ? WHERE id = ?",
                (cadence_min, now, incident_id),
            )
            self.log_event(
                "incident.cadence",
                now,
                actor=actor,
                incident_id=incident_id,
                data={"cadence_min": cadence_min},
            )

    def last_published_at(self, incident_id: int) -> str | None:
        rows = self._rows(
            """SELECT MAX(published_at) AS at FROM "update"
               WHERE incident_id = ? AND status = 'published'""",
            (incident_id,),
        )
        at = rows[0]["at"]
        return str(at) if at else None

    def next_incident_id(self) -> int:
        """The id the next incident will get (SQLite gives max(rowid) + 1; incidents are never
        deleted). A guess for rendering `{incident_url}` before the row exists: the caller
        checks it within the transaction that creates it."""
        rows = self._rows("SELECT COALESCE(MAX(id), 0) + 1 AS n FROM incident")
        return int(rows[0]["n"])
