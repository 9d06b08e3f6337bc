"""What the app reads before its window is built, on a thread of its own while Qt loads: the
workspace opened once (integrity check and migrations), the incident list and the drafts kept
from last time. The Desk is then opened with `checked=True` and does not check again."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from statusdesk.store import Store
from statusdesk.store.records import IncidentSummary, SavedDraft
from statusdesk.workspace import WorkspacePaths, resolve_home


@dataclass(frozen=True)
class FirstRead:
    home: Path
    summaries: list[IncidentSummary]
    drafts: list[SavedDraft]


def first_read(home: str | os.PathLike[str] | None) -> FirstRead:
    """Raises WorkspaceError (saying what to do) when the workspace cannot be opened."""
    paths = WorkspacePaths(resolve_home(home))
    store = Store.open(paths.db)  # integrity check and migrations
    try:
        return FirstRead(
            paths.home, store.incidents.incident_summaries(), store.drafts.saved_drafts()
        )
    finally:
        store.close()
