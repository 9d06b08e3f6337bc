"""Tab order as a list: every window of the app states its order once, in reading order, and
Shift+Tab walks it back (Qt's chain is doubly linked)."""

from __future__ import annotations

import itertools
from collections.abc import Iterable

from PySide6.QtWidgets import QWidget


def set_tab_chain(widgets: Iterable[QWidget]) -> None:
    for first, second in itertools.pairwise(widgets):
        QWidget.setTabOrder(first, second)
