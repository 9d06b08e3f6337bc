"""A dialog that pops up over the window with the keyboard and gives it back when it closes.

Under a bare X server no window manager moves the focus for us either way (ARCHITECTURE §8): the
dialog raises and activates itself when shown, and on closing (Esc, Close) re-activates the
window it came from and puts the keyboard back on the widget that had it.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QApplication, QDialog, QWidget


class KeyboardDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._return_focus: QWidget | None = None
        self.first_focus: QWidget | None = None  # set by the subclass: where the keys land

    def showEvent(self, event: QShowEvent) -> None:
        if self._return_focus is None:
            had = QApplication.focusWidget()
            self._return_focus = had if had is not None and had.window() is not self else None
        super().showEvent(event)
        QTimer.singleShot(0, self.take_focus)

    def take_focus(self) -> None:
        self.raise_()
        self.activateWindow()
        if self.first_focus is not None:
            self.first_focus.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def done(self, result: int) -> None:
        target, self._return_focus = self._return_focus, None
        super().done(result)
        if target is None:
            return
        with contextlib.suppress(RuntimeError):  # the widget that had it is gone
            window = target.window()
            window.raise_()
            window.activateWindow()
            target.setFocus(Qt.FocusReason.PopupFocusReason)
