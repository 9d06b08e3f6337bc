"""Live views on a team desk (issue #17): every write to the workspace is announced on one
PostgreSQL channel, and each desk listens on a connection of its own, so a publish on one desk
shows on the others as soon as the server says so — no desk polls the server, and nothing it
does grows with the workspace.

The announcement is `NOTIFY statusdesk_changes` inside the writing transaction
(database.py): PostgreSQL delivers it only if that transaction commits, once per transaction
however many rows it wrote. `ChangeListener` counts what it hears; `version()` is that count,
read without any I/O, so a GUI timer may ask it as often as it likes. A lost connection is
counted as a change (something may have been said meanwhile) and made again, a little later
each time.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

CHANNEL = "statusdesk_changes"
NOTIFY = f"NOTIFY {CHANNEL}"
# Who is doing what (store/presence.py): a desk opened an incident or took an editor. Not a
# write to the workspace's records: heard only by what shows presence, never counted below.
PRESENCE_CHANNEL = "statusdesk_presence"
WAIT_S = 0.5  # how long one wait for a notification lasts before the stop flag is looked at
RETRY_S = (0.5, 1.0, 2.0, 5.0, 10.0)  # between attempts to listen again after a failure

log = logging.getLogger(__name__)


class ChangeListener:
    def __init__(self, url: str, password: str | None) -> None:
        self._url = url
        self._password = password
        self._count = 0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._listening = threading.Event()
        self._callbacks: list[Callable[[], None]] = []
        self._presence_callbacks: list[Callable[[], None]] = []
        self._thread: threading.Thread | None = None

    def start(self) -> ChangeListener:
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._listen, name="statusdesk-changes", daemon=True
                )
                self._thread.start()
        return self

    def version(self) -> int:
        """How many changes were heard (and connections lost): no I/O."""
        with self._lock:
            return self._count

    def when_changed(self, callback: Callable[[], None]) -> None:
        """Call `callback` (on the listener's thread) at each change heard."""
        with self._lock:
            self._callbacks.append(callback)

    def when_presence(self, callback: Callable[[], None]) -> None:
        """Call `callback` (on the listener's thread) when a desk's presence changes
        (PRESENCE_CHANNEL), and when the connection was lost (something may have been said)."""
        with self._lock:
            self._presence_callbacks.append(callback)

    def wait_listening(self, timeout: float) -> bool:
        """Whether the listener is on the channel (tests, and a desk that must not miss the
        first change after it opened)."""
        return self._listening.wait(timeout)

    def close(self) -> None:
        self._stop.set()
        thread = self._thread
        if thread is not None:
            thread.join(timeout=10)

    def _changed(self) -> None:
        with self._lock:
            self._count += 1
            callbacks = list(self._callbacks)
        self._call(callbacks)

    def _presence(self) -> None:
        with self._lock:
            callbacks = list(self._presence_callbacks)
        self._call(callbacks)

    def _call(self, callbacks: list[Callable[[], None]]) -> None:
        for callback in callbacks:
            try:
                callback()
            except Exception:  # a view's trouble is the view's: keep listening for the others
                log.exception("a change callback failed")

    def _listen(self) -> None:
        import psycopg

        failures = 0
        while not self._stop.is_set():
            try:
                with psycopg.connect(self._url, **_options(self._password)) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    conn.execute(f"LISTEN {PRESENCE_CHANNEL}")
                    self._listening.set()
                    failures = 0
                    while not self._stop.is_set():
                        for heard in conn.notifies(timeout=WAIT_S):
                            if heard.channel == PRESENCE_CHANNEL:
                                self._presence()
                            else:
                                self._changed()
            except psycopg.Error as error:
                self._listening.clear()
                log.warning("live view: listening on the workspace stopped (%s); again soon", error)
                self._changed()  # whatever was said meanwhile went unheard: read again
                self._presence()
                self._stop.wait(RETRY_S[min(failures, len(RETRY_S) - 1)])
                failures += 1


def _options(password: str | None) -> dict[str, Any]:
    made: dict[str, Any] = {"autocommit": True}
    if password:
        made["password"] = password
    return made
