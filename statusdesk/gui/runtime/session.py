"""What one open workspace needs in the GUI: the Desk, the task runner, and the bridge that
carries the dispatcher's delivery changes to the GUI thread. One object, so the app, the tests
and the screenshot script open and close them the same way and in the right order."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from datetime import tzinfo
from typing import TYPE_CHECKING

from statusdesk.clock import Clock
from statusdesk.core.model import DeliveryState
from statusdesk.desk import Desk
from statusdesk.gui.runtime.tasks import DeliveryBridge, TaskRunner
from statusdesk.scheduling.when import local_zone

if TYPE_CHECKING:
    from statusdesk.app.database import StoreOpener


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

    def progress(self, delivery_id: int, done: int, total: int, what: str) -> None:
        bridge = self.bridge
        if bridge is not None:
            bridge.report_progress(delivery_id, done, total, what)


class Session:
    def __init__(
        self,
        home: str | os.PathLike[str] | None,
        *,
        checked: bool = False,
        db: str | None = None,
        records: StoreOpener | None = None,
        clock: Clock | None = None,
        monotonic: Callable[[], float] | None = None,
        zone: tzinfo | None = None,
    ) -> None:
        """`clock` and `monotonic`: the wall and monotonic clocks (tests pass clocks they move;
        a wall clock moved without the monotonic one is a machine waking from sleep). `zone`:
        where times are read and shown beside UTC (default: this machine's, with its DST)."""
        self.bridge = DeliveryBridge()
        self._relay = _BridgeRelay(self.bridge)
        self.monotonic: Callable[[], float] = monotonic or time.monotonic
        self.zone: tzinfo = zone or local_zone()
        # May raise WorkspaceError (read-only, locked, damaged): nothing else is started yet.
        try:
            self.desk = Desk(
                home,
                clock=clock,
                on_delivery_change=self._relay,
                on_delivery_progress=self._relay.progress,
                checked=checked,
                db=db,
                records=records,
            )
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
