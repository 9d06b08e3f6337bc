"""The delivery ledger: attempts, their leases and claims, what each attempt sent (the kept
render, the parts of a thread), and the recovery of rows whose holder died."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from statusdesk.core.model import Delivery, DeliveryState
from statusdesk.redact import redact_optional
from statusdesk.store.audit import SQLiteAuditLog
from statusdesk.store.base import Database, SQLitePart
from statusdesk.store.records import PartFinish
from statusdesk.store.rows import delivery_from_row


def delivery_context(database: Database, delivery_id: int) -> dict[str, Any]:
    """The incident, update and channel of a delivery, for the events that concern it."""
    rows = database.rows(
        "SELECT u.incident_id, d.update_id, d.channel_id FROM delivery d "
        'JOIN "update" u ON u.id = d.update_id WHERE d.id = ?',
        (delivery_id,),
    )
    return rows[0] if rows else {}


class SQLiteLedger(SQLitePart):
    """Claims, leases and outcomes on the `delivery` rows, and the `delivery_part` table."""

    def __init__(self, database: Database, audit: SQLiteAuditLog) -> None:
        super().__init__(database)
        self._audit = audit

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
            cursor = self._execute(
                """UPDATE delivery SET state = 'sending', attempts = attempts + 1, owner = ?,
                   lease_until = ?, updated_at = ?
                   WHERE id = ? AND (state = 'pending'
                       OR (state = 'retry_wait' AND next_attempt_at <= ?))""",
                (owner, lease_until, now, delivery_id, now),
            )
            won = cursor.rowcount == 1
            if won:
                self._audit.log_event(
                    "delivery.sending",
                    now,
                    actor=owner,
                    delivery_id=delivery_id,
                    **delivery_context(self._database, delivery_id),
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
            cursor = self._execute(
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
            self._audit.log_event(
                f"delivery.{state.value}",
                now,
                actor=owner or "",
                delivery_id=delivery_id,
                **delivery_context(self._database, delivery_id),
                data={"error": error, "remote_url": remote_url, "remote_id": remote_id},
            )
        return True

    def renew_lease(
        self, delivery_id: int, owner: str, lease_until: str, attempt: int | None = None
    ) -> bool:
        """A long attempt (an email to many subscribers) keeps its row: without this another
        process would take a live holder for dead once the lease ran out. With `attempt`, only
        that attempt's lease."""
        with self.transaction():
            cursor = self._execute(
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

    def waiting_count(self) -> int:
        """Deliveries the outbox still works on (pending, sending, retry_wait, unknown): while
        there are none, only a write can give it something to do (app/deliveries.py)."""
        rows = self._rows(
            "SELECT COUNT(*) AS n FROM delivery "
            "WHERE state IN ('pending', 'sending', 'retry_wait', 'unknown')"
        )
        return int(rows[0]["n"])

    def release_abandoned(
        self, delivery_id: int, owner: str, now: str, attempt: int | None = None
    ) -> bool:
        """A holder died (its lease ran out, or its process is gone): its `sending` row becomes
        `unknown` — the request may have left — and is reconciled before anything is resent.
        With `attempt` (as `held_deliveries` read it), only while the row is still at that
        attempt: a holder that came back and claimed it again keeps its new attempt."""
        with self.transaction():
            cursor = self._execute(
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
                self._audit.log_event(
                    "delivery.abandoned",
                    now,
                    delivery_id=delivery_id,
                    **delivery_context(self._database, delivery_id),
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
            cursor = self._execute(
                """UPDATE delivery SET owner = ?, lease_until = ?, updated_at = ?
                   WHERE id = ? AND state = 'unknown' AND owner IS NULL""",
                (owner, lease_until, now, delivery_id),
            )
        return cursor.rowcount == 1

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
            self._execute(
                "UPDATE delivery SET rendered = ? WHERE id = ? AND owner = ? AND rendered IS NULL",
                (rendered, delivery_id, owner),
            )

    def delivery_parts(self, delivery_id: int) -> list[dict[str, Any]]:
        return self._rows(
            "SELECT * FROM delivery_part WHERE delivery_id = ? ORDER BY seq", (delivery_id,)
        )

    def part_sending(self, delivery_id: int, seq: int, target: str) -> None:
        with self.transaction():
            self._execute(
                """INSERT INTO delivery_part (delivery_id, seq, target, state)
                   VALUES (?, ?, ?, 'sending')
                   ON CONFLICT (delivery_id, seq)
                   DO UPDATE SET state = 'sending', target = excluded.target""",
                (delivery_id, seq, target),
            )

    def parts_sending(self, delivery_id: int, parts: Sequence[tuple[int, str]]) -> None:
        """(seq, target) of a batch of parts, `sending`, in one transaction."""
        with self.transaction():
            self._executemany(
                """INSERT INTO delivery_part (delivery_id, seq, target, state)
                   VALUES (?, ?, ?, 'sending')
                   ON CONFLICT (delivery_id, seq)
                   DO UPDATE SET state = 'sending', target = excluded.target""",
                [(delivery_id, seq, target) for seq, target in parts],
            )

    def parts_finished(self, delivery_id: int, outcomes: Sequence[PartFinish], now: str) -> None:
        """Each part's outcome (state, remote_id, remote_url, error), in one transaction."""
        with self.transaction():
            self._executemany(
                """UPDATE delivery_part SET state = ?, remote_id = ?, remote_url = ?,
                   last_error = ?, sent_at = CASE WHEN ? = 'sent' THEN ? ELSE sent_at END
                   WHERE delivery_id = ? AND seq = ?""",
                [
                    (
                        o.state,
                        o.remote_id,
                        redact_optional(o.remote_url),
                        redact_optional(o.error),
                        o.state,
                        now,
                        delivery_id,
                        o.seq,
                    )
                    for o in outcomes
                ],
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
            self._execute(
                """UPDATE delivery_part SET state = ?, remote_id = ?, remote_url = ?,
                   last_error = ?, sent_at = CASE WHEN ? = 'sent' THEN ? ELSE sent_at END
                   WHERE delivery_id = ? AND seq = ?""",
                (state, remote_id, remote_url, error, state, now, delivery_id, seq),
            )
