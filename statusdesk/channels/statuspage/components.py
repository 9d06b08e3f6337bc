"""Which of their components stands for each of ours (the channel's `components` setting), and
which of ours has none there."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from statusdesk.channels.statuspage import render as payload
from statusdesk.channels.statuspage.settings import ComponentsSyntaxError, parse_components
from statusdesk.core.model import Channel as ChannelConfig
from statusdesk.core.model import ComponentStatus, Incident, Problem, Severity, Update
from statusdesk.core.words import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from statusdesk.store import Store


def mapping(config: ChannelConfig) -> dict[str, str]:
    """Our component name, case-folded → their component id."""
    try:
        named = parse_components(config.settings.get("components"))
    except ComponentsSyntaxError:
        return {}
    return {name.casefold(): theirs for name, theirs in named.items()}


def our_components(
    open_store: Callable[[], Store], update: Update, incident: Incident
) -> list[payload.OurComponent]:
    if not incident.id and not incident.component_ids:
        return []  # a preview of a new incident: nothing in the workspace yet
    store = open_store()
    try:
        return payload.our_components(store, incident, update)
    finally:
        store.close()


def their_components(
    config: ChannelConfig, open_store: Callable[[], Store], update: Update, incident: Incident
) -> dict[str, ComponentStatus]:
    """Their component id → the status of ours it stands for, as of this update."""
    ids = mapping(config)
    theirs: dict[str, ComponentStatus] = {}
    for component in our_components(open_store, update, incident):
        their_id = ids.get(component.name.casefold())
        if their_id is not None:
            theirs[their_id] = component.status
    return theirs


def unmapped_components(
    config: ChannelConfig, open_store: Callable[[], Store], update: Update, incident: Incident
) -> list[Problem]:
    """A warning, not an error: the update itself still reaches Statuspage (only that
    component's status stays as it is there), and refusing to publish would silence every
    other channel too over a settings gap."""
    ids = mapping(config)
    return [
        Problem(
            "channels",
            QT_TRANSLATE_NOOP(
                "Problems",
                "{channel}: our component {component} has no Statuspage component in this "
                "channel's components setting, so its status will not change there (the update "
                "still goes out). Add {name}:THEIR-COMPONENT-ID to the setting.",
            ).format(channel=config.name, component=repr(c.name), name=c.name),
            Severity.WARNING,
        )
        for c in our_components(open_store, update, incident)
        if c.name.casefold() not in ids
    ]
