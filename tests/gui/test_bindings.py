"""The one bindings table: no key bound twice, and every command is a QAction with its key, in
its menu, shown by the cheat sheet."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QMainWindow, QWidget

from statusdesk.gui.keys.actions import ShortcutClaim, install_actions
from statusdesk.gui.keys.bindings import ARABIC_LABELS, BINDINGS, MENUS
from tests.gui.conftest import WindowFactory


def portable(key: str) -> str:
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.PortableText)


def test_no_key_and_no_command_is_bound_twice() -> None:
    keys = Counter(portable(b.key) for b in BINDINGS)
    assert [k for k, n in keys.items() if n > 1] == []
    commands = Counter(b.command for b in BINDINGS)
    assert [c for c, n in commands.items() if n > 1] == []
    # Every key parses (a typo would give an empty sequence) and has one chord.
    assert all(QKeySequence(b.key).count() == 1 for b in BINDINGS)
    assert {b.menu for b in BINDINGS} <= set(MENUS)


def test_design_keys_are_in_the_table() -> None:
    table = {b.command: portable(b.key) for b in BINDINGS}
    assert table["new-incident"] == "Ctrl+N"
    assert table["new-update"] == "Ctrl+U"
    assert table["publish"] == "Ctrl+Return"
    assert [table[f"state-{n}"] for n in range(1, 5)] == [f"Ctrl+{n}" for n in range(1, 5)]
    assert table["switch-language"] == "Ctrl+L"
    assert (table["previous-incident"], table["next-incident"]) == ("Alt+Up", "Alt+Down")
    assert table["cheat-sheet"] == "F1"
    assert (table["palette"], table["insert-template"]) == ("Ctrl+K", "Ctrl+T")


def test_every_command_has_an_arabic_name_for_the_palette() -> None:
    assert set(ARABIC_LABELS) == {b.command for b in BINDINGS}
    assert all(name.strip() for name in ARABIC_LABELS.values())


def test_every_command_has_a_qaction_with_its_key_in_its_menu(
    home, active_incident: int, launch: WindowFactory
) -> None:
    window = launch()
    menus = {m.objectName(): m for m in window.menuBar().findChildren(QWidget)}
    for entry in BINDINGS:
        action = window.actions_by_command[entry.command]
        assert action.shortcut() == QKeySequence(entry.key)
        assert action in window.actions()  # works with the menu bar hidden too
        assert action in menus[f"menu-{entry.menu}"].actions()
    assert set(window.actions_by_command) == {b.command for b in BINDINGS}


def test_a_command_without_a_handler_fails_at_start(qtbot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    handlers = {b.command: (lambda: None) for b in BINDINGS[1:]}
    try:
        install_actions(window, handlers)
    except ValueError as error:
        assert BINDINGS[0].command in str(error)
    else:
        raise AssertionError("a missing handler was accepted")


def test_shortcut_claim_refuses_the_override_for_bound_keys_only(qtbot) -> None:
    """Under X11 a QLineEdit accepts the ShortcutOverride for Ctrl+U; the claim turns that
    down for every key of the table (the offscreen platform cannot show the eating itself;
    tests/e2e does, under a real X server) and leaves other keys to the editor."""
    edit = QLineEdit()
    qtbot.addWidget(edit)
    claim = ShortcutClaim(edit)
    for key, modifiers, bound in (
        (Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier, True),
        (Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier, True),
        (Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier, True),
        (Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier, False),  # select all: the editor's
        (Qt.Key.Key_U, Qt.KeyboardModifier.NoModifier, False),  # typing a "u"
    ):
        event = QKeyEvent(QEvent.Type.ShortcutOverride, key, modifiers)
        event.accept()  # as QLineEdit would
        assert claim.eventFilter(edit, event) is bound
        assert event.isAccepted() is not bound
