"""The composer's drafts, one per target (each incident, plus one new incident), so moving between
incidents never loses what was typed; which of them changed since the draft keeper last saved
them (drafts.py); and each incident's affected components as they are now, where every new
update starts (#12 §2). Only a successful publish replaces a draft with a fresh one."""

from __future__ import annotations

from collections.abc import Mapping

from statusdesk.app.draft_snapshot import DraftSnapshot
from statusdesk.core.model import BilingualText, ComponentStatus, Impact
from statusdesk.gui.compose.composer_parts import Slot

NEW = None  # the target of a new incident's draft


def _pair(text: BilingualText) -> tuple[str, str]:
    return text.en, text.ar


class DraftSlots:
    def __init__(self) -> None:
        self._slots: dict[int | None, Slot] = {NEW: Slot(impact=Impact.MINOR)}
        self._changed: set[int | None] = set()  # since the keeper last took them
        self._current: dict[int, dict[str, ComponentStatus]] = {}

    def of(self, target: int | None) -> Slot:
        """`target`'s draft, an empty one if it has none yet."""
        return self._slots.setdefault(target, Slot())

    def get(self, target: int | None) -> Slot | None:
        return self._slots.get(target)

    def put(self, target: int | None, slot: Slot) -> None:
        self._slots[target] = slot

    def any_text(self) -> bool:
        return any(slot.has_text() for slot in self._slots.values())

    def mark_changed(self, target: int | None) -> None:
        self._changed.add(target)

    def is_changed(self, target: int | None) -> bool:
        return target in self._changed

    def take_changed(self) -> list[tuple[int | None, Slot]]:
        """The drafts changed since the last call, as they are now."""
        changed = [(target, self.of(target)) for target in self._changed]
        self._changed.clear()
        return changed

    # -- components as the incident shows them --------------------------------------------------

    def components_now(self, target: int | None) -> dict[str, ComponentStatus]:
        """What `target`'s next update starts from (a new incident: none)."""
        return self._current.get(target, {}) if target is not NEW else {}

    def follow_components(self, incident_id: int, now: Mapping[str, ComponentStatus]) -> bool:
        """The incident's components as it shows them now; True when they changed."""
        changed = self._current.get(incident_id) != now
        self._current[incident_id] = dict(now)
        return changed

    # -- after a publish --------------------------------------------------------------------------

    def unchanged_since(self, published: DraftSnapshot) -> bool:
        """Whether the published target's draft still says what went out (no newer edits)."""
        slot = self._slots.get(published.incident_id)
        if slot is None:
            return True
        custom = {
            name: text
            for name, text in slot.overrides.items()
            if name in published.channels and text.strip()
        }
        now = (slot.title_en, slot.title_ar, slot.body_en, slot.body_ar, custom)
        sent = (*_pair(published.title), *_pair(published.body), published.overrides)
        return now == sent

    def start_fresh(self, published: DraftSnapshot) -> Slot:
        """Replace the published target's draft with a fresh one, marked changed (its kept copy
        goes too), and return it."""
        target = published.incident_id
        fresh = (
            Slot(impact=Impact.MINOR)
            if target is NEW
            # The next update starts where this one left the incident; its components from
            # what the incident shows now (show_update brings them), none chosen yet.
            else Slot(state=published.state, impact=published.impact)
        )
        self._slots[target] = fresh
        self._changed.add(target)
        return fresh
