"""What a template is filled from, read from the workspace: the incident, its components, the
promise the update will make, the status page's address, the display zone and digits.

Settings (the `setting` table):
- `display.timezone`: the zone times in templates are written in (default UTC);
- `display.digits`: latn | arab for Arabic (default: the site channel's `digits`, else latn).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import UTC, datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from statusdesk import settings
from statusdesk.channels.site import links
from statusdesk.core.model import BilingualText, Incident, IncidentState
from statusdesk.core.promise import promised_due
from statusdesk.core.timefmt import parse_iso
from statusdesk.scheduling.digits import DIGITS_SETTING as DIGITS_SETTING  # re-exported
from statusdesk.scheduling.digits import digits as digits  # re-exported
from statusdesk.scheduling.templates import TemplateContext
from statusdesk.store import Store

log = logging.getLogger(__name__)

ZONE_SETTING = settings.ZONE  # both in statusdesk/settings.py


def display_zone(store: Store) -> tzinfo:
    name = store.settings.setting(ZONE_SETTING)
    if not name:
        return UTC
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        log.warning("setting %s=%r is not a time zone; writing times in UTC", ZONE_SETTING, name)
        return UTC


def incident_url(store: Store, incident_id: int) -> BilingualText | None:
    """The incident's page on the public status page, per language, if it has an address."""
    base = links.site_base_url(store)
    if not base:
        return None
    return BilingualText(
        links.incident_url(base, incident_id, "en"), links.incident_url(base, incident_id, "ar")
    )


def template_context(
    store: Store,
    incident: Incident,
    *,
    state: IncidentState,
    at: datetime,
    component_names: Iterable[str] = (),
    eta: datetime | None = None,
    next_scheduled: datetime | None = None,
) -> TemplateContext:
    """The context for an update of `incident` in `state` going out at `at`. Components are the
    incident's own and any the update names (a new incident has none linked yet)."""
    known = {c.id: c for c in store.components.components()}
    names = [known[cid].name for cid in incident.component_ids if cid in known]
    for name in component_names:
        found = store.components.component_by_name(name)
        text = found.name if found else BilingualText(name, "")
        if text not in names:
            names.append(text)
    if next_scheduled is None and incident.id:
        planned = store.schedule.next_scheduled_for(incident.id)
        next_scheduled = parse_iso(planned) if planned else None
    promise = promised_due(
        kind=incident.kind,
        state=state,
        published_at=at,
        cadence_min=incident.cadence_min,
        next_scheduled=next_scheduled,
    )
    return TemplateContext(
        title=incident.title,
        components=tuple(names),
        started_at=parse_iso(incident.started_at) if incident.started_at else None,
        window_start=parse_iso(incident.window_start) if incident.window_start else None,
        window_end=parse_iso(incident.window_end) if incident.window_end else None,
        next_update=promise,
        eta=eta,
        incident_url=incident_url(store, incident.id),
        zone=display_zone(store),
        digits=digits(store),
    )
