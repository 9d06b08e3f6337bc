"""The composer, inside the main window: English and Arabic side by side, state, impact, affected
components, channels, inline problems and Publish.

It keeps one draft per target (each incident, plus one new incident), so moving between
incidents never loses what was typed; only a successful publish clears a draft. It knows nothing
of the workspace: the main window feeds it incidents and channels, takes `snapshot()`s to check,
preview and publish, and hands problems and previews back.

Its `preview` panel (preview.py) is placed by the main window, beside the composer; the composer
owns it because the custom post texts typed there are part of the draft.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from statusdesk.app.compose import DraftSnapshot
from statusdesk.app.previews import ChannelPreview
from statusdesk.core.model import (
    BilingualText,
    Channel,
    ComponentStatus,
    Impact,
    Incident,
    IncidentKind,
    IncidentState,
    Problem,
    states_for,
)
from statusdesk.gui.compose.components_editor import ComponentsEditor
from statusdesk.gui.compose.composer_parts import ChannelTicks, OptionsArea, Slot
from statusdesk.gui.compose.preview import PreviewPanel
from statusdesk.gui.keys.tab_order import set_tab_chain
from statusdesk.gui.widgets.editors import BodyEditor, TitleEdit
from statusdesk.gui.widgets.labels import impact_label, isolate_latin, state_label
from statusdesk.gui.widgets.problems import ProblemList

CHECK_DELAY_MS = 300  # after the last keystroke; checks never run per keystroke
PREVIEW_DELAY_MS = 300  # the same for rendering the channel previews
NEW = None  # the target of a new incident's draft


def _pair(text: BilingualText) -> tuple[str, str]:
    return text.en, text.ar


class Composer(QWidget):
    check_requested = Signal(int)  # generation: results for an older one are dropped
    preview_requested = Signal(int)  # preview generation: likewise
    publish_requested = Signal()
    draft_changed = Signal()  # a draft was edited or cleared: the draft keeper saves it soon

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("composer")
        self._slots: dict[int | None, Slot] = {NEW: Slot(impact=Impact.MINOR)}
        self._dirty: set[int | None] = set()  # drafts changed since the keeper last saved them
        self._target: int | None = NEW
        self._incident: Incident | None = None
        # Each incident's components as they are now: where every new update starts (#12 §2).
        self._current: dict[int, dict[str, ComponentStatus]] = {}
        self._loading = False
        self._busy = False
        self.generation = 0
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(CHECK_DELAY_MS)
        self._debounce.timeout.connect(lambda: self.check_requested.emit(self.generation))
        self.preview_generation = 0
        self._preview_debounce = QTimer(self)
        self._preview_debounce.setSingleShot(True)
        self._preview_debounce.setInterval(PREVIEW_DELAY_MS)
        self._preview_debounce.timeout.connect(self._preview_due)
        self._before_preview: QWidget | None = None  # where Ctrl+P came from, to go back to
        self._build()
        self._load(self._slots[NEW], None)

    # -- layout -----------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 4, 8, 8)
        self.header = QLabel()
        self.header.setObjectName("composer-header")
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setWordWrap(True)  # a long title must not widen the window past the screen
        font = self.header.font()
        font.setBold(True)
        self.header.setFont(font)
        outer.addWidget(self.header)
        outer.addWidget(self._build_titles())
        outer.addLayout(self._build_editors(), 1)
        options = QWidget()
        options.setLayout(self._build_options())
        outer.addWidget(OptionsArea(options))
        self.problems = ProblemList()
        self.problems.jump.connect(self.jump_to)
        outer.addWidget(self.problems)
        outer.addLayout(self._build_footer())
        self.preview = PreviewPanel()
        self.preview.custom_changed.connect(self._edited)
        self.preview.pages_changed.connect(self._link_tab_order)
        self.components.rows_changed.connect(self._link_tab_order)
        chain = [self.title_en, self.title_ar, self.body_en, self.body_ar, self.state, self.impact]
        set_tab_chain(chain)
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

    def _build_titles(self) -> QWidget:
        """Kind and the two titles: shown only while a new incident is being written."""
        self.new_row = QWidget()
        row = QHBoxLayout(self.new_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.title_en = TitleEdit("en")
        self.title_ar = TitleEdit("ar")
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        # No label on screen (the items say it); on Linux a combo box's name is its current
        # item, so what it chooses is in the description too.
        self.kind.setAccessibleName("Kind of the new incident")
        self.kind.setAccessibleDescription("Incident or planned maintenance")
        for kind in IncidentKind:
            self.kind.addItem(kind.value.capitalize(), kind.value)
        row.addWidget(self.kind)
        row.addWidget(self.title_en, 1)
        row.addWidget(self.title_ar, 1)
        return self.new_row

    def _build_editors(self) -> QGridLayout:
        grid = QGridLayout()
        self.body_en = BodyEditor("en")
        self.body_ar = BodyEditor("ar")
        label_en = QLabel("English")
        label_ar = QLabel("العربية")
        label_ar.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        label_en.setBuddy(self.body_en)
        label_ar.setBuddy(self.body_ar)
        grid.addWidget(label_en, 0, 0)
        grid.addWidget(label_ar, 0, 1)
        grid.addWidget(self.body_en, 1, 0)
        grid.addWidget(self.body_ar, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        return grid

    def _build_options(self) -> QHBoxLayout:
        options = QHBoxLayout()
        options.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        self.state = QComboBox()
        self.state.setObjectName("state")
        self.impact = QComboBox()
        self.impact.setObjectName("impact")
        for impact in Impact:
            self.impact.addItem(impact_label(impact), impact.value)
        # The form's labels are their buddies (read on Linux); the names are for the others.
        self.state.setAccessibleName("State")
        self.impact.setAccessibleName("Impact")
        form.addRow("State", self.state)
        form.addRow("Impact", self.impact)
        options.addLayout(form)
        self.components = ComponentsEditor()
        options.addWidget(self.components, 1)
        self.ticks = ChannelTicks()
        self.ticks.toggled.connect(self._channel_toggled)
        options.addWidget(self.ticks)
        return options

    def _build_footer(self) -> QHBoxLayout:
        footer = QHBoxLayout()
        self.status = QLabel()
        self.status.setObjectName("composer-status")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.publish_button = QPushButton("Publish  (Ctrl+Return)")
        self.publish_button.setObjectName("publish")
        self.publish_button.clicked.connect(self.publish_requested)
        footer.addWidget(self.status, 1)
        footer.addWidget(self.publish_button)
        return footer

    def key_widgets(self) -> list[QWidget]:
        """Every field that takes keys, for the window's ShortcutClaim."""
        return [
            self.title_en,
            self.title_ar,
            self.kind,
            self.body_en,
            self.body_ar,
            self.state,
            self.impact,
        ]

    # -- targets and drafts -----------------------------------------------------------------

    @property
    def target(self) -> int | None:
        return self._target

    @property
    def is_new_incident(self) -> bool:
        return self._target is NEW

    def kind_value(self) -> IncidentKind:
        if self._target is NEW or self._incident is None:
            return IncidentKind(self.kind.currentData())
        return self._incident.kind

    def show_new_incident(self) -> None:
        self._switch(NEW, None)

    def show_update(self, incident: Incident, components: Mapping[str, ComponentStatus]) -> None:
        """Make `incident` the target; its draft comes back as it was left. `components` are
        the incident's affected components now: the rows start from them, under the user's
        own choices for this update, and follow them when they change (another update went
        out) — a status merely shown is never sent again."""
        now = dict(components)
        changed = self._current.get(incident.id) != now
        self._current[incident.id] = now
        if changed and self._target == incident.id:
            self._save()
            self._loading = True
            try:
                slot = self._slots.setdefault(incident.id, Slot())
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
        self._load(self._slots.setdefault(target, Slot()), incident)

    def _save(self) -> None:
        slot = self._slots.setdefault(self._target, Slot())
        slot.title_en = self.title_en.text()
        slot.title_ar = self.title_ar.text()
        slot.kind = IncidentKind(self.kind.currentData())
        slot.body_en = self.body_en.toPlainText()
        slot.body_ar = self.body_ar.toPlainText()
        slot.state = self.state_value()
        slot.impact = Impact(self.impact.currentData())
        slot.components = self.components.chosen()
        slot.problems = list(self.problems.problems)
        slot.overrides = self.preview.custom_texts()
        slot.channel_choice = self.ticks.choice()

    def _load(self, slot: Slot, incident: Incident | None) -> None:
        self._loading = True
        try:
            self.new_row.setVisible(self._target is NEW)
            self.title_en.setText(slot.title_en)
            self.title_ar.setText(slot.title_ar)
            self.kind.setCurrentIndex(self.kind.findData(slot.kind.value))
            self.body_en.setPlainText(slot.body_en)
            self.body_ar.setPlainText(slot.body_ar)
            kind = incident.kind if incident else slot.kind
            self._fill_states(kind, slot.state or (incident.state if incident else None))
            impact = slot.impact or (incident.impact if incident else Impact.MINOR)
            self.impact.setCurrentIndex(self.impact.findData(impact.value))
            current = self._current.get(self._target, {}) if self._target is not NEW else {}
            self.components.show_statuses(current, slot.components or {})
            self.preview.set_custom_texts(slot.overrides)
            if not slot.has_text():  # nothing written yet: a new draft, every enabled channel
                slot.channel_choice = {}
            self.ticks.apply(slot.channel_choice)
            self.generation += 1
            self._show_problems(slot.problems)
            self._update_header()
        finally:
            self._loading = False
        if slot.has_text():
            self._debounce.start()  # the incident may have moved on since: check again
        self._request_preview()

    def _fill_states(self, kind: IncidentKind, chosen: IncidentState | None) -> None:
        states = states_for(kind)
        self.state.blockSignals(True)
        self.state.clear()
        for number, state in enumerate(states, start=1):
            self.state.addItem(f"{state_label(state)}  (Ctrl+{number})", state.value)
        self.state.setCurrentIndex(states.index(chosen) if chosen in states else 0)
        self.state.blockSignals(False)

    def _kind_changed(self) -> None:
        if self._target is NEW:
            self._fill_states(IncidentKind(self.kind.currentData()), None)
        self._edited()

    def _update_header(self) -> None:
        if self._target is NEW:
            self.header.setText("New incident: titles, then the first update")
        elif self._incident is not None:
            # The Arabic title is isolated so it cannot reorder the text around it.
            en, ar = self._incident.title.en, self._incident.title.ar
            arabic = f"\u2067{isolate_latin(ar)}\u2069" if ar else ""  # RLI…PDI
            titles = " / ".join(t for t in (en, arabic) if t)
            self.header.setText(f"Update on #{self._incident.id}: {titles}")
        self.publish_button.setEnabled(not self._busy)

    def clear_if_unchanged(self, published: DraftSnapshot) -> bool:
        """After a successful publish that draft is out in the world: start a fresh one —
        unless the text was edited while it was being published (then keep the newer text)."""
        target = published.incident_id
        if target == self._target:
            self._save()
        slot = self._slots.get(target)
        if slot is not None:
            custom = {
                name: text
                for name, text in slot.overrides.items()
                if name in published.channels and text.strip()
            }
            now = (slot.title_en, slot.title_ar, slot.body_en, slot.body_ar, custom)
            sent = (*_pair(published.title), *_pair(published.body), published.overrides)
            if now != sent:
                return False
        fresh = (
            Slot(impact=Impact.MINOR)
            if target is NEW
            # The next update starts where this one left the incident; its components from
            # what the incident shows now (show_update brings them), none chosen yet.
            else Slot(state=published.state, impact=published.impact)
        )
        self._slots[target] = fresh
        if target == self._target:
            self._load(fresh, self._incident)
        self._dirty.add(target)  # published: its kept copy goes too
        self.draft_changed.emit()
        return True

    # -- kept drafts (issue #8: compose/drafts.py saves them as they are typed) --------------------

    def take_dirty(self) -> list[tuple[int | None, Slot]]:
        """The drafts changed since the last call, as they are now."""
        self._save()
        changed = [(target, self._slots.setdefault(target, Slot())) for target in self._dirty]
        self._dirty.clear()
        return changed

    def restore_slots(self, slots: Mapping[int | None, Slot]) -> None:
        """Drafts kept from an earlier run, each under its target; shown now if it is current."""
        for target, slot in slots.items():
            self._slots[target] = slot
        if self._target in slots:
            self._load(self._slots[self._target], self._incident)

    def slot_of(self, target: int | None) -> Slot | None:
        return self._slots.get(target)

    def has_unsent_text(self) -> bool:
        self._save()
        return any(slot.has_text() for slot in self._slots.values())

    # -- channels ---------------------------------------------------------------------------

    def set_channels(self, channels: Sequence[Channel]) -> None:
        """One checkbox per channel; enabled channels start ticked. A choice made stays within
        the draft it was made in: every other draft, and each new one, starts with every
        enabled channel ticked (issue #12 §1: the audience never narrows by accident)."""
        slot = self._slots.setdefault(self._target, Slot())
        if self.ticks.names():
            slot.channel_choice = self.ticks.choice()
        self.ticks.set_channels(channels, slot.channel_choice)
        self._sync_preview()
        self._link_tab_order()
        # A channel's settings may have changed (Channels dialog): render again.
        self._request_preview()

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
        return IncidentState(self.state.currentData())

    def snapshot(self) -> DraftSnapshot:
        return DraftSnapshot(
            incident_id=self._target,
            kind=self.kind_value(),
            title=BilingualText(self.title_en.text(), self.title_ar.text()),
            body=BilingualText(self.body_en.toPlainText(), self.body_ar.toPlainText()),
            state=self.state_value(),
            impact=Impact(self.impact.currentData()),
            components=self.components.chosen(),
            component_names=tuple(self.components.values()),
            channels=self.checked_channels(),
            overrides=self.preview.overrides(),
        )

    # -- editing ----------------------------------------------------------------------------

    def _edited(self) -> None:
        if self._loading:
            return
        self._dirty.add(self._target)
        self.draft_changed.emit()
        self.generation += 1
        self._debounce.start()
        self._request_preview()

    def _request_preview(self) -> None:
        """Render the previews once the typing pauses; whatever is on its way is now stale."""
        self.preview_generation += 1
        self._preview_debounce.start()

    def _preview_due(self) -> None:
        self.preview.set_pending(True)
        self.preview_requested.emit(self.preview_generation)

    def set_preview_result(self, generation: int, previews: Sequence[ChannelPreview]) -> bool:
        """A finished render; ignored (False) when the draft has changed since it started."""
        if generation != self.preview_generation:
            return False
        self.preview.show_previews(previews)
        return True

    def toggle_preview(self, focused: QWidget | None) -> None:
        """Ctrl+P: to the previews, and back to the field the keyboard came from."""
        if self.preview.contains(focused):
            back = self._before_preview
            usable = (
                back is not None
                and shiboken6.isValid(back)  # not a component row removed since
                and back.isVisible()
                and not self.preview.contains(back)
            )
            if back is None or not usable:
                back = self.body_en
            back.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        self._before_preview = focused
        self.preview.focus_panel()

    def insert_template(self, body: BilingualText, state: IncidentState | None) -> None:
        """Ctrl+T: a filled template into both editors at once — in place of an empty text, at
        the cursor otherwise, as one undoable edit per editor — and its state chosen. The
        keyboard lands at the end of the English insertion."""
        for editor, text in ((self.body_ar, body.ar), (self.body_en, body.en)):
            if not text:
                continue
            cursor = editor.textCursor()
            if not editor.toPlainText().strip():
                cursor.select(QTextCursor.SelectionType.Document)
            cursor.insertText(text)
            editor.setTextCursor(cursor)
        if state is not None:
            index = self.state.findData(state.value)
            if index >= 0:
                self.state.setCurrentIndex(index)
        self.body_en.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def set_state_number(self, number: int) -> None:
        """Ctrl+1..4: the number-th state of this incident's kind."""
        if 1 <= number <= self.state.count():
            self.state.setCurrentIndex(number - 1)

    def focus_english(self) -> None:
        self.body_en.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_first_field(self) -> None:
        target = self.title_en if self._target is NEW else self.body_en
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def switch_language(self, focused: QWidget | None) -> None:
        """Ctrl+L: English ↔ Arabic, for the body or the title the cursor is in."""
        pairs = {
            self.body_en: self.body_ar,
            self.body_ar: self.body_en,
            self.title_en: self.title_ar,
            self.title_ar: self.title_en,
        }
        target = pairs.get(focused) if focused is not None else None
        (target or self.body_en).setFocus(Qt.FocusReason.ShortcutFocusReason)

    def jump_to(self, field_name: str, position: int) -> None:
        fields: dict[str, QWidget] = {
            "body_en": self.body_en,
            "body_ar": self.body_ar,
            "body": self.body_en,
            "title_en": self.title_en,
            "title_ar": self.title_ar,
            "title": self.title_en,
            "state": self.state,
            "channels": next(iter(self.ticks.boxes()), self.publish_button),
            "skip_reason": next(iter(self.ticks.boxes()), self.publish_button),
        }
        widget = fields.get(field_name)
        if widget is None:
            return
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(widget, BodyEditor) and position >= 0:
            cursor = widget.textCursor()
            cursor.setPosition(min(position, widget.document().characterCount() - 1))
            cursor.movePosition(
                QTextCursor.MoveOperation.NextCharacter, QTextCursor.MoveMode.KeepAnchor
            )
            widget.setTextCursor(cursor)
        elif isinstance(widget, TitleEdit) and position >= 0:
            widget.setSelection(position, 1)

    # -- problems and progress --------------------------------------------------------------

    def set_check_result(self, generation: int, problems: Sequence[Problem]) -> bool:
        """A finished check; ignored (False) when the draft has changed since it started."""
        if generation != self.generation:
            return False
        self._show_problems(problems)
        return True

    def show_publish_problems(self, problems: Sequence[Problem]) -> None:
        """Why a publish was refused. Checks still running for this text are dropped so they
        cannot replace the reason with nothing."""
        self.generation += 1
        self._debounce.stop()
        self._show_problems(problems)

    def _show_problems(self, problems: Sequence[Problem]) -> None:
        channels = len(self.checked_channels())
        idle = ""
        if self.body_en.toPlainText().strip() or self.body_ar.toPlainText().strip():
            idle = f"Ready to publish to {channels} channel{'s' if channels != 1 else ''}."
            left = self.left_out()
            if left:  # say who will hear nothing, not just how many will
                idle = (
                    f"Ready to publish to {', '.join(self.checked_channels()) or 'no channel'}"
                    f" — left out: {', '.join(left)} (publishing asks why)."
                )
        self.problems.show_problems(problems, idle_text=idle)

    def stop_checks(self) -> None:
        self._debounce.stop()
        self.generation += 1
        self._preview_debounce.stop()
        self.preview_generation += 1

    def set_busy(self, busy: bool, message: str = "") -> None:
        self._busy = busy
        self.publish_button.setEnabled(not busy)
        self.publish_button.setText("Publishing…" if busy else "Publish  (Ctrl+Return)")
        self.status.setText(message)
