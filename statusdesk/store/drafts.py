"""Drafts kept as they are typed, so none is lost to a crash, a kill or a power cut (issue #8).

The composer holds one draft per target (a new incident, or an update on an incident). Each is
saved here, debounced, as JSON the GUI writes and reads back (gui/compose/drafts.py knows its
fields; the store keeps it opaque), and removed when it is published or discarded. A draft saved
for an incident that no longer exists is dropped when read, never shown against the wrong
incident.
"""

from __future__ import annotations

import json
import uuid
from typing import Any, Final

from statusdesk.store.base import SQLitePart
from statusdesk.store.records import SavedDraft

NEW_INCIDENT = "new"
# `based_on` for a save or drop that overwrites whatever is kept (a revision is 32 hex digits,
# so no draft ever has this one); None: "there was no draft".
ANY_REVISION: Final = "any"


class DraftConflict(Exception):
    """Someone else saved (or dropped) the draft since the revision a save was based on;
    nothing was written. `theirs`: the draft as kept now (None: there is none)."""

    def __init__(self, target: int | None, theirs: SavedDraft | None) -> None:
        super().__init__(f"the draft of {_key(target)} was saved by another desk meanwhile")
        self.target = target
        self.theirs = theirs


def _key(target: int | None) -> str:
    return NEW_INCIDENT if target is None else str(target)


class SQLiteDrafts(SQLitePart):
    """The `draft` table: one row per target, not recorded in the audit log (a keystroke is
    not an event)."""

    def save_draft(
        self,
        target: int | None,
        content: dict[str, Any],
        now: str,
        *,
        based_on: str | None = ANY_REVISION,
        by: str = "",
    ) -> str:
        """Keep `content` as `target`'s draft; its new revision. DraftConflict (nothing
        written) when the draft kept is not revision `based_on` (None: when one is kept)."""
        text = json.dumps(content, ensure_ascii=False, sort_keys=True)
        revision = uuid.uuid4().hex
        with self.transaction():
            self._refuse_unless(target, based_on)
            self._execute(
                "INSERT INTO draft (target, content, saved_at, revision, saved_by) "
                "VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (target) DO UPDATE SET content = excluded.content, "
                "saved_at = excluded.saved_at, revision = excluded.revision, "
                "saved_by = excluded.saved_by",
                (_key(target), text, now, revision, by),
            )
        return revision

    def drop_draft(self, target: int | None, *, based_on: str | None = ANY_REVISION) -> None:
        """Remove `target`'s draft; DraftConflict (nothing removed) when the draft kept is not
        revision `based_on` — another desk's newer text is never thrown away unseen."""
        with self.transaction():
            self._refuse_unless(target, based_on)
            self._execute("DELETE FROM draft WHERE target = ?", (_key(target),))

    def _refuse_unless(self, target: int | None, based_on: str | None) -> None:
        if based_on == ANY_REVISION:
            return
        kept = self.saved_draft(target)
        if (kept.revision if kept is not None else None) != based_on:
            raise DraftConflict(target, kept)

    def saved_draft(self, target: int | None) -> SavedDraft | None:
        """`target`'s draft as kept now (None: none, or unreadable)."""
        rows = self._execute(
            "SELECT target, content, saved_at, revision, saved_by FROM draft WHERE target = ?",
            (_key(target),),
        ).fetchall()
        return next((d for d in (_draft(row) for row in rows) if d is not None), None)

    def drop_all_drafts(self) -> None:
        with self.transaction():
            self._execute("DELETE FROM draft")

    def saved_drafts(self) -> list[SavedDraft]:
        """Every draft kept, oldest first; unreadable ones and those of vanished incidents left
        out."""
        rows = self._execute(
            "SELECT d.target, d.content, d.saved_at, d.revision, d.saved_by FROM draft d "
            "WHERE d.target = ? "
            "OR EXISTS (SELECT 1 FROM incident i WHERE CAST(i.id AS TEXT) = d.target) "
            "ORDER BY d.saved_at",
            (NEW_INCIDENT,),
        ).fetchall()
        return [d for d in (_draft(row) for row in rows) if d is not None]


def _draft(row: Any) -> SavedDraft | None:
    target, content, saved_at, revision, saved_by = row
    try:
        parsed = json.loads(content)
    except ValueError:
        return None  # a half-written row cannot happen (one transaction), but never crash
    if not isinstance(parsed, dict):
        return None
    key = None if target == NEW_INCIDENT else int(target)
    return SavedDraft(key, parsed, str(saved_at), str(revision), str(saved_by))
