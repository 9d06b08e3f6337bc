"""What one open workspace needs in the GUI: the Desk, the task runner, and the bridge that
carries the dispatcher's delivery changes to the GUI thread. One object, so the app, the tests
and the screenshot script open and close them the same way and in the right order."""

from __future__ import annotations

import os

from statusdesk.core.model import DeliveryState
from statusdesk.desk import Desk
from statusdesk.gui.tasks import DeliveryBridge, TaskRunner


class _BridgeRelay:
    """What the dispatcher calls: the bridge, held only until the session closes.

    A Desk sits in reference cycles of its own (its channel context and dispatcher call back
    into it), so whatever it holds is freed by the garbage collector — on whichever thread
    happens to run it, often a delivery worker. A parentless QObject freed there is deleted
    there, under the GUI thread's feet (a segfault seen under load). The relay lets go of the
    bridge at close, so the bridge dies with the session, on the GUI thread."""

    def __init__(self, bridge: DeliveryBridge) -> None:
        self.bridge: DeliveryBridge | None = bridge

    def __call__(self, delivery_id: int, state: DeliveryState) -> None:
        bridge = self.bridge
        if bridge is not None:
            bridge.report(delivery_id, state)


class Session:
    def __init__(self, home: str | os.PathLike[str] | None, *, checked: bool = False) -> None:
        self.bridge = DeliveryBridge()
        self._relay = _BridgeRelay(self.bridge)
        # May raise WorkspaceError (read-only, locked, damaged): nothing else is started yet.
        try:
            self.desk = Desk(home, on_delivery_change=self._relay, checked=checked)
        except BaseException:
            self._relay.bridge = None
            raise
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
        self.desk.close()  # the dispatcher has stopped: nothing calls the relay any more
        self._relay.bridge = None
