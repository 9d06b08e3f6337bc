"""What the Channels and Subscribers windows share: a focus-taking window over the main one
whose workspace reads and writes all run on the TaskRunner, one of each kind at a time, that
sizes itself to its content the first time it opens, and where Enter presses the focused button
(never a window-wide default: Enter in a form's field acts on that form)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPushButton, QWidget

from statusdesk.gui.widgets.popups import FocusPopup

if TYPE_CHECKING:
    from statusdesk.desk import Desk
    from statusdesk.gui.runtime.tasks import TaskRunner


class WorkspaceWindow(FocusPopup):
    def __init__(self, parent: QWidget, title: str, desk: Desk, tasks: TaskRunner) -> None:
        super().__init__(parent, title)
        self.desk = desk
        self.tasks = tasks
        self._busy: set[str] = set()  # the kinds of change running now
        self._sized = False

    # -- to fill in ---------------------------------------------------------------------------

    def _fitting_size(self) -> QSize:
        return self.sizeHint()

    def _busy_changed(self) -> None:
        """A change started or finished (buttons may be enabled or not)."""

    # -- opening ------------------------------------------------------------------------------

    def open_over(self, return_focus: QWidget | None) -> None:
        if not self._sized:  # the first time; after that, as the user left it
            self._sized = True
            self.resize(self._fitting_size())
        super().open_over(return_focus)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            focus = self.focusWidget()
            if isinstance(focus, QPushButton) and focus.isEnabled():
                focus.click()
            event.accept()
            return
        super().keyPressEvent(event)

    # -- work off the GUI thread --------------------------------------------------------------

    def _run(
        self,
        work: Callable[[], Any],
        done: Callable[[Any], object],
        failed: Callable[[BaseException], object],
    ) -> bool:
        return self.tasks.run(work, done, failed) is not None

    def _start(
        self,
        what: str,
        work: Callable[[], Any],
        done: Callable[[Any], object],
        failed: Callable[[BaseException], object],
    ) -> bool:
        """One change of each kind at a time: a second press while one runs does nothing."""
        if what in self._busy:
            return False

        def finish(callback: Callable[[Any], object], value: Any) -> None:
            self._busy.discard(what)
            callback(value)
            self._busy_changed()

        self._busy.add(what)
        if not self._run(work, partial(finish, done), partial(finish, failed)):
            self._busy.discard(what)  # shutting down
            return False
        self._busy_changed()
        return True
