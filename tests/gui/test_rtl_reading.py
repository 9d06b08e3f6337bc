"""Issue #16, the Arabic layout: the Arabic editor first in reading order in an Arabic interface
(on the right, first for Tab), the English one first in English; each editor keeps its own
direction and the keys that go to "the English editor" still go to the English one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget

from statusdesk.gui.i18n import language
from tests.gui.conftest import WindowFactory
from tests.gui.keys import focused, press


@pytest.fixture
def speaking(qapp: QApplication) -> Iterator[list[language.Installed]]:
    installed: list[language.Installed] = []
    yield installed
    for done in installed:
        done.remove(qapp)
    qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def x_of(widget: QWidget) -> int:
    return widget.mapTo(widget.window(), QPoint(0, 0)).x()


def tab_walk(start: QWidget, steps: int) -> list[QWidget]:
    start.setFocus(Qt.FocusReason.OtherFocusReason)
    QApplication.processEvents()
    seen = [focused()]
    for _ in range(steps):
        press("Tab")
        seen.append(focused())
    return seen


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_interface_language_comes_first_in_the_composer(
    qapp: QApplication,
    home: Path,
    active_incident: int,
    launch: WindowFactory,
    speaking: list[language.Installed],
    lang: str,
) -> None:
    speaking.append(language.install(qapp, lang))
    window = launch()
    composer = window.composer
    press("Ctrl+N")  # a new incident: the titles are shown too
    first, second = ("ar", "en") if lang == "ar" else ("en", "ar")
    titles = {"en": composer.title_en, "ar": composer.title_ar}
    bodies = {"en": composer.body_en, "ar": composer.body_ar}
    # Ctrl+N starts at the first title, and the status line says the order.
    assert focused() is titles[first]
    said = window.status_line.message.full_text
    assert said.index({"en": "English", "ar": "العربي"}[first]) < said.index(
        {"en": "Arabic", "ar": "الإنجليزي"}[first]
    ), said
    # Tab reads the first language's title, the other's, then the bodies in the same order.
    walked = tab_walk(titles[first], 3)
    assert walked == [titles[first], titles[second], bodies[first], bodies[second]]
    # Shift+Tab walks it back.
    press("Shift+Tab")
    assert focused() is bodies[first]
    # On screen the first language sits at the reading start: the right in Arabic, the left
    # in English — so the Arabic editor is on the right of the English one either way.
    for pair in (bodies, titles):
        assert x_of(pair["ar"]) > x_of(pair["en"])
    # A screen reader meets them in the same order (Qt lists a widget's children in order).
    for pair in (bodies, titles):
        siblings = pair["en"].parentWidget().children()
        assert siblings.index(pair[first]) < siblings.index(pair[second])
    # Each editor keeps its own direction, whatever the interface's.
    assert composer.body_en.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert composer.body_ar.layoutDirection() == Qt.LayoutDirection.RightToLeft
    # Ctrl+U still means "the English editor", Ctrl+L the other language.
    window.list.setFocus()
    press("Ctrl+U")
    assert focused() is composer.body_en
    press("Ctrl+L")
    assert focused() is composer.body_ar


def test_the_preview_shows_the_interface_language_first(
    qapp: QApplication, speaking: list[language.Installed]
) -> None:
    from statusdesk.gui.widgets.reading import in_reading_order

    copies = [("en", 1), ("both", 2), ("ar", 3)]
    assert in_reading_order(copies, lambda c: c[0]) == (("en", 1), ("ar", 3), ("both", 2))
    speaking.append(language.install(qapp, "ar"))
    assert in_reading_order(copies, lambda c: c[0]) == (("ar", 3), ("en", 1), ("both", 2))
