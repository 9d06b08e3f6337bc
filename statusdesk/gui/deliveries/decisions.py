"""A person's decision on a delivery (issue #3): retry one that failed or waits for a decision
(Ctrl+R, the same idempotency key, so a receiver can tell it is the same post), or skip one with
a reason that goes into the record (Ctrl+Shift+K). A chooser when several qualify; the chips of
the incident page ask for the same by delivery.

Given what it acts on: the deliveries on screen (`targets`), the current incident, the workspace
and the task runner, the status line and the popup slot. The workspace changed afterwards:
`changed` asks the window to read it again.
"""

from __future__ import annotations

import logging
import operator
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QWidget

from statusdesk.app.read_models import can_retry, can_skip
from statusdesk.core.errors import Rejected
from statusdesk.core.model import Delivery, DeliveryState
from statusdesk.desk import Desk
from statusdesk.gui.i18n import localised
from statusdesk.gui.runtime.tasks import TaskRunner
from statusdesk.gui.widgets.popups import PopupSlot
from statusdesk.gui.widgets.status_line import StatusLine, delivery
from statusdesk.gui.wording.targets import DeliveryTarget
from statusdesk.store import WorkspaceError

log = logging.getLogger(__name__)

# The deliveries on screen that a test accepts (IncidentView.targets).
Targets = Callable[[Callable[[Delivery], bool]], list[DeliveryTarget]]
Then = Callable[[DeliveryTarget, QWidget | None], None]
IN_FLIGHT = (DeliveryState.PENDING, DeliveryState.SENDING, DeliveryState.UNKNOWN)


class DeliveryDecisions(QObject):
    changed = Signal()  # a decision was carried out (or refused): read the workspace again

    def __init__(
        self,
        window: QWidget,
        desk: Desk,
        tasks: TaskRunner,
        *,
        targets: Targets,
        current_incident: Callable[[], int | None],
        status_line: StatusLine,
        popups: PopupSlot,
    ) -> None:
        """`window`: where the chooser and the reason open (and the Qt parent)."""
        super().__init__(window)
        self._desk = desk
        self._tasks = tasks
        self._targets = targets
        self._current_incident = current_incident
        self._status = status_line
        self._popups = popups
        self._retrying: dict[int, str] = {}  # delivery id → channel name, retried by a person

    def _window(self) -> QWidget:
        """Where the questions open: the Qt parent (no Python reference to the window, as
        notify.Notifier explains)."""
        parent = self.parent()
        assert isinstance(parent, QWidget)
        return parent

    def retry_delivery(self) -> None:
        """Ctrl+R: retry the current incident's failed or undecided delivery (a chooser when
        there are several). Same idempotency key, so a receiver can tell it is the same post."""
        self._decide("retry", self._targets(can_retry), self._retry)

    def skip_delivery(self) -> None:
        """Ctrl+Shift+K: skip one, with a reason asked for in a dialog."""
        self._decide("skip", self._targets(can_skip), self._ask_skip_reason)

    def retry_from_chip(self, delivery_id: int) -> None:
        for target in self._targets(can_retry):
            if target.delivery_id == delivery_id:
                self._retry(target, QApplication.focusWidget())
                return

    def skip_from_chip(self, delivery_id: int) -> None:
        for target in self._targets(can_skip):
            if target.delivery_id == delivery_id:
                self._ask_skip_reason(target, QApplication.focusWidget())
                return

    def _decide(self, command: str, targets: list[DeliveryTarget], then: Then) -> None:
        had_focus = QApplication.focusWidget()
        if not targets:
            if self._current_incident() is None:
                self._status.say(self.tr("There is no incident, so no delivery to decide on."))
            elif command == "retry":
                self._status.say(
                    self.tr(
                        "Nothing to retry: no delivery of this incident has failed or waits for "
                        "a decision."
                    )
                )
            else:
                self._status.say(
                    self.tr(
                        "Nothing to skip: no delivery of this incident has failed, waits for a "
                        "decision or waits to retry."
                    )
                )
            return
        if len(targets) == 1:
            then(targets[0], had_focus)
            return
        from statusdesk.gui.widgets.popups import DeliveryChooser  # popups: built on use

        verb = self.tr("Retry") if command == "retry" else self.tr("Skip")
        chooser = DeliveryChooser(self._window(), verb, targets, self._desk.clock.now())
        chooser.chosen.connect(lambda target: then(target, had_focus))
        self._popups.show(chooser, had_focus)

    # -- retry ------------------------------------------------------------------------------

    def _retry(self, target: DeliveryTarget, _return_focus: QWidget | None = None) -> None:
        # Followed from now on: the dispatcher may report the outcome before the task's own
        # result reaches this thread.
        self._retrying[target.delivery_id] = target.channel
        self._status.say(
            self.tr("{channel}: retrying (same idempotency key)…").format(channel=target.channel)
        )
        self._tasks.run(
            partial(self._desk.deliveries.retry_delivery, target.delivery_id),
            on_done=lambda _delivery: self.changed.emit(),
            on_error=partial(self._retry_failed, target),
        )

    def _retry_failed(self, target: DeliveryTarget, error: BaseException) -> None:
        self._retrying.pop(target.delivery_id, None)
        self._decision_failed(target, "retried", error)

    def follow_retry(self, delivery_id: int, state: DeliveryState) -> None:
        """After a person's retry, the status bar says how it went (a new failure is said by
        the notifier)."""
        channel = self._retrying.get(delivery_id)
        if channel is None or state in IN_FLIGHT:
            return
        del self._retrying[delivery_id]
        if state is DeliveryState.SENT:
            self._status.say(self.tr("{channel}: sent on retry.").format(channel=channel))
        elif state is DeliveryState.RETRY_WAIT:
            self._status.say(
                self.tr("{channel}: the retry did not go through yet; it will try again.").format(
                    channel=channel
                ),
                {delivery(delivery_id): partial(operator.is_, DeliveryState.RETRY_WAIT)},
            )

    # -- skip -------------------------------------------------------------------------------

    def _ask_skip_reason(self, target: DeliveryTarget, return_focus: QWidget | None) -> None:
        from statusdesk.gui.widgets.reason_popup import SkipReasonDialog

        dialog = SkipReasonDialog(self._window(), target, self._desk.clock.now())
        dialog.reason_given.connect(partial(self._skip, target))
        not_skipped = self.tr("{channel}: not skipped.").format(channel=target.channel)
        dialog.rejected.connect(lambda: self._status.say(not_skipped))
        self._popups.show(dialog, return_focus)

    def _skip(self, target: DeliveryTarget, reason: str) -> None:
        self._status.say(self.tr("{channel}: skipping…").format(channel=target.channel))
        self._tasks.run(
            partial(self._desk.deliveries.skip_delivery, target.delivery_id, reason),
            on_done=lambda done: self._skipped(target, done),
            on_error=partial(self._decision_failed, target, "skipped"),
        )

    def _skipped(self, target: DeliveryTarget, done: Delivery) -> None:
        self._status.say(
            self.tr("{channel}: skipped — {reason}").format(
                channel=target.channel, reason=done.decision_note or ""
            )
        )
        self.changed.emit()

    def _decision_failed(self, target: DeliveryTarget, verb: str, error: BaseException) -> None:
        if isinstance(error, Rejected):
            why = localised(error.problems[0].message) if error.problems else str(error)
        elif isinstance(error, WorkspaceError):
            why = localised(error)
        else:
            log.error("delivery decision failed", exc_info=error)
            why = self.tr("internal error ({kind}: {error})").format(
                kind=type(error).__name__, error=error
            )
        if verb == "retried":
            said = self.tr("{channel}: not retried — {why}")
        else:
            said = self.tr("{channel}: not skipped — {why}")
        self._status.say(said.format(channel=target.channel, why=why))
        self.changed.emit()
