"""The current incident: its titles and state, and its updates newest first, each in both
languages with one chip per channel saying where its delivery stands (updated live).

All user text goes into QLabels as plain text, so `<script>` or `<b>` in an update is shown as
typed, never interpreted.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from statusdesk.core.model import Channel, Component, Delivery, DeliveryState, Incident, Update
from statusdesk.gui.editors import ARABIC_SCALE
from statusdesk.gui.labels import (
    DELIVERY_COLOURS,
    component_status_label,
    delivery_label,
    impact_label,
    isolate_latin,
    local_and_utc,
    state_label,
)


@dataclass(frozen=True)
class IncidentPage:
    """Everything the view shows for one incident, read from the store in one go."""

    incident: Incident
    updates: Sequence[Update]  # oldest first, as the store returns them
    deliveries: Mapping[int, Sequence[Delivery]]  # by update id
    channels: Mapping[int, Channel]
    components: Mapping[int, Component]


def muted(label: QLabel, colour: str = "#4b5563") -> QLabel:
    """Secondary text. A palette, not a style sheet: a style sheet per label makes Qt re-style
    each one on its own, which cost most of the time to show an incident of 20 updates."""
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
    label.setPalette(palette)
    return label


def text_label(text: str, rtl: bool, *, bold: bool = False, scale: float = 1.0) -> QLabel:
    """A read-only paragraph pinned to its language's direction, whatever the app's is."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(isolate_latin(text) if rtl else text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    direction = Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
    label.setLayoutDirection(direction)
    side = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
    label.setAlignment(side | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignTop)
    font = label.font()
    font.setBold(bold)
    if scale != 1.0:
        font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    return label


class DeliveryChip(QLabel):
    """A rounded label in its state's colours, painted here (see `muted` for why not CSS)."""

    RADIUS = 8

    def __init__(self, delivery: Delivery, channel_name: str) -> None:
        super().__init__()
        self.delivery_id = delivery.id
        self.channel_name = channel_name
        self.setObjectName(f"chip-{delivery.id}")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setContentsMargins(8, 1, 8, 1)
        self._background = QColor()
        self.set_delivery(delivery)

    def background(self) -> QColor:
        return QColor(self._background)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._background)
        painter.drawRoundedRect(self.rect(), self.RADIUS, self.RADIUS)
        painter.end()
        super().paintEvent(event)

    def set_delivery(self, delivery: Delivery) -> None:
        self.set_state(delivery.state, delivery.last_error)

    def set_state(self, state: DeliveryState, error: str | None = None) -> None:
        self.state = state
        background, foreground = DELIVERY_COLOURS[state]
        self.setText(f"{self.channel_name}: {delivery_label(state)}")
        self._background = QColor(background)
        muted(self, foreground)
        self.update()
        self.setToolTip(error or f"Delivery {self.delivery_id} to {self.channel_name}: {state}")
        self.setAccessibleName(self.text())


class UpdateCard(QFrame):
    def __init__(self, update: Update, page: IncidentPage, now: datetime) -> None:
        super().__init__()
        self.update_id = update.id
        self.setObjectName(f"update-{update.id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        when = local_and_utc(update.published_at or update.created_at, now)
        meta = muted(QLabel(f"{state_label(update.state)} · {when}"))
        meta.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(meta)
        self.body_en = text_label(update.body.en, rtl=False)
        self.body_ar = text_label(update.body.ar, rtl=True, scale=ARABIC_SCALE)
        self.body_en.setObjectName("body-en")
        self.body_ar.setObjectName("body-ar")
        for label in (self.body_en, self.body_ar):
            layout.addWidget(label)  # parent first: a parentless label shown is a window
            label.setVisible(bool(label.text()))
        chips = QHBoxLayout()
        chips.setSpacing(6)
        self.chips: dict[int, DeliveryChip] = {}
        for delivery in page.deliveries.get(update.id, ()):
            channel = page.channels.get(delivery.channel_id)
            name = channel.name if channel else f"channel {delivery.channel_id}"
            chip = DeliveryChip(delivery, name)
            self.chips[delivery.id] = chip
            chips.addWidget(chip)
        if not self.chips:
            none = muted(QLabel("not sent to any channel"), "#6b7280")
            chips.addWidget(none)
        chips.addStretch(1)
        layout.addLayout(chips)


class IncidentView(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("incident-view")
        self.setWidgetResizable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._incident_id: int | None = None
        self._cards: list[UpdateCard] = []
        self._chips: dict[int, DeliveryChip] = {}
        self._show_empty("No incident yet. Ctrl+N opens one.")

    @property
    def incident_id(self) -> int | None:
        return self._incident_id

    def cards(self) -> list[UpdateCard]:
        return list(self._cards)

    def chip(self, delivery_id: int) -> DeliveryChip | None:
        return self._chips.get(delivery_id)

    def shown_update_ids(self) -> list[int]:
        return [card.update_id for card in self._cards]

    def _show_empty(self, message: str) -> None:
        self._incident_id = None
        self._cards = []
        self._chips = {}
        label = muted(QLabel(message), "#6b7280")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWidget(label)

    def show_page(self, page: IncidentPage | None, now: datetime) -> None:
        """Show an incident, rebuilding the cards; keep the scroll position when the same
        incident is shown again (a new update arrived) so reading is not interrupted."""
        if page is None:
            self._show_empty("No incident yet. Ctrl+N opens one.")
            return
        same = page.incident.id == self._incident_id
        scroll = self.verticalScrollBar().value() if same else 0
        content = QWidget()
        content.setObjectName("incident-page")
        column = QVBoxLayout(content)
        column.setContentsMargins(12, 12, 12, 12)
        column.setSpacing(10)
        column.addWidget(self._header(page, now))
        self._cards = [UpdateCard(u, page, now) for u in reversed(page.updates)]
        self._chips = {i: c for card in self._cards for i, c in card.chips.items()}
        for card in self._cards:
            column.addWidget(card)
        if not self._cards:
            column.addWidget(QLabel("No update yet."))
        column.addStretch(1)
        self.setWidget(content)
        self._incident_id = page.incident.id
        self.verticalScrollBar().setValue(scroll)

    def _header(self, page: IncidentPage, now: datetime) -> QWidget:
        incident = page.incident
        header = QWidget()
        layout = QVBoxLayout(header)
        layout.setContentsMargins(0, 0, 0, 0)
        titles = QHBoxLayout()
        title_en = text_label(incident.title.en, rtl=False, bold=True, scale=1.25)
        title_ar = text_label(incident.title.ar, rtl=True, bold=True, scale=1.25 * ARABIC_SCALE)
        title_en.setObjectName("title-en")
        title_ar.setObjectName("title-ar")
        titles.addWidget(title_en, 1)
        titles.addWidget(title_ar, 1)
        layout.addLayout(titles)
        facts = [
            f"#{incident.id}",
            incident.kind.value,
            state_label(incident.state),
            f"impact {impact_label(incident.impact)}",
            f"started {local_and_utc(incident.started_at, now)}",
        ]
        affected = [
            f"{page.components[c].name.en or page.components[c].name.ar} "
            f"({component_status_label(page.components[c].status)})"
            for c in incident.component_ids
            if c in page.components
        ]
        if affected:
            facts.append("affects " + ", ".join(affected))
        meta = QLabel(" · ".join(facts))
        meta.setTextFormat(Qt.TextFormat.PlainText)
        meta.setWordWrap(True)
        meta.setObjectName("incident-facts")
        layout.addWidget(meta)
        return header

    def set_delivery_state(self, delivery_id: int, state: DeliveryState) -> bool:
        """A live change from the dispatcher; False when this delivery is not on screen."""
        chip = self._chips.get(delivery_id)
        if chip is None:
            return False
        chip.set_state(state, chip.toolTip() if state.needs_attention else None)
        return True

    def refresh_deliveries(self, deliveries: Mapping[int, Sequence[Delivery]]) -> bool:
        """Bring every chip up to date (state and error text) from the store. Returns False
        when the store knows deliveries this view has no chip for: time to rebuild."""
        complete = True
        for delivery_list in deliveries.values():
            for delivery in delivery_list:
                chip = self._chips.get(delivery.id)
                if chip is None:
                    complete = False
                else:
                    chip.set_delivery(delivery)
        return complete
