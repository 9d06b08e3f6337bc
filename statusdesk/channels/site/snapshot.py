"""What the status page shows, read from the workspace in one query per table."""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any, overload

from statusdesk import settings as workspace_settings
from statusdesk.core.model import (
    BilingualText,
    Channel,
    Component,
    ComponentGroup,
    Incident,
    Postmortem,
    Update,
    UpdateStatus,
)
from statusdesk.core.text.sanitize import scrub
from statusdesk.core.timefmt import iso
from statusdesk.store import Store
from statusdesk.store.rows import (
    component_from_row,
    group_from_row,
    incident_from_row,
    postmortem_from_row,
    update_from_row,
)

HISTORY_DAYS = 90  # every incident keeps its page, and a line on history.html, this long
# The front page shows past incidents of the last PAST_DAYS in full, as Statuspage's does (15
# days), then links to the history page: a 90-day front page was 1.5 MB of a long history,
# rendered at every build and downloaded by every reader during an outage.
PAST_DAYS = 15
# The feeds and api/v2/incidents.json hold the most recent incidents only, as Statuspage's
# incidents.json does ("the 50 most recent"): feed readers poll, and a 90-day feed is megabytes
# fetched again and again for the few entries that changed.
RECENT_INCIDENTS = 50

# The incidents the page shows: open, or resolved within the history window. One whose first
# update is still scheduled has said nothing yet: it is not public until that update goes out.
# `+u.status` keeps SQLite from searching the `update_status` index, which matches every
# published update of the workspace for each incident (5,000 incidents with 100,000 updates:
# 7 s per build, most of a publish); through `update_incident` it reads only the incident's own
# updates (6 ms). tests/unit/test_site.py checks the plan. The `+` is `{unindexed}`, said only
# to SQLite (`_sql`).
PUBLIC_INCIDENTS = (
    "SELECT * FROM incident WHERE (resolved_at IS NULL OR resolved_at >= ?) "
    'AND EXISTS (SELECT 1 FROM "update" u WHERE u.incident_id = incident.id '
    "AND {unindexed}u.status = ?) "
    "ORDER BY resolved_at IS NOT NULL, started_at DESC, id DESC"
)

# The published updates of those incidents, read through `update_incident` for each of them
# (`+status` again: through `update_status` SQLite would read every published update of the
# workspace, 100,000 of them, to keep the window's 7,000: 0.05 s of each publish).
# Only the columns the page shows (UPDATE_COLUMNS), kept as tuples: 7,000 rows per publish.
UPDATE_COLUMNS = (
    "id",
    "incident_id",
    "state",
    "body_en",
    "body_ar",
    "author",
    "created_at",
    "status",
    "scheduled_for",
    "published_at",
    "component_changes",
)
WINDOW_UPDATES = (
    f'SELECT {", ".join(UPDATE_COLUMNS)} FROM "update" WHERE {{unindexed}}status = ? AND '
    "incident_id IN "
    "(SELECT id FROM incident WHERE resolved_at IS NULL OR resolved_at >= ?) "
    "ORDER BY published_at DESC, id DESC"
)
_ID, _INCIDENT, _PUBLISHED, _CHANGES = (
    UPDATE_COLUMNS.index(name)
    for name in ("id", "incident_id", "published_at", "component_changes")
)

# Which components those incidents name: only theirs, not every link of the workspace.
WINDOW_LINKS = (
    "SELECT incident_id, component_id FROM incident_component WHERE incident_id IN "
    "(SELECT id FROM incident WHERE resolved_at IS NULL OR resolved_at >= ?)"
)


@dataclass(frozen=True)
class Settings:
    title_en: str = workspace_settings.BY_KEY[workspace_settings.SITE_TITLE_EN].default
    title_ar: str = workspace_settings.BY_KEY[workspace_settings.SITE_TITLE_AR].default
    base_url: str = ""
    digits: str = "latn"
    logo_en: str = ""
    logo_ar: str = ""
    home_url: str = ""
    subscribe_url: str = ""
    zone: str = "UTC"  # the zone the page shows its times in (site.timezone)

    @classmethod
    def from_channel(cls, channel: Channel | None) -> Settings:
        if channel is None:
            return cls()
        s: dict[str, Any] = channel.settings
        return cls(
            title_en=str(s.get("title_en") or cls.title_en),
            title_ar=str(s.get("title_ar") or cls.title_ar),
            base_url=str(s.get("base_url") or "").rstrip("/"),
            digits="arab" if s.get("digits") == "arab" else "latn",
        )

    @classmethod
    def from_workspace(cls, store: Store, channel: Channel | None) -> Settings:
        """The page's name and digits are workspace settings (`statusdesk setting`,
        statusdesk/settings.py); a site channel's own title_en/title_ar/digits, from before
        they were, count only where the workspace has not chosen."""
        settings = workspace_settings
        legacy = cls.from_channel(channel)
        chosen = {
            key: settings.stored(store.settings, key)
            for key in (settings.SITE_TITLE_EN, settings.SITE_TITLE_AR, settings.DIGITS)
        }
        value = functools.partial(settings.value, store.settings)
        return cls(
            title_en=chosen[settings.SITE_TITLE_EN] or legacy.title_en,
            title_ar=chosen[settings.SITE_TITLE_AR] or legacy.title_ar,
            base_url=legacy.base_url,
            digits=chosen[settings.DIGITS] or legacy.digits,
            logo_en=value(settings.SITE_LOGO_EN),
            logo_ar=value(settings.SITE_LOGO_AR),
            home_url=value(settings.SITE_HOME_URL),
            subscribe_url=value(settings.SITE_SUBSCRIBE_URL),
            zone=value(settings.SITE_ZONE),
        )


class IncidentUpdates(Sequence[Update]):
    """One incident's published updates, newest first, made from their rows the first time
    something reads them. A publish on a long history shows only a few incidents anew; the
    others' pages are reused by their fingerprint, which is taken from the rows' text (`text`,
    fingerprint.Canonical.seed), so 7,000 updates are not built to be looked at by nobody."""

    def __init__(self, rows: list[tuple[Any, ...]]) -> None:
        self._rows = rows  # in UPDATE_COLUMNS' order
        self._made: list[Update] | None = None
        # The rows as they were read: what the incident's updates are, for a fingerprint.
        self.text = repr(rows)
        self.first_published: str | None = rows[0][_PUBLISHED] if rows else None

    def _updates(self) -> list[Update]:
        if self._made is None:
            self._made = [
                _shown_update(dict(zip(UPDATE_COLUMNS, r, strict=True))) for r in self._rows
            ]
        return self._made

    @overload
    def __getitem__(self, index: int) -> Update: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Update]: ...
    def __getitem__(self, index: int | slice) -> Update | Sequence[Update]:
        return self._updates()[index]

    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self) -> Iterator[Update]:
        return iter(self._updates())


def _shown_update(row: dict[str, Any]) -> Update:
    update = update_from_row(row)
    body, author = _scrubbed(update.body), scrub(update.author)
    if body != update.body or author != update.author:
        update = replace(update, body=body, author=author)
    return update


@dataclass(frozen=True)
class Snapshot:
    now: datetime
    settings: Settings
    components: list[Component]
    incidents: list[Incident]  # active first, then newest first; history limited to 90 days
    updates: Mapping[int, Sequence[Update]]  # published only, newest first
    changes: dict[int, list[dict[str, Any]]]  # update id -> component changes
    groups: tuple[ComponentGroup, ...] = ()  # in page order (issue #14)
    postmortems: dict[int, Postmortem] = field(default_factory=dict)  # by incident id
    # Every component change of the window, (published_at, changes) per update: the uptime
    # bars' history, without building the updates themselves.
    change_log: tuple[tuple[str, list[dict[str, Any]]], ...] = ()

    def row_texts(self) -> list[tuple[object, str]]:
        """Each incident's updates with the text of the rows they are made from: what a page's
        fingerprint takes for them (fingerprint.Canonical.seed). The rows determine the updates
        as shown (the conversion's code is part of every fingerprint: _RENDERING_CODE)."""
        return [(u, u.text) for u in self.updates.values() if isinstance(u, IncidentUpdates)]

    def first_published(self, incident_id: int) -> str | None:
        """The newest update's publication time (None without one), without building them."""
        updates = self.updates.get(incident_id)
        if isinstance(updates, IncidentUpdates):
            return updates.first_published
        return updates[0].published_at if updates else None

    def active(self) -> list[Incident]:
        return [i for i in self.incidents if i.is_active]

    def past(self) -> list[Incident]:
        return [i for i in self.incidents if not i.is_active]

    def recent_past(self) -> list[Incident]:
        """The past incidents the front page shows: resolved within PAST_DAYS."""
        since = iso(self.now - timedelta(days=PAST_DAYS))
        return [i for i in self.past() if (i.resolved_at or i.updated_at) >= since]

    def last_news(self, incident: Incident) -> str:
        """When a reader last heard of `incident`: its latest update, or its postmortem if that
        came later (a feed entry's <updated>)."""
        stamp = self.first_published(incident.id) or incident.updated_at
        postmortem = self.postmortems.get(incident.id)
        if postmortem is not None:
            stamp = max(stamp, postmortem.updated_at)
        return stamp

    def recent(self, count: int = RECENT_INCIDENTS) -> list[Incident]:
        """What the feeds hold: every open incident, then the past ones heard of most recently
        (last_news), `count` in all (more only if more are open); in the page's order (open
        first, then newest first)."""
        if len(self.incidents) <= count:
            return list(self.incidents)
        past = sorted(self.past(), key=lambda i: (self.last_news(i), i.id), reverse=True)
        chosen = {i.id for i in past[: max(0, count - len(self.active()))]}
        return [i for i in self.incidents if i.is_active or i.id in chosen]


def load_snapshot(store: Store, now: datetime) -> Snapshot:
    since = iso(now - timedelta(days=HISTORY_DAYS))
    site = next((c for c in store.channels.channels() if c.kind == "site"), None)
    components = [
        replace(
            component, name=_scrubbed(component.name), description=_scrubbed(component.description)
        )
        for component in (
            component_from_row(r)
            for r in _rows(store, "SELECT * FROM component ORDER BY position, id")
        )
    ]
    incident_rows = _rows(
        store, _sql(store, PUBLIC_INCIDENTS), (since, UpdateStatus.PUBLISHED.value)
    )
    ids = [r["id"] for r in incident_rows]
    links: dict[int, list[int]] = {}
    rows_of: dict[int, list[tuple[Any, ...]]] = {i: [] for i in ids}
    changes: dict[int, list[dict[str, Any]]] = {}
    change_log: list[tuple[str, list[dict[str, Any]]]] = []
    if ids:
        for r in _rows(store, WINDOW_LINKS, (since,)):
            links.setdefault(r["incident_id"], []).append(r["component_id"])
        for r in store.read_tuples(
            _sql(store, WINDOW_UPDATES), (UpdateStatus.PUBLISHED.value, since)
        ):
            rows_of[r[_INCIDENT]].append(r)
            raw = r[_CHANGES]
            listed = json.loads(raw) if raw and raw != "[]" else []
            changes[r[_ID]] = listed
            if listed and r[_PUBLISHED]:
                change_log.append((r[_PUBLISHED], listed))
    updates = {i: IncidentUpdates(rows) for i, rows in rows_of.items()}
    incidents = [
        replace(incident, title=_scrubbed(incident.title))
        for incident in (incident_from_row(r, tuple(links.get(r["id"], ()))) for r in incident_rows)
    ]
    groups = tuple(
        replace(group_from_row(r), name=_scrubbed(BilingualText(r["name_en"], r["name_ar"])))
        for r in _rows(store, "SELECT * FROM component_group ORDER BY position, id")
    )
    postmortems = {
        p.incident_id: replace(p, body=_scrubbed(p.body), author=scrub(p.author))
        for p in (
            postmortem_from_row(r)
            for r in _rows(
                store,
                "SELECT p.* FROM postmortem p JOIN incident i ON i.id = p.incident_id "
                "WHERE i.resolved_at IS NULL OR i.resolved_at >= ?",
                (since,),
            )
        )
        if p.incident_id in updates
    }
    return Snapshot(
        now,
        Settings.from_workspace(store, site),
        components,
        incidents,
        updates,
        changes,
        groups,
        postmortems,
        tuple(reversed(change_log)),  # oldest first, as they were published
    )


def _sql(store: Store, template: str) -> str:
    """`template` for the store's database: SQLite's unary `+` on a column keeps its planner
    off an index (above); PostgreSQL has no such operator for text, and needs no such help."""
    return template.format(unindexed="+" if store.dialect == "sqlite" else "")


def _rows(store: Store, sql: str, params: tuple[Any, ...] = ()) -> list[dict[str, Any]]:
    return store.read(sql, params)


def _scrubbed(text: BilingualText) -> BilingualText:
    """Text stored before control characters were refused (issue #12 §3) still makes a valid
    page and feed: they are scrubbed as the page reads them."""
    en, ar = scrub(text.en), scrub(text.ar)
    return text if en is text.en and ar is text.ar else BilingualText(en, ar)
