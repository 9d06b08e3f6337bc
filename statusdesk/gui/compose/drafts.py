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
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from statusdesk.core.model import ComponentStatus, Impact, IncidentKind, IncidentState
from statusdesk.gui.compose.composer_parts import Slot
from statusdesk.gui.widgets.reading import numerals
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


def slot_content(slot: Slot) -> dict[str, Any]:
    return {
        "title_en": slot.title_en,
        "title_ar": slot.title_ar,
        "kind": slot.kind.value,
        "body_en": slot.body_en,
        "body_ar": slot.body_ar,
        "state": slot.state.value if slot.state else None,
        "impact": slot.impact.value if slot.impact else None,
        "components": (
            {name: status.value for name, status in slot.components.items()}
            if slot.components is not None
            else None
        ),
        "overrides": dict(slot.overrides),
        # Ticks that differ from every enabled channel (#12 §1); absent: the default.
        "channels": dict(slot.channel_choice),
    }


def slot_from(content: dict[str, Any]) -> Slot | None:
    """A kept draft as a composer slot; None when it cannot be read (a newer version's shape)."""
    try:
        components = content.get("components")
        return Slot(
            title_en=str(content.get("title_en", "")),
            title_ar=str(content.get("title_ar", "")),
            kind=IncidentKind(content.get("kind", IncidentKind.INCIDENT.value)),
            body_en=str(content.get("body_en", "")),
            body_ar=str(content.get("body_ar", "")),
            state=IncidentState(content["state"]) if content.get("state") else None,
            impact=Impact(content["impact"]) if content.get("impact") else None,
            components=(
                {str(n): ComponentStatus(s) for n, s in components.items()}
                if isinstance(components, dict)
                else None
            ),
            overrides={str(k): str(v) for k, v in dict(content.get("overrides") or {}).items()},
            channel_choice={
                str(k): bool(v) for k, v in dict(content.get("channels") or {}).items()
            },
        )
    except (TypeError, ValueError, AttributeError):
        return None


class DraftKeeper(QObject):
    said = Signal(str)  # for the status bar
    _failed = Signal(str)  # from the writer thread, to the GUI thread

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
            content = slot_content(slot) if slot.has_text() else None
            self._submit(partial(self._write, target, content))

    def discard_all(self) -> None:
        """The user chose to throw every draft away (quit without keeping them)."""
        self._timer.stop()
        self._deadline.stop()
        self._composer.take_dirty()  # nothing of them is to be written any more
        self._submit(self._desk.drafts.drop_all)

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
        if content is None:
            self._desk.drafts.drop(target)
        else:
            self._desk.drafts.save(target, content)

    # -- restoring --------------------------------------------------------------------------------

    def restore(self, kept: list[SavedDraft]) -> str | None:
        """Put kept drafts back into the composer; what to tell the user (None: nothing kept)."""
        slots = {}
        for draft in kept:
            slot = slot_from(draft.content)
            if slot is not None and slot.has_text():
                slots[draft.target] = slot
        if not slots:
            return None
        self._composer.restore_slots(slots)
        newest = max(d.saved_at for d in kept if d.target in slots)
        when = _local_time(newest)
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

    def close(self) -> None:
        """Write what is pending and wait for the writes: nothing typed is lost at quit."""
        if self._closed:
            return
        self.flush()
        self._closed = True
        self._writer.close()


def _local_time(iso_text: str) -> str:
    try:
        moment = datetime.fromisoformat(iso_text.replace("Z", "+00:00"))
    except ValueError:
        return iso_text
    return numerals(moment.astimezone().strftime("%H:%M"))
