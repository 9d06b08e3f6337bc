"""Where each incident's thread stands on each posting channel (issue #15, schema
THREAD_ANCHORS): the post its next update replies to.

A posting channel (channels/threads.py) reads the anchor before the first post of an update
goes out and writes it once the update's last post is sent. Both go by the delivery's
idempotency key, which names the incident and the channel, so a channel needs no ids of its own.
The anchor only moves forward: a delivery made before the one that left it (an update published
earlier whose posts landed later) does not move it back.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from statusdesk.store.base import SQLitePart

# The states of an earlier delivery a thread waits for: it is being sent, or about to be.
IN_FLIGHT = ("pending", "sending")


@dataclass(frozen=True)
class ThreadAnchor:
    incident_id: int
    channel_id: int
    root_id: str  # the thread's first post
    last_id: str  # the post the next update replies to
    refs: dict[str, Any] = field(default_factory=dict)  # opaque: what a service needs to reply
    delivery_id: int = 0  # the delivery whose last post this is
    updated_at: str = ""


def _anchor(row: dict[str, Any]) -> ThreadAnchor:
    try:
        refs = json.loads(row["refs"] or "{}")
    except ValueError:
        refs = {}
    return ThreadAnchor(
        int(row["incident_id"]),
        int(row["channel_id"]),
        str(row["root_id"]),
        str(row["last_id"]),
        refs if isinstance(refs, dict) else {},
        int(row["delivery_id"]),
        str(row["updated_at"]),
    )


_OF_KEY = (
    'SELECT d.id AS delivery_id, u.incident_id, d.channel_id FROM delivery d JOIN "update" u '
    "ON u.id = d.update_id WHERE d.idempotency_key = ?"
)


class SQLiteThreads(SQLitePart):
    """The `thread_anchor` table. Not in the audit log: the deliveries that move it are."""

    def anchor(self, incident_id: int, channel_id: int) -> ThreadAnchor | None:
        rows = self._rows(
            "SELECT * FROM thread_anchor WHERE incident_id = ? AND channel_id = ?",
            (incident_id, channel_id),
        )
        return _anchor(rows[0]) if rows else None

    def anchor_for(self, key: str) -> ThreadAnchor | None:
        """The anchor of the incident and channel of the delivery with this key."""
        rows = self._rows(
            f"SELECT a.* FROM thread_anchor a JOIN ({_OF_KEY}) k "
            "ON a.incident_id = k.incident_id AND a.channel_id = k.channel_id",
            (key,),
        )
        return _anchor(rows[0]) if rows else None

    def keep_anchor(
        self, key: str, root_id: str, last_id: str, refs: dict[str, Any], now: str
    ) -> bool:
        """The delivery with this key left its incident's thread at `last_id` (in the thread
        begun by `root_id`). False when the key is unknown, or when a later delivery of the
        same incident and channel moved the anchor already (it stays)."""
        with self.transaction():
            found = self._rows(_OF_KEY, (key,))
            if not found:
                return False
            of = found[0]
            cursor = self._execute(
                """INSERT INTO thread_anchor
                   (incident_id, channel_id, root_id, last_id, refs, delivery_id, updated_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT (incident_id, channel_id) DO UPDATE SET
                   root_id = excluded.root_id, last_id = excluded.last_id, refs = excluded.refs,
                   delivery_id = excluded.delivery_id, updated_at = excluded.updated_at
                   WHERE excluded.delivery_id >= thread_anchor.delivery_id""",
                (
                    of["incident_id"],
                    of["channel_id"],
                    root_id,
                    last_id,
                    json.dumps(refs, sort_keys=True),
                    of["delivery_id"],
                    now,
                ),
            )
        return cursor.rowcount == 1

    def earlier_in_flight(self, key: str) -> list[int]:
        """Deliveries of the same incident to the same channel made before this one and still
        pending or being sent: the thread's next post is theirs to make first."""
        rows = self._rows(
            f'SELECT d.id FROM delivery d JOIN "update" u ON u.id = d.update_id '
            f"JOIN ({_OF_KEY}) k ON u.incident_id = k.incident_id "
            "AND d.channel_id = k.channel_id "
            f"WHERE d.id < k.delivery_id AND d.state IN ({', '.join('?' * len(IN_FLIGHT))}) "
            "ORDER BY d.id",
            (key, *IN_FLIGHT),
        )
        return [int(r["id"]) for r in rows]
