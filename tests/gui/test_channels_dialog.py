"""The Channels window (issue #4, "Credentials and previews"): opened by its key, it says which
keyring holds the secrets (or plainly that none works), lists the channels, adds one by keyboard,
stores a secret without ever showing it, tests a channel against a local receiver, enables and
disables one, and closes on Esc with the keyboard back where it was.

Secrets go to an in-memory keyring through keyring's own backend API (as tests/unit does), or to
keyring's fail backend for "none works"; tests/unit/test_secrets.py covers a real gnome-keyring.
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Callable, Iterator
from pathlib import Path

import keyring.core
import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QScrollBar,
    QWidget,
)

from statusdesk.app.read_models import load_page
from statusdesk.desk import Desk
from statusdesk.gui.channels.channels_dialog import ChannelsDialog
from statusdesk.gui.desk.main_window import MainWindow
from statusdesk.gui.keys.bindings import key_for
from statusdesk.secrets import KeyringSecrets
from tests import httpfake, memkeyring
from tests.gui.conftest import WindowFactory, open_incident
from tests.gui.keys import focused, press, type_text
from tests.httpfake import FakeReceiver

receiver = httpfake.receiver
Receivers = Callable[..., FakeReceiver]

SECRET = "whsec-سر-7f3a-DO-NOT-SHOW"


MemoryKeyring = memkeyring.MemoryKeyring
memory_keyring = memkeyring.memory_keyring


@pytest.fixture
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    """What keyring picks on a machine without a Secret Service."""
    monkeypatch.setattr(keyring.core, "_keyring_backend", fail.Keyring())  # type: ignore[no-untyped-call]


def add_hook(home: Path, url: str, name: str = "hook") -> None:
    with Desk(home) as desk:
        desk.channels.add_channel("webhook", name, {"url": url})


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def open_channels(qtbot, window: MainWindow, rows: int = 1) -> ChannelsDialog:  # type: ignore[no-untyped-def]
    """Ctrl+Shift+C, and wait until the window has the keyboard and has read the channels."""
    press(key_for("channels"))
    dialog = window.windows.channels_dialog
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.isActiveWindow())
    qtbot.waitUntil(lambda: focused() is dialog.table)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == rows)
    return dialog


def table_rows(dialog: ChannelsDialog) -> list[list[str]]:
    table = dialog.table
    return [
        [table.item(row, column).text() for column in range(table.columnCount())]
        for row in range(table.rowCount())
    ]


def select(dialog: ChannelsDialog, name: str) -> None:
    """Move to the channel's row with the arrow keys, as a person does."""
    dialog.table.setFocus()
    press("Home")
    for _ in range(dialog.table.rowCount()):
        if dialog.table.selected_name() == name:
            return
        press("Down")
    raise AssertionError(f"no row for {name}")


def every_string() -> Iterator[str]:
    """Everything any widget of the app says or holds: texts, tooltips, accessible names,
    titles, combo and item-view entries."""
    getters = (
        "text",
        "displayText",
        "placeholderText",
        "toolTip",
        "statusTip",
        "whatsThis",
        "accessibleName",
        "accessibleDescription",
        "windowTitle",
        "title",
        "currentText",
        "toPlainText",
    )
    for widget in QApplication.allWidgets():
        for getter in getters:
            method = getattr(widget, getter, None)
            if not callable(method):
                continue
            try:
                value = method()
            except TypeError:
                continue
            if isinstance(value, str):
                yield value
        if isinstance(widget, QComboBox):
            yield from (widget.itemText(i) for i in range(widget.count()))
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for row in range(model.rowCount()):
                for column in range(model.columnCount()):
                    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                        value = model.data(model.index(row, column), role)
                        if isinstance(value, str):
                            yield value


# -- opening, the keyring line, closing --------------------------------------------------------


def test_opens_by_key_says_which_keyring_and_esc_gives_the_keyboard_back(
    qtbot, home: Path, memory_keyring: MemoryKeyring, launch: WindowFactory
) -> None:
    window = launch()
    menu = window.menuBar().findChild(QWidget, "menu-Channels")
    assert window.actions_by_command["channels"] in menu.actions()
    started_on = focused()
    assert started_on is window.list

    dialog = open_channels(qtbot, window)
    assert dialog.windowTitle() == "statusdesk — channels"
    assert table_rows(dialog) == [["site", "site", "yes", "both", "en-first", "none"]]
    described = KeyringSecrets().describe()
    assert "MemoryKeyring" in described
    qtbot.waitUntil(lambda: described in dialog.keyring_line.text())
    assert dialog.keyring_line.isVisible()

    press("Escape")
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: focused() is started_on)

    # Open again: the keyboard is in the window again, and Esc gives it back again.
    press("Ctrl+U")
    editor = focused()
    open_channels(qtbot, window)
    press("Escape")
    qtbot.waitUntil(lambda: focused() is editor)


def test_no_usable_keyring_is_said_plainly_and_nothing_is_stored(
    qtbot, home: Path, no_keyring: None, launch: WindowFactory
) -> None:
    add_hook(home, "http://127.0.0.1:9/hook")
    window = launch()
    dialog = open_channels(qtbot, window, rows=2)
    qtbot.waitUntil(lambda: "No usable keyring" in dialog.keyring_line.text())
    line = dialog.keyring_line.text()
    assert "install and unlock GNOME Keyring or KWallet" in line  # what to do
    assert "never keeps them in plain text" in line
    assert dialog.keyring_line.isVisible()

    select(dialog, "hook")
    press("Alt+V")
    assert focused() is dialog.secret_form.value
    type_text(SECRET)
    press("Alt+O")  # Store in keyring
    status = dialog.secret_form.status
    qtbot.waitUntil(lambda: "was not stored" in status.text())
    assert "No usable keyring" in status.text()
    assert dialog.secret_form.value.text() == ""
    with Desk(home) as desk:
        hook = desk.store.channels.channel_by_name("hook")
        assert hook is not None and "secret_keys" not in hook.settings


# -- adding ------------------------------------------------------------------------------------


def test_a_webhook_added_by_keyboard_is_listed_and_offered_in_the_composer(
    qtbot, home: Path, memory_keyring: MemoryKeyring, launch: WindowFactory
) -> None:
    window = launch()
    dialog = open_channels(qtbot, window)
    form = dialog.add_form
    assert form.kind.currentData() == "webhook"

    press("Alt+M")
    assert focused() is form.name
    type_text("ops-hook")
    press("Tab")
    assert focused() is form.fields["url"]
    type_text("https://hooks.example.com/statusdesk")
    press("Alt+L")
    assert focused() is form.language
    press("Down")  # English only
    press("Return")  # Enter in any field of the form adds

    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2)
    assert table_rows(dialog)[1] == ["ops-hook", "webhook", "yes", "en", "en-first", "none"]
    assert dialog.table.selected_name() == "ops-hook"
    qtbot.waitUntil(lambda: "ops-hook" in window.composer.checked_channels())
    assert window.composer.channel_checkbox("ops-hook").text() == "ops-hook"
    assert dialog.isVisible()
    assert "Added the webhook channel ops-hook" in form.status.text()
    assert form.name.text() == "" and form.fields["url"].text() == ""
    with Desk(home) as desk:
        added = desk.store.channels.channel_by_name("ops-hook")
        assert added is not None
        assert added.settings == {"url": "https://hooks.example.com/statusdesk"}


def test_a_bad_url_keeps_the_window_open_with_the_reason_and_nothing_typed_is_lost(
    qtbot, home: Path, memory_keyring: MemoryKeyring, launch: WindowFactory
) -> None:
    window = launch()
    dialog = open_channels(qtbot, window)
    form = dialog.add_form
    press("Alt+M")
    press("Return")  # nothing typed: every problem at once, the keyboard on the first
    qtbot.waitUntil(form.problems.isVisible)
    assert "cannot name a channel" in form.problems.text()
    assert "url must be an http:// or https:// address" in form.problems.text()
    assert focused() is form.name

    type_text("ops-hook")
    press("Tab")
    type_text("hooks.example.com/statusdesk")
    press("Return")
    qtbot.waitUntil(lambda: "cannot name a channel" not in form.problems.text())

    qtbot.waitUntil(form.problems.isVisible)
    assert "url must be an http:// or https:// address" in form.problems.text()
    assert dialog.isVisible()
    assert form.name.text() == "ops-hook"
    assert form.fields["url"].text() == "hooks.example.com/statusdesk"
    assert focused() is form.fields["url"]  # the field at fault has the keyboard
    assert dialog.table.rowCount() == 1
    assert "ops-hook" not in window.composer.checked_channels()

    # Fix it where the keyboard is, and Add (its button's key, this time): added.
    press("Home")
    type_text("https://")
    press("Alt+A")
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2)
    assert not form.problems.isVisible()
    qtbot.waitUntil(lambda: "ops-hook" in window.composer.checked_channels())


# -- secrets and tests -------------------------------------------------------------------------


def test_a_secret_is_stored_never_shown_and_the_test_reaches_the_receiver(
    qtbot,
    home: Path,
    memory_keyring: MemoryKeyring,
    receiver: Receivers,
    caplog: pytest.LogCaptureFixture,
    launch: WindowFactory,
) -> None:
    caplog.set_level(logging.DEBUG)
    hook = receiver()
    add_hook(home, hook.url)
    window = launch()
    dialog = open_channels(qtbot, window, rows=2)
    select(dialog, "hook")
    form = dialog.secret_form
    assert form.title() == "Secrets of hook"

    press("Alt+S")
    assert focused() is form.key
    assert [form.key.itemData(i) for i in range(form.key.count())] == ["signing_secret"]
    assert form.key.currentText() == "signing_secret — not set"
    press("Alt+V")
    assert focused() is form.value
    assert form.value.echoMode() is QLineEdit.EchoMode.Password
    type_text(SECRET)
    press("Return")

    qtbot.waitUntil(lambda: "Stored signing_secret of hook" in form.status.text())
    assert memory_keyring.passwords == {("statusdesk", "hook/signing_secret"): SECRET}
    qtbot.waitUntil(lambda: table_rows(dialog)[1][5] == "signing_secret")
    assert form.key.currentText() == "signing_secret — set"
    assert form.value.text() == "" and not form.value.isUndoAvailable()
    assert KeyringSecrets().describe() in form.status.text()

    # The test reads the secret from the keyring and reaches the receiver; nothing is posted.
    press("Alt+T")
    qtbot.waitUntil(lambda: "answered" in dialog.outcome.text())
    assert dialog.outcome.text() == (
        f"hook: 127.0.0.1:{hook.port} answered (HTTP 501); its signing secret is in the "
        "keyring; nothing was published"
    )
    assert not dialog.progress.isVisible()
    # The receiver answered the HEAD itself (FakeReceiver has no do_HEAD: 501) and recorded
    # no request: nothing was posted.
    assert hook.requests == []

    # Nowhere: not in any widget, tooltip or status bar, not in any log record.
    press("Escape")
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert not [text for text in every_string() if SECRET in text]
    assert SECRET not in window.statusBar().currentMessage()
    for record in caplog.records:
        assert SECRET not in record.getMessage()
        assert SECRET not in (record.exc_text or "")


def test_a_test_shows_progress_while_it_runs_then_the_error(
    qtbot, home: Path, memory_keyring: MemoryKeyring, launch: WindowFactory
) -> None:
    # A port that takes connections (the kernel's backlog) and never answers: the test waits
    # on it until the port is closed under it.
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(4)
        port = silent.getsockname()[1]
        add_hook(home, f"http://127.0.0.1:{port}/hook")
        window = launch()
        dialog = open_channels(qtbot, window, rows=2)
        select(dialog, "hook")
        press("Alt+T")
        qtbot.waitUntil(dialog.progress.isVisible)
        assert dialog.outcome.text() == "Testing hook… (nothing is published)"
        press("Alt+T")  # a second press while it runs starts nothing
        assert dialog.outcome.text() == "Testing hook… (nothing is published)"
    qtbot.waitUntil(lambda: dialog.outcome.text().startswith("Test failed:"), timeout=10_000)
    assert not dialog.progress.isVisible()
    assert f"hook: 127.0.0.1:{port} cannot be reached" in dialog.outcome.text()
    assert "Check the url setting" in dialog.outcome.text()


def test_a_test_against_a_closed_port_shows_the_error(
    qtbot, home: Path, memory_keyring: MemoryKeyring, launch: WindowFactory
) -> None:
    port = closed_port()
    add_hook(home, f"http://127.0.0.1:{port}/hook")
    window = launch()
    dialog = open_channels(qtbot, window, rows=2)
    select(dialog, "hook")
    press("Tab")
    assert focused() is dialog.test_button
    press("Return")  # Enter presses the focused button
    qtbot.waitUntil(lambda: dialog.outcome.text().startswith("Test failed:"))
    assert f"hook: 127.0.0.1:{port} cannot be reached" in dialog.outcome.text()
    assert dialog.isVisible()


# -- enabling ------------------------------------------------------------------------------------


def test_disable_and_enable_reach_the_workspace_and_the_composer(
    qtbot, home: Path, memory_keyring: MemoryKeyring, launch: WindowFactory
) -> None:
    add_hook(home, "https://hooks.example.com/x")
    window = launch()
    dialog = open_channels(qtbot, window, rows=2)
    select(dialog, "hook")
    assert dialog.toggle_button.text() == "Disa&ble hook"
    press("Alt+B")
    qtbot.waitUntil(lambda: table_rows(dialog)[1][2] == "no")
    qtbot.waitUntil(lambda: window.composer.channel_checkbox("hook").text() == "hook (disabled)")
    assert dialog.toggle_button.text() == "Ena&ble hook"
    with Desk(home) as desk:
        assert [c.name for c in desk.store.channels.channels(enabled_only=True)] == ["site"]
    press("Alt+B")
    qtbot.waitUntil(lambda: table_rows(dialog)[1][2] == "yes")
    qtbot.waitUntil(lambda: window.composer.channel_checkbox("hook").text() == "hook")


# -- editing and removing (issue #12 §7) -------------------------------------------------------


def test_settings_are_edited_by_keyboard_checked_like_add(
    qtbot, home: Path, memory_keyring: MemoryKeyring, launch: WindowFactory
) -> None:
    add_hook(home, "https://hooks.example.com/x")
    window = launch()
    dialog = open_channels(qtbot, window, rows=2)
    select(dialog, "hook")
    form = dialog.edit_form
    qtbot.waitUntil(lambda: form.title() == "Settings of hook (webhook)")
    url = form.fields["url"]
    assert url.text() == "https://hooks.example.com/x"  # filled with what it has
    url.setFocus()
    press("Ctrl+A")
    type_text("hooks.example.com/no-scheme")
    press("Return")
    qtbot.waitUntil(lambda: form.status.isVisible() and "url must be" in form.status.text())
    with Desk(home) as desk:
        hook = desk.store.channels.channel_by_name("hook")
        assert hook is not None and hook.settings["url"] == "https://hooks.example.com/x"
    assert focused() is url  # the keyboard is on the field at fault
    press("Ctrl+A")
    type_text("https://hooks.example.com/new")
    form.fields["format"].setFocus()
    type_text("slack")
    press("Alt+G")  # Language
    assert focused() is form.language
    press("Down")  # English only
    press("Alt+N")  # Save settings
    qtbot.waitUntil(lambda: "Saved hook's settings" in form.status.text())
    with Desk(home) as desk:
        hook = desk.store.channels.channel_by_name("hook")
    assert hook is not None
    assert hook.settings == {"url": "https://hooks.example.com/new", "format": "slack"}
    assert hook.language.value == "en"
    qtbot.waitUntil(lambda: table_rows(dialog)[1][3] == "en")
    form.fields["format"].setFocus()
    press("Ctrl+A")
    press("Backspace")  # empty: back to the default
    press("Return")
    qtbot.waitUntil(lambda: form.channel is not None and "format" not in form.channel.settings)


def test_remove_asks_first_then_the_channel_is_gone_and_its_record_stays(
    qtbot, home: Path, memory_keyring: MemoryKeyring, receiver: Receivers, launch: WindowFactory
) -> None:
    add_hook(home, receiver().url)
    with Desk(home) as desk:
        desk.channels.set_channel_secret("hook", "signing_secret", SECRET)
    incident = open_incident(home, ("API errors", "أخطاء الواجهة"), ("Investigating.", "نحقق."))
    window = launch()
    dialog = open_channels(qtbot, window, rows=2)
    select(dialog, "hook")
    assert dialog.remove_button.text() == "R&emove hook…"
    press("Alt+E")
    qtbot.waitUntil(lambda: dialog.confirm is not None and dialog.confirm.isVisible())
    confirm = dialog.confirm
    assert confirm is not None
    qtbot.waitUntil(lambda: focused() is confirm.yes)
    press("Escape")  # keeps it
    qtbot.waitUntil(lambda: not confirm.isVisible())
    qtbot.waitUntil(lambda: focused() is dialog.remove_button)
    assert [row[0] for row in table_rows(dialog)] == ["site", "hook"]

    press("Alt+E")
    qtbot.waitUntil(lambda: dialog.confirm is not None and dialog.confirm.isVisible())
    qtbot.waitUntil(lambda: dialog.confirm is not None and focused() is dialog.confirm.yes)
    press("Return")
    qtbot.waitUntil(lambda: [row[0] for row in table_rows(dialog)] == ["site"])
    qtbot.waitUntil(lambda: "Removed hook" in dialog.outcome.text())
    assert "signing_secret" in dialog.outcome.text()
    assert memory_keyring.passwords == {}
    qtbot.waitUntil(lambda: "hook" not in window.composer.channel_names())
    with Desk(home) as desk:
        assert desk.store.channels.channel_by_name("hook") is None
        assert [c.name for c in desk.store.channels.channels(include_removed=True)] == [
            "site",
            "hook",
        ]
    press("Escape")
    qtbot.waitUntil(lambda: not dialog.isVisible())
    # What it published is still shown under its name when the incident is read again.
    page = load_page(window.desk.views, incident)
    assert page is not None
    names = [page.channels[d.channel_id].name for d in page.deliveries[page.updates[0].id]]
    assert sorted(names) == ["hook", "site"]


# -- keyboard and scale --------------------------------------------------------------------------


def test_every_input_is_named_has_a_label_and_tab_reads_top_to_bottom(
    qtbot, home: Path, memory_keyring: MemoryKeyring, launch: WindowFactory
) -> None:
    add_hook(home, "https://hooks.example.com/x")
    window = launch()
    dialog = open_channels(qtbot, window, rows=2)
    select(dialog, "hook")  # a channel that takes a secret: the secret fields are on
    for kind in ("webhook", "email"):
        dialog.add_form.kind.setCurrentIndex(dialog.add_form.kind.findData(kind))
        inputs = [
            w
            for w in dialog.findChildren(QWidget)
            if isinstance(w, QLineEdit | QComboBox | QAbstractItemView) and w.isVisible()
        ]
        buddies = {label.buddy() for label in dialog.findChildren(QLabel)}
        for widget in inputs:
            if widget is dialog.table.horizontalHeader():
                continue
            assert widget.accessibleName(), widget.objectName()
            assert widget in buddies, widget.objectName()

        # Tab from the table visits every input and button once, top to bottom.
        dialog.table.setFocus()
        seen = [focused()]
        for _ in range(40):
            press("Tab")
            if focused() is dialog.table:
                break
            seen.append(focused())
        assert len(seen) == len(set(seen))
        assert set(inputs) - {dialog.table.horizontalHeader()} <= set(seen)
        assert all(isinstance(w, QLineEdit | QComboBox | QAbstractButton) for w in seen[1:])
        assert seen[-1] is dialog.close_button  # below the scrolling part, last
        tops = [w.mapTo(dialog.body, w.rect().topLeft()).y() for w in seen[:-1]]
        assert tops == sorted(tops), [w.objectName() for w in seen]
    press("Escape")
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_at_double_size_text_nothing_is_fixed_or_clipped(
    qtbot, home: Path, memory_keyring: MemoryKeyring, launch: WindowFactory
) -> None:
    window = launch()
    font = QFont(window.font())
    font.setPointSizeF(font.pointSizeF() * 2)
    window.windows.channels_dialog.setFont(font)
    dialog = open_channels(qtbot, window)
    # Taller than the screen now: the window scrolls, and keeps where the keyboard is in view.
    viewport = dialog.body_scroll.viewport()
    assert dialog.body.height() > viewport.height()
    press("Alt+R")  # Order, near the bottom
    assert focused() is dialog.add_form.order

    def order_in_view() -> bool:
        where = dialog.add_form.order.geometry()
        where.moveTopLeft(dialog.add_form.order.parentWidget().mapTo(viewport, where.topLeft()))
        return viewport.rect().contains(where)

    # The scroll follows focus; a relayout still settling may move it a few pixels first.
    qtbot.waitUntil(order_in_view, timeout=2_000)
    dialog.add_form.kind.setCurrentIndex(dialog.add_form.kind.findData("email"))
    qtbot.waitUntil(lambda: dialog.add_form.fields["host"].isVisible())
    QApplication.processEvents()
    for widget in dialog.findChildren(QWidget):
        if widget.objectName().startswith("qt_") or isinstance(widget, QScrollBar):
            continue  # Qt's own parts of the scroll area
        assert widget.maximumWidth() == 16777215 and widget.maximumHeight() == 16777215, (
            widget.objectName()
        )
        if not widget.isVisible() or not isinstance(
            widget, QLabel | QAbstractButton | QLineEdit | QComboBox
        ):
            continue
        hint = widget.minimumSizeHint()
        assert widget.width() >= hint.width(), (widget.objectName(), widget.width(), hint)
        assert widget.height() >= hint.height(), (widget.objectName(), widget.height(), hint)


def test_a_site_shows_the_fields_of_the_target_it_publishes_to_and_sends_only_those(
    qtbot, home: Path, memory_keyring: MemoryKeyring, launch: WindowFactory
) -> None:
    window = launch()
    dialog = open_channels(qtbot, window)
    form = dialog.add_form
    form.kind.setCurrentIndex(form.kind.findData("site"))

    def shown() -> list[str]:
        return [key for key, edit in form.fields.items() if edit.isVisibleTo(form)]

    qtbot.waitUntil(lambda: shown() == ["base_url", "publish"])
    form.fields["publish"].setFocus()
    type_text("sftp")
    assert shown() == ["base_url", "publish", "host", "port", "user", "path"]
    press("Tab")
    assert focused() is form.fields["host"]  # the keyboard goes through what is shown
    type_text("sftp.example.com")
    form.fields["publish"].setFocus()
    press("Ctrl+A")
    type_text("git")
    assert shown() == ["base_url", "publish", "remote", "branch", "git_author"]
    form.fields["remote"].setFocus()
    type_text("https://git.example.com/status.git")
    kind, _, settings = form.values()
    assert kind == "site"
    assert {k: v for k, v in settings.items() if k not in ("language", "order")} == {
        "publish": "git",
        "remote": "https://git.example.com/status.git",
    }  # the sftp host typed before is not sent
    form.fields["publish"].setFocus()
    press("Ctrl+A")
    type_text("s3")
    assert shown() == ["base_url", "publish", "endpoint", "bucket", "prefix", "region"]
    press("Ctrl+A")
    press("Backspace")
    assert shown() == ["base_url", "publish"]

    # The edit form of the existing site follows the same choice.
    select(dialog, "site")
    edit = dialog.edit_form
    qtbot.waitUntil(lambda: edit.title() == "Settings of site (site)")
    assert [k for k, e in edit.fields.items() if e.isVisibleTo(edit)] == ["base_url", "publish"]
    edit.fields["publish"].setFocus()
    type_text("s3")
    visible = [k for k, e in edit.fields.items() if e.isVisibleTo(edit)]
    assert visible == ["base_url", "publish", "endpoint", "bucket", "prefix", "region"]
    assert edit.changes() == ({"publish": "s3"}, [])


def test_a_publishing_site_offers_only_its_targets_secrets(
    qtbot, home: Path, memory_keyring: MemoryKeyring, launch: WindowFactory
) -> None:
    with Desk(home) as desk:
        desk.channels.add_channel(
            "site", "public", {"publish": "s3", "bucket": "status", "region": "auto"}
        )
    window = launch()
    dialog = open_channels(qtbot, window, rows=2)
    select(dialog, "site")  # the page kept on this disk has nothing to keep in the keyring
    qtbot.waitUntil(lambda: "takes none" in dialog.secret_form.title())
    select(dialog, "public")
    keys = dialog.secret_form.key
    qtbot.waitUntil(lambda: dialog.secret_form.title() == "Secrets of public")
    offered = [keys.itemData(i) for i in range(keys.count())]
    assert offered == ["access_key_id", "secret_access_key"]  # not git's token, not sftp's


def test_a_mastodon_channel_offers_its_instance_and_visibility(
    qtbot, home: Path, memory_keyring: MemoryKeyring, launch: WindowFactory
) -> None:
    window = launch()
    dialog = open_channels(qtbot, window)
    form = dialog.add_form
    form.kind.setCurrentIndex(form.kind.findData("mastodon"))
    qtbot.waitUntil(
        lambda: (
            [k for k, e in form.fields.items() if e.isVisibleTo(form)]
            == ["base_url", "visibility", "thread"]
        )
    )
    form.fields["base_url"].setFocus()
    type_text("https://mastodon.social")
    form.fields["visibility"].setFocus()
    type_text("unlisted")
    kind, _, settings = form.values()
    assert kind == "mastodon"
    assert {k: v for k, v in settings.items() if k not in ("language", "order")} == {
        "base_url": "https://mastodon.social",
        "visibility": "unlisted",
    }
