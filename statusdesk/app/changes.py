"""Whether anyone wrote to the workspace since a reader last looked, without reading it.

The desk's timers used to re-read the workspace on a clock (the list every 30 s, the outbox
every 2 s, due updates every second) to notice what another process (`statusdesk run`, a CLI
command) or a worker thread of this one had written. SQLite says so for nothing: `PRAGMA
data_version`, asked on a connection of its own that never writes, changes whenever any other
connection has committed (ARCHITECTURE §1.6, issue #16). A timer compares it with the value it
saw at its last read and reads again only when it moved (or when time itself makes the answer
different: an update falling due, a retry's time coming).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Protocol

from statusdesk.store import Store


class ChangeSource(Protocol):
    def version(self) -> int:
        """A number that differs from the last one whenever someone wrote meanwhile."""
        ...

    def when_changed(self, callback: Callable[[], None]) -> bool:
        """Call `callback` (on another thread) when someone writes; False when this source
        cannot tell unasked (a view then asks `version` on its timer)."""
        ...

    def when_presence(self, callback: Callable[[], None]) -> bool:
        """Call `callback` (on another thread) when a desk's presence changes (issue #17);
        False when this source has no other desks to hear of (SQLite: one desk)."""
        ...

    def close(self) -> None: ...


class WorkspaceChanges:
    def __init__(self, open_store: Callable[[], Store]) -> None:
        self._open = open_store
        self._store: Store | None = None  # opened at the first question
        self._lock = threading.Lock()  # asked from the GUI thread and the task threads
        self._closed = False

    def version(self) -> int:
        """A number that differs from the last one whenever someone else wrote meanwhile."""
        with self._lock:
            if self._store is None:
                if self._closed:
                    return -1
                self._store = self._open()
            return self._store.data_version()

    def when_changed(self, callback: Callable[[], None]) -> bool:
        return False  # SQLite says nothing unasked: views ask `version` on their timers

    def when_presence(self, callback: Callable[[], None]) -> bool:
        return False  # one desk on its own file: nobody else to be present

    def close(self) -> None:
        with self._lock:
            self._closed = True
            if self._store is not None:
                self._store.close()
                self._store = None


class NotifiedChanges:
    """A team desk's (PostgreSQL): what the server announces, heard on a connection of its own
    (store/postgres/notify.py), started at the first question. `version` reads a count and
    never waits on the network, so the GUI thread may ask it."""

    def __init__(self, url: str, password: str | None) -> None:
        from statusdesk.store.postgres.notify import ChangeListener

        self._listener = ChangeListener(url, password)

    def version(self) -> int:
        return self._listener.start().version()

    def when_changed(self, callback: Callable[[], None]) -> bool:
        self._listener.when_changed(callback)
        self._listener.start()
        return True

    def when_presence(self, callback: Callable[[], None]) -> bool:
        self._listener.when_presence(callback)
        self._listener.start()
        return True

    def wait_listening(self, timeout: float) -> bool:
        return self._listener.start().wait_listening(timeout)

    def close(self) -> None:
        self._listener.close()
