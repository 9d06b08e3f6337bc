"""The main window's status bar (issue #12 §6): one message area, and a message that goes when
it stops being true.

One area. The message is a label laid out beside the permanent labels (deliveries not yet out,
the workspace), never painted under them: QStatusBar's own message runs up to the first
permanent widget and is cut there mid-word, so two texts read as one. A message longer than its
area is elided ("…"); the whole of it is the label's tooltip and accessible name. A new message
replaces the one shown: there is one at a time, the latest.

True while its subject holds. A message can name what it is about — a delivery (`delivery(id)`)
or a draft (`draft(target)`) — each with a test of that subject's new state: "x will retry" is
true while x's delivery waits to retry, "not published: the placeholder {eta}…" while the
draft's check still finds it. When the window reports the subject's new state (`changed`) and
the test fails, the message goes (and whoever said it may say what is true now: `withdrawn`).

`showMessage`, `currentMessage` and `clearMessage` keep QStatusBar's meaning for callers and
tests (the shell's notes, with a timeout). A status tip (Qt's own, from a menu) still shows in
QStatusBar's way, hiding this area while it shows, so the two never overlap either.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar, QWidget

from statusdesk.core.model import Problem
from statusdesk.gui.widgets.text import plain_tooltip

Subject = Hashable
Holds = Callable[[Any], bool]  # the subject's new state → is the message still true?


def delivery(delivery_id: int) -> Subject:
    return ("delivery", delivery_id)


def draft(target: int | None) -> Subject:
    """The composer's draft for an incident (None: a new incident)."""
    return ("draft", target)


class MessageLabel(QLabel):
    """One line of plain text, elided to its width; the full text in tooltip and name."""

    GAP = 16

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("status-message")
        self.setTextFormat(Qt.TextFormat.PlainText)
        # Never wider than what the permanent labels leave: the text is elided, not the
        # window widened (a QLabel's minimum is its whole text).
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(40)
        self.setContentsMargins(0, 0, self.GAP, 0)  # a clear gap before the permanent labels
        self._full = ""

    @property
    def full_text(self) -> str:
        return self._full

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(plain_tooltip(text))
        self.setAccessibleName(text)
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        one_line = " ".join(self._full.split())
        width = self.contentsRect().width()
        shown = self.fontMetrics().elidedText(one_line, Qt.TextElideMode.ElideRight, width)
        if shown != self.text():
            self.setText(shown)


class StatusLine(QStatusBar):
    """The window's status bar: one message at a time, in its own area, withdrawn when what it
    says about its subject stops being true."""

    withdrawn = Signal(object)  # the subject whose change took the message away

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("status-line")
        self.message = MessageLabel()
        self.addWidget(self.message, 1)
        self._holds: dict[Subject, Holds] = {}
        self._then: Callable[[], object] | None = None
        self._expiry = QTimer(self)
        self._expiry.setSingleShot(True)
        self._expiry.timeout.connect(self.clearMessage)

    # -- saying -------------------------------------------------------------------------------

    def say(
        self,
        text: str,
        about: Mapping[Subject, Holds] | None = None,
        then: Callable[[], object] | None = None,
    ) -> None:
        """Show `text` in place of whatever was shown; `about`: its subjects, each with the
        test of a new state under which it is still true; `then`: what to do when it is
        withdrawn for not being true any more (say what is true now)."""
        self._expiry.stop()
        self._holds = dict(about or {})
        self._then = then
        if text != self.message.full_text:
            self.message.set_full_text(text)
            self.messageChanged.emit(text)

    def tie(self, text: str, about: Mapping[Subject, Holds]) -> bool:
        """Give the message shown its subjects, if it is still `text` (said by someone who did
        not know them)."""
        if self.message.full_text != text or not text:
            return False
        self._holds.update(about)
        return True

    def changed(self, subject: Subject, state: object) -> bool:
        """`subject` is now in `state`: the message shown goes if it is about `subject` and
        no longer true of it. True when it went."""
        holds = self._holds.get(subject)
        if holds is None or holds(state):
            return False
        then = self._then
        self.say("")
        self.withdrawn.emit(subject)
        if then is not None:
            then()
        return True

    def subjects(self) -> list[Subject]:
        """What the message shown is about (for tests)."""
        return list(self._holds)

    # -- QStatusBar's own API, through the one area ---------------------------------------------

    def showMessage(self, text: str, timeout: int | None = 0) -> None:
        """As QStatusBar's: `timeout` in ms, 0 for until the next message."""
        self.say(text)
        if timeout and timeout > 0 and text:
            self._expiry.start(timeout)

    def currentMessage(self) -> str:
        return self.message.full_text

    def clearMessage(self) -> None:
        self.say("")


def draft_problem_holds(problem: Problem) -> Holds:
    """A word about `problem` in a draft is true while the draft's checks still find it."""

    def holds(problems: object) -> bool:
        found = problems if isinstance(problems, Sequence) else ()
        return any(isinstance(p, Problem) and p.message == problem.message for p in found)

    return holds
