"""The main window: incident list | incident page over composer, with the previews beside them,
menus and keys from the bindings table, the status bar and the tray. The one place that
assembles the features: it builds their widgets, gives each controller the parts and services
it uses (never the window itself) and connects them.

- which incident is current, and what shows it: incidents.browser.IncidentBrowser
- check, preview and publish the composer's draft: compose.publish_flow.PublishFlow
- retry or skip a delivery: deliveries.decisions.DeliveryDecisions
- a new update's outcome, failures, the count not yet out, the outbox: deliveries.follow
- scheduled updates, countdowns and the silence alarm: schedule.scheduling
- keymap, palette, templates, export, direction fixes: desk_tools.DeskTools
- the status page: export.status_page.StatusPage; the desk's other windows: windows.py

Slow work goes through the session's TaskRunner; nothing here waits."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from statusdesk.core.model import Channel, DeliveryState
from statusdesk.gui.compose.composer import Composer
from statusdesk.gui.compose.drafts import DraftKeeper
from statusdesk.gui.desk.closing import ask_about_drafts
from statusdesk.gui.desk.desk_tools import DeskTools
from statusdesk.gui.desk.display import apply_display
from statusdesk.gui.desk.live_view import LiveView
from statusdesk.gui.desk.preview_column import PreviewColumn, share_widths
from statusdesk.gui.desk.shell import when_painted
from statusdesk.gui.desk.tray import DeskTray, bring_to_front, overdue_incidents, tray_status
from statusdesk.gui.i18n import left_to_right_run
from statusdesk.gui.incidents.browser import IncidentBrowser
from statusdesk.gui.incidents.incident_list import (
    IncidentFilter,
    IncidentListModel,
    IncidentListView,
)
from statusdesk.gui.incidents.incident_view import IncidentView
from statusdesk.gui.keys.actions import ShortcutClaim, install_actions, shown_key
from statusdesk.gui.keys.bindings import BINDINGS, STATE_COMMANDS
from statusdesk.gui.keys.keymap import SettingReader
from statusdesk.gui.runtime.session import Session
from statusdesk.gui.widgets.geometry import SIZE, fitted_size
from statusdesk.gui.widgets.popups import FocusPopup, PopupSlot
from statusdesk.gui.widgets.reading import mirrored_margins
from statusdesk.gui.widgets.status_line import Holds, StatusLine, Subject, delivery
from statusdesk.store.records import IncidentSummary

if TYPE_CHECKING:  # built after the first paint (complete()), their modules loaded then
    from statusdesk.app import compose
    from statusdesk.app.compose import DraftSnapshot
    from statusdesk.app.startup import FirstRead
    from statusdesk.gui.compose.publish_flow import PublishFlow
    from statusdesk.gui.compose.publish_guard import PublishGuard
    from statusdesk.gui.deliveries.decisions import DeliveryDecisions
    from statusdesk.gui.deliveries.follow import DeliveryFollow
    from statusdesk.gui.deliveries.notify import Notifier
    from statusdesk.gui.desk.presence import PresenceWatch
    from statusdesk.gui.desk.windows import DeskWindows
    from statusdesk.gui.export.status_page import StatusPage
    from statusdesk.gui.schedule.scheduling import SchedulingController

log = logging.getLogger(__name__)

TICK_MS = 30_000  # deliveries changed by another process (statusdesk run), if it wrote at all
REFRESH_DELAY_MS = 150  # a burst of delivery changes becomes one re-read


class MainWindow(QMainWindow):
    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        *,
        first: FirstRead | None = None,
        staged: bool = False,
    ) -> None:
        """`first`: the list, the first page and the drafts kept from an earlier run, when the
        launcher has read them already (prefetch.py). `staged`: the list, the page,
        the composer and the keys now, the rest when the launcher calls complete() once they
        are painted (issue #16); a command's key or menu entry builds it first if it is not."""
        super().__init__(parent)
        self.session = session
        self.desk = session.desk
        tasks = session.tasks
        self.setObjectName("main-window")
        self.setWindowTitle(
            self.tr("statusdesk — {workspace}").format(workspace=self.desk.paths.home)
        )
        self.ask_before_discarding = True
        self._closed = False
        self._needing_attention = 0  # failed or undecided deliveries of open incidents
        self._commands: dict[str, Callable[[], object]] = {}  # filled by complete()
        self.popups = PopupSlot()  # the chooser, a reason or the time picker, when up
        # The first paint's settings: the launcher's read (off the GUI thread), else the desk's.
        kept: SettingReader = first if first is not None else self.desk.settings
        apply_display(self.desk, first)  # theme and digits, before any widget takes a colour
        self._build()
        self.preview_column = PreviewColumn(self.split, 2, self.desk, tasks)
        self.preview_column.restore(kept)  # hidden, if the last session hid it
        self.browser = IncidentBrowser(
            self.desk,
            tasks,
            model=self.model,
            incidents=self.list,
            filter_field=self.filter,
            view=self.view,
            composer=self.composer,
            status_line=self.status_line,
            parent=self,
        )
        self.view.zone = session.zone
        self.tools = DeskTools(  # issue #6: keymap, palette, templates, direction fixes
            self,
            self.desk,
            tasks,
            composer=self.composer,
            incidents=self.list,
            model=self.model,
            show_incident=self.browser.show_incident,
        )
        self.tools.said.connect(self.say)
        # Every key and menu entry, live from the first paint: each runs through _run.
        commands = {binding.command: partial(self._run, binding.command) for binding in BINDINGS}
        self.actions_by_command = install_actions(self, commands)
        self.claim = ShortcutClaim(self)
        self.tools.start(self.actions_by_command, self.claim, kept)
        self.claim.watch([self.list, *self.composer.key_widgets()])
        self.composer.components.set_key_filter(self.claim)
        self.composer.preview.set_key_filter(self.claim)
        self.composer.set_channels(first.channels if first else self.desk.views.channels())
        self.refresh_list(first.summaries if first else None)
        self.browser.open_most_recent_active(first.page if first else None)
        # issue #8: never lose a draft; written in order on a lane of their own
        self.drafts = DraftKeeper(self.composer, self.desk, tasks.lane("drafts"), self)
        self.drafts.said.connect(self.say)
        restored = self.drafts.restore(first.drafts if first else self.desk.drafts.saved())
        if restored:
            self.say(restored)
        if not staged:
            self.complete()

    def complete(self, painted: bool = False) -> None:
        """Build what the first paint does without — publishing, deliveries followed and
        decided, the schedule's clock, the tray, the status page, the other windows — and
        load their modules; once. `painted`: the desk is on screen, the outbox starts now."""
        if self._commands:
            return
        from statusdesk.gui.compose.publish_flow import PublishFlow
        from statusdesk.gui.deliveries.decisions import DeliveryDecisions
        from statusdesk.gui.deliveries.follow import DeliveryFollow
        from statusdesk.gui.deliveries.notify import Notifier
        from statusdesk.gui.desk.presence import PresenceWatch
        from statusdesk.gui.desk.windows import DeskWindows
        from statusdesk.gui.export.status_page import StatusPage
        from statusdesk.gui.schedule.scheduling import SchedulingController

        session, tasks = self.session, self.session.tasks
        # Desktop messages go through the tray's icon (none where the desktop has no tray).
        self.notifier: Notifier = Notifier(self, tray=lambda: self.tray.message_target())
        self.tray: DeskTray = DeskTray(  # issue #8: all clear, overdue or failed, from anywhere
            self,
            show_window=lambda: bring_to_front(self),
            open_palette=self._palette_from_tray,
            open_incident=self._incident_from_tray,
            quit_app=self._quit_from_tray,
        )
        self.notifier.said.connect(self.say)
        self.scheduling: SchedulingController = SchedulingController(  # issue #5: the 1 s clock
            self,
            session,
            rows=self.model,
            page=self.view,
            draft=self.composer,
            notifier=self.notifier,
        )
        self.publishing: PublishFlow = PublishFlow(
            self,
            self.desk,
            tasks,
            composer=self.composer,
            status_line=self.status_line,
            popups=self.popups,
        )
        self.guard: PublishGuard = self.publishing.guard  # the languages agree? (publish_guard.py)
        self.decisions: DeliveryDecisions = DeliveryDecisions(
            self,
            self.desk,
            tasks,
            targets=self.view.targets,
            current_incident=lambda: self.browser.current_id,
            status_line=self.status_line,
            popups=self.popups,
        )
        self.follow: DeliveryFollow = DeliveryFollow(
            self,
            self.desk,
            tasks,
            notifier=self.notifier,
            status_line=self.status_line,
            count_label=self.outstanding_label,
            current_incident=lambda: self.browser.current_id,
        )
        self.status_page: StatusPage = StatusPage(self.desk, tasks, self.status_line, self)
        self.presence: PresenceWatch = PresenceWatch(self.desk, tasks, self.composer, self)
        self.windows: DeskWindows = DeskWindows(
            self, self.desk, tasks, channels_changed=self._channels_changed, said=self.say
        )
        self.tools.said_placeholders_left.connect(self.publishing.say_placeholders_left)
        self._commands = self._handlers()
        self._wire()
        self.scheduling.said.connect(self.say)
        self.scheduling.refresh_wanted.connect(self._refresh_all)
        self.scheduling.publish_wanted.connect(self.publishing.publish)
        self.scheduling.popup_wanted.connect(self.popups.show)
        self.scheduling.start()
        self._update_tray()  # the list was shown before the tray was there
        # The outbox's reads on the TaskRunner would hold the GIL against the first paint.
        if painted:
            self.follow.start()
        else:
            when_painted(self, self.follow.start)

    def _run(self, command: str) -> object:
        """A command's key or menu entry: what the first paint did without is built first."""
        self.complete()
        return self._commands[command]()

    # -- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.model = IncidentListModel(self.desk.clock.now(), self)
        self.list = IncidentListView(self.model)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(*mirrored_margins(6, 6, 0, 6))  # the gap at the edge
        heading = QLabel(self.tr("Incidents — active first"))
        heading.setBuddy(self.list)
        left_layout.addWidget(heading)
        self.filter = IncidentFilter()
        left_layout.addWidget(self.filter)
        left_layout.addWidget(self.list)
        self.view = IncidentView(clock=self.desk.clock.now)
        self.composer = Composer()
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.view)
        right.addWidget(self.composer)
        right.setStretchFactor(0, 2)
        right.setStretchFactor(1, 3)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.addWidget(self.composer.preview)  # what each ticked channel will send
        # A resized window keeps the parts' proportions (below); the composer grows most.
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setStretchFactor(2, 1)
        split.setCollapsible(0, False)  # only the previews fold away (preview_column.py)
        split.setCollapsible(1, False)
        self.split = split
        right.setSizes([300, 460])
        self.setCentralWidget(split)
        self.status_line = StatusLine()  # issue #12 §6: one message area, true or gone
        self.setStatusBar(self.status_line)
        self.outstanding_label = QLabel("")
        self.outstanding_label.setObjectName("outstanding-deliveries")
        self.outstanding_label.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addPermanentWidget(self.outstanding_label)
        # The path one left-to-right run: in a right-to-left line its slashes stay where they are.
        self.workspace_label = QLabel(
            self.tr("Workspace: {workspace}").format(
                workspace=left_to_right_run(str(self.desk.paths.home))
            )
        )
        self.statusBar().addPermanentWidget(self.workspace_label)
        self.resize(fitted_size(*SIZE))  # within the screen, at 200 % too
        share_widths(self.split, self.width())

    def _handlers(self) -> dict[str, Callable[[], object]]:
        handlers: dict[str, Callable[[], object]] = {
            "new-incident": self.new_incident,
            "publish": self.publishing.publish,
            "switch-language": lambda: self.composer.switch_language(QApplication.focusWidget()),
            "retry-delivery": self.decisions.retry_delivery,
            "skip-delivery": self.decisions.skip_delivery,
            "open-status-page": self.status_page.open,
            "rebuild-status-page": self.status_page.rebuild,
            "preview": lambda: self.preview_column.to_previews(self.composer),
            "toggle-preview-column": lambda: self.preview_column.toggle(),
            # The top-level window: the app's shell when the desk is embedded in it (shell.py),
            # whose close asks this desk first.
            "quit": lambda: self.window().close(),
        }
        for number, command in enumerate(STATE_COMMANDS, start=1):
            handlers[command] = partial(self.composer.set_state_number, number)
        handlers.update(self.browser.handlers())  # the list, Back and Forward
        handlers.update(self.windows.handlers())
        handlers.update(self.scheduling.handlers())
        handlers.update(self.tools.handlers())
        return handlers

    def _wire(self) -> None:
        self.view.scheduled_action.requested.connect(self.scheduling.pending.from_menu)
        self.view.retry_requested.connect(self.decisions.retry_from_chip)
        self.view.skip_requested.connect(self.decisions.skip_from_chip)
        self.browser.view_read.connect(self.scheduling.view_read)
        self.browser.list_shown.connect(self._update_tray)
        self.publishing.published.connect(self._published)
        self.follow.attention_counted.connect(self._attention_counted)
        self.session.bridge.changed.connect(
            self._delivery_changed, Qt.ConnectionType.QueuedConnection
        )
        self.session.bridge.progressed.connect(
            self._delivery_progressed, Qt.ConnectionType.QueuedConnection
        )
        self._refresh_soon = QTimer(self)
        self._refresh_soon.setSingleShot(True)
        self._refresh_soon.setInterval(REFRESH_DELAY_MS)
        self._refresh_soon.timeout.connect(self._refresh_all)
        for changed in (self.decisions.changed, self.follow.changed):
            changed.connect(self._refresh_soon.start)
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._refresh_if_written)
        self._tick.start()
        self.live_view = LiveView(self.desk, self._refresh_soon.start, self)  # a team desk

    def say(
        self,
        message: str,
        about: Mapping[Subject, Holds] | None = None,
        then: Callable[[], object] | None = None,
    ) -> None:
        """The status bar's last word stays until the next one (a glance later still tells),
        or until what it is `about` changes so that it is no longer true (status_line.py)."""
        self.status_line.say(message, about, then)

    @property
    def popup(self) -> FocusPopup | None:
        """The chooser or reason dialog last shown (for tests; None before the first)."""
        return self.popups.current

    # -- reading the workspace --------------------------------------------------------------

    def refresh_list(self, summaries: list[IncidentSummary] | None = None) -> None:
        self.browser.refresh_list(summaries)

    def _refresh_all(self) -> None:
        """Re-read the list and the current incident off the GUI thread, then show them."""
        if self._closed:
            return
        self.follow.count_outstanding()
        self.browser.refresh()

    def _refresh_if_written(self) -> None:
        """The slow tick: read again only if someone wrote since the last read (issue #16)."""
        if not self._closed and self.browser.written_since_read():
            self._refresh_all()

    def _channels_changed(self, channels: list[Channel]) -> None:
        """A channel was added, enabled or disabled: the composer offers what there is now."""
        if not self._closed:
            self.composer.set_channels(channels)

    def new_incident(self) -> None:
        self.composer.show_new_incident()
        self.composer.focus_first_field()
        said = (  # the titles in reading order
            self.tr("New incident: Arabic title, Tab, English title, then the update; {key}")
            if self.composer.fields.order[0] == "ar"
            else self.tr("New incident: English title, Tab, Arabic title, then the update; {key}")
        )
        self.say(said.format(key=shown_key("publish")))

    def _published(
        self, snapshot: DraftSnapshot, outcome: compose.PublishOutcome, kept: bool
    ) -> None:
        """The update is stored: its incident is current, and its deliveries are followed."""
        published = outcome.published
        if snapshot.is_new_incident:
            prefix = self.tr("Opened incident #{id}").format(id=published.incident_id)
        else:
            prefix = self.tr("Update on #{id}").format(id=published.incident_id)
        self.browser.show_published(
            outcome.view, published.incident_id, follow=snapshot.is_new_incident
        )
        self.follow.count_outstanding()
        if published.scheduled_for:
            self.say(self.scheduling.scheduled_words(published, snapshot.is_new_incident, kept))
            return
        if kept:
            prefix += self.tr(" (your newer edits stay in the composer)")
        self.follow.watch(published.update_id, prefix, len(published.delivery_ids))

    def _delivery_progressed(self, delivery_id: int, done: int, total: int, what: str) -> None:
        """A long attempt moved on (a site's files going up to its target): its chip says how
        far, e.g. "public: sending 12/40"."""
        if not self._closed:
            self.view.set_delivery_progress(delivery_id, done, total)

    def _delivery_changed(self, delivery_id: int, state_value: str) -> None:
        if self._closed:  # queued before the window closed; the workspace is let go
            return
        self.view.set_delivery_state(delivery_id, state := DeliveryState(state_value))
        self.status_line.changed(delivery(delivery_id), state)
        self.follow.delivery_changed(delivery_id, state)
        self.decisions.follow_retry(delivery_id, state)
        self.follow.settle_watched()
        self._refresh_soon.start()

    # -- the tray (issue #8) ------------------------------------------------------------------

    def _attention_counted(self, needing_attention: int) -> None:
        self._needing_attention = needing_attention
        self._update_tray()

    def _update_tray(self) -> None:
        summaries = self.model.summaries()
        overdue = overdue_incidents([s.incident for s in summaries], self.desk.clock.now())
        self.tray.show_status(tray_status(self._needing_attention, overdue))
        row = self.model.most_recent_active_row()
        summary = self.model.summary(row) if row is not None else None
        self.tray.set_last_incident(summary.incident if summary else None)

    def _quit_from_tray(self) -> None:
        bring_to_front(self)  # the draft question, if any, needs the window
        self.window().close()

    def _palette_from_tray(self) -> None:
        bring_to_front(self)
        self.tools.show_palette(None)

    def _incident_from_tray(self, incident_id: int) -> None:
        bring_to_front(self)
        if self.browser.show_incident(incident_id):
            self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- closing ----------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closed:
            event.accept()
            return
        wants_draft = self.ask_before_discarding and self.composer.has_unsent_text()
        if wants_draft:
            answer = ask_about_drafts(self)
            if answer == "edit":
                event.ignore()
                return
            if answer == "discard":
                self.drafts.discard_all()
        self.drafts.close()  # what was typed last is written before the workspace closes
        # Nothing may read the workspace after this: the session is closed next.
        if self._commands:  # complete() built them
            for part in (self.windows, self.notifier, self.tray, self.publishing, self.presence):
                part.close()
            self.scheduling.stop()
            self.follow.stop()
            self._tick.stop()
            self._refresh_soon.stop()
            self.session.bridge.changed.disconnect(self._delivery_changed)
            self.session.bridge.progressed.disconnect(self._delivery_progressed)
        self.popups.close()
        self.tools.close()
        self.browser.close()
        self.composer.stop_checks()
        self._closed = True
        super().closeEvent(event)
