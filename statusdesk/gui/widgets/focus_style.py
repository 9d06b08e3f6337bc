"""Focus that shows on every input (issue #6: "focus is always visible").

Fusion, the style Qt falls back on, marks the keyboard focus on line edits, combo boxes, check
boxes and tabs, and on the current row of a list or table; but not everywhere:

- the frame of a text editor, a text browser, a scroll area, or a list with no row yet, looks
  the same with the focus as without it: Tab lands in the English update and nothing says so;
- a focused push button is drawn as the dialog's default button, and the default button looks
  so whether it has the focus or not: Tab from the schedule picker's field to its Schedule
  button changes nothing on the button.

This proxy draws such a frame in the highlight colour while it has the focus, as Fusion does a
line edit's, and a ring inside a push button that has the keyboard (only after a key moved the
focus, as Fusion's own focus marks). It changes those two primitives alone, over the style the
app would use anyway (what the platform or QT_STYLE_OVERRIDE chose), so the look is otherwise
untouched and start-up pays for no style sheet.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QProxyStyle,
    QPushButton,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QWidget,
)

FRAME = QStyle.PrimitiveElement.PE_Frame
BUTTON = QStyle.PrimitiveElement.PE_PanelButtonCommand
HAS_FOCUS = QStyle.StateFlag.State_HasFocus
BY_KEY = QStyle.StateFlag.State_KeyboardFocusChange
RING_INSET = 3  # pixels inside a button's edge: clear of the default button's highlighted edge


class FocusFrameStyle(QProxyStyle):
    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element not in (FRAME, BUTTON) or not option.state & HAS_FOCUS:
            return
        if element == FRAME and isinstance(widget, QAbstractScrollArea):
            # Over the frame's own line: the viewport covers everything inside it.
            rect = option.rect.adjusted(0, 0, -1, -1)
        elif element == BUTTON and option.state & BY_KEY and isinstance(widget, QPushButton):
            inset = RING_INSET
            rect = option.rect.adjusted(inset, inset, -inset - 1, -inset - 1)
        else:
            return  # a combo box draws its body as a button panel, and shows focus already
        painter.save()
        painter.setPen(QPen(option.palette.highlight().color(), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect)
        painter.restore()


def install(app: QApplication) -> None:
    """Put the proxy over the app's style (once; before any widget exists, nothing repolishes)."""
    if isinstance(app.style(), FocusFrameStyle):
        return
    base = QStyleFactory.create(app.style().name())
    app.setStyle(FocusFrameStyle(base))
