"""Opening the workspace while the desk is built.

Building the desk (loading statusdesk's GUI modules, then the widgets) takes most of the app's
start-up on one core; opening the database, its `quick_check` and the incident list's query take
the rest, mostly inside SQLite, which lets go of the GIL. So the launcher starts this as soon as
the app's window is on screen (not before: its imports would compete with Qt's for the GIL and
delay that first frame), and the two overlap on a second core, on the runtime's `Aside` thread.
What runs there touches no Qt; the result is read once, on the GUI thread, before the desk is
built.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from statusdesk.gui.runtime.tasks import Aside

if TYPE_CHECKING:
    from statusdesk.app.startup import FirstRead
    from statusdesk.gui.runtime.early_check import EarlyCheck


class WorkspacePrefetch:
    def __init__(
        self,
        home: str | os.PathLike[str] | None,
        early: EarlyCheck | None = None,
        db: str | None = None,
    ) -> None:
        """`early`: the integrity check started before Qt loaded (early_check.py), if any.
        `db`: the workspace's records on PostgreSQL (a team desk)."""
        self._home = home
        self._early = early
        self._db = db
        self._opening: Aside[FirstRead] | None = Aside(self._open, "open-workspace")

    def _open(self) -> FirstRead:
        # Imported here, on this thread: it loads while Qt loads on the other. Only the store
        # and the workspace's paths: what runs here holds the GIL except inside SQLite.
        from statusdesk.app.startup import first_read

        early = self._early
        return first_read(self._home, early.problems if early is not None else None, self._db)

    def result(self) -> FirstRead:
        """Wait for the opening; raises what it raised (WorkspaceError says what to do). Once:
        then the prefetch lets go of what it read (the desk keeps what it uses)."""
        opening, self._opening = self._opening, None
        if opening is None:
            raise RuntimeError("the workspace's first read was taken already")
        return opening.result()
