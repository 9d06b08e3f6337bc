"""Statuspage's public JSON (api/v2): same paths, keys and vocabularies, so tools that read an
Atlassian status page read ours. English under api/v2/, Arabic (same keys) under ar/api/v2/."""

from __future__ import annotations

from typing import Any

from statusdesk.channels.site.snapshot import RECENT_INCIDENTS, Snapshot
from statusdesk.channels.site.uptime import worst
from statusdesk.channels.site.words import INDICATOR, indicator
from statusdesk.core.model import BilingualText, Component, Incident, IncidentKind
from statusdesk.core.timefmt import iso

PAGE_ID = "statusdesk"


def _page(snap: Snapshot, lang: str) -> dict[str, Any]:
    prefix = "" if lang == "en" else "/ar"
    title = snap.settings.title_ar if lang == "ar" else snap.settings.title_en
    return {
        "id": PAGE_ID,
        "name": title,
        "url": f"{snap.settings.base_url}{prefix}/" if snap.settings.base_url else f"{prefix}/",
        # Statuspage names the page's zone; ours is the zone the page shows (site.timezone).
        "time_zone": "Etc/UTC" if snap.settings.zone.upper() == "UTC" else snap.settings.zone,
        "updated_at": iso(snap.now),
    }


def group_code(group_id: int) -> str:
    """A group's id in the JSON: groups and components share Statuspage's one id space, and
    the store numbers them apart, so a group's id says it is one."""
    return f"group-{group_id}"


def _pick(text: BilingualText, lang: str) -> str:
    return (text.ar or text.en) if lang == "ar" else (text.en or text.ar)


def _component(c: Component, lang: str, group_ids: set[int]) -> dict[str, Any]:
    return {
        "id": str(c.id),
        "name": _pick(c.name, lang),
        "status": c.status.value,
        "created_at": c.created_at,
        "updated_at": c.updated_at,
        "position": c.position + 1,
        "description": _pick(c.description, lang) or None,
        "showcase": True,
        "start_date": c.created_at[:10],
        "group_id": group_code(c.group_id) if c.group_id in group_ids else None,
        "page_id": PAGE_ID,
        "group": False,
        "only_show_if_degraded": False,
    }


def _components(
    snap: Snapshot, lang: str, ids: tuple[int, ...] | None = None
) -> list[dict[str, Any]]:
    """Statuspage's shapes: each component with its `group_id`; with no `ids` (the page's own
    list), each group too, as Statuspage lists one: `group: true` and its members' ids, the
    worst status of its members, placed before its first member."""
    group_ids = {g.id for g in snap.groups}
    if ids is not None:
        return [_component(c, lang, group_ids) for c in snap.components if c.id in ids]
    members: dict[int, list[Component]] = {}
    for c in snap.components:
        if c.group_id in group_ids:
            members.setdefault(c.group_id, []).append(c)
    groups = {g.id: g for g in snap.groups}
    listed: list[dict[str, Any]] = []
    for c in snap.components:
        if c.group_id in members and members[c.group_id][0] is c:
            group, inside = groups[c.group_id], members[c.group_id]
            listed.append(
                {
                    "id": group_code(group.id),
                    "name": _pick(group.name, lang),
                    "status": worst(m.status for m in inside).value,
                    "created_at": group.created_at,
                    "updated_at": max(m.updated_at for m in inside),
                    "position": c.position + 1,
                    "description": None,
                    "showcase": False,
                    "start_date": None,
                    "group_id": None,
                    "page_id": PAGE_ID,
                    "group": True,
                    "only_show_if_degraded": False,
                    "components": [str(m.id) for m in inside],
                }
            )
        listed.append(_component(c, lang, group_ids))
    return listed


def _incident(snap: Snapshot, incident: Incident, lang: str) -> dict[str, Any]:
    updates = snap.updates.get(incident.id, [])
    prefix = "" if lang == "en" else "/ar"
    names = {c.id: c for c in snap.components}
    monitoring = [u.published_at for u in updates if u.state.value == "monitoring"]
    body: dict[str, Any] = {
        "id": str(incident.id),
        "name": incident.title.get(lang) or incident.title.en or incident.title.ar,
        "status": incident.state.value,
        "created_at": incident.created_at,
        "updated_at": incident.updated_at,
        "monitoring_at": monitoring[-1] if monitoring else None,
        "resolved_at": incident.resolved_at,
        "impact": incident.impact.value,
        "shortlink": f"{snap.settings.base_url}{prefix}/incidents/{incident.id}.html",
        "started_at": incident.started_at,
        "page_id": PAGE_ID,
        "incident_updates": [
            {
                "id": str(u.id),
                "status": u.state.value,
                "body": u.body.get(lang) or u.body.en or u.body.ar,
                "incident_id": str(incident.id),
                "created_at": u.created_at,
                "updated_at": u.published_at or u.created_at,
                "display_at": u.published_at or u.created_at,
                "affected_components": [
                    {
                        "code": str(ch["component_id"]),
                        "name": _component_name(names.get(ch["component_id"]), lang),
                        "old_status": ch["old_status"],
                        "new_status": ch["new_status"],
                    }
                    for ch in snap.changes.get(u.id, [])
                ]
                or None,
                "deliver_notifications": True,
                "custom_tweet": None,
                "tweet_id": None,
            }
            for u in updates
        ],
        "components": _components(snap, lang, incident.component_ids),
        **_postmortem(snap, incident, lang),
    }
    if incident.kind is IncidentKind.MAINTENANCE:
        body["scheduled_for"] = incident.window_start
        body["scheduled_until"] = incident.window_end
    return body


def _postmortem(snap: Snapshot, incident: Incident, lang: str) -> dict[str, Any]:
    """Statuspage's incident keys for a postmortem: its body (null without one) and when it
    was published."""
    found = snap.postmortems.get(incident.id)
    if found is None:
        return {"postmortem_body": None, "postmortem_published_at": None}
    return {
        "postmortem_body": found.body.get(lang) or found.body.en or found.body.ar,
        "postmortem_published_at": found.published_at,
    }


def _component_name(component: Any, lang: str) -> str:
    if component is None:
        return ""
    return _pick(component.name, lang)


def documents(snap: Snapshot, lang: str) -> dict[str, Any]:
    """Path under api/v2/ -> JSON document."""
    page = _page(snap, lang)
    level = indicator(snap.active(), [c.status for c in snap.components])
    status = {"indicator": level, "description": INDICATOR[lang][level]}
    incidents = [i for i in snap.incidents if i.kind is IncidentKind.INCIDENT]
    maint = [i for i in snap.incidents if i.kind is IncidentKind.MAINTENANCE]
    unresolved = [_incident(snap, i, lang) for i in incidents if i.is_active]
    upcoming = [_incident(snap, i, lang) for i in maint if i.state.value == "scheduled"]
    active_m = [
        _incident(snap, i, lang) for i in maint if i.state.value in ("in_progress", "verifying")
    ]
    return {
        "summary.json": {
            "page": page,
            "components": _components(snap, lang),
            "incidents": unresolved,
            "scheduled_maintenances": upcoming + active_m,
            "status": status,
        },
        "status.json": {"page": page, "status": status},
        "components.json": {"page": page, "components": _components(snap, lang)},
        "incidents.json": {
            "page": page,
            "incidents": [_incident(snap, i, lang) for i in incidents[:RECENT_INCIDENTS]],
        },
        "incidents/unresolved.json": {"page": page, "incidents": unresolved},
        "scheduled-maintenances.json": {
            "page": page,
            "scheduled_maintenances": [_incident(snap, i, lang) for i in maint[:RECENT_INCIDENTS]],
        },
        "scheduled-maintenances/upcoming.json": {"page": page, "scheduled_maintenances": upcoming},
        "scheduled-maintenances/active.json": {"page": page, "scheduled_maintenances": active_m},
    }
