"""Two desks saving one draft (issue #17): the second save is refused by the store (drafts.py
hands the other desk's draft here), and the user chooses what the draft keeps — never a silent
loss of either text:

- Keep mine: this desk's text is saved over theirs (they were seen, and chosen against).
- Take theirs: their text comes into the composer; this desk's goes to the clipboard.
- Keep both: each text field holds mine, then theirs below it (a title: "mine / theirs"), saved
  as one, to be edited down.
- Later (Esc): nothing is written; the question comes back at the next pause in the typing.
  A desk that closes with a question unanswered keeps both (`settle`): neither text is lost.

The question is a message box over the main window, opened without blocking the event loop,
each answer on its own key (Alt+M, Alt+T, Alt+B; Esc)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt, QTimer, SignalInstance
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox

from statusdesk.gui.compose.composer_parts import Slot
from statusdesk.gui.compose.draft_content import local_time, slot_from
from statusdesk.gui.widgets.labels import person
from statusdesk.store.records import SavedDraft

if TYPE_CHECKING:
    from statusdesk.gui.compose.composer import Composer


class Keeper(Protocol):
    """The draft keeper (drafts.py), as the question sees it."""

    conflicted: SignalInstance  # (target, their draft or None), from the writer thread
    said: SignalInstance  # for the status bar

    def resolved(self, target: int | None, theirs: SavedDraft | None, write: bool) -> None: ...


TEXTS = ("title_en", "title_ar", "body_en", "body_ar")
SHOWN_CHARS = 300  # of each of their texts, in the question itself (all of it under Details)


def merged(mine: Slot, theirs: Slot) -> Slot:
    """Mine, with theirs added where it says something mine does not."""
    both = Slot(**{name: getattr(mine, name) for name in Slot.__dataclass_fields__})
    for name in TEXTS:
        own, other = getattr(mine, name), getattr(theirs, name)
        if not other.strip() or other.strip() in own:
            continue
        joined = other if not own.strip() else f"{own} / {other}"
        if name.startswith("body") and own.strip():
            joined = f"{own}\n\n{other}"
        setattr(both, name, joined)
    both.overrides = {**theirs.overrides, **mine.overrides}
    return both


def same_text(mine: Slot, theirs: Slot) -> bool:
    return all(getattr(mine, n).strip() == getattr(theirs, n).strip() for n in TEXTS)


def plain(slot: Slot) -> str:
    return "\n\n".join(getattr(slot, n) for n in TEXTS if getattr(slot, n).strip())


class ConflictPrompt(QObject):
    def __init__(self, composer: Composer, keeper: Keeper, parent: QObject) -> None:
        super().__init__(parent)
        self._composer = composer
        self._keeper = keeper
        self.box: QMessageBox | None = None  # the question, while it is up (tests)
        self.pending: dict[int | None, SavedDraft | None] = {}  # asked, not answered yet
        keeper.conflicted.connect(self._conflicted, Qt.ConnectionType.QueuedConnection)

    def _conflicted(self, target: int | None, theirs: SavedDraft | None) -> None:
        self.pending[target] = theirs
        if self.box is not None:
            return  # one question at a time; a refused write asks again
        mine = self._composer.draft_of(target)
        other = slot_from(theirs.content) if theirs is not None else None
        if other is not None and same_text(mine, other):
            self.pending.pop(target, None)
            self._keeper.resolved(target, theirs, write=False)  # nothing to choose between
            return
        self._ask(target, theirs, mine, other or Slot())

    def _ask(self, target: int | None, theirs: SavedDraft | None, mine: Slot, other: Slot) -> None:
        what = (
            self.tr("the new incident's draft")
            if target is None
            else self.tr("the draft of the update on #{id}").format(id=target)
        )
        box = QMessageBox(self._composer.window())
        box.setIcon(QMessageBox.Icon.Warning)
        # Another desk's name and words: shown as typed, never as markup (the informative and
        # detailed texts take the same format).
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setWindowTitle(self.tr("statusdesk — saved on another desk"))
        if theirs is None:
            box.setText(
                self.tr(
                    "Another desk published or threw away {what} while you were writing it. "
                    "Your text is still here and was not saved over anything."
                ).format(what=what)
            )
        else:
            who = person(theirs.saved_by) or self.tr("Another desk")
            box.setText(
                self.tr(
                    "{who} saved {what} at {when} while you were writing it. Nothing was "
                    "overwritten: choose what the draft keeps."
                ).format(who=who, what=what, when=local_time(theirs.saved_at))
            )
            text = plain(other)
            box.setInformativeText(
                self.tr("Their text: {text}").format(
                    text=text[:SHOWN_CHARS] + ("…" if len(text) > SHOWN_CHARS else "")
                )
            )
            box.setDetailedText(text)
        keep = box.addButton(self.tr("Keep &mine"), QMessageBox.ButtonRole.AcceptRole)
        take = box.addButton(self.tr("Take &theirs"), QMessageBox.ButtonRole.DestructiveRole)
        both = box.addButton(self.tr("Keep &both"), QMessageBox.ButtonRole.ActionRole)
        later = box.addButton(self.tr("&Later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(both)  # loses nothing
        box.setEscapeButton(later)  # Esc never throws a text away
        choices: list[tuple[QAbstractButton, str]] = [
            (keep, "mine"),
            (take, "theirs"),
            (both, "both"),
        ]

        def answered(button: QAbstractButton) -> None:
            choice = next((name for made, name in choices if made is button), "later")
            self.answer(target, theirs, choice, mine, other)

        box.buttonClicked.connect(answered)
        box.finished.connect(self._closed)
        self.box = box
        box.open()
        # No window manager gives a new window focus: it takes it (ARCHITECTURE §8).
        QTimer.singleShot(0, box.raise_)
        QTimer.singleShot(0, box.activateWindow)

    def _closed(self) -> None:
        if self.box is not None:
            self.box.deleteLater()
        self.box = None

    def answer(
        self, target: int | None, theirs: SavedDraft | None, choice: str, mine: Slot, other: Slot
    ) -> None:
        keeper = self._keeper
        if choice != "later":
            self.pending.pop(target, None)
        if choice == "mine":
            keeper.resolved(target, theirs, write=True)
            keeper.said.emit(self.tr("Your text was saved over the other desk's."))
        elif choice == "theirs":
            QApplication.clipboard().setText(plain(mine))
            self._composer.restore_slots({target: other})
            keeper.resolved(target, theirs, write=False)
            keeper.said.emit(self.tr("Their text is in the composer; yours is on the clipboard."))
        elif choice == "both":
            self._composer.restore_slots({target: merged(mine, other)})
            keeper.resolved(target, theirs, write=True)
            keeper.said.emit(self.tr("Both texts are in the composer, theirs below yours."))
        else:
            keeper.said.emit(
                self.tr(
                    "Your draft is not saved: another desk saved it too. You are asked again at "
                    "your next pause."
                )
            )

    def settle(self) -> None:
        """The desk closes with questions unanswered: each draft keeps both texts, saved (the
        keeper writes them before the workspace closes)."""
        if self.box is not None:
            self.box.done(0)  # its buttonClicked is not sent: nothing answered twice
        for target, theirs in list(self.pending.items()):
            other = slot_from(theirs.content) if theirs is not None else None
            self.answer(target, theirs, "both", self._composer.draft_of(target), other or Slot())
