"""A composer draft (`Slot`) as the JSON kept in the workspace and back (drafts.py saves it,
draft_conflict.py reads another desk's), and a kept time as the clock on the wall shows it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from statusdesk.core.model import ComponentStatus, Impact, IncidentKind, IncidentState
from statusdesk.gui.compose.composer_parts import Slot
from statusdesk.gui.widgets.reading import numerals


def slot_content(slot: Slot) -> dict[str, Any]:
    return {
        "title_en": slot.title_en,
        "title_ar": slot.title_ar,
        "kind": slot.kind.value,
        "body_en": slot.body_en,
        "body_ar": slot.body_ar,
        "state": slot.state.value if slot.state else None,
        "impact": slot.impact.value if slot.impact else None,
        "components": (
            {name: status.value for name, status in slot.components.items()}
            if slot.components is not None
            else None
        ),
        "overrides": dict(slot.overrides),
        # Ticks that differ from every enabled channel (#12 §1); absent: the default.
        "channels": dict(slot.channel_choice),
    }


def slot_from(content: dict[str, Any]) -> Slot | None:
    """A kept draft as a composer slot; None when it cannot be read (a newer version's shape)."""
    try:
        components = content.get("components")
        return Slot(
            title_en=str(content.get("title_en", "")),
            title_ar=str(content.get("title_ar", "")),
            kind=IncidentKind(content.get("kind", IncidentKind.INCIDENT.value)),
            body_en=str(content.get("body_en", "")),
            body_ar=str(content.get("body_ar", "")),
            state=IncidentState(content["state"]) if content.get("state") else None,
            impact=Impact(content["impact"]) if content.get("impact") else None,
            components=(
                {str(n): ComponentStatus(s) for n, s in components.items()}
                if isinstance(components, dict)
                else None
            ),
            overrides={str(k): str(v) for k, v in dict(content.get("overrides") or {}).items()},
            channel_choice={
                str(k): bool(v) for k, v in dict(content.get("channels") or {}).items()
            },
        )
    except (TypeError, ValueError, AttributeError):
        return None


def local_time(iso_text: str) -> str:
    try:
        moment = datetime.fromisoformat(iso_text.replace("Z", "+00:00"))
    except ValueError:
        return iso_text
    return numerals(moment.astimezone().strftime("%H:%M"))
