"""The floors the desk is measured against besides the bare window (bench/startup.py,
bench/idle.py): what PySide6 alone costs to show what a desk shows.

`with_desk_widgets(BARE)` is the bare window holding the desk's kinds of widgets, built with no
statusdesk code at all: a splitter, a list of 40 incident titles in English and Arabic, a
heading, and two editors (English, and Arabic right to left) holding an update. Qt's namespace
of enums, the widget classes and Arabic text shaping are paid here as the desk pays them. No
desk written with PySide6 that shows a list and a bilingual composer can start sooner or hold
less; how far the desk is above this line is what statusdesk's own code costs.
"""

from __future__ import annotations

DESK_WIDGETS = """
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QListWidget, QPlainTextEdit, QSplitter, QVBoxLayout, QWidget,
)

incidents = QListWidget()
for number in range(40):
    incidents.addItem(f"Card payments failing {number} — فشل مدفوعات البطاقات {number}")
page = QWidget()
column = QVBoxLayout(page)
column.addWidget(QLabel("Card payments failing — Major outage"))
editors = QHBoxLayout()
column.addLayout(editors)
english = QPlainTextEdit("We are investigating failed card payments.")
arabic = QPlainTextEdit("نحقق في فشل مدفوعات البطاقات.")
arabic.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
editors.addWidget(english)
editors.addWidget(arabic)
splitter = QSplitter()
splitter.addWidget(incidents)
splitter.addWidget(page)
window.setCentralWidget(splitter)
"""

DESK_WIDGETS_NAME = "desk's widgets alone (no statusdesk code)"
ANCHOR = "window.resize(1200, 800)\n"


def with_desk_widgets(bare: str) -> str:
    """`bare` (a script that builds `window` and sizes it) with the desk's widgets in it."""
    if ANCHOR not in bare:
        raise ValueError("the bare window's script no longer sizes its window as expected")
    return bare.replace(ANCHOR, ANCHOR + DESK_WIDGETS)
