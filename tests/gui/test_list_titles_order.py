"""Issue #16: the list shows both titles of an incident one above the other in the interface's
reading order — English first in English, Arabic first in Arabic — each from its own side.
Looked at as pixels: a short title's ink sits at its own side of the line it is on."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from statusdesk.gui.i18n import language
from statusdesk.gui.incidents.incident_list import TITLE_EN
from tests.gui.conftest import WindowFactory, open_incident


@pytest.fixture(params=["en", "ar"])
def interface(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    installed = language.install(qapp, request.param)
    yield request.param
    installed.remove(qapp)
    qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def ink_sides(image: QImage, box: QRect) -> str:
    """'left', 'right' or 'none': where the dark pixels of `box` lie."""
    background = QColor(image.pixel(box.right() - 1, box.top() + 1)).lightness()
    xs = [
        x
        for x in range(box.left(), box.right())
        for y in range(box.top(), box.bottom())
        if abs(QColor(image.pixel(x, y)).lightness() - background) > 80
    ]
    if not xs:
        return "none"
    middle = box.left() + box.width() // 2
    return "left" if max(xs) < middle else "right" if min(xs) > middle else "both"


def test_the_titles_are_in_the_interfaces_reading_order(
    home: Path, launch: WindowFactory, interface: str
) -> None:
    open_incident(home, ("Outage", "عطل"), ("Down.", "متوقف."))
    window = launch()
    view = window.list
    view.setColumnWidth(TITLE_EN, 320)
    view.clearSelection()
    cell = view.visualRect(view.model().index(0, TITLE_EN))
    image = view.viewport().grab().toImage()
    upper = QRect(cell.left() + 4, cell.top() + 2, cell.width() - 8, cell.height() // 2 - 2)
    lower = QRect(upper.left(), cell.top() + cell.height() // 2, upper.width(), upper.height())
    expected = ("left", "right") if interface == "en" else ("right", "left")
    assert (ink_sides(image, upper), ink_sides(image, lower)) == expected


def test_the_list_keeps_its_gap_at_the_windows_outer_edge(
    home: Path, launch: WindowFactory, interface: str
) -> None:
    """Qt mirrors a layout's items, not its margins: in Arabic the list's 6 px gap had moved to
    the splitter's side and its right border lay a pixel past the window's (cut in the 200 %
    screenshot, with the State column's words)."""
    window = launch()
    left = window.list.mapTo(window, QPoint(0, 0)).x()
    right = left + window.list.width()
    outer = left if interface == "en" else window.width() - right
    # 6 px; in a right-to-left window Qt's splitter lays its first part out one pixel past its
    # own right edge, which leaves 5 there.
    assert outer >= 5
    assert left > 0 and right < window.width()
