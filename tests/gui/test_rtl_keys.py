"""Issue #16: key names as Arabic users read them. Key caps stay Latin, as printed on Arabic
keyboards (not qtbase_ar's half-translated "Alt+الأعلى"), and a key combination inside Arabic
text is a left-to-right isolate, so "Ctrl+," does not come out as ",+Ctrl" (docs/VISUAL.md §5)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication

from statusdesk.gui.i18n import LRI, PDI, key_name, language
from tests.gui.conftest import WindowFactory


@pytest.fixture
def arabic(qapp: QApplication) -> Iterator[language.Installed]:
    installed = language.install(qapp, "ar")
    yield installed
    installed.remove(qapp)
    qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def x_of(text: str, position: int, direction: Qt.LayoutDirection) -> float:
    """Where the caret before `text[position]` is drawn, laid out as a label in `direction`."""
    layout = QTextLayout(text, QApplication.font())
    option = QTextOption()
    option.setTextDirection(direction)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(10_000)
    layout.endLayout()
    return line.cursorToX(position)[0]


def reads_left_to_right(sentence: str, key: str) -> bool:
    """`key`, as drawn inside the right-to-left `sentence`, has its characters from left to
    right in their order: "Ctrl+," and not ",+Ctrl"."""
    start = sentence.index(key)
    # The carets between its characters (at either end of a run a caret's side is ambiguous).
    inside = range(start + 1, start + len(key))
    xs = [x_of(sentence, position, Qt.LayoutDirection.RightToLeft) for position in inside]
    return xs == sorted(xs) and len(set(xs)) == len(xs)


def test_a_key_inside_an_arabic_sentence_keeps_its_order(arabic: language.Installed, qtbot) -> None:  # type: ignore[no-untyped-def]
    from statusdesk.gui.keys.keymap import Keymap, KeymapError

    keymap = Keymap()
    with pytest.raises(KeymapError) as refused:
        keymap.rebind("publish", "Ctrl+,")  # the keys window's own key
    said = str(refused.value)
    assert said.startswith(f"{LRI}Ctrl+,{PDI} ")
    assert reads_left_to_right(said, "Ctrl+,")
    # What the isolate prevents: the same sentence without it reads ",+Ctrl" from the right.
    bare = said.replace(LRI, "").replace(PDI, "")
    assert not reads_left_to_right(bare, "Ctrl+,")
    # Inside a sentence, not only at its start: the state box's "(Ctrl+1)", a refusal's key.
    with pytest.raises(KeymapError) as reserved:
        keymap.rebind("publish", "Ctrl+Shift+Tab")
    assert f"{LRI}Ctrl+Shift+Tab{PDI}" in str(reserved.value)


def test_key_caps_stay_latin_in_arabic(arabic: language.Installed, qtbot) -> None:  # type: ignore[no-untyped-def]
    from statusdesk.gui.keys.cheatsheet import CheatSheet
    from statusdesk.gui.keys.shortcuts import native_key

    native = QKeySequence("Alt+Up").toString(QKeySequence.SequenceFormat.NativeText)
    assert native == "Alt+Up"  # what menus show; qtbase_ar alone says "Alt+الأعلى"
    assert native_key("Ctrl+Shift+P") == f"{LRI}Ctrl+Shift+P{PDI}"
    sheet = CheatSheet()
    qtbot.addWidget(sheet)
    keys = {command: key for command, key, _does in sheet.rows()}
    assert keys["previous-incident"] == f"{LRI}Alt+Up{PDI}"
    assert keys["keys"] == f"{LRI}Ctrl+,{PDI}"
    # Everything else of Qt's still speaks Arabic.
    assert QApplication.translate("QPlatformTheme", "Cancel") not in ("Cancel", "")


def test_in_english_keys_are_as_they_were(qapp: QApplication) -> None:
    assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert key_name("Ctrl+Shift+P") == "Ctrl+Shift+P"


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_menus_draw_their_keys_left_to_right(
    qtbot,  # type: ignore[no-untyped-def]
    qapp: QApplication,
    home: Path,
    active_incident: int,
    launch: WindowFactory,
    lang: str,
) -> None:
    """Qt draws a menu item's key after its tab in the menu's direction: in Arabic the menus'
    style isolates it, as the sentence test above shows it must be."""
    from PySide6.QtWidgets import QMenu

    from statusdesk.gui.keys.menu_style import IsolatedKeys, isolated_menu_text

    installed = language.install(qapp, lang)
    try:
        window = launch()
        menu = window.findChild(QMenu, "menu-Help")
        assert menu is not None
        assert isinstance(menu.style(), IsolatedKeys) is (lang == "ar")
    finally:
        installed.remove(qapp)
    drawn = isolated_menu_text("اختصارات لوحة المفاتيح\tCtrl+,")
    assert drawn == f"اختصارات لوحة المفاتيح\t{LRI}Ctrl+,{PDI}"
    assert reads_left_to_right(drawn.split("\t")[1], "Ctrl+,")
    assert isolated_menu_text(drawn) == drawn and isolated_menu_text("Quit") == "Quit"
