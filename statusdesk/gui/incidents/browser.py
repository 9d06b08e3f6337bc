"""Which incident is current, and keeping what shows it true: the list (with its filter), the
incident page, and the composer following the incident chosen (unless a new incident is being
written). A choice in the list is read on the TaskRunner; a re-read of the list and the page
(`refresh`) too, shown only if the user has not moved on meanwhile and nothing newer was
shown since it began: a publish shows its own read at once, and a re-read that started before
the commit would otherwise put the old page back (a just-scheduled update vanished from the
Scheduled section until the next change).

Given the list's model and view, the filter, the page, the workspace, the task runner and the
status line; the composer as `DraftFollower`, the one thing of it this needs. `view_read`
hands every fresh read on (the window gives it to the scheduling controller), and `list_shown`
says the list changed (the tray shows what it says).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from functools import partial
from typing import Protocol

from PySide6.QtCore import QObject, Qt, Signal

from statusdesk.app import read_models
from statusdesk.app.read_models import IncidentPage
from statusdesk.core.model import BilingualText, ComponentStatus, Incident
from statusdesk.desk import Desk
from statusdesk.gui.incidents.history import Visits
from statusdesk.gui.incidents.incident_list import (
    IncidentFilter,
    IncidentListModel,
    IncidentListView,
)
from statusdesk.gui.incidents.incident_view import IncidentView
from statusdesk.gui.runtime.tasks import Coalesced, TaskRunner
from statusdesk.gui.widgets.labels import counted
from statusdesk.gui.widgets.status_line import StatusLine
from statusdesk.store.records import IncidentSummary

log = logging.getLogger(__name__)


class DraftFollower(Protocol):
    """The composer, as the incident browser sees it (compose.composer.Composer)."""

    @property
    def is_new_incident(self) -> bool: ...
    @property
    def target(self) -> int | None: ...
    def show_update(
        self,
        incident: Incident,
        components: dict[str, ComponentStatus],
        names: Mapping[str, BilingualText] | None = None,
    ) -> None: ...
    def focus_english(self) -> None: ...


def incident_components(page: IncidentPage) -> dict[str, ComponentStatus]:
    found = {}
    for cid in page.incident.component_ids:
        component = page.components.get(cid)
        if component is not None:
            found[component.name.en or component.name.ar] = component.status
    return found


def component_names(page: IncidentPage) -> dict[str, BilingualText]:
    """The workspace's components' names in both languages, by the name they are stored under
    (incident_components' keys): the composer says each in the interface's language."""
    return {c.name.en or c.name.ar: c.name for c in page.components.values()}


def _signature(page: IncidentPage | None) -> tuple[object, ...]:
    if page is None:
        return ()
    return (page.incident, tuple(u.id for u in page.updates))


def read_failed(what: str, error: BaseException) -> None:
    log.warning("could not read %s", what, exc_info=error)


class IncidentBrowser(QObject):
    view_read = Signal(object)  # read_models.ViewData: a fresh read of the list and the page
    list_shown = Signal()  # the list was read again

    def __init__(
        self,
        desk: Desk,
        tasks: TaskRunner,
        *,
        model: IncidentListModel,
        incidents: IncidentListView,
        filter_field: IncidentFilter,
        view: IncidentView,
        composer: DraftFollower,
        status_line: StatusLine,
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.model = model
        self.list = incidents
        self.filter = filter_field
        self.view = view
        self._composer = composer
        self._status = status_line
        self._current_id: int | None = None
        self.visits = Visits()  # Back and Forward
        self._stepping = False  # a Back or Forward is choosing: not a visit of its own
        self._page: IncidentPage | None = None  # what the incident view shows
        self._restoring = False
        self._closed = False
        self._read_version: int | None = None  # the workspace's data_version at the last read
        # Counts what was shown from a read newer than any in flight (a publish's outcome). A
        # read carries the count from when it began; one that began before is stale.
        self._shown_epoch = 0
        filter_field.textChanged.connect(self._filter_changed)
        filter_field.leave.connect(self._leave_filter)
        incidents.current_incident_changed.connect(self.incident_chosen)
        self._page_reader = Coalesced(
            tasks, self._read_current_page, self._page_read, partial(read_failed, "the incident")
        )
        self._refresher = Coalesced(
            tasks,
            self._read_view,
            self._show_view,
            partial(read_failed, "the workspace"),
        )

    @property
    def current_id(self) -> int | None:
        return self._current_id

    def close(self) -> None:
        self._closed = True

    def refresh_list(self, summaries: list[IncidentSummary] | None = None) -> None:
        """Re-read the list and keep the current incident current (without re-showing it)."""
        keep = self._current_id
        self._restoring = True
        try:
            if summaries is None:
                summaries = self.desk.views.incident_summaries()
            self.model.set_summaries(summaries, self.desk.clock.now())
            if keep is not None:
                self.list.select_incident(keep)
        finally:
            self._restoring = False
        self.list_shown.emit()

    def refresh(self) -> None:
        """Re-read the list and the current incident off the GUI thread, then show them."""
        self._read_version = self.desk.views.workspace_version()  # before the reads start
        self._refresher.request()

    def written_since_read(self) -> bool:
        """Whether any connection wrote to the workspace since the last `refresh` began (an
        idle desk reads nothing; the clocks on screen move without reading, issue #16)."""
        return self.desk.views.workspace_version() != self._read_version

    # -- the filter ---------------------------------------------------------------------------

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
        self.filter.setAccessibleDescription(
            counted(self.tr("{shown} of %n incident(s) shown", "", every), every).format(
                shown=shown
            )
        )

    def _leave_filter(self) -> None:
        """Down or Enter in the filter: to the list, on the first match if the current
        incident is filtered out."""
        if not self.list.currentIndex().isValid() and self.model.rowCount():
            self.list.select_row(0)
        self.focus_incidents()

    def focus_incidents(self) -> None:
        self.list.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def handlers(self) -> dict[str, Callable[[], object]]:
        """The keys of the list and its history (keys/bindings.py), for install_actions."""
        return {
            "new-update": self.new_update,
            "previous-incident": partial(self.list.step, -1),
            "next-incident": partial(self.list.step, 1),
            "back": partial(self.step_back, -1),
            "forward": partial(self.step_back, 1),
            "focus-incidents": self.focus_incidents,
            "filter-incidents": self.filter_incidents,
        }

    def step_back(self, offset: int) -> bool:
        """Back (−1) or Forward (+1) through the incidents shown; an incident gone from the
        workspace is skipped. False at either end."""
        while (incident_id := self.visits.step(offset)) is not None:
            self._stepping = True
            try:
                if self.show_incident(incident_id):
                    return True
            finally:
                self._stepping = False
            self.visits.forget(incident_id)
            if offset < 0:
                self.visits.step(1)  # forget() moved the place back already: stay on it
        return False

    def show_incident(self, incident_id: int) -> bool:
        """Make `incident_id` current, clearing a filter that hides it."""
        if self.list.select_incident(incident_id):
            return True
        self.filter.clear()
        return self.list.select_incident(incident_id)

    # -- choosing an incident -------------------------------------------------------------------

    def open_most_recent_active(self, page: IncidentPage | None = None) -> None:
        """Launch: the active incident that spoke last is current, the composer ready for its
        next update, and the keyboard on the list (not in a text field, ARCHITECTURE §8).
        `page`: that incident's page if the launcher has read it already (app/startup.py)."""
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
            if page is not None and page.incident.id != summary.incident.id:
                page = None  # read for another incident: this one is read now
            self.incident_chosen(summary.incident.id, follow=True, page=page)
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def load_page(self, incident_id: int) -> IncidentPage | None:
        return read_models.load_page(self.desk.views, incident_id)

    def incident_chosen(
        self, incident_id: int, *, follow: bool = False, page: IncidentPage | None = None
    ) -> None:
        """Show the incident; the composer follows it unless a new incident is being written
        (or `follow` says to anyway: the new incident was just published)."""
        if self._restoring:
            return
        self._current_id = incident_id
        if not self._stepping:
            self.visits.shown(incident_id)
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

    def show_published(self, view: read_models.ViewData, incident_id: int, follow: bool) -> None:
        """The incident that just spoke is current, shown with its new update on top."""
        self._shown_epoch += 1  # reads already under way began before this commit
        self._current_id = incident_id
        self.refresh_list(view.summaries)
        self.incident_chosen(incident_id, follow=follow, page=view.page)

    def _read_current_page(self) -> tuple[int, int | None, IncidentPage | None]:
        epoch, incident_id = self._shown_epoch, self._current_id  # before reading: see above
        page = (
            read_models.load_page(self.desk.views, incident_id) if incident_id is not None else None
        )
        return epoch, incident_id, page

    def _page_read(self, read: tuple[int, int | None, IncidentPage | None]) -> None:
        epoch, incident_id, page = read
        if self._closed or incident_id != self._current_id:
            return  # the user moved on: the read that follows is theirs
        if epoch != self._shown_epoch:
            self._page_reader.request()  # began before a publish showed newer: read again
            return
        self._show_chosen(page, follow=False)

    def _read_view(self) -> tuple[int, read_models.ViewData]:
        epoch = self._shown_epoch  # taken before reading: a later commit makes this stale
        return epoch, read_models.read_view(self.desk.views, self._current_id)

    def _show_chosen(self, page: IncidentPage | None, follow: bool) -> None:
        self._page = page
        self.view.show_page(page, self.desk.clock.now())
        if page is not None and (follow or not self._composer.is_new_incident):
            self._composer.show_update(
                page.incident, incident_components(page), component_names(page)
            )

    def _show_view(self, read: tuple[int, read_models.ViewData]) -> None:
        epoch, data = read
        if self._closed:
            return
        if epoch != self._shown_epoch:
            self._refresher.request()  # began before a publish showed newer: read again
            return
        self.refresh_list(data.summaries)
        self.view_read.emit(data)  # silence marks, countdowns, the Scheduled section
        if data.incident_id is None or data.incident_id != self._current_id:
            return  # the user moved on while it was read; their choice was shown already
        page = data.page
        if _signature(page) != _signature(self._page) or (
            page is not None and not self.view.refresh_deliveries(page.deliveries)
        ):
            self.view.show_page(page, self.desk.clock.now())
            self._page = page
            if page is not None and self._composer.target == page.incident.id:
                self._composer.show_update(
                    page.incident, incident_components(page), component_names(page)
                )

    def new_update(self) -> None:
        """Ctrl+U: the composer on the current incident, the keyboard in its English body."""
        page = self._page
        if self._current_id is not None and (page is None or page.incident.id != self._current_id):
            # Ctrl+U faster than the chosen incident's read: the keyboard must land in a
            # composer that is ready, so this once the rows are read here.
            page = self.load_page(self._current_id)
        if page is None:
            self._status.say(self.tr("There is no incident to update yet; Ctrl+N opens one."))
            return
        self._composer.show_update(page.incident, incident_components(page), component_names(page))
        self._composer.focus_english()
