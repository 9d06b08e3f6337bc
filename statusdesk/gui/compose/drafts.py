"""Never lose a draft (issue #8): the composer's drafts are saved to the workspace as they are
typed and come back after a crash, a kill or a power cut, saying so.

Half a second after the typing pauses, every draft changed since the last save is written
(store/drafts.py) — an empty one is removed, as is one that was published. Typing that never
pauses is written too (issue #12 §6): at most MAX_WAIT_MS after the first change not yet
written, so a keystroke is in the workspace within a second of being typed, whatever follows.
The writes run on a serial lane of the session's TaskRunner ("drafts"), one at a time and in
order, and are never dropped: closing the window waits for them (the runner's pool drops queued
work at shutdown, which is right for reads and wrong here; a lane never does). A write that
fails (a full disk, a locked workspace) is said in the status bar and retried with the next
edit; the text stays in the editor either way.

On a team desk the drafts are shared (issue #17), so each write says which revision of the
draft it was based on — the one this desk last saved or read — and the store refuses it when
another desk saved or dropped the draft since. The text then stays in the editor, nothing more
of that draft is written, and `conflicted` hands the other desk's draft to the GUI thread, where
draft_conflict.py asks the user what to keep; their answer comes back through `resolved`.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from statusdesk.app.drafts import DraftConflict
from statusdesk.gui.compose.draft_conflict import ConflictPrompt
from statusdesk.gui.compose.draft_content import local_time, slot_content, slot_from
from statusdesk.store.records import SavedDraft

if TYPE_CHECKING:
    from statusdesk.desk import Desk
    from statusdesk.gui.compose.composer import Composer
    from statusdesk.gui.runtime.tasks import Lane

log = logging.getLogger(__name__)

SAVE_DELAY_MS = 500  # after the last keystroke, when the typing pauses
# After the first change not yet written, however the typing goes on: with the write itself
# (a few ms), a keystroke is kept within a second.
MAX_WAIT_MS = 700


class DraftKeeper(QObject):
    said = Signal(str)  # for the status bar
    _failed = Signal(str)  # from the writer thread, to the GUI thread
    # (target, the other desk's draft or None): a write refused, from the writer thread
    conflicted = Signal(object, object)
    # (target, a draft another desk saved since, this desk's writes of it then), likewise
    _newer = Signal(object, object, int)
    _written = Signal()  # from the listener's thread: someone wrote to the workspace

    def __init__(
        self, composer: Composer, desk: Desk, lane: Lane, parent: QObject | None = None
    ) -> None:
        """`lane`: where the writes run, in order (TaskRunner.lane)."""
        super().__init__(parent)
        self._composer = composer
        self._desk = desk
        self._writer = lane
        self._closed = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self._deadline = QTimer(self)  # started by the first change after a save, never moved
        self._deadline.setSingleShot(True)
        self._deadline.setInterval(MAX_WAIT_MS)
        self._deadline.timeout.connect(self.flush)
        composer.draft_changed.connect(self._changed)
        self._failed.connect(self.said)
        self._told_failure = False
        # The writer thread's own: each target's revision as this desk last saved or read it
        # (absent: none known), and the targets whose writes wait for the user's answer.
        self._revisions: dict[int | None, str | None] = {}
        self._held: dict[int | None, SavedDraft | None] = {}
        self._writes: dict[int | None, int] = {}  # the GUI thread's: writes given, by target
        self.prompt = ConflictPrompt(composer, self, self)  # asks, on the GUI thread
        # A team desk shows another desk's newer save of the draft it has open, unless it has
        # edits of its own not yet saved (their next save asks instead).
        if desk.drafts.shared() and desk.views.when_written(self._on_written):
            self._newer.connect(self._adopt, Qt.ConnectionType.QueuedConnection)
            self._written.connect(self.look, Qt.ConnectionType.QueuedConnection)
            composer.target_changed.connect(self.look)

    # -- saving -----------------------------------------------------------------------------------

    def _changed(self) -> None:
        """A keystroke: the pause timer starts again; the deadline runs on from the first
        change not yet written."""
        self._timer.start()
        if not self._deadline.isActive():
            self._deadline.start()

    def flush(self) -> None:
        """Write every draft changed since the last flush (now, not after the pause)."""
        self._timer.stop()
        self._deadline.stop()
        if self._closed:
            return
        for target, slot in self._composer.take_dirty():
            self._writes[target] = self._writes.get(target, 0) + 1
            content = slot_content(slot) if slot.has_text() else None
            self._submit(partial(self._write, target, content))

    def discard_all(self) -> None:
        """The user chose to throw their drafts away (quit without keeping them): those this
        desk saved or read, as it knew them — on a team desk another desk's newer text stays."""
        self._timer.stop()
        self._deadline.stop()
        self._composer.take_dirty()  # nothing of them is to be written any more
        self.prompt.pending.clear()  # nor kept as both at close
        self._submit(self._drop_known)

    def _drop_known(self) -> None:
        for target, revision in list(self._revisions.items()):
            if revision is None:
                continue
            # Newer text from another desk (DraftConflict): theirs to throw away, not ours.
            with contextlib.suppress(DraftConflict):
                self._desk.drafts.drop(target, revision)

    def _submit(self, write: Callable[[], None]) -> None:
        self._writer.submit(partial(self._guarded, write))

    def _guarded(self, write: Callable[[], None]) -> None:
        try:
            write()
            self._told_failure = False
        except Exception as error:  # a full disk, a locked or read-only workspace
            log.warning("draft not saved: %s", error)
            if not self._told_failure:
                self._told_failure = True
                self._failed.emit(
                    self.tr(
                        "Your draft could not be saved to the workspace ({error}); it is still "
                        "in the editor — keep the window open."
                    ).format(error=error)
                )

    def _write(self, target: int | None, content: dict[str, Any] | None) -> None:
        if target in self._held:  # the user has not answered yet: ask again, write nothing
            self.conflicted.emit(target, self._held[target])
            return
        based_on = self._revisions.get(target)
        try:
            if content is not None:
                self._revisions[target] = self._desk.drafts.save(target, content, based_on)
            elif based_on is not None:  # nothing kept by this desk: nothing to drop
                self._desk.drafts.drop(target, based_on)
                self._revisions[target] = None
        except DraftConflict as conflict:
            self._held[target] = conflict.theirs
            self.conflicted.emit(target, conflict.theirs)

    # -- another desk's newer save (a team desk) --------------------------------------------------

    def _on_written(self) -> None:
        with contextlib.suppress(RuntimeError):  # a window already gone
            self._written.emit()

    def look(self) -> None:
        """Whether another desk saved the open draft since this one last saved or read it."""
        if not self._closed:
            target = self._composer.target
            self._submit(partial(self._fetch, target, self._writes.get(target, 0)))

    def _fetch(self, target: int | None, writes: int) -> None:
        if target in self._held:
            return
        kept = self._desk.drafts.saved_one(target)
        if kept is not None and kept.revision != self._revisions.get(target):
            self._newer.emit(target, kept, writes)

    def _adopt(self, target: int | None, kept: SavedDraft, writes: int) -> None:
        """Their newer text into the composer — only when nothing typed here is unsaved or on
        its way since the look: every revision saved after this desk's own was based on it, so
        nothing is lost."""
        slot = slot_from(kept.content)
        if self._closed or slot is None or self._timer.isActive():
            return
        if self._composer.unsaved(target) or self._writes.get(target, 0) != writes:
            return  # typed meanwhile: the next save is refused and asks
        self._composer.restore_slots({target: slot})
        self._writer.submit(partial(self._resolved, target, kept))
        self.said.emit(
            self.tr("{who} saved this draft on another desk; it is shown as they left it.").format(
                who=kept.saved_by or self.tr("Someone")
            )
        )

    def resolved(self, target: int | None, theirs: SavedDraft | None, write: bool) -> None:
        """The user answered (draft_conflict.py): the draft now goes on from `theirs`; `write`:
        what the composer holds for `target` is saved over it now."""
        self._writer.submit(partial(self._resolved, target, theirs))
        if write:
            self._composer.mark_changed(target)
            self.flush()

    def _resolved(self, target: int | None, theirs: SavedDraft | None) -> None:
        self._held.pop(target, None)
        self._revisions[target] = theirs.revision if theirs is not None else None

    # -- restoring --------------------------------------------------------------------------------

    def restore(self, kept: list[SavedDraft]) -> str | None:
        """Put kept drafts back into the composer; what to tell the user (None: nothing kept)."""
        self._writer.submit(partial(self._known, {d.target: d.revision for d in kept}))
        slots = {}
        for draft in kept:
            slot = slot_from(draft.content)
            if slot is not None and slot.has_text():
                slots[draft.target] = slot
        if not slots:
            return None
        self._composer.restore_slots(slots)
        newest = max(d.saved_at for d in kept if d.target in slots)
        when = local_time(newest)
        names = [
            self.tr("a new incident's (Ctrl+N)")
            if target is None
            else self.tr("the update on #{id}").format(id=target)
            for target in slots
        ]
        if len(names) == 1:
            return self.tr(
                "Restored your unpublished draft ({what}), as last saved at {when}: "
                "nothing of it was published."
            ).format(what=names[0], when=when)
        what = self.tr("{some} and {last}").format(some=", ".join(names[:-1]), last=names[-1])
        return self.tr(
            "Restored your unpublished drafts ({what}), as last saved at {when}: "
            "nothing of it was published."
        ).format(what=what, when=when)

    def _known(self, revisions: dict[int | None, str | None]) -> None:
        for target, revision in revisions.items():
            self._revisions.setdefault(target, revision)

    def close(self) -> None:
        """Write what is pending and wait for the writes: nothing typed is lost at quit."""
        if self._closed:
            return
        self.prompt.settle()  # a question left unanswered keeps both texts
        self.flush()
        self._closed = True
        self._writer.close()
