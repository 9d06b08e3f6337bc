"""Waiting for review (issue #17): the updates submitted while `review.required` is on, each with
who wrote it, when, its channels, when it would go out, and both texts exactly as submitted.

↑/↓ choose one; the approve key publishes it as submitted (never the desk's own), the return
key asks for a comment and sends it back; Esc closes. The window only shows and asks: the
controller (review_desk.py) reads and decides on the TaskRunner."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from statusdesk.gui.keys.actions import active_keymap, shown_key
from statusdesk.gui.widgets.forms import tell
from statusdesk.gui.widgets.popups import FocusPopup
from statusdesk.gui.wording import review_words
from statusdesk.store.reviews import Review


def _plain(label: QLabel, name: str) -> QLabel:
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ReviewWindow(FocusPopup):
    approve_wanted = Signal(object)  # the Review chosen
    return_wanted = Signal(object)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, self.tr("waiting for review"))
        self.setObjectName("review-window")
        self.reviews: list[Review] = []
        layout = QVBoxLayout(self)
        self.intro = _plain(QLabel(""), "review-intro")
        layout.addWidget(self.intro)
        self.list = QListWidget()
        self.list.setObjectName("review-list")
        self.list.setAccessibleName(self.tr("Updates waiting for review"))
        self.list.currentRowChanged.connect(self._show_current)
        layout.addWidget(self.list)
        self.empty = _plain(QLabel(self.tr("No update is waiting for review.")), "review-empty")
        layout.addWidget(self.empty)
        self.facts = _plain(QLabel(""), "review-facts")
        layout.addWidget(self.facts)
        self.english = _plain(QLabel(""), "review-english")
        self.english.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.english.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.english.setAccessibleName(self.tr("English text as submitted"))
        layout.addWidget(self.english)
        self.arabic = _plain(QLabel(""), "review-arabic")
        self.arabic.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.arabic.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.arabic.setAccessibleName(self.tr("Arabic text as submitted"))
        layout.addWidget(self.arabic)
        self.problem = _plain(QLabel(""), "review-problem")
        self.problem.hide()
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        self.approve_button = QPushButton("")
        self.approve_button.setObjectName("review-approve")
        self.approve_button.setAutoDefault(False)
        self.return_button = QPushButton("")
        self.return_button.setObjectName("review-return")
        self.return_button.setAutoDefault(False)
        for button in (self.approve_button, self.return_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.approve_button.clicked.connect(self._approve)
        self.return_button.clicked.connect(self._return)
        layout.addWidget(buttons)
        # The same keys as in the main window (the keymap's), here where the keyboard is.
        self.approve_action = self._action("approve-review", self._approve)
        self.return_action = self._action("return-review", self._return)
        self.keys_changed()
        self.show_reviews([])

    def _action(self, command: str, run: Callable[[], None]) -> QAction:
        action = QAction(self)
        action.setObjectName(f"review-{command}")
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(run)
        self.addAction(action)
        return action

    def keys_changed(self) -> None:
        """The keys as the keymap has them now (a rebinding follows)."""
        keymap = active_keymap()
        self.approve_action.setShortcut(QKeySequence(keymap.key("approve-review")))
        self.return_action.setShortcut(QKeySequence(keymap.key("return-review")))
        approve, back = shown_key("approve-review"), shown_key("return-review")
        self.approve_button.setText(self.tr("&Approve and publish ({key})").format(key=approve))
        self.return_button.setText(self.tr("Re&turn with a comment… ({key})").format(key=back))
        self.intro.setText(
            self.tr(
                "Updates waiting for a second pair of eyes, oldest first. ↑/↓ to choose, "
                "{approve} approves (it goes out exactly as shown), {back} returns it to its "
                "author with a comment, Esc closes."
            ).format(approve=approve, back=back)
        )

    def first_focus(self) -> QWidget:
        return self.list

    # -- showing ------------------------------------------------------------------------------

    def show_reviews(self, reviews: Sequence[Review]) -> None:
        """The reviews waiting now; the one chosen stays chosen while it still waits."""
        chosen = self.current()
        self.reviews = list(reviews)
        self.list.blockSignals(True)
        self.list.clear()
        row = 0
        for index, review in enumerate(self.reviews):
            item = QListWidgetItem(review_words.heading(review))
            item.setData(Qt.ItemDataRole.UserRole, review.id)
            self.list.addItem(item)
            if chosen is not None and review.id == chosen.id:
                row = index
        self.list.blockSignals(False)
        has = bool(self.reviews)
        self.empty.setVisible(not has)  # the list stays: it has the keyboard
        for part in (self.facts, self.english, self.arabic):
            part.setVisible(has)
        self.approve_button.setEnabled(has)
        self.return_button.setEnabled(has)
        if has:
            self.list.setCurrentRow(row)
        self._show_current(self.list.currentRow())

    def current(self) -> Review | None:
        row = self.list.currentRow()
        return self.reviews[row] if 0 <= row < len(self.reviews) else None

    def _show_current(self, _row: int) -> None:
        review = self.current()
        if review is None:
            for part in (self.facts, self.english, self.arabic):
                part.setText("")
            return
        self.facts.setText("\n".join(review_words.facts(review)))
        english, arabic = review_words.texts(review)
        self.english.setText(english)
        self.arabic.setText(arabic)

    def refuse(self, message: str) -> None:
        """Why the last approval or return did not happen, under the texts."""
        tell(self.problem, message, problem=True)

    def clear_refusal(self) -> None:
        self.problem.hide()

    # -- asking -------------------------------------------------------------------------------

    def _approve(self) -> None:
        review = self.current()
        if review is not None:
            self.approve_wanted.emit(review)

    def _return(self) -> None:
        review = self.current()
        if review is not None:
            self.return_wanted.emit(review)
