"""The current incident: its titles and state, and its updates newest first, each in both
languages with one chip per channel saying where its delivery stands (updated live).

All user text goes into QLabels as plain text, so `<script>` or `<b>` in an update is shown as
typed, never interpreted.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime, tzinfo

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from statusdesk.app.read_models import IncidentPage, can_retry, can_skip
from statusdesk.core.model import Delivery, DeliveryState, Update, UpdateStatus
from statusdesk.gui.incidents.delivery_chip import DeliveryChip
from statusdesk.gui.incidents.rhythm_widgets import RhythmPanel, ScheduledSection
from statusdesk.gui.keys.actions import shown_key
from statusdesk.gui.widgets.editors import ARABIC_SCALE, arabic_font
from statusdesk.gui.widgets.flow import FlowLayout
from statusdesk.gui.widgets.labels import (
    component_status_label,
    impact_label,
    isolate_latin,
    local_and_utc,
    state_label,
)
from statusdesk.gui.widgets.reading import in_interface_language
from statusdesk.gui.widgets.text import muted
from statusdesk.gui.wording.rhythm import PendingTarget, pending_targets
from statusdesk.gui.wording.targets import DeliveryTarget
from statusdesk.scheduling.when import local_zone


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
    if rtl:  # the Arabic faces first (widgets/editors.py); `scale` says how much larger
        font = arabic_font(font)
        font.setPointSizeF(font.pointSizeF() / ARABIC_SCALE)
    font.setBold(bold)
    if scale != 1.0:
        font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    return label


class _AfterPaint(QObject):
    """Calls `then` on the next turn of the event loop after `widget` is first painted (or
    after FALLBACK_MS when it is not shown)."""

    FALLBACK_MS = 250

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._then: Callable[[], None] | None = then
        widget.installEventFilter(self)
        QTimer.singleShot(self.FALLBACK_MS, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._then is not None:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            then()


class _Relay(QObject):
    """The Scheduled section's right-click requests, outliving the section (rebuilt with each
    page): (command, update id)."""

    requested = Signal(str, int)

    def relay(self, command: str, update_id: int) -> None:
        self.requested.emit(command, update_id)


class UpdateCard(QFrame):
    def __init__(self, update: Update, page: IncidentPage, now: datetime) -> None:
        super().__init__()
        self.update_id = update.id
        self.setObjectName(f"update-{update.id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        when = local_and_utc(update.published_at or update.created_at, now)
        self.heading = f"{state_label(update.state)} · {when}"
        meta = muted(QLabel(self.heading))
        meta.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(meta)
        self.body_en = text_label(update.body.en, rtl=False)
        self.body_ar = text_label(update.body.ar, rtl=True, scale=ARABIC_SCALE)
        self.body_en.setObjectName("body-en")
        self.body_ar.setObjectName("body-ar")
        for label in (self.body_en, self.body_ar):
            layout.addWidget(label)  # parent first: a parentless label shown is a window
            label.setVisible(bool(label.text()))
        chips = FlowLayout(spacing=6)  # wraps: the page is never wider than its viewport
        self.chips: dict[int, DeliveryChip] = {}
        for delivery in page.deliveries.get(update.id, ()):
            channel = page.channels.get(delivery.channel_id)
            name = (
                channel.name if channel else self.tr("channel {id}").format(id=delivery.channel_id)
            )
            chip = DeliveryChip(delivery, name, now)
            self.chips[delivery.id] = chip
            chips.addWidget(chip)
        if not self.chips:
            none = muted(QLabel(self.tr("not sent to any channel")))
            chips.addWidget(none)
        layout.addLayout(chips)


def published_in_order(updates: Sequence[Update]) -> list[Update]:
    """The updates that went out, in the order they went out (a scheduled update written
    before another may go out after it); the cards show these, newest on top."""
    return sorted(
        (u for u in updates if u.status is UpdateStatus.PUBLISHED),
        key=lambda u: (u.published_at or "", u.id),
    )


class IncidentView(QScrollArea):
    """The current incident. Chips change live; while some chip waits for a retry, one timer
    for the whole view moves their countdowns once a second (and stops when none waits).

    Above the cards (issue #5): the next-update countdown, the channels against the latest
    update and the silence alarm (RhythmPanel), then the updates not yet out (ScheduledSection);
    the window's one clock timer moves them with `tick_rhythm`."""

    retry_requested = Signal(int)  # delivery id, from a chip's context menu
    skip_requested = Signal(int)
    COUNTDOWN_MS = 1000
    FIRST_CARD = 3  # header, rhythm, scheduled section, then the cards
    # The newest updates' cards are built before the page is first painted; the older ones
    # right after it, or as soon as anything asks for them (issue #16: ready sooner).
    CARDS_AT_ONCE = 4

    def __init__(
        self, parent: QWidget | None = None, *, clock: Callable[[], datetime] | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("incident-view")
        self.setWidgetResizable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._clock: Callable[[], datetime] = clock or (lambda: datetime.now(UTC))
        self.zone: tzinfo = local_zone()  # where scheduled times are shown (with UTC)
        self._incident_id: int | None = None
        self.rhythm: RhythmPanel | None = None
        self.scheduled: ScheduledSection | None = None
        self.scheduled_action = _Relay(self)
        self._cards: list[UpdateCard] = []
        self._chips: dict[int, DeliveryChip] = {}
        self._later: tuple[list[Update], IncidentPage] | None = None  # cards not built yet
        self._countdown = QTimer(self)
        self._countdown.setInterval(self.COUNTDOWN_MS)
        self._countdown.timeout.connect(self._tick)
        self._show_empty(self.tr("No incident yet. Ctrl+N opens one."))

    @property
    def incident_id(self) -> int | None:
        return self._incident_id

    @property
    def counting_down(self) -> bool:
        """The countdown timer runs (only while some chip waits for a retry)."""
        return self._countdown.isActive()

    def cards(self) -> list[UpdateCard]:
        self._finish_cards()
        return list(self._cards)

    def chip(self, delivery_id: int) -> DeliveryChip | None:
        self._finish_cards()
        return self._chips.get(delivery_id)

    def shown_update_ids(self) -> list[int]:
        self._finish_cards()
        return [card.update_id for card in self._cards]

    def _show_empty(self, message: str) -> None:
        self._incident_id = None
        self._cards = []
        self._chips = {}
        self._later = None
        self.rhythm = None
        self.scheduled = None
        self._sync_countdown()
        label = muted(QLabel(message))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWidget(label)

    def show_page(self, page: IncidentPage | None, now: datetime) -> None:
        """Show an incident. The same incident shown again (a new update arrived) keeps its
        cards and scroll position and only adds the new updates' cards: rebuilding 30 cards
        after every publish stalled the event loop for a quarter of a second."""
        if page is not None and page.incident.id == self._incident_id:
            self._finish_cards()  # its older cards, if still to come, before extending
        self._later = None  # another incident's: never built
        if page is None:
            self._show_empty(self.tr("No incident yet. Ctrl+N opens one."))
            return
        if page.incident.id == self._incident_id and self._extend(page, now):
            return
        content = QWidget()
        content.setObjectName("incident-page")
        column = QVBoxLayout(content)
        column.setContentsMargins(12, 12, 12, 12)
        column.setSpacing(10)
        self._header_widget = self._header(page, now)
        column.addWidget(self._header_widget)
        self.rhythm = RhythmPanel(self.zone)
        column.addWidget(self.rhythm)
        self.scheduled = ScheduledSection()
        self.scheduled.action_requested.connect(self.scheduled_action.relay)
        column.addWidget(self.scheduled)
        newest_first = list(reversed(published_in_order(page.updates)))
        self._cards = [UpdateCard(u, page, now) for u in newest_first[: self.CARDS_AT_ONCE]]
        self._chips = {i: c for card in self._cards for i, c in card.chips.items()}
        older = newest_first[self.CARDS_AT_ONCE :]
        self._later = (older, page) if older else None
        if older:
            _AfterPaint(content, self._finish_cards)
        for card in self._cards:
            column.addWidget(card)
        self._no_update: QLabel | None = None
        if not self._cards:
            self._no_update = QLabel(self.tr("No update has gone out yet."))
            column.addWidget(self._no_update)
        column.addStretch(1)
        self._column = column
        self.setWidget(content)
        self._incident_id = page.incident.id
        self.refresh_rhythm(page, now)
        self.verticalScrollBar().setValue(0)
        self._sync_countdown()

    def _finish_cards(self) -> None:
        """Build the older updates' cards show_page left for after the first paint."""
        later, self._later = self._later, None
        if later is None:
            return
        older, page = later
        now = self._clock()
        at = self._column.indexOf(self._cards[-1]) + 1
        for update in older:
            card = UpdateCard(update, page, now)
            self._column.insertWidget(at, card)
            at += 1
            self._cards.append(card)
            self._chips.update(card.chips)
        self._sync_countdown()

    def _extend(self, page: IncidentPage, now: datetime) -> bool:
        """Add the cards of updates not shown yet, above the others; False when the shown
        cards are not an older part of this page (then the caller rebuilds)."""
        shown = [card.update_id for card in reversed(self._cards)]  # oldest first
        published = published_in_order(page.updates)
        ids = [u.id for u in published]
        if ids[: len(shown)] != shown:
            return False
        header = self._header(page, now)
        self._column.replaceWidget(self._header_widget, header)
        self._header_widget.deleteLater()
        self._header_widget = header
        if self._no_update is not None and len(ids) > len(shown):
            self._column.removeWidget(self._no_update)
            self._no_update.deleteLater()
            self._no_update = None
        for update in published[len(shown) :]:  # oldest of the new first: each goes on top
            card = UpdateCard(update, page, now)
            self._column.insertWidget(self.FIRST_CARD, card)
            self._cards.insert(0, card)
            self._chips.update(card.chips)
        self.refresh_deliveries(page.deliveries)
        self.refresh_rhythm(page, now)
        return True

    # -- issue #5: promise, silence, updates not yet out --------------------------------------

    def refresh_rhythm(self, page: IncidentPage, now: datetime | None = None) -> bool:
        """The countdown, the channels' standing and the Scheduled section from a fresh read
        of the page shown (False, and nothing changed, for another incident's page)."""
        if page.incident.id != self._incident_id or self.rhythm is None:
            return False
        now = now or self._clock()
        self.rhythm.set_state(page.incident, page.standings, now)
        if self.scheduled is not None:
            self.scheduled.set_targets(pending_targets(page.updates, self.zone), now)
        return True

    def tick_rhythm(self, now: datetime) -> None:
        if self.rhythm is not None:
            self.rhythm.tick(now)
        if self.scheduled is not None:
            self.scheduled.tick(now)

    def pending(self) -> list[PendingTarget]:
        """The updates not yet out that the Scheduled section shows, soonest first."""
        return self.scheduled.targets() if self.scheduled is not None else []

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
            self.tr("incident") if incident.kind.value == "incident" else self.tr("maintenance"),
            state_label(incident.state),
            self.tr("impact {impact}").format(impact=impact_label(incident.impact)),
            self.tr("started {when}").format(when=local_and_utc(incident.started_at, now)),
        ]
        affected = [
            f"{in_interface_language(page.components[c].name)} "
            f"({component_status_label(page.components[c].status)})"
            for c in incident.component_ids
            if c in page.components
        ]
        if affected:
            facts.append(self.tr("affects {components}").format(components=", ".join(affected)))
        meta = QLabel(" · ".join(facts))
        meta.setTextFormat(Qt.TextFormat.PlainText)
        meta.setWordWrap(True)
        meta.setObjectName("incident-facts")
        layout.addWidget(meta)
        return header

    # -- live deliveries ----------------------------------------------------------------------

    def set_delivery_progress(self, delivery_id: int, done: int, total: int) -> bool:
        """How far a long attempt is; False when this delivery is not on screen."""
        self._finish_cards()
        chip = self._chips.get(delivery_id)
        if chip is None:
            return False
        chip.set_progress(done, total)
        return True

    def set_delivery_state(self, delivery_id: int, state: DeliveryState) -> bool:
        """A live change from the dispatcher; False when this delivery is not on screen."""
        self._finish_cards()
        chip = self._chips.get(delivery_id)
        if chip is None:
            return False
        chip.set_state(state, self._clock())
        self._sync_countdown()
        return True

    def refresh_deliveries(self, deliveries: Mapping[int, Sequence[Delivery]]) -> bool:
        """Bring every chip up to date (state, error, note, next attempt) from the store.
        Returns False when the store knows deliveries this view has no chip for: time to
        rebuild."""
        complete = True
        self._finish_cards()
        now = self._clock()
        for delivery_list in deliveries.values():
            for delivery in delivery_list:
                chip = self._chips.get(delivery.id)
                if chip is None:
                    complete = False
                else:
                    chip.set_delivery(delivery, now)
        self._sync_countdown()
        return complete

    def _sync_countdown(self) -> None:
        """One timer for the view, running only while some chip has a retry to count to."""
        waiting = any(chip.waiting for chip in self._chips.values())
        if waiting and not self._countdown.isActive():
            self._countdown.start()
        elif not waiting and self._countdown.isActive():
            self._countdown.stop()

    def _tick(self) -> None:
        now = self._clock()
        for chip in self._chips.values():
            if chip.waiting:
                chip.tick(now)

    # -- decisions ----------------------------------------------------------------------------

    def targets(self, wanted: Callable[[Delivery], bool]) -> list[DeliveryTarget]:
        """The deliveries on screen that `wanted` accepts, newest update first, each update's
        channels in their order (what a chooser lists)."""
        self._finish_cards()
        return [
            DeliveryTarget(chip.delivery, chip.channel_name, card.heading)
            for card in self._cards
            for chip in card.chips.values()
            if wanted(chip.delivery)
        ]

    def show_chip_menu(self, chip: DeliveryChip, position: QPoint) -> bool:
        """Right-click on a chip that a person can act on: Retry, Skip… (the keys do the same
        for the current incident). False when the chip offers nothing."""
        retry, skip = can_retry(chip.delivery), can_skip(chip.delivery)
        if not (retry or skip):
            return False
        menu = QMenu(self)
        menu.setObjectName("chip-menu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        delivery_id = chip.delivery_id
        if retry:
            said = self.tr("Retry {channel}").format(channel=chip.channel_name)
            action = menu.addAction(f"{said}\t{shown_key('retry-delivery')}")
            action.triggered.connect(lambda _=False: self.retry_requested.emit(delivery_id))
        if skip:
            said = self.tr("Skip {channel}…").format(channel=chip.channel_name)
            action = menu.addAction(f"{said}\t{shown_key('skip-delivery')}")
            action.triggered.connect(lambda _=False: self.skip_requested.emit(delivery_id))
        menu.popup(position)
        return True
