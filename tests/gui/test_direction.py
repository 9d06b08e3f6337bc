"""Each editor keeps its language's direction whatever the app's, and Arabic really sits on the
right (an RTL QPlainTextEdit is left-aligned unless pinned, and AlignRight alone is mirrored)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget

from tests.gui.conftest import WindowFactory
from tests.gui.keys import press, type_text


def ink_columns(widget: QWidget) -> tuple[int, int]:
    """Leftmost and rightmost x of dark pixels (text) inside the widget's viewport."""
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    left, right = image.width(), -1
    for y in range(4, image.height() - 4):
        for x in range(4, image.width() - 4):
            if image.pixelColor(x, y).lightness() < 110:
                left, right = min(left, x), max(right, x)
    assert right >= 0, "no text drawn"
    return left, right


@pytest.fixture(params=[Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft])
def app_direction(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[object]:
    before = qapp.layoutDirection()
    qapp.setLayoutDirection(request.param)
    yield request.param
    qapp.setLayoutDirection(before)


def test_editors_keep_their_direction_and_side(
    qtbot, home: Path, active_incident: int, launch: WindowFactory, app_direction: object
) -> None:
    window = launch()
    composer = window.composer
    press("Ctrl+U")
    type_text("Short")
    press("Ctrl+L")
    type_text("نص قصير")
    qtbot.wait(50)
    for editor, direction in (
        (composer.body_en, Qt.LayoutDirection.LeftToRight),
        (composer.body_ar, Qt.LayoutDirection.RightToLeft),
    ):
        assert editor.layoutDirection() == direction
        assert editor.document().defaultTextOption().textDirection() == direction
    width = composer.body_ar.viewport().width()
    en_left, en_right = ink_columns(composer.body_en.viewport())
    ar_left, ar_right = ink_columns(composer.body_ar.viewport())
    assert en_left < 20 and en_right < width / 2  # English hugs the left edge
    assert ar_right > width - 20 and ar_left > width / 2  # Arabic hugs the right edge
