"""The part ledger of one delivery, kept in `delivery_part`: what a multi-part channel (a thread
of posts, the recipients of an email) has sent so far, so a retry resumes at the first part that
did not go out and never re-sends one that did."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from statusdesk.channels.base import PartOutcome, PartRecord, Receipt
from statusdesk.core.timefmt import iso
from statusdesk.store import Store
from statusdesk.store.records import PartFinish

RENEW_EVERY_SECONDS = 60


class StoreLedger:
    def __init__(
        self,
        store: Store,
        delivery_id: int,
        now: Callable[[], datetime],
        *,
        owner: str | None = None,
        lease_seconds: float = 300,
        attempt: int | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
    ) -> None:
        self._store = store
        self._on_progress = on_progress
        self._delivery_id = delivery_id
        self._now = now
        self._owner = owner
        self._attempt = attempt
        self._lease = timedelta(seconds=lease_seconds)
        self._renewed = now()

    def _keep_lease(self) -> None:
        """Each part written is proof of life: extend the lease (at most once a minute)."""
        now = self._now()
        if self._owner is None or (now - self._renewed).total_seconds() < RENEW_EVERY_SECONDS:
            return
        self._store.ledger.renew_lease(
            self._delivery_id, self._owner, iso(now + self._lease), attempt=self._attempt
        )
        self._renewed = now

    def parts(self) -> dict[int, PartRecord]:
        return {
            row["seq"]: PartRecord(
                seq=row["seq"],
                target=row["target"],
                state=row["state"],
                remote_id=row["remote_id"],
                remote_url=row["remote_url"],
                error=row["last_error"],
            )
            for row in self._store.ledger.delivery_parts(self._delivery_id)
        }

    def progress(self, done: int, total: int, what: str) -> None:
        self._keep_lease()
        if self._on_progress is not None:
            self._on_progress(done, total, what)

    def sending(self, seq: int, target: str = "") -> None:
        self._keep_lease()
        self._store.ledger.part_sending(self._delivery_id, seq, target)

    def sent(self, seq: int, receipt: Receipt) -> None:
        self._store.ledger.part_finished(
            self._delivery_id,
            seq,
            "sent",
            iso(self._now()),
            remote_id=receipt.remote_id,
            remote_url=receipt.remote_url,
        )

    def failed(self, seq: int, error: str) -> None:
        self._store.ledger.part_finished(
            self._delivery_id, seq, "failed", iso(self._now()), error=error
        )

    def sending_many(self, parts: Sequence[tuple[int, str]]) -> None:
        self._keep_lease()
        self._store.ledger.parts_sending(self._delivery_id, parts)

    def finished_many(self, outcomes: Sequence[PartOutcome]) -> None:
        self._store.ledger.parts_finished(
            self._delivery_id,
            [
                PartFinish(o.seq, "sent", o.receipt.remote_id, o.receipt.remote_url)
                if o.receipt is not None
                else PartFinish(o.seq, "failed", error=o.error)
                for o in outcomes
            ],
            iso(self._now()),
        )
