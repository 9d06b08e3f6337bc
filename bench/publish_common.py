"""What the publish benchmarks (publish_git.py, publish_sftp.py, publish_s3.py) share: each
target's receipts recorded as it publishes, and the two timed publishes per workspace — the first
(every file) and one update (only what it changed) — printed as one table row each.

A delivery of one update to the channel `public` is attempted in this process, so the time is
the whole delivery: build, read, upload, read back."""

from __future__ import annotations

import time
from typing import Any

HEADER = f"{'incidents':>10} {'publish':>10} {'files':>6} {'up':>6} {'gone':>5} {'s':>7}"


def record_receipts(target_class: Any) -> list[Any]:
    """Patch `target_class.publish` so that every PublishReceipt it returns is kept, in order."""
    receipts: list[Any] = []
    publish = target_class.publish

    def recorded(self: Any, site: Any, progress: Any, **kwargs: Any) -> Any:
        receipt = publish(self, site, progress, **kwargs)
        receipts.append(receipt)
        return receipt

    target_class.publish = recorded
    return receipts


def time_publishes(desk: Any, incident_id: int, receipts: list[Any]) -> None:
    """The first publish and one update's, each a row under HEADER."""
    from statusdesk.core.model import BilingualText, Draft, IncidentState

    for run in ("first", "one update"):
        draft = Draft(
            BilingualText(f"Update ({run}).", f"تحديث ({run})."), IncidentState.MONITORING
        )
        published = desk.publishing.post_update(
            incident_id,
            draft,
            channel_names=["public"],
            dispatch=False,
            skip_reason="the local page is not what is measured",
        )
        (delivery_id,) = published.delivery_ids
        started = time.perf_counter()
        desk.dispatcher.attempt(delivery_id)
        elapsed = time.perf_counter() - started
        delivery = desk.store.deliveries.delivery(delivery_id)
        assert delivery is not None and delivery.state == "sent", delivery
        done = receipts[-1]
        files = sum(1 for p in desk.paths.site.rglob("*") if p.is_file())
        print(
            f"{incident_id:>10,} {run:>10} {files:>6,} {done.uploaded:>6,} "
            f"{done.deleted:>5,} {elapsed:>7.2f}"
        )
