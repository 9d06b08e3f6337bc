"""Text in a label, shown the same way everywhere."""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtWidgets import QLabel

from statusdesk.gui.widgets.theme import Role, paint_text


def muted(label: QLabel, colour: str = Role.MUTED) -> QLabel:
    """Secondary text, or text in `colour`: a colour role of widgets/theme.py (kept through
    scheme changes) or a "#rrggbb". A palette, not a style sheet: a style sheet per label makes
    Qt re-style each one on its own, which cost most of the time to show an incident of 20
    updates."""
    paint_text(label, colour)
    return label


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Marks `source` for pyside6-lupdate in `context` and returns it unchanged, for a table
    translated where it is shown (PySide6's own is typed to return `object`)."""
    return source


def plain_tooltip(text: str) -> str:
    """`text` for setToolTip, shown as the characters it holds. Qt takes a tooltip that looks
    like HTML for rich text, and a tooltip may carry a server's words ("answered 400: <b>…"),
    a name or a placeholder someone typed: such a text is escaped, any other left as it is."""
    if not QtGui.Qt.mightBeRichText(text):
        return text
    return QtGui.Qt.convertFromPlainText(text, QtGui.Qt.WhiteSpaceMode.WhiteSpaceNormal)
