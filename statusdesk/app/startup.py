"""What the app reads before its window is built, on a thread of its own while Qt loads: the
workspace opened once (integrity check and migrations), the incident list, the page of the
incident the desk opens on (read_models.most_recent_active), the drafts kept from last time, and
what the window's first paint is built from (the settings kept, the channels, the digits). The
Desk is then opened with `checked=True` and does not check again. On a team desk every read is
a round trip to the server, and none of them is the GUI thread's."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from statusdesk.app.database import StoreOpener
from statusdesk.app.read_models import IncidentPage, load_page, most_recent_active
from statusdesk.core.model import Channel, Component, Delivery, Incident, Update
from statusdesk.scheduling.digits import digits
from statusdesk.store import Store
from statusdesk.store.records import IncidentSummary, SavedDraft
from statusdesk.workspace import WorkspacePaths, resolve_home


@dataclass(frozen=True)
class FirstRead:
    home: Path
    summaries: list[IncidentSummary]
    drafts: list[SavedDraft]
    page: IncidentPage | None = None  # of the incident the desk opens on, if any
    # A team desk's opener, its pool made here, off the GUI thread: the Desk opens on it
    # without waiting on the network (None for SQLite).
    records: StoreOpener | None = None
    # What the first paint is built from: the settings as kept (the theme, the keys, the
    # preview column, the palette's recent choices), the channels and the digits.
    kept: dict[str, str] = field(default_factory=dict)
    channels: list[Channel] = field(default_factory=list)
    digits: str = "latn"

    def setting(self, key: str) -> str | None:
        """A setting as it was kept when the desk started (settings.SettingsStore's reader)."""
        return self.kept.get(key)


class _StoreReads:
    """read_models.PageReads over a bare store: the Desk's views without the Desk."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def incident(self, incident_id: int) -> Incident | None:
        return self._store.incidents.incident(incident_id)

    def updates(self, incident_id: int) -> list[Update]:
        return self._store.incidents.updates(incident_id)

    def deliveries_for_incident(self, incident_id: int) -> dict[int, list[Delivery]]:
        return self._store.deliveries.deliveries_for_incident(incident_id)

    def channels(self, *, include_removed: bool = False) -> list[Channel]:
        return self._store.channels.channels(include_removed=include_removed)

    def components(self) -> list[Component]:
        return self._store.components.components()


def first_read(
    home: str | os.PathLike[str] | None,
    prechecked: Callable[[Path], list[str] | None] | None = None,
    db: str | None = None,
) -> FirstRead:
    """Raises WorkspaceError (saying what to do) when the workspace cannot be opened.
    `prechecked`: the answer of an integrity check already run on the database (store/db.py).
    `db`: the workspace's records on PostgreSQL (a team desk): opened and migrated there."""
    paths = WorkspacePaths(resolve_home(home))
    if db is not None:
        from statusdesk.secrets import KeyringSecrets

        records = StoreOpener(paths, db, KeyringSecrets())
        try:
            return replace(_read(paths, records.first()), records=records)
        except BaseException:
            records.close()
            raise
    return _read(paths, Store.open(paths.db, prechecked=prechecked))  # checked, migrated


def _read(paths: WorkspacePaths, store: Store) -> FirstRead:
    """The list, the page the desk opens on and the kept drafts; closes `store`."""
    try:
        summaries = store.incidents.incident_summaries()
        opens = most_recent_active(summaries)
        if opens is None and summaries:
            opens = 0
        page = (
            load_page(_StoreReads(store), summaries[opens].incident.id)
            if opens is not None
            else None
        )
        return FirstRead(
            paths.home,
            summaries,
            store.drafts.saved_drafts(),
            page,
            kept=store.settings.kept_settings(),
            channels=store.channels.channels(),
            digits=digits(store),
        )
    finally:
        store.close()
