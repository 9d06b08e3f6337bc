"""A team desk's live view (issue #17): when the server says someone wrote to the workspace
(app/changes.NotifiedChanges, on its own thread), the desk re-reads what it shows, at once
rather than at its next slow tick. On SQLite there is nothing to hear: the tick stays.

The listener's thread only emits a queued signal; the re-read itself is the desk's usual one,
off the GUI thread (MainWindow._refresh_all through its short debounce)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal

from statusdesk.desk import Desk


class LiveView(QObject):
    written = Signal()

    def __init__(self, desk: Desk, refresh: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self.live = False
        self.written.connect(refresh, Qt.ConnectionType.QueuedConnection)
        self.live = desk.views.when_written(self._heard)

    def _heard(self) -> None:
        # On the listener's thread. A window already gone has nothing left to show.
        with contextlib.suppress(RuntimeError):
            self.written.emit()
