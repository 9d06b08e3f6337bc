"""Build a large, realistic workspace quickly for benchmarks: N incidents with M updates in all,
bilingual, most resolved, a few active, each update delivered to the site channel."""

from __future__ import annotations

import argparse
import random
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from statusdesk.core.timefmt import iso
from statusdesk.store import Store

STATES = ["investigating", "identified", "monitoring", "resolved"]
EN = [
    "We are investigating elevated error rates on the API.",
    "The cause is identified: a failed database node. Failover is in progress.",
    "A fix is deployed; we are monitoring error rates, now at 0.2%.",
    "This incident is resolved. Requests since 14:30 UTC succeed normally.",
]
AR = [
    "نحقق في ارتفاع معدلات الأخطاء في API.",
    "تم تحديد السبب: عقدة قاعدة بيانات معطلة. يجري التحويل الآن.",
    "تم نشر إصلاح ونراقب معدلات الأخطاء، وهي الآن 0.2%.",
    "تم حل هذه المشكلة. الطلبات منذ 14:30 UTC تعمل بشكل طبيعي.",
]


def seed(home: Path, incidents: int, updates: int, active: int = 3, seed_value: int = 7) -> None:
    rng = random.Random(seed_value)
    home.mkdir(parents=True, exist_ok=True)
    store = Store.open(home / "statusdesk.db")
    now = datetime.now(UTC)
    per_incident = max(1, updates // incidents)
    incident_rows, update_rows, delivery_rows = [], [], []
    update_id = 0
    for n in range(1, incidents + 1):
        start = now - timedelta(hours=6 * (incidents - n) + rng.randint(0, 5))
        is_active = n > incidents - active
        last_state = "monitoring" if is_active else "resolved"
        incident_rows.append(
            {
                "id": n,
                "title_en": f"Elevated API errors #{n}",
                "title_ar": f"ارتفاع أخطاء API رقم {n}",
                "kind": "incident",
                "state": last_state,
                "impact": rng.choice(["minor", "major", "critical"]),
                "started_at": iso(start),
                "created_at": iso(start),
                "updated_at": iso(start + timedelta(minutes=30 * per_incident)),
                "resolved_at": None
                if is_active
                else iso(start + timedelta(minutes=30 * per_incident)),
                "cadence_min": 30,
            }
        )
        for k in range(per_incident):
            update_id += 1
            stage = min(3, k * 4 // per_incident) if not is_active else min(2, k)
            at = iso(start + timedelta(minutes=30 * k))
            update_rows.append(
                {
                    "id": update_id,
                    "incident_id": n,
                    "state": STATES[stage],
                    "body_en": EN[stage],
                    "body_ar": AR[stage],
                    "author": "bench",
                    "created_at": at,
                    "status": "published",
                    "published_at": at,
                }
            )
            delivery_rows.append(
                {
                    "update_id": update_id,
                    "channel_id": 1,
                    "state": "sent",
                    "attempts": 1,
                    "idempotency_key": f"sd-{uuid.UUID(int=rng.getrandbits(128))}",
                    "sent_at": at,
                    "created_at": at,
                    "updated_at": at,
                }
            )
    with store.transaction():
        store.db.table("incident").insert_all(incident_rows, batch_size=500)
        store.db.table("update").insert_all(update_rows, batch_size=500)
        store.db.table("delivery").insert_all(delivery_rows, batch_size=500)
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("home", type=Path)
    parser.add_argument("--incidents", type=int, default=1000)
    parser.add_argument("--updates", type=int, default=20000)
    args = parser.parse_args()
    seed(args.home, args.incidents, args.updates)


if __name__ == "__main__":
    main()
