"""The main window: incident list | incident view over composer, menus and keys from the bindings
table, and the flows that tie them to the workspace (check, publish, watch deliveries, retry or
skip them, open and rebuild the status page). Slow work goes through the session's TaskRunner;
nothing here waits."""

from __future__ import annotations

import logging
import operator
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from statusdesk.core.model import (
    BilingualText,
    Channel,
    ComponentStatus,
    Delivery,
    DeliveryState,
    Problem,
    Severity,
)
from statusdesk.core.placeholders import leftover_placeholders
from statusdesk.desk import Rejected
from statusdesk.gui.compose import preview_render
from statusdesk.gui.compose.audience import only_the_reason_is_missing
from statusdesk.gui.compose.composer import Composer
from statusdesk.gui.compose.drafts import DraftKeeper
from statusdesk.gui.compose.publish_guard import PublishGuard
from statusdesk.gui.deliveries.notify import FailureWatch, Notifier
from statusdesk.gui.desk.desk_tools import DeskTools
from statusdesk.gui.desk.tray import DeskTray, overdue_incidents, tray_status
from statusdesk.gui.incidents.incident_list import (
    IncidentFilter,
    IncidentListModel,
    IncidentListView,
)
from statusdesk.gui.incidents.incident_view import IncidentView
from statusdesk.gui.keys.actions import ShortcutClaim, decision_keys_hint, install_actions
from statusdesk.gui.keys.bindings import STATE_COMMANDS
from statusdesk.gui.runtime.session import Session
from statusdesk.gui.runtime.tasks import Coalesced
from statusdesk.gui.schedule.scheduling import SchedulingController
from statusdesk.gui.usecases import operations
from statusdesk.gui.usecases.operations import (
    DeliveryFacts,
    DeliveryTarget,
    DraftSnapshot,
    IncidentPage,
    can_retry,
    can_skip,
)
from statusdesk.gui.usecases.publishing import plural, summarize
from statusdesk.gui.widgets.geometry import SIZE, fitted_size
from statusdesk.gui.widgets.status_line import (
    Holds,
    StatusLine,
    Subject,
    delivery,
    draft,
    draft_problem_holds,
)
from statusdesk.store import WorkspaceError
from statusdesk.store.drafts import SavedDraft, saved_drafts
from statusdesk.store.repo import IncidentSummary

if TYPE_CHECKING:
    from statusdesk.gui.channels.channels_dialog import ChannelsDialog
    from statusdesk.gui.keys.cheatsheet import CheatSheet
    from statusdesk.gui.settings.settings_window import SettingsWindow
    from statusdesk.gui.subscribers.subscribers_dialog import SubscribersDialog
    from statusdesk.gui.widgets.popups import FocusPopup

log = logging.getLogger(__name__)

OUTBOX_POLL_MS = 2_000  # due retries and deliveries recorded by other processes
TICK_MS = 30_000  # ages in the list, and deliveries changed by another process (statusdesk run)
REFRESH_DELAY_MS = 150  # a burst of delivery changes becomes one re-read


class MainWindow(QMainWindow):
    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        *,
        summaries: list[IncidentSummary] | None = None,
        drafts: list[SavedDraft] | None = None,
    ) -> None:
        """`summaries`, `drafts`: the incident list and the drafts kept from an earlier run,
        when the launcher has already read them (prefetch.py)."""
        super().__init__(parent)
        self.session = session
        self.desk = session.desk
        self.setObjectName("main-window")
        self.setWindowTitle(f"statusdesk — {self.desk.paths.home}")
        self.ask_before_discarding = True
        self._closed = False
        self._current_id: int | None = None
        self._page: IncidentPage | None = None  # what the incident view shows
        self._needing_attention = 0  # failed or undecided deliveries of open incidents
        self._publishing: DraftSnapshot | None = None
        self._watched: dict[int, str] = {}  # update id → what to say before the summary
        self._restoring = False
        self._popup: FocusPopup | None = None  # the chooser or the reason dialog, when up
        self._retrying: dict[int, str] = {}  # delivery id → channel name, retried by a person
        self.failures = FailureWatch()
        self._build()
        # Desktop messages go through the tray's icon (none where the desktop has no tray).
        self.notifier = Notifier(self, tray=lambda: self.tray.message_target())
        self.tray = DeskTray(  # issue #8: all clear, overdue or failed, from anywhere
            self,
            show_window=self._bring_to_front,
            open_palette=self._palette_from_tray,
            open_incident=self._incident_from_tray,
            quit_app=self._quit_from_tray,
        )
        self.notifier.said.connect(self.say)
        self.scheduling = SchedulingController(  # issue #5: schedule keys, the 1 s clock
            self,
            session,
            rows=self.model,
            page=self.view,
            draft=self.composer,
            notifier=self.notifier,
        )
        self.view.zone = self.scheduling.zone
        self.view.scheduled_action.requested.connect(self.scheduling.from_menu)
        self.tools = DeskTools(  # issue #6: keymap, palette, templates, direction fixes
            self,
            self.desk,
            session.tasks,
            composer=self.composer,
            incidents=self.list,
            model=self.model,
            show_incident=self.show_incident,
        )
        self.guard = PublishGuard(self, self.desk, session.tasks)  # the languages agree?
        self.tools.said.connect(self.say)
        self.tools.said_placeholders_left.connect(self._say_placeholders_left)
        self.actions_by_command = install_actions(self, self._handlers())
        self.claim = ShortcutClaim(self)
        self.tools.start(self.actions_by_command, self.claim)
        self.claim.watch([self.list, *self.composer.key_widgets()])
        self.composer.components.set_key_filter(self.claim)
        self.composer.preview.set_key_filter(self.claim)
        self._cheat_sheet: CheatSheet | None = None  # built on first F1: not needed to start
        self._channels_dialog: ChannelsDialog | None = None  # built on first Ctrl+Shift+C
        self._subscribers_dialog: SubscribersDialog | None = None  # built on first use
        self._settings_window: SettingsWindow | None = None  # built on first use
        self._wire()
        self.composer.set_channels(self.desk.store.channels())
        self.refresh_list(summaries)
        self._open_most_recent_active()
        # issue #8: never lose a draft; written in order on a lane of their own
        self.drafts = DraftKeeper(self.composer, self.desk, session.tasks.lane("drafts"), self)
        self.drafts.said.connect(self.say)
        restored = self.drafts.restore(
            drafts if drafts is not None else saved_drafts(self.desk.store)
        )
        self._count_outstanding()
        self.scheduling.said.connect(self.say)
        self.scheduling.refresh_wanted.connect(self._refresh_all)
        self.scheduling.publish_wanted.connect(self.publish)
        self.scheduling.popup_wanted.connect(self._show_popup)
        self.scheduling.start()
        if restored:
            self.say(restored)

    # -- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.model = IncidentListModel(self.desk.clock.now(), self)
        self.list = IncidentListView(self.model)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(6, 6, 0, 6)
        heading = QLabel("Incidents — active first")
        heading.setBuddy(self.list)
        left_layout.addWidget(heading)
        self.filter = IncidentFilter()
        self.filter.textChanged.connect(self._filter_changed)
        self.filter.leave.connect(self._leave_filter)
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
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setStretchFactor(2, 2)
        split.setSizes([480, 530, 270])  # the list: four narrow columns and both titles
        right.setSizes([300, 460])
        self.setCentralWidget(split)
        self.status_line = StatusLine()  # issue #12 §6: one message area, true or gone
        self.setStatusBar(self.status_line)
        self.outstanding_label = QLabel("")
        self.outstanding_label.setObjectName("outstanding-deliveries")
        self.outstanding_label.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addPermanentWidget(self.outstanding_label)
        self.workspace_label = QLabel(f"Workspace: {self.desk.paths.home}")
        self.statusBar().addPermanentWidget(self.workspace_label)
        self.resize(fitted_size(*SIZE))  # within the screen, at 200 % too

    def _handlers(self) -> dict[str, Callable[[], object]]:
        handlers: dict[str, Callable[[], object]] = {
            "new-incident": self.new_incident,
            "new-update": self.new_update,
            "publish": self.publish,
            "switch-language": self.switch_language,
            "retry-delivery": self.retry_delivery,
            "skip-delivery": self.skip_delivery,
            "previous-incident": partial(self.list.step, -1),
            "next-incident": partial(self.list.step, 1),
            "focus-incidents": self.focus_incidents,
            "filter-incidents": self.filter_incidents,
            "about": self.show_about,
            "open-status-page": self.open_status_page,
            "rebuild-status-page": self.rebuild_status_page,
            "cheat-sheet": self.show_cheat_sheet,
            "channels": self.show_channels,
            "subscribers": self.show_subscribers,
            "settings": self.show_settings,
            "preview": lambda: self.composer.toggle_preview(QApplication.focusWidget()),
            # The top-level window: the app's shell when the desk is embedded in it (shell.py),
            # whose close asks this desk first.
            "quit": lambda: self.window().close(),
        }
        for number, command in enumerate(STATE_COMMANDS, start=1):
            handlers[command] = partial(self.composer.set_state_number, number)
        handlers.update(self.scheduling.handlers())
        handlers.update(self.tools.handlers())
        return handlers

    def _wire(self) -> None:
        self.list.current_incident_changed.connect(self._incident_chosen)
        self.composer.check_requested.connect(self._check)
        self.composer.preview_requested.connect(self._preview)
        self.composer.publish_requested.connect(self.publish)
        self.view.retry_requested.connect(self._retry_from_chip)
        self.view.skip_requested.connect(self._skip_from_chip)
        self.session.bridge.changed.connect(
            self._delivery_changed, Qt.ConnectionType.QueuedConnection
        )
        self._refresh_soon = QTimer(self)
        self._refresh_soon.setSingleShot(True)
        self._refresh_soon.setInterval(REFRESH_DELAY_MS)
        self._refresh_soon.timeout.connect(self._refresh_all)
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._refresh_all)
        self._tick.start()
        tasks = self.session.tasks
        self._counter = Coalesced(
            tasks,
            lambda: (
                self.desk.outstanding_deliveries(),
                self.desk.store.deliveries_needing_attention(),
            ),
            self._show_outstanding,
            self._count_failed,
        )
        # Which just-published updates have settled: read on the TaskRunner, not per change here.
        self._watcher = Coalesced(
            tasks,
            lambda: operations.read_settled(self.desk, tuple(self._watched)),
            self._show_settled,
            partial(self._read_failed, "the deliveries of a new update"),
        )
        self._page_reader = Coalesced(
            tasks,
            self._read_current_page,
            self._page_read,
            partial(self._read_failed, "the incident"),
        )
        self._refresher = Coalesced(
            tasks,
            lambda: operations.read_view(self.desk, self._current_id),
            self._show_view,
            partial(self._read_failed, "the workspace"),
        )
        # The app works the outbox too: what a crashed process left half-sent is reconciled,
        # and what others recorded (`--no-wait`) or a retry timer of a process since closed
        # left due is sent, whether or not `statusdesk run` is up (claims keep them apart).
        self._outbox = Coalesced(
            tasks, self.desk.recover, lambda _r: None, partial(self._read_failed, "the outbox")
        )
        self._outbox_poll = QTimer(self)
        self._outbox_poll.setInterval(OUTBOX_POLL_MS)
        self._outbox_poll.timeout.connect(self._outbox.request)
        self._outbox_poll.start()
        self._outbox.request()

    def say(
        self,
        message: str,
        about: Mapping[Subject, Holds] | None = None,
        then: Callable[[], object] | None = None,
    ) -> None:
        """The status bar's last word stays until the next one (a glance later still tells),
        or until what it is `about` changes so that it is no longer true (status_line.py)."""
        self.status_line.say(message, about, then)

    # -- reading the workspace --------------------------------------------------------------

    def refresh_list(self, summaries: list[IncidentSummary] | None = None) -> None:
        """Re-read the list and keep the current incident current (without re-showing it)."""
        keep = self._current_id
        self._restoring = True
        try:
            if summaries is None:
                summaries = self.desk.store.incident_summaries()
            self.model.set_summaries(summaries, self.desk.clock.now())
            if keep is not None:
                self.list.select_incident(keep)
        finally:
            self._restoring = False
        self._update_tray()

    # -- the tray (issue #8) ------------------------------------------------------------------

    def filter_incidents(self) -> None:
        """Ctrl+F: to the filter above the list, its text selected to be typed over."""
        self.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter.selectAll()

    def _filter_changed(self, text: str) -> None:
        self._restoring = True  # the current incident stays current, shown or not
        try:
            self.model.set_filter(text)
            if self._current_id is not None:
                self.list.select_incident(self._current_id)
        finally:
            self._restoring = False
        shown, every = self.model.rowCount(), len(self.model.summaries())
        self.filter.setAccessibleDescription(f"{shown} of {every} incidents shown")

    def show_about(self) -> None:
        from statusdesk.gui.about.about import show_about

        show_about(self)

    def _leave_filter(self) -> None:
        """Down or Enter in the filter: to the list, on the first match if the current
        incident is filtered out."""
        if not self.list.currentIndex().isValid() and self.model.rowCount():
            self.list.select_row(0)
        self.focus_incidents()

    def show_incident(self, incident_id: int) -> bool:
        """Make `incident_id` current, clearing a filter that hides it."""
        if self.list.select_incident(incident_id):
            return True
        self.filter.clear()
        return self.list.select_incident(incident_id)

    def _update_tray(self) -> None:
        summaries = self.model.summaries()
        overdue = overdue_incidents([s.incident for s in summaries], self.desk.clock.now())
        self.tray.show_status(tray_status(self._needing_attention, overdue))
        row = self.model.most_recent_active_row()
        summary = self.model.summary(row) if row is not None else None
        self.tray.set_last_incident(summary.incident if summary else None)

    def _bring_to_front(self) -> None:
        top = self.window()
        top.showNormal()
        top.raise_()
        top.activateWindow()

    def _quit_from_tray(self) -> None:
        self._bring_to_front()  # the draft question, if any, needs the window
        self.window().close()

    def _palette_from_tray(self) -> None:
        self._bring_to_front()
        self.tools.show_palette(None)

    def _incident_from_tray(self, incident_id: int) -> None:
        self._bring_to_front()
        if self.show_incident(incident_id):
            self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _open_most_recent_active(self) -> None:
        """Launch: the active incident that spoke last is current, the composer ready for its
        next update, and the keyboard on the list (not in a text field, DESIGN §8)."""
        row = self.model.most_recent_active_row()
        if row is None and self.model.rowCount() > 0:
            row = 0
        summary = self.model.summary(row) if row is not None else None
        if summary is not None:
            self._restoring = True
            try:
                self.list.select_row(row or 0)
            finally:
                self._restoring = False
            self._incident_chosen(summary.incident.id, follow=True)
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def load_page(self, incident_id: int) -> IncidentPage | None:
        return operations.load_page(self.desk, incident_id)

    def _incident_components(self, page: IncidentPage) -> dict[str, ComponentStatus]:
        found = {}
        for cid in page.incident.component_ids:
            component = page.components.get(cid)
            if component is not None:
                found[component.name.en or component.name.ar] = component.status
        return found

    def _incident_chosen(
        self, incident_id: int, *, follow: bool = False, page: IncidentPage | None = None
    ) -> None:
        """Show the incident; the composer follows it unless a new incident is being written
        (or `follow` says to anyway: the new incident was just published)."""
        if self._restoring:
            return
        self._current_id = incident_id
        if page is None and follow:
            # Launch: the desk is not on screen yet, and the composer must be ready on this
            # incident before the first key arrives.
            page = self.load_page(incident_id)
        if page is not None:  # read already (launch, or a publish's outcome)
            self._show_chosen(page, follow)
            return
        # A choice in the list: its rows are read on the TaskRunner (a long incident's take a
        # quarter of a second); Alt+Down through the list reads only where it stops. The
        # composer follows when they arrive, unless a new incident is being written by then.
        self._page_reader.request()

    def _read_current_page(self) -> tuple[int | None, IncidentPage | None]:
        incident_id = self._current_id
        page = operations.load_page(self.desk, incident_id) if incident_id is not None else None
        return incident_id, page

    def _page_read(self, read: tuple[int | None, IncidentPage | None]) -> None:
        incident_id, page = read
        if self._closed or incident_id != self._current_id:
            return  # the user moved on: the read that follows is theirs
        self._show_chosen(page, follow=False)

    def _show_chosen(self, page: IncidentPage | None, follow: bool) -> None:
        self._page = page
        self.view.show_page(page, self.desk.clock.now())
        if page is not None and (follow or not self.composer.is_new_incident):
            self.composer.show_update(page.incident, self._incident_components(page))

    def _signature(self, page: IncidentPage | None) -> tuple[object, ...]:
        if page is None:
            return ()
        return (page.incident, tuple(u.id for u in page.updates))

    def _refresh_all(self) -> None:
        """Re-read the list and the current incident off the GUI thread, then show them."""
        if self._closed:
            return
        self._count_outstanding()
        self._refresher.request()

    def _show_view(self, data: operations.ViewData) -> None:
        if self._closed:
            return
        self.refresh_list(data.summaries)
        self.scheduling.view_read(data)  # silence marks, countdowns, the Scheduled section
        if data.incident_id is None or data.incident_id != self._current_id:
            return  # the user moved on while it was read; their choice was shown already
        page = data.page
        if self._signature(page) != self._signature(self._page) or (
            page is not None and not self.view.refresh_deliveries(page.deliveries)
        ):
            self.view.show_page(page, self.desk.clock.now())
            self._page = page
            if page is not None and self.composer.target == page.incident.id:
                self.composer.show_update(page.incident, self._incident_components(page))

    # -- commands ---------------------------------------------------------------------------

    def new_incident(self) -> None:
        self.composer.show_new_incident()
        self.composer.focus_first_field()
        self.say("New incident: English title, Tab, Arabic title, then the update; Ctrl+Return")

    def new_update(self) -> None:
        page = self._page
        if self._current_id is not None and (page is None or page.incident.id != self._current_id):
            # Ctrl+U faster than the chosen incident's read: the keyboard must land in a
            # composer that is ready, so this once the rows are read here.
            page = self.load_page(self._current_id)
        if page is None:
            self.say("There is no incident to update yet; Ctrl+N opens one.")
            return
        self.composer.show_update(page.incident, self._incident_components(page))
        self.composer.focus_english()

    def switch_language(self) -> None:
        self.composer.switch_language(QApplication.focusWidget())

    def focus_incidents(self) -> None:
        self.list.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @property
    def cheat_sheet(self) -> CheatSheet:
        if self._cheat_sheet is None:
            from statusdesk.gui.keys.cheatsheet import CheatSheet

            self._cheat_sheet = CheatSheet(self)
        return self._cheat_sheet

    def show_cheat_sheet(self) -> None:
        self.cheat_sheet.open_over(QApplication.focusWidget())

    @property
    def channels_dialog(self) -> ChannelsDialog:
        if self._channels_dialog is None:
            from statusdesk.gui.channels.channels_dialog import ChannelsDialog

            self._channels_dialog = ChannelsDialog(self, self.desk, self.session.tasks)
            self._channels_dialog.channels_changed.connect(self._channels_changed)
        return self._channels_dialog

    def show_channels(self) -> None:
        """Ctrl+Shift+C: the Channels window, over this one, with the keyboard."""
        self.channels_dialog.open_over(QApplication.focusWidget())

    @property
    def subscribers_dialog(self) -> SubscribersDialog:
        if self._subscribers_dialog is None:
            from statusdesk.gui.subscribers.subscribers_dialog import SubscribersDialog

            self._subscribers_dialog = SubscribersDialog(self, self.desk, self.session.tasks)
        return self._subscribers_dialog

    def show_subscribers(self) -> None:
        """The Subscribers window (key in bindings.py), over this one, with the keyboard."""
        self.subscribers_dialog.open_over(QApplication.focusWidget())

    @property
    def settings_window(self) -> SettingsWindow:
        if self._settings_window is None:
            from statusdesk.gui.settings.settings_window import SettingsWindow

            self._settings_window = SettingsWindow(self, self.desk, self.session.tasks)
            self._settings_window.saved.connect(self.say)
        return self._settings_window

    def show_settings(self) -> None:
        """The Settings window (issue #12 §7; key in bindings.py), over this one."""
        self.settings_window.open_over(QApplication.focusWidget())

    def _channels_changed(self, channels: list[Channel]) -> None:
        """A channel was added, enabled or disabled: the composer offers what there is now."""
        if not self._closed:
            self.composer.set_channels(channels)

    # -- checking and publishing ------------------------------------------------------------

    def _check(self, generation: int) -> None:
        snapshot = self.composer.snapshot()
        self.session.tasks.run(
            partial(operations.check, self.desk, snapshot),
            on_done=partial(self._checked, generation),
            on_error=partial(self._check_failed, generation),
        )

    def _checked(self, generation: int, problems: list[Problem]) -> None:
        """A check of the draft as it still is: a word in the status bar about a problem of
        this draft that is now fixed goes (issue #12 §6)."""
        if self.composer.set_check_result(generation, problems):
            self.status_line.changed(draft(self.composer.target), problems)

    def _say_placeholders_left(self, message: str, target: int | None) -> None:
        """True while the draft's text still has a placeholder, as its checks find."""
        editors = (self.composer.body_en, self.composer.body_ar)

        def left(_problems: object) -> bool:
            return bool(leftover_placeholders(BilingualText(*(e.toPlainText() for e in editors))))

        self.say(message, {draft(target): left})

    def _check_failed(self, generation: int, error: BaseException) -> None:
        log.warning("draft check failed", exc_info=error)
        problem = Problem("publish", f"Could not check the draft: {error}", Severity.WARNING)
        self.composer.set_check_result(generation, [problem])

    def _preview(self, generation: int) -> None:
        """Render what each ticked channel would send, off the GUI thread (preview_render)."""
        snapshot = self.composer.snapshot()
        self.session.tasks.run(
            partial(preview_render.render_previews, self.desk, snapshot),
            on_done=partial(self.composer.set_preview_result, generation),
            on_error=partial(self._preview_failed, generation),
        )

    def _preview_failed(self, generation: int, error: BaseException) -> None:
        log.warning("preview failed", exc_info=error)
        failed = [
            preview_render.ChannelPreview(name, "", error=f"Could not render the preview: {error}")
            for name in self.composer.checked_channels()
        ]
        self.composer.set_preview_result(generation, failed)

    def publish(self, scheduled_for: datetime | None = None) -> None:
        """Ctrl+Return: one publish at a time, so a double press never posts twice. With
        `scheduled_for` (the schedule picker), the update is stored to go out then."""
        if self._publishing is not None:
            self.say("Still publishing the previous update…")
            return
        snapshot = self.composer.snapshot()
        self._publishing = snapshot  # from here on a second press is refused

        def back_to_the_draft() -> None:
            self._publishing = None
            self.say("Not published: the draft is as you left it.")

        go = partial(self._publish_checked, snapshot, scheduled_for)
        if not self.guard.check_then(snapshot, go, back_to_the_draft):
            self._publishing = None  # shutting down

    def _publish_checked(self, snapshot: DraftSnapshot, scheduled_for: datetime | None) -> None:
        """The draft's two languages agree, or the user chose to publish anyway."""
        if self._closed:
            return
        channels = len(snapshot.channels)
        doing = "Scheduling for" if scheduled_for else "Publishing to"
        self.composer.set_busy(True, f"{doing} {plural(channels, 'channel')}…")
        started = self.session.tasks.run(
            partial(operations.publish_and_read, self.desk, snapshot, scheduled_for),
            on_done=partial(self._published, snapshot),
            on_error=partial(
                self._publish_failed,
                snapshot,
                verb="scheduled" if scheduled_for else "published",
                scheduled_for=scheduled_for,
            ),
        )
        if started is None:  # shutting down
            self._publishing = None
            self.composer.set_busy(False)

    def _published(self, snapshot: DraftSnapshot, outcome: operations.PublishOutcome) -> None:
        published = outcome.published
        self._publishing = None
        self.composer.set_busy(False)
        kept = not self.composer.clear_if_unchanged(snapshot)
        if snapshot.is_new_incident:
            prefix = f"Opened incident #{published.incident_id}"
        else:
            prefix = f"Update on #{published.incident_id}"
        # The incident that just spoke is current, shown with its new update on top.
        self._current_id = published.incident_id
        self.refresh_list(outcome.view.summaries)
        self._incident_chosen(
            published.incident_id, follow=snapshot.is_new_incident, page=outcome.view.page
        )
        self._count_outstanding()
        if published.scheduled_for:
            self.say(self.scheduling.scheduled_words(published, snapshot.is_new_incident, kept))
            return
        if kept:
            prefix += " (your newer edits stay in the composer)"
        self._watched[published.update_id] = prefix
        self.say(f"{prefix}: publishing to {plural(len(published.delivery_ids), 'channel')}…")
        self._watcher.request()

    def _publish_failed(
        self,
        snapshot: DraftSnapshot,
        error: BaseException,
        *,
        verb: str = "published",
        scheduled_for: datetime | None = None,
    ) -> None:
        self._publishing = None
        self.composer.set_busy(False)
        if isinstance(error, Rejected) and only_the_reason_is_missing(error.problems):
            self._ask_leave_out_reason(snapshot, scheduled_for)  # issue #12 §1
            return
        if isinstance(error, Rejected):
            problems = error.problems
        elif isinstance(error, WorkspaceError):
            problems = [Problem("workspace", str(error))]
        else:
            log.error("publish failed", exc_info=error)
            problems = [Problem("publish", f"Internal error ({type(error).__name__}: {error})")]
        if self.composer.target == snapshot.incident_id:
            self.composer.show_publish_problems(problems)
        self.say(
            f"Not {verb} — {problems[0].message} The draft is kept.",
            {draft(snapshot.incident_id): draft_problem_holds(problems[0])},
        )

    def _ask_leave_out_reason(
        self, snapshot: DraftSnapshot, scheduled_for: datetime | None
    ) -> None:
        """Enabled channels are unticked: why? Enter publishes with the reason, Esc goes back."""
        from statusdesk.gui.compose.audience import LeaveOutReasonPopup

        self._publishing = snapshot  # while it asks, another Ctrl+Return publishes nothing
        left = self.composer.left_out(snapshot.channels)
        popup = LeaveOutReasonPopup(
            self, snapshot.channels, left, scheduled=scheduled_for is not None
        )

        def go(reason: str) -> None:
            reasoned = replace(snapshot, skip_reason=reason)
            self._publishing = reasoned
            self._publish_checked(reasoned, scheduled_for)

        def back() -> None:
            self._publishing = None
            self.say("Not published: the draft is as you left it.")

        popup.reason_given.connect(go)
        popup.rejected.connect(back)
        self._show_popup(popup, QApplication.focusWidget())

    # -- deliveries -------------------------------------------------------------------------

    def _delivery_changed(self, delivery_id: int, state_value: str) -> None:
        if self._closed:  # queued before the window closed; the workspace is let go
            return
        state = DeliveryState(state_value)
        self.view.set_delivery_state(delivery_id, state)
        self.status_line.changed(delivery(delivery_id), state)
        if self.failures.observe(delivery_id, state):
            self.session.tasks.run(
                partial(operations.delivery_facts, self.desk, delivery_id),
                on_done=self._notify_failure,
                on_error=partial(self._read_failed, "a failed delivery"),
            )
        self._follow_retry(delivery_id, state)
        if self._watched:
            self._watcher.request()
        self._refresh_soon.start()

    def _show_settled(self, outcomes: dict[int, operations.Settled]) -> None:
        """Updates just published whose every channel has an outcome: one line each."""
        for update_id, outcome in outcomes.items():
            prefix = self._watched.pop(update_id, None)
            if prefix is None or self._closed:
                continue
            summary = f"{prefix}: {summarize(outcome.deliveries, outcome.channels)}"
            if any(d.state.needs_attention for d in outcome.deliveries):
                summary = f"{summary.rstrip('. ')}. {decision_keys_hint()}"
            # True while every delivery not sent stays as said ("x will retry"); when one
            # moves on, the summary goes and a new one is said once they have settled again.
            about = {
                delivery(d.id): partial(operator.is_, d.state)
                for d in outcome.deliveries
                if d.state is not DeliveryState.SENT
            }
            self.say(summary, about, partial(self._summarize_again, update_id, prefix))
            self._refresh_soon.start()

    def _summarize_again(self, update_id: int, prefix: str) -> None:
        if not self._closed:
            self._watched[update_id] = prefix
            self._watcher.request()

    def _notify_failure(self, facts: DeliveryFacts | None) -> None:
        if facts is None or self._closed:
            return
        said = self.notifier.delivery_needs_you(facts, self._current_id)
        if said is not None:  # true while the delivery stays failed (or undecided)
            failed = facts.delivery.state
            self.status_line.tie(said, {delivery(facts.delivery.id): partial(operator.is_, failed)})

    def _read_failed(self, what: str, error: BaseException) -> None:
        log.warning("could not read %s", what, exc_info=error)

    def _count_outstanding(self) -> None:
        """The status bar's count of deliveries not yet out, read on the TaskRunner."""
        if not self._closed:
            self._counter.request()

    def _show_outstanding(self, counts: tuple[int, int]) -> None:
        if self._closed:
            return
        count, self._needing_attention = counts
        self._update_tray()
        if count == 0:
            text = "all deliveries out"
        elif count == 1:
            text = "1 delivery not yet out"
        else:
            text = f"{count} deliveries not yet out"
        self.outstanding_label.setText(text)
        self.outstanding_label.setAccessibleName(text)

    def _count_failed(self, error: BaseException) -> None:
        self._read_failed("the outstanding deliveries", error)
        self.outstanding_label.setText("deliveries: count unavailable")

    # -- a person's decisions on deliveries -------------------------------------------------

    def retry_delivery(self) -> None:
        """Ctrl+R: retry the current incident's failed or undecided delivery (a chooser when
        there are several). Same idempotency key, so a receiver can tell it is the same post."""
        self._decide("Retry", self.view.targets(can_retry), self._retry)

    def skip_delivery(self) -> None:
        """Ctrl+Shift+K: skip one, with a reason asked for in a dialog."""
        self._decide("Skip", self.view.targets(can_skip), self._ask_skip_reason)

    def _decide(
        self,
        verb: str,
        targets: list[DeliveryTarget],
        then: Callable[[DeliveryTarget, QWidget | None], None],
    ) -> None:
        had_focus = QApplication.focusWidget()
        if not targets:
            if self._current_id is None:
                self.say("There is no incident, so no delivery to decide on.")
            elif verb == "Retry":
                self.say(
                    "Nothing to retry: no delivery of this incident has failed or waits for "
                    "a decision."
                )
            else:
                self.say(
                    "Nothing to skip: no delivery of this incident has failed, waits for a "
                    "decision or waits to retry."
                )
            return
        if len(targets) == 1:
            then(targets[0], had_focus)
            return
        from statusdesk.gui.widgets.popups import DeliveryChooser  # popups: built on use

        chooser = DeliveryChooser(self, verb, targets, self.desk.clock.now())
        chooser.chosen.connect(lambda target: then(target, had_focus))
        self._show_popup(chooser, had_focus)

    def _show_popup(self, popup: FocusPopup, return_focus: QWidget | None) -> None:
        if self._popup is not None:
            self._popup.close()
            self._popup.deleteLater()
        self._popup = popup
        popup.open_over(return_focus)

    @property
    def popup(self) -> FocusPopup | None:
        """The chooser or reason dialog last shown (for tests; None before the first)."""
        return self._popup

    def _retry_from_chip(self, delivery_id: int) -> None:
        for target in self.view.targets(can_retry):
            if target.delivery_id == delivery_id:
                self._retry(target, QApplication.focusWidget())
                return

    def _skip_from_chip(self, delivery_id: int) -> None:
        for target in self.view.targets(can_skip):
            if target.delivery_id == delivery_id:
                self._ask_skip_reason(target, QApplication.focusWidget())
                return

    def _retry(self, target: DeliveryTarget, _return_focus: QWidget | None = None) -> None:
        # Followed from now on: the dispatcher may report the outcome before the task's own
        # result reaches this thread.
        self._retrying[target.delivery_id] = target.channel
        self.say(f"{target.channel}: retrying (same idempotency key)…")
        self.session.tasks.run(
            partial(self.desk.retry_delivery, target.delivery_id),
            on_done=lambda _delivery: self._refresh_soon.start(),
            on_error=partial(self._retry_failed, target),
        )

    def _retry_failed(self, target: DeliveryTarget, error: BaseException) -> None:
        self._retrying.pop(target.delivery_id, None)
        self._decision_failed(target, "retried", error)

    def _follow_retry(self, delivery_id: int, state: DeliveryState) -> None:
        """After a person's retry, the status bar says how it went (a new failure is said by
        the notifier)."""
        channel = self._retrying.get(delivery_id)
        in_flight = (DeliveryState.PENDING, DeliveryState.SENDING, DeliveryState.UNKNOWN)
        if channel is None or state in in_flight:
            return
        del self._retrying[delivery_id]
        if state is DeliveryState.SENT:
            self.say(f"{channel}: sent on retry.")
        elif state is DeliveryState.RETRY_WAIT:
            self.say(
                f"{channel}: the retry did not go through yet; it will try again.",
                {delivery(delivery_id): partial(operator.is_, DeliveryState.RETRY_WAIT)},
            )

    def _ask_skip_reason(self, target: DeliveryTarget, return_focus: QWidget | None) -> None:
        from statusdesk.gui.widgets.reason_popup import SkipReasonDialog

        dialog = SkipReasonDialog(self, target, self.desk.clock.now())
        dialog.reason_given.connect(partial(self._skip, target))
        dialog.rejected.connect(lambda: self.say(f"{target.channel}: not skipped."))
        self._show_popup(dialog, return_focus)

    def _skip(self, target: DeliveryTarget, reason: str) -> None:
        self.say(f"{target.channel}: skipping…")
        self.session.tasks.run(
            partial(self.desk.skip_delivery, target.delivery_id, reason),
            on_done=lambda delivery: self._skipped(target, delivery),
            on_error=partial(self._decision_failed, target, "skipped"),
        )

    def _skipped(self, target: DeliveryTarget, delivery: Delivery) -> None:
        self.say(f"{target.channel}: skipped — {delivery.decision_note or ''}")
        self._refresh_soon.start()

    def _decision_failed(self, target: DeliveryTarget, verb: str, error: BaseException) -> None:
        if isinstance(error, Rejected):
            why = error.problems[0].message if error.problems else str(error)
        elif isinstance(error, WorkspaceError):
            why = str(error)
        else:
            log.error("delivery decision failed", exc_info=error)
            why = f"internal error ({type(error).__name__}: {error})"
        self.say(f"{target.channel}: not {verb} — {why}")
        self._refresh_soon.start()

    # -- the status page --------------------------------------------------------------------

    def open_status_page(self) -> None:
        """Build the page first if it was never built, off the GUI thread; then hand the file
        to the desktop. QDesktopServices starts the browser detached, so it returns at once."""
        index = self.desk.paths.site / "index.html"

        def ensure() -> Path:
            if not index.exists():
                self.desk.build_site()
            return index

        self.say("Opening the status page…")
        self.session.tasks.run(ensure, self._open_in_browser, self._site_failed)

    def _open_in_browser(self, index: Path) -> None:
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(index))):
            self.say(f"Opened the status page: {index}")
        else:
            self.say(f"No browser could open {index}; open it by hand.")

    def rebuild_status_page(self) -> None:
        self.say("Rebuilding the status page…")
        self.session.tasks.run(
            self.desk.build_site,
            lambda path: self.say(f"Status page rebuilt: {path}"),
            self._site_failed,
        )

    def _site_failed(self, error: BaseException) -> None:
        log.warning("site build failed", exc_info=error)
        self.say(f"Site build failed: {error}")

    # -- closing ----------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closed:
            event.accept()
            return
        wants_draft = self.ask_before_discarding and self.composer.has_unsent_text()
        if wants_draft:
            answer = self._ask_about_drafts()
            if answer == "edit":
                event.ignore()
                return
            if answer == "discard":
                self.drafts.discard_all()
        self.drafts.close()  # what was typed last is written before the workspace closes
        # Nothing may read the workspace after this: the session is closed next.
        if self._cheat_sheet is not None:
            self._cheat_sheet.close()
        if self._popup is not None:
            self._popup.close()
        if self._channels_dialog is not None:
            self._channels_dialog.close()
        if self._subscribers_dialog is not None:
            self._subscribers_dialog.close()
        if self._settings_window is not None:
            self._settings_window.close()
        self.notifier.close()
        self.tray.close()
        self.tools.close()
        self.guard.close()
        self.scheduling.stop()
        self._tick.stop()
        self._outbox_poll.stop()
        self._refresh_soon.stop()
        self.composer.stop_checks()
        self.session.bridge.changed.disconnect(self._delivery_changed)
        self._closed = True
        super().closeEvent(event)

    def _ask_about_drafts(self) -> str:
        """ "keep" (quit; the drafts come back next time), "discard" (quit without them) or
        "edit" (stay)."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("statusdesk — unpublished draft")
        box.setText(
            "A draft has not been published. It is kept in the workspace and comes back the "
            "next time you open it — or you can throw it away now."
        )
        keep_for_later = box.addButton("&Quit, keep it", QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton("&Discard and quit", QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton("&Keep editing", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep_for_later)
        box.setEscapeButton(keep)  # Esc never discards a draft
        # No window manager gives a new window focus: it takes it (DESIGN §8).
        QTimer.singleShot(0, box.raise_)
        QTimer.singleShot(0, box.activateWindow)
        had_focus = QApplication.focusWidget()
        box.exec()
        if box.clickedButton() is discard:
            return "discard"
        if box.clickedButton() is keep_for_later:
            return "keep"
        # Back to where the keyboard was; nothing else would give the window focus again.
        self.raise_()
        self.activateWindow()
        if had_focus is not None:
            had_focus.setFocus(Qt.FocusReason.PopupFocusReason)
        return "edit"
