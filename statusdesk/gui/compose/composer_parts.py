"""The composer's parts that stand on their own: one draft (`Slot`), the scrolled area of its
options, and the "Publish to" ticks, one per channel (composer.py puts them together)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFrame,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from statusdesk.core.model import (
    Channel,
    ComponentStatus,
    Impact,
    IncidentKind,
    IncidentState,
    Problem,
)
from statusdesk.gui.widgets.text import QT_TRANSLATE_NOOP
from statusdesk.gui.widgets.theme import Recolourable, kind_icon


@dataclass
class Slot:
    """One draft. `None` fields mean "not chosen yet: take the incident's own"."""

    title_en: str = ""
    title_ar: str = ""
    kind: IncidentKind = IncidentKind.INCIDENT
    body_en: str = ""
    body_ar: str = ""
    state: IncidentState | None = None
    impact: Impact | None = None
    components: dict[str, ComponentStatus] | None = None
    problems: list[Problem] = field(default_factory=list)
    overrides: dict[str, str] = field(default_factory=dict)  # custom post texts, by channel
    # Ticks that differ from the default (every enabled channel), by channel: a choice made
    # stays within this draft only; a new draft starts with every enabled channel (#12 §1).
    channel_choice: dict[str, bool] = field(default_factory=dict)

    def has_text(self) -> bool:
        texts = (self.title_en, self.title_ar, self.body_en, self.body_ar, *self.overrides.values())
        return any(s.strip() for s in texts)


class OptionsArea(QScrollArea):
    """State, impact, components and channels: as tall as they need where there is room, and
    scrolled where there is not. Each channel and each affected component adds a row, and at
    200 % a 1080p screen has 540 pixels for the whole window; the editors keep their share."""

    MIN_LINES = 4  # of text: the state and impact rows stay in view

    def __init__(self, content: QWidget) -> None:
        super().__init__()
        self.setObjectName("composer-options")
        self._content = content
        self.setWidget(content)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its fields take the keyboard, not it
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._follow_focus)

    def sizeHint(self) -> QSize:
        """All of it, where there is room (QScrollArea keeps its content's first size); as tall
        as its blocks need once wrapped at the width it has."""
        hint = self._content.sizeHint()
        width = self.viewport().width()
        if self._content.hasHeightForWidth() and self.isVisible() and width > 0:
            hint.setHeight(max(hint.height(), self._content.heightForWidth(width)))
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()  # wrapped otherwise: a different height wanted

    def minimumSizeHint(self) -> QSize:
        """As wide as the fields need (never scrolled sideways), a few lines tall."""
        content = self._content.minimumSizeHint()
        bar = self.verticalScrollBar().sizeHint().width()
        lines = self.fontMetrics().height() * self.MIN_LINES
        return QSize(content.width() + bar, min(content.height(), lines))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._content and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # a row came or went: the room asked for changes
        return super().eventFilter(watched, event)

    def _follow_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Tab into a field scrolled out of view brings it into view."""
        if new is not None and self._content.isAncestorOf(new):
            self.ensureWidgetVisible(new)


# A channel's language as the tick's tooltip says it.
LANGUAGE_WORDS = {
    "en": QT_TRANSLATE_NOOP("ChannelTicks", "English"),
    "ar": QT_TRANSLATE_NOOP("ChannelTicks", "Arabic"),
    "both": QT_TRANSLATE_NOOP("ChannelTicks", "English and Arabic"),
}


class ChannelTicks(QWidget, Recolourable):
    """One checkbox per channel under "Publish to". Enabled channels start ticked unless the
    draft chose otherwise; `choice()` is what differs from that default."""

    toggled = Signal()  # a box was ticked or unticked

    def __init__(self) -> None:
        super().__init__()
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)  # laid out as a bare column of the options
        self._layout.addWidget(QLabel(self.tr("Publish to")))
        self._boxes: dict[str, QCheckBox] = {}
        self.channels: list[Channel] = []

    def set_channels(self, channels: Sequence[Channel], chosen: Mapping[str, bool]) -> None:
        for box in self._boxes.values():
            self._layout.removeWidget(box)
            box.deleteLater()
        self._boxes = {}
        self.channels = list(channels)
        for channel in channels:
            text = (
                channel.name
                if channel.enabled
                else self.tr("{name} (disabled)").format(name=channel.name)
            )
            box = QCheckBox(text)
            box.setObjectName(f"channel-{channel.name}")
            language = LANGUAGE_WORDS.get(channel.language.value)
            box.setToolTip(
                self.tr("{kind} · language {language}").format(
                    kind=channel.kind,
                    language=self.tr(language) if language else channel.language.value,
                )
            )
            box.setIcon(kind_icon(channel.kind, box))  # the kind's mark (docs/VISUAL.md)
            box.setChecked(chosen.get(channel.name, channel.enabled))
            box.toggled.connect(self.toggled)
            self._layout.addWidget(box)
            self._boxes[channel.name] = box

    def recolour(self) -> None:
        """The scheme changed: the kinds' marks in its text colour."""
        for channel in self.channels:
            box = self._boxes.get(channel.name)
            if box is not None:
                box.setIcon(kind_icon(channel.kind, box))

    def choice(self) -> dict[str, bool]:
        """The ticks that differ from the default (every enabled channel ticked)."""
        enabled = {c.name: c.enabled for c in self.channels}
        return {
            name: box.isChecked()
            for name, box in self._boxes.items()
            if box.isChecked() != enabled.get(name, False)
        }

    def apply(self, choice: Mapping[str, bool]) -> None:
        for channel in self.channels:
            box = self._boxes.get(channel.name)
            if box is not None:
                box.setChecked(choice.get(channel.name, channel.enabled))

    def left_out(self, chosen: Sequence[str] | None = None) -> list[str]:
        ticked = set(self.checked() if chosen is None else chosen)
        return [c.name for c in self.channels if c.enabled and c.name not in ticked]

    def checked(self) -> tuple[str, ...]:
        return tuple(name for name, box in self._boxes.items() if box.isChecked())

    def names(self) -> list[str]:
        return list(self._boxes)

    def box(self, name: str) -> QCheckBox:
        return self._boxes[name]

    def boxes(self) -> list[QCheckBox]:
        return list(self._boxes.values())
