"""Updates waiting for a second pair of eyes (issue #17, schema REVIEWS).

With the workspace setting `review.required` on, an update is not published when written: it is
submitted here, with everything needed to publish exactly that (`submission`, JSON the app
layer writes and reads back; the store keeps it opaque). Another person approves it — and it is
published in the same transaction — or returns it with a comment. A critical update the
setting's waiver lets through is published at once and recorded here as `waived`.

Approving is a claim: one conditional UPDATE moves a review out of `in_review`, so of two
reviewers racing, exactly one approves it (and publishes it once).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from statusdesk.store.audit import SQLiteAuditLog
from statusdesk.store.base import Database, SQLitePart

IN_REVIEW = "in_review"
RETURNED = "returned"
APPROVED = "approved"
WAIVED = "waived"


@dataclass(frozen=True)
class Review:
    id: int
    incident_id: int | None  # None: a new incident's first update, not yet published
    update_id: int | None  # the update it became, once published
    state: str  # in_review, returned, approved, waived
    submission: dict[str, Any] = field(default_factory=dict)
    author: str = ""
    submitted_at: str = ""
    reviewer: str = ""
    decided_at: str | None = None
    comment: str = ""


def _review(row: dict[str, Any]) -> Review:
    try:
        submission = json.loads(row["submission"] or "{}")
    except ValueError:
        submission = {}
    return Review(
        id=int(row["id"]),
        incident_id=None if row["incident_id"] is None else int(row["incident_id"]),
        update_id=None if row["update_id"] is None else int(row["update_id"]),
        state=str(row["state"]),
        submission=submission if isinstance(submission, dict) else {},
        author=str(row["author"]),
        submitted_at=str(row["submitted_at"]),
        reviewer=str(row["reviewer"]),
        decided_at=None if row["decided_at"] is None else str(row["decided_at"]),
        comment=str(row["comment"]),
    )


class SQLiteReviews(SQLitePart):
    """The `review` table; each step is recorded in the audit log with who took it."""

    def __init__(self, database: Database, audit: SQLiteAuditLog) -> None:
        super().__init__(database)
        self._audit = audit

    def submit_review(
        self,
        *,
        incident_id: int | None,
        submission: dict[str, Any],
        author: str,
        now: str,
        state: str = IN_REVIEW,
        update_id: int | None = None,
    ) -> int:
        """A new review row: `in_review` (submitted), or `waived` with the `update_id` it was
        published as at once."""
        with self.transaction():
            review_id = self._insert(
                "review",
                {
                    "incident_id": incident_id,
                    "update_id": update_id,
                    "state": state,
                    "submission": json.dumps(submission, ensure_ascii=False, sort_keys=True),
                    "author": author,
                    "submitted_at": now,
                    "reviewer": "",
                    "decided_at": now if state == WAIVED else None,
                    "comment": "",
                },
            )
            self._audit.log_event(
                "review.waived" if state == WAIVED else "review.submitted",
                now,
                actor=author,
                incident_id=incident_id,
                update_id=update_id,
                data={"review_id": review_id},
            )
        return review_id

    def review(self, review_id: int) -> Review | None:
        rows = self._rows("SELECT * FROM review WHERE id = ?", (review_id,))
        return _review(rows[0]) if rows else None

    def reviews(self, states: tuple[str, ...] = (IN_REVIEW,)) -> list[Review]:
        """Reviews in these states, oldest first."""
        marks = ", ".join("?" * len(states))
        rows = self._rows(f"SELECT * FROM review WHERE state IN ({marks}) ORDER BY id", states)
        return [_review(r) for r in rows]

    def reviews_of(self, incident_id: int) -> list[Review]:
        """Every review of an incident's updates (its first one's included), oldest first."""
        rows = self._rows("SELECT * FROM review WHERE incident_id = ? ORDER BY id", (incident_id,))
        return [_review(r) for r in rows]

    def decide_review(
        self, review_id: int, *, state: str, reviewer: str, now: str, comment: str = ""
    ) -> bool:
        """Move a review still `in_review` to `approved` or `returned`. False when it is not in
        review any more (another reviewer got there first, or it never was)."""
        assert state in (APPROVED, RETURNED)
        with self.transaction():
            cursor = self._execute(
                "UPDATE review SET state = ?, reviewer = ?, decided_at = ?, comment = ? "
                "WHERE id = ? AND state = ?",
                (state, reviewer, now, comment, review_id, IN_REVIEW),
            )
            if cursor.rowcount != 1:
                return False
            found = self.review(review_id)
            self._audit.log_event(
                f"review.{state}",
                now,
                actor=reviewer,
                incident_id=found.incident_id if found else None,
                data={"review_id": review_id, "comment": comment}
                if comment
                else {"review_id": review_id},
            )
        return True

    def link_review(self, review_id: int, *, incident_id: int, update_id: int) -> None:
        """The update an approved review was published as (and, for a new incident, the
        incident it opened)."""
        with self.transaction():
            self._execute(
                "UPDATE review SET incident_id = ?, update_id = ? WHERE id = ?",
                (incident_id, update_id, review_id),
            )
