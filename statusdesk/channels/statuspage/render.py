"""What a Statuspage channel sends for one update, decided once (the first attempt's render is
kept and every retry sends it again):

- part 0, `text/plain`: the incident update's body, both languages in the channel's order —
  what the composer's preview shows;
- part 1, `application/json`: the other fields of the request (name, status, impact, their
  components and statuses, a maintenance's window).

Whether it creates their incident or PATCHes it is decided when it is sent, not here: the first
update's delivery may still be on its way when a later one is rendered.

Statuspage shows an update's body left to right. Each Arabic line is therefore wrapped in a
right-to-left isolate (U+2067 … U+2069), so it reads in its own order there — Latin words,
numbers and the closing full stop included — and in the plain-text emails and SMS Statuspage
sends from it. A pair per line stays balanced even where a renderer splits lines apart.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from statusdesk.channels.base import Rendered, RenderedPart
from statusdesk.core.model import (
    Channel as ChannelConfig,
)
from statusdesk.core.model import (
    ComponentStatus,
    Impact,
    Incident,
    IncidentKind,
    Order,
    Update,
)

if TYPE_CHECKING:
    from statusdesk.store import Store

RLI, PDI = "\u2067", "\u2069"
LANGUAGE_GAP = "\n\n"
NAME_JOINER = " | "


@dataclass(frozen=True)
class OurComponent:
    id: int
    name: str  # English, as the components setting names it
    status: ComponentStatus


def languages(config: ChannelConfig) -> list[str]:
    order = ["ar", "en"] if config.order == Order.AR_FIRST else ["en", "ar"]
    return [lang for lang in order if config.language.includes(lang)]


def isolate_rtl(text: str) -> str:
    return "\n".join(f"{RLI}{line}{PDI}" if line.strip() else line for line in text.split("\n"))


def body_text(config: ChannelConfig, update: Update) -> str:
    blocks = []
    for lang in languages(config):
        text = update.body.get(lang).strip()
        if text:
            blocks.append(isolate_rtl(text) if lang == "ar" else text)
    return LANGUAGE_GAP.join(blocks)


def incident_name(config: ChannelConfig, incident: Incident) -> str:
    titles = [incident.title.get(lang).strip() for lang in languages(config)]
    shown = [t for t in titles if t]
    if not shown:  # a one-language channel and a title only in the other language
        shown = [incident.title.get(lang).strip() for lang in incident.title.languages()]
    return NAME_JOINER.join(shown)


def body_digest(body: str) -> str:
    """Short fingerprint of a body, to recognise our update among theirs."""
    return hashlib.sha256(body.strip().encode("utf-8")).hexdigest()[:32]


def our_components(store: Store, incident: Incident, update: Update) -> list[OurComponent]:
    """The incident's components with their status as of this update: what the update changed,
    else what the workspace holds now."""
    changed = {c.component_id: c.new_status for c in store.incidents.component_changes(update.id)}
    wanted = set(incident.component_ids) | set(changed)
    return [
        OurComponent(c.id, c.name.en or c.name.ar, changed.get(c.id, c.status))
        for c in store.components.components()
        if c.id in wanted
    ]


def request_fields(
    update: Update, incident: Incident, theirs: dict[str, ComponentStatus]
) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "kind": incident.kind.value,
        "status": update.state.value,
    }
    # Without an override Statuspage works the impact out from the component statuses;
    # only an impact the communicator chose replaces that.
    if incident.impact is not Impact.NONE:
        fields["impact_override"] = incident.impact.value
    if theirs:
        fields["components"] = {cid: status.value for cid, status in theirs.items()}
        fields["component_ids"] = list(theirs)
    if incident.kind is IncidentKind.MAINTENANCE:
        if incident.window_start:
            fields["scheduled_for"] = incident.window_start
        if incident.window_end:
            fields["scheduled_until"] = incident.window_end
    return fields


def rendered(
    config: ChannelConfig,
    update: Update,
    incident: Incident,
    theirs: dict[str, ComponentStatus],
) -> Rendered:
    fields = {"name": incident_name(config, incident), **request_fields(update, incident, theirs)}
    return Rendered(
        update.id,
        incident.id,
        (
            RenderedPart(config.language.value, body_text(config, update), "text/plain"),
            RenderedPart(
                config.language.value,
                json.dumps(fields, ensure_ascii=False, sort_keys=True),
                "application/json",
            ),
        ),
    )


def unpack(rendered: Rendered) -> tuple[str, dict[str, Any]]:
    """The body and the other fields of a kept render."""
    body = rendered.parts[0].text
    fields: dict[str, Any] = json.loads(rendered.parts[1].text)
    return body, fields
