"""Opening the workspace while the desk is built.

Building the desk (loading statusdesk's GUI modules, then the widgets) takes most of the app's
start-up on one core; opening the database, its `quick_check` and the incident list's query take
the rest, mostly inside SQLite, which lets go of the GIL. So the launcher starts this as soon as
the app's window is on screen (not before: its imports would compete with Qt's for the GIL and
delay that first frame), and the two overlap on a second core. Nothing here imports Qt; the
result is read once, on the GUI thread, before the desk is built.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

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
        self._opened: OpenedWorkspace | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._open, name="open-workspace", daemon=True)
        self._thread.start()

    def _open(self) -> None:
        try:
            # Imported here, on this thread: they load while Qt loads on the other. Only the
            # store: what runs here holds the GIL except inside SQLite.
            from statusdesk.store import Store
            from statusdesk.workspace import WorkspacePaths, resolve_home

            paths = WorkspacePaths(resolve_home(self._home))
            store = Store.open(paths.db)  # integrity check and migrations
            try:
                from statusdesk.store.drafts import saved_drafts

                self._opened = OpenedWorkspace(
                    paths.home, store.incident_summaries(), saved_drafts(store)
                )
            finally:
                store.close()
        except BaseException as error:  # re-raised on the GUI thread by result()
            self._error = error

    def result(self) -> OpenedWorkspace:
        """Wait for the opening; raises what it raised (WorkspaceError says what to do)."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._opened is not None
        return self._opened
