"""The Keyboard shortcuts window (issue #6, point 1), by keyboard only: rebind a command and the
new overrides are saved in the workspace and signalled; a taken key is refused in the window with
the message, nothing saved; reset and unbind; Tab never gets stuck in the key field; Esc closes.
Also: keymap.normalize_key writes keys exactly as Qt does, and apply_keymap moves a real QAction.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLineEdit, QMainWindow
from pytestqt.qtbot import QtBot

from statusdesk.desk import Desk
from statusdesk.gui.keys.actions import install_actions
from statusdesk.gui.keys.bindings import BINDINGS
from statusdesk.gui.keys.keymap import SETTING, Keymap, normalize_key, save_overrides
from statusdesk.gui.keys.keys_window import KeysWindow
from statusdesk.gui.keys.shortcuts import apply_keymap, claimed_sequences
from statusdesk.gui.runtime.session import Session
from tests.gui.keys import focused, press

NOW = "2026-11-24T10:00:00Z"


def portable(text: str) -> str:
    return QKeySequence(text).toString(QKeySequence.SequenceFormat.PortableText)


@pytest.fixture
def owner(qtbot: QtBot) -> QMainWindow:
    """The main window stand-in: shown, active, with the keyboard in a field."""
    window = QMainWindow()
    field = QLineEdit()
    window.setCentralWidget(field)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    field.setFocus()
    return window


@pytest.fixture
def session(home: Path) -> Iterator[Session]:
    opened = Session(home)
    yield opened
    opened.close()


def open_keys(qtbot: QtBot, owner: QMainWindow, session: Session) -> KeysWindow:
    keys = KeysWindow(owner, session.desk, session.tasks)
    keys.open_over(owner.centralWidget())
    qtbot.waitUntil(lambda: keys.isVisible() and not keys.working)
    qtbot.waitUntil(lambda: focused() is keys.table)
    return keys


def choose(keys: KeysWindow, command: str) -> None:
    """Arrow down the list to `command`, then Enter: the keyboard goes to the key field."""
    keys.table.setCurrentCell(0, 0)
    for _ in range(keys.table.rowCount()):
        if keys.selected() == command:
            break
        press("Down")
    assert keys.selected() == command
    press("Return")
    assert focused() is keys.key_field


def saved(session: Session) -> object:
    text = session.desk.store.settings.setting(SETTING)
    return None if text is None else json.loads(text)


def row_text(keys: KeysWindow, command: str) -> str:
    for row in range(keys.table.rowCount()):
        item = keys.table.item(row, 1)
        assert item is not None
        if item.data(Qt.ItemDataRole.UserRole) == command:
            return item.text()
    raise AssertionError(command)


def test_every_command_is_listed_with_its_key_and_every_input_is_named(
    qtbot: QtBot,
    owner: QMainWindow,
    session: Session,
) -> None:
    keys = open_keys(qtbot, owner, session)
    assert keys.table.rowCount() == len(BINDINGS)
    assert row_text(keys, "publish") == "Ctrl+Return (default)"
    for widget in (
        keys.table,
        keys.key_field,
        keys.set_button,
        keys.unbind_button,
        keys.reset_button,
        keys.reset_all_button,
        keys.close_button,
    ):
        assert widget.accessibleName(), widget.objectName()


def test_a_command_is_rebound_saved_and_signalled(
    qtbot: QtBot,
    owner: QMainWindow,
    session: Session,
) -> None:
    keys = open_keys(qtbot, owner, session)
    choose(keys, "quit")
    assert keys.key_field.portable() == "Ctrl+Q"  # the field starts from the current key
    press("Ctrl+J")
    assert keys.key_field.portable() == "Ctrl+J"
    with qtbot.waitSignal(keys.keymap_changed, timeout=5000) as signal:
        press("Return")  # Enter in the field sets
    assert signal.args == [{"quit": "Ctrl+J"}]
    assert saved(session) == {"quit": "Ctrl+J"}
    assert row_text(keys, "quit") == "Ctrl+J (default: Ctrl+Q)"
    assert keys.message.text() == "Quit is now Ctrl+J."
    assert keys.isVisible() and focused() is keys.key_field


def test_a_taken_key_is_refused_in_the_window_and_nothing_changes(
    qtbot: QtBot,
    owner: QMainWindow,
    session: Session,
) -> None:
    keys = open_keys(qtbot, owner, session)
    changes: list[object] = []
    keys.keymap_changed.connect(changes.append)
    choose(keys, "quit")
    press("Ctrl+N")
    press("Return")
    assert keys.message.isVisible()
    assert keys.message.text() == "Ctrl+N is already New incident; unbind or rebind that first."
    assert not keys.working  # nothing was started
    assert keys.isVisible() and focused() is keys.key_field  # no modal box took the keyboard
    assert row_text(keys, "quit") == "Ctrl+Q (default)"
    assert saved(session) is None and changes == []


def test_a_reserved_key_is_refused_with_the_reason(
    qtbot: QtBot,
    owner: QMainWindow,
    session: Session,
) -> None:
    keys = open_keys(qtbot, owner, session)
    choose(keys, "quit")
    press("Ctrl+C")
    keys.set_button.setFocus()
    press("Return")  # Enter on the Set button
    assert keys.message.text().startswith("Ctrl+C is reserved: ")
    assert saved(session) is None


def test_reset_and_unbind(
    qtbot: QtBot,
    home: Path,
    owner: QMainWindow,
    session: Session,
) -> None:
    save_overrides(session.desk.store.settings, {"quit": "Ctrl+J", "publish": "F9"}, NOW)
    keys = open_keys(qtbot, owner, session)
    assert row_text(keys, "quit") == "Ctrl+J (default: Ctrl+Q)"  # read back when it opens
    choose(keys, "quit")
    press("Tab")
    press("Tab")
    press("Tab")
    assert focused() is keys.reset_button
    with qtbot.waitSignal(keys.keymap_changed, timeout=5000) as signal:
        press("Return")
    assert signal.args == [{"publish": "F9"}]
    assert row_text(keys, "quit") == "Ctrl+Q (default)"
    press("Shift+Tab")
    assert focused() is keys.unbind_button
    with qtbot.waitSignal(keys.keymap_changed, timeout=5000) as signal:
        press("Return")
    assert signal.args == [{"publish": "F9", "quit": ""}]
    assert row_text(keys, "quit") == "none (default: Ctrl+Q)"
    keys.reset_all_button.setFocus()
    with qtbot.waitSignal(keys.keymap_changed, timeout=5000) as signal:
        press("Return")
    assert signal.args == [{}]
    assert saved(session) is None
    with Desk(home) as other:  # really in the workspace, for another process too
        assert other.store.settings.setting(SETTING) is None


def test_tab_goes_through_the_window_in_order_and_back(
    qtbot: QtBot,
    owner: QMainWindow,
    session: Session,
) -> None:
    keys = open_keys(qtbot, owner, session)
    order = [
        keys.table,
        keys.key_field,
        keys.set_button,
        keys.unbind_button,
        keys.reset_button,
        keys.reset_all_button,
        keys.close_button,
    ]
    for expected in order[1:]:
        press("Tab")
        assert focused() is expected, focused().objectName()
    for expected in reversed(order[:-1]):
        press("Shift+Tab")
        assert focused() is expected, focused().objectName()
    assert keys.key_field.portable() == keys.keymap.key(keys.selected() or "")  # not recorded


def test_esc_closes_even_from_the_key_field_and_gives_the_keyboard_back(
    qtbot: QtBot,
    owner: QMainWindow,
    session: Session,
) -> None:
    keys = open_keys(qtbot, owner, session)
    changes: list[object] = []
    keys.keymap_changed.connect(changes.append)
    choose(keys, "quit")
    press("Ctrl+J")  # recorded, not set
    press("Esc")
    qtbot.waitUntil(lambda: not keys.isVisible())
    qtbot.waitUntil(lambda: focused() is owner.centralWidget())
    assert saved(session) is None and changes == []


def test_keys_saved_elsewhere_are_signalled_when_the_window_opens(
    qtbot: QtBot,
    owner: QMainWindow,
    session: Session,
) -> None:
    save_overrides(session.desk.store.settings, {"quit": "Ctrl+J"}, NOW)
    keys = KeysWindow(owner, session.desk, session.tasks, Keymap())
    with qtbot.waitSignal(keys.keymap_changed, timeout=5000) as signal:
        keys.open_over(None)
    assert signal.args == [{"quit": "Ctrl+J"}]


def test_a_damaged_setting_opens_on_the_defaults_with_a_warning(
    qtbot: QtBot,
    owner: QMainWindow,
    session: Session,
) -> None:
    session.desk.store.settings.set_setting(SETTING, "{damaged", NOW)
    keys = open_keys(qtbot, owner, session)
    assert keys.message.text() == "The saved keys could not be read; using the default keys."
    assert row_text(keys, "quit") == "Ctrl+Q (default)"


# -- the keys on real QActions -------------------------------------------------------------------


def test_apply_keymap_moves_the_shortcut_of_a_real_action(owner: QMainWindow) -> None:
    ran: list[str] = []

    def handler(command: str) -> Callable[[], None]:
        return lambda: ran.append(command)

    actions = install_actions(owner, {b.command: handler(b.command) for b in BINDINGS})
    keymap = Keymap().rebind("quit", "Ctrl+J").unbind("new-incident")
    apply_keymap(actions, keymap)
    press("Ctrl+Q")
    press("Ctrl+N")
    assert ran == []
    press("Ctrl+J")
    assert ran == ["quit"]
    assert actions["new-incident"].shortcut().isEmpty()
    assert actions["quit"].toolTip().endswith("(Ctrl+J)")
    assert "Ctrl+J" in claimed_sequences(keymap)
    assert "Ctrl+N" not in claimed_sequences(keymap)


# -- normalize_key against Qt itself --------------------------------------------------------------

NAMED = (
    "Space Esc Tab Backspace Return Enter Ins Del Home End PgUp PgDown Up Down Left Right "
    "Pause Print F1 F12 F35"
)
MODIFIERS = st.lists(st.sampled_from(["Ctrl", "Alt", "Shift", "Meta"]), unique=True)
QT_KEYS = st.sampled_from(
    [
        *"ABCXYZ0179",
        *",.-=/;[]`'\\",
        *NAMED.split(),
    ]
)
CASE = st.sampled_from([str.lower, str.upper, str])


@settings(max_examples=300, deadline=None)
@given(MODIFIERS, QT_KEYS, CASE)
def test_normalize_key_writes_what_qt_writes(
    modifiers: list[str], key: str, case: Callable[[str], str]
) -> None:
    text = "+".join([*(case(m) for m in modifiers), case(key)])
    assert normalize_key(text) == portable(text)


def test_every_default_key_is_already_as_qt_writes_it() -> None:
    for entry in BINDINGS:
        assert normalize_key(entry.key) == portable(entry.key) == entry.key
