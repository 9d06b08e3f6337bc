"""The timeline export on a long incident (issue #7): how long each format takes.

    python bench/export.py [--updates 2000] [--channels 6] [--repeat 5]

One incident of --updates bilingual updates, 90 s apart (2,000 of them: a 50-hour outage, the
kind this product exists for), each delivered to --channels channels: most sent within
seconds, some retried after a 429, some failed, some skipped with a reason — with the audit
events the outbox writes for each. Seeded with direct store inserts (as bench/seed.py does), then
each format is exported through the same call the CLI makes (`export_to_file`: read, compute,
render, write atomically), --repeat times, each as the first export of its process (the
caches cleared); the table gives the median (the verdict) and the worst, and one whole CLI
process per format (interpreter start and imports included).
Goals: Markdown, HTML, CSV and JSON under 1 s each; PDF under 5 s.

Exits non-zero only on an error of its own, never on a missed goal (it prints "met" / "NOT met").
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.seed import AR, EN, STATES
from statusdesk.core.timefmt import iso
from statusdesk.export.api import FORMATS, export_to_file, forget_cached
from statusdesk.store import Store

GOALS = {"md": 1.0, "html": 1.0, "csv": 1.0, "json": 1.0, "pdf": 5.0}
CHANNELS = [
    ("site", "site"),
    ("x", "x"),
    ("email", "mail"),
    ("statuspage", "statuspage"),
    ("webhook", "ops-hook"),
    ("webhook", "chat"),
    ("webhook", "pager"),
    ("webhook", "backup-hook"),
]


def seed(home: Path, updates: int, channels: int, rng: random.Random) -> tuple[int, int]:
    """The incident, its updates, deliveries and events; returns (incident id, deliveries)."""
    store = Store.open(home / "statusdesk.db")
    start = datetime(2026, 1, 3, 8, 0, tzinfo=UTC)
    step = timedelta(seconds=90)
    end = start + step * updates
    now = iso(start)
    with store.transaction():
        store.conn.execute("DELETE FROM channel")
        for n, (kind, name) in enumerate(CHANNELS[:channels], start=1):
            store.db.table("channel").insert(
                {"id": n, "kind": kind, "name": name, "settings": "{}", "created_at": now}
            )
        store.db.table("incident").insert(
            {
                "id": 1,
                "title_en": "Exchange maintenance overran: deposits and withdrawals paused",
                "title_ar": "تجاوزت الصيانة موعدها: الإيداع والسحب متوقفان",
                "kind": "incident",
                "state": "resolved",
                "impact": "critical",
                "started_at": now,
                "created_at": now,
                "updated_at": iso(end),
                "resolved_at": iso(end),
                "cadence_min": 30,
            }
        )
    update_rows, delivery_rows, event_rows = [], [], []
    delivery_id = 0
    for n in range(1, updates + 1):
        at = start + step * n
        stage = 3 if n == updates else min(2, n * 3 // updates)
        update_rows.append(
            {
                "id": n,
                "incident_id": 1,
                "state": STATES[stage],
                "body_en": f"{EN[stage]} Update {n}: we will post again within 30 minutes.",
                "body_ar": f"{AR[stage]} التحديث {n}: سننشر تحديثًا آخر خلال 30 دقيقة.",
                "author": "bench",
                "created_at": iso(at),
                "status": "published",
                "published_at": iso(at),
            }
        )
        rendered = json.dumps(
            {
                "update_id": n,
                "incident_id": 1,
                "parts": [
                    {"language": lang, "text": text * 4, "content_type": "text/plain"}
                    for lang, text in (
                        ("en", update_rows[-1]["body_en"]),
                        ("ar", update_rows[-1]["body_ar"]),
                    )
                ],
            },
            ensure_ascii=False,
        )
        for channel_id in range(1, channels + 1):
            delivery_id += 1
            sent = at + timedelta(seconds=rng.uniform(0.5, 20))
            state, attempts, error, note = "sent", 1, None, None
            base = {
                "at": iso(at),
                "incident_id": 1,
                "update_id": n,
                "delivery_id": delivery_id,
                "channel_id": channel_id,
            }
            events = [{**base, "kind": "delivery.sending", "actor": "bench", "data": "{}"}]
            if channel_id == 2 and n % 50 == 0:  # X: 429, then sent
                attempts = 2
                wait = "x: rate limited (429); retrying after the reset"
                events += [
                    {**base, "kind": "delivery.retry_wait", "data": json.dumps({"error": wait})},
                    {**base, "kind": "delivery.sending", "data": "{}"},
                ]
            if channel_id == 3 and n % 200 == 0:  # email refused
                state, error = "failed", "mail: 535 authentication failed — re-enter the password"
                events.append(
                    {**base, "kind": "delivery.failed", "data": json.dumps({"error": error})}
                )
            elif channel_id == channels and n % 100 == 0:  # a decided silence
                state, attempts, note = "skipped", 0, "Receiver down for maintenance"
                events = [{**base, "kind": "delivery.skip", "data": json.dumps({"reason": note})}]
            else:
                events.append({**base, "kind": "delivery.sent", "data": "{}"})
            event_rows += events
            delivery_rows.append(
                {
                    "id": delivery_id,
                    "update_id": n,
                    "channel_id": channel_id,
                    "state": state,
                    "attempts": attempts,
                    "idempotency_key": f"sd-{uuid.UUID(int=rng.getrandbits(128))}",
                    "remote_id": f"{channel_id}-{n}" if state == "sent" else None,
                    "remote_url": f"https://status.example.com/{channel_id}/{n}"
                    if state == "sent"
                    else None,
                    "last_error": error,
                    "sent_at": iso(sent) if state == "sent" else None,
                    "decided_by": "bench" if note else None,
                    "decision_note": note,
                    "created_at": iso(at),
                    "updated_at": iso(sent),
                    # What the first attempt sent, kept for its retries (schema V2): an export
                    # must not pay for reading it.
                    "rendered": rendered if attempts else None,
                }
            )
    with store.transaction():
        store.db.table("update").insert_all(update_rows, batch_size=500)
        store.db.table("delivery").insert_all(delivery_rows, batch_size=500)
        store.db.table("event").insert_all(
            [{"actor": "", **e} for e in event_rows], batch_size=500, alter=False
        )
    store.close()
    return 1, len(delivery_rows)


def cli(home: Path, fmt: str) -> float:
    """One `statusdesk export` as a person runs it: a whole process."""
    target = home / f"cli{FORMATS[fmt][1]}"
    command = [sys.executable, "-m", "statusdesk", "--home", str(home), "export", "1"]
    started = time.perf_counter()
    subprocess.run([*command, "--format", fmt, "-o", str(target)], check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--updates", type=int, default=2000)
    parser.add_argument("--channels", type=int, default=6, choices=range(1, len(CHANNELS) + 1))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory(prefix="statusdesk-export-") as folder:
        home = Path(folder)
        began = time.perf_counter()
        incident, deliveries = seed(home, args.updates, args.channels, rng)
        seeded = time.perf_counter() - began
        store = Store.open(home / "statusdesk.db")
        now = datetime(2026, 1, 6, 0, 0, tzinfo=UTC)
        rows = []
        try:
            for fmt in FORMATS:
                times, size = [], 0
                for n in range(args.repeat):
                    target = home / f"timeline-{n}{FORMATS[fmt][1]}"
                    forget_cached()  # each run as the first export of its process
                    gc.collect()
                    started = time.perf_counter()
                    export_to_file(store, incident, fmt, target, now=now)
                    times.append(time.perf_counter() - started)
                    size = target.stat().st_size
                rows.append((fmt, statistics.median(times), max(times), size, cli(home, fmt)))
        finally:
            store.close()
    print(
        f"one incident, {args.updates} updates × {args.channels} channels = {deliveries} "
        f"deliveries (seeded in {seeded:.1f} s); each format exported {args.repeat} times "
        "through export_to_file (read, compute, render, write atomically)"
    )
    print()
    print("| format | median | worst | size | goal | | whole CLI process |")
    print("|---|---|---|---|---|---|---|")
    for fmt, median, worst, size, process in rows:
        goal = GOALS[fmt]
        verdict = "met" if median < goal else "NOT met"
        print(
            f"| {FORMATS[fmt][0]} | {median * 1000:.0f} ms | {worst * 1000:.0f} ms | "
            f"{size / 1024:.0f} KiB | < {goal:g} s | {verdict} | {process * 1000:.0f} ms |"
        )
    print()
    print(
        "median and worst: in this process, each run as the first export of its process "
        "(caches cleared); the goal is judged on the median (the worst is shown: a shared "
        "machine's neighbours show up there). Whole CLI process: "
        "`python -m statusdesk export 1 --format F -o FILE` once, interpreter start, imports, "
        "opening the workspace (and for the PDF, Qt's offscreen start) included."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
