"""A delivery's chip on the incident page: its channel, its state in words, a glyph and a
colour (widgets/theme.py), live (a retry's countdown, a long attempt's progress), with its
own menu of what can be done to it (issue #16 moved it out of incident_view.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QContextMenuEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QLabel,
)

from statusdesk.app.read_models import can_retry, can_skip
from statusdesk.core.model import Delivery, DeliveryState
from statusdesk.gui.keys.actions import decision_keys_hint, shown_key
from statusdesk.gui.widgets.labels import (
    chip_label,
    delivery_detail,
    delivery_label,
    delivery_reason,
    one_line,
    retry_countdown,
)
from statusdesk.gui.widgets.reading import numerals
from statusdesk.gui.widgets.text import muted, plain_tooltip
from statusdesk.gui.widgets.theme import STATE_GLYPHS, Recolourable, chip_colours


@runtime_checkable
class ChipMenus(Protocol):
    """What shows a chip's menu: the incident page (incident_view.IncidentView)."""

    def show_chip_menu(self, chip: DeliveryChip, position: QPoint) -> bool: ...


class DeliveryChip(QLabel, Recolourable):
    """One channel's delivery of one update: a rounded label in its state's colours, painted
    here (see `muted` for why not CSS). Says the state in words (a countdown while a retry
    waits), with its state's glyph at the reading start (docs/VISUAL.md: colour is never the
    only signal); the tooltip and the accessible name carry the last error or the decision
    note. Its colours are the scheme's in force (widgets/theme.py), taken again on a change."""

    RADIUS = 8
    PAD = 8  # px each side, and between the glyph and the words

    def __init__(self, delivery: Delivery, channel_name: str, now: datetime) -> None:
        super().__init__()
        self.delivery_id = delivery.id
        self.channel_name = channel_name
        self.setObjectName(f"chip-{delivery.id}")
        self.setTextFormat(Qt.TextFormat.PlainText)
        glyph = max(self.fontMetrics().horizontalAdvance(g) for g in STATE_GLYPHS.values())
        self._glyph_room = self.PAD + glyph + self.PAD // 2
        if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            self.setContentsMargins(self.PAD, 1, self._glyph_room, 1)
        else:
            self.setContentsMargins(self._glyph_room, 1, self.PAD, 1)
        self._background = QColor()
        self._coloured_as: DeliveryState | None = None
        self._progress: tuple[int, int] | None = None  # (done, total) of the attempt under way
        self.delivery = delivery
        self.set_delivery(delivery, now)
        self._fix_size()

    def _fix_size(self) -> None:
        """As wide as its longest possible words. A chip whose size never changes does not
        make Qt lay out the whole page again when its state changes (a fixed-size widget does
        not invalidate its parent's layout): on an incident of 30 updates that relayout, six
        times as six channels finished, stalled the event loop for 70 ms."""
        words = [delivery_label(state) for state in DeliveryState]
        words += [
            retry_countdown("2000-01-01T00:01:59Z", datetime(2000, 1, 1, tzinfo=UTC)),
            retry_countdown("2000-01-01T00:59:59Z", datetime(2000, 1, 1, tzinfo=UTC)),
            retry_countdown("2000-01-01T00:00:00Z", datetime(2000, 1, 1, tzinfo=UTC)),
            self.tr("sending {done}/{total}").format(done=9999, total=9999),
        ]
        metrics = self.fontMetrics()
        margins = self.contentsMargins()
        widest = max(metrics.horizontalAdvance(f"{self.channel_name}: {w}") for w in words)
        self.setFixedSize(
            widest + margins.left() + margins.right() + 2,
            metrics.height() + margins.top() + margins.bottom() + 2,
        )
        # The words right after the glyph, at the chip's reading start.
        self.setAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)

    @property
    def state(self) -> DeliveryState:
        return self.delivery.state

    @property
    def waiting(self) -> bool:
        """A retry is due at a known time: the chip counts down to it."""
        return self.delivery.state is DeliveryState.RETRY_WAIT and bool(
            self.delivery.next_attempt_at
        )

    def background(self) -> QColor:
        return QColor(self._background)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._background)
        painter.drawRoundedRect(self.rect(), self.RADIUS, self.RADIUS)
        painter.setPen(self.palette().color(self.foregroundRole()))
        room = self.rect()
        if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            room.setLeft(room.right() - self._glyph_room + self.PAD // 2)
        else:
            room.setRight(self._glyph_room - self.PAD // 2)
        painter.drawText(room, Qt.AlignmentFlag.AlignCenter, STATE_GLYPHS[self.delivery.state])
        painter.end()
        super().paintEvent(event)

    def recolour(self) -> None:
        """The scheme changed: the state's colours in the new one."""
        self._coloured_as = None
        self._paint_state()

    def _paint_state(self) -> None:
        state = self.delivery.state
        if state is not self._coloured_as:
            background, foreground = chip_colours(state)
            self._background = QColor(background)
            muted(self, foreground)
            self._coloured_as = state
            self.update()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """Retry / skip by mouse (or the Menu key) too; the keys of the table are the main way.
        The view (the first parent that shows a chip's menu) is looked up, not remembered: no
        reference cycle between widget wrappers."""
        widget = self.parentWidget()
        while widget is not None and not isinstance(widget, ChipMenus):
            widget = widget.parentWidget()
        if widget is None or not widget.show_chip_menu(self, event.globalPos()):
            super().contextMenuEvent(event)

    def set_delivery(self, delivery: Delivery, now: datetime) -> None:
        """The delivery as the store has it: state, error, note, next attempt."""
        self.delivery = delivery
        state = delivery.state
        if state is not DeliveryState.SENDING:
            self._progress = None
        self._paint_state()
        self.tick(now)
        if can_retry(delivery):
            hint = self.tr("{keys} (or right-click this chip)").format(keys=decision_keys_hint())
        elif can_skip(delivery):
            hint = self.tr("{key} skips (or right-click this chip)").format(
                key=shown_key("skip-delivery")
            )
        else:
            hint = ""
        self.setToolTip(plain_tooltip(delivery_detail(delivery, self.channel_name, now, hint)))

    def set_state(self, state: DeliveryState, now: datetime) -> None:
        """A live change from the dispatcher, which tells the state alone; the rest of the row
        is read again right after (MainWindow._refresh_soon). Until then the chip assumes what
        the transition does to a row: nobody holds it, and a retry's time is not known yet."""
        if state is self.delivery.state:
            return
        self._progress = None  # a new state: what was under way is over
        assumed = replace(self.delivery, state=state, owner=None, next_attempt_at=None)
        self.set_delivery(assumed, now)

    def set_progress(self, done: int, total: int) -> None:
        """How far the attempt under way is; said while the delivery is being sent."""
        self._progress = (done, total)
        self.tick(None)

    def tick(self, now: datetime | None) -> None:
        """The words only (the countdown moves; colours and tooltip do not)."""
        if self._progress is not None and self.delivery.state is DeliveryState.SENDING:
            done, total = self._progress
            said = numerals(self.tr("sending {done}/{total}").format(done=done, total=total))
        elif now is None:
            return
        else:
            said = chip_label(self.delivery, now)
        text = f"{self.channel_name}: {said}"
        if text != self.text():
            self.setText(text)
        reason = delivery_reason(self.delivery)
        self.setAccessibleName(f"{text} — {one_line(reason)}" if reason else text)
