"""Keyboard input as a person gives it: to whatever widget has the focus.

`qtbot.keyClicks` aborts the process on text outside Latin-1 (Qt's test key mapping), so other
text goes one QKeyEvent per character, which is what an input method delivers.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(sequence: str) -> None:
    """A key combination like "Ctrl+U" or "Alt+Down", through Qt's shortcut machinery."""
    combination = QKeySequence(sequence)[0]
    QTest.keyClick(focused(), combination.key(), combination.keyboardModifiers())
    QApplication.processEvents()


def type_text(text: str) -> None:
    for ch in text:
        target = focused()
        if ch.isascii():
            QTest.keyClicks(target, ch)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))
    QApplication.processEvents()
