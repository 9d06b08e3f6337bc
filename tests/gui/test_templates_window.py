"""The Templates window (issue #6: "users edit their own [templates] in the GUI (stored in the
workspace)"): a template written and saved by keyboard alone lands in workspace.json and in the
list; a default is customised and restored; a bad placeholder is answered inline with the text
left as typed; edits survive moving through the list, and Esc asks before it loses any.
"""

from __future__ import annotations

import errno
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTreeWidget,
    QWidget,
)

from statusdesk.desk import Desk
from statusdesk.gui.runtime.tasks import TaskRunner
from statusdesk.gui.templates.templates_window import TemplatesWindow
from statusdesk.gui.widgets.popups import ConfirmPopup
from statusdesk.scheduling import template_store
from statusdesk.scheduling.template_store import store_path
from statusdesk.scheduling.templates import default_templates
from tests.gui.keys import focused, press, type_text

ARABIC = "فشل تبديل قاعدة البيانات: "


@pytest.fixture
def window(qtbot, home: Path) -> Iterator[TemplatesWindow]:  # type: ignore[no-untyped-def]
    """The window over a stand-in main window, opened as the app opens it, once it has read."""
    owner = QWidget()
    owner.setWindowTitle("statusdesk")
    qtbot.addWidget(owner)
    with qtbot.waitActive(owner):
        owner.show()
        owner.activateWindow()
    tasks = TaskRunner()
    with Desk(home) as desk:
        opened = TemplatesWindow(owner, desk, tasks)
        opened.open_over(owner)
        qtbot.waitUntil(lambda: opened.isActiveWindow() and opened.list.topLevelItemCount() > 0)
        yield opened
        opened.done(0)  # whatever is unsaved: the test is over
        tasks.shutdown()
    opened.deleteLater()


def on_file(home: Path) -> dict[str, dict[str, str]]:
    path = store_path(home)
    if not path.exists():
        return {}
    templates: dict[str, dict[str, str]] = json.loads(path.read_text("utf-8"))["templates"]
    return templates


def rows(window: TemplatesWindow) -> dict[str, list[str]]:
    tree = window.list
    found = {}
    for index in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(index)
        assert item is not None
        texts = [item.text(column) for column in range(tree.columnCount())]
        found[texts[0]] = texts[1:]
    return found


def go_to(window: TemplatesWindow, name: str) -> None:
    """Move to the template's row with the arrow keys, as a person does."""
    press("Alt+L")
    assert focused() is window.list
    press("Home")
    for _ in range(window.list.topLevelItemCount()):
        current = window.list.currentItem()
        if current is not None and current.text(0) == name:
            return
        press("Down")
    raise AssertionError(f"no row for {name}")


def popup(qtbot) -> ConfirmPopup:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: isinstance(QApplication.activeWindow(), ConfirmPopup))
    shown = QApplication.activeWindow()
    assert isinstance(shown, ConfirmPopup)
    return shown


def test_a_template_is_written_and_saved_by_keyboard_alone(qtbot, window, home) -> None:  # type: ignore[no-untyped-def]
    assert focused() is window.list
    press("Alt+N")  # a button's key clicks it a moment later, as Qt animates the press
    qtbot.waitUntil(lambda: focused() is window.form.name)
    type_text("db-failover")
    press("Tab")
    assert focused() is window.form.kind
    press("Tab")
    assert focused() is window.form.state
    press("Down")  # investigating → identified
    press("Tab")
    assert focused() is window.form.en
    type_text("Database failover: ")
    press("Alt+P")
    assert focused() is window.form.placeholder
    press("Home")  # {service}
    press("Return")
    assert focused() is window.form.en  # back where the placeholder went
    type_text(".")
    press("Tab")
    assert focused() is window.form.ar
    type_text(ARABIC)
    press("Alt+P")
    press("Return")
    assert rows(window)["db-failover"] == ["incident", "identified", "new, not saved"]

    with qtbot.waitSignal(window.templates_changed, timeout=10_000):
        press("Alt+S")

    assert on_file(home)["db-failover"] == {
        "kind": "incident",
        "state": "identified",
        "en": "Database failover: {service}.",
        "ar": ARABIC + "{service}",
    }
    qtbot.waitUntil(
        lambda: rows(window).get("db-failover") == ["incident", "identified", "workspace"]
    )
    assert "(new template)" not in rows(window)
    assert str(store_path(home)) in window.outcome.text()
    with Desk(home) as desk:
        assert desk.templating.templates()["db-failover"].text.en == "Database failover: {service}."


def test_a_default_is_customised_then_restored(qtbot, window, home) -> None:  # type: ignore[no-untyped-def]
    default = default_templates()["investigating"]
    go_to(window, "investigating")
    assert window.form.en.toPlainText() == default.text.en
    press("Alt+E")
    press("Ctrl+End")
    type_text(" Engineers are on it.")
    assert rows(window)["investigating"][2] == "default, edited"

    with qtbot.waitSignal(window.templates_changed, timeout=10_000):
        press("Alt+S")

    assert on_file(home)["investigating"]["en"] == default.text.en + " Engineers are on it."
    qtbot.waitUntil(lambda: rows(window)["investigating"][2] == "customised")
    assert window.delete_button.text() == "&Restore default…"

    press("Alt+R")
    asked = popup(qtbot)
    assert "Restore the default investigating?" in asked.question.text()
    with qtbot.waitSignal(window.templates_changed, timeout=10_000):
        press("Return")

    assert "investigating" not in on_file(home)
    qtbot.waitUntil(lambda: rows(window)["investigating"][2] == "default")
    assert window.form.en.toPlainText() == default.text.en
    assert not window.has_unsaved()


def test_the_states_offered_are_the_kinds(window) -> None:  # type: ignore[no-untyped-def]
    def offered() -> list[str]:
        return [window.form.state.itemText(i) for i in range(window.form.state.count())]

    go_to(window, "identified")
    press("Return")
    assert focused() is window.form.en
    assert offered() == ["Investigating", "Identified", "Monitoring", "Resolved"]
    press("Alt+K")
    press("Down")  # maintenance
    assert offered() == ["Scheduled", "In progress", "Verifying", "Completed"]
    press("Up")
    assert window.form.state.currentText() == "Investigating"  # identified was left behind


def test_renaming_the_workspaces_own_template_replaces_it(qtbot, window, home) -> None:  # type: ignore[no-untyped-def]
    press("Alt+N")
    qtbot.waitUntil(lambda: focused() is window.form.name)
    type_text("db")
    press("Alt+E")
    type_text("Database trouble: {service}.")
    with qtbot.waitSignal(window.templates_changed, timeout=10_000):
        press("Alt+S")
    qtbot.waitUntil(lambda: "db" in rows(window))
    press("Alt+M")
    press("End")
    type_text("-failover")
    with qtbot.waitSignal(window.templates_changed, timeout=10_000):
        press("Alt+S")
    assert list(on_file(home)) == ["db-failover"]
    qtbot.waitUntil(lambda: "db" not in rows(window) and "db-failover" in rows(window))

    press("Alt+D")
    assert "Delete the template db-failover?" in popup(qtbot).question.text()
    with qtbot.waitSignal(window.templates_changed, timeout=10_000):
        press("Return")
    assert on_file(home) == {}
    qtbot.waitUntil(lambda: "db-failover" not in rows(window))


def test_a_default_cannot_be_deleted_and_says_so_inline(qtbot, window, home) -> None:  # type: ignore[no-untyped-def]
    go_to(window, "resolved")
    press("Alt+D")
    qtbot.waitUntil(window.form.problems.isVisible)
    assert "cannot be deleted" in window.form.problems.text()
    assert QApplication.activeWindow() is window  # nothing popped up
    assert on_file(home) == {}


def test_closing_from_code_keeps_the_edits_for_next_time(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    go_to(window, "scheduled")
    press("Alt+E")
    type_text("Heads-up: ")
    window.close()  # the main window going away: no question
    assert not window.isVisible()
    assert window.confirm is None
    window.open_over(window.parentWidget())
    qtbot.waitUntil(lambda: window.isActiveWindow() and window._shown > 1)
    assert window.form.en.toPlainText().startswith("Heads-up: ")
    assert rows(window)["scheduled"][2] == "default, edited"


def test_a_bad_placeholder_is_told_inline_and_the_text_stays(qtbot, window, home) -> None:  # type: ignore[no-untyped-def]
    press("Alt+N")
    qtbot.waitUntil(lambda: focused() is window.form.name)
    type_text("eta-note")
    press("Alt+E")
    typed = "Back by {etaa}, we hope."
    type_text(typed)

    press("Alt+S")
    qtbot.waitUntil(window.form.problems.isVisible)

    said = window.form.problems.text()
    assert "unknown placeholder {etaa}" in said
    assert "{eta}" in said and "{next_update}" in said  # the known ones
    assert window.form.en.toPlainText() == typed
    assert window.form.name.text() == "eta-note"
    assert focused() is window.form.en
    assert window.form.en.textCursor().position() == typed.index("{etaa}")
    assert QApplication.activeWindow() is window  # inline, not a message box
    assert on_file(home) == {}
    assert window.has_unsaved()


def test_edits_survive_moving_around_and_esc_asks_before_losing_them(qtbot, window, home) -> None:  # type: ignore[no-untyped-def]
    go_to(window, "monitoring")
    press("Alt+E")
    press("Ctrl+End")
    type_text(" Still watching.")
    go_to(window, "resolved")
    assert rows(window)["monitoring"][2] == "default, edited"
    go_to(window, "monitoring")
    assert window.form.en.toPlainText().endswith(" Still watching.")

    press("Escape")
    asked = popup(qtbot)
    assert "monitoring" in asked.question.text()
    assert focused() is asked.no  # Enter keeps editing too
    press("Return")
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert window.isVisible()
    assert window.form.en.toPlainText().endswith(" Still watching.")

    press("Escape")
    popup(qtbot)
    press("Alt+D")
    qtbot.waitUntil(lambda: not window.isVisible())
    assert on_file(home) == {}


def test_a_full_disk_is_told_inline_and_loses_nothing(qtbot, window, home, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(template_store.os, "replace", full)
    go_to(window, "verifying")
    press("Alt+E")
    type_text("Checking: ")
    press("Alt+S")
    qtbot.waitUntil(window.form.problems.isVisible)
    assert "No space left on device; the file is as it was" in window.form.problems.text()
    assert window.form.en.toPlainText().startswith("Checking: ")
    assert on_file(home) == {}
    assert os.listdir(store_path(home).parent) == []  # no temporary file left behind

    monkeypatch.undo()
    with qtbot.waitSignal(window.templates_changed, timeout=10_000):
        press("Alt+S")
    assert on_file(home)["verifying"]["en"].startswith("Checking: ")


def test_a_broken_file_is_named_and_left_alone(qtbot, home) -> None:  # type: ignore[no-untyped-def]
    path = store_path(home)
    path.parent.mkdir()
    path.write_text('{"templates": {', encoding="utf-8")
    owner = QWidget()
    qtbot.addWidget(owner)
    tasks = TaskRunner()
    with Desk(home) as desk:
        window = TemplatesWindow(owner, desk, tasks)
        window.open_over(owner)
        qtbot.waitUntil(window.file_line.isVisible)
        assert str(path) in window.file_line.text()
        assert "Fix the file by hand" in window.file_line.text()
        go_to(window, "identified")
        press("Alt+E")
        type_text("Found it. ")
        press("Alt+S")
        qtbot.waitUntil(window.form.problems.isVisible)
        assert str(path) in window.form.problems.text()
        assert window.form.en.toPlainText().startswith("Found it. ")
        window.done(0)
        tasks.shutdown()
    assert path.read_text(encoding="utf-8") == '{"templates": {'


def test_every_input_is_named_and_tab_goes_in_reading_order(window) -> None:  # type: ignore[no-untyped-def]
    inputs = [
        w
        for w in window.findChildren(QWidget)
        if isinstance(w, QLineEdit | QComboBox | QPlainTextEdit | QTreeWidget)
        and not isinstance(w.parentWidget(), QComboBox)
    ]
    assert len(inputs) == 7
    assert all(w.accessibleName() for w in inputs), [w.objectName() for w in inputs]

    order = [focused()]
    for _ in range(11):
        press("Tab")
        order.append(focused())
    form = window.form
    assert order == [
        window.list,
        window.new_button,
        form.name,
        form.kind,
        form.state,
        form.en,
        form.ar,
        form.placeholder,
        form.insert_button,
        window.save_button,
        window.delete_button,
        window.close_button,
    ]
    for _ in range(11):
        press("Shift+Tab")
    assert focused() is window.list
