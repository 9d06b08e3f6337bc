"""Drafts kept as they are typed, so none is lost to a crash, a kill or a power cut (issue #8).

The composer holds one draft per target (a new incident, or an update on an incident). Each is
saved here, debounced, as JSON the GUI writes and reads back (gui/compose/drafts.py knows its
fields; the store keeps it opaque), and removed when it is published or discarded. A draft saved
for an incident that no longer exists is dropped when read, never shown against the wrong
incident.
"""

from __future__ import annotations

import json
from typing import Any

from statusdesk.store.base import SQLitePart
from statusdesk.store.records import SavedDraft

NEW_INCIDENT = "new"


def _key(target: int | None) -> str:
    return NEW_INCIDENT if target is None else str(target)


class SQLiteDrafts(SQLitePart):
    """The `draft` table: one row per target, not recorded in the audit log (a keystroke is
    not an event)."""

    def save_draft(self, target: int | None, content: dict[str, Any], now: str) -> None:
        text = json.dumps(content, ensure_ascii=False, sort_keys=True)
        with self.transaction():
            self._execute(
                "INSERT INTO draft (target, content, saved_at) VALUES (?, ?, ?) "
                "ON CONFLICT (target) DO UPDATE SET content = excluded.content, "
                "saved_at = excluded.saved_at",
                (_key(target), text, now),
            )

    def drop_draft(self, target: int | None) -> None:
        with self.transaction():
            self._execute("DELETE FROM draft WHERE target = ?", (_key(target),))

    def drop_all_drafts(self) -> None:
        with self.transaction():
            self._execute("DELETE FROM draft")

    def saved_drafts(self) -> list[SavedDraft]:
        """Every draft kept, oldest first; unreadable ones and those of vanished incidents left
        out."""
        rows = self._execute(
            "SELECT d.target, d.content, d.saved_at FROM draft d "
            "WHERE d.target = ? "
            "OR EXISTS (SELECT 1 FROM incident i WHERE CAST(i.id AS TEXT) = d.target) "
            "ORDER BY d.saved_at",
            (NEW_INCIDENT,),
        ).fetchall()
        drafts = []
        for target, content, saved_at in rows:
            try:
                parsed = json.loads(content)
            except ValueError:
                continue  # a half-written row cannot happen (one transaction), but never crash
            if isinstance(parsed, dict):
                key = None if target == NEW_INCIDENT else int(target)
                drafts.append(SavedDraft(key, parsed, str(saved_at)))
        return drafts
