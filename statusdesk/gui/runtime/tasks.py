"""The one way the GUI runs slow work: on a small pool, with the outcome back on the GUI thread.

Publishing (a database write that can wait 5 s on a lock), site builds, draft checks over long
texts and opening the browser all go through `TaskRunner.run`. The worker never touches a
widget: it returns a value or raises, and the runner hands that to `on_done` / `on_error` on the
GUI thread through a queued signal. `DeliveryBridge` does the same for the dispatcher's
delivery-state callbacks, which arrive on the dispatcher's own threads.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, Qt, Signal

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

    def shutdown(self) -> None:
        """Let running tasks finish (a publish half-way through must record its outcome), drop
        queued ones, and deliver nothing more to the GUI."""
        with self._lock:
            self._closed = True
        self._pool.shutdown(wait=True, cancel_futures=True)


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

    def close(self) -> None:
        with self._lock:
            self._closed = True
