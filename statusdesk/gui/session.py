"""What one open workspace needs in the GUI: the Desk, the task runner, and the bridge that
carries the dispatcher's delivery changes to the GUI thread. One object, so the app, the tests
and the screenshot script open and close them the same way and in the right order."""

from __future__ import annotations

import os

from statusdesk.desk import Desk
from statusdesk.gui.tasks import DeliveryBridge, TaskRunner


class Session:
    def __init__(self, home: str | os.PathLike[str] | None, *, checked: bool = False) -> None:
        self.bridge = DeliveryBridge()
        # May raise WorkspaceError (read-only, locked, damaged): nothing else is started yet.
        self.desk = Desk(home, on_delivery_change=self.bridge.report, checked=checked)
        self.tasks = TaskRunner()
        self._closed = False

    def close(self) -> None:
        """Finish what is running (a publish half-way records its outcome, deliveries in flight
        finish and are recorded), then let go of the workspace."""
        if self._closed:
            return
        self._closed = True
        self.tasks.shutdown()
        self.bridge.close()
        self.desk.close()
