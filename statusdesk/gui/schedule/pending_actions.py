"""Updates not yet out (issue #5), by keyboard or from a row's menu: reschedule, cancel, send
now, discard a stale one, or edit one — a chooser when several qualify, a confirmation before
anything is cancelled, discarded or sent late. Each change runs on the TaskRunner; the
workspace changed, so `refresh_wanted` asks for a re-read.

Given the window the popups open over, the workspace, the task runner, the zone times are read
in and the incident page's updates not yet out; it speaks through signals
(scheduling.SchedulingController passes them on).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime, tzinfo
from functools import partial
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QApplication, QWidget

from statusdesk.core.errors import Rejected
from statusdesk.core.model import BilingualText
from statusdesk.delivery.outbox import Published
from statusdesk.desk import Desk
from statusdesk.gui.runtime.tasks import TaskRunner
from statusdesk.gui.schedule.schedule_popups import EditPendingPopup, SchedulePicker
from statusdesk.gui.widgets.labels import counted
from statusdesk.gui.widgets.popups import ConfirmPopup, DeliveryChooser
from statusdesk.gui.widgets.reading import numerals
from statusdesk.gui.wording.rhythm import PendingTarget, minutes_text
from statusdesk.scheduling.when import display
from statusdesk.store import WorkspaceError

translate = QCoreApplication.translate

log = logging.getLogger(__name__)

Then = Callable[[PendingTarget, QWidget | None], None]


class PendingSource(Protocol):
    """The incident page's updates not yet out (incidents.incident_view.IncidentView)."""

    def pending(self) -> list[PendingTarget]: ...


class PendingActions(QObject):
    said = Signal(str)  # for the status bar
    refresh_wanted = Signal()  # the workspace changed: read the list and the page again
    popup_wanted = Signal(object, object)  # a FocusPopup, the widget to give the keyboard back

    def __init__(
        self,
        window: QWidget,
        desk: Desk,
        tasks: TaskRunner,
        *,
        zone: tzinfo,
        page: PendingSource,
    ) -> None:
        super().__init__(window)
        self._desk = desk
        self._tasks = tasks
        self._zone = zone
        self._page = page
        self._editor: EditPendingPopup | None = None  # the one edit waiting for the workspace

    def now(self) -> datetime:
        return self._desk.clock.now()

    def handlers(self) -> dict[str, Callable[[], object]]:
        return {
            "reschedule": self.reschedule,
            "cancel-scheduled": self.cancel,
            "send-now": self.send_now,
            "discard-stale": self.discard,
            "edit-scheduled": self.edit,
        }

    def reschedule(self) -> None:
        self._choose(
            self.tr("Reschedule"),
            self._page.pending(),
            self._ask_new_time,
            self.tr("Nothing to reschedule: no update of this incident waits to go out."),
        )

    def cancel(self) -> None:
        self._choose(
            self.tr("Cancel"),
            [t for t in self._page.pending() if not t.stale],
            self._confirm_cancel,
            self.tr("Nothing to cancel: no update of this incident is scheduled."),
        )

    def send_now(self) -> None:
        self._choose(
            self.tr("Send now"),
            self._page.pending(),
            self._confirm_send,
            self.tr("Nothing to send: no update of this incident waits to go out."),
        )

    def discard(self) -> None:
        self._choose(
            self.tr("Discard"),
            [t for t in self._page.pending() if t.stale],
            self._confirm_discard,
            self.tr("Nothing to discard: no update of this incident is stale."),
        )

    def edit(self) -> None:
        self._choose(
            self.tr("Edit"),
            self._page.pending(),
            self._open_editor,
            self.tr("Nothing to edit: no update of this incident waits to go out."),
        )

    def from_menu(self, command: str, update_id: int) -> None:
        """A row's right-click menu: the command, on that row's update."""
        then: dict[str, Then] = {
            "edit-scheduled": self._open_editor,
            "reschedule": self._ask_new_time,
            "cancel-scheduled": self._confirm_cancel,
            "send-now": self._confirm_send,
            "discard-stale": self._confirm_discard,
        }
        for target in self._page.pending():
            if target.update_id == update_id and command in then:
                then[command](target, QApplication.focusWidget())
                return

    def _choose(
        self, verb: str, targets: Sequence[PendingTarget], then: Then, nothing: str
    ) -> None:
        focus = QApplication.focusWidget()
        if not targets:
            self.said.emit(nothing)
            return
        if len(targets) == 1:
            then(targets[0], focus)
            return
        chooser = DeliveryChooser(self._window(), verb, targets, self.now(), noun="update")
        chooser.setObjectName("update-chooser")
        chooser.chosen.connect(lambda target: then(target, focus))
        self.popup_wanted.emit(chooser, focus)

    def _ask_new_time(self, target: PendingTarget, focus: QWidget | None) -> None:
        picker = SchedulePicker(
            self._window(),
            title=self.tr("reschedule an update"),
            what=self.tr("Reschedule: {update}").format(update=target.describe(self.now())),
            action=self.tr("&Reschedule"),
            now=self.now,
            zone=self._zone,
            text=target.prefill(),
        )
        picker.chosen.connect(partial(self._reschedule, target))
        self.popup_wanted.emit(picker, focus)

    def _open_editor(self, target: PendingTarget, focus: QWidget | None) -> None:
        editor = EditPendingPopup(
            self._window(),
            what=self.tr("Edit: {update}").format(update=target.describe(self.now())),
            body=target.update.body,
        )
        editor.save_requested.connect(partial(self._save_edit, target))
        self._editor = editor
        self.popup_wanted.emit(editor, focus)

    def _save_edit(self, target: PendingTarget, body: BilingualText) -> None:
        """Checked against the update's channels as when it was written
        (desk.scheduling.edit_update); the editor stays open, text kept, until that is done or
        refused."""

        def saved(_update: object) -> None:
            if self._editor is not None:
                self._editor.saved()
            self.said.emit(self.tr("Edited the update due {when}.").format(when=target.when()))
            self.refresh_wanted.emit()

        def refused(error: BaseException) -> None:
            if self._editor is not None and self._editor.isVisible():
                self._editor.refused(self._why(error))
            else:
                self._failed(self.tr("The update was not edited — {why}"), error)

        self._tasks.run(
            partial(self._desk.scheduling.edit_update, target.update_id, body=body),
            on_done=saved,
            on_error=refused,
        )

    def _reschedule(self, target: PendingTarget, at: datetime) -> None:
        when = numerals(str(display(at, self._zone)))
        self._act(
            partial(self._desk.scheduling.reschedule_update, target.update_id, at),
            self.tr("Rescheduled the update on #{id} to {when}.").format(
                id=target.update.incident_id, when=when
            ),
            self.tr("The update was not rescheduled — {why}"),
        )

    def _confirm(
        self,
        target: PendingTarget,
        focus: QWidget | None,
        *,
        title: str,
        question: str,
        yes: str,
        no: str,
        then: Callable[[], None],
        kept: str,
    ) -> None:
        popup = ConfirmPopup(
            self._window(),
            title=title,
            question=question,
            detail=target.describe(self.now()),
            yes=yes,
            no=no,
        )
        popup.confirmed.connect(then)
        popup.rejected.connect(lambda: self.said.emit(kept))
        self.popup_wanted.emit(popup, focus)

    def _confirm_cancel(self, target: PendingTarget, focus: QWidget | None) -> None:
        self._confirm(
            target,
            focus,
            title=self.tr("cancel a scheduled update"),
            question=self.tr("Cancel the update scheduled for {when}? It will not go out.").format(
                when=target.when()
            ),
            yes=self.tr("&Yes, cancel it"),
            no=self.tr("&Keep it"),
            then=partial(
                self._act,
                partial(self._desk.scheduling.cancel_update, target.update_id),
                self.tr("Cancelled the update scheduled for {when}; it will not go out.").format(
                    when=target.when()
                ),
                self.tr("The update was not cancelled — {why}"),
            ),
            kept=self.tr("Kept: the update stays scheduled."),
        )

    def _confirm_discard(self, target: PendingTarget, focus: QWidget | None) -> None:
        self._confirm(
            target,
            focus,
            title=self.tr("discard a stale update"),
            question=self.tr("Discard this stale update? It will never go out."),
            yes=self.tr("&Discard it"),
            no=self.tr("&Keep it"),
            then=partial(
                self._act,
                partial(self._desk.scheduling.discard_update, target.update_id),
                self.tr("Discarded the stale update that was due {when}.").format(
                    when=target.when()
                ),
                self.tr("The update was not discarded — {why}"),
            ),
            kept=self.tr("Kept: the stale update still waits for you."),
        )

    def _confirm_send(self, target: PendingTarget, focus: QWidget | None) -> None:
        late = (self.now() - target.due).total_seconds()
        if target.stale:
            question = self.tr(
                "Send this update now, {span} after it was due? It was written "
                "for then: check that it still holds."
            ).format(span=minutes_text(late))
        else:
            question = self.tr("Send this update now instead of at {when}?").format(
                when=target.when()
            )
        self._confirm(
            target,
            focus,
            title=self.tr("send an update now"),
            question=question,
            yes=self.tr("&Send now"),
            no=self.tr("&Not now"),
            then=partial(self._send, target),
            kept=self.tr("Not sent: the update still waits."),
        )

    def _send(self, target: PendingTarget) -> None:
        def sent(published: Published) -> None:
            count = len(published.delivery_ids)
            said = self.tr("Sending the update on #{id} now to %n channel(s)…", "", count)
            self.said.emit(counted(said, count).format(id=published.incident_id))
            self.refresh_wanted.emit()

        self.said.emit(self.tr("Sending…"))
        self._tasks.run(
            partial(self._desk.scheduling.send_update, target.update_id),
            on_done=sent,
            on_error=partial(self._failed, self.tr("The update was not sent — {why}")),
        )

    def _act(self, work: Callable[[], object], done: str, refused: str) -> None:
        def finished(_result: object) -> None:
            self.said.emit(done)
            self.refresh_wanted.emit()

        self._tasks.run(work, on_done=finished, on_error=partial(self._failed, refused))

    def _failed(self, said: str, error: BaseException) -> None:
        """`said`: "The update was not … — {why}", in the interface's language."""
        self.said.emit(said.format(why=self._why(error)))
        self.refresh_wanted.emit()

    @staticmethod
    def _why(error: BaseException) -> str:
        if isinstance(error, Rejected):
            return "; ".join(p.message for p in error.problems) or str(error)
        if isinstance(error, WorkspaceError):
            return str(error)
        log.error("an action on an update not yet out failed", exc_info=error)
        return translate("PendingActions", "internal error ({kind}: {error})").format(
            kind=type(error).__name__, error=error
        )

    def _window(self) -> QWidget:
        parent = self.parent()
        assert isinstance(parent, QWidget)
        return parent
