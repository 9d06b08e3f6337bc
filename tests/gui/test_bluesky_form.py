"""The Channels window adds a Bluesky channel with its settings, and offers only the secret a
person sets (the app password), never the session the channel keeps in the keyring itself."""

from __future__ import annotations

from pathlib import Path

from statusdesk.desk import Desk
from tests import memkeyring
from tests.gui.conftest import WindowFactory
from tests.gui.keys import press, type_text
from tests.gui.test_channels_dialog import open_channels, select
from tests.memkeyring import MemoryKeyring

memory_keyring = memkeyring.memory_keyring


def test_a_bluesky_channel_is_added_with_its_handle_and_asks_for_its_app_password(
    qtbot, home: Path, memory_keyring: MemoryKeyring, launch: WindowFactory
) -> None:
    window = launch()
    dialog = open_channels(qtbot, window)
    form = dialog.add_form
    form.kind.setCurrentIndex(form.kind.findData("bluesky"))
    qtbot.waitUntil(
        lambda: (
            [k for k, e in form.fields.items() if e.isVisibleTo(form)]
            == [
                "handle",
                "pds",
                "thread",
            ]
        )
    )
    assert form.kind.currentText() == "bluesky — posts and threads on Bluesky"
    form.name.setFocus()
    type_text("sky")
    form.fields["handle"].setFocus()
    type_text("acme.bsky.social")
    press("Return")  # the PDS left empty: the default, https://bsky.social
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2)
    with Desk(home) as desk:
        added = desk.store.channels.channel_by_name("sky")
        assert added is not None and added.settings == {"handle": "acme.bsky.social"}
    select(dialog, "sky")
    keys = dialog.secret_form.key
    qtbot.waitUntil(lambda: dialog.secret_form.title() == "Secrets of sky")
    assert [keys.itemData(i) for i in range(keys.count())] == ["app_password"]
