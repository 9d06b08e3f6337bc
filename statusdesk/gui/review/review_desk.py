"""Review in the desktop app (issue #17): the keys that open Waiting for review, approve the
update chosen there and return it with a comment — each read and decision on the TaskRunner,
never on the GUI thread (approving publishes: the network is the dispatcher's).

The desk decides as the person at its keyboard (desk.reviews.who); their own update's
approval is refused at once, before anything is asked of the workspace (app/review.py refuses
it again). On a team desk the window re-reads whenever the server says someone wrote (a new
review, another desk's approval), through the desk's live view."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from statusdesk.app.review import fired_late
from statusdesk.delivery.outbox import Published
from statusdesk.desk import Desk
from statusdesk.gui.keys.actions import shown_key
from statusdesk.gui.review.review_window import ReviewWindow
from statusdesk.gui.runtime.tasks import TaskRunner
from statusdesk.gui.widgets.forms import error_text
from statusdesk.gui.widgets.reason_popup import ReasonPopup
from statusdesk.gui.wording import review_words
from statusdesk.store.reviews import Review

log = logging.getLogger(__name__)

TICK_MS = 1000  # SQLite: while the list is open, whether anyone wrote (no read when nobody did)


class ReviewDesk(QObject):
    written = Signal()  # the server said someone wrote (a team desk), from its listener's thread

    def __init__(
        self, window: QWidget, desk: Desk, tasks: TaskRunner, said: Callable[[str], None]
    ) -> None:
        """`window`: what Waiting for review opens over; `said`: the status bar."""
        super().__init__(window)
        self._owner = window
        self._desk = desk
        self._tasks = tasks
        self._said = said
        self._window: ReviewWindow | None = None
        self._listening = False
        self._reads = 0  # reads asked; an older one that finishes late is dropped
        self._shown = 0
        self._deciding: int | None = None  # the review being approved or returned
        self.comment: ReasonPopup | None = None
        self._closed = False
        self._version: int | None = None  # the workspace's when the list was last read
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._written_since)

    def handlers(self) -> dict[str, Callable[[], object]]:
        return {
            "reviews": self.show,
            "approve-review": self.approve,
            "return-review": self.return_,
        }

    @property
    def window(self) -> ReviewWindow:
        if self._window is None:
            self._window = ReviewWindow(self._owner)
            self._window.approve_wanted.connect(self._approve)
            self._window.return_wanted.connect(self._ask_comment)
            # A team desk: another desk's submission or decision re-reads the list at once.
            self.written.connect(self._written, Qt.ConnectionType.QueuedConnection)
            self._listening = self._desk.views.when_written(self._heard)
            self._window.finished.connect(self._tick.stop)
        return self._window

    def show(self) -> None:
        window = self.window
        window.keys_changed()
        window.clear_refusal()
        if not window.isVisible():
            window.open_over(QApplication.focusWidget())
        if not self._listening:  # SQLite says nothing unasked: the list asks while it is open
            self._tick.start()
        self.reload()

    def _heard(self) -> None:
        # On the listener's thread: only a queued signal (gone with the window: nothing).
        with contextlib.suppress(RuntimeError):
            self.written.emit()

    def _written(self) -> None:
        if not self._closed and self._window is not None and self._window.isVisible():
            self.reload()

    def _written_since(self) -> None:
        if self._closed or self._window is None or not self._window.isVisible():
            self._tick.stop()
        elif self._desk.views.workspace_version() != self._version:
            self.reload()

    def reload(self) -> None:
        if not self._listening:
            self._version = self._desk.views.workspace_version()
        self._reads += 1
        self._tasks.run(
            self._desk.reviews.pending, partial(self._read, self._reads), self._read_failed
        )

    def _read(self, read: int, reviews: list[Review]) -> None:
        if self._closed or read < self._shown or self._window is None:
            return
        self._shown = read
        self._window.show_reviews(reviews)

    def _read_failed(self, error: BaseException) -> None:
        if not self._closed and self._window is not None:
            self._window.refuse(error_text(error, "read the updates waiting for review"))

    # -- the keys in the main window: they open the list first -------------------------------

    def approve(self) -> None:
        if self._window is None or not self._window.isVisible():
            self.show()
            self._said(
                self.tr("Choose the update in Waiting for review, then {key} approves it.").format(
                    key=shown_key("approve-review")
                )
            )
            return
        review = self._window.current()
        if review is not None:
            self._approve(review)

    def return_(self) -> None:
        if self._window is None or not self._window.isVisible():
            self.show()
            self._said(
                self.tr("Choose the update in Waiting for review, then {key} returns it.").format(
                    key=shown_key("return-review")
                )
            )
            return
        review = self._window.current()
        if review is not None:
            self._ask_comment(review)

    # -- deciding -----------------------------------------------------------------------------

    def _busy(self) -> bool:
        if self._deciding is None:
            return False
        self._said(self.tr("Still deciding on #{id}…").format(id=self._deciding))
        return True

    def _approve(self, review: Review) -> None:
        if self._busy():
            return
        window = self.window
        who = self._desk.reviews.who()
        if self._desk.reviews.own(review, who):
            said = review_words.own_words(review)
            window.refuse(said)
            self._said(said)
            return
        window.clear_refusal()
        self._deciding = review.id
        self._said(self.tr("Approving #{id}…").format(id=review.id))
        started = self._tasks.run(
            partial(self._desk.reviews.approve, review.id, who),
            partial(self._approved, review),
            partial(self._refused, review),
        )
        if started is None:
            self._deciding = None

    def _approved(self, review: Review, published: Published) -> None:
        self._deciding = None
        if self._closed:
            return
        self._said(review_words.approved_words(review, published, fired_late(review, published)))
        self.reload()

    def _refused(self, review: Review, error: BaseException) -> None:
        self._deciding = None
        if self._closed:
            return
        said = error_text(error, "decide on the update for review")
        self.window.refuse(said)
        self._said(said)
        self.reload()  # decided by another desk meanwhile, perhaps

    def _ask_comment(self, review: Review) -> None:
        if self._busy():
            return
        window = self.window
        window.clear_refusal()
        popup = ReasonPopup(
            window,
            title=self.tr("return #{id} with a comment").format(id=review.id),
            name="review-comment",
            lines=[
                self.tr("Return #{id} to {author}: what should change? Nothing is sent.").format(
                    id=review.id, author=review.author or "-"
                ),
                self.tr("Enter returns it, Esc goes back."),
            ],
            placeholder=self.tr("e.g. Say since when payments fail"),
            accessible_name=self.tr("Comment for the author"),
            answer=self.tr("&Return it"),
            missing=self.tr("Say what should change: the comment is empty."),
        )
        self.comment = popup
        popup.reason_given.connect(partial(self._return, review))
        popup.finished.connect(popup.deleteLater)
        popup.open_over(window.list)

    def _return(self, review: Review, comment: str) -> None:
        if self._busy():
            return
        self._deciding = review.id
        started = self._tasks.run(
            partial(self._desk.reviews.return_, review.id, self._desk.reviews.who(), comment),
            self._returned,
            partial(self._refused, review),
        )
        if started is None:
            self._deciding = None

    def _returned(self, review: Review) -> None:
        self._deciding = None
        if self._closed:
            return
        self._said(
            self.tr("Returned #{id} to {author}; nothing was sent.").format(
                id=review.id, author=review.author or "-"
            )
        )
        self.reload()

    def close(self) -> None:
        """Nothing may read the workspace after this."""
        self._closed = True
        self._tick.stop()
        if self.comment is not None:
            with contextlib.suppress(RuntimeError):  # already deleted
                self.comment.close()
        if self._window is not None:
            self._window.close()
