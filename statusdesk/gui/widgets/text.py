"""Text in a label, shown the same way everywhere."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel


def muted(label: QLabel, colour: str = "#4b5563") -> QLabel:
    """Secondary text. A palette, not a style sheet: a style sheet per label makes Qt re-style
    each one on its own, which cost most of the time to show an incident of 20 updates."""
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
    label.setPalette(palette)
    return label


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Marks `source` for pyside6-lupdate in `context` and returns it unchanged, for a table
    translated where it is shown (PySide6's own is typed to return `object`)."""
    return source
