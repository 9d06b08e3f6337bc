"""Issue #16: Alt+Left / Alt+Right go Back and Forward through the incidents shown — and in an
Arabic interface they are swapped, since back points right there (keys/bindings.py
default_key); the cheat sheet and the menus say the keys in force."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from statusdesk.gui.i18n import LRI, PDI, language
from statusdesk.gui.incidents.history import Visits
from tests.gui.conftest import WindowFactory, open_incident
from tests.gui.keys import press


@pytest.fixture
def speaking(qapp: QApplication) -> Iterator[list[language.Installed]]:
    installed: list[language.Installed] = []
    yield installed
    for done in installed:
        done.remove(qapp)
    qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


@pytest.fixture
def two_incidents(home: Path) -> tuple[int, int]:
    first = open_incident(home, ("Login failures", "إخفاق تسجيل الدخول"), ("Looking.", "نتحقق."))
    second = open_incident(home, ("Slow search", "بطء البحث"), ("Looking.", "نتحقق."))
    return first, second


@pytest.mark.parametrize(
    ("lang", "back", "forward"), [("en", "Left", "Right"), ("ar", "Right", "Left")]
)
def test_back_and_forward_point_the_reading_way(
    qtbot,  # type: ignore[no-untyped-def]
    qapp: QApplication,
    two_incidents: tuple[int, int],
    launch: WindowFactory,
    speaking: list[language.Installed],
    lang: str,
    back: str,
    forward: str,
) -> None:
    speaking.append(language.install(qapp, lang))
    window = launch()
    browser = window.browser
    start = browser.current_id
    assert start in two_incidents
    other = next(i for i in two_incidents if i != start)
    window.list.setFocus()
    press("Alt+Down" if window.list.currentIndex().row() == 0 else "Alt+Up")
    qtbot.waitUntil(lambda: browser.current_id == other)
    press(f"Alt+{back}")
    qtbot.waitUntil(lambda: browser.current_id == start)
    press(f"Alt+{back}")  # nothing further back: stays
    assert browser.current_id == start
    press(f"Alt+{forward}")
    qtbot.waitUntil(lambda: browser.current_id == other)
    # The menus and the cheat sheet say the keys in force.
    shortcut = window.actions_by_command["back"].shortcut()
    assert shortcut.toString() == f"Alt+{back}"
    from statusdesk.gui.keys.cheatsheet import CheatSheet

    sheet = CheatSheet()
    qtbot.addWidget(sheet)
    keys = {command: key for command, key, _does in sheet.rows()}
    isolated = (LRI, PDI) if lang == "ar" else ("", "")
    assert keys["back"] == f"{isolated[0]}Alt+{back}{isolated[1]}"


def test_visits_go_back_and_forward_like_a_browser() -> None:
    visits = Visits()
    for incident in (1, 2, 3):
        visits.shown(incident)
    assert visits.step(-1) == 2 and visits.step(-1) == 1 and visits.step(-1) is None
    assert visits.step(1) == 2
    visits.shown(7)  # a choice: what was ahead (3) is forgotten
    assert visits.step(1) is None and visits.step(-1) == 2
    visits.forget(2)  # gone from the workspace: the place moves back to the one before
    assert visits.step(-1) is None and visits.step(1) == 7
