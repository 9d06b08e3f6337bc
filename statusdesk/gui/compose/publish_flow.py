"""From the composer to the workspace: the draft checked as it is typed, its previews rendered,
and Ctrl+Return — the languages compared first (publish_guard.py), a channel left out asked
about (audience.py), then the publish on the TaskRunner and what it refused put back into the
composer. One publish at a time, so a double press never posts twice.

What happens once the update is stored (the list and the page re-read, its deliveries followed)
is the window's: `published` hands it the outcome. Given the composer, the workspace, the task
runner, the status line and the popup slot; it knows nothing of the window.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime
from functools import partial

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QWidget

from statusdesk.app import compose, preview_records
from statusdesk.app.compose import DraftSnapshot
from statusdesk.app.publishing import Checked
from statusdesk.core.errors import Rejected
from statusdesk.core.model import BilingualText, Problem, Severity
from statusdesk.core.placeholders import leftover_placeholders
from statusdesk.core.words import message_of
from statusdesk.desk import Desk
from statusdesk.gui.compose.audience import only_the_reason_is_missing
from statusdesk.gui.compose.composer import Composer
from statusdesk.gui.compose.publish_guard import PublishGuard
from statusdesk.gui.i18n import localised
from statusdesk.gui.runtime.tasks import TaskRunner
from statusdesk.gui.widgets.labels import counted
from statusdesk.gui.widgets.popups import PopupSlot
from statusdesk.gui.widgets.status_line import StatusLine, draft, draft_problem_holds
from statusdesk.store import WorkspaceError

log = logging.getLogger(__name__)


class PublishFlow(QObject):
    # The update is stored: the draft's snapshot, the outcome (compose.PublishOutcome), and
    # whether newer edits were kept in the composer.
    published = Signal(object, object, bool)

    def __init__(
        self,
        window: QWidget,
        desk: Desk,
        tasks: TaskRunner,
        *,
        composer: Composer,
        status_line: StatusLine,
        popups: PopupSlot,
    ) -> None:
        """`window`: where the questions open (and the Qt parent)."""
        super().__init__(window)
        self._desk = desk
        self._tasks = tasks
        self._composer = composer
        self._status = status_line
        self._popups = popups
        self.guard = PublishGuard(window, desk, tasks)  # the languages agree?
        self._publishing: DraftSnapshot | None = None
        self._closed = False
        composer.check_requested.connect(self._check)
        composer.preview_requested.connect(self._preview)
        composer.publish_requested.connect(self.publish)

    def _window(self) -> QWidget:
        """Where the questions open: the Qt parent (no Python reference to the window, as
        notify.Notifier explains)."""
        parent = self.parent()
        assert isinstance(parent, QWidget)
        return parent

    @property
    def in_progress(self) -> DraftSnapshot | None:
        """The draft being published (or asked about), None when none is."""
        return self._publishing

    def close(self) -> None:
        self._closed = True
        self.guard.close()

    # -- checking and previews ----------------------------------------------------------------

    def _check(self, generation: int) -> None:
        snapshot = self._composer.snapshot()
        self._tasks.run(
            partial(self._desk.composing.check, snapshot),
            on_done=partial(self._checked, generation),
            on_error=partial(self._check_failed, generation),
        )

    def _checked(self, generation: int, problems: list[Problem]) -> None:
        """A check of the draft as it still is: a word in the status bar about a problem of
        this draft that is now fixed goes (issue #12 §6)."""
        if self._composer.set_check_result(generation, problems):
            self._status.changed(draft(self._composer.target), problems)

    def say_placeholders_left(self, message: str, target: int | None) -> None:
        """True while the draft's text still has a placeholder, as its checks find."""
        editors = (self._composer.body_en, self._composer.body_ar)

        def left(_problems: object) -> bool:
            return bool(leftover_placeholders(BilingualText(*(e.toPlainText() for e in editors))))

        self._status.say(message, {draft(target): left})

    def _check_failed(self, generation: int, error: BaseException) -> None:
        log.warning("draft check failed", exc_info=error)
        problem = Problem(
            "publish",
            self.tr("Could not check the draft: {error}").format(error=error),
            Severity.WARNING,
        )
        self._composer.set_check_result(generation, [problem])

    def _preview(self, generation: int) -> None:
        """Render what each ticked channel would send, off the GUI thread (app/previews.py)."""
        snapshot = self._composer.snapshot()
        self._tasks.run(
            partial(self._desk.previews.render_previews, snapshot),
            on_done=partial(self._composer.set_preview_result, generation),
            on_error=partial(self._preview_failed, generation),
        )

    def _preview_failed(self, generation: int, error: BaseException) -> None:
        log.warning("preview failed", exc_info=error)
        failed = [
            preview_records.ChannelPreview(
                name, "", error=self.tr("Could not render the preview: {error}").format(error=error)
            )
            for name in self._composer.checked_channels()
        ]
        self._composer.set_preview_result(generation, failed)

    # -- publishing ---------------------------------------------------------------------------

    def publish(self, scheduled_for: datetime | None = None) -> None:
        """Ctrl+Return: one publish at a time, so a double press never posts twice. With
        `scheduled_for` (the schedule picker), the update is stored to go out then."""
        if self._publishing is not None:
            self._status.say(self.tr("Still publishing the previous update…"))
            return
        self._attempt(self._composer.snapshot(), scheduled_for)

    def _attempt(
        self, snapshot: DraftSnapshot, scheduled_for: datetime | None, *, agreed: bool = False
    ) -> None:
        """One publish attempt: its one check, then the questions it raises, then the commit of
        what was checked. `agreed`: the person already chose to publish despite disagreements."""
        self._publishing = snapshot  # from here on a second press is refused

        def back_to_the_draft() -> None:
            self._publishing = None
            self._status.say(self.tr("Not published: the draft is as you left it."))

        started = self.guard.check_then(
            snapshot,
            scheduled_for,
            go=partial(self._commit, snapshot, scheduled_for),
            back=back_to_the_draft,
            refused=partial(self._refused, snapshot, scheduled_for),
            agreed=agreed,
        )
        if not started:
            self._publishing = None  # shutting down

    def _refused(
        self, snapshot: DraftSnapshot, scheduled_for: datetime | None, error: BaseException
    ) -> None:
        self._publish_failed(
            snapshot,
            error,
            verb="scheduled" if scheduled_for else "published",
            scheduled_for=scheduled_for,
        )

    def _commit(
        self, snapshot: DraftSnapshot, scheduled_for: datetime | None, checked: Checked
    ) -> None:
        """The draft's two languages agree, or the user chose to publish anyway: write what was
        checked."""
        if self._closed:
            return
        channels = len(snapshot.channels)
        if scheduled_for:
            doing = self.tr("Scheduling for %n channel(s)…", "", channels)
        else:
            doing = self.tr("Publishing to %n channel(s)…", "", channels)
        self._composer.set_busy(True, counted(doing, channels))
        started = self._tasks.run(
            partial(self._desk.composing.commit_and_read, checked),
            on_done=partial(self._published, snapshot),
            on_error=partial(self._refused, snapshot, scheduled_for),
        )
        if started is None:  # shutting down
            self._publishing = None
            self._composer.set_busy(False)

    def _published(
        self, snapshot: DraftSnapshot, outcome: compose.PublishOutcome | compose.SubmittedOutcome
    ) -> None:
        self._publishing = None
        self._composer.set_busy(False)
        kept = not self._composer.clear_if_unchanged(snapshot)
        if isinstance(outcome, compose.SubmittedOutcome):  # review.required (issue #17)
            from statusdesk.gui.wording.review_words import submitted_words

            self._status.say(submitted_words(outcome.review, kept))
            return
        self.published.emit(snapshot, outcome, kept)

    def _publish_failed(
        self,
        snapshot: DraftSnapshot,
        error: BaseException,
        *,
        verb: str = "published",
        scheduled_for: datetime | None = None,
    ) -> None:
        self._publishing = None
        self._composer.set_busy(False)
        if isinstance(error, Rejected) and only_the_reason_is_missing(error.problems):
            self._ask_leave_out_reason(snapshot, scheduled_for)  # issue #12 §1
            return
        if isinstance(error, Rejected):
            problems = error.problems
        elif isinstance(error, WorkspaceError):
            problems = [Problem("workspace", message_of(error))]  # its Words, said by the list
        else:
            log.error("publish failed", exc_info=error)
            problems = [
                Problem(
                    "publish",
                    self.tr("Internal error ({kind}: {error})").format(
                        kind=type(error).__name__, error=error
                    ),
                )
            ]
        if self._composer.target == snapshot.incident_id:
            self._composer.show_publish_problems(problems)
        if verb == "scheduled":
            said = self.tr("Not scheduled — {problem} The draft is kept.")
        else:
            said = self.tr("Not published — {problem} The draft is kept.")
        self._status.say(
            said.format(problem=localised(problems[0].message)),
            {draft(snapshot.incident_id): draft_problem_holds(problems[0])},
        )

    def _ask_leave_out_reason(
        self, snapshot: DraftSnapshot, scheduled_for: datetime | None
    ) -> None:
        """Enabled channels are unticked: why? Enter publishes with the reason, Esc goes back."""
        from statusdesk.gui.compose.audience import LeaveOutReasonPopup

        self._publishing = snapshot  # while it asks, another Ctrl+Return publishes nothing
        left = self._composer.left_out(snapshot.channels)
        popup = LeaveOutReasonPopup(
            self._window(), snapshot.channels, left, scheduled=scheduled_for is not None
        )

        def go(reason: str) -> None:
            # A new attempt with the reason; the disagreements were already answered.
            self._attempt(replace(snapshot, skip_reason=reason), scheduled_for, agreed=True)

        def back() -> None:
            self._publishing = None
            self._status.say(self.tr("Not published: the draft is as you left it."))

        popup.reason_given.connect(go)
        popup.rejected.connect(back)
        self._popups.show(popup, QApplication.focusWidget())
