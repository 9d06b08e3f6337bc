"""Issue #5 in the window: updates go out when planned, every incident's promise counts down,
and a channel that fell silent is flagged — run by one controller beside the main window.

- One QTimer, once a second, does two things: it asks the TaskRunner to run `Ticker.tick`
  (desk.scheduling.fire_due: publish what fell due, turn stale what is too late; each update
  is claimed by one process, so the window and `statusdesk run` never both send it), and it
  moves every clock on screen — the list's countdowns, the view's countdown, ages and the
  Scheduled section — without reading the workspace. A short poll of the wall clock, not a
  long timer, so a machine that slept is noticed when it wakes (the Ticker compares wall and
  monotonic time) and the status bar says so.
- An incident whose promise is broken is said once on the desktop (Notifier), per promise.
- The commands of the bindings table: schedule (Ctrl+Shift+Return opens the picker; Enter
  publishes the composer's draft with `scheduled_for`, through PublishFlow.publish), and, by
  pending_actions.py, reschedule, cancel, send now and discard an update not yet out — a
  chooser when several, a confirmation before anything is cancelled, discarded or sent late.

The controller holds no Python reference to the window (Qt's parent is enough, as notify.py
explains); it speaks to it through signals the window connects. It is given the parts it reads
(the list, the incident page, the composer's draft, the desktop notifier) as the small protocols
below, so it knows nothing of the features that implement them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, tzinfo
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from statusdesk.app.compose import DraftSnapshot
from statusdesk.app.read_models import IncidentPage, ViewData
from statusdesk.app.standings import ChannelStanding
from statusdesk.core.promise import Level
from statusdesk.core.timefmt import parse_iso
from statusdesk.delivery.outbox import Published
from statusdesk.gui.keys.actions import shown_key
from statusdesk.gui.runtime.session import Session
from statusdesk.gui.runtime.tasks import Coalesced
from statusdesk.gui.schedule.pending_actions import PendingActions
from statusdesk.gui.schedule.schedule_popups import SchedulePicker
from statusdesk.gui.widgets.labels import one_line, state_label
from statusdesk.gui.widgets.reading import numerals
from statusdesk.gui.wording.rhythm import (
    PendingTarget,
    countdown,
    fired_words,
    jump_words,
    overdue_message,
    stale_words,
)
from statusdesk.scheduling.ticker import Tick, Ticker
from statusdesk.scheduling.when import display
from statusdesk.store import WorkspaceError
from statusdesk.store.records import IncidentSummary

log = logging.getLogger(__name__)

TICK_MS = 1_000  # a due update goes out within 2 s of its time (issue #5)


class IncidentRows(Protocol):
    """The incident list, as the clock and the silence alarm see it."""

    def tick(self, now: datetime) -> None: ...
    def set_standings(self, standings: Mapping[int, Sequence[ChannelStanding]]) -> None: ...
    def summaries(self) -> list[IncidentSummary]: ...
    def active_summaries(self) -> list[IncidentSummary]: ...


class IncidentPageView(Protocol):
    """The incident page: its countdown and channel marks, and its updates not yet out."""

    def tick_rhythm(self, now: datetime) -> None: ...
    def refresh_rhythm(self, page: IncidentPage, now: datetime | None = None) -> bool: ...
    def pending(self) -> list[PendingTarget]: ...


class DraftSource(Protocol):
    def snapshot(self) -> DraftSnapshot: ...


class Teller(Protocol):
    """Says something on the desktop (deliveries.notify.Notifier)."""

    def tell(self, title: str, message: str) -> None: ...


class SchedulingController(QObject):
    said = Signal(str)  # for the status bar
    refresh_wanted = Signal()  # the workspace changed: read the list and the page again
    publish_wanted = Signal(object)  # the composer's draft, to go out at this datetime
    popup_wanted = Signal(object, object)  # a FocusPopup, the widget to give the keyboard back

    def __init__(
        self,
        window: QWidget,
        session: Session,
        *,
        rows: IncidentRows,
        page: IncidentPageView,
        draft: DraftSource,
        notifier: Teller,
    ) -> None:
        """`window`: where the popups open (and the Qt parent)."""
        super().__init__(window)
        self._desk = session.desk
        self._tasks = session.tasks
        self._view = page
        self._model = rows
        self._composer = draft
        self._notifier = notifier
        self._zone: tzinfo = session.zone
        self._closed = False
        self._told: set[tuple[int, str]] = set()  # (incident, promise) said to be overdue
        self._tick_error: str | None = None
        self._first_beat = False
        self.ticker = Ticker(self._desk.scheduling.fire_due, self._desk.clock, session.monotonic)
        self._ticking = Coalesced(self._tasks, self.ticker.tick, self._ticked, self._tick_failed)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._beat)
        # Updates not yet out: reschedule, cancel, send now, discard, edit.
        self.pending = PendingActions(window, self._desk, self._tasks, zone=self._zone, page=page)
        self.pending.said.connect(self.said)
        self.pending.refresh_wanted.connect(self.refresh_wanted)
        self.pending.popup_wanted.connect(self.popup_wanted)

    @property
    def zone(self) -> tzinfo:
        """The zone times are shown and read in (beside UTC, always)."""
        return self._zone

    def handlers(self) -> dict[str, Callable[[], object]]:
        return {"schedule": self.schedule, **self.pending.handlers()}

    def start(self) -> None:
        """Every second from now. The first beat also reads the list's silence marks, which
        the list read at launch does not carry; nothing more is started during the launch
        itself (it is timed, issue #2), and a second is well within "2 s of its time"."""
        self._first_beat = True
        self.ticker.observe()  # the clocks' baseline: a jump before the first beat counts too
        self.timer.start()

    def stop(self) -> None:
        self._closed = True
        self.timer.stop()

    def now(self) -> datetime:
        return self._desk.clock.now()

    # -- the one timer ----------------------------------------------------------------------

    def _beat(self) -> None:
        if self._closed:
            return
        # Read the workspace only when it may say something new (app/scheduling.py).
        if self._desk.scheduling.fire_due_wanted() or self.ticker.jumped():
            self._ticking.request()
        self.tick_clocks()
        if self._first_beat:
            self._first_beat = False
            self.refresh_wanted.emit()

    def tick_clocks(self) -> None:
        """Every clock on screen moves; nothing is read from the workspace."""
        now = self.now()
        self._model.tick(now)
        self._view.tick_rhythm(now)
        self._watch_promises(now)

    def _ticked(self, tick: Tick) -> None:
        if self._closed:
            return
        self._tick_error = None
        report = tick.report
        words = [jump_words(tick.jump_seconds)] if tick.jump_seconds is not None else []
        words += [fired_words(f.published.incident_id, f.late_seconds) for f in report.fired]
        keys = self.tr("{send} sends it now, {discard} discards it.").format(
            send=shown_key("send-now"), discard=shown_key("discard-stale")
        )
        for stale in report.stale:
            message = stale_words(
                stale.incident_id, stale.scheduled_for, self._zone, stale.late_seconds, keys
            )
            title = self.tr("statusdesk — a stale update on #{id}").format(id=stale.incident_id)
            self._notifier.tell(title, message)
            words.append(message)
        if report.fired or report.stale:
            self.refresh_wanted.emit()
        if words:
            self.said.emit(" ".join(words))

    def _tick_failed(self, error: BaseException) -> None:
        """Said (and logged) once until it works again: the timer keeps trying every second."""
        text = str(error) if isinstance(error, WorkspaceError) else type(error).__name__
        if self._closed or text == self._tick_error:
            return
        log.warning("could not fire due updates", exc_info=error)
        self._tick_error = text
        self.said.emit(
            self.tr("Could not look for updates due to go out ({error}); trying again.").format(
                error=text
            )
        )

    # -- what a fresh read says -------------------------------------------------------------

    def view_read(self, data: ViewData) -> None:
        """The window read the list and the page (operations.read_view): the list's silence
        marks, the page's countdown, channels and Scheduled section, and broken promises."""
        if self._closed:
            return
        self._model.set_standings(data.standings)
        now = self.now()
        if data.page is not None:
            self._view.refresh_rhythm(data.page, now)
        self._watch_promises(now)

    def _watch_promises(self, now: datetime) -> None:
        for summary in self._model.active_summaries():  # each second: not the whole list
            incident = summary.incident
            due = incident.next_update_due
            if not incident.is_active or due is None:
                continue
            shown = countdown(due, now)
            if shown.level is not Level.RED or (incident.id, due) in self._told:
                continue
            self._told.add((incident.id, due))
            late = -(shown.seconds_left or 0.0)
            title = incident.title.en or incident.title.ar
            self._notifier.tell(
                self.tr("statusdesk — update overdue on #{id}").format(id=incident.id),
                overdue_message(incident.id, title, due, self._zone, late),
            )

    # -- schedule ---------------------------------------------------------------------------

    def schedule(self) -> None:
        """Ctrl+Shift+Return: when should the composer's update go out?"""
        focus = QApplication.focusWidget()
        snapshot = self._composer.snapshot()
        if not snapshot.body.languages() and not snapshot.components:
            self.said.emit(
                self.tr(
                    "Nothing to schedule yet: write the update first ({write}), then {schedule}."
                ).format(write=shown_key("new-update"), schedule=shown_key("schedule"))
            )
            return
        picker = SchedulePicker(
            self._window(),
            title=self.tr("schedule the update"),
            what=self._describe_draft(snapshot),
            action=self.tr("&Schedule"),
            now=self.now,
            zone=self._zone,
        )
        picker.chosen.connect(self.publish_wanted)
        self.popup_wanted.emit(picker, focus)

    def _describe_draft(self, snapshot: DraftSnapshot) -> str:
        if snapshot.is_new_incident:
            title = snapshot.title.en or snapshot.title.ar or self.tr("untitled")
            what = self.tr("The first update of a new incident, “{title}”").format(
                title=one_line(title, 60)
            )
        else:
            what = self.tr("The update on #{id}").format(id=snapshot.incident_id)
        channels = ", ".join(snapshot.channels) or self.tr("no channel ticked")
        words = one_line(snapshot.body.en or snapshot.body.ar, 60)
        return self.tr(
            "{what} ({state}: “{words}”), to {channels}. "
            "It is stored now and sent at the time you give; nothing goes out before."
        ).format(what=what, state=state_label(snapshot.state), words=words, channels=channels)

    def scheduled_words(self, published: Published, new_incident: bool, kept: bool) -> str:
        """What the status bar says once a scheduled update is stored (MainWindow._published)."""
        assert published.scheduled_for is not None
        when = numerals(str(display(parse_iso(published.scheduled_for), self._zone)))
        what = (
            self.tr("Opened incident #{id}; its first update is scheduled")
            if new_incident
            else self.tr("Update on #{id} scheduled")
        ).format(id=published.incident_id)
        if kept:
            what += self.tr(" (your newer edits stay in the composer)")
        return self.tr(
            "{what} for {when}; nothing is sent until then. {reschedule} reschedules, "
            "{cancel} cancels."
        ).format(
            what=what,
            when=when,
            reschedule=shown_key("reschedule"),
            cancel=shown_key("cancel-scheduled"),
        )

    def _window(self) -> QWidget:
        parent = self.parent()
        assert isinstance(parent, QWidget)
        return parent
