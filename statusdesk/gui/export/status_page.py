"""The status page from the desk: open it in the browser (built first if it never was) and
rebuild it. The build runs on the TaskRunner; the browser is started detached by the desktop
(QDesktopServices), so nothing here waits. What happened goes to the status line."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices

from statusdesk.desk import Desk
from statusdesk.gui.runtime.tasks import TaskRunner
from statusdesk.gui.widgets.status_line import StatusLine

log = logging.getLogger(__name__)


class StatusPage(QObject):
    def __init__(
        self, desk: Desk, tasks: TaskRunner, status_line: StatusLine, parent: QObject
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._tasks = tasks
        self._status = status_line

    def open(self) -> None:
        """Build the page first if it was never built, off the GUI thread; then hand the file
        to the desktop. QDesktopServices starts the browser detached, so it returns at once."""
        index = self._desk.paths.site / "index.html"

        def ensure() -> Path:
            if not index.exists():
                self._desk.settings.build_site()
            return index

        self._status.say(self.tr("Opening the status page…"))
        self._tasks.run(ensure, self._open_in_browser, self._failed)

    def _open_in_browser(self, index: Path) -> None:
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(index))):
            self._status.say(self.tr("Opened the status page: {path}").format(path=index))
        else:
            self._status.say(
                self.tr("No browser could open {path}; open it by hand.").format(path=index)
            )

    def rebuild(self) -> None:
        self._status.say(self.tr("Rebuilding the status page…"))
        self._tasks.run(
            self._desk.settings.build_site,
            lambda path: self._status.say(self.tr("Status page rebuilt: {path}").format(path=path)),
            self._failed,
        )

    def _failed(self, error: BaseException) -> None:
        log.warning("site build failed", exc_info=error)
        self._status.say(self.tr("Site build failed: {error}").format(error=error))
