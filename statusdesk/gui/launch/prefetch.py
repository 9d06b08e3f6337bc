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
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from statusdesk.gui.runtime.tasks import Aside

if TYPE_CHECKING:
    from statusdesk.store.drafts import SavedDraft
    from statusdesk.store.repo import IncidentSummary


@dataclass(frozen=True)
class OpenedWorkspace:
    """A workspace checked and migrated (further connections skip both), and what the
    window shows first."""

    home: Path
    summaries: list[IncidentSummary]  # the incident list, the window's first view
    drafts: list[SavedDraft]  # what was being written when the app last stopped


class WorkspacePrefetch:
    def __init__(self, home: str | os.PathLike[str] | None) -> None:
        self._home = home
        self._opening = Aside(self._open, "open-workspace")

    def _open(self) -> OpenedWorkspace:
        # Imported here, on this thread: they load while Qt loads on the other. Only the
        # store: what runs here holds the GIL except inside SQLite.
        from statusdesk.store import Store
        from statusdesk.workspace import WorkspacePaths, resolve_home

        paths = WorkspacePaths(resolve_home(self._home))
        store = Store.open(paths.db)  # integrity check and migrations
        try:
            from statusdesk.store.drafts import saved_drafts

            return OpenedWorkspace(paths.home, store.incident_summaries(), saved_drafts(store))
        finally:
            store.close()

    def result(self) -> OpenedWorkspace:
        """Wait for the opening; raises what it raised (WorkspaceError says what to do)."""
        return self._opening.result()
