"""Deliveries followed from the desk: what a just-published update's channels did, said in one
line once they have all settled; a delivery that needs a person, said on the desktop and in the
status bar (notify.py); the count of deliveries not yet out, beside the status bar; and the
outbox worked from the app too, so what a crashed process left half-sent is reconciled and what
others left due is sent whether or not `statusdesk run` is up (claims keep them apart).

Every read runs on the TaskRunner (Coalesced: a burst of changes costs two reads, not one per
change). Given the workspace, the task runner, the notifier, the status line, the label the
count goes in and the current incident; `changed` asks the window to read the workspace again.
"""

from __future__ import annotations

import logging
import operator
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from statusdesk.app import read_models
from statusdesk.app.read_models import DeliveryFacts
from statusdesk.core.model import DeliveryState
from statusdesk.desk import Desk
from statusdesk.gui.deliveries.notify import FailureWatch, Notifier
from statusdesk.gui.keys.actions import decision_keys_hint
from statusdesk.gui.runtime.tasks import Coalesced, TaskRunner
from statusdesk.gui.widgets.labels import counted
from statusdesk.gui.widgets.reading import numerals
from statusdesk.gui.widgets.status_line import StatusLine, delivery
from statusdesk.gui.wording.outcomes import summarize

log = logging.getLogger(__name__)

OUTBOX_POLL_MS = 2_000  # due retries and deliveries recorded by other processes


def read_failed(what: str, error: BaseException) -> None:
    log.warning("could not read %s", what, exc_info=error)


class DeliveryFollow(QObject):
    changed = Signal()  # deliveries moved on: read the list and the page again
    attention_counted = Signal(int)  # failed or undecided deliveries of open incidents

    def __init__(
        self,
        window: QWidget,
        desk: Desk,
        tasks: TaskRunner,
        *,
        notifier: Notifier,
        status_line: StatusLine,
        count_label: QLabel,
        current_incident: Callable[[], int | None],
    ) -> None:
        super().__init__(window)
        self.desk = desk
        self._notifier = notifier
        self._status = status_line
        self._label = count_label
        self._current_incident = current_incident
        self._tasks = tasks
        self._closed = False
        self.failures = FailureWatch()
        self._watched: dict[int, str] = {}  # update id → what to say before the summary
        # Which just-published updates have settled: read on the TaskRunner, not per change.
        self._watcher = Coalesced(
            tasks,
            lambda: read_models.read_settled(desk.views, tuple(self._watched)),
            self._show_settled,
            partial(read_failed, "the deliveries of a new update"),
        )
        self._counter = Coalesced(
            tasks,
            lambda: (
                self.desk.deliveries.outstanding_deliveries(),
                self.desk.views.deliveries_needing_attention(),
            ),
            self._show_outstanding,
            self._count_failed,
        )
        self._outbox = Coalesced(
            tasks, desk.deliveries.recover, lambda _r: None, partial(read_failed, "the outbox")
        )
        self._outbox_poll = QTimer(self)
        self._outbox_poll.setInterval(OUTBOX_POLL_MS)
        self._outbox_poll.timeout.connect(self._poll_outbox)

    def start(self) -> None:
        """The count read and the outbox worked, then polled. The window calls it once the desk
        is painted: the reads and the dispatcher's loading on the TaskRunner would otherwise hold
        the GIL against the desk's first paint (issue #16)."""
        if self._closed:
            return
        self.count_outstanding()
        self._outbox_poll.start()
        self._outbox.request()

    def stop(self) -> None:
        self._closed = True
        self._outbox_poll.stop()

    def _poll_outbox(self) -> None:
        # Only when the outbox may have work: nothing is read while the workspace is quiet.
        if self.desk.deliveries.recover_wanted():
            self._outbox.request()

    # -- a delivery moved on ----------------------------------------------------------------

    def delivery_changed(self, delivery_id: int, state: DeliveryState) -> None:
        """The dispatcher's word, on the GUI thread: one that needs a person is told; a
        just-published update whose channels have all settled is summed up."""
        if self.failures.observe(delivery_id, state):
            self._tasks.run(
                partial(read_models.delivery_facts, self.desk.views, delivery_id),
                on_done=self._notify_failure,
                on_error=partial(read_failed, "a failed delivery"),
            )

    def settle_watched(self) -> None:
        if self._watched:
            self._watcher.request()

    def _notify_failure(self, facts: DeliveryFacts | None) -> None:
        if facts is None or self._closed:
            return
        said = self._notifier.delivery_needs_you(facts, self._current_incident())
        if said is not None:  # true while the delivery stays failed (or undecided)
            failed = facts.delivery.state
            self._status.tie(said, {delivery(facts.delivery.id): partial(operator.is_, failed)})

    # -- a just-published update --------------------------------------------------------------

    def watch(self, update_id: int, prefix: str, channels: int) -> None:
        """Say that `update_id` is going out to `channels` channels, and sum up its outcome
        once every channel has one."""
        self._watched[update_id] = prefix
        going = counted(self.tr("publishing to %n channel(s)…", "", channels), channels)
        self._status.say(f"{prefix}: {going}")
        self._watcher.request()

    def _show_settled(self, outcomes: dict[int, read_models.Settled]) -> None:
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
            self._status.say(summary, about, partial(self._summarize_again, update_id, prefix))
            self.changed.emit()

    def _summarize_again(self, update_id: int, prefix: str) -> None:
        if not self._closed:
            self._watched[update_id] = prefix
            self._watcher.request()

    # -- the count beside the status bar ------------------------------------------------------

    def count_outstanding(self) -> None:
        """The status bar's count of deliveries not yet out, read on the TaskRunner."""
        if not self._closed:
            self._counter.request()

    def _show_outstanding(self, counts: tuple[int, int]) -> None:
        if self._closed:
            return
        count, needing_attention = counts
        self.attention_counted.emit(needing_attention)
        if count == 0:
            text = self.tr("all deliveries out")
        elif count == 1:
            text = self.tr("1 delivery not yet out")
        else:
            text = numerals(self.tr("%n deliveries not yet out", "", count))
        self._label.setText(text)
        self._label.setAccessibleName(text)

    def _count_failed(self, error: BaseException) -> None:
        read_failed("the outstanding deliveries", error)
        self._label.setText(self.tr("deliveries: count unavailable"))
