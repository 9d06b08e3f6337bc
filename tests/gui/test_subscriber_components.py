"""The Subscribers window's components (issue #15: "the subscribers view edits it"): each
subscriber's components in the table; F2 (or Alt+M) opens a checkable list of the components
and "All components"; Space ticks, Enter saves (on the TaskRunner, not the GUI thread), Esc
cancels and changes nothing; ticking nothing means all."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt

from statusdesk.core.model import BilingualText
from statusdesk.desk import Desk
from statusdesk.gui.subscribers import subscribers_dialog
from statusdesk.gui.subscribers.subscriber_forms import ComponentsEditor
from statusdesk.gui.subscribers.subscribers_dialog import SubscribersDialog
from statusdesk.gui.subscribers.subscribers_table import COMPONENTS
from tests.gui.conftest import WindowFactory
from tests.gui.keys import focused, press
from tests.gui.test_subscribers_view import SINCE, on_file, open_subscribers, select, shown_rows

CHECKED, UNCHECKED = Qt.CheckState.Checked, Qt.CheckState.Unchecked


def workspace(home: Path) -> dict[str, int]:
    """API, Trading and Web; amal follows API, bob and zed every component, gone unsubscribed."""
    with Desk(home) as desk:
        ids = {
            en: desk.components.add(BilingualText(en, ar)).component.id  # type: ignore[union-attr]
            for en, ar in (("API", "الواجهة"), ("Trading", "التداول"), ("Web", ""))
        }
        subscribers = desk.store.subscribers
        subscribers.add("amal@example.com", "ar", SINCE, [ids["API"]])
        subscribers.add("bob@example.com", "en", SINCE)
        subscribers.add("zed@example.com", "both", SINCE)
        subscribers.add("gone@example.com", "en", SINCE)
        subscribers.remove("gone@example.com", SINCE)
    return ids


def components_of(dialog: SubscribersDialog) -> dict[str, str]:
    return {row[0]: row[COMPONENTS] for row in shown_rows(dialog)}


def editor_open(qtbot, dialog: SubscribersDialog) -> ComponentsEditor:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: dialog.editor is not None)
    editor = dialog.editor
    assert editor is not None
    qtbot.waitUntil(lambda: editor.isVisible() and editor.isActiveWindow())
    assert focused() is editor.list
    return editor


def ticks(editor: ComponentsEditor) -> dict[str, bool]:
    items = (editor.list.item(row) for row in range(editor.list.count()))
    return {item.text(): item.checkState() == CHECKED for item in items}


def test_the_table_shows_each_subscribers_components(
    qtbot, home: Path, launch: WindowFactory
) -> None:
    workspace(home)
    dialog = open_subscribers(qtbot, launch(), rows=4)
    assert dialog.model.headerData(COMPONENTS, Qt.Orientation.Horizontal) == "Components"
    assert components_of(dialog) == {
        "amal@example.com": "API",
        "bob@example.com": "All components",
        "zed@example.com": "All components",
        "gone@example.com": "All components",
    }


def test_f2_ticks_components_by_keyboard_and_enter_saves_off_the_gui_thread(
    qtbot, home: Path, launch: WindowFactory, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    ids = workspace(home)
    threads: list[str] = []
    real = subscribers_dialog.change_components

    def recorded(*args):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread().name)
        return real(*args)

    monkeypatch.setattr(subscribers_dialog, "change_components", recorded)
    dialog = open_subscribers(qtbot, launch(), rows=4)
    select(dialog, "bob@example.com")

    press("F2")
    editor = editor_open(qtbot, dialog)
    assert ticks(editor) == {
        "All components": True,
        "API — الواجهة": False,
        "Trading — التداول": False,
        "Web": False,
    }
    press("Down")
    press("Space")  # API: "All components" unticks itself
    press("Down")
    press("Space")  # Trading
    assert ticks(editor) == {
        "All components": False,
        "API — الواجهة": True,
        "Trading — التداول": True,
        "Web": False,
    }
    press("Return")
    qtbot.waitUntil(lambda: "now gets updates about" in dialog.outcome.text())
    assert dialog.outcome.text() == "bob@example.com now gets updates about: API, Trading."
    assert threads and threading.main_thread().name not in threads
    qtbot.waitUntil(lambda: components_of(dialog)["bob@example.com"] == "API, Trading")
    qtbot.waitUntil(lambda: focused() is dialog.table)
    current = dialog.table.current()
    assert current is not None and current.email == "bob@example.com"
    assert on_file(home)["bob@example.com"].component_ids == (ids["API"], ids["Trading"])

    # Ticking "All components" unticks the others; Alt+M opens the editor as F2 does.
    press("Alt+M")
    editor = editor_open(qtbot, dialog)
    assert ticks(editor)["API — الواجهة"] and ticks(editor)["Trading — التداول"]
    press("Space")  # on "All components", the first row
    assert ticks(editor) == {
        "All components": True,
        "API — الواجهة": False,
        "Trading — التداول": False,
        "Web": False,
    }
    press("Return")
    qtbot.waitUntil(lambda: components_of(dialog)["bob@example.com"] == "All components")
    assert on_file(home)["bob@example.com"].component_ids == ()


def test_esc_cancels_and_ticking_nothing_means_all(
    qtbot, home: Path, launch: WindowFactory
) -> None:
    ids = workspace(home)
    dialog = open_subscribers(qtbot, launch(), rows=4)
    select(dialog, "amal@example.com")

    press("F2")
    editor = editor_open(qtbot, dialog)
    press("Down")
    press("Space")  # API unticked: nothing left, so "All components" ticks itself
    assert ticks(editor)["All components"] and not ticks(editor)["API — الواجهة"]
    press("Down")
    press("Space")  # Trading
    press("Escape")
    qtbot.waitUntil(lambda: not editor.isVisible())
    qtbot.waitUntil(lambda: focused() is dialog.table)
    assert on_file(home)["amal@example.com"].component_ids == (ids["API"],)  # unchanged
    assert components_of(dialog)["amal@example.com"] == "API"

    press("F2")
    editor = editor_open(qtbot, dialog)
    assert ticks(editor)["API — الواجهة"] and not ticks(editor)["Trading — التداول"]
    press("Down")
    press("Space")
    press("Return")
    qtbot.waitUntil(lambda: components_of(dialog)["amal@example.com"] == "All components")
    assert on_file(home)["amal@example.com"].component_ids == ()


def test_an_unsubscribed_row_has_nothing_to_choose(
    qtbot, home: Path, launch: WindowFactory
) -> None:
    workspace(home)
    dialog = open_subscribers(qtbot, launch(), rows=4)
    select(dialog, "gone@example.com")
    press("F2")
    assert "gone@example.com unsubscribed on" in dialog.outcome.text()
    qtbot.wait(150)  # a button's key clicks a moment later: nothing pops up meanwhile
    assert dialog.editor is None


def test_a_component_removed_meanwhile_is_said_and_nothing_changes(
    qtbot, home: Path, launch: WindowFactory
) -> None:
    workspace(home)
    dialog = open_subscribers(qtbot, launch(), rows=4)
    select(dialog, "bob@example.com")
    press("F2")
    editor_open(qtbot, dialog)
    with Desk(home) as desk:  # another process removes Web while the list is open
        desk.components.remove("Web")
    press("End")
    press("Space")  # Web
    press("Return")
    qtbot.waitUntil(lambda: "keeps what they had" in dialog.outcome.text())
    assert "do not exist" in dialog.outcome.text()
    assert on_file(home)["bob@example.com"].component_ids == ()
