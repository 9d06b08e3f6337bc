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

from statusdesk.store import Store


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

    def close(self) -> None:
        with self._lock:
            self._closed = True
            if self._store is not None:
                self._store.close()
                self._store = None
