"""The composer, inside the main window: English and Arabic side by side, state, impact, affected
components, channels, inline problems and Publish.

It keeps one draft per target (each incident, plus one new incident: draft_slots.py), so moving
between incidents never loses what was typed; only a successful publish clears a draft. It knows
nothing of the workspace: the main window feeds it incidents and channels, takes `snapshot()`s to
check, preview and publish, and hands problems and previews back.

Its parts: the draft's fields (draft_fields.py), its keyboard (draft_keys.py), when checks and
renders run (check_timers.py), and what it says of the draft: header, problems, progress and
Publish (composer_status.py). Its `preview` panel (preview.py) is placed by the main window,
beside the composer; the composer owns it because the custom post texts typed there are part of
the draft.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QVBoxLayout, QWidget

from statusdesk.app.draft_snapshot import DraftSnapshot
from statusdesk.app.preview_records import ChannelPreview
from statusdesk.core.model import (
    BilingualText,
    Channel,
    ComponentStatus,
    Incident,
    IncidentKind,
    IncidentState,
    Problem,
)
from statusdesk.gui.compose.check_timers import CheckTimers
from statusdesk.gui.compose.composer_parts import OptionsArea, Slot
from statusdesk.gui.compose.composer_status import ComposerStatus
from statusdesk.gui.compose.draft_fields import DraftFields
from statusdesk.gui.compose.draft_keys import DraftKeys
from statusdesk.gui.compose.draft_slots import NEW, DraftSlots
from statusdesk.gui.compose.preview import PreviewPanel
from statusdesk.gui.keys.tab_order import set_tab_chain


class Composer(QWidget):
    check_requested = Signal(int)  # generation: results for an older one are dropped
    preview_requested = Signal(int)  # preview generation: likewise
    publish_requested = Signal()
    draft_changed = Signal()  # a draft was edited or cleared: the draft keeper saves it soon
    target_changed = Signal()  # another incident's draft (or the new incident's) is shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("composer")
        self._slots = DraftSlots()
        self._target: int | None = NEW
        self._incident: Incident | None = None
        self._loading = False
        self._timers = CheckTimers(self)
        self._timers.check_due.connect(self.check_requested)
        self._timers.preview_due.connect(self._preview_due)
        self._build()
        self._load(self._slots.of(NEW), None)

    # -- layout -----------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 4, 8, 8)
        self.draft_status = draft_status = ComposerStatus()
        self.header, self.problems = draft_status.header, draft_status.problems
        self.status, self.publish_button = draft_status.status, draft_status.publish_button
        self.publish_button.clicked.connect(self.publish_requested)
        outer.addWidget(draft_status.header)
        self.fields = fields = DraftFields()
        # The fields by their own names too: the window, its tools and the tests use them.
        self.title_en, self.title_ar, self.kind = fields.title_en, fields.title_ar, fields.kind
        self.body_en, self.body_ar = fields.body_en, fields.body_ar
        self.state, self.impact, self.components = fields.state, fields.impact, fields.components
        self.ticks = fields.ticks
        outer.addWidget(fields.new_row)
        outer.addLayout(fields.editors, 1)
        outer.addWidget(OptionsArea(fields.options))
        outer.addWidget(draft_status.problems)
        outer.addLayout(draft_status.footer)
        self.preview = PreviewPanel()
        self.keys = DraftKeys(fields, self.preview, self.publish_button)
        self.problems.jump.connect(self.keys.jump_to)
        self.ticks.toggled.connect(self._channel_toggled)
        self.preview.custom_changed.connect(self._edited)
        self.preview.pages_changed.connect(self._link_tab_order)
        self.components.rows_changed.connect(self._link_tab_order)
        set_tab_chain([*fields.reading_chain(), self.state, self.impact])
        for signal in (
            self.title_en.textChanged,
            self.title_ar.textChanged,
            self.body_en.textChanged,
            self.body_ar.textChanged,
            self.state.currentIndexChanged,
            self.impact.currentIndexChanged,
            self.components.changed,
        ):
            signal.connect(self._edited)
        self.kind.currentIndexChanged.connect(self._kind_changed)

    def key_widgets(self) -> list[QWidget]:
        """Every field that takes keys, for the window's ShortcutClaim."""
        return self.fields.key_widgets()

    # -- targets and drafts -----------------------------------------------------------------

    @property
    def target(self) -> int | None:
        return self._target

    @property
    def is_new_incident(self) -> bool:
        return self._target is NEW

    def kind_value(self) -> IncidentKind:
        if self._target is NEW or self._incident is None:
            return self.fields.chosen_kind()
        return self._incident.kind

    def show_new_incident(self) -> None:
        self._switch(NEW, None)

    def show_update(
        self,
        incident: Incident,
        components: Mapping[str, ComponentStatus],
        names: Mapping[str, BilingualText] | None = None,
    ) -> None:
        """Make `incident` the target; its draft comes back as it was left. `components` are
        the incident's affected components now: the rows start from them, under the user's
        own choices for this update, and follow them when they change (another update went
        out) — a status merely shown is never sent again. `names`: the workspace's components'
        names in both languages, by stored name (the rows say them in the interface's)."""
        if names is not None:
            self.components.set_names(names)
        changed = self._slots.follow_components(incident.id, components)
        if changed and self._target == incident.id:
            self._save()
            self._loading = True
            try:
                slot = self._slots.of(incident.id)
                now = self._slots.components_now(incident.id)
                self.components.show_statuses(now, slot.components or {})
            finally:
                self._loading = False
        self._switch(incident.id, incident)

    def _switch(self, target: int | None, incident: Incident | None) -> None:
        if target == self._target:
            self._incident = incident
            self._update_header()
            return
        self._save()
        self._target = target
        self._incident = incident
        self._load(self._slots.of(target), incident)
        self.target_changed.emit()

    def _save(self) -> None:
        slot = self._slots.of(self._target)
        self.fields.read_into(slot)
        slot.problems = list(self.problems.problems)
        slot.overrides = self.preview.custom_texts()
        slot.channel_choice = self.ticks.choice()

    def _load(self, slot: Slot, incident: Incident | None) -> None:
        self._loading = True
        try:
            self.fields.show(slot, incident, self._slots.components_now(self._target))
            self.preview.set_custom_texts(slot.overrides)
            if not slot.has_text():  # nothing written yet: a new draft, every enabled channel
                slot.channel_choice = {}
            self.ticks.apply(slot.channel_choice)
            self._show_problems(slot.problems)
            self._update_header()
        finally:
            self._loading = False
        # A draft with text is checked again: the incident may have moved on since.
        self._timers.draft_shown(check=slot.has_text())

    def _kind_changed(self) -> None:
        if self._target is NEW:
            self.fields.fill_states(self.fields.chosen_kind(), None)
        self._edited()

    def _update_header(self) -> None:
        self.draft_status.show_target(None if self._target is NEW else self._incident)

    def clear_if_unchanged(self, published: DraftSnapshot) -> bool:
        """After a successful publish that draft is out in the world: start a fresh one —
        unless the text was edited while it was being published (then keep the newer text)."""
        if published.incident_id == self._target:
            self._save()
        if not self._slots.unchanged_since(published):
            return False
        fresh = self._slots.start_fresh(published)
        if published.incident_id == self._target:
            self._load(fresh, self._incident)
        self.draft_changed.emit()
        return True

    # -- kept drafts (issue #8: compose/drafts.py saves them as they are typed) --------------------

    def take_dirty(self) -> list[tuple[int | None, Slot]]:
        """The drafts changed since the last call, as they are now."""
        self._save()
        return self._slots.take_changed()

    def restore_slots(self, slots: Mapping[int | None, Slot]) -> None:
        """Drafts kept from an earlier run, each under its target; shown now if it is current."""
        for target, slot in slots.items():
            self._slots.put(target, slot)
        if self._target in slots:
            self._load(self._slots.of(self._target), self._incident)

    def slot_of(self, target: int | None) -> Slot | None:
        return self._slots.get(target)

    def draft_of(self, target: int | None) -> Slot:
        """`target`'s draft as it is now (the fields' text, when it is current)."""
        if target == self._target:
            self._save()
        return self._slots.of(target)

    def unsaved(self, target: int | None) -> bool:
        """Whether `target`'s draft was edited since the draft keeper last took it."""
        return self._slots.is_changed(target)

    def mark_changed(self, target: int | None) -> None:
        """`target`'s draft is to be saved again (a conflict was answered: draft_conflict.py)."""
        self._slots.mark_changed(target)

    def has_unsent_text(self) -> bool:
        self._save()
        return self._slots.any_text()

    # -- channels ---------------------------------------------------------------------------

    def set_channels(self, channels: Sequence[Channel]) -> None:
        """One checkbox per channel; enabled channels start ticked. A choice made stays within
        the draft it was made in: every other draft, and each new one, starts with every
        enabled channel ticked (issue #12 §1: the audience never narrows by accident)."""
        slot = self._slots.of(self._target)
        if self.ticks.names():
            slot.channel_choice = self.ticks.choice()
        self.ticks.set_channels(channels, slot.channel_choice)
        self._sync_preview()
        self._link_tab_order()
        # A channel's settings may have changed (Channels dialog): render again.
        self._timers.request_preview()

    def left_out(self, chosen: Sequence[str] | None = None) -> list[str]:
        """The enabled channels not ticked (or not in `chosen`): what publishing leaves out."""
        return self.ticks.left_out(chosen)

    def _channel_toggled(self) -> None:
        self._sync_preview()
        self._edited()

    def _sync_preview(self) -> None:
        self.preview.set_channels(self.ticks.channels, self.checked_channels())

    def _link_tab_order(self) -> None:
        """Tab reads the composer as it is laid out, then the current channel's preview. The
        component rows, the channel boxes and the preview's pages are made after everything
        else, so Qt would otherwise put them last in the window, after the menu bar."""
        if self.preview.window() is not self.window():
            return  # not placed beside the composer (yet)
        chain: list[QWidget] = [self.impact, *self.components.focus_widgets()]
        chain += [*self.ticks.boxes(), self.problems, self.publish_button]
        chain += self.preview.focus_widgets()
        set_tab_chain(chain)

    def checked_channels(self) -> tuple[str, ...]:
        return self.ticks.checked()

    def channel_names(self) -> list[str]:
        return self.ticks.names()

    def channel_checkbox(self, name: str) -> QCheckBox:
        return self.ticks.box(name)

    # -- reading the draft ------------------------------------------------------------------

    def state_value(self) -> IncidentState:
        return self.fields.state_value()

    def snapshot(self) -> DraftSnapshot:
        return DraftSnapshot(
            incident_id=self._target,
            kind=self.kind_value(),
            title=self.fields.title(),
            body=self.fields.body(),
            state=self.state_value(),
            impact=self.fields.impact_value(),
            components=self.components.chosen(),
            component_names=tuple(self.components.values()),
            channels=self.checked_channels(),
            overrides=self.preview.overrides(),
        )

    # -- editing and the keyboard (draft_keys.py) -------------------------------------------------

    def _edited(self) -> None:
        if self._loading:
            return
        self._slots.mark_changed(self._target)
        self.draft_changed.emit()
        self._timers.edited()

    def toggle_preview(self, focused: QWidget | None) -> None:
        self.keys.toggle_preview(focused)

    def insert_template(self, body: BilingualText, state: IncidentState | None) -> None:
        self.keys.insert_template(body, state)

    def set_state_number(self, number: int) -> None:
        self.keys.set_state_number(number)

    def focus_english(self) -> None:
        self.keys.focus_english()

    def focus_first_field(self) -> None:
        self.keys.focus_first_field(new_incident=self._target is NEW)

    def switch_language(self, focused: QWidget | None) -> None:
        self.keys.switch_language(focused)

    def jump_to(self, field_name: str, position: int) -> None:
        self.keys.jump_to(field_name, position)

    # -- checks, previews and progress ------------------------------------------------------

    @property
    def generation(self) -> int:
        return self._timers.generation

    @property
    def preview_generation(self) -> int:
        return self._timers.preview_generation

    def _preview_due(self, generation: int) -> None:
        self.preview.set_pending(True)
        self.preview_requested.emit(generation)

    def set_preview_result(self, generation: int, previews: Sequence[ChannelPreview]) -> bool:
        """A finished render; ignored (False) when the draft has changed since it started."""
        if generation != self._timers.preview_generation:
            return False
        self.preview.show_previews(previews)
        return True

    def set_check_result(self, generation: int, problems: Sequence[Problem]) -> bool:
        """A finished check; ignored (False) when the draft has changed since it started."""
        if generation != self._timers.generation:
            return False
        self._show_problems(problems)
        return True

    def show_publish_problems(self, problems: Sequence[Problem]) -> None:
        """Why a publish was refused. Checks still running for this text are dropped so they
        cannot replace the reason with nothing."""
        self._timers.drop_checks()
        self._show_problems(problems)

    def _show_problems(self, problems: Sequence[Problem]) -> None:
        self.draft_status.show_problems(
            problems,
            has_text=self.fields.has_body_text(),
            checked=self.checked_channels(),
            left_out=self.left_out(),
        )

    def stop_checks(self) -> None:
        self._timers.stop()

    def set_busy(self, busy: bool, message: str = "") -> None:
        self.draft_status.set_busy(busy, message)
