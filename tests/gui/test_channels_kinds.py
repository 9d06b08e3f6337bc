"""The Channels window adds each of issue #15's kinds by keyboard, with its settings and its
secrets (issue #15, "Tests"): mastodon (instance, visibility, access_token), telegram (chat,
bot_token) and webhooks in the discord, teams and slack formats (URL, format, signing_secret).
A setting the kind refuses is said next to the form in the channel's own words
(its `settings_problems`), the keyboard on the field at fault, and nothing is stored.

Secrets go to the in-memory keyring of tests/memkeyring.py, as in test_channels_dialog.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from statusdesk.desk import Desk
from statusdesk.gui.channels.channel_forms import KIND_FORMS
from statusdesk.gui.channels.channels_dialog import ChannelsDialog
from statusdesk.gui.desk.main_window import MainWindow
from tests import memkeyring
from tests.gui.conftest import WindowFactory
from tests.gui.keys import focused, press, type_text
from tests.gui.test_channels_dialog import open_channels, table_rows

MemoryKeyring = memkeyring.MemoryKeyring
memory_keyring = memkeyring.memory_keyring

# kind, name, (setting, typed) in the form's order, (secret, value)
CASES = {
    "mastodon": (
        "mastodon",
        "masto",
        [("base_url", "https://mastodon.example"), ("visibility", "unlisted")],
        ("access_token", "mtok-سر-Qz7Wx3Ev9Rb2"),
    ),
    "telegram": (
        "telegram",
        "tg-news",
        [("chat_id", "@acme_status"), ("base_url", "")],
        ("bot_token", "123456:AAH-سر-bot-token"),
    ),
    "discord": (
        "webhook",
        "discord",
        [("url", "https://discord.example.com/api/webhooks/1/tok"), ("format", "discord")],
        ("signing_secret", "whsec-discord-سر"),
    ),
    "teams": (
        "webhook",
        "teams",
        [("url", "https://acme.webhook.office.example/workflows/7"), ("format", "teams")],
        ("signing_secret", "whsec-teams-سر"),
    ),
    "slack": (
        "webhook",
        "slack",
        [("url", "https://hooks.slack.example/services/T0/B0/x"), ("format", "slack")],
        ("signing_secret", "whsec-slack-سر"),
    ),
}


def choose_kind(dialog: ChannelsDialog, kind: str) -> None:
    """Alt+K, then the kind's name typed: the list jumps to it, as a person picks it."""
    form = dialog.add_form
    press("Alt+K")
    assert focused() is form.kind
    type_text(kind)
    assert form.kind.currentData() == kind


def fill(dialog: ChannelsDialog, name: str, settings: list[tuple[str, str]]) -> None:
    """Alt+M for the name, then Tab through the kind's fields in order, typing each."""
    form = dialog.add_form
    press("Alt+M")
    assert focused() is form.name
    type_text(name)
    for setting, typed in settings:
        press("Tab")
        assert focused() is form.fields[setting], setting
        type_text(typed)


def store_secret(qtbot, dialog: ChannelsDialog, name: str, key: str, value: str) -> None:  # type: ignore[no-untyped-def]
    form = dialog.secret_form
    qtbot.waitUntil(lambda: form.title() == f"Secrets of {name}")
    press("Alt+S")
    assert focused() is form.key
    offered = [form.key.itemData(i) for i in range(form.key.count())]
    assert offered == [key]  # the kind's own secret, and nothing else's
    assert form.key.currentText() == f"{key} — not set"
    press("Alt+V")
    assert focused() is form.value
    type_text(value)
    press("Return")
    qtbot.waitUntil(lambda: f"Stored {key} of {name}" in form.status.text())
    assert form.value.text() == ""


@pytest.mark.parametrize("case", list(CASES))
def test_each_new_kind_is_added_by_keyboard_with_its_settings_and_secret(
    qtbot, home: Path, memory_keyring: MemoryKeyring, launch: WindowFactory, case: str
) -> None:
    kind, name, settings, (key, secret) = CASES[case]
    window: MainWindow = launch()
    dialog = open_channels(qtbot, window)
    choose_kind(dialog, kind)
    shown = [k for k, e in dialog.add_form.fields.items() if e.isVisibleTo(dialog.add_form)]
    assert shown == [spec.setting for spec in KIND_FORMS[kind].fields]
    fill(dialog, name, settings)
    press("Return")  # Enter in any field adds

    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2)
    assert table_rows(dialog)[1][:2] == [name, kind]
    assert dialog.table.selected_name() == name
    assert f"Added the {kind} channel {name}" in dialog.add_form.status.text()
    store_secret(qtbot, dialog, name, key, secret)
    assert memory_keyring.passwords == {("statusdesk", f"{name}/{key}"): secret}
    qtbot.waitUntil(lambda: table_rows(dialog)[1][5] == key)
    qtbot.waitUntil(lambda: name in window.composer.checked_channels())

    with Desk(home) as desk:
        added = desk.store.channels.channel_by_name(name)
    assert added is not None and added.kind == kind
    typed = {setting: value for setting, value in settings if value}  # empty: the default
    assert {k: v for k, v in added.settings.items() if k != "secret_keys"} == typed
    assert added.settings["secret_keys"] == [key]
    assert secret not in repr(added)  # the secret is in the keyring only


@pytest.mark.parametrize(
    ("kind", "settings", "field", "says"),
    [
        (
            "mastodon",
            [("base_url", "https://mastodon.example"), ("visibility", "followers")],
            "visibility",
            "visibility must be public or unlisted (got 'followers')",
        ),
        (
            "mastodon",
            [("base_url", "mastodon.example"), ("visibility", "")],
            "base_url",
            "base_url must be the instance's https:// address",
        ),
        (
            "telegram",
            [("chat_id", "acme status"), ("base_url", "")],
            "chat_id",
            "chat_id must be the channel's @username or its numeric id",
        ),
        (
            "webhook",
            [("url", "https://discord.example.com/api/webhooks/1/tok"), ("format", "fax")],
            "format",
            "format must be one of statusdesk, slack, discord, teams (got 'fax')",
        ),
    ],
)
def test_a_setting_the_kind_refuses_is_said_in_its_words_and_nothing_is_stored(
    qtbot,
    home: Path,
    memory_keyring: MemoryKeyring,
    launch: WindowFactory,
    kind: str,
    settings: list[tuple[str, str]],
    field: str,
    says: str,
) -> None:
    window = launch()
    dialog = open_channels(qtbot, window)
    form = dialog.add_form
    choose_kind(dialog, kind)
    fill(dialog, "new-one", settings)
    press("Return")
    qtbot.waitUntil(form.problems.isVisible)
    assert says in form.problems.text()
    assert focused() is form.fields[field]  # the keyboard on the field at fault
    assert dialog.table.rowCount() == 1
    assert form.name.text() == "new-one"  # nothing typed is lost
    with Desk(home) as desk:
        assert desk.store.channels.channel_by_name("new-one") is None
    assert memory_keyring.passwords == {}
