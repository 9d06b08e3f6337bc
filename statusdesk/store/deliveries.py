"""Deliveries: one row per update and channel, made when the update goes out, decided on by a
person when an attempt cannot settle it; and the per-channel text an update may override."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from statusdesk.core.model import Delivery, DeliveryState
from statusdesk.core.words import QT_TRANSLATE_NOOP
from statusdesk.store.audit import SQLiteAuditLog
from statusdesk.store.base import Database, SQLitePart
from statusdesk.store.ledger import SQLiteLedger, delivery_context
from statusdesk.store.rows import delivery_from_row

NO_DELIVERY = QT_TRANSLATE_NOOP("Problems", "There is no delivery {id}.")

# A timeline export (issue #7) reads an incident's deliveries without the columns it never
# shows: `rendered` holds the exact bytes of each first attempt (a whole email, a thread) and
# would be read 12,000 times over for 2,000 updates on 6 channels; `owner` and `lease_until`
# say which process held a row.
_EXPORT_DELIVERIES = """
SELECT d.id, d.update_id, d.channel_id, d.state, d.attempts, d.next_attempt_at,
       d.idempotency_key, d.remote_id, d.remote_url, d.last_error, d.sent_at, d.decided_by,
       d.decision_note
FROM delivery d JOIN "update" u ON u.id = d.update_id
WHERE u.incident_id = ? ORDER BY d.update_id, d.channel_id
"""
_STATES = {s.value: s for s in DeliveryState}  # a dict lookup; DeliveryState(x) is slow


_COLUMNS = {
    "sqlite": "SELECT name FROM pragma_table_info('delivery')",
    "postgres": "SELECT column_name AS name FROM information_schema.columns "
    "WHERE table_schema = current_schema() AND table_name = 'delivery' ORDER BY ordinal_position",
}


class SQLiteDeliveries(SQLitePart):
    """The `delivery` rows as a whole, and the `update_override` table."""

    def __init__(self, database: Database, audit: SQLiteAuditLog, ledger: SQLiteLedger) -> None:
        super().__init__(database)
        self._audit = audit
        self._ledger = ledger
        self._columns = ""

    def _row_columns(self) -> str:
        """Every column of `delivery` but the kept render, which a Delivery does not carry and
        which is megabytes for an email to thousands (a CLI waiting on a delivery reads its
        row twenty times a second)."""
        if not self._columns:
            names = [row["name"] for row in self._rows(_COLUMNS[self._dialect])]
            self._columns = ", ".join(f'"{name}"' for name in names if name != "rendered")
        return self._columns

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
            self._audit.log_event(
                "delivery.skip",
                now,
                actor=by,
                delivery_id=delivery_id,
                **delivery_context(self._database, delivery_id),
                data={"from": None, "reason": reason, "left_out": True},
            )
            ids.append(delivery_id)
        return ids

    def delivery(self, delivery_id: int) -> Delivery | None:
        rows = self._rows(
            f"SELECT {self._row_columns()} FROM delivery WHERE id = ?", (delivery_id,)
        )
        return delivery_from_row(rows[0]) if rows else None

    def deliveries_for_update(self, update_id: int) -> list[Delivery]:
        rows = self._rows(
            f"SELECT {self._row_columns()} FROM delivery WHERE update_id = ? ORDER BY channel_id",
            (update_id,),
        )
        return [delivery_from_row(r) for r in rows]

    def not_out_for_channel(self, channel_id: int) -> list[Delivery]:
        """A channel's deliveries that are neither sent nor skipped, oldest first: what
        removing the channel must decide."""
        rows = self._rows(
            "SELECT * FROM delivery WHERE channel_id = ? AND state NOT IN ('sent', 'skipped') "
            "ORDER BY id",
            (channel_id,),
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

    def decide_delivery(
        self, delivery_id: int, decision: str, by: str, note: str, now: str
    ) -> Delivery:
        """A person's decision on a delivery: `retry` (back to pending, same idempotency key)
        or `skip` (a recorded, reasoned silence). Raises ValueError when the delivery's state
        does not allow it; the message says why."""
        with self.transaction():
            current = self.delivery(delivery_id)
            if current is None:
                raise ValueError(NO_DELIVERY.format(id=delivery_id))
            state = current.state
            if state == DeliveryState.SENT:
                raise ValueError(
                    QT_TRANSLATE_NOOP(
                        "Problems", "Delivery {id} was already sent; nothing to decide."
                    ).format(id=delivery_id)
                )
            if state == DeliveryState.SKIPPED and decision == "skip":
                raise ValueError(
                    QT_TRANSLATE_NOOP("Problems", "Delivery {id} is already skipped.").format(
                        id=delivery_id
                    )
                )
            if state == DeliveryState.SENDING or (
                state == DeliveryState.UNKNOWN and current.owner is not None
            ):
                raise ValueError(
                    QT_TRANSLATE_NOOP(
                        "Problems", "Delivery {id} is being sent right now; wait for its outcome."
                    ).format(id=delivery_id)
                )
            if decision == "retry" and state == DeliveryState.PENDING:
                raise ValueError(
                    QT_TRANSLATE_NOOP(
                        "Problems", "Delivery {id} is already waiting to be sent."
                    ).format(id=delivery_id)
                )
            target = DeliveryState.PENDING if decision == "retry" else DeliveryState.SKIPPED
            # A refused delivery never landed: its retry may carry what the user fixed since
            # (settings, text). One that may have landed keeps its bytes for its key.
            # ...unless some of its parts went out (a thread refused at post 3): those parts
            # and the ones to come must stay one text.
            rerender = (
                decision == "retry"
                and state == DeliveryState.FAILED
                and not any(p["state"] == "sent" for p in self._ledger.delivery_parts(delivery_id))
            )
            self._execute(
                """UPDATE delivery SET state = ?, next_attempt_at = NULL, decided_by = ?,
                   decision_note = ?, updated_at = ?,
                   rendered = CASE WHEN ? = 1 THEN NULL ELSE rendered END WHERE id = ?""",
                (target.value, by, note or None, now, rerender, delivery_id),
            )
            self._audit.log_event(
                f"delivery.{decision}",
                now,
                actor=by,
                delivery_id=delivery_id,
                **delivery_context(self._database, delivery_id),
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

    def set_update_override(self, update_id: int, channel_id: int, text: str) -> None:
        self._execute(
            "INSERT INTO update_override (update_id, channel_id, text) VALUES (?, ?, ?) "
            "ON CONFLICT (update_id, channel_id) DO UPDATE SET text = excluded.text",
            (update_id, channel_id, text),
        )

    def update_override(self, update_id: int, channel_id: int) -> str | None:
        rows = self._rows(
            "SELECT text FROM update_override WHERE update_id = ? AND channel_id = ?",
            (update_id, channel_id),
        )
        text = rows[0]["text"] if rows else None
        return text if isinstance(text, str) and text.strip() else None

    def incident_deliveries(self, incident_id: int) -> dict[int, list[Delivery]]:
        """Every delivery of the incident, grouped by update id, in channel order (as
        `deliveries_for_incident`, without `rendered` and the holder's lease): an export's
        bulk read."""
        grouped: dict[int, list[Delivery]] = {}
        for row in self._database.tuples(_EXPORT_DELIVERIES, (incident_id,)):
            (id_, update_id, channel_id, state, attempts, next_at, key, remote_id, remote_url,
             error, sent_at, decided_by, note) = row  # fmt: skip
            delivery = Delivery(
                id=id_,
                update_id=update_id,
                channel_id=channel_id,
                state=_STATES[state],
                attempts=attempts,
                next_attempt_at=next_at,
                idempotency_key=key,
                remote_id=remote_id,
                remote_url=remote_url,
                last_error=error,
                sent_at=sent_at,
                decided_by=decided_by,
                decision_note=note,
            )
            bucket = grouped.get(delivery.update_id)
            if bucket is None:
                grouped[delivery.update_id] = [delivery]
            else:
                bucket.append(delivery)
        return grouped
