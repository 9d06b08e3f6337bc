"""What the composer holds at one moment (`DraftSnapshot`): immutable, copied on the GUI thread
and handed to the workers that check, render and publish it (compose.py). Kept apart from the
use cases so that the composer is built at the desk's first paint without loading them
(issue #16)."""

from __future__ import annotations

from dataclasses import dataclass, field

from statusdesk.app.context import current_user
from statusdesk.core.model import (
    BilingualText,
    ComponentStatus,
    Draft,
    Impact,
    IncidentKind,
    IncidentState,
)


@dataclass(frozen=True)
class DraftSnapshot:
    """What the composer holds at one moment. `incident_id` None means a new incident."""

    incident_id: int | None
    kind: IncidentKind
    title: BilingualText
    body: BilingualText
    state: IncidentState
    impact: Impact
    # What this update sets: the component rows the user chose (#12 §2); `component_names`
    # every row shown, the incident's current ones too (what {components} in a template names).
    components: dict[str, ComponentStatus] = field(default_factory=dict)
    component_names: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    # A channel's own text for this update, by channel name (the custom post for X); only
    # ticked channels, only texts that are not blank.
    overrides: dict[str, str] = field(default_factory=dict)
    # Why the enabled channels not ticked are left out (issue #12 §1): asked at publish.
    skip_reason: str = ""

    @property
    def is_new_incident(self) -> bool:
        return self.incident_id is None

    def draft(self) -> Draft:
        return Draft(
            body=self.body,
            state=self.state,
            impact=self.impact,
            component_status=dict(self.components),
            author=current_user(),
            overrides=dict(self.overrides),
        )
