"""Email to many subscribers (issue #15): the whole CLI against a bare smtplib loop, its floor.

    python bench/email_fanout.py [--subscribers 10000] [--runs 1] [--delays 0,2]
                                 [--connections 1,2,4,8]

The server: aiosmtpd in a process of its own on 127.0.0.1 (this file, run with --serve), a
plaintext relay without a login (what is measured is statusdesk's sending, not TLS), that
takes every message and answers 250 after `delay` ms. The delay stands for what a real
server does with each message before it answers (queueing it to disk, spam checks): it is an
asyncio sleep, so one server takes messages over several connections at once without using a
core for it, and parallel connections can show on a 2-core machine. With delay 0 the server
answers as fast as it can, and its own CPU is what bounds both the floor and statusdesk.

For each delay, one table:
- floor: one smtplib connection, `sendmail` in a loop to every subscriber, the same message
  bytes each time (a real copy statusdesk makes, so the same size), timed in this process;
- connections=N: a whole CLI process, `statusdesk --home DIR incident open … --channels mailN`
  mailing every subscriber over N connections and waiting for the delivery, timed from the
  process's start to its end (interpreter start, imports, the render, every message, the
  ledger); the delivery is checked `sent` with every recipient's part `sent` afterwards.
Each row gives messages/s (median of --runs) and its ratio to the floor of that delay.
Goals (issue #15): connections=1 at least 0.8x the floor; connections=N close to N x the
connections=1 rate while the server is not the bottleneck.

Exits non-zero only on an error of its own, never on a missed goal (it prints "met" / "NOT met").
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import os
import resource
import smtplib
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GOAL = 0.8
FROM = "Acme Status <status@acme.example>"
SENDER = "status@acme.example"
TITLE_EN, TITLE_AR = "API outage", "تعطل الواجهة البرمجية"
EN = "We found the cause: a failed database node. We are moving traffic to a healthy one."
AR = "وجدنا السبب: عطل في أحد خوادم قاعدة البيانات. ننقل الحركة إلى خادم سليم."


# -- the server (its own process) ---------------------------------------------------------------


def serve(port: int, delay_ms: float) -> None:
    from aiosmtpd.controller import Controller

    class Handler:
        async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
            if delay_ms:
                await asyncio.sleep(delay_ms / 1000)
            return "250 2.0.0 Ok: queued"

    controller = Controller(Handler(), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    sys.stdin.read()  # until the bench closes our stdin
    controller.stop()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class Server:
    def __init__(self, delay_ms: float) -> None:
        self.port = free_port()
        self.process = subprocess.Popen(
            [sys.executable, __file__, "--serve", str(self.port), str(delay_ms)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        if self.process.stdout.readline().strip() != "ready":
            raise SystemExit("the SMTP server did not start")

    def stop(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(timeout=30)


# -- the workspace -----------------------------------------------------------------------------


def addresses(count: int) -> list[tuple[str, str]]:
    return [(f"reader{n:05d}@example.com", ("en", "ar", "both")[n % 3]) for n in range(count)]


def workspace(home: Path, subscribers: int, channels: list[tuple[str, int, int]]) -> None:
    """The subscribers, and one email channel per (name, port, connections)."""
    from statusdesk.desk import Desk

    listing = home.parent / "subscribers.csv"
    with listing.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["email", "language"])
        writer.writerows(addresses(subscribers))
    with Desk(home) as desk:
        with desk.store.transaction():
            desk.store.conn.execute("UPDATE channel SET enabled = 0 WHERE kind = 'site'")
        desk.store.subscribers.import_csv(listing, desk.now())
        for name, port, connections in channels:
            settings = {
                "host": "127.0.0.1",
                "port": str(port),
                "security": "none",
                "allow_plaintext": "yes",
                "from": FROM,
                "unsubscribe_url": "https://status.acme.example/unsubscribe?token={token}",
                "connections": str(connections),
            }
            desk.channels.add_channel("email", name, settings)


def sample_copies() -> dict[str, bytes]:
    """A real copy per language variant, as statusdesk makes it for one subscriber: the floor
    sends each subscriber these bytes, so its messages are the same size."""
    from statusdesk.channels.email import compose
    from statusdesk.channels.email.copies import Template
    from statusdesk.core.model import (
        BilingualText,
        Impact,
        Incident,
        IncidentKind,
        IncidentState,
        Update,
        UpdateStatus,
    )

    stamp = "2026-03-10T09:00:00Z"
    title = BilingualText(TITLE_EN, TITLE_AR)
    incident = Incident(
        1, title, IncidentKind.INCIDENT, IncidentState.IDENTIFIED, Impact.MAJOR, stamp, stamp, stamp
    )
    update = Update(
        7, 1, IncidentState.IDENTIFIED, BilingualText(EN, AR), "amal", stamp,
        UpdateStatus.PUBLISHED, published_at=stamp,
    )  # fmt: skip
    copies = {}
    for variant in ("en", "ar", "both"):
        languages = compose.variant_languages(variant, ["en", "ar"])
        text = compose.render_message(update, incident, languages, FROM, "latn")
        link = "https://status.acme.example/unsubscribe?token=" + "t" * 22
        recipient = compose.Recipient("reader00002@example.com", variant, link)
        message_id = compose.message_id("sd-bench", recipient.address, "acme.example")
        copies[variant] = Template(compose.read_message(text)).copy(
            recipient, message_id=message_id, when=time.time()
        )
    return copies


# -- the measurements --------------------------------------------------------------------------


def floor(port: int, copies: dict[str, bytes], count: int) -> float:
    """Seconds for a bare smtplib loop over one connection."""
    started = time.perf_counter()
    with smtplib.SMTP("127.0.0.1", port) as smtp:
        for address, variant in addresses(count):
            smtp.sendmail(SENDER, [address], copies[variant])
    return time.perf_counter() - started


def publish(home: Path, channel: str, env: dict[str, str]) -> tuple[float, float]:
    """The whole CLI process: wall seconds and the CPU seconds it used."""
    command = [
        sys.executable, "-m", "statusdesk", "--home", str(home), "incident", "open",
        "--title-en", TITLE_EN, "--title-ar", TITLE_AR, "--en", EN, "--ar", AR,
        "--anyway", "--channels", channel, "--timeout", "1200",
        "--skip-reason", "one channel is measured at a time",
    ]  # fmt: skip
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=env)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"the publish failed ({done.returncode}): {done.stderr or done.stdout}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def check_delivered(home: Path, channel: str, count: int) -> None:
    from statusdesk.desk import Desk

    with Desk(home) as desk:
        rows = desk.store._database.rows(
            "SELECT d.id, d.state FROM delivery d JOIN channel c ON c.id = d.channel_id "
            "WHERE c.name = ? ORDER BY d.id DESC LIMIT 1",
            (channel,),
        )
        (row,) = rows
        sent = [p for p in desk.store.ledger.delivery_parts(row["id"]) if p["state"] == "sent"]
    if row["state"] != "sent" or len(sent) != count:
        raise SystemExit(f"{channel}: delivery {row['state']}, {len(sent)} of {count} sent")


def table(
    home: Path,
    env: dict[str, str],
    port: int,
    suffix: str,
    delay: float,
    connections: list[int],
    copies: dict[str, bytes],
    args: argparse.Namespace,
) -> None:
    count = args.subscribers
    floors = [floor(port, copies, count) for _ in range(args.runs)]
    base = count / statistics.median(floors)
    print(f"\nserver: {delay:g} ms per message")
    print(f"{'sender':>16} {'median s':>9} {'msg/s':>8} {'x floor':>8} {'cpu s':>6}")
    print(f"{'smtplib floor':>16} {statistics.median(floors):>9.2f} {base:>8.0f} {1:>7.2f}x")
    one = 0.0
    for n in connections:
        channel = f"mail{n}{suffix}"
        runs = []
        for _ in range(args.runs):
            runs.append(publish(home, channel, env))
            check_delivered(home, channel, count)
        wall = statistics.median(w for w, _ in runs)
        cpu = statistics.median(c for _, c in runs)
        rate = count / wall
        one = one or rate
        print(
            f"{f'connections={n}':>16} {wall:>9.2f} {rate:>8.0f} {rate / base:>7.2f}x {cpu:>6.2f}"
        )
    verdict = "met" if one / base >= GOAL else "NOT met"
    print(f"goal: connections=1 at least {GOAL}x the floor -> {one / base:.2f}x ({verdict}); "
          f"{args.runs} run(s) each")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--delays", default="0,2", help="server ms per message (default 0,2)")
    parser.add_argument("--connections", default="1,2,4,8")
    parser.add_argument("--serve", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(int(args.serve[0]), float(args.serve[1]))
        return 0
    delays = [float(d) for d in args.delays.split(",")]
    connections = [int(n) for n in args.connections.split(",")]
    count = args.subscribers
    servers = {delay: Server(delay) for delay in delays}
    try:
        with tempfile.TemporaryDirectory(prefix="statusdesk-email-bench-") as tmp:
            env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
            env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
            # An installed statusdesk has its bytecode compiled (pip does it at install time).
            compiled = [sys.executable, "-m", "compileall", "-q", str(ROOT / "statusdesk")]
            subprocess.run(compiled, env=env, check=True, stdout=subprocess.DEVNULL)
            home = Path(tmp) / "workspace"
            home.mkdir()
            channels = [
                (f"mail{n}-{i}", server.port, n)
                for i, server in enumerate(servers.values())
                for n in connections
            ]
            workspace(home, count, channels)
            copies = sample_copies()
            size = statistics.mean(len(c) for c in copies.values())
            print(f"{count:,} subscribers, messages of {size:,.0f} bytes on average")
            for i, (delay, server) in enumerate(servers.items()):
                table(home, env, server.port, f"-{i}", delay, connections, copies, args)
    finally:
        for server in servers.values():
            server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
