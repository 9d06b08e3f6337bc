"""The small popups every feature builds from, and the one slot they are shown in.

- `FocusPopup`: a window-modal dialog over the main window that takes the keyboard itself
  (ARCHITECTURE §8: under a bare X server no window manager gives a new window focus) and gives it
  back however it closes; Esc closes it and changes nothing.
- `DeliveryChooser`: which one, when several deliveries (or updates not yet out) qualify.
- `ConfirmPopup`: "are you sure" before something that cannot be undone.
- `PopupSlot`: the one popup of the desk at a time.

They only ask. The controller that opened one runs the decision on its TaskRunner.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from statusdesk.gui.widgets.text import muted
from statusdesk.gui.widgets.theme import Role

translate = QCoreApplication.translate
PROBLEM_COLOUR = Role.PROBLEM  # a colour role (widgets/theme.py)


class Choice(Protocol):
    """What a chooser lists: a delivery, or an update not yet out (scheduling.py)."""

    def describe(self, now: datetime) -> str: ...


def is_enter(event: QEvent) -> bool:
    """Return or Enter pressed: what a popup's list filters to accept its row, the same on
    every platform (a list view's own Enter handling differs on macOS)."""
    return (
        event.type() == QEvent.Type.KeyPress
        and isinstance(event, QKeyEvent)
        and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
    )


class FocusPopup(QDialog):
    """A window-modal dialog over the main window that takes the keyboard when it opens and,
    however it closes (Enter, Esc, a button), returns it to the widget that had it."""

    def __init__(self, parent: QWidget, title: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(" — ".join(("statusdesk", title)))  # the app's name: no words
        self._return_focus: QWidget | None = None
        self.finished.connect(self._give_focus_back)

    def first_focus(self) -> QWidget:
        return self

    def open_over(self, return_focus: QWidget | None) -> None:
        self._return_focus = return_focus
        self.open()  # window-modal, returns at once: the event loop is never nested
        self.raise_()
        self.activateWindow()
        self.first_focus().setFocus(Qt.FocusReason.PopupFocusReason)

    def _give_focus_back(self) -> None:
        target, self._return_focus = self._return_focus, None
        owner = self.parentWidget()
        if owner is not None:
            window = owner.window()
            window.raise_()
            window.activateWindow()
        if target is None:
            return
        # The widget that had the keyboard may be gone (the view was rebuilt meanwhile).
        with contextlib.suppress(RuntimeError):
            target.setFocus(Qt.FocusReason.PopupFocusReason)


class DeliveryChooser(FocusPopup):
    """Several deliveries (or, with `noun`, other things) need a decision: a list to pick one.
    Up/Down move, Enter acts, Esc cancels. `chosen` is emitted after the keyboard is back on
    the main window."""

    chosen = Signal(object)  # the DeliveryTarget (or the Choice given)

    def __init__(
        self,
        parent: QWidget,
        verb: str,
        targets: Sequence[Choice],
        now: datetime,
        *,
        noun: str = "delivery",
    ) -> None:
        if noun == "update":
            title = translate("Popups", "{verb} which update?")
            ask = translate("Popups", "{verb} which update? ↑/↓ to choose, Enter to {action}, Esc.")
        else:
            title = translate("Popups", "{verb} which delivery?")
            ask = translate(
                "Popups", "{verb} which delivery? ↑/↓ to choose, Enter to {action}, Esc."
            )
        super().__init__(parent, title.format(verb=verb))
        self.setObjectName("delivery-chooser")
        self.targets = list(targets)
        layout = QVBoxLayout(self)
        prompt = QLabel(ask.format(verb=verb, action=verb.lower()))
        prompt.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(prompt)
        self.list = QListWidget()
        self.list.setObjectName("delivery-choices")
        self.list.setAccessibleName(title.format(verb=verb).rstrip("?؟"))
        for target in self.targets:
            item = QListWidgetItem(target.describe(now))
            item.setToolTip(target.describe(now))
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.installEventFilter(self)
        self.list.itemActivated.connect(self.accept)  # a double click
        prompt.setBuddy(self.list)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(verb)
        # Said here, not left to Qt's own translations, which an install may lack.
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            translate("Popups", "Cancel")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        width = max(480, self.list.sizeHintForColumn(0) + 40)
        self.resize(min(width, 900), self.sizeHint().height())

    def first_focus(self) -> QWidget:
        return self.list

    def current(self) -> Choice | None:
        row = self.list.currentRow()
        return self.targets[row] if 0 <= row < len(self.targets) else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter acts on the current row on every platform (a list view's own Enter handling
        # differs on macOS), and only once: the list does not see it.
        if watched is self.list and is_enter(event):
            self.accept()
            return True
        return False

    def accept(self) -> None:
        if not self.isVisible():
            return
        target = self.current()
        super().accept()
        if target is not None:
            self.chosen.emit(target)


class ConfirmPopup(FocusPopup):
    """A question with two answers; Enter takes the first (`yes`), Esc the second."""

    confirmed = Signal()

    def __init__(
        self, parent: QWidget, *, title: str, question: str, detail: str, yes: str, no: str
    ) -> None:
        super().__init__(parent, title)
        self.setObjectName("confirm-popup")
        layout = QVBoxLayout(self)
        self.question = QLabel(question)
        self.question.setObjectName("confirm-question")
        self.question.setTextFormat(Qt.TextFormat.PlainText)
        self.question.setWordWrap(True)
        layout.addWidget(self.question)
        what = muted(QLabel(detail))
        what.setTextFormat(Qt.TextFormat.PlainText)
        what.setWordWrap(True)
        layout.addWidget(what)
        buttons = QDialogButtonBox()
        self.yes = QPushButton(yes)
        self.yes.setObjectName("confirm-yes")
        self.yes.setDefault(True)
        self.yes.setAccessibleDescription(f"{question} {detail}")
        self.no = QPushButton(no)
        self.no.setObjectName("confirm-no")
        buttons.addButton(self.yes, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.no, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        QWidget.setTabOrder(self.yes, self.no)
        self.resize(520, self.sizeHint().height())

    def first_focus(self) -> QWidget:
        return self.yes

    def accept(self) -> None:
        if not self.isVisible():
            return
        super().accept()
        self.confirmed.emit()


class PopupSlot:
    """The one small popup of the desk (a chooser, a reason, a time picker): showing another
    closes the one up, so two never stack over the window. Shared by the controllers that ask
    something of the person, so each of them is given the slot, not the window."""

    def __init__(self) -> None:
        self._popup: FocusPopup | None = None

    @property
    def current(self) -> FocusPopup | None:
        """The popup last shown (None before the first)."""
        return self._popup

    def show(self, popup: FocusPopup, return_focus: QWidget | None) -> None:
        if self._popup is not None:
            self._popup.close()
            self._popup.deleteLater()
        self._popup = popup
        popup.open_over(return_focus)

    def close(self) -> None:
        if self._popup is not None:
            self._popup.close()
