"""Issue #5 on the incident page: the next-update countdown, one mark per channel (parity at a
glance), the silence alarm, and the Scheduled section of updates not yet out.

Words come from rhythm.py; these widgets place them, colour them (never colour alone: every
mark says its state in a symbol and a word) and move their clocks when the window's one timer
calls `tick(now)`. Nothing here reads the workspace.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, tzinfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QMenu,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from statusdesk.app.standings import ChannelStanding, Standing
from statusdesk.core.model import Incident
from statusdesk.core.promise import Level
from statusdesk.core.timefmt import parse_iso
from statusdesk.gui.keys.actions import shown_key
from statusdesk.gui.widgets.labels import counted
from statusdesk.gui.widgets.reading import numerals
from statusdesk.gui.widgets.theme import Role, paint_text
from statusdesk.gui.wording.rhythm import (
    LEVEL_COLOURS,
    STANDING_COLOURS,
    PendingTarget,
    countdown,
    short_when,
    standing_mark,
    standing_sentence,
)

ALARM_COLOUR = STANDING_COLOURS[Standing.MISSED]


def _colour(label: QLabel, colour: str, *, bold: bool = False) -> None:
    """`colour`: a role of widgets/theme.py, kept through scheme changes (see widgets/text.muted
    for why a palette, not a style sheet)."""
    paint_text(label, colour)
    font = label.font()
    if font.bold() != bold:
        font.setBold(bold)
        label.setFont(font)


def _plain(text: str = "", name: str = "") -> QLabel:
    """Plain text (never interpreted), wrapped to the page's width: an Ignored horizontal
    policy, as incident_view.text_label, so a long line never widens the page."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    if name:
        label.setObjectName(name)
    return label


class RhythmPanel(QWidget):
    """Under the incident's titles: when the next update is owed, where each channel stands
    against the latest update, and a line per channel that missed it."""

    MARKS_PER_LINE = 4

    def __init__(self, zone: tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rhythm")
        self._zone = zone
        self._incident: Incident | None = None
        self._standings: tuple[ChannelStanding, ...] = ()
        self.level = Level.NONE
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.promise = _plain(name="promise")
        layout.addWidget(self.promise)
        self._marks_box = QWidget()
        self._marks_box.setObjectName("channel-marks")
        self._marks_box.setAccessibleName(self.tr("Channels against the latest update"))
        self._marks = QGridLayout(self._marks_box)  # a few per line: many channels wrap
        self._marks.setContentsMargins(0, 0, 0, 0)
        self._marks.setHorizontalSpacing(12)
        self._marks.setVerticalSpacing(2)
        self._mark_labels: list[QLabel] = []
        layout.addWidget(self._marks_box)
        self.alarm = _plain(name="silence-alarm")
        _colour(self.alarm, ALARM_COLOUR, bold=True)
        layout.addWidget(self.alarm)

    def set_state(
        self, incident: Incident, standings: Sequence[ChannelStanding], now: datetime
    ) -> None:
        self._incident = incident
        standings = tuple(standings)
        if [s.channel for s in standings] != [s.channel for s in self._standings] or not (
            self._mark_labels
        ):
            self._build_marks(standings)
        self._standings = standings
        self.tick(now)

    def _build_marks(self, standings: Sequence[ChannelStanding]) -> None:
        for label in self._mark_labels:
            self._marks.removeWidget(label)
            label.deleteLater()
        self._mark_labels = []
        for number, standing in enumerate(standings):
            label = _plain(name=f"mark-{standing.channel}")
            self._marks.addWidget(
                label, number // self.MARKS_PER_LINE, number % self.MARKS_PER_LINE
            )
            self._mark_labels.append(label)
        for column in range(self.MARKS_PER_LINE):
            self._marks.setColumnStretch(column, 1)
        self._marks_box.setVisible(bool(standings))

    def marks(self) -> dict[str, QLabel]:
        """The mark of each channel, by name (for tests and screen readers alike)."""
        return {
            label.objectName().removeprefix("mark-"): label
            for label in self._mark_labels
            if label.objectName().startswith("mark-")
        }

    def tick(self, now: datetime) -> None:
        """The countdown and the ages move; the standings change only with a new read."""
        incident = self._incident
        if incident is None:
            return
        self._show_promise(incident, now)
        marks = self.marks()
        for standing in self._standings:
            label = marks.get(standing.channel)
            if label is None:
                continue
            text = standing_mark(standing, now)
            if label.text() != text:
                label.setText(text)
            sentence = standing_sentence(standing, now)
            if label.toolTip() != sentence:  # each second: only what changed is set again
                label.setToolTip(sentence)
                label.setAccessibleName(sentence)
            _colour(label, STANDING_COLOURS[standing.standing], bold=standing.flagged)
        lines = [standing_sentence(s, now) for s in self._standings if s.flagged]
        text = "\n".join(f"⚠ {line}" for line in lines)
        if self.alarm.text() != text:
            self.alarm.setText(text)
            self.alarm.setAccessibleName(text)
        self.alarm.setVisible(bool(lines))

    def _show_promise(self, incident: Incident, now: datetime) -> None:
        shown = countdown(incident.next_update_due if incident.is_active else None, now)
        self.level = shown.level
        text = shown.text[0].upper() + shown.text[1:]
        if incident.next_update_due and shown.level is not Level.NONE:
            promised = short_when(parse_iso(incident.next_update_due), self._zone, now)
            text += numerals(
                self.tr(" — promised for {when} (every %n min)", "", incident.cadence_min)
            ).format(when=promised)
        if self.promise.text() != text:
            self.promise.setText(text)
            self.promise.setAccessibleName(text)
        _colour(self.promise, LEVEL_COLOURS[shown.level], bold=shown.level is not Level.NONE)


class PendingRow(QLabel):
    """One update not yet out. Right-click (or the Menu key) offers what the keys do."""

    def __init__(self, target: PendingTarget, section: ScheduledSection) -> None:
        super().__init__()
        self.target = target
        self._section = section
        self.setObjectName(f"pending-{target.update_id}")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        colour = ALARM_COLOUR if target.stale else Role.TEXT
        _colour(self, colour, bold=target.stale)

    def tick(self, now: datetime) -> None:
        text = self.target.describe(now)
        if self.target.stale:
            send, discard = shown_key("send-now"), shown_key("discard-stale")
            text += "\n    " + self.tr("{send} sends it now · {discard} discards it").format(
                send=send, discard=discard
            )
        if text != self.text():
            self.setText(text)
            self.setAccessibleName(text)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = QMenu(self)
        menu.setObjectName("pending-menu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        commands = [
            ("edit-scheduled", self.tr("Edit…")),
            ("reschedule", self.tr("Reschedule…")),
            ("send-now", self.tr("Send now…")),
        ]
        commands.append(
            ("discard-stale", self.tr("Discard…"))
            if self.target.stale
            else ("cancel-scheduled", self.tr("Cancel…"))
        )
        section, update_id = self._section, self.target.update_id
        for command, text in commands:
            action = menu.addAction(f"{text}\t{shown_key(command)}")
            action.triggered.connect(
                lambda _=False, c=command: section.action_requested.emit(c, update_id)
            )
        menu.popup(event.globalPos())


class ScheduledSection(QFrame):
    """Above the cards: the incident's updates that have not gone out, soonest first, each with
    its time in local time and UTC, its state and first words; a stale one says so and how to
    send or discard it. Hidden when there is none."""

    action_requested = Signal(str, int)  # command (bindings.py), update id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scheduled-section")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(10, 6, 10, 6)
        self.heading = _plain(name="scheduled-heading")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self._layout.addWidget(self.heading)
        self._rows: list[PendingRow] = []
        self._shown: tuple[object, ...] = ()
        self.setVisible(False)

    def targets(self) -> list[PendingTarget]:
        return [row.target for row in self._rows]

    def rows(self) -> list[PendingRow]:
        return list(self._rows)

    def set_targets(self, targets: Sequence[PendingTarget], now: datetime) -> None:
        shown = tuple(
            (t.update_id, t.update.status, t.update.scheduled_for, t.update.body, t.update.state)
            for t in targets
        )
        if shown != self._shown:
            self._shown = shown
            for row in self._rows:
                self._layout.removeWidget(row)
                row.deleteLater()
            self._rows = [PendingRow(t, self) for t in targets]
            for row in self._rows:
                self._layout.addWidget(row)
            count = len(targets)
            keys = self.tr(
                "{edit} edits · {reschedule} reschedules · {cancel} cancels · {send} sends now"
            ).format(
                edit=shown_key("edit-scheduled"),
                reschedule=shown_key("reschedule"),
                cancel=shown_key("cancel-scheduled"),
                send=shown_key("send-now"),
            )
            self.heading.setText(
                self.tr("Scheduled — not yet out ({count}) · {keys}").format(
                    count=numerals(str(count)), keys=keys
                )
            )
            self.heading.setAccessibleName(
                counted(self.tr("%n update(s) not yet out.", "", count), count) + f" {keys}"
            )
        self.setVisible(bool(targets))
        self.tick(now)

    def tick(self, now: datetime) -> None:
        for row in self._rows:
            row.tick(now)
