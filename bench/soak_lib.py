"""The crash soak shared by tests/e2e/test_crash_soak.py and bench/crash_soak.py (issue #3).

Five local webhook receivers (threaded http.server on 127.0.0.1) record every complete POST's
`Idempotency-Key` and body and answer 200, some after a random 0–80 ms, so that a kill can land
while a request is in flight. One workspace has five webhook channels, one per receiver. Each
round records a new update (in this process, `dispatch=False`: nothing is sent from here), starts
`python -m statusdesk --home H run --poll 0.05` as a real child process and SIGKILLs it at a
random moment. A last runner then works the outbox until nothing is left, and is stopped with
SIGTERM. What the receivers saw is then held against the workspace (`SoakResult.problems`):

- every delivery is `sent`, and its key reached its own receiver at least once (nothing lost,
  nothing marked sent that never arrived);
- every repeat of a key at a receiver carries the same body: a retry is the same request;
- no update reached one receiver under two keys (an "unflagged double", which a receiver that
  honours the key cannot catch);
- the receivers saw exactly as many distinct keys as there are deliveries, and none of another
  channel's.

Repeats of one key (a retry of a request that had arrived before its sender died) are expected
and counted, not failed: that is what the key is for.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
RECEIVERS = 5
MAX_DELAY = 0.080  # a receiver's answer comes after 0–80 ms ...
DELAYED_SHARE = 0.7  # ... for this share of requests; the rest at once
KILL_WINDOW = 0.400  # a runner is killed 0–400 ms after it starts working the outbox ...
EARLY_KILLS = 0.2  # ... or, in this share of rounds, 0–400 ms after it was started at all
READY_LINE = "working the outbox"
OPEN_STATES = ("pending", "sending", "retry_wait", "unknown")
INCIDENT_LENGTH = 10  # rounds per incident: opened, updated (identified ⇄ monitoring), resolved


# -- receivers ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Post:
    key: str
    body: bytes
    at: float


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_POST(self) -> None:
        receiver = self.server.receiver
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        if len(body) < length:
            return  # the sender died mid-request: a real receiver never acts on half a body
        receiver.record(self.path, self.headers.get("Idempotency-Key") or "", body)
        delay = receiver.delay()
        if delay:
            time.sleep(delay)
        answer = b'{"ok": true}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    receiver: Receiver

    def handle_error(self, request: Any, client_address: Any) -> None:
        error = sys.exc_info()[1]
        if isinstance(error, ConnectionError | TimeoutError):
            self.receiver.disconnects += 1  # a killed sender: expected, and what we are after
            return
        self.receiver.errors.append(repr(error))


class Receiver:
    """One webhook endpoint on 127.0.0.1, on an ephemeral port, in a thread of this process."""

    def __init__(self, name: str, seed: int, *, respond_after: float | None = None) -> None:
        """`respond_after`: answer every request after exactly this many seconds (fanout
        bench); otherwise some after a random 0–80 ms (the soak)."""
        self.name = name
        self.posts: list[Post] = []
        self.paths: list[str] = []
        self.errors: list[str] = []
        self.disconnects = 0
        self._respond_after = respond_after
        self._rng = random.Random(seed)
        self._lock = threading.Lock()
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.receiver = self
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"receiver-{name}",
            daemon=True,
        )

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/{self.name}"

    def start(self) -> Receiver:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=10)

    def record(self, path: str, key: str, body: bytes) -> None:
        with self._lock:
            self.paths.append(path)
            self.posts.append(Post(key, body, time.monotonic()))

    def delay(self) -> float:
        if self._respond_after is not None:
            return self._respond_after
        with self._lock:
            if self._rng.random() >= DELAYED_SHARE:
                return 0.0
            return self._rng.uniform(0.0, MAX_DELAY)

    def snapshot(self) -> list[Post]:
        with self._lock:
            return list(self.posts)


# -- runners ------------------------------------------------------------------------------------


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    env["PYTHONUNBUFFERED"] = "1"
    return env


class RunnerProcess:
    """`python -m statusdesk --home H run --poll P`, its output (stdout and stderr) collected
    on a thread, and an event set once it says it is working the outbox."""

    def __init__(self, home: Path, poll: float = 0.05, db: str | None = None) -> None:
        self.lines: list[str] = []
        self.ready = threading.Event()
        team = ["--db", db] if db else []  # the workspace's records on PostgreSQL (issue #17)
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "statusdesk",
                "--home",
                str(home),
                *team,
                "run",
                "--poll",
                str(poll),
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            cwd=REPO,
            env=child_env(),
        )
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for raw in self.process.stdout:
            line = raw.decode("utf-8", "replace").rstrip("\n")
            self.lines.append(line)
            if READY_LINE in line:
                self.ready.set()
        self.process.stdout.close()

    def kill(self) -> int:
        """SIGKILL and reap."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
        return self.reap()

    def terminate(self, timeout: float = 30) -> int:
        """SIGTERM (a clean stop) and reap; the exit code."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        return self.reap(timeout)

    def reap(self, timeout: float = 30) -> int:
        try:
            code = self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
            raise
        self._reader.join(timeout=10)
        return code

    @property
    def output(self) -> str:
        return "\n".join(self.lines)


# -- the soak -----------------------------------------------------------------------------------


@dataclass
class SoakResult:
    seed: int
    rounds: int
    deliveries: int = 0
    posts: int = 0  # requests that reached a receiver whole
    distinct_keys: int = 0
    lost: int = 0  # deliveries whose key never reached their receiver
    sent_unseen: int = 0  # ... of them, marked sent
    not_sent: dict[str, int] = field(default_factory=dict)  # state → count, for rows not sent
    unflagged_doubles: int = 0  # an update at one receiver under more than one key
    same_key_repeats: int = 0  # a key seen again at its receiver (a retry: allowed)
    changed_bodies: int = 0  # keys whose repeats carried a different body
    stray_keys: int = 0  # keys at a receiver that no delivery of its channel has
    kills_mid_attempt: int = 0  # rounds whose kill left a row `sending`
    rows_left_sending: int = 0  # rows a kill left `sending`, summed over rounds
    disconnects: int = 0  # answers a receiver could not write: its sender was gone
    max_attempts: int = 0
    final_exit_code: int | None = None
    drain_seconds: float = 0.0
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)
    examples: list[str] = field(default_factory=list)
    final_output: str = ""
    log_errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"seed {self.seed}: {self.rounds} rounds, {self.deliveries} deliveries, "
            f"{self.posts} POSTs, {self.distinct_keys} distinct keys, "
            f"{self.same_key_repeats} same-key retries reached a receiver twice, "
            f"lost {self.lost}, unflagged doubles {self.unflagged_doubles}, "
            f"changed bodies {self.changed_bodies}; {self.kills_mid_attempt} kills left "
            f"{self.rows_left_sending} row(s) mid-attempt, {self.disconnects} answers to a dead "
            f"sender, max attempts {self.max_attempts}; final drain {self.drain_seconds:.1f} s, "
            f"total {self.seconds:.1f} s"
        )


def rows(home: Path, sql: str, *params: object, db: str | None = None) -> list[dict[str, Any]]:
    """What a query reads of the workspace, from outside its processes: its SQLite file, or its
    PostgreSQL database `db` (the query written with `?`, as the store's are)."""
    if db is None:
        conn = sqlite3.connect(home / "statusdesk.db", timeout=10)
        conn.row_factory = sqlite3.Row
        try:
            return [dict(row) for row in conn.execute(sql, params).fetchall()]
        finally:
            conn.close()
    import psycopg
    from psycopg.rows import dict_row

    from statusdesk.store.postgres.placeholders import pyformat

    with psycopg.connect(db, row_factory=dict_row) as team:
        return team.execute(pyformat(sql), params).fetchall()


def _count(home: Path, sql: str, db: str | None = None) -> int:
    return int(next(iter(rows(home, sql, db=db)[0].values())))


def setup_workspace(home: Path, receivers: list[Receiver], db: str | None = None) -> None:
    """Webhook channels named after the receivers (their URL path is the name); the site
    channel disabled."""
    from statusdesk.desk import Desk

    with Desk(home, db=db) as desk:
        desk.channels.enable_channel("site", False)
        for receiver in receivers:
            desk.channels.add_channel("webhook", receiver.name, {"url": receiver.url})


def record_update(desk: Any, number: int, incident_id: int | None) -> int:
    """Round `number`'s update, recorded and left to the runner (dispatch=False): a new
    incident every INCIDENT_LENGTH rounds, then identified ⇄ monitoring, then resolved. Returns
    the incident's id."""
    from statusdesk.core.model import BilingualText, Draft, Impact, IncidentState

    step = number % INCIDENT_LENGTH
    body = BilingualText(
        f"Update {number}: we are working on elevated API errors.",
        f"التحديث {number}: نعمل على معالجة ارتفاع أخطاء الواجهة البرمجية.",
    )
    if incident_id is None or step == 0:
        published = desk.publishing.open_incident(
            title=BilingualText(f"API errors #{number}", f"أخطاء الواجهة البرمجية رقم {number}"),
            draft=Draft(body, IncidentState.INVESTIGATING, Impact.MAJOR),
            dispatch=False,
        )
        return int(published.incident_id)
    if step == INCIDENT_LENGTH - 1:
        state = IncidentState.RESOLVED
    else:
        state = IncidentState.IDENTIFIED if step % 2 else IncidentState.MONITORING
    desk.publishing.post_update(incident_id, Draft(body, state), dispatch=False)
    return incident_id


def run_soak(
    home: Path,
    rounds: int,
    seed: int,
    *,
    drain_timeout: float = 60.0,
    say: Callable[[str], None] = lambda line: None,
    db: str | None = None,
) -> SoakResult:
    """`rounds` updates, each left to a runner killed at a random moment; then one runner that
    drains the outbox and stops; then the checks. `db`: the workspace's records on PostgreSQL."""
    from statusdesk.desk import Desk

    started = time.monotonic()
    rng = random.Random(seed)
    result = SoakResult(seed=seed, rounds=rounds)
    receivers = [
        Receiver(f"hook-{n}", rng.randrange(2**32)).start() for n in range(1, RECEIVERS + 1)
    ]
    try:
        setup_workspace(home, receivers, db)
        incident_id: int | None = None
        with Desk(home, db=db) as desk:
            for number in range(rounds):
                incident_id = record_update(desk, number, incident_id)
                early = rng.random() < EARLY_KILLS
                wait = rng.uniform(0.0, KILL_WINDOW)
                runner = RunnerProcess(home, db=db)
                try:
                    if not early and not runner.ready.wait(30):
                        raise RuntimeError(
                            f"round {number}: the runner never got going:\n{runner.output}"
                        )
                    time.sleep(wait)
                finally:
                    runner.kill()
                left = _count(home, "SELECT COUNT(*) FROM delivery WHERE state = 'sending'", db)
                result.rows_left_sending += left
                result.kills_mid_attempt += left > 0
                if (number + 1) % 25 == 0:
                    say(f"round {number + 1}/{rounds}: {left} row(s) left mid-attempt")
        result.drain_seconds, result.final_exit_code, result.final_output = _drain(
            home, drain_timeout, db
        )
        if result.final_exit_code != 0:
            result.problems.append(
                f"the last runner exited {result.final_exit_code} on SIGTERM (expected 0)"
            )
        _check(home, receivers, result, db)
    finally:
        for receiver in receivers:
            receiver.stop()
    result.seconds = time.monotonic() - started
    return result


def _drain(home: Path, timeout: float, db: str | None = None) -> tuple[float, int, str]:
    """One last runner works the outbox until nothing is open (or `timeout`), then SIGTERM."""
    started = time.monotonic()
    runner = RunnerProcess(home, db=db)
    deadline = started + timeout
    open_rows = "SELECT COUNT(*) FROM delivery WHERE state IN ({})".format(
        ", ".join(f"'{s}'" for s in OPEN_STATES)
    )
    try:
        # The stop is only a clean one once the runner has installed its signal handlers and is
        # working the outbox; an outbox that was already empty must not let SIGTERM arrive while
        # the interpreter is still importing (the default action would kill it with -15).
        while not runner.ready.wait(0.05):
            if time.monotonic() >= deadline or runner.process.poll() is not None:
                break
        while time.monotonic() < deadline and runner.process.poll() is None:
            if _count(home, open_rows, db) == 0:
                break
            time.sleep(0.05)
        drained = time.monotonic() - started
        code = runner.terminate()
    finally:
        runner.kill()  # only if it is still there: an error above, or a runner that would not stop
    return drained, code, runner.output


def _check(
    home: Path, receivers: list[Receiver], result: SoakResult, db: str | None = None
) -> None:
    deliveries = rows(
        home,
        "SELECT d.id, d.update_id, d.state, d.attempts, d.idempotency_key, c.name "
        "FROM delivery d JOIN channel c ON c.id = d.channel_id ORDER BY d.id",
        db=db,
    )
    result.deliveries = len(deliveries)
    result.max_attempts = max((r["attempts"] for r in deliveries), default=0)
    by_name = {r.name: r for r in receivers}
    seen: dict[str, dict[str, list[bytes]]] = {}  # receiver → key → bodies
    for receiver in receivers:
        keys: dict[str, list[bytes]] = defaultdict(list)
        for post in receiver.snapshot():
            keys[post.key].append(post.body)
        seen[receiver.name] = keys
        result.posts += len(receiver.posts)
        result.disconnects += receiver.disconnects
        if receiver.errors:
            result.problems.append(f"receiver {receiver.name} failed: {receiver.errors[:3]}")
        wrong_paths = {p for p in receiver.paths if p != f"/{receiver.name}"}
        if wrong_paths:
            result.problems.append(f"receiver {receiver.name} got POSTs to {wrong_paths}")
    result.distinct_keys = sum(len(keys) for keys in seen.values())

    not_sent: Counter[str] = Counter()
    expected: dict[str, set[str]] = defaultdict(set)
    for row in deliveries:
        expected[row["name"]].add(row["idempotency_key"])
        if row["state"] != "sent":
            not_sent[row["state"]] += 1
            _example(result, f"delivery {row['id']} ({row['name']}) ended {row['state']}")
        if row["name"] not in by_name:
            result.problems.append(f"delivery {row['id']} went to unknown channel {row['name']}")
            continue
        if row["idempotency_key"] not in seen[row["name"]]:
            result.lost += 1
            result.sent_unseen += row["state"] == "sent"
            _example(
                result,
                f"delivery {row['id']} ({row['name']}, {row['state']}, {row['attempts']} "
                "attempt(s)): its key never reached the receiver",
            )
    result.not_sent = dict(not_sent)

    for name, keys in seen.items():
        by_update: dict[object, set[str]] = defaultdict(set)
        for key, bodies in keys.items():
            result.same_key_repeats += len(bodies) - 1
            if key not in expected[name]:
                result.stray_keys += 1
                _example(result, f"{name} got key {key!r}, which no delivery of it has")
            if len(set(bodies)) > 1:
                result.changed_bodies += 1
                _example(
                    result,
                    f"{name}: key {key} came {len(bodies)} times with other bodies: "
                    + _body_difference(bodies),
                )
            for body in set(bodies):
                by_update[_update_id(body)].add(key)
        for update_id, keys_of_update in by_update.items():
            if len(keys_of_update) > 1:
                result.unflagged_doubles += len(keys_of_update) - 1
                _example(
                    result,
                    f"{name}: update {update_id} arrived under {len(keys_of_update)} keys",
                )

    if not_sent:
        result.problems.append(f"deliveries not sent: {dict(not_sent)}")
    if result.lost:
        result.problems.append(
            f"{result.lost} deliveries never reached their receiver "
            f"({result.sent_unseen} of them marked sent)"
        )
    if result.changed_bodies:
        result.problems.append(
            f"{result.changed_bodies} idempotency key(s) were retried with a different body"
        )
    if result.unflagged_doubles:
        result.problems.append(
            f"{result.unflagged_doubles} unflagged double(s): an update posted again under "
            "a new key"
        )
    if result.stray_keys:
        result.problems.append(f"{result.stray_keys} key(s) reached the wrong receiver")
    if result.distinct_keys != result.deliveries:
        result.problems.append(
            f"the receivers saw {result.distinct_keys} distinct keys for "
            f"{result.deliveries} deliveries"
        )
    result.log_errors = _log_errors(home)


def _update_id(body: bytes) -> object:
    try:
        return json.loads(body)["update"]["id"]
    except (ValueError, KeyError, TypeError):
        return body  # not the statusdesk format: the body itself stands for the update


def _body_difference(bodies: list[bytes]) -> str:
    """The fields in which the bodies of one key differ, e.g. incident.state: a → b."""
    try:
        documents = [json.loads(b) for b in bodies]
    except ValueError:
        return "(not JSON)"
    differences = []

    def walk(path: str, values: list[Any]) -> None:
        if all(isinstance(v, dict) for v in values):
            for k in sorted({k for v in values for k in v}):
                walk(f"{path}.{k}" if path else k, [v.get(k) for v in values])
        elif any(v != values[0] for v in values):
            differences.append(
                f"{path}: {' → '.join(json.dumps(v, ensure_ascii=False) for v in values)}"
            )

    walk("", documents)
    return "; ".join(differences)


def _example(result: SoakResult, text: str) -> None:
    if len(result.examples) < 10:
        result.examples.append(text)


def _log_errors(home: Path) -> list[str]:
    log = home / "logs" / "statusdesk.log"
    if not log.exists():
        return []
    return [
        line
        for line in log.read_text(encoding="utf-8", errors="replace").splitlines()
        if " ERROR " in line
    ]
