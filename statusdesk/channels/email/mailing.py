"""One attempt of the email channel: its SMTP sessions over the recipients still to mail, and
the ledger written in batches as they go.

`connections` sessions (default 1, at most 8) each run in a thread of their own and take
batches of recipients from one queue; only the calling thread (a dispatcher worker) writes the
ledger, since a store connection belongs to one thread. For every batch it commits, in one
transaction, `sending` for all of its recipients before the batch is handed to a session, and
once the session is done with it, in one more transaction, each recipient's outcome. So
after a crash at any point, everyone the server took is `sent` or `sending` (a person decides
those, as for a connection that broke after DATA), and nobody is `sent` whom the server did
not take. BATCH is the trade: two transactions per batch instead of two per recipient, against
the recipients a crash leaves `sending` for a person to decide: at most one batch per session
(the one it is sending) and one more (waiting, so that no session waits for a transaction).

A session makes the next recipient's copy while the server takes the current one (between the
end of DATA and its reply), so making copies costs no time on the wire. Each session behaves as
the one session did before: a 5xx for one address does not stop the
others, a 4xx is tried again at the next attempt, a connection that breaks is opened again a
few times (MAX_RECONNECTS per session), and a refused sender stops everything. `max_per_second`
paces all sessions together: each message takes the next free slot, 1/rate apart.
"""

from __future__ import annotations

import contextlib
import queue
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from statusdesk.channels.base import ChannelError, PartLedger, PartOutcome, Permanent, Receipt
from statusdesk.channels.email.compose import Recipient
from statusdesk.channels.email.settings import EmailSettings
from statusdesk.channels.email.smtp import Connection, ConnectionLost, Outcome, wire

# Reconnections per session within one attempt after the server dropped the connection; past
# that, the session stops and its recipients wait for the next attempt.
MAX_RECONNECTS = 2
# Recipients per ledger batch: at about a millisecond a message a batch is some 25 ms of
# sending, so its two transactions (well under a millisecond each) cost a few percent at most,
# while a crash leaves at most 25 x (connections + 1) recipients `sending` for a person to decide.
BATCH = 25

# However slowly batches finish (a provider's limit of a message a minute), the ledger hears
# from this attempt at least this often, which keeps its claim on the delivery.
STILL_HERE_SECONDS = 30.0

Copy = Callable[[Recipient], tuple[str, bytes]]  # recipient -> (Message-ID, bytes)


class Pacer:
    """At most `per_second` messages a second across all sessions (None: no limit). Each
    message takes the next slot, 1/rate after the one before, and waits for it; `stop` ends
    every wait at once."""

    def __init__(self, per_second: float | None, stop: threading.Event) -> None:
        self.interval = 1.0 / per_second if per_second else 0.0
        self._next = 0.0
        self._lock = threading.Lock()
        self._stop = stop

    def wait(self) -> None:
        if not self.interval:
            return
        with self._lock:
            now = time.monotonic()
            slot = max(now, self._next)
            self._next = slot + self.interval
        if slot > now:
            self._stop.wait(slot - now)


@dataclass
class _Batch:
    items: list[tuple[int, Recipient]]
    outcomes: list[PartOutcome] = field(default_factory=list)
    sent: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)
    deferred: list[tuple[str, str]] = field(default_factory=list)
    unsure: list[str] = field(default_factory=list)
    untried: list[tuple[int, str]] = field(default_factory=list)
    stopped: str = ""  # the session gave up (the server kept hanging up)
    error: BaseException | None = None  # Permanent (the sender refused) or a bug: stop all


class Mailing:
    """One attempt's sessions over the recipients still to mail (`run`), and what happened."""

    def __init__(
        self,
        name: str,
        settings: EmailSettings,
        password: str | None,
        ledger: PartLedger,
        *,
        connections: int = 1,
        max_per_second: float | None = None,
    ) -> None:
        self.name = name
        self.settings = settings
        self.password = password
        self.ledger = ledger
        self.connections = max(1, connections)
        self.sent: list[str] = []
        self.refused: list[tuple[str, str]] = []
        self.deferred: list[tuple[str, str]] = []
        self.unsure: list[str] = []
        self.not_tried: list[str] = []
        self.stopped = ""
        self._stop = threading.Event()
        self._pacer = Pacer(max_per_second, self._stop)
        self._ready: queue.SimpleQueue[_Batch | None] = queue.SimpleQueue()
        self._events: queue.SimpleQueue[tuple[str, int, object]] = queue.SimpleQueue()

    @property
    def touched(self) -> bool:
        return bool(self.sent or self.refused or self.deferred or self.unsure)

    # -- the calling thread: hands out batches, writes the ledger -----------------------------

    def run(self, todo: deque[tuple[int, Recipient]], copy: Copy, total: int) -> None:
        """Mail `todo`. Raises the first session's error when no session could open (nothing
        was sent), Permanent when the server refused the sender, and a bug as it is."""
        items = list(todo)
        batches = deque(items[i : i + BATCH] for i in range(0, len(items), BATCH))
        sessions = min(self.connections, len(batches))
        threads = [
            threading.Thread(
                target=self._session, args=(index, copy), name=f"{self.name}-smtp-{index}"
            )
            for index in range(sessions)
        ]
        for thread in threads:
            thread.daemon = True
            thread.start()
        open_errors: list[BaseException] = []
        error: BaseException | None = None
        opened, working, ended, in_flight = 0, 0, 0, 0
        done = total - len(items)
        closing = False
        try:
            while ended < sessions:
                try:
                    kind, _, payload = self._events.get(timeout=STILL_HERE_SECONDS)
                except queue.Empty:  # a slow server or a low max_per_second: keep the claim
                    self.ledger.progress(done, total, "recipients")
                    continue
                if kind == "ready":
                    opened += 1
                    working += 1
                elif kind == "open_failed":
                    assert isinstance(payload, BaseException)
                    open_errors.append(payload)
                elif kind == "ended":
                    ended += 1
                elif kind == "done":
                    assert isinstance(payload, _Batch)
                    in_flight -= 1
                    done += len(payload.items) - len(payload.untried)
                    self._finish(payload)
                    self.ledger.progress(done, total, "recipients")
                    if payload.stopped or payload.error is not None:
                        working -= 1  # that session has ended
                    if payload.error is not None and error is None:
                        error = payload.error
                        self._stop.set()
                opening = sessions - opened - len(open_errors)
                if working == 0 and opening == 0:
                    in_flight -= self._drain_unsent()  # nobody left to take them: not sent
                while error is None and batches and working and in_flight < working + 1:
                    batch = _Batch(batches.popleft())
                    self.ledger.sending_many([(seq, r.address) for seq, r in batch.items])
                    self._ready.put(batch)
                    in_flight += 1
                idle = error is not None or not batches or not working
                if not closing and in_flight == 0 and opening == 0 and idle:
                    closing = True
                    for _ in range(sessions):
                        self._ready.put(None)
        except BaseException:
            # The ledger could not be written (or worse): stop every session, which leaves
            # what it holds `sending`, as a crash would; then say what happened.
            self._stop.set()
            for _ in range(sessions):
                self._ready.put(None)
            raise
        for thread in threads:
            thread.join()
        self.not_tried += [r.address for batch in batches for _, r in batch]
        if error is not None:
            raise error
        if open_errors and not opened:
            raise open_errors[0]  # nothing happened yet: the error says it all
        if open_errors and self.not_tried and not self.stopped:
            self.stopped = str(open_errors[0])

    def _drain_unsent(self) -> int:
        drained = 0
        while True:
            try:
                batch = self._ready.get_nowait()
            except queue.Empty:
                return drained
            if batch is None:
                continue
            drained += 1
            batch.untried = [(seq, r.address) for seq, r in batch.items]
            self._finish(batch)

    def _finish(self, batch: _Batch) -> None:
        why = batch.stopped or self.stopped or "the attempt stopped before it"
        outcomes = batch.outcomes + [
            PartOutcome(seq, error=f"not sent: {why}") for seq, _ in batch.untried
        ]
        if outcomes:
            self.ledger.finished_many(outcomes)
        self.sent += batch.sent
        self.refused += batch.refused
        self.deferred += batch.deferred
        self.unsure += batch.unsure
        self.not_tried += [address for _, address in batch.untried]
        if batch.stopped and not self.stopped:
            self.stopped = batch.stopped

    # -- a session's thread: sends, never touches the ledger ----------------------------------

    def _session(self, index: int, copy: Copy) -> None:
        connection: Connection | None = Connection(self.name, self.settings, self.password)
        try:
            assert connection is not None
            try:
                connection.open()
            except BaseException as exc:
                connection = None
                self._events.put(("open_failed", index, exc))
                return
            self._events.put(("ready", index, None))
            reconnects = 0
            while True:
                batch = self._ready.get()
                if batch is None:
                    return
                connection, reconnects = self._send(batch, connection, reconnects, copy)
                self._events.put(("done", index, batch))
                if batch.stopped or batch.error is not None:
                    return
        finally:
            if connection is not None:
                connection.close()
            self._events.put(("ended", index, None))

    def _send(
        self, batch: _Batch, connection: Connection | None, reconnects: int, copy: Copy
    ) -> tuple[Connection | None, int]:
        todo = deque(batch.items)
        ahead: dict[int, tuple[str, bytes]] = {}  # the next copy, made while the server works

        def make(recipient: Recipient) -> tuple[str, bytes]:
            message_id, data = copy(recipient)
            return message_id, wire(data)

        def next_one() -> None:
            if len(todo) > 1:
                seq, recipient = todo[1]
                with contextlib.suppress(Exception):  # if not, made in the open in its turn
                    ahead[seq] = make(recipient)

        try:
            while todo:
                if self._stop.is_set():
                    break
                if connection is None:
                    connection = Connection(self.name, self.settings, self.password)
                    try:
                        connection.open()
                    except ChannelError as exc:
                        connection, batch.stopped = None, str(exc)
                        break
                seq, recipient = todo[0]
                message_id, data = ahead.pop(seq) if seq in ahead else make(recipient)
                self._pacer.wait()
                try:
                    result = connection.send(
                        self.settings.from_address, recipient.address, data, next_one
                    )
                except ConnectionLost as lost:
                    connection = None
                    if lost.unsure:
                        todo.popleft()  # left `sending`: nobody can tell whether it arrived
                        batch.unsure.append(recipient.address)
                    reconnects += 1
                    if reconnects > MAX_RECONNECTS:
                        batch.stopped = lost.detail
                        break
                    continue
                except Permanent as exc:
                    todo.popleft()
                    batch.outcomes.append(PartOutcome(seq, error=str(exc)))
                    batch.error = exc
                    break
                todo.popleft()
                if result.outcome is Outcome.SENT:
                    receipt = Receipt(remote_id=message_id, detail=result.reply)
                    batch.outcomes.append(PartOutcome(seq, receipt))
                    batch.sent.append(recipient.address)
                elif result.outcome is Outcome.REFUSED:
                    batch.outcomes.append(PartOutcome(seq, error=f"refused: {result.reply}"))
                    batch.refused.append((recipient.address, result.reply))
                else:
                    batch.outcomes.append(PartOutcome(seq, error=f"deferred: {result.reply}"))
                    batch.deferred.append((recipient.address, result.reply))
        except BaseException as exc:  # a bug: the message in hand stays `sending` (unknown)
            if todo:
                todo.popleft()
            batch.error = exc
        batch.untried = [(seq, r.address) for seq, r in todo]
        return connection, reconnects
