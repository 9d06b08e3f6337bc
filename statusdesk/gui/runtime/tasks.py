"""The one way the GUI runs slow work: on a small pool, with the outcome back on the GUI thread.

Publishing (a database write that can wait 5 s on a lock), site builds, draft checks over long
texts and opening the browser all go through `TaskRunner.run`. The worker never touches a
widget: it returns a value or raises, and the runner hands that to `on_done` / `on_error` on the
GUI thread through a queued signal. `DeliveryBridge` does the same for the dispatcher's
delivery-state callbacks, which arrive on the dispatcher's own threads.

Two variations, here so that no other GUI module starts a thread (ruff's banned-API rule,
pyproject.toml, holds everything outside gui/runtime to that):

- `TaskRunner.lane(name)`: a serial lane. Its work runs one at a time, in order, and is never
  dropped: closing waits for all of it. For writes that must land in the order given and
  survive a quit (the draft writer); the pool drops queued work at shutdown, which is right for
  reads and wrong there.
- `Aside`: one piece of work on a thread of its own, for the launch, before there is a window,
  an event loop or a workspace to give a TaskRunner (the workspace opened while Qt loads), and
  for what the launch does not wait for (the package versions logged once the desk is up).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QObject, Qt, Signal

if TYPE_CHECKING:
    # Type-only: the launch imports this module before Qt is up (Aside), and should not pay
    # for the domain model there.
    from statusdesk.core.model import DeliveryState

log = logging.getLogger(__name__)

T = TypeVar("T")


class TaskRunner(QObject):
    """Run callables off the GUI thread; results and errors come back as GUI-thread calls."""

    _ready = Signal(object)  # a zero-argument callable to run on the GUI thread

    def __init__(self, max_workers: int = 2, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=max_workers, thread_name_prefix="gui-task")
        self._lock = threading.Lock()
        self._closed = False
        self._pending = 0
        self._lanes: list[Lane] = []
        self._ready.connect(self._call, Qt.ConnectionType.QueuedConnection)

    @property
    def busy(self) -> bool:
        """True while a task runs or its outcome has not reached the GUI thread yet."""
        return self._pending > 0

    def run(
        self,
        work: Callable[[], T],
        on_done: Callable[[T], object],
        on_error: Callable[[BaseException], object],
    ) -> Future[T] | None:
        """Start `work` on the pool. Returns None (and does nothing) once the runner is shut
        down, so a late keystroke during shutdown cannot start a publish nobody will see."""
        with self._lock:
            if self._closed:
                return None
            future = self._pool.submit(work)
            self._pending += 1

        def finished(done: Future[T]) -> None:
            # Runs on the worker thread: only hand over, never touch Qt widgets here.
            with self._lock:
                if self._closed:
                    return
            self._ready.emit(lambda: self._deliver(done, on_done, on_error))

        future.add_done_callback(finished)
        return future

    def _deliver(
        self,
        done: Future[T],
        on_done: Callable[[T], object],
        on_error: Callable[[BaseException], object],
    ) -> None:
        self._pending -= 1
        if done.cancelled():
            return
        error = done.exception()
        if error is not None:
            on_error(error)
        else:
            on_done(done.result())

    def _call(self, closure: Callable[[], Any]) -> None:
        closure()

    def lane(self, name: str) -> Lane:
        """A serial lane of this runner, named `name` (its thread's name too). The runner's
        shutdown closes it, waiting for what it was given; its owner may close it earlier."""
        lane = Lane(name)
        self._lanes.append(lane)
        return lane

    def shutdown(self) -> None:
        """Let running tasks finish (a publish half-way through must record its outcome), drop
        queued ones, and deliver nothing more to the GUI. A lane's work is never dropped: its
        queue is written out first."""
        for lane in self._lanes:
            lane.close()
        with self._lock:
            self._closed = True
        self._pool.shutdown(wait=True, cancel_futures=True)


class Lane:
    """Work run one at a time, in the order given, on one thread; closing waits for all of it.
    The work hands its own outcome on (a signal): nothing comes back through the lane."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self._lock = threading.Lock()
        self._closed = False

    def submit(self, work: Callable[[], object]) -> bool:
        """Queue `work` behind what was given before; False (nothing queued) once closed."""
        with self._lock:
            if self._closed:
                return False
            self._pool.submit(work)
            return True

    def close(self) -> None:
        """Take nothing more, and wait until everything queued has run."""
        with self._lock:
            self._closed = True
        self._pool.shutdown(wait=True)


class Aside(Generic[T]):
    """`work` started now on a daemon thread named `name`; `result()` waits for it and returns
    what it returned or raises what it raised (anything, even a KeyboardInterrupt), on the
    thread that asks. A daemon: an app that ends without asking does not wait for it."""

    def __init__(self, work: Callable[[], T], name: str) -> None:
        self._outcome: Future[T] = Future()
        self._thread = threading.Thread(target=self._run, args=(work,), name=name, daemon=True)
        self._thread.start()

    def _run(self, work: Callable[[], T]) -> None:
        self._outcome.set_running_or_notify_cancel()
        try:
            self._outcome.set_result(work())
        except BaseException as error:  # handed to whoever asks, re-raised there
            self._outcome.set_exception(error)

    def result(self, timeout: float | None = None) -> T:
        return self._outcome.result(timeout)

    def wait(self, timeout: float) -> bool:
        """Wait at most `timeout` seconds for the work to end; whether it has."""
        self._thread.join(timeout)
        return not self._thread.is_alive()


class Coalesced(Generic[T]):
    """One piece of repeatable background work (a re-read, a count, a look at the outbox): at
    most one run at a time, and a request made while it runs asks for exactly one more run
    afterwards, so a burst of changes costs two runs, not one per change."""

    def __init__(
        self,
        runner: TaskRunner,
        work: Callable[[], T],
        on_done: Callable[[T], object],
        on_error: Callable[[BaseException], object],
    ) -> None:
        self._runner = runner
        self._work = work
        self._on_done = on_done
        self._on_error = on_error
        self._running = False
        self._again = False

    def request(self) -> None:
        if self._running:
            self._again = True
            return
        self._running = True
        self._again = False
        if self._runner.run(self._work, self._done, self._failed) is None:  # shutting down
            self._running = False

    def _done(self, value: T) -> None:
        self._running = False
        self._on_done(value)
        if self._again:
            self.request()

    def _failed(self, error: BaseException) -> None:
        self._running = False
        self._on_error(error)
        if self._again:
            self.request()


class DeliveryBridge(QObject):
    """The dispatcher's `on_change(delivery_id, state)`, turned into a queued Qt signal."""

    changed = Signal(int, str)  # delivery id, DeliveryState value
    progressed = Signal(int, int, int, str)  # delivery id, done, total, what was just done

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._closed = False

    def report(self, delivery_id: int, state: DeliveryState) -> None:
        """Called on a dispatcher thread. Emitting a signal is safe from any thread; the
        receivers live on the GUI thread, so Qt queues the call there."""
        with self._lock:
            if self._closed:
                return
            self.changed.emit(delivery_id, state.value)

    def report_progress(self, delivery_id: int, done: int, total: int, what: str) -> None:
        """As `report`, for how far a long attempt is (a site's files uploaded)."""
        with self._lock:
            if self._closed:
                return
            self.progressed.emit(delivery_id, done, total, what)

    def close(self) -> None:
        with self._lock:
            self._closed = True
