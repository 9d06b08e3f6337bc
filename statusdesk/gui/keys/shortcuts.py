"""The user's keymap onto the QActions that actions.install_actions made.

install_actions gives every action its default key from the bindings table; after that the
window's keys come from a keymap.Keymap (the saved overrides), at start-up and whenever the
Keyboard shortcuts window emits `keymap_changed`.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

from statusdesk.gui.i18n import key_name
from statusdesk.gui.keys.keymap import Keymap, UnknownCommand


def native_key(portable: str) -> str:
    """The key as this platform writes it (Ctrl+Return, or ⌘↩ on a Mac); "" for none. In an
    Arabic interface, a left-to-right isolate (i18n.key_name), with its caps in Latin
    (i18n/language.py keeps Qt's Arabic key names out)."""
    return key_name(QKeySequence(portable).toString(QKeySequence.SequenceFormat.NativeText))


def apply_keymap(actions: Mapping[str, QAction], keymap: Keymap) -> None:
    """Each action's shortcut (none for an unbound command) and its tooltip, as in
    install_actions. An action whose command the keymap does not know is left as it is."""
    for command, action in actions.items():
        try:
            key = keymap.key(command)
        except UnknownCommand:
            continue
        action.setShortcut(QKeySequence(key))  # QKeySequence("") is no shortcut at all
        description = QCoreApplication.translate("Bindings", keymap.binding(command).description)
        action.setToolTip(
            QCoreApplication.translate("Bindings", "{description} ({key})").format(
                description=description, key=native_key(key)
            )
            if key
            else description
        )


def claimed_sequences(keymap: Keymap) -> frozenset[str]:
    """The keys an actions.ShortcutClaim must keep from text fields, as Qt prints them."""
    return frozenset(
        QKeySequence(key).toString(QKeySequence.SequenceFormat.PortableText)
        for _command, key in keymap.keys().items()
        if key
    )
