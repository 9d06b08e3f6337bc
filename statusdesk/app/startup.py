"""What the app reads before its window is built, on a thread of its own while Qt loads: the
workspace opened once (integrity check and migrations), the incident list and the drafts kept
from last time. The Desk is then opened with `checked=True` and does not check again."""

from __future__ import annotations

import os
from collections.abc import Callable
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


def first_read(
    home: str | os.PathLike[str] | None,
    prechecked: Callable[[Path], list[str] | None] | None = None,
) -> FirstRead:
    """Raises WorkspaceError (saying what to do) when the workspace cannot be opened.
    `prechecked`: the answer of an integrity check already run on the database (store/db.py)."""
    paths = WorkspacePaths(resolve_home(home))
    store = Store.open(paths.db, prechecked=prechecked)  # integrity check and migrations
    try:
        return FirstRead(
            paths.home, store.incidents.incident_summaries(), store.drafts.saved_drafts()
        )
    finally:
        store.close()
