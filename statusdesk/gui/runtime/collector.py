"""Python's cyclic garbage collector, run on the GUI thread only.

Left automatic, it runs on whichever thread happens to allocate when a threshold is crossed —
often a delivery worker. If a reference cycle it frees holds a Qt object, that object is then
destroyed off the GUI thread, and Qt crashes (seen as a segfault in "Garbage-collecting" on a
worker). So while the GUI runs, automatic collection is off and a short timer on the GUI thread
collects instead, generation by generation as the thresholds say.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        self._thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    def collect_due(self) -> None:
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self._thresholds[generation]:
                gc.collect(generation)
                return

    def stop(self) -> None:
        """Back to automatic collection, after a full collection here on the GUI thread."""
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()
