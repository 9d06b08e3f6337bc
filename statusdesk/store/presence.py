"""Who is doing what (issue #17): each running desk keeps one row saying who it is, which incident
it has open and which language it is editing, so the others can say "Also here: Nadia (editing
Arabic)". A desk refreshes its row now and then (app/presence.py); a row not seen since a
moment is left out when read — a desk that crashed or lost its network simply fades — and a
desk removes its own row when it closes.

Presence is not the workspace's history: no event is recorded, and on PostgreSQL a presence
write is not announced as a write to the workspace (NOTIFY statusdesk_changes would make every
desk re-read its list and page at every heartbeat). Each statement is written as a query over a
data-modifying WITH, one autocommitted statement: no transaction, so no wait for the workspace's
write lock behind a publish, and database.py's announcement of a lone INSERT/UPDATE/DELETE does
not fire. A change others should see at once (an incident opened or left, an editor taken or
left) is told on a channel of its own (notify.PRESENCE_CHANNEL) that only presence listens to;
a heartbeat that changes nothing tells nobody.
"""

from __future__ import annotations

from statusdesk.store.base import SQLitePart
from statusdesk.store.postgres.notify import PRESENCE_CHANNEL
from statusdesk.store.records import Presence

EDITING = ("", "en", "ar")

_UPSERT = (
    "INSERT INTO presence (desk, author, incident_id, editing, seen_at) VALUES (?, ?, ?, ?, ?) "
    "ON CONFLICT (desk) DO UPDATE SET author = excluded.author, "
    "incident_id = excluded.incident_id, editing = excluded.editing, seen_at = excluded.seen_at"
)


class SQLitePresence(SQLitePart):
    def announce(
        self,
        desk: str,
        author: str,
        incident_id: int | None,
        editing: str,
        now: str,
        *,
        tell: bool = True,
    ) -> None:
        """This desk's row as it is now; `tell`: the others hear of it at once (a change, not a
        heartbeat)."""
        if editing not in EDITING:
            raise ValueError(f"editing is one of {EDITING}, not {editing!r}")
        params = (desk, author, incident_id, editing, now)
        if self._dialect == "sqlite":
            self._execute(_UPSERT, params)
            return
        self._execute(self._told(f"{_UPSERT} RETURNING desk", tell), params)

    def leave(self, desk: str) -> None:
        """This desk's row gone (it closes): the others hear of it at once."""
        delete = "DELETE FROM presence WHERE desk = ?"
        if self._dialect == "sqlite":
            self._execute(delete, (desk,))
            return
        self._execute(self._told(f"{delete} RETURNING desk", True), (desk,))

    def forget(self, before: str) -> None:
        """Rows not seen since `before` removed (desks that crashed long ago); told to nobody."""
        delete = "DELETE FROM presence WHERE seen_at < ?"
        if self._dialect == "sqlite":
            self._execute(delete, (before,))
            return
        self._execute(self._told(f"{delete} RETURNING desk", False), (before,))

    def present(self, incident_id: int, since: str, *, besides: str = "") -> list[Presence]:
        """The desks with `incident_id` open, seen since `since`, but `besides` (this one),
        by name."""
        rows = self._execute(
            "SELECT desk, author, incident_id, editing, seen_at FROM presence "
            "WHERE incident_id = ? AND seen_at >= ? AND desk != ? ORDER BY author, desk",
            (incident_id, since, besides),
        ).fetchall()
        return [Presence(str(d), str(a), i, str(e), str(s)) for d, a, i, e, s in rows]

    @staticmethod
    def _told(write: str, tell: bool) -> str:
        """PostgreSQL: `write` (… RETURNING desk) as one statement that is not announced as a
        workspace write, telling presence's listeners when `tell`."""
        said = f"pg_notify('{PRESENCE_CHANNEL}', '')" if tell else "1"
        return f"WITH written AS ({write}) SELECT {said} FROM written"
