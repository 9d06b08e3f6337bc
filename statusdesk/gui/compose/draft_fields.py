"""The fields of one draft in the composer: the new incident's kind and titles, the English and
Arabic bodies, state, impact, affected components and the "Publish to" ticks. A draft is read
out of them into a `Slot` and shown in them from one; the composer lays them out and moves
between drafts (one per target) with them."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QWidget,
)

from statusdesk.core.model import (
    BilingualText,
    ComponentStatus,
    Impact,
    Incident,
    IncidentKind,
    IncidentState,
    states_for,
)
from statusdesk.gui.compose.components_editor import ComponentsEditor
from statusdesk.gui.compose.composer_parts import ChannelTicks, Slot
from statusdesk.gui.i18n import key_name
from statusdesk.gui.widgets.editors import BodyEditor, TitleEdit
from statusdesk.gui.widgets.flow import FlowLayout
from statusdesk.gui.widgets.labels import impact_label, state_label
from statusdesk.gui.widgets.reading import place_pair, reading_order
from statusdesk.gui.widgets.text import QT_TRANSLATE_NOOP

translate = QCoreApplication.translate
KIND_WORDS = {
    "incident": QT_TRANSLATE_NOOP("DraftFields", "Incident"),
    "maintenance": QT_TRANSLATE_NOOP("DraftFields", "Maintenance"),
}


class DraftFields:
    """The draft's widgets, made without a parent: the composer places `new_row`, `editors` and
    `options` in that order (the order Qt's focus chain follows until the tab chain is set)."""

    def __init__(self) -> None:
        # Arabic first in an Arabic interface (on the right, first for Tab), English first in
        # an English one; the keys that go to "the English editor" still go to the English one.
        self.order = reading_order()
        self.new_row = self._build_titles()
        self.editors = self._build_editors()
        self.options = QWidget()
        self.options.setLayout(self._build_options())

    def _build_titles(self) -> QWidget:
        """Kind and the two titles: shown only while a new incident is being written."""
        new_row = QWidget()
        row = QHBoxLayout(new_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.title_en = TitleEdit("en")
        self.title_ar = TitleEdit("ar")
        self.titles = {"en": self.title_en, "ar": self.title_ar}
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        # No label on screen (the items say it); on Linux a combo box's name is its current
        # item, so what it chooses is in the description too.
        self.kind.setAccessibleName(translate("DraftFields", "Kind of the new incident"))
        self.kind.setAccessibleDescription(
            translate("DraftFields", "Incident or planned maintenance")
        )
        for kind in IncidentKind:
            self.kind.addItem(
                translate("DraftFields", KIND_WORDS.get(kind.value, kind.value.capitalize())),
                kind.value,
            )
        row.addWidget(self.kind)
        for lang in self.order:
            row.addWidget(self.titles[lang], 1)
        return new_row

    def _build_editors(self) -> QGridLayout:
        """The two editors in the interface's reading order (widgets/reading.py)."""
        grid = QGridLayout()
        self.body_en = BodyEditor("en")
        self.body_ar = BodyEditor("ar")
        self.bodies = {"en": self.body_en, "ar": self.body_ar}
        labels = {"en": QLabel(translate("DraftFields", "English")), "ar": QLabel("العربية")}
        place_pair(grid, self.bodies, labels)
        return grid

    def _build_options(self) -> FlowLayout:
        """State and impact, the affected components, the channels: three blocks side by side
        where the composer is wide enough, and wrapped under each other where it is not (a
        narrow column, 200 %), each at its own width, never squeezed until its words are cut
        ("Monitoring  (Ctrl+3" and "ayments API" at 1280×800, issue #16)."""
        options = FlowLayout(spacing=16, line_spacing=8)
        states = QWidget()
        form = QFormLayout(states)
        form.setContentsMargins(0, 0, 0, 0)
        self.state = QComboBox()
        # As wide as its longest state with its key, whichever state is shown.
        self.state.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.state.setObjectName("state")
        self.impact = QComboBox()
        self.impact.setObjectName("impact")
        for impact in Impact:
            self.impact.addItem(impact_label(impact), impact.value)
        # The form's labels are their buddies (read on Linux); the names are for the others.
        self.state.setAccessibleName(translate("DraftFields", "State"))
        self.impact.setAccessibleName(translate("DraftFields", "Impact"))
        form.addRow(translate("DraftFields", "State"), self.state)
        form.addRow(translate("DraftFields", "Impact"), self.impact)
        options.addWidget(states)
        self.components = ComponentsEditor()
        options.addWidget(self.components)
        self.ticks = ChannelTicks()
        options.addWidget(self.ticks)
        return options

    def key_widgets(self) -> list[QWidget]:
        """Every field that takes keys, for the window's ShortcutClaim."""
        return [
            self.kind,
            *self.reading_chain(),
            self.state,
            self.impact,
        ]

    def reading_chain(self) -> list[QWidget]:
        """The titles, then the bodies, each pair in the interface's reading order."""
        first, second = self.order
        return [self.titles[first], self.titles[second], self.bodies[first], self.bodies[second]]

    # -- reading ----------------------------------------------------------------------------

    def chosen_kind(self) -> IncidentKind:
        return IncidentKind(self.kind.currentData())

    def state_value(self) -> IncidentState:
        return IncidentState(self.state.currentData())

    def impact_value(self) -> Impact:
        return Impact(self.impact.currentData())

    def title(self) -> BilingualText:
        return BilingualText(self.title_en.text(), self.title_ar.text())

    def body(self) -> BilingualText:
        return BilingualText(self.body_en.toPlainText(), self.body_ar.toPlainText())

    def has_body_text(self) -> bool:
        return bool(self.body_en.toPlainText().strip() or self.body_ar.toPlainText().strip())

    def read_into(self, slot: Slot) -> None:
        """What the fields hold, into `slot` (its problems and custom texts are not theirs)."""
        slot.title_en = self.title_en.text()
        slot.title_ar = self.title_ar.text()
        slot.kind = self.chosen_kind()
        slot.body_en = self.body_en.toPlainText()
        slot.body_ar = self.body_ar.toPlainText()
        slot.state = self.state_value()
        slot.impact = self.impact_value()
        slot.components = self.components.chosen()

    # -- showing ----------------------------------------------------------------------------

    def show(
        self,
        slot: Slot,
        incident: Incident | None,
        current: Mapping[str, ComponentStatus],
    ) -> None:
        """`slot` in the fields; what it has not chosen yet is `incident`'s own (a new
        incident's: minor impact). `current` are the incident's components as they are now.
        The ticks are left to the caller: a draft's channel choice depends on its text."""
        self.new_row.setVisible(incident is None)
        self.title_en.setText(slot.title_en)
        self.title_ar.setText(slot.title_ar)
        self.kind.setCurrentIndex(self.kind.findData(slot.kind.value))
        self.body_en.setPlainText(slot.body_en)
        self.body_ar.setPlainText(slot.body_ar)
        kind = incident.kind if incident else slot.kind
        self.fill_states(kind, slot.state or (incident.state if incident else None))
        impact = slot.impact or (incident.impact if incident else Impact.MINOR)
        self.impact.setCurrentIndex(self.impact.findData(impact.value))
        self.components.show_statuses(current, slot.components or {})

    def fill_states(self, kind: IncidentKind, chosen: IncidentState | None) -> None:
        """The states of `kind`, each with its Ctrl+number; `chosen` (else the first) current."""
        states = states_for(kind)
        self.state.blockSignals(True)
        self.state.clear()
        for number, state in enumerate(states, start=1):
            key = key_name(f"Ctrl+{number}")
            self.state.addItem(f"{state_label(state)}  ({key})", state.value)
        self.state.setCurrentIndex(states.index(chosen) if chosen in states else 0)
        self.state.blockSignals(False)
