"""The channels an update goes to (their kind, language, order and settings)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from statusdesk.core.model import Channel, Language, Order
from statusdesk.store.audit import SQLiteAuditLog
from statusdesk.store.base import Database, SQLitePart
from statusdesk.store.rows import channel_from_row


class SQLiteChannels(SQLitePart):
    """The `channel` table. A removed channel stays (its past deliveries name it)."""

    def __init__(self, database: Database, audit: SQLiteAuditLog) -> None:
        super().__init__(database)
        self._audit = audit

    def channels(
        self, *, enabled_only: bool = False, include_removed: bool = False
    ) -> list[Channel]:
        """The channels there are; `include_removed` adds the removed ones, for naming what
        they were sent in the past (deliveries, timelines, exports)."""
        where = ["TRUE"]
        if enabled_only:
            where.append("enabled = 1")
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
            self._audit.log_event(
                "channel.added", now, channel_id=channel_id, data={"kind": kind, "name": name}
            )
        return channel_id

    def set_channel_enabled(
        self, channel_id: int, enabled: bool, now: str, actor: str = ""
    ) -> None:
        with self.transaction():
            self._execute("UPDATE channel SET enabled = ? WHERE id = ?", (int(enabled), channel_id))
            self._audit.log_event(
                "channel.enabled" if enabled else "channel.disabled",
                now,
                actor=actor,
                channel_id=channel_id,
            )

    def set_channel_settings(self, channel_id: int, settings: dict[str, Any], now: str) -> None:
        with self.transaction():
            self._execute(
                "UPDATE channel SET settings = ? WHERE id = ?",
                (json.dumps(settings, ensure_ascii=False), channel_id),
            )
            # Setting names only: a value could be a URL with a token in it.
            self._audit.log_event(
                "channel.settings", now, channel_id=channel_id, data={"keys": sorted(settings)}
            )

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
            self._execute(
                'UPDATE channel SET language = ?, "order" = ?, settings = ? WHERE id = ?',
                (language.value, order.value, json.dumps(settings, ensure_ascii=False), channel_id),
            )
            # Setting names only: a value could be a URL with a token in it.
            self._audit.log_event(
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
            self._execute(
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
                    self._execute(
                        'UPDATE "update" SET channel_ids = ? WHERE id = ?',
                        (json.dumps(kept), planned["id"]),
                    )
                    taken_off.append(int(planned["id"]))
            self._audit.log_event(
                "channel.removed",
                now,
                actor=actor,
                channel_id=channel_id,
                data={"name": name, "scheduled_updates": taken_off},
            )
        return taken_off
