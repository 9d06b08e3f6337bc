"""The workspace's own settings (never a channel's): a key to a text."""

from __future__ import annotations

from statusdesk.store.audit import SQLiteAuditLog
from statusdesk.store.base import Database, SQLitePart


class SQLiteSettings(SQLitePart):
    """The `setting` table; every change recorded."""

    def __init__(self, database: Database, audit: SQLiteAuditLog) -> None:
        super().__init__(database)
        self._audit = audit

    def setting(self, key: str) -> str | None:
        rows = self._rows("SELECT value FROM setting WHERE key = ?", (key,))
        return str(rows[0]["value"]) if rows else None

    def kept_settings(self) -> dict[str, str]:
        """Every setting kept, at once (the app's first read: one query, not one per key)."""
        return {
            str(row["key"]): str(row["value"])
            for row in self._rows("SELECT key, value FROM setting", ())
        }

    def set_setting(self, key: str, value: str | None, now: str, actor: str = "") -> None:
        """Set (or, with None, remove) a workspace setting; recorded."""
        with self.transaction():
            if value is None:
                self._execute("DELETE FROM setting WHERE key = ?", (key,))
            else:
                self._execute(
                    "INSERT INTO setting (key, value) VALUES (?, ?) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (key, value),
                )
            self._audit.log_event(
                "setting.changed", now, actor=actor, data={"key": key, "value": value}
            )
