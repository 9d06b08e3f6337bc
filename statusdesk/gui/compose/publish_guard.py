"""Before an update goes out: do the English and the Arabic say the same thing?

The composer lists the disagreements as warnings while the user writes (numbers, times, links,
component names in one language and not the other — core/consistency.py). Publishing with any
still open asks first, in a popup that takes the keyboard: Enter publishes anyway (one more key),
Esc goes back to the composer with the text as it was. The disagreements are read again at
that moment, on the TaskRunner, from exactly the text about to go out, so a warning list a
keystroke old cannot wave a fresh mistake through.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QWidget

from statusdesk.core.model import Problem, blocking
from statusdesk.desk import clean_text
from statusdesk.gui.usecases import operations
from statusdesk.gui.usecases.operations import DraftSnapshot

if TYPE_CHECKING:
    from statusdesk.desk import Desk
    from statusdesk.gui.runtime.tasks import TaskRunner
    from statusdesk.gui.widgets.popups import ConfirmPopup

log = logging.getLogger(__name__)

SHOWN = 6  # warnings listed in the popup; the composer lists them all


def question(warnings: Sequence[Problem]) -> tuple[str, str]:
    """The popup's question and its detail lines."""
    count = len(warnings)
    places = "one place" if count == 1 else f"{count} places"
    lines = [f"• {w.message}" for w in warnings[:SHOWN]]
    if count > SHOWN:
        lines.append(f"• … and {count - SHOWN} more, listed under the editors")
    return (
        f"The English and Arabic texts disagree in {places}. Publish anyway?",
        "\n".join(lines),
    )


def disagreements_worth_asking(desk: Desk, snapshot: DraftSnapshot) -> list[Problem]:
    """Runs on the TaskRunner. None when the draft cannot go out anyway (an error — an
    unfilled placeholder, an empty text — refuses it): asking "publish anyway?" first would
    only lead to that refusal."""
    if blocking(operations.check(desk, snapshot)):
        return []
    return desk.disagreements(clean_text(snapshot.body))


class PublishGuard(QObject):
    def __init__(self, parent: QWidget, desk: Desk, tasks: TaskRunner) -> None:
        super().__init__(parent)
        self._parent = parent
        self._desk = desk
        self._tasks = tasks
        self.popup: ConfirmPopup | None = None

    def check_then(
        self, snapshot: DraftSnapshot, go: Callable[[], None], back: Callable[[], None]
    ) -> bool:
        """Read the draft's disagreements; none: `go()`. Some: ask; `go()` on yes, `back()`
        on Esc. False when the TaskRunner is shutting down (nothing will follow)."""
        return_focus = QApplication.focusWidget()
        started = self._tasks.run(
            partial(disagreements_worth_asking, self._desk, snapshot),
            partial(self._checked, go, back, return_focus),
            partial(self._not_checked, go),
        )
        return started is not None

    def _checked(
        self,
        go: Callable[[], None],
        back: Callable[[], None],
        return_focus: QWidget | None,
        warnings: list[Problem],
    ) -> None:
        if not warnings:
            go()
            return
        from statusdesk.gui.widgets.popups import ConfirmPopup

        ask, detail = question(warnings)
        popup = ConfirmPopup(
            self._parent,
            title="the two languages disagree",
            question=ask,
            detail=detail,
            yes="&Publish anyway",
            no="&Back to the draft",
        )
        popup.setObjectName("disagreement-popup")
        popup.confirmed.connect(go)
        popup.rejected.connect(back)
        self.popup = popup
        popup.finished.connect(partial(self._forget, popup))
        popup.open_over(return_focus)

    def _forget(self, popup: ConfirmPopup, _result: int = 0) -> None:
        if self.popup is popup:
            self.popup = None
        popup.deleteLater()

    def _not_checked(self, go: Callable[[], None], error: BaseException) -> None:
        # A comparison that fails is a bug of ours, not a reason to keep an update from going
        # out in an outage: log it and publish.
        log.error("bilingual comparison failed", exc_info=error)
        go()

    def close(self) -> None:
        if self.popup is not None:
            self.popup.close()
