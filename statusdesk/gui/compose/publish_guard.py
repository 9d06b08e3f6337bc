"""Before an update goes out: do the English and the Arabic say the same thing?

The composer lists the disagreements as warnings while the user writes (numbers, times, links,
component names in one language and not the other — core/consistency.py). Publishing with any
still open asks first, in a popup that takes the keyboard: Enter publishes anyway (one more key),
Esc goes back to the composer with the text as it was.

The question comes from the publish attempt's one check (desk.composing.prepare, on the
TaskRunner, of exactly the text about to go out — a warning list a keystroke old cannot wave a
fresh mistake through), and a yes commits that same checked draft: nothing is checked twice.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QApplication, QWidget

from statusdesk.app.compose import DraftSnapshot
from statusdesk.app.publishing import Checked
from statusdesk.core.consistency import disagreements_in
from statusdesk.core.errors import Rejected
from statusdesk.core.model import Problem
from statusdesk.gui.compose.audience import only_the_reason_is_missing
from statusdesk.gui.widgets.reading import numerals

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from statusdesk.desk import Desk
    from statusdesk.gui.runtime.tasks import TaskRunner
    from statusdesk.gui.widgets.popups import ConfirmPopup

log = logging.getLogger(__name__)

SHOWN = 6  # warnings listed in the popup; the composer lists them all


def question(warnings: Sequence[Problem]) -> tuple[str, str]:
    """The popup's question and its detail lines."""
    count = len(warnings)
    lines = [f"• {w.message}" for w in warnings[:SHOWN]]
    if count > SHOWN:
        more = QCoreApplication.translate(
            "PublishGuard", "• … and %n more, listed under the editors", "", count - SHOWN
        )
        lines.append(numerals(more))
    if count == 1:
        ask = translate(
            "PublishGuard", "The English and Arabic texts disagree in one place. Publish anyway?"
        )
    else:
        ask = QCoreApplication.translate(
            "PublishGuard",
            "The English and Arabic texts disagree in %n places. Publish anyway?",
            "",
            count,
        )
    return numerals(ask), "\n".join(lines)


class PublishGuard(QObject):
    def __init__(self, parent: QWidget, desk: Desk, tasks: TaskRunner) -> None:
        super().__init__(parent)
        self._parent = parent
        self._desk = desk
        self._tasks = tasks
        self.popup: ConfirmPopup | None = None

    def check_then(
        self,
        snapshot: DraftSnapshot,
        scheduled_for: datetime | None,
        *,
        go: Callable[[Checked], None],
        back: Callable[[], None],
        refused: Callable[[BaseException], None],
        agreed: bool = False,
    ) -> bool:
        """Check the draft once, on the TaskRunner. An error refuses it (`refused`); any
        disagreement asks first (unless `agreed`: the person already said publish anyway):
        `go(checked)` on yes, `back()` on Esc. Enabled channels left out without a reason are
        asked after that, through `refused` (the flow asks for the reason). False when the
        TaskRunner is shutting down (nothing will follow)."""
        return_focus = QApplication.focusWidget()
        started = self._tasks.run(
            partial(self._desk.composing.prepare, snapshot, scheduled_for),
            partial(self._checked, go, back, refused, agreed, return_focus),
            refused,
        )
        return started is not None

    def _checked(
        self,
        go: Callable[[Checked], None],
        back: Callable[[], None],
        refused: Callable[[BaseException], None],
        agreed: bool,
        return_focus: QWidget | None,
        checked: Checked,
    ) -> None:
        errors = checked.blocking
        if errors and not only_the_reason_is_missing(errors):
            refused(Rejected(errors))  # asking "publish anyway?" would only lead to this
            return
        warnings = [] if agreed else disagreements_in(checked.problems)

        def proceed() -> None:
            if errors:  # only the reason for the channels left out is missing: ask it next
                refused(Rejected(errors))
            else:
                go(checked)

        if not warnings:
            proceed()
            return
        from statusdesk.gui.widgets.popups import ConfirmPopup

        ask, detail = question(warnings)
        popup = ConfirmPopup(
            self._parent,
            title=self.tr("the two languages disagree"),
            question=ask,
            detail=detail,
            yes=self.tr("&Publish anyway"),
            no=self.tr("&Back to the draft"),
        )
        popup.setObjectName("disagreement-popup")
        popup.confirmed.connect(proceed)
        popup.rejected.connect(back)
        self.popup = popup
        popup.finished.connect(partial(self._forget, popup))
        popup.open_over(return_focus)

    def _forget(self, popup: ConfirmPopup, _result: int = 0) -> None:
        if self.popup is popup:
            self.popup = None
        popup.deleteLater()

    def close(self) -> None:
        if self.popup is not None:
            self.popup.close()
